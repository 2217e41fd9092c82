"""Events on the real seed articles (skipped without ../shared)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.shared

# Names in the seeds that are places, buildings, outlets or platforms: never participants.
NOT_PARTIES = {
    "Oval Office",
    "JEDDAH",
    "Jeddah",
    "Saudi Arabia",
    "Istanbul",
    "Turkey",
    "Sochi",
    "Slovyansk",
    "Berlin",
    "Gaza",
    "Yemen",
    "Black Sea",
    "Red Sea",
    "Fox News",
    "Washington Examiner",
    "NBC",
    "The New York Times",
    "Truth Social",
    "X",
    "Twitter",
    "The Conversation",
}


@pytest.fixture(scope="module")
def seed_timeline(shared, seed_nlp, seed_case):
    """(article events per file, the merged timeline) of the five seeds."""
    from pathlib import Path

    from parley.analysis.events import merge_events
    from parley.extract.entities import extract_mentions
    from parley.extract.events import extract_events
    from parley.extract.timex import find_timexes
    from parley.sources import read_articles

    manifest = shared / "manifests" / "seeds.csv"
    per_file, triples, places = {}, [], set()
    for article in read_articles(sorted((shared / "seeds").glob("*.txt")), manifest=manifest):
        doc = seed_nlp(article.text)
        mentions = extract_mentions(doc, article, seed_case)
        found = extract_events(
            doc, article, seed_case, mentions, find_timexes(doc, article.published)
        )
        per_file[Path(article.source).name[:3]] = found
        triples += [(article.id, article.source, e) for e in found]
        places |= {m.key for m in mentions if m.label in ("FAC", "LOC") and not m.actor}
    return per_file, merge_events(triples), places


def test_the_tuesday_call_is_dated_the_day_before_publication(seed_timeline):
    calls = [e for e in seed_timeline[0]["004"] if e.type == "call" and e.date == "2025-03-18"]
    assert calls and {"united_states", "russia"} <= set(calls[0].actors)


def test_every_dated_event_has_an_iso_date(seed_timeline):
    from parley.extract.timex import timex_to_date_range

    dated = [e for events in seed_timeline[0].values() for e in events if e.date]
    assert dated and all(timex_to_date_range(e.date) for e in dated)


def test_no_place_building_outlet_or_platform_is_a_participant(seed_timeline):
    _, timeline, places = seed_timeline
    actors = {a for event in timeline for a in event.actors}
    assert actors and places
    assert not actors & (NOT_PARTIES | places)


def test_a_state_is_no_event(seed_timeline):
    """ "Trump is fixated on a deal with Putin" (seed 001) reports no agreement."""
    assert not [e for e in seed_timeline[0]["001"] if "fixated" in e.summary]


def test_the_may_19_call_is_one_event_with_sources_from_two_articles(seed_timeline):
    _, timeline, _ = seed_timeline
    calls = [e for e in timeline if e.type == "call" and e.date == "2025-05-19"]
    assert len(calls) == 1
    assert len({s["article_id"] for s in calls[0].sources}) == 2  # 001 (May 19), 002 (that week)
