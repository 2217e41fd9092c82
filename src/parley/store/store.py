"""`Store`: write and read a dossier database (`parley.store.opening` opens one).

A dossier is one SQLite file by default; any SQLAlchemy URL (for example
`postgresql://user@host/db`) selects another server with the same schema.
Every article is written with all its records in the same transaction (a build
commits several articles at a time), so a build killed half-way leaves only
whole articles behind.
"""

from __future__ import annotations

import errno
import json
import logging
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Connection,
    Engine,
    Integer,
    Table,
    Text,
    Update,
    cast,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, IntegrityError

from parley.articles.model import Article
from parley.errors import DiskFullError, StoreError
from parley.extract.records import Extraction
from parley.store import schema

if TYPE_CHECKING:
    from parley.case import Case

LOGGER = logging.getLogger(__name__)

# An article, what was extracted from it, and its quotes' speaker keys: what `add_articles` stores.
ToStore = tuple[Article, Extraction, Sequence[str | None]]


class Store:
    """The dossier database. Use as a context manager, or call `close()`."""

    def __init__(self, engine: Engine, url: str, *, readonly: bool = False) -> None:
        self.engine = engine
        self.url = url
        self.readonly = readonly

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def files(self) -> list[Path]:
        """The files of a SQLite dossier (database, journal, WAL), so a build can pass them over."""
        if not self.url.startswith("sqlite:///"):
            return []
        return sqlite_files(Path(self.url.removeprefix("sqlite:///")))

    def close(self) -> None:
        self.engine.dispose()

    # -- writing ---------------------------------------------------------

    @property
    def name(self) -> str:
        """The dossier as a person named it: a SQLite file's path, else the URL sans password."""
        if self.url.startswith("sqlite:///"):
            return self.url.removeprefix("sqlite:///")
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def writing(self) -> Iterator[Connection]:
        """A write transaction; a full disk becomes `DiskFullError` (the transaction is rolled
        back, so every article committed before stays whole)."""
        if self.readonly:
            raise StoreError(f"{self.name}: opened read-only (a reading command writes nothing)")
        try:
            with self.engine.begin() as conn:
                yield conn
        except (DBAPIError, OSError) as exc:
            if _disk_full(exc):
                raise DiskFullError(f"no space left on device while writing {self.name}") from None
            raise

    def article_ids(self) -> set[str]:
        """Ids of every stored article (used to skip what a build already holds)."""
        with self.engine.connect() as conn:
            return set(conn.scalars(select(schema.articles.c.id)))

    def add_article(
        self, article: Article, extraction: Extraction, speaker_keys: Sequence[str | None] = ()
    ) -> bool:
        """Store an article and all its records in one transaction; False if it was already there.

        `speaker_keys[i]` is the entity key of `extraction.quotes[i]`'s speaker.
        """
        return self.add_articles([(article, extraction, speaker_keys)])[0]

    def add_articles(self, items: Sequence[ToStore]) -> list[bool]:
        """Store several articles with all their records in one transaction (each one whole,
        so atomic articles hold at any batch size); for each, False if it was already there.

        Each table gets one multi-row insert for the whole batch. The generation goes up by
        one per article, and each article records the generation its storing made
        (`articles.seq`): the corpus views use it to tell which articles they cover. When
        another writer stored one of the articles meanwhile, the batch is rolled back and
        its articles are stored one by one.
        """
        if not items:
            return []
        try:
            with self.writing() as conn:
                first = _claim_generations(conn, len(items)) - len(items) + 1
                _insert_batch(conn, items, first)
        except IntegrityError:
            if len(items) == 1:
                if self.has_article(items[0][0].id):  # stored meanwhile by another writer
                    return [False]
                raise
            return [self.add_articles([item])[0] for item in items]
        return [True] * len(items)

    def has_article(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            query = select(schema.articles.c.id).where(schema.articles.c.id == article_id)
            return conn.scalar(query) is not None

    def add_reject(self, source: str, reason: str) -> None:
        """Remember an input that could not be stored, replacing an earlier reason."""
        with self.writing() as conn:
            conn.execute(delete(schema.rejects).where(schema.rejects.c.source == source))
            conn.execute(insert(schema.rejects), {"source": source, "reason": reason})

    def generation(self) -> int:
        """How many articles have been stored, counted by their own transactions.

        Every article's transaction bumps it, so the corpus views know exactly which
        state they were built from (see `replace_derived`).
        """
        with self.engine.connect() as conn:
            return _generation(conn, "generation")

    def views_stale(self) -> bool:
        """True when articles were stored after the state the corpus tables were built from."""
        with self.engine.connect() as conn:
            views = _generation(conn, "views", missing=-1)
            return views < _generation(conn, "generation")

    def replace_derived(
        self,
        tables: dict[str, list[dict[str, Any]]],
        generation: int,
        meta: dict[str, str] | None = None,
    ) -> None:
        """Replace the corpus tables (entities, events and their links) and the views' state
        in one transaction, with `meta` entries beside them.

        `generation` is `self.generation()` as read *before* the records the tables were
        computed from: they cover at least the articles it counts, so an article stored
        meanwhile leaves the views stale and its build refreshes them. The transaction
        first locks the generation row, which serialises it with article writes and other
        refreshes; views built from an older generation than those stored are dropped.
        """
        with self.writing() as conn:
            covered, _ = self.lock_views(conn)
            if covered >= generation:
                return
            if meta is None:  # tables from elsewhere: the next refresh starts afresh
                conn.execute(delete(schema.meta).where(schema.meta.c.key == "views_state"))
            for key, value in (meta or {}).items():
                _put_meta(conn, key, value)
            for table in (*schema.DERIVED_TABLES, *schema.STATE_TABLES):
                conn.execute(delete(table))
                rows = tables.get(table.name) or []
                for chunk in _chunks(rows, 5000):
                    conn.execute(insert(table), chunk)
            self.mark_views(conn, generation)

    def lock_views(self, conn: Connection) -> tuple[int, int]:
        """Inside a write transaction: lock the generation row until it ends (serialising
        with article writes and other refreshes); (generation the views cover, generation)."""
        conn.execute(_lock_generation())
        return _generation(conn, "views", missing=-1), _generation(conn, "generation")

    def mark_views(self, conn: Connection, generation: int) -> None:
        """Inside the transaction that wrote them: the views now cover `generation`."""
        _put_meta(conn, "views", str(generation))

    def save_case(self, case: Case) -> None:
        """Remember the case file a build used, so later commands need no `--case`."""
        self._set_meta("case", json.dumps(case.raw, default=str))

    def case(self) -> Case | None:
        """The case file of the last build that gave one, or None."""
        from parley.case import case_from_dict

        with self.engine.connect() as conn:
            raw = conn.scalar(select(schema.meta.c.value).where(schema.meta.c.key == "case"))
        return case_from_dict(json.loads(raw)) if raw else None

    def _set_meta(self, key: str, value: str) -> None:
        with self.writing() as conn:
            _put_meta(conn, key, value)

    # -- reading ---------------------------------------------------------

    def count(self, table: str) -> int:
        with self.engine.connect() as conn:
            return int(conn.scalar(select(func.count()).select_from(_table(table))) or 0)

    def rows(
        self, table: str, columns: Sequence[str] | None = None, **equals: Any
    ) -> Iterator[dict[str, Any]]:
        """Stream a table's rows (only `columns` if given) where `column == value` per keyword."""
        t = _table(table)
        query = select(*(t.c[c] for c in columns)) if columns else select(t)
        for column, value in equals.items():
            query = query.where(t.c[column] == value)
        order = [t.c[c] for c in ("article_id", "start", "id") if c in t.c]
        with self.engine.connect() as conn:
            for row in conn.execute(query.order_by(*order)).mappings():
                yield dict(row)

    def article(self, article_id: str) -> Article | None:
        """The stored article with this id, or None."""
        row = next(self.rows("articles", id=article_id), None)
        if row is None:
            return None
        row.pop("words", None)
        return Article.from_dict(row)

    def summary(self) -> dict[str, Any]:
        """Counts and date range of the dossier."""
        with self.engine.connect() as conn:
            first, last = conn.execute(
                select(func.min(schema.articles.c.published), func.max(schema.articles.c.published))
            ).one()
            outlets = conn.scalar(select(func.count(func.distinct(schema.articles.c.outlet))))
        counts = {
            name: self.count(name)
            for name in ("articles", "entities", "quotes", "events", "rejects")
        }
        return {**counts, "outlets": int(outlets or 0), "first": first, "last": last}


def _disk_full(exc: BaseException) -> bool:
    """Whether an error means the disk is full: SQLite's SQLITE_FULL, PostgreSQL's class 53100
    (disk_full), or ENOSPC from the operating system."""
    orig = getattr(exc, "orig", exc)
    if isinstance(orig, OSError) and orig.errno == errno.ENOSPC:
        return True
    if getattr(orig, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
        return True
    return getattr(orig, "sqlstate", None) == "53100"


def meta_value(conn: Connection, key: str) -> str | None:
    """The value stored under `key` in `meta`, or None."""
    return conn.scalar(select(schema.meta.c.value).where(schema.meta.c.key == key))


def _put_meta(conn: Connection, key: str, value: str) -> None:
    conn.execute(delete(schema.meta).where(schema.meta.c.key == key))
    conn.execute(insert(schema.meta), {"key": key, "value": value})


def _generation(conn: Connection, key: str, missing: int = 0) -> int:
    """The generation stored under `key` in `meta` ("generation", or "views": the one the
    corpus tables were built from)."""
    value = conn.scalar(select(schema.meta.c.value).where(schema.meta.c.key == key))
    return missing if value is None else int(value)


def _claim_generations(conn: Connection, n: int) -> int:
    """Add `n` to the generation (locking its row until the transaction ends); the new value."""
    meta = schema.meta
    bumped = cast(cast(meta.c.value, Integer) + n, Text)
    query = update(meta).where(meta.c.key == "generation").values(value=bumped)
    return int(conn.execute(query.returning(meta.c.value)).scalar_one())


def _insert_batch(conn: Connection, items: Sequence[ToStore], first_seq: int) -> None:
    """Insert articles and their records, one multi-row statement per table."""
    articles = [_article_row(a) | {"seq": first_seq + i} for i, (a, _, _) in enumerate(items)]
    conn.execute(insert(schema.articles), articles)
    per_table: dict[str, list[dict[str, Any]]] = {}
    for article, extraction, keys in items:
        for table, rows in _record_rows(article.id, extraction, keys):
            per_table.setdefault(table.name, []).extend(rows)
    for name, rows in per_table.items():
        if rows:
            conn.execute(insert(schema.metadata.tables[name]), rows)
    sources = sorted({a.source for a, _, _ in items})
    conn.execute(delete(schema.rejects).where(schema.rejects.c.source.in_(sources)))


def _lock_generation() -> Update:
    """A write that changes nothing but takes the generation row's lock (SQLite: the database's)."""
    meta = schema.meta
    return update(meta).where(meta.c.key == "generation").values(value=meta.c.value)


def sqlite_files(path: Path) -> list[Path]:
    """A SQLite database file and the journal, WAL and shared-memory files beside it."""
    return [path, *(path.with_name(path.name + end) for end in ("-wal", "-shm", "-journal"))]


def _table(name: str) -> Table:
    try:
        return schema.metadata.tables[name]
    except KeyError:
        valid = ", ".join(sorted(schema.metadata.tables))
        raise StoreError(f"no table {name!r} in the dossier; tables: {valid}") from None


def _article_row(article: Article) -> dict[str, Any]:
    row = article.to_dict()
    row["words"] = article.words
    return row


def _record_rows(
    article_id: str, extraction: Extraction, speaker_keys: Sequence[str | None]
) -> Iterator[tuple[Table, list[dict[str, Any]]]]:
    mentions = [
        {"id": f"{article_id}:m{m.start}-{m.end}", "article_id": article_id} | _row(m)
        for m in extraction.mentions
    ]
    yield schema.mentions, _unique(mentions)
    keys = list(speaker_keys) + [None] * (len(extraction.quotes) - len(speaker_keys))
    quotes = [
        {"id": f"{article_id}:q{q.start}-{q.end}", "article_id": article_id, "speaker_key": key}
        | _row(q)
        for q, key in zip(extraction.quotes, keys, strict=True)
    ]
    yield schema.quotes, _unique(quotes)
    timexes = [
        {"id": f"{article_id}:t{t.start}-{t.end}", "article_id": article_id} | _row(t)
        for t in extraction.timexes
    ]
    yield schema.timexes, _unique(timexes)
    events = [
        {"id": f"{article_id}:e{e.start}-{e.end}-{e.type}", "article_id": article_id}
        | _row(e)
        | {"actors": list(e.actors)}
        for e in extraction.events
    ]
    yield schema.event_mentions, _unique(events)
    stances = [
        {"id": f"{article_id}:s{s.start}-{s.end}-{s.actor}-{s.issue}", "article_id": article_id}
        | _row(s)
        for s in extraction.stances
    ]
    yield schema.stances, _unique(stances)
    frames = [
        {"id": f"{article_id}:f{f.start}-{f.end}-{f.kind}-{f.target}-{f.agent}",
         "article_id": article_id} | _row(f)
        for f in extraction.frames
    ]  # fmt: skip
    yield schema.frames, _unique(frames)


def _row(record: Any) -> dict[str, Any]:
    """A record's fields as a dict, values shared (`asdict` deep-copies: most of the cost of
    storing)."""
    names = _FIELDS.get(type(record))
    if names is None:
        names = _FIELDS[type(record)] = tuple(f.name for f in fields(record))
    return {name: getattr(record, name) for name in names}


_FIELDS: dict[type, tuple[str, ...]] = {}


def _unique(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows with distinct ids, first one kept (an extractor may report a span twice)."""
    first: dict[str, dict[str, Any]] = {}
    for row in rows:
        first.setdefault(row["id"], row)
    return list(first.values())


def _chunks(rows: Sequence[dict[str, Any]], size: int) -> Iterable[Sequence[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]
