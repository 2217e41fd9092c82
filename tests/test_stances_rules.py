"""Stance rules are data: inline per issue, or bundled per case id, validated on load."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.case import case_from_dict, load_case
from parley.errors import CaseFileError
from parley.extract.stance_rules import case_rules, lexicon, normalise

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _case(case_id: str, rules: object = None) -> dict:
    issue = {"id": "immediate_ceasefire", "proposition": "p"}
    if rules is not None:
        issue["rules"] = rules
    return {"case": case_id, "actors": [{"id": "a"}], "issues": [issue]}


def test_inline_rules_are_kept_on_the_issue():
    case = load_case(FIXTURES / "stance_case.yaml")
    tariff = next(i for i in case.issues if i.id == "tariff_cut")
    assert "tariff cuts?" in tariff.rules["for"]


def test_bundled_rules_are_merged_by_case_id():
    case = case_from_dict(_case("russia-ukraine-2025"))
    assert case.issues[0].rules["for"], "the bundled rules file gives the issue its phrases"


def test_inline_rules_win_over_bundled_rules():
    case = case_from_dict(_case("russia-ukraine-2025", {"for": ["truce now"]}))
    assert case.issues[0].rules == {"for": ["truce now"]}


def test_a_case_without_rules_has_none():
    assert case_from_dict(_case("no-such-case")).issues[0].rules == {}


def test_a_bad_pattern_names_the_issue():
    case = case_from_dict(_case("no-such-case", {"for": ["(unclosed"]}))
    with pytest.raises(CaseFileError, match=r"issues\.immediate_ceasefire\.rules\.for"):
        case_rules(case)


def test_rules_that_are_not_a_mapping_are_refused():
    with pytest.raises(CaseFileError, match="rules must be a mapping"):
        case_from_dict(_case("no-such-case", ["a list"]))


def test_normalise_keeps_offsets():
    text = "A Cease-Fire’s “İstanbul” talks"
    assert len(normalise(text)) == len(text)
    assert normalise(text).startswith("a cease fire's")


def test_the_lexicon_has_both_polarities():
    lex = lexicon()
    assert lex.verbs["agree"].polarity == 1
    assert lex.verbs["reject"].polarity == -1
    assert lex.verbs["halt"].shift
