"""Stances that the generic frames used to miss, class by class.

Every sentence is invented; the case (tests/fixtures/isle_case.yaml) has actors and
issues only, so each stance below is found from the issue's own words and the
generic lexicon, as on a negotiation Parley has never seen.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.extract.entities import extract_mentions
from parley.extract.quotes import extract_quotes
from parley.extract.stances import extract_stances

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _runner(case_path: Path):
    from parley.case import load_case
    from parley.nlp import load_pipeline

    case = load_case(case_path)
    nlp = load_pipeline(case)

    def run(text: str) -> set[tuple[str, str, str]]:
        doc = nlp(text)
        mentions = extract_mentions(doc, None, case)
        found = extract_stances(doc, None, case, mentions, extract_quotes(doc, None, case))
        return {(s.actor, s.issue, s.stance) for s in found}

    return run


@pytest.fixture(scope="module")
def stances_of():
    return _runner(FIXTURES / "isle_case.yaml")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sorland renewed its call on Monday for a permanent ceasefire.",
            ("sorland", "permanent_ceasefire", "support"),
        ),
        (
            "Sorland repeated its demand on Friday for a full withdrawal of Vardian forces.",
            ("sorland", "vardian_withdrawal", "support"),
        ),
    ],
)
def test_a_cue_nouns_complement_hung_on_its_verb(stances_of, text, expected):
    # the parser attaches "for X" to "renewed", not to "call"
    assert stances_of(text) == {expected}


def test_what_an_actor_makes_its_condition_is_its_demand(stances_of):
    found = stances_of(
        "Vardia has made the disarmament of the Front the condition for a ceasefire."
    )
    # the ceasefire is what Vardia would grant, not what it asks for
    assert found == {("vardia", "front_disarmament", "support")}


def test_a_deliberation_another_cue_takes_is_decided(stances_of):
    found = stances_of("The Front refused to discuss handing over its weapons.")
    assert found == {("front", "front_disarmament", "oppose")}
    found = stances_of("The Front agreed to discuss a permanent ceasefire.")
    assert found == {("front", "permanent_ceasefire", "support")}
    assert stances_of("The Front was discussing a permanent ceasefire.") == set()


def test_a_shift_gives_up_its_object_not_its_recipient(stances_of):
    found = stances_of("Vardia agreed to hand over the port to an international monitoring force.")
    assert found == {("vardia", "monitoring_force", "support")}


@pytest.mark.parametrize(
    "text",
    [
        "Sorland has offered more than once to send a monitoring force to the island.",
        "Sorland offered yet again to send a monitoring force.",
    ],
)
def test_an_infinitive_after_an_adverbial_is_the_cues_complement(stances_of, text):
    assert stances_of(text) == {("sorland", "monitoring_force", "support")}


def test_yet_before_to_still_negates(stances_of):
    found = stances_of("Vardia has yet to withdraw its forces.")
    assert found == {("vardia", "vardian_withdrawal", "oppose")}


def test_a_singular_force_is_not_the_forces_of_a_withdrawal(stances_of):
    # "Vardian forces withdraw" and "a monitoring force is deployed" share a lemma
    found = stances_of(
        "Ivo Stern said Eastmark was ready to take part in a task force on the island."
    )
    assert found == {("eastmark", "monitoring_force", "support")}


def test_a_bare_noun_after_by_is_a_means(stances_of):
    found = stances_of("Vardia demanded that the Front be disarmed by force.")
    assert found == {("vardia", "front_disarmament", "support")}


@pytest.mark.parametrize(
    "text", ["Vardia wants to disarm the Front.", "Vardia's goal is to disarm the Front."]
)
def test_an_issue_verb_acting_on_the_issues_actor_names_it(stances_of, text):
    assert stances_of(text) == {("vardia", "front_disarmament", "support")}


def test_the_task_a_speaker_names_is_its_own(stances_of):
    found = stances_of("Maja Falk said the next task was to disarm the Front.")
    assert found == {("sorland", "front_disarmament", "support")}


TARIFF_CASE = """\
case: tariff-test
title: Tariff talks (test)
actors:
  - id: northland
    name: Northland
  - id: southmark
    name: Southmark
issues:
  - id: steel_tariff
    proposition: Northland removes its steel tariff on Southmark.
"""


def test_a_levy_is_a_tariff(tmp_path):
    path = tmp_path / "tariff.yaml"
    path.write_text(TARIFF_CASE, encoding="utf-8")
    stances_of = _runner(path)
    found = stances_of("Southmark has repeatedly demanded that the steel levy be removed.")
    assert found == {("southmark", "steel_tariff", "support")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Vardia expressed support for a permanent ceasefire.",
            ("vardia", "permanent_ceasefire", "support"),
        ),
        (
            "Vardia voiced opposition to a monitoring force.",
            ("vardia", "monitoring_force", "oppose"),
        ),
        (
            "Vardia has no intention of withdrawing its forces.",
            ("vardia", "vardian_withdrawal", "oppose"),
        ),
        (
            "Eastmark has drafted a plan that would deploy a monitoring force on the island.",
            ("eastmark", "monitoring_force", "support"),
        ),
    ],
)
def test_a_cue_noun_voiced_or_held_by_a_verb_is_its_subjects(stances_of, text, expected):
    assert stances_of(text) == {expected}


def test_a_verb_that_is_a_cue_keeps_the_noun_as_its_object(stances_of):
    # "rejected a plan": the plan is not Vardia's
    found = stances_of("Vardia rejected a plan that would deploy a monitoring force on the island.")
    assert ("vardia", "monitoring_force", "support") not in found


def test_what_a_speaker_says_an_issue_will_do_is_its_stance(stances_of):
    found = stances_of("Vardia says the monitoring force will stay on the island.")
    assert found == {("vardia", "monitoring_force", "support")}
    # what might happen is no stance
    assert stances_of("Vardia says the monitoring force might stay on the island.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"We are the ones who want a permanent ceasefire," Rosa Dahl said.',
            ("front", "permanent_ceasefire", "support"),
        ),
        (
            "Vardia is the one that blocked a permanent ceasefire.",
            ("vardia", "permanent_ceasefire", "oppose"),
        ),
    ],
)
def test_the_one_who_wants_is_the_subject_it_stands_for(stances_of, text, expected):
    assert stances_of(text) == {expected}


def test_a_pronoun_judged_by_its_copula_points_back(stances_of):
    found = stances_of(
        '"A monitoring force is our red line and it is not negotiable," Oskar Lind said.'
    )
    assert found == {("vardia", "monitoring_force", "support")}


def test_an_estimate_does_not_cover_a_coordinated_clause_of_its_own(stances_of):
    found = stances_of(
        "Sorland is due to host a summit in May, and Sorland officials say they want a "
        "monitoring force on the island."
    )
    assert found == {("sorland", "monitoring_force", "support")}
    assert stances_of("Sorland is due to send a monitoring force.") == set()


def test_a_noun_summing_up_its_clause_carries_the_clauses_act(stances_of):
    found = stances_of(
        "Vardia lifted its ban on a monitoring force on Monday, a decision Eastmark had "
        "long sought."
    )
    # the summary is read by its own clause ("sought"), never by the act it sums up
    assert found == {
        ("vardia", "monitoring_force", "support"),
        ("eastmark", "monitoring_force", "support"),
    }
