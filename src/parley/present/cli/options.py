"""Options shared by several commands, defined once."""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from parley.errors import ParleyError
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


def names_of(case: Case | None) -> dict[str, str]:
    """Actor names and issue labels by id, from the case (empty without one)."""
    if case is None:
        return {}
    return {a.id: a.name for a in case.actors} | {i.id: i.label for i in case.issues}


def with_id(names: dict[str, str], id_: str | None) -> str:
    """`Name (id)`, so a reader sees the name and the id to pass to `--actor` or `--issue`."""
    if not id_:
        return ""
    name = names.get(id_, id_)
    return id_ if name == id_ else f"{name} ({id_})"


def check_id(kind: str, value: str | None, valid: Sequence[str]) -> None:
    """Raise `ParleyError` when `value` is given and is not one of the `valid` ids of `kind`."""
    if value is None or value in valid:
        return
    same = [v for v in valid if v.casefold() == value.casefold()]
    near = same or difflib.get_close_matches(value, valid, n=1)
    hint = f" (did you mean {near[0]!r}?)" if near else ""
    raise ParleyError(f"unknown {kind} id {value!r}{hint}; valid: {', '.join(valid) or 'none'}")


def actor_ids(store: Store) -> list[str]:
    """The dossier's actor ids: its case's, else those its entities and stances carry."""
    case = store.case()
    if case is not None:
        return list(case.actor_ids)
    found = [
        row["actor"] for table in ("entities", "stances") for row in store.rows(table, ["actor"])
    ]
    return sorted({actor for actor in found if actor})


def issue_ids(store: Store) -> list[str]:
    """The dossier's issue ids: its case's, else those its stances carry."""
    case = store.case()
    if case is not None:
        return list(case.issue_ids)
    return sorted({row["issue"] for row in store.rows("stances", ["issue"])})


def no_speaker(wanted: str, speakers: Iterable[str | None]) -> ParleyError:
    """The error for a speaker filter nobody matches, naming close names or the main speakers."""
    counts = Counter(s for s in speakers if s)
    by_fold = {name.casefold(): name for name in counts}
    close = difflib.get_close_matches(wanted.casefold(), list(by_fold), n=5, cutoff=0.6)
    if close:
        names = ", ".join(by_fold[c] for c in close)
        return ParleyError(f"no speaker matches {wanted!r}; close names: {names}")
    names = ", ".join(name for name, _n in counts.most_common(10)) or "none"
    return ParleyError(f"no speaker matches {wanted!r}; speakers: {names}")
