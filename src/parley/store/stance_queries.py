"""Read-side queries for stances, positions, claims and outlet framing.

Like `parley.store.queries`, each function returns plain dicts whose fields
are the export contract (`STANCE_EXPORT_FIELDS`). Claims and framing are
computed on read from the stored per-article records (they are cheap, and
always agree with the stances in the dossier).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from parley.extract.records import Event, Stance
from parley.store import schema
from parley.store.store import Store

if TYPE_CHECKING:
    from parley.analysis.claims import Claim
    from parley.analysis.framing import OutletFrame
    from parley.analysis.stances import DatedStance
    from parley.case import Case

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
CLAIM_FIELDS = ("id", "text", "sources", "contradicted_by")
_STANCE_RECORD = ("start", "end", "actor", "issue", "stance", "confidence", "cue",
                  "holder_start", "holder_end", "hedged", "route", "position")  # fmt: skip
_EVENT_RECORD = ("start", "end", "type", "summary", "date", "date_precision", "trigger",
                 "date_start", "date_end")  # fmt: skip


def _articles(store: Store, ids: set[str] | None = None) -> dict[str, dict[str, Any]]:
    a = schema.articles
    query = select(a.c.id, a.c.source, a.c.outlet, a.c.published, a.c.text)
    with store.engine.connect() as conn:
        rows = {r["id"]: dict(r) for r in conn.execute(query).mappings()}
    return rows if ids is None else {k: v for k, v in rows.items() if k in ids}


def _stance_rows(
    store: Store, actor: str | None = None, issue: str | None = None
) -> list[dict[str, Any]]:
    s = schema.stances
    query = select(s).order_by(s.c.article_id, s.c.start, s.c.id)
    if actor:
        query = query.where(s.c.actor == actor)
    if issue:
        query = query.where(s.c.issue == issue)
    with store.engine.connect() as conn:
        return [dict(r) for r in conn.execute(query).mappings()]


def _events_by_article(store: Store, ids: set[str]) -> dict[str, list[Event]]:
    e = schema.event_mentions
    found: dict[str, list[Event]] = {}
    with store.engine.connect() as conn:
        for row in conn.execute(select(e).where(e.c.article_id.in_(ids))).mappings():
            event = Event(actors=tuple(row["actors"] or ()), **{f: row[f] for f in _EVENT_RECORD})
            found.setdefault(row["article_id"], []).append(event)
    return found


def dated_stances(
    store: Store, *, actor: str | None = None, issue: str | None = None
) -> list[DatedStance]:
    """Every stored stance (optionally of one actor or issue), dated, with its evidence text."""
    return [pair[1] for pair in _dated_with_ids(store, actor=actor, issue=issue)]


def _dated_with_ids(
    store: Store, *, actor: str | None = None, issue: str | None = None
) -> list[tuple[str, DatedStance]]:
    from parley.analysis.stances import date_stances

    rows = _stance_rows(store, actor, issue)
    ids = {r["article_id"] for r in rows}
    articles, events = _articles(store, ids), _events_by_article(store, ids)
    out = []
    for row in rows:
        art = articles[row["article_id"]]
        record = Stance(**{f: row[f] for f in _STANCE_RECORD})
        (dated,) = date_stances(
            art["id"], art["source"], art["outlet"], art["published"], art["text"],
            [record], events.get(art["id"], []),
        )  # fmt: skip
        out.append((row["id"], dated))
    return out


def stances(
    store: Store, *, actor: str | None = None, issue: str | None = None
) -> Iterator[dict[str, Any]]:
    """Each actor's stances per issue in date order (undated last): the position timeline.

    Rows carry their source, date (`date_source` says whether it is the reported
    event's or the publication's) and evidence text.
    """
    from parley.analysis.stances import date_order

    pairs = _dated_with_ids(store, actor=actor, issue=issue)
    pairs.sort(key=lambda p: (p[1].actor, p[1].issue, date_order(p[1])))
    for stance_id, s in pairs:
        yield {"id": stance_id, **s.to_dict()}


def positions(store: Store, case: Case | None = None) -> list[dict[str, Any]]:
    """Actor x issue rows: evidence counts, support and oppose weight, position and salience."""
    from parley.analysis.positions import apply_case_positions, citations_from_stances

    citations = citations_from_stances(dated_stances(store))
    if case is not None:
        citations = apply_case_positions(citations, case)
    return [
        c.to_dict()
        | {
            "evidence_count": sum(1 for e in c.evidence if e.article_id),
            "articles": len({e.article_id for e in c.evidence if e.article_id}),
        }
        for c in citations
    ]


def claim_objects(store: Store, case: Case | None = None) -> list[Claim]:
    """Claims grouped from every stored stance, with correction notes."""
    from parley.analysis.claims import correction_claims, group_claims

    claims = group_claims(dated_stances(store), case)
    for art in _articles(store).values():
        claims += correction_claims(
            art["id"], art["source"], art["outlet"], art["published"], art["text"]
        )
    return claims


def claims(
    store: Store, case: Case | None = None, *, contested: bool = False
) -> Iterator[dict[str, Any]]:
    """Claims, most-backed first; `contested` keeps those with a contradiction or a correction."""
    for claim in claim_objects(store, case):
        if contested and not (claim.contradicted_by or claim.kind == "correction"):
            continue
        row = claim.to_dict()
        row["sources"] = [Path(s).name if "://" not in s else s for s in claim.sources]
        yield row


def outlet_name(row: dict[str, Any]) -> str:
    """An article's outlet, or its source's file or host name when the outlet is unknown."""
    if row.get("outlet"):
        return str(row["outlet"])
    source = str(row.get("source") or "?")
    return source.split("://", 1)[-1].split("/", 1)[0] if "://" in source else Path(source).name


def outlet_frames(store: Store) -> list[OutletFrame]:
    """Framing per outlet: credit and blame in its own voice, sources quoted, quote share."""
    from parley.analysis.framing import ArticleRecords, NamedSpan, QuoteSpan, outlet_frames

    names: dict[str, list[NamedSpan]] = {}
    with store.engine.connect() as conn:
        m = schema.mentions
        query = select(m.c.article_id, m.c.start, m.c.end, m.c.actor).where(m.c.actor.is_not(None))
        for row in conn.execute(query).mappings():
            names.setdefault(row["article_id"], []).append(
                NamedSpan(row["start"], row["end"], row["actor"])
            )
    quotes: dict[str, list[QuoteSpan]] = {}
    for q in _quote_rows(store):
        quotes.setdefault(q["article_id"], []).append(
            QuoteSpan(q["start"], q["end"], q["speaker"], q["actor"])
        )
    articles = (
        ArticleRecords(outlet_name(a), a["text"], names.get(i, []), quotes.get(i, []))
        for i, a in _articles(store).items()
    )
    return outlet_frames(articles)


def _quote_rows(store: Store) -> list[dict[str, Any]]:
    """Quotes with the speaker's canonical name and actor (through the entity tables)."""
    q, k, e = schema.quotes, schema.entity_keys, schema.entities
    query = (
        select(q.c.article_id, q.c.start, q.c.end, q.c.speaker, e.c.name, e.c.actor)
        .outerjoin(k, (k.c.article_id == q.c.article_id) & (k.c.key == q.c.speaker_key))
        .outerjoin(e, e.c.id == k.c.entity_id)
    )
    with store.engine.connect() as conn:
        return [
            {**dict(r), "speaker": r["name"] or r["speaker"]}
            for r in conn.execute(query).mappings()
        ]


def outlets(store: Store) -> list[dict[str, Any]]:
    """`outlet_frames` as dicts."""
    return [frame.to_dict() for frame in outlet_frames(store)]


STANCE_EXPORTS: dict[str, Callable[..., Iterator[dict[str, Any]]]] = {
    "stances": stances,
    "claims": claims,
}
STANCE_EXPORT_FIELDS = {"stances": STANCE_FIELDS, "claims": CLAIM_FIELDS}
