"""`parley dates FILE` and `parley eval tempeval DIR`: time expressions and their benchmark."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from parley.errors import InputError, ParleyError
from parley.present.cli.app import app

if TYPE_CHECKING:
    from parley.extract.timex.score import Counts

FORMATS = ("table", "jsonl")

eval_app = typer.Typer(help="Score Parley's extractors on annotated corpora.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@app.command()
def dates(
    file: Annotated[Path, typer.Argument(help="Text file, or TimeML (.tml).", dir_okay=False)],
    dct: Annotated[
        str | None,
        typer.Option("--dct", help="Document date YYYY-MM-DD (default: a .tml file's `<DCT>`)."),
    ] = None,
    fmt: Annotated[str, typer.Option("--format", help="table or jsonl.")] = "table",
) -> None:
    """Find the time expressions of a document and resolve them against its date.

    Example: parley dates article.txt --dct 2025-03-19 --format jsonl
    """
    if fmt not in FORMATS:
        raise ParleyError(f"unknown --format {fmt!r}; use one of: {', '.join(FORMATS)}")
    from parley.extract.timex import find_timexes
    from parley.nlp import load_pipeline

    text, anchor = _read_document(file)
    if dct is not None:
        anchor = _parse_dct(dct)
    timexes = find_timexes(load_pipeline(None)(text), anchor)
    if fmt == "jsonl":
        for timex in timexes:
            typer.echo(json.dumps(_row(timex), ensure_ascii=False))
        return
    from parley.present.render import print_table

    columns = [("start", "start", None), ("end", "end", None), ("text", "text", 40)]
    columns += [("type", "type", None), ("value", "value", None), ("mod", "mod", None)]
    title = f"{file.name}: {len(timexes)} time expressions (DCT {anchor or 'unknown'})"
    print_table([_row(t) for t in timexes], columns, title=title)


def _row(timex: object) -> dict[str, object]:
    from dataclasses import asdict

    row = asdict(timex)  # type: ignore[call-overload]
    if row.get("mod") is None:
        row.pop("mod", None)
    return row


def _parse_dct(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ParleyError(f"--dct {text!r} is not a date; write it as YYYY-MM-DD") from None


def _read_document(path: Path) -> tuple[str, date | None]:
    """Text and DCT of a file: a TimeML file's <TEXT> and <DCT>, or a text file and no date."""
    if path.suffix.lower() == ".tml":
        from parley.extract.timex.timeml import read_timeml

        document = read_timeml(path)
        return document.text, document.dct
    try:
        return path.read_text(encoding="utf-8"), None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read as UTF-8 text: {exc}") from exc


@eval_app.command("tempeval")
def eval_tempeval(
    folder: Annotated[Path, typer.Argument(help="Folder of TimeML (.tml) files.", file_okay=False)],
    errors: Annotated[
        bool, typer.Option("--errors", help="Also list every mismatch with the gold tags.")
    ] = False,
) -> None:
    """Score the time-expression tagger the TempEval-3 Task A way, next to published systems.

    Example: parley eval tempeval ../shared/data/tempeval3-dev
    """
    from parley.extract.timex.score import evaluate_documents
    from parley.extract.timex.timeml import read_timeml_dir
    from parley.nlp import load_pipeline

    documents = read_timeml_dir(folder)
    nlp = load_pipeline(None)
    text_only = evaluate_documents(documents, nlp, include_dct=False)
    with_dct = evaluate_documents(documents, nlp, include_dct=True)
    print_scores(
        text_only, with_dct, title=f"TempEval-3 Task A on {folder} ({len(documents)} files)"
    )
    if errors:
        _print_errors(text_only)


def print_scores(text_only: Counts, with_dct: Counts, *, title: str) -> None:
    """The scores table: Parley without and with the DCT tags, and the published systems."""
    from rich.table import Table
    from rich.text import Text

    from parley.extract.timex.score import PUBLISHED, score
    from parley.present.render import show

    table = Table(
        title=Text(title), caption="* published TempEval-3 results on all 20 platinum files"
    )
    for heading in ("system", "strict F1", "relaxed F1", "type F1", "value F1", "gold/system"):
        table.add_column(heading, justify="left" if heading == "system" else "right")
    for label, counts in (("Parley (text)", text_only), ("Parley (+DCT)", with_dct)):
        s = score(counts)
        table.add_row(
            label,
            f"{s.strict_f1:.2f}",
            f"{s.relaxed_f1:.2f}",
            f"{s.type_f1:.2f}",
            f"{s.value_f1:.2f}",
            f"{s.gold}/{s.system}",
        )
    for name, (relaxed, strict, value) in PUBLISHED.items():
        table.add_row(
            f"{name}*",
            f"{strict:.2f}",
            f"{relaxed:.2f}",
            "",
            f"{value:.2f}",
            "",
        )
    show(table)


def _print_errors(counts: Counts) -> None:
    from parley.present.render import say

    for name, gold, system in counts.misses:
        gold_text = f"{gold.text!r} {gold.type} {gold.value} {gold.mod or ''}" if gold else "-"
        system_text = (
            f"{system.text!r} {system.type} {system.value} {system.mod or ''}" if system else "-"
        )
        say(f"{name}: gold {gold_text} | parley {system_text}")
