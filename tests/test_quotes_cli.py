"""Speakers as users see them: `parley build` then `parley quotes --speaker` and the export."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import pytest

TALKS = """Talks in Doha

DOHA (Gulf Wire) - Khalil al-Rami, the chief negotiator, said on Monday that the offer was \
"a good start, nothing more."

"We want guarantees before anything else," Rami said.
"""

REACTIONS = """Reactions to the talks

What the commentators said.

Maria Lopez, The Daily Courier:

"The deal will not survive the winter, whatever the two sides say."

Asked about the timetable, Rami told reporters: "Nothing is agreed yet."
"""


def parley(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "parley", *args], capture_output=True, text=True)


@pytest.fixture(scope="module")
def dossier(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("speakers")
    (folder / "talks.txt").write_text(TALKS, encoding="utf-8")
    (folder / "reactions.txt").write_text(REACTIONS, encoding="utf-8")
    db = str(folder.parent / "speakers.db")
    built = parley("build", str(folder), "--db", db)
    assert built.returncode == 0, built.stderr
    return db


def test_a_surname_finds_every_quote_of_the_full_name_across_articles(dossier):
    shown = parley("quotes", "--db", dossier, "--speaker", "Rami")
    assert shown.returncode == 0, shown.stderr
    for words in ("good start", "guarantees", "Nothing is agreed", "Khalil al-Rami"):
        assert words in shown.stdout
    assert "winter" not in shown.stdout


def test_a_round_up_line_gives_the_speaker(dossier):
    shown = parley("quotes", "--db", dossier, "--speaker", "Maria Lopez")
    assert shown.returncode == 0 and "winter" in shown.stdout


def test_no_quote_is_given_to_the_dateline(dossier):
    exported = parley("export", "quotes", "--db", dossier, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert rows, exported.stderr
    assert all(row["speaker"] for row in rows if row["kind"] != "indirect")
    assert not [row for row in rows if row["speaker"] in ("DOHA", "Doha")]
