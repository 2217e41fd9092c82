"""Stance extraction on invented sentences about an invented trade negotiation."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.extract.records import Quote
from parley.extract.stances import extract_stances

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def trade_case():
    from parley.case import load_case

    return load_case(FIXTURES / "stance_case.yaml")


@pytest.fixture(scope="module")
def trade_nlp(trade_case):
    from parley.nlp import load_pipeline

    return load_pipeline(trade_case)


@pytest.fixture
def stances_of(trade_nlp, trade_case):
    def run(text: str, quotes: tuple[Quote, ...] = ()):
        return extract_stances(trade_nlp(text), None, trade_case, [], list(quotes))

    return run


def triples(stances) -> set[tuple[str, str, str]]:
    return {(s.actor, s.issue, s.stance) for s in stances}


def test_agreeing_to_an_issue_is_support(stances_of):
    assert triples(stances_of("Anna Berg agreed to tariff cuts on Monday.")) == {
        ("northland", "tariff_cut", "support")
    }


def test_rejecting_an_issue_is_oppose(stances_of):
    assert triples(stances_of("Southia rejected a fishing ban.")) == {
        ("southia", "fishing_ban", "oppose")
    }


def test_a_negated_agreement_is_oppose(stances_of):
    assert triples(stances_of("Tomas Ruiz did not agree to tariff cuts.")) == {
        ("southia", "tariff_cut", "oppose")
    }


def test_a_phrase_against_the_issue_inverts_the_stance(stances_of):
    assert triples(stances_of("Northland proposed new tariffs.")) == {
        ("northland", "tariff_cut", "oppose")
    }


def test_a_shift_verb_inverts_what_it_governs(stances_of):
    found = stances_of("Southia agreed to suspend fishing rights in the bay.")
    assert triples(found) == {("southia", "fishing_ban", "support")}


def test_a_possessor_holds_a_noun_cue(stances_of):
    found = stances_of("Officials discussed Tomas Ruiz's demand for a fishing ban.")
    assert triples(found) == {("southia", "fishing_ban", "support")}


def test_a_clause_inside_a_demand_is_not_its_subjects_stance(stances_of):
    found = stances_of("Northland insisted that Southia accept tariff cuts.")
    assert triples(found) == {("northland", "tariff_cut", "support")}


def test_walking_away_from_talks_opposes_mediation(stances_of):
    found = stances_of("The Harbour Union walked away from the talks.")
    assert triples(found) == {("union", "union_mediation", "oppose")}


def test_a_restricted_phrase_needs_its_cue(stances_of):
    assert stances_of("The Harbour Union welcomed the talks.") == []


def test_a_condition_is_not_a_stance(stances_of):
    assert stances_of("Trade will grow if Southia agrees to tariff cuts.") == []


def test_an_obligation_is_not_a_stance_of_the_obliged(stances_of):
    assert stances_of("Southia would have to accept tariff cuts.") == []


def test_a_commentators_reading_is_not_a_stance(stances_of):
    assert stances_of("Maria Olsen, an analyst, said Anna Berg wants tariff cuts.") == []


def test_a_commentators_quote_is_not_a_stance(stances_of):
    text = "“Berg wants tariff cuts,” said Maria Olsen."
    quote = Quote(1, 24, text[1:24], "direct", "Maria Olsen", 33, 44, None, "say")
    assert stances_of(text, (quote,)) == []


def test_first_person_in_an_actors_quote_is_the_speaker(stances_of):
    text = "“We reject a fishing ban,” Tomas Ruiz said."
    quote = Quote(1, 24, text[1:24], "direct", "Tomas Ruiz", 27, 37, None, "say")
    assert triples(stances_of(text, (quote,))) == {("southia", "fishing_ban", "oppose")}


def test_a_hedged_report_has_lower_confidence(stances_of):
    plain = stances_of("Anna Berg agreed to tariff cuts.")[0]
    hedged = stances_of("Anna Berg reportedly agreed to tariff cuts.")[0]
    assert hedged.hedged and not plain.hedged
    assert hedged.confidence < plain.confidence


def test_the_writers_speculation_is_not_a_stance(stances_of):
    assert stances_of("Northland might impose new tariffs.") == []


def test_evidence_covers_the_cue_and_the_issue_phrase(stances_of):
    text = "Southia rejected a fishing ban."
    (stance,) = stances_of(text)
    assert text[stance.start : stance.end] == "rejected a fishing ban"
    assert text[stance.holder_start : stance.holder_end] == "Southia"
    assert stance.cue == "reject"


def test_a_pronoun_takes_the_nearest_subject_actor(stances_of):
    found = stances_of("Tomas Ruiz met reporters. He rejected a fishing ban.")
    assert triples(found) == {("southia", "fishing_ban", "oppose")}


def test_an_adjective_judges_the_issue_named_before(stances_of):
    text = "Northland proposed a fishing ban. For Southia, such a step was unacceptable."
    assert ("southia", "fishing_ban", "oppose") in triples(stances_of(text))


def test_no_case_means_no_stances(trade_nlp):
    assert extract_stances(trade_nlp("Southia rejected a fishing ban."), None, None, [], []) == []


def test_coordinated_subjects_share_the_stance(stances_of):
    found = stances_of("Northland and Southia agreed to tariff cuts.")
    assert triples(found) == {
        ("northland", "tariff_cut", "support"),
        ("southia", "tariff_cut", "support"),
    }


def test_the_agent_of_a_passive_holds_the_stance(stances_of):
    found = stances_of("New tariffs were rejected by Southia.")
    assert triples(found) == {("southia", "tariff_cut", "support")}


def test_a_restricted_phrase_accepts_its_cue_inside_another(stances_of):
    found = stances_of("The Harbour Union threatened to walk away from the talks.")
    assert triples(found) == {("union", "union_mediation", "oppose")}


def test_a_negated_issue_phrase_inverts_the_stance(stances_of):
    found = stances_of("Anna Berg said Northland would never accept tariff cuts.")
    assert triples(found) == {("northland", "tariff_cut", "oppose")}
