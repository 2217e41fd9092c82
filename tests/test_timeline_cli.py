"""`parley timeline` through the command line: weeks and months among the days, undated
events counted apart, and the outlet and date filters."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "fixtures" / "timeline"


def parley(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the command line, wide enough that no table cell wraps."""
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "parley", *args], capture_output=True, text=True, env=env
    )


@pytest.fixture(scope="module")
def timeline_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Two briefs of our own: a month, a week and two days dated, one event undated."""
    db = str(tmp_path_factory.mktemp("timeline") / "timeline.db")
    built = parley("build", str(CORPUS), "--manifest", str(CORPUS / "manifest.csv"), "--db", db)
    assert built.returncode == 0, built.stderr
    return db


def dates(output: str) -> list[str]:
    """The Date column of the first table (piped output is tab-separated, header first)."""
    rows = [line.split("\t") for line in output.splitlines() if "\t" in line]
    header = rows.index(next(r for r in rows if r[0] == "Date"))
    table = []
    for cells in rows[header + 1 :]:
        if cells[0] == "Date" or cells[0] == "Type":
            break
        table.append(cells[0])
    return table


def test_weeks_and_months_sort_among_the_days(timeline_db):
    shown = parley("timeline", "--db", timeline_db)
    assert shown.returncode == 0, shown.stderr
    assert dates(shown.stdout) == ["2025-03", "2025-W11", "2025-03-18", "2025-03-31"]


def test_undated_events_are_counted_apart_and_listed_on_request(timeline_db):
    shown = parley("timeline", "--db", timeline_db)
    assert "1 undated event(s) not shown" in shown.stdout
    listed = parley("timeline", "--db", timeline_db, "--undated")
    assert "1 undated event(s):" in listed.stdout
    assert "Anna Lind" in listed.stdout


def test_outlet_filter_keeps_that_outlets_events(timeline_db):
    shown = parley("timeline", "--db", timeline_db, "--outlet", "Coast Post")
    assert dates(shown.stdout) == ["2025-03", "2025-03-31"]


def test_date_filter_keeps_weeks_and_months_that_meet_the_range(timeline_db):
    shown = parley("timeline", "--db", timeline_db, "--from", "2025-03-12", "--to", "2025-03-20")
    assert dates(shown.stdout) == ["2025-03", "2025-W11", "2025-03-18"]


def test_bad_date_and_unknown_outlet_are_clear_errors(timeline_db):
    bad = parley("timeline", "--db", timeline_db, "--from", "March")
    assert bad.returncode == 2 and "not a date" in bad.stderr
    unknown = parley("timeline", "--db", timeline_db, "--outlet", "Nowhere Times")
    assert unknown.returncode == 2 and "Coast Post" in unknown.stderr
