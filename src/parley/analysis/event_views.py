"""The event tables of the corpus views, built whole or brought up to date for new articles.

A full build merges every stored event mention (`parley.analysis.events`) and keeps, beside
`events` and `event_sources`, each report as it was merged (`event_reports`: its date after
linking, the days it covers, its kin of types, the event it joined and whether it started
it) and, for linking undated reports, the number of dated reports each summary word is in
(`event_words`).

An update first links: it adds the new dated reports' words to the counts, and links again
the undated reports whose result can change (the new ones; those with the participants and
type of a new dated report; those with a word whose rarity changed). Then it replays the
merge where it can differ. The merge takes reports in a fixed order and puts each into the
first event it joins, so a report's choice can only change when an event it could join
changed before its turn: the replay visits the new and re-dated reports, and every later
report that could join an event once that event changed, in the merge's order; a visited
report keeps its old event unless a changed event before it now takes it (or its old event
changed, when it looks again at every event it could join). Events no visited report
touched stay as they are. The result equals a full merge of the corpus.
"""

from __future__ import annotations

import bisect
import heapq
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, delete, func, insert, or_, select, update

from parley.analysis.events import (
    COMPATIBLE_TYPES,
    MERGEABLE,
    RARE_SHARE,
    MergedEvent,
    _channels,
    _Cluster,
    _corpus_match,
    _merged,
    _precision_order,
    _Report,
    _words,
    compatible_types,
    joins,
    link_events,
    make_report,
    merge_clusters,
    mergeable,
)
from parley.extract.records import Event
from parley.store import schema

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
CHUNK = 500
LONGEST_SPAN = timedelta(days=31)  # a month: the longest date a report merges on

Triple = tuple[str, str, Event]


class RebuildNeeded(Exception):
    """The update cannot follow the stored state; a full refresh is needed (the reason)."""


def event_triples(rows: Iterable[Sequence[Any]], sources: dict[str, str]) -> list[Triple]:
    """(article_id, source, Event) from rows of ("article_id", "id", "actors", *EVENT_FIELDS)."""
    return [(row[0], sources[row[0]], _event(row[2], row[3:])) for row in rows]


def _event(actors: Sequence[str], values: Sequence[Any]) -> Event:
    return Event(actors=tuple(actors), **dict(zip(EVENT_FIELDS, values, strict=True)))


def report_id(article_id: str, event: Event) -> str:
    """The stored event mention's id (as `parley.store` makes it)."""
    return f"{article_id}:e{event.start}-{event.end}-{event.type}"


def kin(event_type: str) -> str:
    """The types an event type can merge with, named by the first of them."""
    return _KIN.get(event_type, event_type)


def _kin_table() -> dict[str, str]:
    kin: dict[str, set[str]] = {}
    for pair in COMPATIBLE_TYPES:
        joined = set(pair).union(*(kin.get(t, set()) for t in pair))
        for t in joined:
            kin[t] = joined
    return {t: min(group) for t, group in kin.items()}


_KIN = _kin_table()


# -- a full build -------------------------------------------------------------------------------


def event_tables(triples: Sequence[Triple]) -> dict[str, list[dict[str, Any]]]:
    """Rows of `events`, `event_sources`, `event_reports` and `event_words` for the corpus."""
    linked = link_events(triples)
    pairs = merge_clusters(linked)
    assigned: dict[str, tuple[str, bool]] = {}
    for merged, reports in pairs:
        for i, report in enumerate(reports):
            assigned[report_id(report.article_id, report.event)] = (merged.id, i == 0)
    counts = Counter(w for _, _, e in triples if mergeable(e) for w in _words(e.summary))
    rows = [
        _report_row(a, old, new, assigned.get(report_id(a, old)))
        for (a, _, old), (_, _, new) in zip(triples, linked, strict=True)
    ]
    events, sources = _event_rows(m for m, _ in pairs)
    return {
        "events": events,
        "event_sources": sources,
        "event_reports": rows,
        "event_words": [{"word": w, "dated": n} for w, n in counts.items()],
    }


