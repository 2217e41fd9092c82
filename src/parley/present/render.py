"""Dossier views in the terminal: tables and lines in which data is always plain text.

Nothing taken from a dossier, a case file or a file name is ever read as rich
markup: a title holding `[/]` prints as `[/]` and `[link=...]` makes no link.
Styled words are `(text, style)` pairs. On a terminal, tables are drawn with
rich; when standard output is a pipe or a file, they are tab-separated lines
with every value whole (one row per line), and lines are never wrapped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Console, RenderableType
from rich.table import Table
from rich.text import Text

if TYPE_CHECKING:
    from parley.build import BuildReport

console = Console(highlight=False)
errors = Console(stderr=True, highlight=False)

Part = str | tuple[str, str]
"""A piece of a line: plain text, or (text, rich style)."""

Column = tuple[str, str, int | None]
"""(field, heading, max width on a terminal)."""

PIPED_WIDTH = 1_000_000
"""Width rich renders at when not writing to a terminal: no line is ever cut or wrapped."""


def say(*parts: Part, err: bool = False) -> None:
    """Print one line made of plain text and (text, style) pairs; none of it is markup."""
    target = errors if err else console
    target.print(Text.assemble(*parts), soft_wrap=not target.is_terminal)


def show(renderable: RenderableType) -> None:
    """Print a rich renderable (a table) at full width when not on a terminal."""
    console.print(renderable, width=None if console.is_terminal else PIPED_WIDTH)


def cell(value: Any, width: int | None = None) -> str:
    """A value as table text: lists joined, None blank, long text cut at `width`."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        text = ", ".join(cell(v) for v in value)
    elif isinstance(value, dict):
        text = ", ".join(f"{k}={v}" for k, v in value.items())
    else:
        text = str(value)
    if width and len(text) > width:
        text = text[: width - 1] + "…"
    return text


def print_table(
    rows: Iterable[dict[str, Any]],
    columns: Sequence[Column],
    *,
    title: str,
    limit: int = 0,
    header: bool = True,
) -> int:
    """Print rows as a table (tab-separated when piped); returns the number of rows shown."""
    shown = list(_first(rows, limit))
    if console.is_terminal:
        _rich_table(shown, columns, title, header)
    else:
        _tab_separated(shown, columns, header)
    return len(shown)


def _first(rows: Iterable[dict[str, Any]], limit: int) -> Iterable[dict[str, Any]]:
    for shown, row in enumerate(rows):
        if limit and shown >= limit:
            return
        yield row


def _rich_table(
    rows: list[dict[str, Any]], columns: Sequence[Column], title: str, header: bool
) -> None:
    table = Table(title=Text(title), title_justify="left", show_header=header)
    for _field, heading, width in columns:
        table.add_column(Text(heading), overflow="fold", max_width=width)
    for row in rows:
        table.add_row(*(Text(cell(row.get(f), w)) for f, _h, w in columns))
    console.print(table)


def _tab_separated(rows: list[dict[str, Any]], columns: Sequence[Column], header: bool) -> None:
    lines = [[heading for _f, heading, _w in columns]] if header else []
    lines += [[cell(row.get(f)) for f, _h, _w in columns] for row in rows]
    out = console.file  # written as is: rich would expand the tabs
    for values in lines:
        out.write("\t".join(_one_line(v) for v in values) + "\n")
    out.flush()


def _one_line(value: str) -> str:
    return " ".join(value.replace("\t", " ").splitlines()) if value else value


def print_build_report(report: BuildReport) -> None:
    """One line of counts, then each skipped input with its reason."""
    say(
        f"Stored {report.stored} new article(s); {report.existing} already in the dossier; "
        f"{len(report.rejected)} skipped ({report.seconds:.1f} s)."
    )
    others = sorted(report.workers - {report.writer})
    if others:
        pids = ", ".join(map(str, others))
        writer = report.writer
        say(f"Parsed in {len(others)} worker process(es) (pids {pids}); stored by pid {writer}.")
    for source, reason in report.rejected:
        say(("skipped", "yellow"), f" {source}: {reason}", err=True)
    for source, message in report.warnings:
        say(("warning", "yellow"), f" {source}: {message}", err=True)


def print_summary(summary: dict[str, Any], db: str) -> None:
    """The dossier's counts and date range."""
    rows = [{"what": key, "count": summary[key]} for key in SUMMARY_KEYS]
    published = f"{summary['first'] or '?'} to {summary['last'] or '?'}"
    rows.append({"what": "published", "count": published})
    columns = [("what", "what", None), ("count", "count", None)]
    print_table(rows, columns, title=f"Dossier {db}", header=False)


SUMMARY_KEYS = ("articles", "outlets", "entities", "quotes", "events", "rejects")


def print_next_steps(db: str) -> None:
    """The commands to run next on the dossier at `db`."""
    say("\nExplore it:")
    for command, what in NEXT_STEPS:
        say("  ", (command.format(db=db), "bold"), f"  {what}")


NEXT_STEPS = (
    ("parley timeline --db {db}", "events in date order"),
    ("parley quotes --db {db}", "who said what"),
    ("parley stances --db {db}", "who wants what"),
    ("parley forecast --db {db} --from-evidence", "where each issue is likely to land"),
    ("parley report --db {db}", "the whole dossier as one HTML file"),
    ("parley serve --db {db}", "the dossier as a web app"),
)
