"""`Dossier`: everything the HTML report and the web app show, read once from a store.

The dossier is plain dicts (the export contract of `parley.store.queries`)
plus a few derived fields the pages need: each quote's and event's outlet and
case actor, per-outlet counts, and the optional views (stances, claims,
framing, forecasts) that are `None` when the dossier has no data for them.
Filters (`filter_quotes`, `filter_events`, `search`) work on these lists, so
the report (in the browser) and the app (on the server) agree.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from parley.labels import article_title, outlet_label
from parley.present.report import optional

if TYPE_CHECKING:
    from parley.case import Case
    from parley.store import Store

LOGGER = logging.getLogger(__name__)

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


@dataclass
class Dossier:
    """The read-only content of a dossier, ready for templates and the JSON API."""

    summary: dict[str, Any]
    articles: list[dict[str, Any]]
    entities: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    events: list[dict[str, Any]]
    actors: list[dict[str, Any]]
    issues: list[dict[str, Any]]
    outlets: list[dict[str, Any]]
    stances: list[dict[str, Any]] | None = None
    claims: list[dict[str, Any]] | None = None
    framing: list[dict[str, Any]] | None = None
    forecast: optional.ForecastView | None = None
    notes: dict[str, str] = field(default_factory=dict)

    def actor_label(self, actor_id: str) -> str:
        """The case's name for an actor id (the id itself when the case has none)."""
        return next((a["name"] for a in self.actors if a["id"] == actor_id), actor_id)

    def issue_label(self, issue_id: str) -> str:
        """The case's label for an issue id (the id itself when the case has none)."""
        return next((i["label"] for i in self.issues if i["id"] == issue_id), issue_id)

    @cached_property
    def labels(self) -> dict[str, str]:
        """Actor names and issue labels by id, for charts."""
        return {a["id"]: a["name"] for a in self.actors} | {
            i["id"]: i["label"] for i in self.issues
        }

    def article(self, article_id: str) -> dict[str, Any] | None:
        """The article (without text) with this id, or None."""
        return self.by_id.get(article_id)

    @property
    def by_id(self) -> dict[str, dict[str, Any]]:
        return {a["id"]: a for a in self.articles}

    @property
    def speakers(self) -> list[str]:
        """Distinct quote speakers, most quoted first."""
        counts = Counter(q["speaker"] for q in self.quotes if q["speaker"])
        return [name for name, _n in counts.most_common()]

    @property
    def outlet_names(self) -> list[str]:
        return [o["outlet"] for o in self.outlets]


def load_dossier(store: Store, case: Case | None = None, *, runs: int = 200) -> Dossier:
    """Read a dossier's views from `store`; `case` adds actors, issues and case positions.

    Steps: read articles, entities, quotes and events through
    `parley.store.queries`; tag quotes and events with outlets and case actors;
    count per outlet; then read the optional views (stances, claims, framing,
    forecasts), each `None` with a note when the dossier has no data for it.
    """
    from parley.store import queries

    articles = article_rows(store)
    outlet_of = {a["id"]: a["outlet"] for a in articles}
    entities = list(queries.entities(store))
    actor_of = _actor_lookup(entities, case)
    quotes = [_quote_row(q, actor_of) for q in queries.quotes(store)]
    events = [_event_row(e, outlet_of) for e in queries.events(store)]
    summary = store.summary()
    dossier = Dossier(
        summary=summary,
        articles=articles,
        entities=entities,
        quotes=quotes,
        events=events,
        actors=_actors(case, entities, quotes),
        issues=_issues(case),
        outlets=_outlets(articles, quotes, events),
    )
    optional.attach(dossier, store, case, runs=runs)
    return dossier


def article_rows(store: Store) -> list[dict[str, Any]]:
    """Articles newest first, each outlet as readers see it and a `label`: its title or one
    made from its text (`parley.labels`)."""
    from parley.store import queries

    untitled = {
        row["id"]: row["text"]
        for blank in (None, "")
        for row in store.rows("articles", ["id", "text"], title=blank)
    }
    return [
        {
            **a,
            "outlet": outlet_label(a["outlet"]),
            "label": article_title(a["title"], untitled.get(a["id"])),
        }
        for a in queries.articles(store)
    ]


