"""A filter naming an unknown id is an error that lists the valid ones, not an empty table."""

from __future__ import annotations

import subprocess
import sys

import pytest


def parley(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "parley", *args], capture_output=True, text=True)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("stances", "--actor", "North"),
            "Error: unknown actor id 'North' (did you mean 'north'?); valid: north, south",
        ),
        (
            ("stances", "--issue", "fishing"),
            "Error: unknown issue id 'fishing'; valid: quota, inspections",
        ),
        (
            ("entities", "--actor", "westland"),
            "Error: unknown actor id 'westland'; valid: north, south",
        ),
        (
            ("quotes", "--speaker", "Ann Burg"),
            "Error: no speaker matches 'Ann Burg'; close names: Ann Berg",
        ),
        (
            ("quotes", "--speaker", "Nobody"),
            "Error: no speaker matches 'Nobody'; speakers: Ann Berg, Bo Lind",
        ),
    ],
)
def test_unknown_id_is_an_error_listing_the_valid_ones(hostile_db, args, message):
    result = parley(*args, "--db", hostile_db)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip() == message


@pytest.mark.parametrize(
    "args",
    [
        ("stances", "--actor", "north"),
        ("entities", "--actor", "south"),
        ("quotes", "--speaker", "berg"),
    ],
)
def test_known_ids_still_filter(hostile_db, args):
    result = parley(*args, "--db", hostile_db)
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 2  # the header and one row
