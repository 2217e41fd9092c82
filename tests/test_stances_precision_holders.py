"""Stance precision, class by class (second round): what a verb of saying passes on,
whose act a participle is, "the two sides" in a report, contrasts, phrasal cues, and a
phrase that names several issues at once.

Every sentence is invented; the cases (tests/fixtures/strait_case.yaml, levy_case.yaml)
have actors and issues only.
"""

from __future__ import annotations

import pytest

from tests.test_stances_precision import _runner


@pytest.fixture(scope="module")
def stances_of():
    return _runner("strait_case.yaml")


@pytest.fixture(scope="module")
def levy_stances_of():
    return _runner("levy_case.yaml")


# A speaker's reported clause about itself passes a stance on only when the clause bears
# on the phrase: a cue or shift, the issue's own verb, a wish, or what the phrase will do.
@pytest.mark.parametrize(
    "text",
    [
        "Norland said it would mention the tariffs in its annual report.",
        "Ostria said it would print the cobalt export controls in a new booklet.",
        "Norland said it cannot find the tariffs in the old ledger.",
    ],
)
def test_reported_clause_without_a_frame_is_no_stance(stances_of, text):
    assert stances_of(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norland said it would cut the tariffs next month.", ("norland", "tariff_cut", "support")),
        (
            "Ostria said it hoped Norland would hold direct talks soon.",
            ("ostria", "direct_talks", "support"),
        ),
        (
            "Ostria said its export controls on cobalt would remain in force.",
            ("ostria", "cobalt_controls", "support"),
        ),
    ],
)
def test_reported_clause_with_a_frame_is_a_stance(stances_of, text, expected):
    assert expected in stances_of(text)


# A participle after a comma is the main verb's subject's act, also where the parser hangs
# it on the infinitive of a noun that another actor owns.
def test_participle_after_a_comma_belongs_to_the_main_clause(stances_of):
    found = stances_of(
        "The Ostrian government has rejected Norland's offer to hold direct talks on all "
        "matters on both sides of the strait, telling the Norlandic envoy that the tariffs "
        "will stay whatever the outcome."
    )
    assert ("ostria", "tariff_cut", "oppose") in found
    assert not any(actor == "norland" and issue == "tariff_cut" for actor, issue, _ in found)


# "The two sides" in a report: the speaker's side when it is one of the sides named
# before, no one's when a third party reports what the sides did.
def test_a_third_partys_two_sides_are_not_its_stance(stances_of):
    found = stances_of(
        "Norland and Ostria met in Belmar on Monday. "
        '"The two sides have reached an agreement to cut the tariffs, and the mediators will '
        'watch every step," Ana Sol said.'
    )
    assert not any(actor == "belmar" for actor, _issue, _side in found)


def test_a_partys_two_sides_include_itself(stances_of):
    found = stances_of('"The two sides will cut the tariffs," Eva Rask said on Monday.')
    assert ("norland", "tariff_cut", "support") in found


# What a clause sets aside ("rather than X") is opposed; a phrasal cue's own preposition
# ("argued against") does not flip its object a second time.
@pytest.mark.parametrize(
    ("text", "expected", "wrong"),
    [
        (
            "Belmar told reporters that Ostria should negotiate rather than restrict "
            "exports of cobalt.",
            ("belmar", "cobalt_controls", "oppose"),
            ("belmar", "cobalt_controls", "support"),
        ),
        (
            "Belmar argued against export controls on cobalt.",
            ("belmar", "cobalt_controls", "oppose"),
            ("belmar", "cobalt_controls", "support"),
        ),
    ],
)
def test_contrasts_and_phrasal_cues_keep_their_side(stances_of, text, expected, wrong):
    found = stances_of(text)
    assert expected in found
    assert wrong not in found


# One cue and one phrase spread over three issues names none of them; a phrase whose
# other words pick one issue still counts.
def test_a_phrase_naming_three_issues_names_none(levy_stances_of):
    assert levy_stances_of("Ana Sol told Norland that the levy will stay.") == set()


def test_a_phrase_naming_one_issue_counts(levy_stances_of):
    found = levy_stances_of("Norland rejected any cut of the tariffs on Ostrian steel.")
    assert ("norland", "steel_tariffs", "oppose") in found


# An infinitive right after a cue noun that the parser hung on the noun's verb is the
# noun's content ("dismissed calls to keep X"), not the verb's subject's own act.
def test_a_cue_nouns_infinitive_is_not_the_subjects_act(stances_of):
    found = stances_of(
        "Ostria has dismissed calls to keep the cobalt export controls in place after the "
        "deal is signed."
    )
    assert ("ostria", "cobalt_controls", "support") not in found


# "Not for sale", "not part of the deal" judge like "not negotiable": said of the judge's
# own, they insist on it; another cue of the sentence does not read them the other way.
@pytest.mark.parametrize(
    "text",
    [
        "Norland insists its tariffs are not for sale.",
        "Eva Rask told reporters that Norland's tariffs were not part of the deal.",
    ],
)
def test_not_for_sale_insists_on_ones_own(stances_of, text):
    found = stances_of(text)
    assert ("norland", "tariff_cut", "oppose") in found
    assert ("norland", "tariff_cut", "support") not in found


# A verb coordinated after a clause set off by dashes is the act of the clause around the
# aside, not of the aside's subject (the parser joins it to the aside).
def test_a_verb_after_a_dashed_aside_keeps_the_outer_subject(stances_of):
    found = stances_of(
        "Timo Varg has often echoed Belmar's account of the dispute\u2014that Norland started "
        "the quarrel\u2014and repeatedly demanded Norlandic tariff cuts while asking little "
        "of Belmar."
    )
    assert ("ostria", "tariff_cut", "support") in found
    assert ("norland", "tariff_cut", "support") not in found


# Two clauses across a semicolon, each verb with its own object, are two stances; the
# parser's complement across the semicolon is not the second verb's content. A second
# verb with no object of its own ("still refuses") is about the first clause.
def test_clauses_across_a_semicolon(stances_of):
    found = stances_of("Ostria wants the cobalt export controls; Norland wants direct talks.")
    assert ("ostria", "cobalt_controls", "support") in found
    assert ("norland", "direct_talks", "support") in found
    assert ("norland", "cobalt_controls", "support") not in found
    assert ("ostria", "tariff_cut", "oppose") in stances_of(
        "Norland must cut the tariffs; Ostria still refuses."
    )
