"""Position timelines: each actor's stances on each issue, in date order.

A stance is dated by the event it reports where the article dates one (an
event mention overlapping the stance's evidence, to the day, week or month),
else by the article's publication date; undated stances come last. The
timeline shows, for example, the US pushing a 30-day ceasefire in March and
stepping back from mediation in May.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from parley.extract.records import Event, Stance

if TYPE_CHECKING:
    from parley.store import Store

LOGGER = logging.getLogger(__name__)

# Event dates fine enough to date a stance by.
DATING_PRECISIONS = ("day", "week", "month")


@dataclass(frozen=True, slots=True)
class DatedStance:
    """One stance with the article it came from and its date.

    `date_source` is "event" (the reported event's date), "published" (the
    article's date) or None (undated). `evidence` is the article text of the
    stance's span.
    """

    article_id: str
    source: str
    outlet: str | None
    date: str | None
    date_source: str | None
    actor: str
    issue: str
    stance: str
    confidence: float
    start: int
    end: int
    evidence: str
    cue: str | None = None
    hedged: bool = False
    route: str = "frame"
    position: int | None = None
    id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def stance_date(
    stance: Stance, events: Sequence[Event], published: str | None
) -> tuple[str | None, str | None]:
    """(date, how it was found) for a stance: an overlapping dated event, else the publication."""
    for event in events:
        dated = event.date and event.date_precision in DATING_PRECISIONS
        if dated and event.start < stance.end and stance.start < event.end:
            return event.date, "event"
    if published:
        return published, "published"
    return None, None


def date_stances(
    article_id: str,
    source: str,
    outlet: str | None,
    published: str | None,
    text: str,
    stances: Iterable[Stance],
    events: Sequence[Event],
) -> list[DatedStance]:
    """One article's stances, dated and with their evidence text."""
    dated = []
    for s in stances:
        date, how = stance_date(s, events, published)
        dated.append(
            DatedStance(
                article_id=article_id,
                source=source,
                outlet=outlet,
                date=date,
                date_source=how,
                actor=s.actor,
                issue=s.issue,
                stance=s.stance,
                confidence=s.confidence,
                start=s.start,
                end=s.end,
                evidence=text[s.start : s.end],
                cue=s.cue,
                hedged=s.hedged,
                route=s.route,
                position=s.position,
            )
        )
    return dated


_STANCE_RECORD = ("start", "end", "actor", "issue", "stance", "confidence", "cue",
                  "holder_start", "holder_end", "hedged", "route", "position")  # fmt: skip
_EVENT_RECORD = ("start", "end", "type", "summary", "date", "date_precision", "trigger",
                 "date_start", "date_end")  # fmt: skip


def dated_stances(
    store: Store, *, actor: str | None = None, issue: str | None = None
) -> list[DatedStance]:
    """Every stored stance (optionally of one actor or issue), dated, with its evidence text."""
    from dataclasses import replace

    from parley.store import stance_queries as q

    rows = q.stance_rows(store, actor, issue)
    ids = {r["article_id"] for r in rows}
    articles, events = q.article_rows(store, ids), q.event_mention_rows(store, ids)
    out = []
    for row in rows:
        art = articles[row["article_id"]]
        record = Stance(**{f: row[f] for f in _STANCE_RECORD})
        mentions = [
            Event(actors=tuple(e["actors"] or ()), **{f: e[f] for f in _EVENT_RECORD})
            for e in events.get(art["id"], [])
        ]
        (dated,) = date_stances(
            art["id"], art["source"], art["outlet"], art["published"], art["text"],
            [record], mentions,
        )  # fmt: skip
        out.append(replace(dated, id=row["id"]))
    return out


def stance_timeline(
    store: Store, *, actor: str | None = None, issue: str | None = None
) -> Iterator[dict[str, Any]]:
    """Each actor's stances per issue in date order (undated last): the position timeline.

    Rows carry their id, source, date (`date_source` says whether it is the
    reported event's or the publication's) and evidence text.
    """
    found = dated_stances(store, actor=actor, issue=issue)
    found.sort(key=lambda s: (s.actor, s.issue, date_order(s)))
    for s in found:
        yield s.to_dict()


def date_order(s: DatedStance) -> tuple[bool, date, str, int]:
    """Sort key: by first day (weeks and months at their first day), undated last."""
    day = first_day(s.date)
    return (day is None, day or date.min, s.article_id, s.start)


def timeline(stances: Iterable[DatedStance]) -> dict[tuple[str, str], list[DatedStance]]:
    """Stances per (actor, issue), each list in date order (undated last)."""
    lines: dict[tuple[str, str], list[DatedStance]] = {}
    for s in stances:
        lines.setdefault((s.actor, s.issue), []).append(s)
    for items in lines.values():
        items.sort(key=date_order)
    return dict(sorted(lines.items()))


def first_day(value: str | None) -> date | None:
    """The first day of an ISO date, week or month value, or None."""
    if not value:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value)
        if re.fullmatch(r"\d{4}-W\d{2}", value):
            return date.fromisocalendar(int(value[:4]), int(value[6:]), 1)
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return date.fromisoformat(value + "-01")
    except ValueError:
        LOGGER.debug("undatable value %r", value)
    return None
