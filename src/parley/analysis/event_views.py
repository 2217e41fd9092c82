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

import heapq
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, or_, select, update

from parley.analysis.events import (
    COMPATIBLE_TYPES,
    MERGEABLE,
    RARE_SHARE,
    MergedEvent,
    _Cluster,
    _corpus_match,
    _merged,
    _precision_order,
    _Report,
    _words,
    compatible_dates,
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
    reports = [
        _report_row(a, old, new, assigned.get(report_id(a, old)))
        for (a, _, old), (_, _, new) in zip(triples, linked, strict=True)
    ]
    events, sources = _event_rows(m for m, _ in pairs)
    return {
        "events": events,
        "event_sources": sources,
        "event_reports": reports,
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
    return event.date is None and event.dating not in ("vague", "coarse") and len(set(event.actors)) >= 2


def _report_row(
    article_id: str, old: Event, new: Event, assignment: tuple[str, bool] | None
) -> dict[str, Any]:
    key = _link_key(old)
    span = _span(new)
    return {
        "id": report_id(article_id, old),
        "article_id": article_id,
        "start": old.start,
        "kin": kin(old.type),
        "date": new.date,
        "date_precision": new.date_precision,
        "approximate": new.approximate,
        "dating": new.dating,
        "first_day": span[0].isoformat() if span else None,
        "last_day": span[1].isoformat() if span else None,
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
    dated_before = conn.scalar(
        select(func.count()).where(
            r.c.undated.is_(False), r.c.date.is_not(None), r.c.date_precision.in_(MERGEABLE)
        )
    ) or 0
    new_dated = [(a, e) for a, _, e in triples if mergeable(e)]
    added = Counter(word for _, e in new_dated for word in _words(e.summary))
    before = dict(_in(conn, select(w.c.word, w.c.dated), w.c.word, sorted(added)))
    low, high = _threshold(dated_before), _threshold(dated_before + len(new_dated))
    changed = {x for x in added if (before.get(x, 0) <= low) != (before.get(x, 0) + added[x] <= high)}
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
    candidates = [(item.report.article_id, item.original) for item in _load(conn, stored_ids).values()]
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
    """A report in the replay: as it merges now, where it stood in the stored merge."""

    rid: str
    report: _Report
    original: Event  # before linking
    old_event: str | None = None  # its stored event (None: a new report)
    old_seed: bool = False
    old_order: tuple[Any, ...] | None = None

    @property
    def order(self) -> tuple[Any, ...]:
        return (*_precision_order(self.report), self.rid)


@dataclass(slots=True)
class _Event:
    """An event in the replay, known by its first report."""

    seed: _Item
    old_id: str | None = None
    old_members: list[_Item] = field(default_factory=list)  # in the stored merge's order
    joined: list[_Item] = field(default_factory=list)  # visited reports that chose it
    changed_at: tuple[Any, ...] | None = None  # from where it differs from the stored merge
    gone: bool = False  # its first report left it


class _Replay:
    def __init__(
        self,
        conn: Connection,
        linked: list[Triple],
        originals: list[Triple],
        moved: dict[str, Event],
    ) -> None:
        self.conn = conn
        self.events: dict[str, _Event] = {}  # by seed report id
        self.by_old_id: dict[str, _Event] = {}
        self.choice: dict[str, str] = {}  # report id -> seed id of the event it joins now
        self.queue: list[tuple[tuple[Any, ...], str]] = []
        self.items: dict[str, _Item] = {}
        self.followers: dict[str, list[_Item]] = {}  # stored reports that could join an event
        self.new = self._new_items(linked, originals)
        self.moved = moved

    def run(self) -> None:
        moved = list(_load(self.conn, sorted(self.moved)).values())
        for item in moved:  # every moved report is known before any event is looked at
            item.old_order = item.order
            item.report = make_report(item.report.article_id, item.report.source, self.moved[item.rid])
            self.items[item.rid] = item
        for item in moved:
            old = self._event_of(item)
            if old is not None:
                self._change(old, item.old_order or item.order)
                if item.old_seed:  # its stored event is gone; it may start a new one
                    old.gone = True
                    self.events[f"{item.rid} (stored)"] = self.events.pop(item.rid)
        for item in [*self.new, *moved]:
            if self.choice.get(item.rid) == "":
                continue
            if mergeable(item.report.event):
                self._push(item)
            else:  # it never merges: an event of its own, after every mergeable report
                self.choice[item.rid] = item.rid
                self.events[item.rid] = _Event(item, joined=[item], changed_at=item.order)
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
        """The stored event an item was in (loaded with its members), or None."""
        if not item.old_event:
            return None
        if item.old_event not in self.by_old_id:
            members = _load(self.conn, self._member_ids(item.old_event))
            for member in members.values():
                self.items.setdefault(member.rid, member)
            ordered = sorted(members.values(), key=lambda i: i.order)  # as stored
            seed = next(i for i in ordered if i.old_seed)
            event = _Event(seed, old_id=item.old_event, old_members=ordered)
            self.by_old_id[item.old_event] = self.events[seed.rid] = event
        return self.by_old_id[item.old_event]

    def _member_ids(self, event_id: str) -> list[str]:
        r = schema.event_reports
        return list(self.conn.scalars(select(r.c.id).where(r.c.event_id == event_id)))

    def _push(self, item: _Item) -> None:
        self.items.setdefault(item.rid, item)
        heapq.heappush(self.queue, (item.order, item.rid))

    # -- deciding ------------------------------------------------------------------------------

    def _change(self, event: _Event, at: tuple[Any, ...]) -> None:
        """The event differs from the stored merge from `at` on: every later report that could
        join it is visited."""
        if event.changed_at is not None and event.changed_at <= at:
            return
        event.changed_at = at
        if event.seed.report.span is None or not mergeable(event.seed.report.event):
            return  # an event of one report that never merges
        for item in self._could_join(event.seed):
            if item.order > at and item.rid not in self.choice:
                self._push(item)

    def _could_join(self, seed: _Item) -> list[_Item]:
        """Stored mergeable reports whose date holds the seed's and whose type is compatible."""
        if seed.rid in self.followers:
            return self.followers[seed.rid]
        r = schema.event_reports
        first, last = seed.report.span  # type: ignore[misc]
        query = select(r.c.id).where(
            r.c.kin == kin(seed.report.event.type),
            r.c.first_day <= first.isoformat(),
            r.c.first_day >= (first - LONGEST_SPAN).isoformat(),
            r.c.last_day >= last.isoformat(),
            r.c.event_id != "",
        )
        found = []
        for item in _load(self.conn, list(self.conn.scalars(query))).values():
            item = self.items.setdefault(item.rid, item)
            if compatible_types(item.report.event.type, seed.report.event.type):
                found.append(item)
        self.followers[seed.rid] = found
        return found

    def _decide(self, x: _Item) -> None:
        old = self._event_of(x) if x.old_order is None else None
        changed = [e for e in self._changed_events() if e.seed.order < x.order]
        if old is not None and not old.gone and (old.changed_at is None or old.changed_at >= x.order):
            # its stored event is as it was: only a changed event before it can take it now
            limit = old.seed.order if not x.old_seed else x.order
            home = self._first(x, [e for e in changed if e.seed.order < limit]) or old.seed.rid
        elif old is not None and x.old_seed and not old.gone:
            home = self._first(x, changed) or x.rid
        else:
            home = self._first(x, self._all_events(x, changed)) or x.rid
        self._choose(x, home, old)

    def _choose(self, x: _Item, home: str, old: _Event | None) -> None:
        self.choice[x.rid] = home
        if home == x.rid and home not in self.events:
            self.events[home] = _Event(x)
        event = self.events[home]
        event.joined.append(x)
        same = old is not None and x.old_order is None and old.seed.rid == home
        if not same:
            self._change(event, x.order)
            if old is not None:
                self._change(old, x.order)
                if x.old_seed and home != x.rid:
                    old.gone = True

    def _changed_events(self) -> list[_Event]:
        return [e for e in self.events.values() if e.changed_at is not None and not e.gone]

    def _all_events(self, x: _Item, changed: list[_Event]) -> list[_Event]:
        """Every event x could join that stands before it: changed ones and stored ones."""
        r = schema.event_reports
        first, last = x.report.span  # type: ignore[misc]
        query = select(r.c.id, r.c.event_id).where(
            r.c.kin == kin(x.report.event.type),
            r.c.seed,
            r.c.first_day >= first.isoformat(),
            r.c.first_day <= last.isoformat(),
        )
        events = {id(e): e for e in changed}
        for rid, event_id in self.conn.execute(query).all():
            if event_id in self.by_old_id:
                event = self.by_old_id[event_id]
            else:
                seed = _load(self.conn, [rid])[rid]
                event = self._event_of(self.items.setdefault(rid, seed))
            if event is not None and not event.gone:
                events[id(event)] = event
        return [e for e in events.values() if e.seed.order < x.order]

    def _first(self, x: _Item, events: list[_Event]) -> str | None:
        """The first event (in the merge's order) x joins as it stands at x's turn."""
        for event in sorted(events, key=lambda e: e.seed.order):
            if self.choice.get(event.seed.rid, event.seed.rid) != event.seed.rid:
                continue  # its first report went elsewhere
            if joins(x.report, _Cluster([m.report for m in self._members(event, x.order)])):
                return event.seed.rid
        return None

    def _members(self, event: _Event, before: tuple[Any, ...] | None = None) -> list[_Item]:
        """The event's reports as the new merge has them (those before `before`)."""
        kept = [m for m in event.old_members if m.rid not in self.choice]
        members = sorted(kept + event.joined, key=lambda m: m.order)
        return [m for m in members if before is None or m.order < before]

    # -- writing ------------------------------------------------------------------------------

    def _write(self) -> None:
        r, ev, es = schema.event_reports, schema.events, schema.event_sources
        touched = [e for e in self.events.values() if e.changed_at is not None or e.gone]
        old_ids = sorted({e.old_id for e in touched if e.old_id})
        final = [e for e in touched if not e.gone and self._members(e)]
        merged = {e.seed.rid: _merged(_Cluster([m.report for m in self._members(e)])) for e in final}
        renames = self._numbered(final, merged, set(old_ids))
        for chunk in _chunks(old_ids):
            self.conn.execute(delete(ev).where(ev.c.id.in_(chunk)))
            self.conn.execute(delete(es).where(es.c.event_id.in_(chunk)))
        _rename_events(self.conn, renames)
        events, sources = _event_rows(merged.values())
        for table, rows in ((ev, events), (es, sources)):
            if rows:
                self.conn.execute(insert(table), rows)
        rows: dict[str, tuple[str, bool]] = {}
        for event in final:
            for i, member in enumerate(self._members(event)):
                rows[member.rid] = (merged[event.seed.rid].id, i == 0)
        new_ids = {item.rid for item in self.new}
        for rid, (event_id, seed) in rows.items():
            item = self.items[rid]
            if rid in new_ids or (rid not in self.moved and (item.old_event, item.old_seed) == (event_id, seed)):
                continue
            values: dict[str, Any] = {"event_id": event_id, "seed": seed}
            if rid in self.moved:
                values |= _dated_columns(self.moved[rid])
            self.conn.execute(update(r).where(r.c.id == rid).values(**values))
        inserts = [
            _report_row(i.report.article_id, i.original, i.report.event, rows.get(i.rid))
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
        return _load(self.conn, [rid])[rid]


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
    state = [r.c.id, r.c.date, r.c.date_precision, r.c.approximate, r.c.dating, r.c.event_id, r.c.seed]
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
            now = replace(original, date=day, date_precision=precision, approximate=approximate, dating=dating)
            out[rid] = _Item(rid, make_report(article, source, now), original, event_id or None, seed)
    return out


def _in(conn: Connection, query: Any, column: Any, values: Sequence[Any]) -> Iterator[Any]:
    """Rows of `query` where `column` is one of `values` (asked in chunks)."""
    for chunk in _chunks(values):
        result = conn.execute(query.where(column.in_(chunk)))
        yield from (row if len(row) > 1 else row[0] for row in result)


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for i in range(0, len(values), CHUNK):
        yield values[i : i + CHUNK]
