"""`parley case check` and `parley case init`: validate a case file, or draft one from a corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from parley.present.cli.app import app
from parley.present.cli.options import ManifestOption

case_app = typer.Typer(help="Check a case file, or draft one from a corpus.", no_args_is_help=True)
app.add_typer(case_app, name="case")


@case_app.command("check")
def check(
    path: Annotated[Path, typer.Argument(help="The case file (YAML).", dir_okay=False)],
) -> None:
    """Validate a case file: every problem on its own line, with the line number.

    Exit status 0 when the file is valid, 1 when it has problems.

    Example: parley case check ../shared/cases/russia-ukraine-2025.yaml
    """
    from parley.case import check_case, load_case

    problems = check_case(path)
    case = None if problems else load_case(path)
    if case is not None and "positions" in case.raw:
        problems = _positions_problems(path)
    if problems or case is None:
        for line in problems:
            typer.echo(line, err=True)
        typer.echo(f"{path}: {len(problems)} problem(s)", err=True)
        raise typer.Exit(1)
    typer.echo(f"{path}: OK ({len(case.actors)} actors, {len(case.issues)} issues)")


def _positions_problems(path: Path) -> list[str]:
    """The `positions` section's first problem, if any (it is read as the forecast reads it)."""
    from parley.bargain.inputs import positions_from_case
    from parley.errors import CaseFileError

    try:
        positions_from_case(path)
    except CaseFileError as exc:
        return [str(exc).splitlines()[0]]
    return []


@case_app.command("init")
def init(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or folders of articles (read recursively).")
    ],
    manifest: ManifestOption = None,
    issues: Annotated[
        int, typer.Option("--issues", help="How many candidate issues to propose.")
    ] = 15,
    actors: Annotated[
        int, typer.Option("--actors", help="How many actors to propose at most.")
    ] = 12,
) -> None:
    """Draft a case file from a corpus: actors with aliases and people, candidate issues.

    Prints YAML to standard output; each candidate issue lists, as comments, the
    sentences that suggested it. Edit the draft, then check it with `parley case
    check`.

    Example: parley case init ../shared/seeds --manifest ../shared/manifests/seeds.csv > case.yaml
    """
    from parley.analysis.case_draft import draft_case

    typer.echo(draft_case([str(p) for p in paths], manifest=manifest, issues=issues, actors=actors))
