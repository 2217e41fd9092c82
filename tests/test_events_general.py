"""Event classes of negotiations no rule was shaped on, one test per class (our own sentences).

Every test runs the real tagger and extractor on a short text published on Wednesday
19 March 2025 (Saturday is the 15th, Sunday the 16th, Monday the 17th, Tuesday the
18th; the next Tuesday is the 25th).
"""

from __future__ import annotations

import pytest

from tests.test_events_classes import dates, run


def types(found):
    return {e.type for e in found}


# Armed conflict: fighting, clashes, fire --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Border troops of the two states fought near the river crossing on Monday.", "2025-03-17"),
        ("The two armies clashed along the frontier on Monday.", "2025-03-17"),
        ("Saturday's clash near the dam left four soldiers dead.", "2025-03-15"),
        ("The clashes began early on Tuesday near the dam.", "2025-03-18"),
        ("The fighting began on Tuesday near the old fort.", "2025-03-18"),
        ("The northern army fired artillery into the valley on Monday.", "2025-03-17"),
        ("The air force sent jets to bomb rebel depots on Monday.", "2025-03-17"),
    ],
)
def test_fighting_and_fire_are_attacks(nlp, text, day):
    assert dates(run(nlp, text), "attack") == [day]


def test_an_exchange_is_of_fire_or_of_captives(nlp):
    text = "Saturday's exchanges of fire on the border were the heaviest yet."
    assert dates(run(nlp, text), "attack") == ["2025-03-15"]
    assert dates(run(nlp, "The prisoner exchange took place on Monday."), "release")


def test_an_infinitive_of_purpose_shares_the_date_of_its_conjunct(nlp):
    text = "The rebels shelled the town on Monday, and the army sent jets to bomb their depots."
    assert dates(run(nlp, text), "attack") == ["2025-03-17", "2025-03-17"]


@pytest.mark.parametrize(
    "text",
    [
        "The minister vowed on Monday to keep fighting corruption.",
        "The president fought back tears on Monday as he spoke.",
        "The two parties clashed over the budget on Monday.",
        "Monday's clash over the budget delayed the vote.",
    ],
)
def test_fighting_that_is_no_combat_is_no_attack(nlp, text):
    assert "attack" not in types(run(nlp, text))


# Trade measures: packages, rates, measures that take effect or stand since a date -------


def test_a_package_takes_the_type_of_what_it_gathers(nlp):
    assert dates(
        run(nlp, "The ministers approved a package of countermeasures on Monday."), "sanctions"
    )
    assert dates(run(nlp, "The ministers approved an arms package on Monday."), "aid")


def test_a_measure_approved_in_a_relative_clause_is_the_measure(nlp):
    text = "The bloc will suspend the countermeasures that member states approved on Monday."
    found = run(nlp, text)
    assert dates(found, "sanctions") == ["2025-03-17"]
    assert "agreement" not in types(found)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The higher rate took effect on Monday.", "2025-03-17"),
        ("The first duties were due to take effect on Monday.", "2025-03-17"),
        ("The baseline took effect on Saturday.", "2025-03-15"),
        ("A separate levy on cars, in force since March 3, was left alone.", "2025-03-03"),
        ("The government halted imports of fruit and vegetables on Monday.", "2025-03-17"),
        ("The columnist recalled the doubling of the steel duties in February.", "2025-02"),
    ],
)
def test_trade_measures_and_their_dates(nlp, text, day):
    assert dates(run(nlp, text), "sanctions") == [day]


def test_a_measure_that_took_effect_a_week_later(nlp):
    text = "The new rates were announced on March 3 and took effect a week later."
    assert dates(run(nlp, text), "sanctions") == ["2025-03-03", "2025-03-10"]


def test_rates_that_are_no_measure(nlp):
    found = run(nlp, "The central bank raised its interest rate on Monday.")
    assert "sanctions" not in types(found)


# Decisions: consultations, concluding verbs, recalls ------------------------------------


def test_a_list_put_out_for_comment_is_a_proposal(nlp):
    found = run(nlp, "The bloc put a list of goods out for consultation on March 3.")
    assert dates(found, "proposal") == ["2025-03-03"]
    assert "talks" not in types(found)


def test_a_framework_sealed_is_an_agreement(nlp):
    assert dates(run(nlp, "The two sides sealed a framework on Monday."), "agreement")
    assert dates(run(nlp, "The two sides put forward a framework on Monday."), "proposal")


def test_recalling_an_ambassador_is_a_withdrawal(nlp):
    assert dates(run(nlp, "The government recalled its ambassador on Monday."), "withdrawal")
    assert dates(run(nlp, "The government recalled its negotiating team on Monday."), "walkout")


def test_a_truce_named_by_its_day_is_that_agreement(nlp):
    assert dates(run(nlp, "Sunday's truce was broken within hours."), "agreement") == ["2025-03-16"]
    assert "agreement" not in types(run(nlp, "The truce was broken within hours."))


# Statements: afterwards, narration in the first person -----------------------------------


def test_said_afterwards_is_the_day_of_the_event_before(nlp):
    text = (
        "The two leaders spoke by phone on Monday. The premier said afterwards that it went well."
    )
    assert dates(run(nlp, text), "statement") == ["2025-03-17"]


def test_speech_told_in_the_first_person_is_no_occasion(nlp):
    text = "“So I said, fine, July 9,” the president said on Monday."
    assert dates(run(nlp, text), "statement") == ["2025-03-17"]


def test_a_contracted_would_makes_a_deal_hypothetical(nlp):
    text = "“I'd bet on a deal before April 1,” the analyst said."
    assert "agreement" not in types(run(nlp, text))


# Weekday direction -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "day"),
    [
        # a future seen from a past saying: the next Tuesday, the part of the day kept
        (
            "The premier said army commanders would meet on Tuesday morning.",
            "meeting",
            "2025-03-25",
        ),
        # a weekday in a noun phrase of a present clause: the nearest one (here the last)
        (
            "The summit follows two calls on Saturday in which he pressed both.",
            "call",
            "2025-03-15",
        ),
        # a past "Monday night" is the day, not the week of another clause's expression
        (
            "He said he had called his counterparts on Monday night"
            " and would travel there later this week.",
            "call",
            "2025-03-17",
        ),
    ],
)
def test_weekdays_follow_the_clause_that_holds_them(nlp, text, kind, day):
    assert dates(run(nlp, text), kind) == [day]
