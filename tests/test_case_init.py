"""`parley case init`: a draft case file from a corpus, that `parley case check` accepts."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from parley.present.cli import app

runner = CliRunner()

# Invented briefs on invented fishing talks between two real states.
BRIEFS = {
    "one.txt": "Fishing talks stall\n\nNorway demanded a fishing ban in the northern sea on "
    "Monday. Norwegian Prime Minister Ola Hansen said Oslo would not accept new quotas. Iceland "
    "rejected the fishing ban within hours. Talks were held in Bergen.\n",
    "two.txt": "Iceland offers a swap\n\nIceland's foreign minister Anna Jonsdottir proposed a "
    "quota swap on Tuesday. Reykjavik rejected a fishing ban again, while Norway called for a "
    "fishing ban by June. Hansen urged an early quota swap. Jonsdottir refused to discuss the "
    "ban.\n",
}


@pytest.fixture(scope="module")
def draft(tmp_path_factory) -> tuple[Path, dict]:  # type: ignore[type-arg]
    folder = tmp_path_factory.mktemp("fish")
    for name, text in BRIEFS.items():
        (folder / name).write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["case", "init", str(folder)])
    assert result.exit_code == 0, result.output
    path = folder.parent / "draft.yaml"
    path.write_text(result.output, encoding="utf-8")
    return path, yaml.safe_load(result.output)


def test_the_draft_passes_case_check(draft) -> None:
    path, _data = draft
    result = runner.invoke(app, ["case", "check", str(path)])
    assert result.exit_code == 0, result.output
    assert "OK" in result.output


def test_states_with_their_people_and_acting_capitals(draft) -> None:
    _path, data = draft
    actors = {a["name"]: a for a in data["actors"]}
    assert set(actors) == {"Norway", "Iceland"}
    assert actors["Norway"]["people"] == ["Ola Hansen"]
    assert actors["Iceland"]["people"] == ["Anna Jonsdottir"]
    assert "Oslo" in actors["Norway"]["aliases"] and "Reykjavik" in actors["Iceland"]["aliases"]


def test_a_city_that_never_acts_is_no_actor_or_alias(draft) -> None:
    _path, data = draft
    names = [n for a in data["actors"] for n in (a["name"], *a["aliases"])]
    assert names and "Bergen" not in names


def test_issues_are_the_objects_of_demands_proposals_and_rejections(draft) -> None:
    path, data = draft
    labels = [i["label"] for i in data["issues"]]
    assert labels[:2] == ["Fishing ban", "Quota swap"]
    text = path.read_text(encoding="utf-8")
    assert "#   one.txt: Norway demanded a fishing ban in the northern sea on Monday." in text


def test_no_readable_article_is_an_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["case", "init", str(tmp_path)])
    assert result.exit_code != 0
    assert "no readable article" in str(result.exception)


@pytest.mark.shared
def test_the_seeds_draft_names_the_parties_their_leaders_and_issues(shared: Path) -> None:
    result = runner.invoke(app, ["case", "init", str(shared / "seeds")])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(result.output)
    actors = {a["name"]: a for a in data["actors"]}
    assert {"United States", "Russia", "Ukraine", "Europe"} <= set(actors)
    assert "Donald Trump" in actors["United States"]["people"]
    assert "Vladimir Putin" in actors["Russia"]["people"]
    assert "Volodymyr Zelensky" in actors["Ukraine"]["people"]
    words = " ".join(
        " ".join([i["label"], *i["keywords"]]).lower() for i in data["issues"]
    )  # fmt: skip
    seed_issues = {
        "immediate_ceasefire": "ceasefire", "partial_truce": "truce",
        "territorial_concessions": "territor", "sanctions_on_russia": "sanction",
        "us_mediation": "mediation", "us_russia_reset": "relation",
        "ukraine_neutrality": "neutrality", "foreign_peacekeepers": "peacekeep",
        "halt_military_aid": "military aid",
    }  # fmt: skip
    found = [issue for issue, word in seed_issues.items() if word in words]
    assert len(found) >= 4, found
