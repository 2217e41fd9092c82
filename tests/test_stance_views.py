"""What the stance views tell the user: gaps and their reasons, empty dossiers, forecast inputs."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.articles.model import Article, article_id
from parley.extract.records import Extraction, Mention, Quote, Stance
from parley.present.cli import app

runner = CliRunner()

CASE = """case: reef-talks
title: Invented reef talks
actors:
  - id: north
    name: Northland
    capability: 3
  - id: south
    name: Southia
  - id: east
    name: Eastmark
issues:
  - id: reef_closure
    proposition: The reef is closed to fishing.
    label: Reef closure
    scale: {0: "reef open", 50: "seasonal closure", 100: "reef closed"}
    status_quo: 0
  - id: catch_quota
    proposition: The shared catch quota is raised.
    keywords: [catch quota]
  - id: port_fees
    proposition: Port fees are cut.
"""
# Invented sentences: (name, published, text, [(actor, issue, stance, position, cue)])
SAID = "The reef must stay closed until the spawning season ends"
ARTICLES = (
    ("a", date(2025, 3, 1), "Northland demanded that the reef be closed. Southia talked quotas. "
     f"“{SAID},” said Ann Berg.", [("north", "reef_closure", "support", None, "demanded")],
     "Ann Berg"),
    ("b", date(2025, 3, 20), f"Bo Lind said: “{SAID}.” "
     "Southia proposed a seasonal closure of the reef, not a full one.",
     [("south", "reef_closure", "support", 50, "proposed")], "Bo Lind"),
)  # fmt: skip


def write_case(folder: Path) -> Path:
    path = folder / "case.yaml"
    path.write_text(CASE, encoding="utf-8")
    return path


def fill(store, stances: bool = True) -> None:  # type: ignore[no-untyped-def]
    from parley.build import refresh_views
    from parley.case import load_case

    case = load_case(write_case(Path(store.url.split("///")[-1]).parent))
    store.save_case(case)
    for name, published, text, found, speaker in ARTICLES:
        art = Article(article_id(text), f"/corpus/{name}.txt", text, outlet=name.upper(),
                      published=published)  # fmt: skip
        mentions = [
            Mention(text.index(n), text.index(n) + len(n), n, "GPE", n, a)
            for n, a in (("Northland", "north"), ("Southia", "south"))
            if n in text
        ]
        records = [
            Stance(text.index(cue), text.index(".", text.index(cue)), actor, issue, value, 0.9, cue,
                   route="frame", position=position)
            for actor, issue, value, position, cue in found
        ] if stances else []  # fmt: skip
        q, p = text.index(SAID), text.index(speaker)
        quotes = [Quote(q, q + len(SAID), SAID, "direct", speaker, p, p + len(speaker))]
        store.add_article(art, Extraction(mentions=mentions, quotes=quotes, stances=records))
    refresh_views(store, case)


@pytest.fixture
def dossier(tmp_path: Path) -> str:
    from parley.store import open_store

    path = str(tmp_path / "dossier.db")
    with open_store(path) as store:
        fill(store)
    return path


@pytest.fixture
def empty(tmp_path: Path) -> str:
    from parley.store import open_store

    path = str(tmp_path / "dossier.db")
    with open_store(path) as store:
        fill(store, stances=False)
    return path


def parley(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "parley", *args], capture_output=True, text=True)


@pytest.mark.parametrize("command", [["positions"], ["stances"], ["forecast", "--from-evidence"]])
def test_no_stances_is_said_with_reasons_and_help(empty: str, command: list[str]) -> None:
    result = parley(*command, "--db", empty)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "No stance was found in the dossier." in out
    assert "No stance for actor east: never mentioned" in out
    assert "No stance for actor north: mentioned 1 time(s), but no stance of it was found" in out
    assert "No stance for issue port_fees: its words ('port fees', 'fees') never occur" in out
    assert "No stance for issue catch_quota: its words occur ('catch quota'" not in out
    assert "`keywords`" in out and "`aliases`" in out
    assert "┏" not in out  # no empty table
    assert "Mean of empty slice" not in result.stderr


def test_an_unknown_actor_id_is_an_error_naming_the_valid_ones(dossier: str) -> None:
    result = parley("stances", "--db", dossier, "--actor", "North")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Error: unknown actor id 'North' (did you mean 'north'?); valid: north, south, east"
    )


def test_a_filter_with_no_stance_says_so(dossier: str) -> None:
    result = runner.invoke(app, ["stances", "--db", dossier, "--issue", "port_fees"])
    assert result.exit_code == 0
    assert result.output.strip() == "No stances for issue port_fees in this dossier."


def forecast_json(dossier: str, *extra: str) -> dict:  # type: ignore[type-arg]
    args = ["forecast", "--from-evidence", "--db", dossier, "-m", "compromise", "--format", "json"]
    result = runner.invoke(app, [*args, *extra])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)  # type: ignore[no-any-return]


def test_forecast_lists_the_pairs_with_no_evidence(dossier: str) -> None:
    data = forecast_json(dossier)
    missing = {(m["actor"], m["issue"]) for m in data["missing"]}
    assert ("east", "reef_closure") in missing and ("north", "port_fees") in missing
    assert ("north", "reef_closure") not in missing
    assert len(missing) == 3 * 3 - 2


def test_graded_positions_and_scale_labels_reach_the_forecast(dossier: str) -> None:
    data = forecast_json(dossier)
    inputs = {(i["actor"], i["issue"]): i for i in data["inputs"]}
    assert inputs[("south", "reef_closure")]["position"] == 50.0
    assert inputs[("north", "reef_closure")]["position"] == 100.0
    (reef,) = [f for f in data["forecasts"] if f["issue"] == "reef_closure"]
    assert 50 < reef["forecast"] < 100
    assert reef["reading"].endswith("(between 50: seasonal closure and 100: reef closed)")


def test_capability_and_status_quo_come_from_the_case_file(dossier: str) -> None:
    data = forecast_json(dossier)
    assert data["capability"].startswith("from the case file (actors' capability")
    (reef,) = [f for f in data["forecasts"] if f["issue"] == "reef_closure"]
    # north (capability 3, position 100) pulls the weighted compromise above the midpoint 75
    assert reef["forecast"] > 75
    assert reef["status_quo"] == 0.0
    assert data["status_quo"] == "from the case file; unknown where not given"


def test_the_forecast_has_a_monte_carlo_interval_by_default(dossier: str) -> None:
    (reef, *_rest) = forecast_json(dossier)["forecasts"]
    assert reef["low"] is not None and reef["low"] <= reef["forecast"] <= reef["high"]
    (bare, *_rest) = forecast_json(dossier, "--runs", "0")["forecasts"]
    assert bare["low"] is None


def test_the_forecast_table_reads_on_the_scale_and_says_what_is_missing(dossier: str) -> None:
    result = runner.invoke(
        app, ["forecast", "--from-evidence", "--db", dossier, "-m", "compromise"],
        env={"COLUMNS": "250"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "(between 50: seasonal closure and 100: reef closed)" in result.output
    assert "No evidence for 7 actor-issue pair(s)" in result.output
    assert "  reef_closure: east" in result.output
    assert "Status quo: from the case file; unknown where not given." in result.output
    assert "90% interval (200 runs)" in result.output


def test_scale_reading_places_a_value_between_labelled_points() -> None:
    from parley.analysis.positions import scale_reading

    scale = {0: "none", 50: "half", 100: "all"}
    assert scale_reading(67.2, scale) == "67 (between 50: half and 100: all)"
    assert scale_reading(50.3, scale) == "50 (at 50: half)"
    assert scale_reading(80, {0: "none", 60: "most"}) == "80 (above 60: most)"
    assert scale_reading(12, {}) == "12"


def test_the_build_says_which_actors_and_issues_got_no_stance(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "brief.txt").write_text(
        "Reef talks open\n\nNorthland and Southia met on Monday to discuss the catch quota.\n",
        encoding="utf-8",
    )
    result = parley("build", str(corpus), "--case", str(write_case(tmp_path)),
                    "--db", str(tmp_path / "d.db"))  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "No stance for actor east: never mentioned" in result.stdout
    assert "No stance for issue catch_quota: its words occur ('catch quota' 1x" in result.stdout


def test_issues_with_no_evidence_are_named_not_forecast(dossier: str) -> None:
    result = parley("forecast", "--from-evidence", "--db", dossier, "-m", "compromise")
    assert result.returncode == 0, result.stderr
    assert (
        "No forecast for issues with no evidence at all: catch_quota, port_fees." in result.stdout
    )
    assert "RuntimeWarning" not in result.stderr


def test_claims_list_statements_several_outlets_report_with_conflicts(dossier: str) -> None:
    result = runner.invoke(app, ["claims", "--db", dossier, "--contested"], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert "statement" in result.output
    assert "attributed to Ann Berg by A; Bo Lind by B" in result.output
