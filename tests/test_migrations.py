"""Schema migrations: a new dossier matches the tables in code, an old one is upgraded in place."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, insert, text

from parley.store import open_store, resolve_url
from parley.store.opening import migration_config
from parley.store.schema import metadata


def test_migrated_schema_matches_the_tables_in_code(db):
    with open_store(db) as store, store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_dossier_at_the_first_revision_is_upgraded_without_loss(db):
    engine = create_engine(resolve_url(db))
    with engine.begin() as conn:
        config = migration_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        row = {
            "id": "a1",
            "source": "old.txt",
            "authors": [],
            "words": 2,
            "tags": [],
            "text": "Old text",
        }
        conn.execute(insert(metadata.tables["articles"]), row)
    engine.dispose()
    with open_store(db) as store:
        assert store.article("a1").text == "Old text"
        with store.engine.connect() as conn:
            heads = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    assert heads == [_head()]


def _head() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(migration_config()).get_current_head()
