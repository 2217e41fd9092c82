"""Stance precision, class by class: sentences with a cue word and an issue word that
report no stance, or report it for another side or holder.

Every sentence is invented; the case (tests/fixtures/strait_case.yaml) has actors and
issues only.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from pathlib import Path

import pytest

from parley.extract.entities import extract_mentions
from parley.extract.quotes import extract_quotes
from parley.extract.records import Stance
from parley.extract.stances import extract_stances

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _runner(
    case_file: str, key: Callable[[Stance], tuple] = attrgetter("actor", "issue", "stance")
):
    """A function from a text to the set of `key`s of the stances found in it, under the
    fixture case `case_file`."""
    from parley.case import load_case
    from parley.nlp import load_pipeline

    case = load_case(FIXTURES / case_file)
    nlp = load_pipeline(case)

    def run(text: str) -> set[tuple]:
        doc = nlp(text)
        mentions = extract_mentions(doc, None, case)
        found = extract_stances(doc, None, case, mentions, extract_quotes(doc, None, case))
        return {key(s) for s in found}

    return run


@pytest.fixture(scope="module")
def stances_of():
    return _runner("strait_case.yaml")


@pytest.fixture(scope="module")
def war_stances_of():
    """The invented island war (its ceasefire issue names the fighting by a synonym set)."""
    return _runner("isle_case.yaml")


# What a holder did before, named in a relative clause inside the object of its own new
# act, is background: the new act is the stance.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Norland and Ostria agreed on Friday to cut the tariffs they imposed on each other.",
            {("norland", "tariff_cut", "support"), ("ostria", "tariff_cut", "support")},
        ),
        (
            "Ostria agreed to suspend the cobalt export controls it announced in May.",
            {("ostria", "cobalt_controls", "oppose")},
        ),
    ],
)
def test_the_act_a_holder_undoes_is_background(stances_of, text, expected):
    assert stances_of(text) == expected


def test_an_act_of_its_own_is_still_a_stance(stances_of):
    found = stances_of("Ostria imposed export controls on cobalt in May.")
    assert found == {("ostria", "cobalt_controls", "support")}


# "Not on the table", "not up for discussion": like "not negotiable", a phrase of
# bargaining insists on what is the judge's own and rules out anything else; the
# negation of the reported clause does not also pass on the other side.
@pytest.mark.parametrize(
    "text",
    [
        '"Our weapons are not on the table," Lars Bo said.',
        "Lars Bo said the Guard's weapons were not up for discussion.",
    ],
)
def test_own_things_not_on_the_table_are_insisted_on(stances_of, text):
    assert stances_of(text) == {("guard", "guard_disarmament", "oppose")}


def test_other_things_not_on_the_table_are_ruled_out(stances_of):
    found = stances_of('"Direct talks are not on the table," Timo Varg said.')
    assert found == {("ostria", "direct_talks", "oppose")}


def test_on_the_table_says_nothing(stances_of):
    assert stances_of("Lars Bo said the Guard's weapons were on the table.") == set()


def test_words_of_a_bargaining_phrase_name_no_issue(stances_of):
    found = stances_of("Varg said Ostria's cobalt export controls were not up for negotiation.")
    assert found == {("ostria", "cobalt_controls", "support")}


def test_it_judged_in_a_coordinated_clause_points_back(stances_of):
    found = stances_of(
        '"Our weapons belong to our people and they are not negotiable," Lars Bo said.'
    )
    assert found == {("guard", "guard_disarmament", "oppose")}


# Not stances: the caller's word for another's act, a commentator's aside the parser
# hangs on the cue's verb, and a possibility announced by a verb of warning.
@pytest.mark.parametrize(
    "text",
    [
        "Norland's office cited what it called Ostria's refusal to hold direct talks.",
        "Rask ordered the inspections after what she described as Ostria's rejection of talks.",
        "Mia Holt, an analyst at the Harbour Institute, said the tariffs would stay. "
        "It is possible, she said, that Norland would eventually accept direct talks.",
        "Ostria warned that it could impose export controls on cobalt.",
        "Timo Varg warned that Ostria might impose export controls on cobalt.",
    ],
)
def test_no_stance(stances_of, text):
    assert stances_of(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ostria refused to hold direct talks, Norland's office said.",
            {("ostria", "direct_talks", "oppose")},
        ),
        (
            "Ostria warned that it would impose export controls on cobalt.",
            {("ostria", "cobalt_controls", "support")},
        ),
        (
            "Eva Rask said on Monday that Norland would not cut its tariffs. "
            "It is clear, she said, that Norland wants direct talks.",
            {("norland", "tariff_cut", "oppose"), ("norland", "direct_talks", "support")},
        ),
    ],
)
def test_the_same_words_as_a_report_stay(stances_of, text, expected):
    assert stances_of(text) == expected


# A noun of condition set on a phrase: "made X the condition", "X is the condition".
@pytest.mark.parametrize(
    "text",
    [
        "Norland has made disarmament the condition for any deal.",
        "Norland has made the disarmament of the Guard the condition for any deal.",
        "Norland has made the Guard's disarmament a precondition for the next round.",
        "For Norland, the Guard's disarmament is the condition for any deal.",
    ],
)
def test_what_an_actor_makes_a_condition_is_its_demand(stances_of, text):
    assert stances_of(text) == {("norland", "guard_disarmament", "support")}


# A verb of reacting said of one event judges that event, not the issue a synonym of it
# belongs to; acting on it, or judging a class of acts, still counts.
@pytest.mark.parametrize(
    "text", ["Sorland condemned the attack.", "Eastmark denounced the strike on the port."]
)
def test_reacting_to_one_event_is_no_stance(war_stances_of, text):
    assert war_stances_of(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vardia launched the offensive.", {("vardia", "permanent_ceasefire", "oppose")}),
        ("Vardia halted the offensive.", {("vardia", "permanent_ceasefire", "support")}),
        ("Sorland condemned the attacks.", {("sorland", "permanent_ceasefire", "support")}),
    ],
)
def test_acting_on_an_event_or_judging_acts_is_a_stance(war_stances_of, text, expected):
    assert war_stances_of(text) == expected
