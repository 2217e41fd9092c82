"""Integrity checks over a dossier: spans inside their article, quoted text matching, no
orphans, corpus views that hold every stored article's events and entities.

Each check is one SQL query, so it runs on the server for SQLite and
PostgreSQL alike and scales with the dossier.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Select, Table, exists, func, or_, select

from parley.store import schema
from parley.store.store import Store

# Every per-article table has a span; those with a `text` column repeat the span's words.
SPAN_TABLES = schema.ARTICLE_TABLES
TEXT_TABLES = tuple(t for t in SPAN_TABLES if "text" in t.c)


@dataclass(frozen=True, slots=True)
class Problem:
    """One integrity problem: which table and row, and what is wrong."""

    table: str
    row: str
    problem: str

    def __str__(self) -> str:
        return f"{self.table} {self.row}: {self.problem}"


def check_store(store: Store, *, limit: int = 100) -> list[Problem]:
    """Every problem found (at most `limit` per check)."""
    problems: list[Problem] = []
    with store.engine.connect() as conn:
        for table, label, query in _checks():
            for row_id in conn.scalars(query.limit(limit)):
                problems.append(Problem(table, str(row_id), label))
        if store.views_stale():
            problems.append(Problem("meta", "views", "corpus views are older than the articles"))
    return problems


def _checks() -> Iterator[tuple[str, str, Select]]:
    a = schema.articles
    for t in SPAN_TABLES:
        yield t.name, "article missing (orphan record)", _orphans(t)
        bad_span = or_(t.c.start < 0, t.c.end > func.length(a.c.text), t.c.start >= t.c.end)
        yield (
            t.name,
            "span outside its article",
            select(t.c.id).join(a, a.c.id == t.c.article_id).where(bad_span),
        )
    for t in TEXT_TABLES:
        stored = func.substr(a.c.text, t.c.start + 1, t.c.end - t.c.start)
        query = select(t.c.id).join(a, a.c.id == t.c.article_id).where(stored != t.c.text)
        yield t.name, "text differs from the article at its span", query
    es, ev = schema.event_sources, schema.events
    missing_event = (
        select(es.c.event_id).outerjoin(ev, ev.c.id == es.c.event_id).where(ev.c.id.is_(None))
    )
    yield es.name, "event missing (orphan source)", missing_event
    yield es.name, "article missing (orphan source)", _orphans(es, es.c.event_id)
    ek, en = schema.entity_keys, schema.entities
    missing_entity = (
        select(ek.c.key).outerjoin(en, en.c.id == ek.c.entity_id).where(en.c.id.is_(None))
    )
    yield ek.name, "entity missing", missing_entity
    yield from _uncovered()


def _uncovered() -> Iterator[tuple[str, str, Select]]:
    """Stored records the corpus views do not hold, whatever the views' generation says.

    Every event mention is a source of some merged event. Entities are checked per
    article: one with a mention that can be an entity has at least one key in the views
    (a single odd name may map to no entity, but a whole article's cannot).
    """
    from parley.analysis.entities import NOT_ENTITIES

    em, es = schema.event_mentions, schema.event_sources
    has_source = (es.c.article_id == em.c.article_id) & (es.c.start == em.c.start)
    yield (
        em.name,
        "event is missing from the corpus views",
        select(em.c.id).where(~exists().where(has_source)),
    )
    m, ek = schema.mentions, schema.entity_keys
    entity_like = (m.c.article_id == schema.articles.c.id) & m.c.label.not_in(NOT_ENTITIES)
    no_keys = ~exists().where(ek.c.article_id == schema.articles.c.id)
    yield (
        m.name,
        "article's entities are missing from the corpus views",
        select(schema.articles.c.id).where(exists().where(entity_like), no_keys),
    )


def _orphans(table: Table, id_column=None) -> Select:
    a = schema.articles
    column = table.c.id if id_column is None else id_column
    return select(column).outerjoin(a, a.c.id == table.c.article_id).where(a.c.id.is_(None))
