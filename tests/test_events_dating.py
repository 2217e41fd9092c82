"""Events and their dates through the real time-expression tagger, one class of sentence each.

The sentences are our own; each test names the class it stands for.
"""

from __future__ import annotations

from datetime import date

import pytest

from parley.articles.model import Article
from parley.extract.entities import extract_mentions
from parley.extract.events import extract_events
from parley.extract.timex import find_timexes

WEDNESDAY = date(2025, 3, 19)


def run(nlp, text, published=WEDNESDAY, case=None):
    doc = nlp(text)
    article = Article(id="a1", source="t.txt", text=text, published=published)
    mentions = extract_mentions(doc, article, case)
    return extract_events(doc, article, case, mentions, find_timexes(doc, published))


def first(found, kind):
    matching = [e for e in found if e.type == kind]
    assert matching, found
    return matching[0]


# Weekdays by tense and aspect -----------------------------------------------------


def test_past_weekday_is_the_one_before_the_article(nlp):
    found = run(nlp, "The militia released two hostages on Saturday, the mediators said.")
    assert first(found, "release").date == "2025-03-15"


def test_scheduled_weekday_is_the_next_one(nlp):
    text = "The border plan is set to be discussed at talks between the envoys on Monday."
    assert first(run(nlp, text), "talks").date == "2025-03-24"


def test_future_weekday_is_the_next_one(nlp):
    text = "Anna Lind will meet Omar Haddad in Geneva on Friday."
    assert first(run(nlp, text), "meeting").date == "2025-03-21"


# A date in a relative clause dates that clause only ---------------------------------


def test_date_of_a_participle_clause_dates_its_noun_not_the_main_event(nlp):
    text = "Omar Haddad has accepted the harbour proposal put forward by Anna Lind last month."
    assert first(run(nlp, text), "agreement").date != "2025-02"


def test_date_of_a_relative_clause_does_not_date_the_main_event(nlp):
    text = "The council rejected the plan to end the war that erupted in October 2023."
    rejection = first(run(nlp, text), "rejection")
    assert rejection.date != "2023-10"


# Anchors --------------------------------------------------------------------------


def test_earlier_in_the_day_is_the_day_of_the_event_told_before(nlp):
    text = (
        "Anna Lind met Omar Haddad in Geneva on Monday. "
        "Earlier in the day, the northern delegation walked out of the talks."
    )
    assert first(run(nlp, text), "walkout").date == "2025-03-17"


def test_the_day_before_an_event_is_counted_from_that_event(nlp):
    text = (
        "Anna Lind spoke to Omar Haddad by phone on Tuesday. "
        "Rebels shelled the port on the day before the call, officials said."
    )
    assert first(run(nlp, text), "attack").date == "2025-03-17"


def test_hours_after_an_event_is_its_day(nlp):
    text = (
        "The two ministers signed the fishing accord on Monday. "
        "Hours after the signing, the coast guard seized two trawlers."
    )
    assert first(run(nlp, text), "attack").date == "2025-03-17"


def test_overnight_is_the_night_before_the_article(nlp):
    text = "Overnight, rebel drones struck the harbour of Portmar, the navy said."
    assert first(run(nlp, text), "attack").date == "2025-03-18"


# Another mention of the same event -------------------------------------------------


def test_a_mention_with_no_date_takes_the_date_of_the_same_event(nlp):
    text = (
        "Anna Lind held a phone call with Omar Haddad on March 12. "
        "Officials close to both said the two-hour conversation had gone well."
    )
    calls = [e for e in run(nlp, text) if e.type == "call"]
    assert len(calls) == 2 and {c.date for c in calls} == {"2025-03-12"}
    assert [c.dating for c in calls] == ["timex", "link"]


def test_a_previous_occasion_is_not_the_same_event(nlp):
    text = (
        "Anna Lind held a phone call with Omar Haddad on March 12. "
        "Little came of the previous call between Lind and Haddad, aides said."
    )
    calls = [e for e in run(nlp, text) if e.type == "call"]
    assert [c.date for c in calls] == ["2025-03-12", None]


# The news lead --------------------------------------------------------------------


