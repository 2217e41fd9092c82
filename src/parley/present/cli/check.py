"""`parley check`: verify a dossier's integrity."""

from __future__ import annotations

import typer

from parley.present.cli.app import app
from parley.present.cli.options import DEFAULT_DB, DbOption, reading


@app.command()
def check(db: DbOption = DEFAULT_DB) -> None:
    """Verify the dossier: every record's span lies inside its article and matches its text,
    no record lacks its article, and the corpus views are up to date. Exit 1 on any problem.

    Example: parley check --db seeds.db
    """
    from parley.present.render import say
    from parley.store.check import check_store

    with reading(db) as store:
        problems = check_store(store)
        summary = store.summary()
    for problem in problems:
        say(("problem", "red"), f" {problem}", err=True)
    if problems:
        raise typer.Exit(1)
    say(
        f"{db}: OK ({summary['articles']} articles, {summary['quotes']} quotes, "
        f"{summary['events']} events checked)"
    )