def _event_rows(merged: Iterable[MergedEvent]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    events, sources = [], []
    for event in merged:
        row = {f.name: getattr(event, f.name) for f in fields(event)}
        sources += [{"event_id": event.id, **src} for src in row.pop("sources")]
        events.append(row)
    return events, sources


def _link_key(event: Event) -> str | None:
    """Type and participants of a report that links or is linked to (two participants or more)."""
    actors = sorted(set(event.actors))
    if len(actors) < 2 or not (_undated(event) or mergeable(event)):
        return None
    return "|".join([event.type, *actors])


def _undated(event: Event) -> bool:
    """Whether an undated report may be dated from another article (`link_events`)."""
    return (
        event.date is None
        and event.dating not in ("vague", "coarse")
        and len(set(event.actors)) >= 2
    )


def _report_row(
    article_id: str, old: Event, new: Event, assignment: tuple[str, bool] | None
) -> dict[str, Any]:
    key = _link_key(old)
    return {
        "id": report_id(article_id, old),
        "article_id": article_id,
        "start": old.start,
        "type": old.type,
        "kin": kin(old.type),
        **_dated_columns(new),
        "link": key,
        "words": sorted(_words(old.summary)) if key else None,
        "undated": _undated(old),
        "event_id": assignment[0] if assignment else "",
        "seed": bool(assignment and assignment[1]),
    }


def _span(event: Event) -> tuple[date, date] | None:
    if not mergeable(event):
        return None
    report = make_report("", "", event)
    if report.span is None:
        raise RebuildNeeded(f"a report's date {event.date!r} has no calendar span")
    return report.span


# -- an update: linking -------------------------------------------------------------------------


def update_events(conn: Connection, triples: Sequence[Triple]) -> None:
    """Bring the event tables up to date with new articles' event mentions."""
    r = schema.event_reports
    odd = conn.scalar(
        select(func.count()).where(
            r.c.first_day.is_(None), r.c.date.is_not(None), r.c.date_precision.in_(MERGEABLE)
        )
    )
    if odd:
        raise RebuildNeeded("a stored report's date has no calendar span")
    linked, moved = _relink(conn, triples)
    _Replay(conn, linked, list(triples), moved).run()


def _relink(conn: Connection, triples: Sequence[Triple]) -> tuple[list[Triple], dict[str, Event]]:
    """The new reports linked, and the stored undated reports whose link changes (id -> the
    report as it now merges)."""
    r, w = schema.event_reports, schema.event_words
    dated_before = (
        conn.scalar(
            select(func.count()).where(
                r.c.undated.is_(False), r.c.date.is_not(None), r.c.date_precision.in_(MERGEABLE)
            )
        )
        or 0
    )
    new_dated = [(a, e) for a, _, e in triples if mergeable(e)]
    added = Counter(word for _, e in new_dated for word in _words(e.summary))
    before = dict(_in(conn, select(w.c.word, w.c.dated), w.c.word, sorted(added)))
    low, high = _threshold(dated_before), _threshold(dated_before + len(new_dated))
    changed = {
        x for x in added if (before.get(x, 0) <= low) != (before.get(x, 0) + added[x] <= high)
    }
    changed |= set(conn.scalars(select(w.c.word).where(w.c.dated > low, w.c.dated <= high)))
    for word, n in added.items():
        conn.execute(delete(w).where(w.c.word == word))
        conn.execute(insert(w), {"word": word, "dated": before.get(word, 0) + n})
    # stored undated reports whose link can change
    links = {k for _, e in new_dated if (k := _link_key(e))}
    affected = set(_in(conn, select(r.c.id).where(r.c.undated), r.c.link, sorted(links)))
    if changed:
        for rid, words in conn.execute(select(r.c.id, r.c.words).where(r.c.undated)):
            if changed.intersection(words or ()):
                affected.add(rid)
    stored = _load(conn, sorted(affected))
    undated = [(item.rid, item.report.article_id, item.original) for item in stored.values()]
    undated += [(report_id(a, e), a, e) for a, _, e in triples if _undated(e)]
    matches = _matches(conn, undated, new_dated, high)
    linked = [(a, s, matches.get(report_id(a, e), e)) for a, s, e in triples]
    moved = {}
    for rid, item in stored.items():
        now = matches.get(rid, item.original)
        if _dating(now) != _dating(item.report.event):
            moved[rid] = now
    return linked, moved


def _threshold(dated: int) -> float:
    return max(1, RARE_SHARE * dated)


def _dating(event: Event) -> tuple[Any, ...]:
    return (event.date, event.date_precision, event.approximate, event.dating)


def _matches(
    conn: Connection,
    undated: list[tuple[str, str, Event]],
    new_dated: list[tuple[str, Event]],
    threshold: float,
) -> dict[str, Event]:
    """Each undated report's linked form, for those that link (`link_events`' rule)."""
    r, w = schema.event_reports, schema.event_words
    keys = sorted({k for _, _, e in undated if (k := _link_key(e))})
    stored_ids = list(_in(conn, select(r.c.id).where(r.c.undated.is_(False)), r.c.link, keys))
    candidates = [
        (item.report.article_id, item.original) for item in _load(conn, stored_ids).values()
    ]
    candidates += new_dated
    by_key: dict[str, list[tuple[str, Event]]] = {}
    for a, e in sorted(candidates, key=lambda p: (p[0], p[1].start, report_id(*p))):
        if (k := _link_key(e)) is not None:
            by_key.setdefault(k, []).append((a, e))
    words = sorted({x for _, _, e in undated for x in _words(e.summary)})
    counts = dict(_in(conn, select(w.c.word, w.c.dated), w.c.word, words))
    rare = {x for x in words if counts.get(x, 0) <= threshold}
    out = {}
    for rid, article, event in undated:
        match = _corpus_match(article, event, by_key.get(_link_key(event) or "", []), rare)
        if match is not None:
            out[rid] = replace(
                event,
                date=match.date,
                date_precision=match.date_precision,
                approximate=match.approximate,
                dating="corpus",
            )
    return out


# -- an update: the replay ----------------------------------------------------------------------


@dataclass(slots=True)
class _Item:
    """A report in the replay: as it merges now, and where it stood in the stored merge."""

    rid: str
    report: _Report
    original: Event  # before linking
    old_event: str | None = None  # its stored event (None: a new report)
    old_seed: bool = False
    order: tuple[Any, ...] = ()  # its place in the merge's order
    moved: bool = False  # a stored report dated anew

    def __post_init__(self) -> None:
        self.order = (*_precision_order(self.report), self.rid)

    def move(self, event: Event) -> None:
        self.report = make_report(self.report.article_id, self.report.source, event)
        self.order = (*_precision_order(self.report), self.rid)
        self.moved = True


@dataclass(slots=True)
class _Event:
    """An event in the replay: its reports in the merge's order (the first one starts it)."""

    members: list[_Item]
    old_id: str | None = None
    changed_at: tuple[Any, ...] | None = None  # from where it differs from the stored merge
    gone: bool = False  # its first report left it
    orders: list[tuple[Any, ...]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.orders = [m.order for m in self.members]

    @property
    def seed(self) -> _Item:
        return self.members[0]

    def before(self, order: tuple[Any, ...]) -> list[_Report]:
        return [m.report for m in self.members[: bisect.bisect_left(self.orders, order)]]

    def add(self, item: _Item) -> None:
        i = bisect.bisect_left(self.orders, item.order)
        self.members.insert(i, item)
        self.orders.insert(i, item.order)

    def remove(self, item: _Item) -> None:
        i = bisect.bisect_left(self.orders, item.order)
        del self.members[i], self.orders[i]


class _Replay:
    def __init__(
        self,
        conn: Connection,
        linked: list[Triple],
        originals: list[Triple],
        moved: dict[str, Event],
    ) -> None:
        self.conn = conn
        self.items: dict[str, _Item] = {}
        self.choice: dict[str, str] = {}  # report id -> its decision ("" for a repeated report)
        self.by_old_id: dict[str, _Event] = {}
        self.changed: list[_Event] = []  # events that take other reports than stored
        self.touched: dict[int, _Event] = {}  # events to write again
        self.queue: list[tuple[tuple[Any, ...], str]] = []
        self.followers: dict[str, list[tuple[tuple[Any, ...], str, str]]] = {}
        self.starts: dict[str, tuple[Any, ...]] = {}  # stored event -> its first report's order
        self.new = self._new_items(linked, originals)
        self.moved = moved

    def run(self) -> None:
        moved = list(_load(self.conn, sorted(self.moved)).values())
        for item in moved:  # known before any stored event is read
            self.items[item.rid] = item
        for item in moved:
            old = self._event_of(item)
            if old is not None:
                self._leave(old, item)
            item.move(self.moved[item.rid])
        for item in [*self.new, *moved]:
            if self.choice.get(item.rid) == "":
                continue
            if mergeable(item.report.event):
                self._push(item)
            else:  # it never merges: an event of its own, after every mergeable report
                self.choice[item.rid] = item.rid
                self._change(_Event([item]), item.order)
        while self.queue:
            _, rid = heapq.heappop(self.queue)
            if rid not in self.choice:
                self._decide(self.items[rid])
        self._write()

    # -- reading ------------------------------------------------------------------------------

    def _new_items(self, linked: list[Triple], originals: list[Triple]) -> list[_Item]:
        items = [
            _Item(report_id(a, e), make_report(a, s, e), original)
            for (a, s, e), (_, _, original) in zip(linked, originals, strict=True)
        ]
        items.sort(key=lambda i: i.order)
        seen = set()
        for item in items:
            ident = (item.report.article_id, item.report.event.start, item.report.event.type)
            if ident in seen:  # the same report given twice: in no event, as in a full merge
                self.choice[item.rid] = ""
            seen.add(ident)
            self.items[item.rid] = item
        return items

    def _event_of(self, item: _Item) -> _Event | None:
        """The stored event an item was in (read with its reports), or None."""
        if not item.old_event:
            return None
        if item.old_event not in self.by_old_id:
            r = schema.event_reports
            ids = list(self.conn.scalars(select(r.c.id).where(r.c.event_id == item.old_event)))
            members = [self.items.setdefault(m.rid, m) for m in _load(self.conn, ids).values()]
            members.sort(key=lambda m: m.order)
            self.by_old_id[item.old_event] = _Event(members, old_id=item.old_event)
        return self.by_old_id[item.old_event]

    def _push(self, item: _Item) -> None:
        self.items.setdefault(item.rid, item)
        heapq.heappush(self.queue, (item.order, item.rid))

    def _could_join(self, seed: _Item) -> list[tuple[tuple[Any, ...], str, str]]:
        """Stored mergeable reports whose date holds the seed's, of a compatible type: (order,
        id, stored event) of each."""
        if seed.rid not in self.followers:
            r = schema.event_reports
            first, last = seed.report.span  # type: ignore[misc]
            query = select(r.c.type, r.c.event_id, *_ORDER_COLUMNS).where(
                r.c.kin == kin(seed.report.event.type),
                r.c.first_day <= first.isoformat(),
                r.c.first_day >= (first - LONGEST_SPAN).isoformat(),
                r.c.last_day >= last.isoformat(),
                r.c.event_id != "",
            )
            kind = seed.report.event.type
            self.followers[seed.rid] = [
                (_stored_order(row[2:]), row[-1], row[1])
                for row in self.conn.execute(query)
                if compatible_types(row[0], kind)
            ]
            self._seed_orders({event for _, _, event in self.followers[seed.rid]})
        return self.followers[seed.rid]

    def _seed_orders(self, events: set[str]) -> None:
        """Remember where each stored event starts in the merge's order."""
        r = schema.event_reports
        todo = sorted(events - self.starts.keys())
        query = select(r.c.event_id, *_ORDER_COLUMNS).where(r.c.seed)
        for row in _in(self.conn, query, r.c.event_id, todo):
            self.starts[row[0]] = _stored_order(row[1:])

    # -- deciding ------------------------------------------------------------------------------

    def _change(self, event: _Event, at: tuple[Any, ...]) -> None:
        """The event differs from the stored merge from `at` on: every later report whose
        choice that can change is visited (not those whose stored event comes first)."""
        self._touch(event)
        if event.changed_at is None:
            self.changed.append(event)
        elif event.changed_at <= at:
            return
        event.changed_at = at
        seed = event.seed
        if seed.report.span is None or not mergeable(seed.report.event):
            return  # an event of one report that never merges
        todo = []
        for order, rid, stored in self._could_join(seed):
            if order <= at or rid in self.choice or rid in self.moved:
                continue
            home = self.by_old_id.get(stored)
            settled = home is None or (not home.gone and home.changed_at is None)
            if settled and home is not event and self.starts[stored] < seed.order:
                continue  # it stops at its own event, which comes first and is unchanged
            todo.append(rid)
        for item in _load(self.conn, [rid for rid in todo if rid not in self.items]).values():
            self.items[item.rid] = item
        for rid in todo:
            self._push(self.items[rid])

    def _decide(self, x: _Item) -> None:
        old = None if x.moved or x.old_event is None else self._event_of(x)
        before = sorted(
            (e for e in self.changed if not e.gone and e is not old and e.seed.order < x.order),
            key=lambda e: e.seed.order,
        )
        if old is None or old.gone:
            home = self._first(x, self._all_events(x, before))
        elif x.old_seed:  # stored events before it did not take it; changed ones may now
            home = self._first(x, before) or old
        elif old.changed_at is None or old.changed_at >= x.order or self._accepts(x, old):
            home = self._first(x, [e for e in before if e.seed.order < old.seed.order]) or old
        else:
            home = self._first(x, self._all_events(x, before))
        self._choose(x, home, old)

    def _choose(self, x: _Item, home: _Event | None, old: _Event | None) -> None:
        self.choice[x.rid] = x.rid if home is None else home.seed.rid
        if home is not None and home is old:
            return  # as stored
        if old is not None:
            self._leave(old, x)
        if home is None:
            self._change(_Event([x]), x.order)
        elif self._adds_nothing(home, x):
            home.add(x)
            self._touch(home)
        else:
            home.add(x)
            self._change(home, x.order)

    def _leave(self, event: _Event, item: _Item) -> None:
        """A stored report leaves its stored event (which is gone if it started it)."""
        event.gone = event.gone or item is event.seed
        if self._adds_nothing(event, item):
            self._touch(event)
        else:
            self._change(event, item.order)
        event.remove(item)

    def _adds_nothing(self, event: _Event, item: _Item) -> bool:
        """Whether the event takes the same reports after `item`'s turn with it as without it:
        its participants, trigger and channels are all among those of the reports before it
        (`joins` reads nothing else of an event but its first report)."""
        earlier = event.before(item.order)
        if not earlier or item is event.seed:
            return False
        mine = item.report.event
        actors = {a for r in earlier for a in r.event.actors}
        triggers = {(r.event.trigger or "").lower() for r in earlier}
        channels = frozenset().union(*(_channels(r.event.summary) for r in earlier))
        return (
            set(mine.actors) <= actors
            and (mine.trigger or "").lower() in triggers
            and _channels(mine.summary) <= channels
        )

    def _touch(self, event: _Event) -> None:
        """The event's reports changed but not what it takes: rewritten, nothing revisited."""
        self.touched.setdefault(id(event), event)

    def _all_events(self, x: _Item, changed: list[_Event]) -> list[_Event]:
        """Every event x could join that comes before it: changed ones and stored ones."""
        r = schema.event_reports
        first, last = x.report.span  # type: ignore[misc]
        query = select(r.c.id, r.c.event_id).where(
            r.c.kin == kin(x.report.event.type),
            r.c.seed,
            r.c.first_day >= first.isoformat(),
            r.c.first_day <= last.isoformat(),
        )
        events = {id(e): e for e in changed}
        missing = [
            rid for rid, event_id in self.conn.execute(query) if event_id not in self.by_old_id
        ]
        for item in _load(self.conn, missing).values():
            self._event_of(self.items.setdefault(item.rid, item))
        for _, event_id in self.conn.execute(query):
            event = self.by_old_id[event_id]
            if not event.gone and event.seed.order < x.order:
                events[id(event)] = event
        return sorted(events.values(), key=lambda e: e.seed.order)

    def _first(self, x: _Item, events: list[_Event]) -> _Event | None:
        """The first of `events` (in the merge's order) that x joins at its turn."""
        return next((e for e in events if self._accepts(x, e)), None)

    def _accepts(self, x: _Item, event: _Event) -> bool:
        return joins(x.report, _Cluster(event.before(x.order)))

    # -- writing ------------------------------------------------------------------------------

    def _write(self) -> None:
        r, ev, es = schema.event_reports, schema.events, schema.event_sources
        old_ids = sorted({e.old_id for e in self.touched.values() if e.old_id})
        final = [e for e in self.touched.values() if not e.gone]
        merged = {e.seed.rid: _merged(_Cluster([m.report for m in e.members])) for e in final}
        renames = self._numbered(final, merged, set(old_ids))
        for chunk in _chunks(old_ids):
            self.conn.execute(delete(ev).where(ev.c.id.in_(chunk)))
            self.conn.execute(delete(es).where(es.c.event_id.in_(chunk)))
        _rename_events(self.conn, renames)
        events, sources = _event_rows(merged.values())
        for table, rows in ((ev, events), (es, sources)):
            if rows:
                self.conn.execute(insert(table), rows)
        placed: dict[str, tuple[str, bool]] = {}
        for event in final:
            for i, member in enumerate(event.members):
                placed[member.rid] = (merged[event.seed.rid].id, i == 0)
        new_ids = {item.rid for item in self.new}
        for rid, (event_id, seed) in placed.items():
            item = self.items[rid]
            if rid in new_ids or (
                not item.moved and (item.old_event, item.old_seed) == (event_id, seed)
            ):
                continue
            values: dict[str, Any] = {"event_id": event_id, "seed": seed}
            if item.moved:
                values |= _dated_columns(item.report.event)
            self.conn.execute(update(r).where(r.c.id == rid).values(**values))
        inserts = [
            _report_row(i.report.article_id, i.original, i.report.event, placed.get(i.rid))
            for i in self.new
        ]
        if inserts:
            self.conn.execute(insert(r), inserts)

    def _numbered(
        self, final: list[_Event], merged: dict[str, MergedEvent], old_ids: set[str]
    ) -> dict[str, str]:
        """Number events that share an id (`_dedupe_ids`, by the merge's order) among the
        stored ones; returns the stored events outside the update that are renumbered."""
        ev = schema.events
        bases = {_base(m.id) for m in merged.values()} | {_base(i) for i in old_ids}
        ranked: dict[str, list[tuple[tuple[Any, ...], str, str | None]]] = {}
        for event in final:
            m = merged[event.seed.rid]
            ranked.setdefault(_base(m.id), []).append((event.seed.order, event.seed.rid, None))
        for base in sorted(bases):
            query = select(ev.c.id).where(or_(ev.c.id == base, ev.c.id.like(f"{base}-%")))
            for event_id in self.conn.scalars(query):
                if event_id not in old_ids and _base(event_id) == base:
                    seed = self._stored_seed(event_id)
                    ranked.setdefault(base, []).append((seed.order, seed.rid, event_id))
        renames = {}
        for base, entries in ranked.items():
            for n, (_, rid, stored_id) in enumerate(sorted(entries), start=1):
                number = base if n == 1 else f"{base}-{n}"
                if stored_id is None:
                    merged[rid].id = number
                elif stored_id != number:
                    renames[stored_id] = number
        return renames

    def _stored_seed(self, event_id: str) -> _Item:
        r = schema.event_reports
        rid = self.conn.scalar(select(r.c.id).where(r.c.event_id == event_id, r.c.seed))
        assert rid is not None, f"stored event {event_id} has no first report"
        return _load(self.conn, [rid])[rid]


_ORDER_COLUMNS = tuple(
    schema.event_reports.c[c]
    for c in ("date_precision", "approximate", "date", "article_id", "start", "id")
)


def _stored_order(row: Sequence[Any]) -> tuple[Any, ...]:
    """A stored report's place in the merge's order (`_precision_order`, then its id) from
    its `_ORDER_COLUMNS`."""
    precision, approximate, day, article_id, start, rid = row
    rank = MERGEABLE.index(precision) if precision in MERGEABLE else len(MERGEABLE)
    return (rank, bool(approximate), day or "~", article_id, start, rid)


def _base(event_id: str) -> str:
    return event_id.split("-")[0]


def _rename_events(conn: Connection, renames: dict[str, str]) -> None:
    """Give stored events new numbers (they may swap: every row is read before any is written)."""
    if not renames:
        return
    r, ev, es = schema.event_reports, schema.events, schema.event_sources
    rows = {}
    for old in renames:
        rows[old] = (
            dict(conn.execute(select(ev).where(ev.c.id == old)).mappings().one()),
            [dict(x) for x in conn.execute(select(es).where(es.c.event_id == old)).mappings()],
            list(conn.scalars(select(r.c.id).where(r.c.event_id == old))),
        )
    for old in renames:
        conn.execute(delete(ev).where(ev.c.id == old))
        conn.execute(delete(es).where(es.c.event_id == old))
    for old, new in renames.items():
        event, sources, reports = rows[old]
        conn.execute(insert(ev), event | {"id": new})
        if sources:
            conn.execute(insert(es), [s | {"event_id": new} for s in sources])
        for chunk in _chunks(reports):
            conn.execute(update(r).where(r.c.id.in_(chunk)).values(event_id=new))


def _dated_columns(event: Event) -> dict[str, Any]:
    span = _span(event)
    return {
        "date": event.date,
        "date_precision": event.date_precision,
        "approximate": event.approximate,
        "dating": event.dating,
        "first_day": span[0].isoformat() if span else None,
        "last_day": span[1].isoformat() if span else None,
    }


# -- loading stored reports ---------------------------------------------------------------------


def _load(conn: Connection, ids: Sequence[str]) -> dict[str, _Item]:
    """Stored reports by id: the event mention, dated as the views merged it."""
    r, m, a = schema.event_reports, schema.event_mentions, schema.articles
    columns = [m.c.article_id, m.c.actors, *(m.c[f] for f in EVENT_FIELDS)]
    state = [
        r.c.id,
        r.c.date,
        r.c.date_precision,
        r.c.approximate,
        r.c.dating,
        r.c.event_id,
        r.c.seed,
    ]
    out = {}
    for chunk in _chunks(sorted(set(ids))):
        query = (
            select(*state, a.c.source, *columns)
            .join(m, m.c.id == r.c.id)
            .join(a, a.c.id == m.c.article_id)
            .where(r.c.id.in_(chunk))
        )
        for row in conn.execute(query):
            rid, day, precision, approximate, dating, event_id, seed, source, article = row[:9]
            original = _event(row[9], row[10:])
            now = replace(
                original, date=day, date_precision=precision, approximate=approximate, dating=dating
            )
            out[rid] = _Item(
                rid, make_report(article, source, now), original, event_id or None, seed
            )
    return out


def _in(conn: Connection, query: Any, column: Any, values: Sequence[Any]) -> Iterator[Any]:
    """Rows of `query` where `column` is one of `values` (asked in chunks)."""
    for chunk in _chunks(values):
        result = conn.execute(query.where(column.in_(chunk)))
        yield from (row if len(row) > 1 else row[0] for row in result)


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for i in range(0, len(values), CHUNK):
        yield values[i : i + CHUNK]
