"""Options shared by several commands, defined once."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from parley.store import Store, open_store

if TYPE_CHECKING:
    from parley.case import Case

DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        help="Dossier database: a file path (SQLite) or a database URL (postgresql://...).",
        envvar="PARLEY_DB",
    ),
]
CaseOption = Annotated[
    Path | None,
    typer.Option(
        "--case",
        help="Case file (YAML) naming the actors and issues. Reading commands default to the "
        "case the dossier was built with.",
        dir_okay=False,
    ),
]
ManifestOption = Annotated[
    Path | None,
    typer.Option(
        "--manifest",
        help="CSV or JSONL giving outlet, title, published, authors per file or URL.",
        dir_okay=False,
    ),
]
LimitOption = Annotated[
    int, typer.Option("--limit", "-n", help="Show at most this many rows (0: all).")
]
DEFAULT_DB = "parley.db"


def case_of(store: Store, path: Path | None) -> Case | None:
    """The case given by `--case`, else the one the dossier was built with."""
    if path is not None:
        from parley.case import load_case

        return load_case(path)
    return store.case()


@contextmanager
def reading(db: str) -> Iterator[Store]:
    """Open an existing dossier read-only; a missing one is a clear error."""
    store = open_store(db, readonly=True)
    try:
        yield store
    finally:
        store.close()
