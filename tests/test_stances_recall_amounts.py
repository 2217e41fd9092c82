"""Stances the generic frames used to miss, second round: amounts on a scale, phrasal
cues, contrasts, offers in an actor's own words, shared head words and plans.

Every sentence is invented; the case (tests/fixtures/tariff_case.yaml) has actors and
issues only, and its scale labels give amounts ("25 percent or more", "a 12 percent
ceiling", "150 percent or more on vaccines").
"""

from __future__ import annotations

from operator import attrgetter

import pytest

from parley.extract.stances.quantities import Amount, label_amounts
from tests.test_stances_precision import _runner


@pytest.fixture(scope="module")
def stances_of():
    """Stances with their positions: (actor, issue, stance, position)."""
    return _runner("tariff_case.yaml", key=attrgetter("actor", "issue", "stance", "position"))


def test_scale_labels_give_amounts_and_ranges():
    scale = {
        0: "30 percent or more, or the threatened 40 or 50 percent",
        50: "up to 3.5 percent",
        100: "the 2025 rates removed",
    }
    assert label_amounts(scale) == (
        Amount(0, 30.0, float("inf")),
        Amount(0, 40.0, 40.0),
        Amount(0, 50.0, 50.0),
        Amount(50, 0.0, 3.5),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an amount the point-0 label names: the opposite of the proposition, at 0
        (
            "Norland threatened a 40 percent tariff on Ostrian goods.",
            ("norland", "norland_tariff_cut", "oppose", 0),
        ),
        # inside the range "25 percent or more"
        (
            "Norland announced a 30 percent tariff on Ostrian goods.",
            ("norland", "norland_tariff_cut", "oppose", 0),
        ),
        (
            "Norland kept its 25 percent tariff.",
            ("norland", "norland_tariff_cut", "oppose", 0),
        ),
        # 300 fits "150 percent or more on vaccines" more closely than "25 percent or more"
        (
            "Norland has floated tariffs of 300 percent on vaccines.",
            ("norland", "vaccine_exemption", "oppose", 0),
        ),
    ],
)
def test_an_amount_a_label_gives_names_its_point(stances_of, text, expected):
    assert stances_of(text) == {expected}


def test_a_middle_point_is_the_propositions_side(stances_of):
    found = stances_of("Ostria accepted a 12 percent ceiling on Ostrian goods.")
    assert ("ostria", "norland_tariff_cut", "support", 50) in found


def test_an_amount_a_change_goes_to_is_no_measure_of_the_noun(stances_of):
    # "cut the tariff to 12 percent": the cut's end, read by the cut's own frame
    found = stances_of("Norland said it would cut the tariff to 12 percent.")
    assert not any(stance == "oppose" for _a, _i, stance, _p in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eva Rask has argued against retaliation.", ("norland", "retaliation", "oppose", None)),
        (
            "Norland voted against retaliation by the bloc.",
            ("norland", "retaliation", "oppose", None),
        ),
    ],
)
def test_a_phrasal_cues_own_preposition_does_not_flip(stances_of, text, expected):
    assert stances_of(text) == {expected}


@pytest.mark.parametrize(
    "text",
    [
        "Timo Varg said Ostria should negotiate rather than retaliate.",
        "Ostria chose to negotiate instead of imposing countermeasures.",
        "Ostria wants talks rather than retaliation.",
    ],
)
def test_what_a_contrast_sets_aside_is_opposed(stances_of, text):
    found = {(a, i, s) for a, i, s, _p in stances_of(text)}
    assert ("ostria", "retaliation", "oppose") in found
    assert ("ostria", "retaliation", "support") not in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"Talks on the ferry route are still on offer," Timo Varg said.',
            ("ostria", "ferry_talks", "support"),
        ),
        (
            '"Talks on the ferry route are not on offer," Eva Rask said.',
            ("norland", "ferry_talks", "oppose"),
        ),
    ],
)
def test_an_offer_in_an_actors_own_words(stances_of, text, expected):
    assert {(a, i, s) for a, i, s, _p in stances_of(text)} == {expected}


def test_a_shared_head_word_names_the_issue_its_phrase_favours(stances_of):
    # "tariffs" names five issues; "heavy" only the one on heavy machinery
    found = stances_of("Ostria wants to remove the tariffs on heavy equipment.")
    assert {(a, i, s) for a, i, s, _p in found} == {("ostria", "ostria_tariff_cut", "support")}
    assert stances_of("Ostria wants to remove the tariffs.") == set()


def test_a_clause_under_a_plan_is_its_authors(stances_of):
    text = (
        "Norland unveiled a plan on Monday. "
        "Under the plan, Ostrian troops would withdraw from the ferry port."
    )
    found = {(a, i, s) for a, i, s, _p in stances_of(text)}
    assert ("norland", "ferry_guard", "support") in found


@pytest.mark.parametrize(
    "text",
    [
        "Ostria put its countermeasures on hold for a month.",
        "Timo Varg wants Ostria to keep its countermeasures in reserve.",
    ],
)
def test_a_verb_with_a_fixed_phrase_of_suspension_is_a_shift(stances_of, text):
    found = {(a, i, s) for a, i, s, _p in stances_of(text)}
    assert found == {("ostria", "retaliation", "oppose")}


def test_keeping_something_in_force_is_no_shift(stances_of):
    found = {(a, i, s) for a, i, s, _p in stances_of("Ostria kept its countermeasures in force.")}
    assert ("ostria", "retaliation", "support") in found
    assert ("ostria", "retaliation", "oppose") not in found
