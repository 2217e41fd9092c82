"""One timeline for the corpus: the same event reported by several articles becomes one.

`merge_events` takes (article_id, source, Event) triples. First `link_events`
dates a report its article left undated from a dated report of the same event in
another article (same type, the same participants, at least two of them, and a
rare word of the summary in common: "the Oval Office meeting"). Then two reports
are the same event when their types are compatible (the same, or close: a call
and talks, a statement and a rejection), their dates are compatible (the same
day, or a day inside the other's week or month) and their participants overlap
(or one side names none and the dates are identical); statements also need the
same occasion (the same trigger word or a shared name: "Truth Social"). Undated
reports never merge: nothing says they are the same occasion.

The merged event keeps the most precise date (an exact one before an
approximate one), the most frequent type, every participant (most frequent
first), every source span, and the summary of its most clearly dated report.
`first_day` and `last_day` are the calendar days the date covers, so that weeks
and months sort among days and draw as spans.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
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
# How clearly each way of dating a mention dates it: the summary comes from the clearest.
CLARITY = ("timex", "anchor", "clause", "entry", "link", "corpus", "lead")
# Summary words in at most this share of the dated reports count as rare (a shared one
# links an undated report to the event across articles).
RARE_SHARE = 0.05


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
    approximate: bool = False
    first_day: str | None = None
    last_day: str | None = None

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
    in date order (weeks and months by their first day, among the days), then undated
    ones by article and position."""
    return [merged for merged, _ in merge_clusters(link_events(events))]


def merge_clusters(
    linked: Iterable[tuple[str, str, Event]],
) -> list[tuple[MergedEvent, list[_Report]]]:
    """`merge_events` after linking: each merged event with the reports it holds."""
    reports = [make_report(a, s, e) for a, s, e in linked]
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
    pairs = sorted(zip(merged, clusters, strict=True), key=lambda p: timeline_order(p[0]))
    return [(m, c.reports) for m, c in pairs]


def make_report(article_id: str, source: str, event: Event) -> _Report:
    return _Report(article_id, source, event, _range(event.date) if event.date else None)


def timeline_order(event: MergedEvent | dict[str, Any]) -> tuple[bool, str, str, str]:
    """Sort key of the timeline: dated first, by first day, then the shorter span first."""
    get = event.get if isinstance(event, dict) else event.__getattribute__
    first, last = get("first_day"), get("last_day")
    return (first is None, first or "", last or "", get("date") or "")


def link_events(events: Iterable[tuple[str, str, Event]]) -> list[tuple[str, str, Event]]:
    """The reports, an undated one dated from a dated report of the same event in another
    article: the same type, the same participants (two or more), and a rare summary word in
    common. Such a date is the corpus's, not the article's (`dating` "corpus")."""
    triples = list(events)
    dated = [(a, e) for a, _, e in triples if e.date and e.date_precision in MERGEABLE]
    if not dated:
        return triples
    counts: Counter[str] = Counter(w for _, e in dated for w in _words(e.summary))
    rare = {w for w, n in counts.items() if n <= max(1, RARE_SHARE * len(dated))}
    out = []
    for article, source, event in triples:
        if event.date is None and event.dating not in ("vague", "coarse"):
            match = _corpus_match(article, event, dated, rare)
            if match is not None:
                event = replace(
                    event,
                    date=match.date,
                    date_precision=match.date_precision,
                    approximate=match.approximate,
                    dating="corpus",
                )
        out.append((article, source, event))
    return out


def _corpus_match(
    article: str, event: Event, dated: list[tuple[str, Event]], rare: set[str]
) -> Event | None:
    actors = set(event.actors)
    if len(actors) < 2:
        return None
    words = _words(event.summary) & rare
    found = {
        (e.date, e.date_precision): e
        for a, e in dated
        if a != article
        and e.type == event.type
        and set(e.actors) == actors
        and words & _words(e.summary)
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _words(text: str) -> set[str]:
    """Content words of a summary: lower-case words of four letters or more."""
    return {w.lower() for w in re.findall(r"[A-Za-z][\w-]{3,}", text)}


def _precision_order(report: _Report) -> tuple[int, bool, str, str, int]:
    """Most precise dates first (exact before approximate), so that a day seeds the
    cluster its week joins."""
    precision = report.event.date_precision
    rank = MERGEABLE.index(precision) if precision in MERGEABLE else len(MERGEABLE)
    event = report.event
    return (rank, event.approximate, event.date or "~", report.article_id, event.start)


def _home(report: _Report, clusters: list[_Cluster]) -> _Cluster | None:
    """The first cluster the report joins, or None (it starts one)."""
    if not mergeable(report.event):
        return None
    return next((cluster for cluster in clusters if joins(report, cluster)), None)


def mergeable(event: Event) -> bool:
    """Whether a report can join or seed an event of several reports (a fine enough date)."""
    return event.date is not None and event.date_precision in MERGEABLE


def joins(report: _Report, cluster: _Cluster) -> bool:
    """Whether a mergeable report joins a cluster as it stands."""
    event, seed = report.event, cluster.seed.event
    if not compatible_types(event.type, seed.type):
        return False
    if not compatible_dates(event.date, seed.date):
        return False
    if "statement" in (event.type, seed.type) and not _same_occasion(event, cluster):
        return False
    actors = cluster.actors()
    if set(event.actors) & actors:
        return True
    return (not event.actors or not actors) and event.type == seed.type and event.date == seed.date


def _same_occasion(event: Event, cluster: _Cluster) -> bool:
    """Statements on one day are one only when they name the same occasion: the same
    trigger word, or the same channel ("on Truth Social", "to Fox News")."""
    channels = _channels(event.summary)
    for report in cluster.reports:
        other = report.event
        if (event.trigger or "").lower() == (other.trigger or "").lower():
            return True
        if channels & _channels(other.summary):
            return True
    return False


_CHANNEL = re.compile(r"\b(?:on|to|with|in|at)\s+(?:the\s+)?((?:[A-Z][\w-]+\s?){1,3})")
_CALENDAR = frozenset(
    {
        *("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        *("January", "February", "March", "April", "May", "June", "July"),
        *("August", "September", "October", "November", "December"),
    }
)


@functools.lru_cache(maxsize=65536)
def _channels(summary: str) -> frozenset[str]:
    """Names after on/to/with/in/at in a summary: where or how something was said."""
    found = set()
    for match in _CHANNEL.finditer(summary):
        words = [w for w in match.group(1).split() if w not in _CALENDAR]
        if words:
            found.add(" ".join(words))
    return frozenset(found)


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
    clearest = min(cluster.reports, key=_clarity).event
    span = _range(seed.date)
    return MergedEvent(
        id=hashlib.sha1(key.encode("utf-8")).hexdigest()[:16],
        date=seed.date,
        date_precision=seed.date_precision,
        type=kind,
        actors=actors,
        summary=clearest.summary,
        sources=sources,
        approximate=all(r.event.approximate for r in cluster.reports),
        first_day=span[0].isoformat() if span else None,
        last_day=span[1].isoformat() if span else None,
    )


def _clarity(report: _Report) -> tuple[int, int, str, int]:
    """Reports dated by their own time expression first, then shorter summaries."""
    dating = report.event.dating or ""
    rank = CLARITY.index(dating) if dating in CLARITY else len(CLARITY)
    return (rank, len(report.event.summary), report.article_id, report.event.start)


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
