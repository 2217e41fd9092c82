"""`parley forecast` and `parley backtest deu` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.present.cli import app

FIXTURE = Path(__file__).parent / "fixtures" / "case_positions.yaml"
runner = CliRunner()


def test_forecast_json_has_every_model_and_issue() -> None:
    result = runner.invoke(app, ["forecast", "--case", str(FIXTURE), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert {(r["model"], r["issue"]) for r in rows} == {
        (m, i)
        for m in ("compromise", "median", "nash", "eum", "anchor")
        for i in ("quota", "inspections")
    }


def test_forecast_set_changes_forecast() -> None:
    args = ["forecast", "--case", str(FIXTURE), "--model", "compromise", "--format", "json"]
    base = json.loads(runner.invoke(app, args).output)[0]["forecast"]
    moved = json.loads(runner.invoke(app, [*args, "--set", "north.capability=10"]).output)[0]
    assert moved["forecast"] > base


def test_forecast_runs_give_interval() -> None:
    args = [
        "forecast",
        "--case",
        str(FIXTURE),
        "--model",
        "median",
        "--runs",
        "50",
        "--format",
        "json",
    ]
    row = json.loads(runner.invoke(app, args).output)[0]
    assert row["low"] <= row["forecast"] <= row["high"]


def test_forecast_trace_prints_rounds() -> None:
    result = runner.invoke(app, ["forecast", "--case", str(FIXTURE), "--trace", "quota"])
    assert result.exit_code == 0 and "round 0: median" in result.output


def test_forecast_without_positions_explains_fix(tmp_path: Path) -> None:
    from parley.errors import CaseFileError

    bare = tmp_path / "bare.yaml"
    bare.write_text(FIXTURE.read_text().split("positions:")[0])
    result = runner.invoke(app, ["forecast", "--case", str(bare)])
    assert isinstance(result.exception, CaseFileError)
    assert "add a 'positions' section" in str(result.exception)


@pytest.mark.shared
def test_backtest_deu_json_reproduces_published_compromise(shared: Path) -> None:
    path = shared / "data" / "deu3" / "deu3.tsv"
    result = runner.invoke(
        app, ["backtest", "deu", str(path), "--model", "compromise", "--format", "json"]
    )
    row = json.loads(result.output)[0]
    assert row["issues"] == 351 and abs(row["mae"] - 23.64) < 0.05
