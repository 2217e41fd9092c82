"""Stances from a case file with actors and issues only, class by class.

Every sentence is invented; the case (tests/fixtures/river_case.yaml) has no rules.
Each test is one class of sentences the extractor reads without a case-specific word.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.extract.entities import extract_mentions
from parley.extract.quotes import extract_quotes
from parley.extract.stances import extract_stances

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def case():
    from parley.case import load_case

    return load_case(FIXTURES / "river_case.yaml")


@pytest.fixture(scope="module")
def stances_of(case):
    from parley.nlp import load_pipeline

    nlp = load_pipeline(case)

    def run(text: str) -> set[tuple[str, str, str]]:
        doc = nlp(text)
        mentions = extract_mentions(doc, None, case)
        found = extract_stances(doc, None, case, mentions, extract_quotes(doc, None, case))
        return {(s.actor, s.issue, s.stance) for s in found}

    return run


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "pulls ... out" in the proposition is a shift: staying opposes, pulling out supports
        (
            "Northland said its troops would stay in the delta.",
            ("northland", "troop_pullout", "oppose"),
        ),
        (
            "Anna Berg agreed to pull the troops out of the delta.",
            ("northland", "troop_pullout", "support"),
        ),
        # "zero" in the label negates what it modifies, in the article too
        (
            "Northland demanded zero dam building on the river.",
            ("northland", "dam_halt", "support"),
        ),
        # "talks" is on both ends of the scale: "indirect" decides
        (
            "Southia insisted on indirect talks through a mediator.",
            ("southia", "direct_talks", "oppose"),
        ),
        # a shift inside a phrase flips it
        ("Southia backed a toll cut.", ("southia", "toll_cut", "support")),
    ],
)
def test_issue_words_take_their_side_from_the_issue_texts(stances_of, text, expected):
    assert expected in stances_of(text)


def test_a_word_one_issue_uses_bare_names_that_issue(stances_of):
    assert stances_of("Southia agreed to cut the tolls.") == {("southia", "toll_cut", "support")}
    found = stances_of("Northland agreed to cut the ferry toll.")
    assert found == {("northland", "ferry_toll", "support")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Southia was ready to accept limits on dam building.", ("southia", "dam_halt", "support")),
        ("Northland was unwilling to cut the tolls.", ("northland", "toll_cut", "oppose")),
        ("Southia has yet to stop building dams.", ("southia", "dam_halt", "oppose")),
        ("Southia failed to agree on a toll cut.", ("southia", "toll_cut", "oppose")),
        (
            "Southia has shown no sign that it would stop building dams.",
            ("southia", "dam_halt", "oppose"),
        ),
        ("Northland lifted the ferry toll to 40%.", ("northland", "ferry_toll", "oppose")),
    ],
)
def test_dispositions_and_negating_words(stances_of, text, expected):
    assert stances_of(text) == {expected}


def test_a_light_verb_bears_on_its_object(stances_of):
    found = stances_of("Northland and Southia held talks on the river treaty in June.")
    assert found == {("northland", "river_talks", "support"), ("southia", "river_talks", "support")}


def test_a_reported_clause_about_the_speakers_side_is_its_stance(stances_of):
    found = stances_of("Southia said the government would not stop building dams.")
    assert found == {("southia", "dam_halt", "oppose")}


def test_a_transcript_turn_belongs_to_its_speaker(stances_of):
    text = "HOST: Will you cut the tolls?\n\nRUIZ: We will never cut the tolls."
    assert stances_of(text) == {("southia", "toll_cut", "oppose")}


def test_a_commentators_turn_is_no_stance(stances_of):
    assert (
        stances_of("HOST: What happens next?\n\nKELLER: Southia will cut the tolls soon.") == set()
    )


def test_a_round_up_entry_belongs_to_its_header(stances_of):
    text = (
        "Anna Berg, Northland's river minister, on the radio:\n\n\u201cThe tolls must be cut.\u201d"
    )
    assert stances_of(text) == {("northland", "toll_cut", "support")}


def test_a_condition_on_another_actor_is_a_demand(stances_of):
    found = stances_of("Northland would pull its troops out only once Southia stops building dams.")
    assert {
        ("northland", "dam_halt", "support"),
        ("northland", "troop_pullout", "support"),
    } <= found


def test_a_condition_of_time_is_no_demand(stances_of):
    found = stances_of("Northland said its troops would stay until the treaty is signed.")
    assert found == {("northland", "troop_pullout", "oppose")}


def test_in_exchange_for_is_a_demand(stances_of):
    found = stances_of(
        "Southia offered to cut the tolls in exchange for the removal of the ferry toll."
    )
    assert found == {("southia", "toll_cut", "support"), ("southia", "ferry_toll", "support")}


def test_such_a_move_is_what_the_sentence_before_did(stances_of):
    found = stances_of(
        "Southia proposed to stop building dams on the river. "
        "For Northland, such a move was unacceptable."
    )
    assert ("northland", "dam_halt", "oppose") in found


def test_them_stands_for_the_subject_of_the_sentence_before(stances_of):
    found = stances_of("Tolls hurt trade on the river. Southia rejected them.")
    assert found == {("southia", "toll_cut", "support")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Southia called the toll cut unacceptable.", ("southia", "toll_cut", "oppose")),
        # insisting on the dams opposes halting them
        ("Tomas Ruiz said the dams were not negotiable.", ("southia", "dam_halt", "oppose")),
    ],
)
def test_judging_words(stances_of, text, expected):
    assert stances_of(text) == {expected}


def test_an_adjective_of_an_actors_name_on_an_officials_noun_names_it(stances_of):
    found = stances_of("Southian negotiators agreed to cut the tolls.")
    assert found == {("southia", "toll_cut", "support")}


def test_both_sides_are_the_actors_named_together_before(stances_of):
    found = stances_of(
        "Northland and Southia signed a river treaty on Monday. "
        "Both sides also agreed to cut the tolls."
    )
    assert {("northland", "toll_cut", "support"), ("southia", "toll_cut", "support")} <= found


def test_a_dateline_names_no_actor(stances_of):
    found = stances_of("NORDPORT, May 2 (Wire) - Southia agreed to cut the tolls.")
    assert found == {("southia", "toll_cut", "support")}


def test_undoing_ones_own_act_is_the_stance(stances_of):
    found = stances_of("Northland cut the ferry toll it imposed in March.")
    assert found == {("northland", "ferry_toll", "support")}


@pytest.mark.parametrize(
    "text",
    [
        "Northland discussed how to cut the tolls.",
        "Northland called an emergency meeting on the tolls for Monday.",
        "Asked whether Southia would cut the tolls, Tomas Ruiz said nothing.",
    ],
)
def test_what_is_still_not_a_stance(stances_of, text):
    assert stances_of(text) == set()
