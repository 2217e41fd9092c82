"""Corpus views derived from the stored per-article records: entities and merged events.

`corpus_tables` computes them from every stored record (a full refresh); `update_views`
brings them up to date after a build. Each article records the generation its storing
made (`articles.seq`) and the views record the generation they cover, so the articles
they miss are exactly those stored after it: an update merges only those into the state
the views keep (`entity_views`, `event_views`), in one transaction that holds the
generation's lock, and gives the same tables as a full refresh. A full refresh runs when
the views were never built, were built by an older Parley or with another case file,
or when more articles are new than were covered.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Select, func, or_, select

from parley.analysis.entity_views import MENTION_FIELDS, entity_tables, mention_pairs
from parley.analysis.event_views import EVENT_FIELDS, event_tables, event_triples

if TYPE_CHECKING:
    from parley.case import Case
    from parley.store import Store

LOGGER = logging.getLogger(__name__)

# The version of the views' state tables: a dossier whose views say otherwise is refreshed whole.
STATE_VERSION = "1"


def corpus_tables(
    store: Store, case: Case | None, generation: int | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Rows for the corpus tables and the views' state, from every article stored up to
    `generation` (all of them when None)."""
    with store.engine.connect() as conn:
        tables = entity_tables(_mentions(conn, upto=generation), case)
        tables |= event_tables(_events(conn, upto=generation))
    return tables


def update_views(store: Store, case: Case | None) -> str:
    """Bring the corpus views up to date; says what was done: "current", "updated for N
    new article(s)" or "rebuilt (why)"."""
    from parley.analysis.entity_views import update_entities
    from parley.analysis.event_views import RebuildNeeded, update_events

    try:
        with store.writing() as conn:
            covered, generation = store.lock_views(conn)
            if covered >= generation:
                return "current"
            why = _needs_rebuild(conn, covered, case)
            if why is None:
                new = _new_articles(conn, covered)
                update_entities(conn, _mentions(conn, after=covered), case)
                update_events(conn, _events(conn, after=covered))
                store.mark_views(conn, generation)
                LOGGER.info("views updated for %d new article(s)", new)
                return f"updated for {new} new article(s)"
    except RebuildNeeded as exc:  # the update's writes were rolled back
        why = str(exc)
    generation = store.generation()
    store.replace_derived(corpus_tables(store, case, generation), generation, view_meta(case))
    LOGGER.info("views rebuilt: %s", why)
    return f"rebuilt ({why})"


def view_meta(case: Case | None) -> dict[str, str]:
    """What a full refresh records beside the views: the state's version and the case's hash."""
    return {"views_state": STATE_VERSION, "views_case": case_hash(case)}


def case_hash(case: Case | None) -> str:
    raw = json.dumps(case.raw if case is not None else None, sort_keys=True, default=str)
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()


def _needs_rebuild(conn: Connection, covered: int, case: Case | None) -> str | None:
    """Why the views must be rebuilt whole, or None when an update will do."""
    from parley.store.store import meta_value

    if covered < 0:
        return "no views yet"
    if meta_value(conn, "views_state") != STATE_VERSION:
        return "views kept by an older version"
    if meta_value(conn, "views_case") != case_hash(case):
        return "another case file"
    from parley.store.schema import articles

    total = conn.scalar(select(func.count()).select_from(articles)) or 0
    new = _new_articles(conn, covered)
    if 2 * new > total:
        return f"{new} of {total} articles are new"
    return None


def _new_articles(conn: Connection, covered: int) -> int:
    from parley.store.schema import articles

    return int(conn.scalar(select(func.count()).where(articles.c.seq > covered)) or 0)


_EVENT_COLUMNS = ("article_id", "id", "actors", *EVENT_FIELDS)


def _mentions(
    conn: Connection, upto: int | None = None, after: int | None = None
) -> Iterator[tuple[str, Any]]:
    return mention_pairs(_records(conn, "mentions", ("article_id", *MENTION_FIELDS), upto, after))


def _events(conn: Connection, upto: int | None = None, after: int | None = None) -> list[Any]:
    rows = _records(conn, "event_mentions", _EVENT_COLUMNS, upto, after)
    return event_triples(rows, _sources(conn, upto, after))


def _records(
    conn: Connection,
    table: str,
    columns: Sequence[str],
    upto: int | None,
    after: int | None = None,
) -> Iterator[tuple[Any, ...]]:
    """A table's rows as plain tuples of `columns`, ordered by article, start and id; only
    those of articles stored up to generation `upto`, or after generation `after`."""
    from parley.store.schema import metadata

    t = metadata.tables[table]
    order = [t.c[c] for c in ("article_id", "start", "id") if c in t.c]
    query = _of_articles(select(*(t.c[c] for c in columns)), t.c.article_id, upto, after)
    yield from conn.execute(query.order_by(*order))


def _sources(conn: Connection, upto: int | None, after: int | None = None) -> dict[str, str]:
    from parley.store.schema import articles

    query = _of_articles(select(articles.c.id, articles.c.source), articles.c.id, upto, after)
    return {a: s for a, s in conn.execute(query)}


def _of_articles(query: Select, article_id: Any, upto: int | None, after: int | None) -> Select:
    from parley.store.schema import articles

    seq = articles.c.seq
    if after is not None:
        return query.where(article_id.in_(select(articles.c.id).where(seq > after)))
    if upto is not None:
        chosen = select(articles.c.id).where(or_(seq.is_(None), seq <= upto))
        return query.where(article_id.in_(chosen))
    return query
