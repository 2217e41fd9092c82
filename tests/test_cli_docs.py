"""Every command teaches: it has help text with an `Example:`."""

from __future__ import annotations

import re

import typer.main
from typer.testing import CliRunner

from parley.present.cli import app


def walk(command, path: str = "parley"):
    """Yield (path, command) for every leaf command below `command`."""
    subcommands = getattr(command, "commands", None)
    if subcommands is None:
        yield path, command
        return
    for name, sub in subcommands.items():
        yield from walk(sub, f"{path} {name}")


def test_every_command_has_an_example():
    commands = list(walk(typer.main.get_command(app)))
    assert len(commands) >= 7
    assert [path for path, cmd in commands if "Example:" not in (cmd.help or "")] == []


def help_words(text: str) -> list[str]:
    """The words of a help text as a reader should see them (Markdown code marks dropped)."""
    return re.findall(r"\S+", text.replace("`", "").replace("\b", ""))


def test_help_shows_every_word_and_no_value_for_flags():
    """Each `--help` keeps every word of its help texts and shows flags as flags."""
    runner = CliRunner()
    commands = list(walk(typer.main.get_command(app)))
    assert commands
    for path, command in commands:
        result = runner.invoke(app, [*path.split()[1:], "--help"], env={"COLUMNS": "300"})
        assert result.exit_code == 0, (path, result.output)
        shown = set(re.findall(r"\S+", result.output.replace("│", " ")))
        assert "<bool>" not in result.output, path
        texts = [command.help or ""] + [p.help or "" for p in command.params]
        lost = [w for text in texts for w in help_words(text) if w not in shown]
        assert lost == [], (path, lost)


def test_a_flag_takes_no_value():
    result = CliRunner().invoke(app, ["timeline", "--undated", "true", "--db", "x.db"])
    assert result.exit_code == 2  # "true" is an unexpected argument: --undated is a flag
