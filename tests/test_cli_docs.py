"""Every command teaches: it has help text with an `Example:`."""

from __future__ import annotations

import typer.main

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
