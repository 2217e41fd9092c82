"""Stance rules are data: inline per issue, or in a rules file beside the case file, validated."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from parley.case import case_from_dict, load_case
from parley.errors import CaseFileError
from parley.extract.stances.lexicon import lexicon
from parley.extract.stances.rules import case_rules, normalise

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


RULES = {"holders": {"a": ["alphan"]}, "issues": {"immediate_ceasefire": {"for": ["truce"]}}}


def _write(path: Path, data: dict) -> Path:
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_a_rules_file_beside_the_case_file_is_merged(tmp_path):
    case_path = _write(tmp_path / "talks.yaml", _case("talks"))
    _write(tmp_path / "talks.rules.yaml", RULES)
    case = load_case(case_path)
    assert case.issues[0].rules == {"for": ["truce"]}
    assert case.rules["holders"] == {"a": ["alphan"]}


def test_a_named_rules_file_is_merged(tmp_path):
    case_path = _write(tmp_path / "talks.yaml", _case("talks"))
    rules = _write(tmp_path / "elsewhere.yaml", RULES)
    assert load_case(case_path, rules=rules).issues[0].rules == {"for": ["truce"]}
    assert load_case(case_path).issues[0].rules == {}


def test_inline_rules_win_over_a_rules_file(tmp_path):
    case_path = _write(tmp_path / "talks.yaml", _case("talks", {"for": ["truce now"]}))
    _write(tmp_path / "talks.rules.yaml", RULES)
    assert load_case(case_path).issues[0].rules == {"for": ["truce now"]}


def test_a_case_id_no_longer_picks_rules_from_the_package():
    assert case_from_dict(_case("russia-ukraine-2025")).issues[0].rules == {}


def test_a_missing_or_broken_rules_file_names_the_file(tmp_path):
    case_path = _write(tmp_path / "talks.yaml", _case("talks"))
    with pytest.raises(CaseFileError, match=r"nope\.yaml: no such rules file"):
        load_case(case_path, rules=tmp_path / "nope.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("- a list\n", encoding="utf-8")
    with pytest.raises(CaseFileError, match=r"bad\.yaml: a rules file is a mapping"):
        load_case(case_path, rules=bad)


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
