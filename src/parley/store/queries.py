"""Read-side queries shared by the command line, exports, the report and the web app.

Each function streams plain dicts whose fields are the export contract.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import and_, select

from parley.case import name_key
from parley.store import schema, stance_queries
from parley.store.store import Store

ARTICLE_FIELDS = ("id", "source", "title", "outlet", "authors", "published", "words", "tags")
ENTITY_FIELDS = ("id", "name", "type", "aliases", "descriptors", "actor", "mentions")


def articles(store: Store) -> Iterator[dict[str, Any]]:
    """Articles without their text, newest first."""
    a = schema.articles
    query = select(*(a.c[f] for f in ARTICLE_FIELDS)).order_by(a.c.published.desc(), a.c.id)
    with store.engine.connect() as conn:
        for row in conn.execute(query).mappings():
            yield dict(row)


def entities(store: Store, *, actor: str | None = None) -> Iterator[dict[str, Any]]:
    """Canonical entities, most mentioned first."""
    e = schema.entities
    query = select(e).order_by(e.c.mentions.desc(), e.c.name)
    if actor:
        query = query.where(e.c.actor == actor)
    with store.engine.connect() as conn:
        for row in conn.execute(query).mappings():
            yield {f: row[f] for f in ENTITY_FIELDS}


def quotes(store: Store, *, speaker: str | None = None) -> Iterator[dict[str, Any]]:
    """Quotes with their speaker's canonical name; `speaker` filters by name or alias (any case)."""
    q, a, k, e = schema.quotes, schema.articles, schema.entity_keys, schema.entities
    query = (
        select(
            q.c.id,
            q.c.article_id,
            a.c.source,
            a.c.outlet,
            a.c.published,
            e.c.name.label("entity"),
            e.c.aliases,
            q.c.speaker,
            q.c.speaker_descriptor,
            q.c.text,
            q.c.kind,
            q.c.start,
            q.c.end,
            q.c.cue,
        )
        .join(a, a.c.id == q.c.article_id)
        .outerjoin(k, and_(k.c.article_id == q.c.article_id, k.c.key == q.c.speaker_key))
        .outerjoin(e, e.c.id == k.c.entity_id)
        .order_by(a.c.published, q.c.article_id, q.c.start, q.c.end)
    )
    wanted = name_key(speaker) if speaker else None
    with store.engine.connect() as conn:
        for row in conn.execute(query).mappings():
            names = [row["entity"], row["speaker"], *(row["aliases"] or [])]
            if wanted and not any(n and wanted in name_key(n) for n in names):
                continue
            yield {
                "id": row["id"],
                "article_id": row["article_id"],
                "source": row["source"],
                "outlet": row["outlet"],
                "published": row["published"],
                "speaker": row["entity"] or row["speaker"],
                "speaker_descriptor": row["speaker_descriptor"],
                "text": row["text"],
                "kind": row["kind"],
                "cue": row["cue"],
                "start": row["start"],
                "end": row["end"],
            }


def events(store: Store) -> Iterator[dict[str, Any]]:
    """Merged events in date order (undated last), each with its sources."""
    ev, src = schema.events, schema.event_sources
    with store.engine.connect() as conn:
        sources: dict[str, list[dict[str, Any]]] = {}
        for row in conn.execute(
            select(src).order_by(src.c.event_id, src.c.article_id, src.c.start, src.c.end)
        ).mappings():
            sources.setdefault(row["event_id"], []).append(
                {f: row[f] for f in ("article_id", "source", "start", "end")}
            )
        # weeks and months among the days, by the first day they cover
        query = select(ev).order_by(
            ev.c.first_day.is_(None), ev.c.first_day, ev.c.last_day, ev.c.date, ev.c.id
        )
        for row in conn.execute(query).mappings():
            yield {**dict(row), "sources": sources.get(row["id"], [])}


Export = Callable[..., Iterator[dict[str, Any]]]  # called with the store

EXPORTS: dict[str, Export] = {
    "articles": articles,
    "entities": entities,
    "quotes": quotes,
    "events": events,
    **stance_queries.STANCE_EXPORTS,
}
EXPORT_FIELDS = {
    "articles": ARTICLE_FIELDS,
    "entities": ENTITY_FIELDS,
    "quotes": (
        "id",
        "article_id",
        "source",
        "speaker",
        "speaker_descriptor",
        "text",
        "kind",
        "start",
        "end",
    ),
    "events": (
        "id",
        "date",
        "date_precision",
        "approximate",
        "first_day",
        "last_day",
        "type",
        "actors",
        "summary",
        "sources",
    ),
    **stance_queries.STANCE_EXPORT_FIELDS,
}
