"""Corpus views derived from the stored per-article records: entities and merged events."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import fields
from typing import TYPE_CHECKING, Any

from parley.extract.records import Event, Mention

if TYPE_CHECKING:
    from parley.case import Case
    from parley.store import Store

MENTION_FIELDS = ("start", "end", "text", "label", "key", "actor", "descriptor")
EVENT_FIELDS = (
    "start",
    "end",
    "type",
    "summary",
    "date",
    "date_precision",
    "trigger",
    "date_start",
    "date_end",
    "approximate",
    "dating",
    "trigger_start",
    "trigger_end",
)


def corpus_tables(store: Store, case: Case | None) -> dict[str, list[dict[str, Any]]]:
    """Rows for the `entities`, `entity_keys`, `events` and `event_sources` tables."""
    return {**_entity_tables(store, case), **_event_tables(store)}


def _entity_tables(store: Store, case: Case | None) -> dict[str, list[dict[str, Any]]]:
    from parley.analysis.entities import merge_entities

    pairs = [
        (row[0], Mention(**dict(zip(MENTION_FIELDS, row[1:], strict=True))))
        for row in _records(store, "mentions", ("article_id", *MENTION_FIELDS))
    ]
    index = merge_entities(pairs, case)
    keys: dict[tuple[str, str], str] = {}
    for article_id, mention in pairs:
        entity = index.entity_for(article_id, mention.key)
        if entity is not None:
            keys[(article_id, mention.key)] = entity.id
    return {
        "entities": [_fields(entity) for entity in index.entities],
        "entity_keys": [{"article_id": a, "key": k, "entity_id": e} for (a, k), e in keys.items()],
    }


def _event_tables(store: Store) -> dict[str, list[dict[str, Any]]]:
    from parley.analysis.events import merge_events

    sources = dict(_records(store, "articles", ("id", "source")))
    columns = ("article_id", "actors", *EVENT_FIELDS)
    triples = []
    for row in _records(store, "event_mentions", columns):
        fields_ = dict(zip(EVENT_FIELDS, row[2:], strict=True))
        triples.append((row[0], sources[row[0]], Event(actors=tuple(row[1]), **fields_)))
    merged = [_fields(event) for event in merge_events(triples)]
    events = [{k: v for k, v in e.items() if k != "sources"} for e in merged]
    event_sources = [{"event_id": e["id"], **src} for e in merged for src in e["sources"]]
    return {"events": events, "event_sources": event_sources}


def _records(store: Store, table: str, columns: Sequence[str]) -> Iterator[tuple[Any, ...]]:
    """A table's rows as plain tuples of `columns`, in the order `Store.rows` gives.

    The views read every per-article record, so they skip building a dict per row.
    """
    from sqlalchemy import select

    from parley.store.schema import metadata

    t = metadata.tables[table]
    order = [t.c[c] for c in ("article_id", "start", "id") if c in t.c]
    with store.engine.connect() as conn:
        yield from conn.execute(select(*(t.c[c] for c in columns)).order_by(*order))


def _fields(record: Any) -> dict[str, Any]:
    """A dataclass's fields as a dict, values shared (not deep-copied like `asdict`)."""
    return {f.name: getattr(record, f.name) for f in fields(record)}
