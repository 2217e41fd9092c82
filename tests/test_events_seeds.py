"""Events on the real seed articles (skipped without ../shared)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed_events(shared, seed_nlp, seed_case):
    from parley.extract.entities import extract_mentions
    from parley.extract.events import extract_events
    from parley.extract.timex import find_timexes
    from parley.sources import read_articles

    path = next((shared / "seeds").glob("004_*.txt"))
    manifest = shared / "manifests" / "seeds.csv"
    article = next(a for a in read_articles([path], manifest=manifest) if hasattr(a, "text"))
    doc = seed_nlp(article.text)
    mentions = extract_mentions(doc, article, seed_case)
    timexes = find_timexes(doc, article.published)
    return extract_events(doc, article, seed_case, mentions, timexes)


def test_the_tuesday_call_is_dated_the_day_before_publication(seed_events):
    calls = [e for e in seed_events if e.type == "call" and e.date == "2025-03-18"]
    assert calls and {"united_states", "russia"} <= set(calls[0].actors)


def test_every_dated_event_has_an_iso_date(seed_events):
    from parley.extract.timex import timex_to_date_range

    dated = [e for e in seed_events if e.date]
    assert dated
    assert all(timex_to_date_range(e.date) for e in dated)
