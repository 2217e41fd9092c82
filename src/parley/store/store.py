"""`Store`: open, write and read a dossier database.

A dossier is one SQLite file by default; any SQLAlchemy URL (for example
`postgresql://user@host/db`) selects another server with the same schema.
Every article is written with all its records in one transaction, so a build
killed half-way leaves only whole articles behind.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, Table, create_engine, delete, event, func, insert, select
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from parley.articles.model import Article
from parley.errors import StoreError
from parley.extract.records import Extraction
from parley.store import schema

if TYPE_CHECKING:
    from alembic.config import Config

    from parley.case import Case

LOGGER = logging.getLogger(__name__)


def resolve_url(db: str | Path) -> str:
    """A SQLAlchemy URL for `db`: paths become SQLite; PostgreSQL URLs get the psycopg driver."""
    text = str(db)
    if "://" not in text:
        return f"sqlite:///{Path(text).expanduser()}"
    if text.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + text.split("://", 1)[1]
    return text


def open_store(db: str | Path, *, create: bool = True) -> Store:
    """Open the dossier at `db` (a file path or a database URL), migrating it to this version.

    With `create=False` a missing SQLite file is an error instead of a new dossier.
    """
    url = resolve_url(db)
    if url.startswith("sqlite:///") and not create:
        path = Path(url.removeprefix("sqlite:///"))
        if not path.exists():
            raise StoreError(
                f"{path}: no dossier here. Build one first: parley build PATH --db {path}"
            )
    try:
        engine = create_engine(url)
    except (SQLAlchemyError, ModuleNotFoundError, ValueError) as exc:
        raise StoreError(f"{db}: cannot open the database ({exc})") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    store = Store(engine, url)
    store.initialise()
    return store


def migration_config() -> Config:
    """Alembic's configuration for the migrations shipped in `parley.store.migrations`."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "parley.store:migrations")
    return config


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # WAL lets readers (the CLI, the web app) read while a build writes.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class Store:
    """The dossier database. Use as a context manager, or call `close()`."""

    def __init__(self, engine: Engine, url: str) -> None:
        self.engine = engine
        self.url = url

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
        path = Path(self.url.removeprefix("sqlite:///"))
        return [path, *(path.with_name(path.name + end) for end in ("-wal", "-shm", "-journal"))]

    def close(self) -> None:
        self.engine.dispose()

    def initialise(self) -> None:
        """Create the dossier's tables, or migrate an older dossier to this version's schema."""
        from alembic import command

        try:
            with self.engine.begin() as conn:
                config = migration_config()
                config.attributes["connection"] = conn
                command.upgrade(config, "head")
        except OperationalError as exc:
            raise StoreError(f"{self.url}: cannot initialise the dossier ({exc.orig})") from None

    # -- writing ---------------------------------------------------------

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
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(schema.articles), _article_row(article))
                for table, rows in _record_rows(article.id, extraction, speaker_keys):
                    if rows:
                        conn.execute(insert(table), rows)
                conn.execute(
                    delete(schema.rejects).where(schema.rejects.c.source == article.source)
                )
        except IntegrityError:
            if self.has_article(article.id):  # stored meanwhile by another writer
                return False
            raise
        return True

    def has_article(self, article_id: str) -> bool:
        with self.engine.connect() as conn:
            query = select(schema.articles.c.id).where(schema.articles.c.id == article_id)
            return conn.scalar(query) is not None

    def add_reject(self, source: str, reason: str) -> None:
        """Remember an input that could not be stored, replacing an earlier reason."""
        with self.engine.begin() as conn:
            conn.execute(delete(schema.rejects).where(schema.rejects.c.source == source))
            conn.execute(insert(schema.rejects), {"source": source, "reason": reason})

    def views_stale(self) -> bool:
        """True when articles were added since the corpus tables were last rebuilt."""
        with self.engine.connect() as conn:
            built_from = conn.scalar(
                select(schema.meta.c.value).where(schema.meta.c.key == "views")
            )
            articles = conn.scalar(select(func.count()).select_from(schema.articles))
        return built_from != str(articles)

    def replace_derived(self, tables: dict[str, list[dict[str, Any]]]) -> None:
        """Replace the corpus tables (entities, events and their links) in one transaction."""
        with self.engine.begin() as conn:
            articles = conn.scalar(select(func.count()).select_from(schema.articles))
            conn.execute(delete(schema.meta).where(schema.meta.c.key == "views"))
            conn.execute(insert(schema.meta), {"key": "views", "value": str(articles)})
            for table in schema.DERIVED_TABLES:
                conn.execute(delete(table))
                rows = tables.get(table.name) or []
                for chunk in _chunks(rows, 5000):
                    conn.execute(insert(table), chunk)

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
        with self.engine.begin() as conn:
            conn.execute(delete(schema.meta).where(schema.meta.c.key == key))
            conn.execute(insert(schema.meta), {"key": key, "value": value})

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
        {"id": f"{article_id}:m{m.start}-{m.end}", "article_id": article_id} | asdict(m)
        for m in extraction.mentions
    ]
    yield schema.mentions, _unique(mentions)
    keys = list(speaker_keys) + [None] * (len(extraction.quotes) - len(speaker_keys))
    quotes = [
        {"id": f"{article_id}:q{q.start}-{q.end}", "article_id": article_id, "speaker_key": key}
        | asdict(q)
        for q, key in zip(extraction.quotes, keys, strict=True)
    ]
    yield schema.quotes, _unique(quotes)
    timexes = [
        {"id": f"{article_id}:t{t.start}-{t.end}", "article_id": article_id} | asdict(t)
        for t in extraction.timexes
    ]
    yield schema.timexes, _unique(timexes)
    events = [
        {"id": f"{article_id}:e{e.start}-{e.end}-{e.type}", "article_id": article_id}
        | asdict(e)
        | {"actors": list(e.actors)}
        for e in extraction.events
    ]
    yield schema.event_mentions, _unique(events)
    stances = [
        {"id": f"{article_id}:s{s.start}-{s.end}-{s.actor}-{s.issue}", "article_id": article_id}
        | asdict(s)
        for s in extraction.stances
    ]
    yield schema.stances, _unique(stances)
    frames = [
        {"id": f"{article_id}:f{f.start}-{f.end}-{f.kind}-{f.target}-{f.agent}",
         "article_id": article_id} | asdict(f)
        for f in extraction.frames
    ]  # fmt: skip
    yield schema.frames, _unique(frames)


def _unique(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows with distinct ids, first one kept (an extractor may report a span twice)."""
    first: dict[str, dict[str, Any]] = {}
    for row in rows:
        first.setdefault(row["id"], row)
    return list(first.values())


def _chunks(rows: Sequence[dict[str, Any]], size: int) -> Iterable[Sequence[dict[str, Any]]]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]
