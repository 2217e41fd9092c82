"""Read-side queries behind stances, positions, claims and outlet framing: plain rows.

Like `parley.store.queries`, each function returns plain dicts read from the
dossier's tables; `parley.analysis` computes the views (dated stances,
positions, claims, framing) from them. `stance_export` rows are the export
contract (`STANCE_FIELDS`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import func, select

from parley.store import schema
from parley.store.store import Store

STANCE_FIELDS = (
    "id",
    "article_id",
    "source",
    "actor",
    "issue",
    "stance",
    "confidence",
    "start",
    "end",
    "evidence",
)


def article_rows(
    store: Store, ids: set[str] | None = None, *, text: bool = True
) -> dict[str, dict[str, Any]]:
    """Articles by id: id, source, outlet, published (ISO or None) and, unless not asked, text."""
    a = schema.articles
    columns = [a.c.id, a.c.source, a.c.outlet, a.c.published, *([a.c.text] if text else [])]
    query = select(*columns)
    if ids is not None:
        query = query.where(a.c.id.in_(ids))
    with store.engine.connect() as conn:
        return {r["id"]: dict(r) for r in conn.execute(query).mappings()}


def stance_rows(
    store: Store, actor: str | None = None, issue: str | None = None
) -> list[dict[str, Any]]:
    """Stored stances (optionally of one actor or issue), in article and text order."""
    s = schema.stances
    query = select(s).order_by(s.c.article_id, s.c.start, s.c.id)
    if actor:
        query = query.where(s.c.actor == actor)
    if issue:
        query = query.where(s.c.issue == issue)
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def stance_counts(store: Store) -> dict[tuple[str, str], int]:
    """How many stances each (actor, issue) pair has."""
    s = schema.stances
    query = select(s.c.actor, s.c.issue, func.count()).group_by(s.c.actor, s.c.issue)
    with store.engine.connect() as conn:
        return {(a, i): int(n) for a, i, n in conn.execute(query)}


def event_mention_rows(store: Store, ids: set[str]) -> dict[str, list[dict[str, Any]]]:
    """Per-article event mentions of these articles, by article id."""
    e = schema.event_mentions
    found: dict[str, list[dict[str, Any]]] = {}
    with store.engine.connect() as conn:
        for row in conn.execute(select(e).where(e.c.article_id.in_(ids))).mappings():
            found.setdefault(row["article_id"], []).append(dict(row))
    return found


def frame_rows(store: Store) -> list[dict[str, Any]]:
    """Stored blame and credit frames, in article and text order."""
    return list(store.rows("frames"))


def actor_mention_counts(store: Store) -> dict[str, int]:
    """How many mentions name each case actor."""
    m = schema.mentions
    query = select(m.c.actor, func.count()).where(m.c.actor.is_not(None)).group_by(m.c.actor)
    with store.engine.connect() as conn:
        return {a: int(n) for a, n in conn.execute(query)}


def quote_rows(store: Store) -> list[dict[str, Any]]:
    """Quotes with the speaker's canonical name and actor (through the entity tables)."""
    q, k, e = schema.quotes, schema.entity_keys, schema.entities
    query = (
        select(q.c.article_id, q.c.start, q.c.end, q.c.speaker, q.c.text, e.c.name, e.c.actor)
        .outerjoin(k, (k.c.article_id == q.c.article_id) & (k.c.key == q.c.speaker_key))
        .outerjoin(e, e.c.id == k.c.entity_id)
        .order_by(q.c.article_id, q.c.start)
    )
    with store.engine.connect() as conn:
        return [
            {**dict(r), "speaker": r["name"] or r["speaker"]}
            for r in conn.execute(query).mappings()
        ]


def stance_export(store: Store) -> Iterator[dict[str, Any]]:
    """Stances as stored, with their source and evidence text (the export contract)."""
    rows = stance_rows(store)
    articles = article_rows(store, {r["article_id"] for r in rows})
    for row in rows:
        art = articles[row["article_id"]]
        yield {
            **{f: row[f] for f in STANCE_FIELDS if f in row},
            "source": art["source"],
            "evidence": art["text"][row["start"] : row["end"]],
        }


def outlet_name(row: dict[str, Any]) -> str:
    """An article's outlet, or "unknown" (the rule every view uses, `parley.labels`)."""
    from parley.labels import outlet_label

    return outlet_label(row.get("outlet"))


STANCE_EXPORTS: dict[str, Callable[..., Iterator[dict[str, Any]]]] = {"stances": stance_export}
STANCE_EXPORT_FIELDS = {"stances": STANCE_FIELDS}
