"""Corpus views derived from the stored per-article records: entities and merged events."""

from __future__ import annotations

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
        (row["article_id"], Mention(**{f: row[f] for f in MENTION_FIELDS}))
        for row in store.rows("mentions")
    ]
    index = merge_entities(pairs, case)
    keys: dict[tuple[str, str], str] = {}
    for article_id, mention in pairs:
        entity = index.entity_for(article_id, mention.key)
        if entity is not None:
            keys[(article_id, mention.key)] = entity.id
    return {
        "entities": [entity.to_dict() for entity in index.entities],
        "entity_keys": [{"article_id": a, "key": k, "entity_id": e} for (a, k), e in keys.items()],
    }


def _event_tables(store: Store) -> dict[str, list[dict[str, Any]]]:
    from parley.analysis.events import merge_events

    sources = {row["id"]: row["source"] for row in store.rows("articles", ["id", "source"])}
    triples = [
        (
            row["article_id"],
            sources[row["article_id"]],
            Event(actors=tuple(row["actors"]), **{f: row[f] for f in EVENT_FIELDS}),
        )
        for row in store.rows("event_mentions")
    ]
    merged = [event.to_dict() for event in merge_events(triples)]
    events = [{k: v for k, v in e.items() if k != "sources"} for e in merged]
    event_sources = [{"event_id": e["id"], **src} for e in merged for src in e["sources"]]
    return {"events": events, "event_sources": event_sources}
