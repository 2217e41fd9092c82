"""One timeline for the corpus: the same event reported by several articles becomes one.

`merge_events` takes (article_id, source, Event) triples. Two reports are the
same event when their types are compatible (the same, or close: a call and
talks, a statement and a rejection), their dates are compatible (the same day,
or a day inside the other's week or month) and their participants overlap (or
one side names none and the dates are identical). Undated reports never merge:
nothing says they are the same occasion.

The merged event keeps the most precise date, the most frequent type, every
participant (most frequent first) and every source span.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from parley.extract.records import Event

LOGGER = logging.getLogger(__name__)

# Event types that news reports use for the same occasion.
COMPATIBLE_TYPES = {
    frozenset({"call", "talks"}),
    frozenset({"meeting", "talks"}),
    frozenset({"statement", "rejection"}),
    frozenset({"statement", "proposal"}),
    frozenset({"proposal", "ultimatum"}),
    frozenset({"walkout", "withdrawal"}),
}
# Precisions fine enough to merge on; a year or a season is too coarse.
MERGEABLE = ("day", "week", "month")


@dataclass(slots=True)
class MergedEvent:
    """An event on the corpus timeline with every article that reports it."""

    id: str
    date: str | None
    date_precision: str
    type: str
    actors: list[str]
    summary: str
    sources: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class _Report:
    article_id: str
    source: str
    event: Event
    span: tuple[date, date] | None


@dataclass(slots=True)
class _Cluster:
    reports: list[_Report] = field(default_factory=list)

    @property
    def seed(self) -> _Report:
        return self.reports[0]

    def actors(self) -> set[str]:
        return {a for r in self.reports for a in r.event.actors}


def compatible_types(a: str, b: str) -> bool:
    """Whether two event types can describe the same occasion."""
    return a == b or frozenset({a, b}) in COMPATIBLE_TYPES


def compatible_dates(a: str | None, b: str | None) -> bool:
    """Same day, or one date inside the other (a day in a week, a week in a month)."""
    if a is None or b is None:
        return False
    ra, rb = _range(a), _range(b)
    if ra is None or rb is None:
        return a == b
    return (ra[0] <= rb[0] and rb[1] <= ra[1]) or (rb[0] <= ra[0] and ra[1] <= rb[1])


def merge_events(events: Iterable[tuple[str, str, Event]]) -> list[MergedEvent]:
    """Merge reports of the same event across (and within) articles; dated events first,
    in date order, then undated ones by article and position."""
    reports = [_Report(a, s, e, _range(e.date) if e.date else None) for a, s, e in events]
    reports.sort(key=_precision_order)
    clusters: list[_Cluster] = []
    seen: set[tuple[str, int, str]] = set()
    for report in reports:
        ident = (report.article_id, report.event.start, report.event.type)
        if ident in seen:  # the same report given twice
            continue
        seen.add(ident)
        home = _home(report, clusters)
        if home is None:
            clusters.append(_Cluster([report]))
        else:
            home.reports.append(report)
    merged = [_merged(c) for c in clusters]
    _dedupe_ids(merged)
    return sorted(merged, key=lambda m: (m.date is None, _range_start(m.date), m.date or ""))


def _precision_order(report: _Report) -> tuple[int, str, str, int]:
    """Most precise dates first, so that a day seeds the cluster its week joins."""
    precision = report.event.date_precision
    rank = MERGEABLE.index(precision) if precision in MERGEABLE else len(MERGEABLE)
    return (rank, report.event.date or "~", report.article_id, report.event.start)


def _home(report: _Report, clusters: list[_Cluster]) -> _Cluster | None:
    event = report.event
    if event.date is None or event.date_precision not in MERGEABLE:
        return None
    for cluster in clusters:
        seed = cluster.seed.event
        if not compatible_types(event.type, seed.type):
            continue
        if not compatible_dates(event.date, seed.date):
            continue
        actors = cluster.actors()
        if set(event.actors) & actors:
            return cluster
        if (not event.actors or not actors) and event.type == seed.type and event.date == seed.date:
            return cluster
    return None


def _merged(cluster: _Cluster) -> MergedEvent:
    seed = cluster.seed.event
    types = Counter(r.event.type for r in cluster.reports)
    top = max(types.values())
    kind = seed.type if types[seed.type] == top else types.most_common(1)[0][0]
    actor_counts: Counter[str] = Counter()
    order: dict[str, int] = {}
    for report in cluster.reports:
        for actor in report.event.actors:
            actor_counts[actor] += 1
            order.setdefault(actor, len(order))
    actors = sorted(actor_counts, key=lambda a: (-actor_counts[a], order[a]))
    sources = [
        {"article_id": r.article_id, "source": r.source, "start": r.event.start, "end": r.event.end}
        for r in cluster.reports
    ]
    key = f"{seed.date}|{kind}|{','.join(sorted(actors))}"
    if seed.date is None:
        key += f"|{cluster.seed.article_id}|{seed.start}"
    return MergedEvent(
        id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
        date=seed.date,
        date_precision=seed.date_precision,
        type=kind,
        actors=actors,
        summary=seed.summary,
        sources=sources,
    )


def _dedupe_ids(merged: list[MergedEvent]) -> None:
    """Two distinct events with the same date, type and actors get suffixed ids."""
    seen: Counter[str] = Counter()
    for event in merged:
        seen[event.id] += 1
        if seen[event.id] > 1:
            event.id = f"{event.id}-{seen[event.id]}"


def _range(value: str | None) -> tuple[date, date] | None:
    if not value:
        return None
    from parley.extract.timex import timex_to_date_range

    return timex_to_date_range(value)


def _range_start(value: str | None) -> date:
    span = _range(value)
    return span[0] if span else date.max


def link_events(events: Iterable[tuple[str, str, Event]]) -> list[tuple[str, str, Event]]:
    """The reports as given (placeholder until corpus dating lands)."""
    return list(events)
