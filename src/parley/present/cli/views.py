"""`parley articles | entities | quotes | timeline`: readable tables over a dossier."""

from __future__ import annotations

from typing import Annotated

import typer

from parley.present.cli.app import app
from parley.present.cli.options import (
    DEFAULT_DB,
    DbOption,
    LimitOption,
    actor_ids,
    check_id,
    names_of,
    no_speaker,
    reading,
    with_id,
)


@app.command()
def articles(db: DbOption = DEFAULT_DB, limit: LimitOption = 0) -> None:
    """List the dossier's articles, newest first.

    Example: parley articles --db seeds.db
    """
    from parley.present.render import print_table
    from parley.present.report.dossier import article_rows

    with reading(db) as store:
        columns = [
            ("published", "Published", 10),
            ("outlet", "Outlet", 24),
            ("label", "Title", 60),
            ("authors", "Authors", 30),
            ("words", "Words", 6),
            ("id", "Id", 16),
        ]
        print_table(article_rows(store), columns, title="Articles", limit=limit)


@app.command()
def entities(
    db: DbOption = DEFAULT_DB,
    actor: Annotated[
        str | None, typer.Option("--actor", help="Only entities of this case actor id.")
    ] = None,
    limit: LimitOption = 30,
) -> None:
    """List canonical entities with their type, actor, descriptors and mention counts.

    Example: parley entities --db seeds.db --actor russia
    """
    from parley.present.render import print_table
    from parley.store import queries

    with reading(db) as store:
        check_id("actor", actor, actor_ids(store))
        names = names_of(store.case())
        rows = (
            {**e, "actor": with_id(names, e["actor"])} for e in queries.entities(store, actor=actor)
        )
        columns = [
            ("name", "Entity", 28),
            ("type", "Type", 7),
            ("actor", "Actor", 24),
            ("mentions", "Mentions", 8),
            ("descriptors", "Descriptors", 60),
            ("aliases", "Aliases", 40),
        ]
        print_table(rows, columns, title="Entities", limit=limit)


@app.command()
def quotes(
    db: DbOption = DEFAULT_DB,
    speaker: Annotated[
        str | None, typer.Option("--speaker", help="Only quotes by this speaker (name or alias).")
    ] = None,
    limit: LimitOption = 0,
) -> None:
    """List attributed quotes with speaker, kind and outlet (an unmatched --speaker is an error).

    Example: parley quotes --db seeds.db --speaker Putin
    """
    from parley.labels import outlet_label
    from parley.present.render import print_table
    from parley.store import queries

    with reading(db) as store:
        rows = [
            {**q, "outlet": outlet_label(q["outlet"])}
            for q in queries.quotes(store, speaker=speaker)
        ]
        if speaker and not rows:
            raise no_speaker(speaker, (q["speaker"] for q in queries.quotes(store)))
    columns = [
        ("published", "Date", 10),
        ("speaker", "Speaker", 22),
        ("kind", "Kind", 8),
        ("text", "Quote", 70),
        ("outlet", "Outlet", 20),
    ]
    print_table(rows, columns, title="Quotes", limit=limit)


@app.command()
def timeline(
    db: DbOption = DEFAULT_DB,
    undated: Annotated[
        bool, typer.Option("--undated", help="Also list the events the articles give no date for.")
    ] = False,
    outlet: Annotated[
        str | None, typer.Option("--outlet", help="Only events this outlet reports.")
    ] = None,
    date_from: Annotated[
        str | None,
        typer.Option(
            "--from", help="Only events on or after this date (YYYY, YYYY-MM, YYYY-MM-DD)."
        ),
    ] = None,
    date_to: Annotated[
        str | None,
        typer.Option(
            "--to", help="Only events on or before this date (YYYY, YYYY-MM, YYYY-MM-DD)."
        ),
    ] = None,
    limit: LimitOption = 0,
) -> None:
    """Show events in date order, weeks and months among the days, each with its sources.

    A date marked ~ is approximate (a news lead's event: the publication day or the day
    before). Undated events are counted below the table; --undated lists them.

    Example: parley timeline --db seeds.db --from 2025-03 --to 2025-03 --outlet "Financial Times"
    """
    from parley.present.render import print_table
    from parley.present.report.dossier import event_rows, filter_events
    from parley.store import queries

    for name, value in (("--from", date_from), ("--to", date_to)):
        _check_date(name, value)
    with reading(db) as store:
        names = names_of(store.case())
        rows = event_rows(queries.events(store), queries.articles(store))
    for row in rows:
        row["actors"] = [names.get(a, a) for a in row["actors"]]
    if outlet and not any(outlet in e["outlets"] for e in rows):
        known = sorted({o for e in rows for o in e["outlets"]})
        raise typer.BadParameter(
            f"no event from outlet {outlet!r}; outlets: {', '.join(known) or 'none'}",
            param_hint="--outlet",
        )
    kept = filter_events(rows, outlet=outlet)
    in_range = filter_events(kept, date_from=date_from, date_to=date_to)
    dated = [_timeline_row(e) for e in in_range if e["date"]]
    columns = [
        ("when", "Date", 11),
        ("date_precision", "Precision", 9),
        ("type", "Type", 10),
        ("actors", "Actors", 26),
        ("summary", "What happened", 80),
        ("n", "Sources", 7),
    ]
    print_table(dated, columns, title="Timeline", limit=limit)
    loose = [_timeline_row(e) for e in kept if not e["date"]]
    if undated and loose:
        typer.echo(f"{len(loose)} undated event(s):")
        print_table(loose, columns[2:], title="Undated events", limit=limit)
    elif loose:
        typer.echo(f"{len(loose)} undated event(s) not shown (--undated lists them).")


def _timeline_row(event: dict[str, object]) -> dict[str, object]:
    date = event["date"]
    when = f"~{date}" if date and event.get("approximate") else date
    return {**event, "when": when, "n": len(event["sources"])}  # type: ignore[arg-type]


def _check_date(name: str, value: str | None) -> None:
    """A YYYY, YYYY-MM or YYYY-MM-DD date, or a clear error naming the option."""
    import re
    from datetime import date

    if value is None:
        return
    padded = (
        value + "-01-01"[len(value) - 4 :] if re.fullmatch(r"\d{4}(-\d{2}){0,2}", value) else ""
    )
    try:
        date.fromisoformat(padded)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD", param_hint=name
        ) from None
