"""Stances from a case file with actors and issues only: frames, filters, polarity, positions.

Every sentence is invented; the case (tests/fixtures/dayone_case.yaml) has no rules.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.extract.records import Quote
from parley.extract.stances import extract_stances

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def case():
    from parley.case import load_case

    return load_case(FIXTURES / "dayone_case.yaml")


@pytest.fixture
def stances_of(case):
    from parley.nlp import load_pipeline

    nlp = load_pipeline(case)

    def run(text: str, quotes: tuple[Quote, ...] = ()):
        return extract_stances(nlp(text), None, case, [], list(quotes))

    return run


def triples(stances) -> set[tuple[str, str, str]]:
    return {(s.actor, s.issue, s.stance) for s in stances}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Northland demanded a ban on fishing in the bay.", "support"),
        ("Northland insisted on a fishing ban.", "support"),
        ("Northland called for a fishing ban.", "support"),
        ("Northland proposed banning fishing in the bay.", "support"),
        ("Northland offered to ban fishing.", "support"),
        ("Northland accepted the fishing ban.", "support"),
        ("Northland agreed to a ban on fishing.", "support"),
        ("Northland backed the fishing ban.", "support"),
        ("Northland welcomed the fishing ban.", "support"),
        ("Northland rejected the fishing ban.", "oppose"),
        ("Northland refused to accept a fishing ban.", "oppose"),
        ("Northland ruled out a fishing ban.", "oppose"),
        ("Northland opposes the fishing ban.", "oppose"),
        ("Northland dismissed the fishing ban.", "oppose"),
        ("Northland walked away from the fishing ban.", "oppose"),
    ],
)
def test_generic_frames_need_no_rules(stances_of, text, expected):
    assert triples(stances_of(text)) == {("northland", "fishing_ban", expected)}


def test_a_possessive_demand_frame(stances_of):
    found = stances_of("Reporters asked about Southia's demand for a fishing ban.")
    assert triples(found) == {("southia", "fishing_ban", "support")}


def test_a_precondition_for_an_actor(stances_of):
    found = stances_of("A fishing ban is a precondition for Southia.")
    assert ("southia", "fishing_ban", "support") in triples(found)


def test_would_only_agree_if_is_support(stances_of):
    found = stances_of("Southia would only agree to a fishing ban if Northland paid.")
    assert triples(found) == {("southia", "fishing_ban", "support")}


def test_a_stance_in_the_actors_own_quote_has_the_quote_route(stances_of):
    text = "“We reject the fishing ban,” Tomas Ruiz said."
    quote = Quote(1, 26, text[1:26], "direct", "Tomas Ruiz", 29, 39, None, "say")
    (stance,) = stances_of(text, (quote,))
    assert (stance.actor, stance.issue, stance.stance) == ("southia", "fishing_ban", "oppose")
    assert stance.route == "quote"


def test_stances_from_issue_words_have_the_frame_route(stances_of):
    (stance,) = stances_of("Northland rejected the fishing ban.")
    assert stance.route == "frame"


@pytest.mark.parametrize(
    "text",
    [
        "It seems improbable that Northland would agree to a fishing ban.",
        "Northland is unlikely to accept a fishing ban.",
        "That phase envisioned Northland agreeing to a fishing ban.",
        "Northland was considering the fishing ban.",
        "Will Northland accept the fishing ban?",
        "Trade will grow if Southia accepts the fishing ban.",
        "Southia would have to accept the fishing ban.",
        "Northland might impose a fishing ban.",
        "Maria Olsen, an analyst, said Northland wants a fishing ban.",
    ],
)
def test_what_is_not_a_stance(stances_of, text):
    assert stances_of(text) == []


def test_a_negation_flips_acceptance(stances_of):
    found = stances_of("Southia did not accept the fishing ban.")
    assert triples(found) == {("southia", "fishing_ban", "oppose")}


def test_a_hedge_lowers_confidence(stances_of):
    (plain,) = stances_of("Southia rejected the fishing ban.")
    (hedged,) = stances_of("Southia reportedly rejected the fishing ban.")
    assert hedged.hedged and hedged.confidence < plain.confidence


def test_a_word_under_a_shift_in_the_proposition_names_the_opposite(stances_of):
    # "Port fees ... stop": demanding port fees opposes the issue.
    found = stances_of("Northland demanded higher port fees.")
    assert triples(found) == {("northland", "port_fees", "oppose")}


def test_a_shift_in_the_article_flips_back(stances_of):
    found = stances_of("Southia called for an end to port fees.")
    assert triples(found) == {("southia", "port_fees", "support")}


def test_derived_forms_find_the_issue(stances_of):
    found = stances_of("Southia opposed the deployment of patrol boats in the strait.")
    assert triples(found) == {("southia", "naval_patrols", "oppose")}


def test_synonyms_find_the_issue(stances_of):
    found = stances_of("Northland proposed a ceasefire on shipping tolls.")
    assert triples(found) == {("northland", "trade_truce", "support")}


def test_a_labelled_scale_point_sets_the_position(stances_of):
    (stance,) = stances_of("Southia proposed unarmed observers on the shore instead of patrols.")
    assert (stance.issue, stance.stance, stance.position) == ("naval_patrols", "support", 50)


def test_a_stance_naming_no_point_has_no_position(stances_of):
    (stance,) = stances_of("Southia welcomed the patrol boats.")
    assert stance.issue == "naval_patrols" and stance.position is None


def test_a_case_with_no_issues_gives_nothing(case, stances_of):
    from dataclasses import replace

    from parley.nlp import load_pipeline

    doc = load_pipeline(case)("Northland rejected the fishing ban.")
    assert extract_stances(doc, None, replace(case, issues=()), [], []) == []
