"""Open a dossier: for writing (created or migrated to this version's schema), or read-only.

Reading commands open read-only, so a dossier on read-only media can be read: SQLite
in `mode=ro` (and `immutable` when the file's folder cannot be written, as then SQLite
could not make its shared-memory file), PostgreSQL in read-only sessions. Nothing
is migrated on that path unless it must be: a dossier from an older Parley is
upgraded once where it can be written, and is an error where it cannot.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DatabaseError, OperationalError, SQLAlchemyError

from parley.errors import StoreError
from parley.store.store import Store, sqlite_files

if TYPE_CHECKING:
    from alembic.config import Config

# Any fixed number: the PostgreSQL advisory lock that serialises creating and migrating a dossier.
MIGRATION_LOCK = 0x7061726C6579


def resolve_url(db: str | Path) -> str:
    """A SQLAlchemy URL for `db`: paths become SQLite; PostgreSQL URLs get the psycopg driver."""
    text = str(db)
    if "://" not in text:
        return f"sqlite:///{Path(text).expanduser()}"
    if text.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + text.split("://", 1)[1]
    return text


def open_store(db: str | Path, *, create: bool = True, readonly: bool = False) -> Store:
    """Open the dossier at `db` (a file path or a database URL).

    Writable (the default): an empty database becomes a new dossier and an older one is
    migrated to this version. With `create=False` or `readonly`, a missing SQLite file
    is an error instead of a new dossier. `readonly` opens it so that nothing can be
    written (see the module docstring). A database that is not a dossier is a
    `StoreError` naming it and saying what it is.
    """
    url = resolve_url(db)
    path = Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None
    if path is not None and (readonly or not create) and not path.exists():
        raise StoreError(f"{path}: no dossier here. Build one first: parley build PATH --db {path}")
    store = Store(_engine(url, path, readonly), url, readonly=readonly)
    try:
        state = _schema_state(store)
        if readonly and state != "current":
            store = _upgraded_for_reading(store, db, state)
        elif not readonly:
            migrate(store)
    except BaseException:
        store.close()
        raise
    return store


def migrate(store: Store) -> None:
    """Create the dossier's tables, or migrate an older dossier to this version's schema."""
    from alembic import command

    try:
        if store.engine.dialect.name == "sqlite":
            # WAL lets readers (the CLI, the web app) read while a build writes. The mode is
            # kept in the file; it is set here, not on connecting, so that merely opening a
            # file that turns out not to be a dossier changes nothing in it.
            with store.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA journal_mode=WAL")
        with store.writing() as conn:
            _lock_for_migration(conn)
            config = migration_config()
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    except OperationalError as exc:
        raise StoreError(f"{store.name}: cannot initialise the dossier ({exc.orig})") from None


def migration_config() -> Config:
    """Alembic's configuration for the migrations shipped in `parley.store.migrations`."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "parley.store:migrations")
    return config


@contextmanager
def staged(db: str) -> Iterator[str]:
    """Where to build a dossier that must appear whole or not at all.

    For a SQLite file that does not exist yet: a hidden file beside it, moved into
    place when the block ends normally and removed (with its journal) when it raises.
    Otherwise (an existing file, a server URL) `db` itself. Close the store inside
    the block.
    """
    url = resolve_url(db)
    final = Path(url.removeprefix("sqlite:///"))
    if not url.startswith("sqlite:///") or final.exists():
        yield db
        return
    handle, name = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".building", dir=final.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield str(temporary)
    except BaseException:
        for path in sqlite_files(temporary):
            path.unlink(missing_ok=True)
        raise
    os.replace(temporary, final)


# -- engines ---------------------------------------------------------------------------------


def _engine(url: str, path: Path | None, readonly: bool) -> Engine:
    try:
        if path is not None and readonly:
            uri = _read_only_uri(path)
            engine = create_engine(url, creator=lambda: _sqlite_connect(uri))
        else:
            engine = create_engine(url)
    except (SQLAlchemyError, ModuleNotFoundError, ValueError) as exc:
        raise StoreError(f"{url}: cannot open the database ({exc})") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_read_pragmas if readonly else _sqlite_pragmas)
    elif engine.dialect.name == "postgresql" and readonly:
        event.listen(engine, "connect", _postgres_read_only)
    return engine


def _read_only_uri(path: Path) -> str:
    folder_writable = os.access(path.parent, os.W_OK) and os.access(path, os.W_OK)
    mode = "mode=ro" if folder_writable else "mode=ro&immutable=1"
    return f"file:{quote(str(path.resolve()))}?{mode}"


def _sqlite_connect(uri: str) -> sqlite3.Connection:
    return sqlite3.connect(uri, uri=True, check_same_thread=False)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_read_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


def _postgres_read_only(dbapi_connection: Any, _record: Any) -> None:
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    dbapi_connection.commit()


# -- what the database holds -------------------------------------------------------------------


def _schema_state(store: Store) -> str:
    """ "empty", "current" or "old" (a dossier an older Parley wrote); a `StoreError` when the
    database is not a dossier this version knows."""
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migration_config())
    try:
        with store.engine.connect() as conn:
            revision = MigrationContext.configure(conn).get_current_revision()
            tables = [] if revision else _tables(conn)
    except DatabaseError as exc:
        raise StoreError(f"{store.name}: {_not_a_database(exc)}") from None
    if revision is None:
        if tables:
            listed = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
            raise StoreError(
                f"{store.name}: not a dossier (a database with other tables: {listed})"
            )
        return "empty"
    if revision == scripts.get_current_head():
        return "current"
    if revision not in {script.revision for script in scripts.walk_revisions()}:
        raise StoreError(
            f"{store.name}: not a dossier this version of Parley knows (schema {revision!r}; "
            "a newer Parley may have written it)"
        )
    return "old"


def _tables(conn: Connection) -> list[str]:
    return sorted(inspect(conn).get_table_names())


def _not_a_database(exc: DatabaseError) -> str:
    code = getattr(exc.orig, "sqlite_errorcode", None)
    if code == sqlite3.SQLITE_NOTADB:
        return "not a dossier (not a database file)"
    if code == sqlite3.SQLITE_CANTOPEN:
        return "cannot open the database file (is its folder readable?)"
    return f"cannot read the database ({exc.orig})"


def _upgraded_for_reading(store: Store, db: str | Path, state: str) -> Store:
    """The read-only store again, after the one write reading may need: an older dossier's
    schema upgrade (done where the dossier can be written)."""
    if state == "empty":
        raise StoreError(f"{store.name}: not a dossier (an empty database)")
    store.close()
    try:
        with open_store(db, create=False):
            pass
    except StoreError as exc:
        raise StoreError(
            f"{store.name}: written by an older Parley, so its schema needs an upgrade, which "
            f"cannot be written here ({_reason(exc)}); open it once where it can be written "
            "(any parley command upgrades it), then read it here"
        ) from None
    return open_store(db, readonly=True)


def _reason(exc: StoreError) -> str:
    text = str(exc)
    return text[text.rfind("(") + 1 : -1] if text.endswith(")") else text


def _lock_for_migration(conn: Connection) -> None:
    """Hold, until the transaction ends, a lock that one creation or migration at a time gets.

    Two builds creating the same new dossier would otherwise both find no tables and both
    create them. SQLite: take the database's write lock now (waiting up to the busy
    timeout); PostgreSQL: a transaction-scoped advisory lock. The second comes through
    once the first has committed, and finds the schema current.
    """
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    elif conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
