"""`parley export KIND`: dossier records as JSON lines or CSV on standard output."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from parley.present.cli.app import app
from parley.present.cli.options import DEFAULT_DB, DbOption, reading


class ExportKind(StrEnum):
    articles = "articles"
    entities = "entities"
    quotes = "quotes"
    events = "events"
    stances = "stances"
    claims = "claims"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"


@app.command()
def export(
    kind: Annotated[ExportKind, typer.Argument(help="What to export.")],
    db: DbOption = DEFAULT_DB,
    format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ExportFormat.jsonl,
) -> None:
    """Write dossier records to standard output, one per line (JSONL) or as CSV.

    Fields: articles `id, source, title, outlet, authors, published, words, tags`;
    entities `id, name, type, aliases, descriptors, actor, mentions`; quotes `id,
    article_id, source, speaker, speaker_descriptor, text, kind, start, end`;
    events `id, date, date_precision, approximate, first_day, last_day, type, actors,
    summary, sources`; stances `id, article_id, source, actor, issue, stance, confidence,
    start, end, evidence`; claims `id, text, sources, contradicted_by`.

    JSONL keeps every value exact. In CSV, lists are JSON and a text cell starting
    with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe so
    that spreadsheets do not run it as a formula.

    Example: parley export quotes --db seeds.db --format csv > quotes.csv
    """
    import sys

    from parley.analysis.claims import CLAIM_FIELDS, claims
    from parley.present.export import write_records
    from parley.store import queries

    exports = {**queries.EXPORTS, "claims": claims}
    fields = {**queries.EXPORT_FIELDS, "claims": CLAIM_FIELDS}
    with reading(db) as store:
        rows = exports[kind.value](store)
        write_records(rows, fields[kind.value], format.value, sys.stdout)