def test_past_lead_event_with_no_date_is_the_publication_day_approximately(nlp):
    text = "Omar Haddad's government has accepted the harbour proposal put forward by Anna Lind."
    agreement = first(run(nlp, text), "agreement")
    assert (agreement.date, agreement.approximate, agreement.dating) == (
        "2025-03-19",
        True,
        "lead",
    )


def test_lead_convention_needs_a_publication_date(nlp):
    text = "Omar Haddad's government has accepted the harbour proposal put forward by Anna Lind."
    assert first(run(nlp, text, published=None), "agreement").date is None


# What is no event -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Anna Lind is fixated on a deal with Omar Haddad.",  # a state
        "The northern delegation would reject any deal on Monday.",  # hypothetical
        "Anna Lind has repeatedly demanded concessions.",  # habitual
        "If the talks fail on Monday, the rebels will attack.",  # condition
        "Both envoys agreed on Monday that nobody wants a long war.",  # a view agreed
    ],
)
def test_states_habits_and_hypotheticals_are_no_dated_events(nlp, text):
    kinds = {"agreement", "proposal", "rejection", "attack", "talks"}
    assert [e for e in run(nlp, text) if e.date and e.type in kinds] == []


# Each trigger class -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("call", "Anna Lind spoke by phone with Omar Haddad on Monday."),
        ("meeting", "Anna Lind met Omar Haddad in Geneva on Monday."),
        ("talks", "Delegations of the two sides held a second round of talks on Monday."),
        ("proposal", "The mediators put forward a new border plan on Monday."),
        ("agreement", "The two ministers signed a fishing accord on Monday."),
        ("rejection", "The northern council rejected the harbour proposal on Monday."),
        ("walkout", "The northern government recalled its negotiating team from Geneva on Monday."),
        ("ultimatum", "Anna Lind gave the rebels until Friday to leave the port."),
        ("attack", "Rebel drones struck the harbour of Portmar on Monday."),
        ("release", "The militia freed three hostages on Monday."),
        ("withdrawal", "The rebels withdrew their fighters from two towns on Monday."),
        ("sanctions", "The southern bloc imposed new tariffs on northern fish on Monday."),
        ("aid", "The coalition paused military aid to the north on Monday."),
        ("statement", "Anna Lind told reporters on Monday that the port would reopen."),
    ],
)
def test_each_trigger_class_is_an_event_of_its_type(nlp, kind, text):
    assert first(run(nlp, text), kind).date is not None


def test_a_ceasefire_taking_effect_is_an_agreement(nlp):
    text = "The ceasefire took effect on Sunday morning, the mediators said."
    assert first(run(nlp, text), "agreement").date == "2025-03-16"


def test_live_blog_entry_dates_its_statements(nlp):
    text = "Live\n\n14:05 GMT\n\nThe northern ministry said the border would stay closed."
    found = run(nlp, text)
    statement = first(found, "statement")
    assert (statement.date, statement.dating) == ("2025-03-19", "entry")


# Participants are parties, never places, outlets or platforms ---------------------------


def test_participants_exclude_venues_outlets_and_platforms(nlp):
    text = (
        "Anna Lind met Omar Haddad at the Blue House in Geneva on Monday. "
        "Speaking to Harbour Radio on Monday evening, Anna Lind wrote on Fieldpost that "
        "the talks went well."
    )
    found = run(nlp, text)
    actors = {a for e in found for a in e.actors}
    assert actors and not actors & {"Blue House", "Geneva", "Harbour Radio", "Fieldpost"}


def test_remarks_after_an_event_are_on_its_day_but_do_not_date_it(nlp):
    text = (
        "Anna Lind met Omar Haddad in Geneva on Monday. "
        "Omar Haddad told reporters after the meeting that the port would reopen."
    )
    found = run(nlp, text)
    assert first(found, "statement").date == "2025-03-17"
    assert {e.date for e in found if e.type == "meeting"} == {"2025-03-17"}


def test_a_deadline_dates_no_event(nlp):
    text = "Anna Lind gave the rebels until Friday to leave the port, her office said on Monday."
    ultimatum = first(run(nlp, text), "ultimatum")
    assert ultimatum.date != "2025-03-21"
