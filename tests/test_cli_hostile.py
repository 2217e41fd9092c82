"""Data is printed as text, never as terminal markup: every printing command, hostile data.

Each reading command runs through Typer's runner on a dossier whose titles,
outlets, quotes, summaries and file names hold `[/]` (which crashed rich) and
`[link=...]` (which made a clickable link), once as on a terminal (rich
tables) and once piped (plain lines).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

COMMANDS = (
    ("articles",),
    ("entities",),
    ("quotes",),
    ("timeline", "--undated"),
    ("stances",),
    ("positions",),
    ("claims",),
    ("outlets",),
    ("check",),
    ("forecast", "--from-evidence"),
)
SHOWS = {  # what each command shows of the hostile data, as written
    "articles": ("[/]", "[link"),
    "quotes": ("[/]", "[link"),
    "timeline": ("[/]",),
    "stances": ("[/]", "[link"),
    "claims": ("[/]",),
    "outlets": ("[link",),
}
STYLED = "[red]"  # file names cannot hold "/", so they carry an opening tag
LINK_NAME = "[link=mailto:a@example.invalid]"
OSC_LINK = "\x1b]8;"  # the escape sequence a terminal hyperlink starts with


@pytest.fixture(params=["terminal", "piped"])
def run(request, monkeypatch):
    """Run `parley ARGS` in-process, with standard output a terminal or a pipe."""
    from parley.present import render
    from parley.present.cli import app

    terminal = request.param == "terminal"
    monkeypatch.setattr(render.console, "_force_terminal", terminal)
    monkeypatch.setattr(render.errors, "_force_terminal", terminal)
    monkeypatch.setenv("COLUMNS", "250")

    def invoke(*args: str):  # type: ignore[no-untyped-def]
        result = CliRunner().invoke(app, list(args))
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result

    return invoke


@pytest.mark.parametrize("args", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_every_printing_command_prints_data_as_text(run, hostile_db, args):
    result = run(*args, "--db", hostile_db)
    assert result.exit_code == 0, result.output
    assert OSC_LINK not in result.output
    for fragment in SHOWS.get(args[0], ()):
        assert fragment in result.output, result.output


def test_report_path_with_markup_is_printed_as_text(run, hostile_db, tmp_path: Path):
    out = tmp_path / f"{STYLED}dossier.html"
    result = run("report", "--db", hostile_db, "--out", str(out), "--runs", "0")
    assert result.exit_code == 0, result.output
    assert out.exists() and f"{STYLED}dossier.html" in result.output.replace("\n", "")


def test_build_summary_prints_hostile_file_names(run, tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / f"{STYLED}brief.txt").write_text(
        "Talks go on\n\nThe two delegations met again on Monday and agreed to meet next week.\n",
        encoding="utf-8",
    )
    (folder / f"{LINK_NAME}empty.txt").write_text("", encoding="utf-8")
    result = run("build", str(folder), "--db", str(tmp_path / "d.db"))
    assert result.exit_code == 1, result.output  # one input failed
    assert "Stored 1 new article(s)" in result.output
    assert f"{LINK_NAME}empty.txt" in result.output.replace("\n", "")
    assert OSC_LINK not in result.output


def test_dates_title_with_markup_in_the_file_name(run, tmp_path: Path):
    path = tmp_path / f"{STYLED}note.txt"
    path.write_text("The talks ended on Friday.", encoding="utf-8")
    result = run("dates", str(path), "--dct", "2025-03-19")
    assert result.exit_code == 0, result.output
    assert "Friday" in result.output
    from parley.present.render import console

    if console.is_terminal:  # the table's title names the file (piped tables have no title)
        assert f"{STYLED}note.txt" in result.output


def test_piped_output_keeps_long_values_whole_on_one_line(hostile_db):
    """Piped, a table is tab-separated lines: each quote and outlet whole, never cut at 80."""
    import subprocess
    import sys

    from tests.hostile import OUTLET, QUOTED

    result = subprocess.run(
        [sys.executable, "-m", "parley", "quotes", "--db", hostile_db],
        capture_output=True,
        text=True,
        env={k: v for k, v in __import__("os").environ.items() if k != "COLUMNS"},
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split("\t") == ["Date", "Speaker", "Kind", "Quote", "Outlet"]
    [row] = [line for line in lines if QUOTED in line]
    assert row.split("\t") == ["2025-03-04", "Ann Berg", "direct", QUOTED, OUTLET]
