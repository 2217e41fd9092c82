"""`parley demo` end to end on the built-in sample, and what a user does next with it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def parley(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "parley", *args], capture_output=True, text=True, cwd=cwd
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    folder = tmp_path_factory.mktemp("demo")
    return folder / "demo.db", parley("demo", "--db", str(folder / "demo.db"), cwd=folder)


def test_demo_builds_every_sample_article_and_writes_the_report(demo):
    db, result = demo
    assert result.returncode == 0, result.stderr
    assert "Stored 10 new article(s); 0 already in the dossier; 0 skipped" in result.stdout
    report = db.parent / "parley-demo.html"
    assert report.stat().st_size > 10_000
    assert f"parley serve --db {db}" in " ".join(result.stdout.split())


def test_forecast_from_evidence_cites_evidence_for_every_input(demo):
    db, _ = demo
    result = parley(
        "forecast", "--from-evidence", "--db", str(db), "--model", "compromise", "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {f["issue"] for f in data["forecasts"]} >= {"immediate_ceasefire", "sanctions_on_russia"}
    for item in data["inputs"]:
        assert item["evidence"], item
        if item["origin"] == "evidence":
            assert all(e["article_id"] and e["end"] > e["start"] for e in item["evidence"])


def test_reading_commands_use_the_case_the_dossier_was_built_with(demo):
    db, _ = demo
    result = subprocess.run(
        [sys.executable, "-m", "parley", "positions", "--db", str(db)],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "400"},
    )
    assert result.returncode == 0, result.stderr
    from parley.case import load_case
    from parley.sample import CASE_PATH

    case = load_case(CASE_PATH)
    assert all(issue in result.stdout for issue in case.issue_ids)
    assert all(actor.name in result.stdout for actor in case.actors)  # columns by name


def test_a_demo_that_crashes_leaves_no_half_built_dossier(tmp_path: Path):
    """The crash a pip that drops jusText's extra gave: `lxml.html.clean` cannot be imported."""
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "lxml_html_clean.py").write_text("raise ImportError('no lxml_html_clean here')\n")
    folder = tmp_path / "demo"
    folder.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "parley", "demo", "--db", "demo.db"],
        capture_output=True,
        text=True,
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(broken)},
    )
    assert result.returncode != 0
    assert "lxml_html_clean" in result.stderr
    assert sorted(p.name for p in folder.iterdir()) == []


def test_a_second_demo_keeps_the_dossier_whole(demo):
    db, _ = demo
    again = parley("demo", "--db", str(db), cwd=db.parent)
    assert again.returncode == 0, again.stderr
    assert "Stored 0 new article(s); 10 already in the dossier" in again.stdout


def test_demo_outputs_are_ignored_by_git():
    root = Path(__file__).resolve().parents[1]
    if not (root / ".git").exists():
        pytest.skip("not a git checkout")
    names = ["parley-demo.db", "parley-demo.html"]
    ignored = subprocess.run(
        ["git", "check-ignore", *names], cwd=root, capture_output=True, text=True
    ).stdout.split()
    assert ignored == names
