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
        bool, typer.Option("--undated", help="Also list events the articles give no date for.")
    ] = False,
    limit: LimitOption = 0,
) -> None:
    """Show events in date order, each with the number of articles that report it.

    Example: parley timeline --db seeds.db --undated
    """
    from parley.present.render import print_table
    from parley.store import queries

    with reading(db) as store:
        names = names_of(store.case())
        rows = (
            {
                **event,
                "n": len(event["sources"]),
                "actors": [names.get(a, a) for a in event["actors"]],
            }
            for event in queries.events(store)
            if undated or event["date"]
        )
        columns = [
            ("date", "Date", 10),
            ("date_precision", "Precision", 9),
            ("type", "Type", 10),
            ("actors", "Actors", 26),
            ("summary", "What happened", 80),
            ("n", "Sources", 7),
        ]
        print_table(rows, columns, title="Timeline", limit=limit)
