"""Case files: loading, validation errors, and name lookup."""

from __future__ import annotations

from pathlib import Path

import pytest

from parley.case import load_case, name_key
from parley.errors import CaseFileError


def test_loads_actors_and_issues(case):
    assert case.actor_ids == ("united_states", "russia", "ukraine", "europe")
    assert case.issue_ids == ("immediate_ceasefire", "sanctions_on_russia")
    assert case.actor("russia").aliases == ("Moscow", "Kremlin")


def test_person_surname_and_alias_map_to_actor(case):
    assert case.actor_for("Vladimir Putin") == "russia"
    assert case.actor_for("Putin") == "russia"
    assert case.actor_for("the Kremlin") is None  # articles are not stripped here
    assert case.actor_for("Kremlin") == "russia"
    assert case.actor_for("Kyiv") == "ukraine"


def test_unknown_name_has_no_actor(case):
    assert case.actor_for("Angela Example") is None


def test_name_key_folds_case_accents_dots_and_possessives():
    assert name_key("U.S.") == name_key("US")
    assert name_key("Trump’s") == "trump"
    assert name_key("Zelenskýy") == "zelenskyy"


def test_missing_file_is_named(tmp_path: Path):
    with pytest.raises(CaseFileError, match=r"nope\.yaml: no such case file"):
        load_case(tmp_path / "nope.yaml")


def test_duplicate_actor_id_is_an_error(tmp_path: Path):
    path = tmp_path / "dup.yaml"
    path.write_text("actors:\n  - id: a\n  - id: a\nissues: []\n", encoding="utf-8")
    with pytest.raises(CaseFileError, match="actor id 'a' appears twice"):
        load_case(path)


def test_actor_without_id_is_an_error(tmp_path: Path):
    path = tmp_path / "noid.yaml"
    path.write_text("actors:\n  - name: Somewhere\n", encoding="utf-8")
    with pytest.raises(CaseFileError, match=r"noid.yaml:2: actors\[0\]: this actor needs .id."):
        load_case(path)


def test_not_a_mapping_is_an_error(tmp_path: Path):
    path = tmp_path / "list.yaml"
    path.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(CaseFileError, match="a case file is a YAML mapping"):
        load_case(path)


def test_real_case_file_loads(seed_case):
    assert "united_states" in seed_case.actor_ids
    assert seed_case.actor_for("Zelensky") == "ukraine"


def test_issue_label_is_given_or_made_from_the_id() -> None:
    from parley.case import case_from_dict

    case = case_from_dict(
        {
            "actors": [{"id": "a"}],
            "issues": [
                {"id": "tariff_truce", "proposition": "p"},
                {"id": "x", "proposition": "q", "label": "Export controls", "keywords": ["chips"]},
            ],
        }
    )
    assert [i.label for i in case.issues] == ["Tariff truce", "Export controls"]
    assert case.issues[1].keywords == ("chips",)