def _actor_lookup(entities: list[dict[str, Any]], case: Case | None) -> dict[str, str]:
    """Map entity names and aliases to case actor ids."""
    lookup: dict[str, str] = {}
    for entity in entities:
        if entity["actor"]:
            for name in (entity["name"], *(entity["aliases"] or [])):
                lookup.setdefault(name, entity["actor"])
    if case is not None:
        for actor in case.actors:
            for name in (*actor.names, *actor.people):
                lookup.setdefault(name, actor.id)
    return lookup


def _quote_row(quote: dict[str, Any], actor_of: dict[str, str]) -> dict[str, Any]:
    speaker = quote["speaker"]
    return {
        **quote,
        "outlet": outlet_label(quote["outlet"]),
        "actor": actor_of.get(speaker) if speaker else None,
    }


def event_rows(
    events: Iterable[dict[str, Any]], articles: Iterable[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Merged events, each with the outlets that report it."""
    outlet_of = {a["id"]: a["outlet"] or "unknown outlet" for a in articles}
    return [_event_row(e, outlet_of) for e in events]


def _event_row(event: dict[str, Any], outlet_of: dict[str, str]) -> dict[str, Any]:
    outlets = sorted({outlet_of.get(s["article_id"], outlet_label(None)) for s in event["sources"]})
    return {**event, "outlets": outlets}


def _actors(
    case: Case | None, entities: list[dict[str, Any]], quotes: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Case actors (or, without a case, the actors named on entities) with their people."""
    ids = (
        case.actor_ids if case else tuple(dict.fromkeys(e["actor"] for e in entities if e["actor"]))
    )
    quoted = Counter(q["actor"] for q in quotes if q["actor"])
    rows = []
    for actor_id in ids:
        members = [e for e in entities if e["actor"] == actor_id]
        name = case.actor(actor_id).name if case else (members[0]["name"] if members else actor_id)
        rows.append(
            {
                "id": actor_id,
                "name": name,
                "type": case.actor(actor_id).type if case else None,
                "entities": members,
                "mentions": sum(e["mentions"] for e in members),
                "quotes": quoted.get(actor_id, 0),
                "descriptors": sorted({d for e in members for d in e["descriptors"] or []}),
            }
        )
    return rows


def _issues(case: Case | None) -> list[dict[str, Any]]:
    if case is None:
        return []
    return [
        {
            "id": i.id,
            "label": i.label,
            "proposition": i.proposition,
            "scale": {str(k): v for k, v in i.scale.items()},
        }
        for i in case.issues
    ]


def _outlets(
    articles: list[dict[str, Any]], quotes: list[dict[str, Any]], events: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Per outlet: articles, quotes, events reported, and the speakers it quotes most."""
    rows: dict[str, dict[str, Any]] = {}
    for a in articles:
        row = rows.setdefault(a["outlet"], _outlet_row(a["outlet"]))
        row["articles"] += 1
        row["words"] += a["words"] or 0
    for q in quotes:
        row = rows.setdefault(q["outlet"], _outlet_row(q["outlet"]))
        row["quotes"] += 1
        row["_speakers"][q["speaker"] or "unattributed"] += 1
    for e in events:
        for outlet in e["outlets"]:
            rows.setdefault(outlet, _outlet_row(outlet))["events"] += 1
    for row in rows.values():
        row["top_speakers"] = [
            {"speaker": s, "quotes": n} for s, n in row.pop("_speakers").most_common(3)
        ]
    return sorted(rows.values(), key=lambda r: (-r["articles"], r["outlet"]))


def _outlet_row(outlet: str) -> dict[str, Any]:
    return {
        "outlet": outlet,
        "articles": 0,
        "words": 0,
        "quotes": 0,
        "events": 0,
        "_speakers": Counter(),
    }


# -- filters shared by the app and the API -----------------------------------


def in_range(date: str | None, date_from: str | None, date_to: str | None) -> bool:
    """True when `date` (YYYY, YYYY-MM or YYYY-MM-DD) falls in the inclusive range.

    Partial dates compare by their prefix: "2025-03" is in a range ending 2025-03-10.
    """
    if not (date_from or date_to):
        return True
    if not date:
        return False
    if date_from and date[: len(date_from)] < date_from[: len(date)]:
        return False
    return not (date_to and date[: len(date_to)] > date_to[: len(date)])


def filter_quotes(
    quotes: list[dict[str, Any]],
    *,
    speaker: str | None = None,
    outlet: str | None = None,
    actor: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    text: str | None = None,
) -> list[dict[str, Any]]:
    """Quotes matching every given filter (speaker and text match case-insensitively)."""
    words = _words(text)
    wanted = speaker.casefold() if speaker else None
    return [
        q
        for q in quotes
        if (not wanted or wanted in (q["speaker"] or "").casefold())
        and (not outlet or q["outlet"] == outlet)
        and (not actor or q["actor"] == actor)
        and in_range(q["published"], date_from, date_to)
        and _matches(words, q["text"], q["speaker"])
    ]


def filter_events(
    events: list[dict[str, Any]],
    *,
    actor: str | None = None,
    outlet: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    text: str | None = None,
) -> list[dict[str, Any]]:
    """Events matching every given filter; the dates keep an event whose days (a week, a
    month) meet the range."""
    words = _words(text)
    return [
        e
        for e in events
        if (not actor or actor in e["actors"])
        and (not outlet or outlet in e["outlets"])
        and days_meet(e.get("first_day"), e.get("last_day"), date_from, date_to)
        and _matches(words, e["summary"], e["type"])
    ]


def days_meet(
    first: str | None, last: str | None, date_from: str | None, date_to: str | None
) -> bool:
    """True when the days `first`..`last` (ISO) meet the inclusive range, whose ends may be
    YYYY, YYYY-MM or YYYY-MM-DD (a partial start is its first day, a partial end its last)."""
    if not (date_from or date_to):
        return True
    if not first or not last:
        return False
    if date_from and last < (date_from + "-01-01"[len(date_from) - 4 :])[:10]:
        return False
    return not (date_to and first[: len(date_to)] > date_to)


def _words(text: str | None) -> list[str]:
    return [w.casefold() for w in re.findall(r"\w+", text or "")]


def _matches(words: list[str], *fields: str | None) -> bool:
    haystack = " ".join(f for f in fields if f).casefold()
    return all(w in haystack for w in words)


def snippet(text: str, words: list[str], width: int = 160) -> str:
    """A window of `text` around the first of `words` found (or its start)."""
    folded = text.casefold()
    hits = [folded.find(w) for w in words if w in folded]
    at = min(hits) if hits else 0
    start = max(0, at - width // 3)
    cut = text[start : start + width].strip()
    return ("…" if start else "") + cut + ("…" if start + width < len(text) else "")


def search(
    dossier: Dossier, texts: dict[str, str], query: str, *, limit: int = 50
) -> list[dict[str, Any]]:
    """Full-text search over article titles and texts and over quotes; every word must match."""
    words = _words(query)
    if not words:
        return []
    results: list[dict[str, Any]] = []
    for a in dossier.articles:
        body = texts.get(a["id"], "")
        if _matches(words, a["title"], body):
            results.append(
                {
                    "kind": "article",
                    "id": a["id"],
                    "article_id": a["id"],
                    "title": a["label"],
                    "snippet": snippet(body, words),
                    "start": None,
                    "end": None,
                }
            )
    for q in filter_quotes(dossier.quotes, text=query):
        results.append(
            {
                "kind": "quote",
                "id": q["id"],
                "article_id": q["article_id"],
                "title": q["speaker"] or "unattributed",
                "snippet": q["text"],
                "start": q["start"],
                "end": q["end"],
            }
        )
    return results[:limit]
