"""Rich rendering of dossier views in the terminal."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from parley.build import BuildReport

console = Console(highlight=False)
errors = Console(stderr=True, highlight=False)


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
    columns: Sequence[tuple[str, str, int | None]],
    *,
    title: str,
    limit: int = 0,
) -> int:
    """Print rows as a table; columns are (field, heading, max width). Returns rows shown."""
    table = Table(title=title, title_justify="left", show_lines=False)
    for _field, heading, width in columns:
        table.add_column(heading, overflow="fold", max_width=width)
    shown = 0
    for row in rows:
        if limit and shown >= limit:
            break
        table.add_row(*(cell(row.get(f), w) for f, _h, w in columns))
        shown += 1
    console.print(table)
    return shown


def print_build_report(report: BuildReport) -> None:
    """One line of counts, then each skipped input with its reason."""
    console.print(
        f"Stored {report.stored} new article(s); {report.existing} already in the dossier; "
        f"{len(report.rejected)} skipped ({report.seconds:.1f} s)."
    )
    others = sorted(report.workers - {report.writer})
    if others:
        pids = ", ".join(map(str, others))
        writer = report.writer
        console.print(
            f"Parsed in {len(others)} worker process(es) (pids {pids}); stored by pid {writer}."
        )
    for source, reason in report.rejected:
        errors.print(f"[yellow]skipped[/] {source}: {reason}")


def print_summary(summary: dict[str, Any], db: str) -> None:
    """The dossier's counts and date range."""
    table = Table(title=f"Dossier {db}", title_justify="left", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    for key in ("articles", "outlets", "entities", "quotes", "events", "rejects"):
        table.add_row(key, str(summary[key]))
    table.add_row("dates", f"{summary['first'] or '?'} to {summary['last'] or '?'}")
    console.print(table)
