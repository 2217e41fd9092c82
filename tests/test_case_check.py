"""`parley case check`, and the one-line case-file errors every command gives."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.present.cli import app

runner = CliRunner()

GOOD = """case: reef-talks
title: Invented reef talks
actors:
  - id: north
    name: Northland
    aliases: [Northlanders]
    people: [Ann Berg]
    capability: 2
issues:
  - id: reef_closure
    proposition: The reef is closed to fishing.
    label: Reef closure
    keywords: [reef ban]
    scale: {0: "reef open", 50: "seasonal closure", 100: "reef closed"}
    status_quo: 0
"""


def check(tmp_path: Path, text: str) -> tuple[int, list[str]]:
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["case", "check", str(path)])
    lines = [line.replace(str(path), "case.yaml") for line in result.output.splitlines()]
    return result.exit_code, lines


def test_a_valid_case_file_is_ok(tmp_path: Path) -> None:
    code, lines = check(tmp_path, GOOD)
    assert code == 0
    assert lines == ["case.yaml: OK (1 actors, 1 issues)"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("    aliases: [Northlanders]", "    aliases: 5",
         "case.yaml:6: actors[0].aliases: expected a list of names, got 5"),
        ("    people: [Ann Berg]", "    people: 3",
         "case.yaml:7: actors[0].people: expected a list of names, got 3"),
        ("    capability: 2", "    capability: strong",
         "case.yaml:8: actors[0].capability: expected a number above 0, got strong"),
        ("    label: Reef closure", "    lable: Reef closure",
         "case.yaml:12: issues[0].lable: unknown key; did you mean 'label'? valid: id, "
         "proposition, label, keywords, scale, status_quo, rules"),
        ("    status_quo: 0", "    status_quo: 140",
         "case.yaml:15: issues[0].status_quo: expected a number from 0 to 100, got 140"),
        ('50: "seasonal closure"', '150: "seasonal closure"',
         "case.yaml:14: issues[0].scale.150: a scale point is a whole number from 0 to 100"),
        ("    proposition: The reef is closed to fishing.\n", "",
         "case.yaml:10: issues[0]: this issue needs 'proposition'"),
    ],
)  # fmt: skip
def test_each_problem_names_line_key_and_expectation(tmp_path, old, new, expected) -> None:
    assert old in GOOD
    code, lines = check(tmp_path, GOOD.replace(old, new))
    assert code == 1
    assert lines == [expected, "case.yaml: 1 problem(s)"]


def test_every_problem_is_listed_in_file_order(tmp_path: Path) -> None:
    code, lines = check(tmp_path, "actors: 5\nissues: hello\n")
    assert code == 1
    assert lines[0].startswith("case.yaml:1: actors: expected a list of actors")
    assert lines[1].startswith("case.yaml:2: issues: expected a list of issues")
    assert lines[1].endswith("got hello")


def test_a_duplicate_id_names_both_lines(tmp_path: Path) -> None:
    text = GOOD.replace("issues:", "  - id: north\n    name: Again\nissues:")
    code, lines = check(tmp_path, text)
    assert code == 1
    assert lines[0] == "case.yaml:9: actors[1].id: actor id 'north' appears twice (first on line 4)"


def test_broken_yaml_gives_the_line(tmp_path: Path) -> None:
    code, lines = check(tmp_path, "actors: [north\n  name: x\n")
    assert code == 1
    assert lines[0].startswith("case.yaml:2: not valid YAML:")


def test_a_bad_positions_section_is_reported(tmp_path: Path) -> None:
    text = GOOD + "positions:\n  actors:\n    nobody:\n      reef_closure: {position: 5}\n"
    code, lines = check(tmp_path, text)
    assert code == 1
    assert lines[0] == "case.yaml:18: unknown actor id 'nobody'; valid: north"


BAD = ["actors: 5", "issues: hello", "actors:\n  - id: a\n    aliases: 5"]


@pytest.mark.parametrize("bad", BAD)
def test_every_command_gives_the_same_one_line_error(tmp_path: Path, bad: str) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(bad + "\n", encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "parley", "build", str(tmp_path / "corpus"), "--case", str(case),
         "--db", str(tmp_path / "d.db")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {case}:"), result.stderr
    assert "Traceback" not in result.stderr
