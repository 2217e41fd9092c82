"""Stances in the shapes real coverage takes, class by class.

Every sentence is invented; the case (tests/fixtures/isle_case.yaml) has actors and
issues only. Its issues share the arena's name, a word ("force"), and a proposition
that contrasts two synonyms, as the issues of a real negotiation do.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.extract.entities import extract_mentions
from parley.extract.quotes import extract_quotes
from parley.extract.stances import extract_stances

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def stances_of():
    from parley.case import load_case
    from parley.nlp import load_pipeline

    case = load_case(FIXTURES / "isle_case.yaml")
    nlp = load_pipeline(case)

    def run(text: str) -> set[tuple[str, str, str]]:
        doc = nlp(text)
        mentions = extract_mentions(doc, None, case)
        found = extract_stances(doc, None, case, mentions, extract_quotes(doc, None, case))
        return {(s.actor, s.issue, s.stance) for s in found}

    return run


def test_a_shift_does_not_bear_on_its_manner_phrase(stances_of):
    # "the war ends with a permanent ceasefire": the ceasefire is what is wanted
    assert stances_of("Vardia demanded a permanent ceasefire.") == {
        ("vardia", "permanent_ceasefire", "support")
    }


def test_a_synonym_contrasted_with_the_issue_names_no_side(stances_of):
    # "a permanent ceasefire rather than a temporary truce": a truce is the topic, no side
    assert stances_of("Vardia agreed to extend the truce.") == set()


def test_the_arena_named_by_every_issue_names_none(stances_of):
    found = stances_of("Vardia launched air strikes across Kell Island.")
    assert found == {("vardia", "permanent_ceasefire", "oppose")}


@pytest.mark.parametrize(
    "text",
    [
        "Sorland demanded a full Vardian withdrawal from the island.",
        "Sorland demanded the withdrawal of Vardian troops.",
    ],
)
def test_an_issue_that_is_a_withdrawal_is_named_by_it(stances_of, text):
    assert stances_of(text) == {("sorland", "vardian_withdrawal", "support")}


def test_a_word_two_issues_share_goes_to_the_one_naming_the_holder(stances_of):
    # "troops" may be the Vardian forces or the monitoring force; the holder is Vardia
    found = stances_of("Vardia insisted on keeping troops on the island.")
    assert found == {("vardia", "vardian_withdrawal", "oppose")}


def test_the_actor_a_phrase_names_chooses_the_issue(stances_of):
    # "role" is in both the Council's and the Front's issue texts
    found = stances_of("Oskar Lind rejected any role for the Front.")
    assert found == {("vardia", "front_out", "support")}


def test_what_an_actor_is_accused_of_is_no_stance(stances_of):
    assert stances_of("Eastmark accused Vardia of blocking the ceasefire.") == set()
    found = stances_of(
        "Eastmark accused Vardia of giving up on the ceasefire and demanded a permanent "
        "end to the war."
    )
    assert found == {("eastmark", "permanent_ceasefire", "support")}


def test_a_threat_under_otherwise_is_no_stance(stances_of):
    assert stances_of("Sorland warned that otherwise it would call off the ceasefire.") == set()


def test_laying_down_arms_is_giving_them_up(stances_of):
    found = stances_of("Rosa Dahl said the Front will not lay down its arms.")
    assert found == {("front", "front_disarmament", "oppose")}


def test_what_happened_to_a_speaker_is_not_its_stance(stances_of):
    assert stances_of("Eastmark said its delegation had survived the strikes.") == set()


def test_a_call_for_a_clause_is_about_the_clause(stances_of):
    found = stances_of("Eastmark called for the ceasefire to be respected and for the war to end.")
    assert found == {("eastmark", "permanent_ceasefire", "support")}


def test_the_two_countries_are_the_actors_named_before(stances_of):
    found = stances_of(
        "Eastmark and Sorland met on Monday. "
        "The two countries urged both sides to reach a permanent ceasefire."
    )
    assert found == {
        ("eastmark", "permanent_ceasefire", "support"),
        ("sorland", "permanent_ceasefire", "support"),
    }


def test_a_plan_speaks_for_the_actor_who_put_it_forward(stances_of):
    found = stances_of(
        "Vardia unveiled a plan on Monday. The plan calls for a permanent ceasefire."
    )
    assert found == {("vardia", "permanent_ceasefire", "support")}


def test_an_unnamed_official_speaks_for_the_actor_described(stances_of):
    found = stances_of(
        "A Vardian official said the talks had stalled but that any deal must bring "
        "a permanent ceasefire."
    )
    assert found == {("vardia", "permanent_ceasefire", "support")}


def test_a_deliberation_leaves_the_clause_coordinated_with_it(stances_of):
    found = stances_of(
        "Vardia said it was studying the offer but that any deal must bring the Front's "
        "disarmament."
    )
    assert found == {("vardia", "front_disarmament", "support")}


@pytest.mark.parametrize(
    "text",
    [
        "It seems improbable that Vardia would withdraw while the Front keeps its weapons.",
        "Officials expect Sorland to respond by rejecting a permanent ceasefire.",
    ],
)
def test_an_estimate_covers_the_circumstances_and_means_it_names(stances_of, text):
    assert stances_of(text) == set()


def test_troops_said_to_stay_are_the_speakers(stances_of):
    found = stances_of("Vardian officials said troops will not leave Kell Island.")
    assert found == {("vardia", "vardian_withdrawal", "oppose")}


def test_troops_sent_by_another_actor_are_no_withdrawal_of_the_issues_agent(stances_of):
    found = stances_of("Eastmark said it was ready to send troops to the island.")
    assert found == {("eastmark", "monitoring_force", "support")}


def test_a_speakers_second_act_hung_on_the_reported_clause_is_the_speakers(stances_of):
    found = stances_of(
        "Maja Falk said the exchange would build trust and urged both sides to respect "
        "the ceasefire."
    )
    assert found == {("sorland", "permanent_ceasefire", "support")}


def test_names_coordinated_in_a_misparsed_subject_all_count():
    # "Lind and Eastmark's President Stern met ...", parsed with "Lind" as a modifier of
    # "Stern" (as the parser does with real captures): every name in the subject counts
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from parley.extract.stances.holders import _names_within

    words = ["Lind", "and", "Eastmark", "'s", "President", "Stern", "met", "."]
    heads = [5, 0, 5, 2, 5, 6, 6, 6]
    deps = ["amod", "cc", "poss", "case", "compound", "nsubj", "ROOT", "punct"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    found = {t.text for t in _names_within(doc[5])}
    assert {"Lind", "Eastmark", "Stern"} <= found
    assert "met" not in found


def test_an_act_in_a_clause_of_time_to_come_is_not_yet_a_stance(stances_of):
    text = "Talks would start on Monday once the Front accepts a permanent ceasefire."
    assert stances_of(text) == set()


def test_a_that_clause_parsed_as_a_relative_clause_is_the_nouns_content():
    # "the demand that Iran give up enrichment", with "give" parsed as a relative clause
    import spacy
    from spacy.tokens import Doc

    from parley.extract.stances.holders import complement

    vocab = spacy.blank("en").vocab  # with the lexical attributes ("lower")

    words = ["the", "demand", "that", "Iran", "give", "up", "enrichment"]
    heads = [1, 1, 4, 4, 1, 4, 4]
    deps = ["det", "ROOT", "mark", "nsubj", "relcl", "prt", "dobj"]
    doc = Doc(vocab, words=words, heads=heads, deps=deps)
    assert complement(doc[4])
    relative = Doc(vocab, words=["the", "demand", "that", "failed"], heads=[1, 1, 3, 1],
                   deps=["det", "ROOT", "nsubj", "relcl"])  # fmt: skip
    assert not complement(relative[3])
