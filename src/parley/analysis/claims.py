"""Claims: the same statement of fact made by several articles, grouped, with contradictions.

Claims come from three kinds of record, each listing the articles and outlets
behind it:

- **stances** (kind `stance`, below);
- **merged events** (kind `event`): an event of the corpus timeline that at
  least two articles report. Two single occasions (calls, meetings, talks,
  agreements; not statements or attacks, which recur) of the same type with
  the same participants, each dated to a day, at most `DATE_CONFLICT_DAYS` apart and
  backed by different articles contradict each other (the articles date one
  occasion differently, or there were two);
- **statements** (kind `statement`): the same quoted words reported by at
  least two articles (quotes of at least `MIN_QUOTE_WORDS` words sharing most
  of their four-word runs). Outlets that give the words to different speakers
  are flagged in `conflict`, as are different wordings.

A stance claim: a stance an article reports as fact ("Putin agreed to halt
strikes on energy infrastructure": russia supports partial_truce), dated as in
`parley.analysis.stances`. Statements with the same actor, issue and stance
whose dates lie within `WINDOW_DAYS` of each other are one claim; every
article that makes one is a source. Undated statements of the same actor,
issue and stance form one undated claim.

Two claims contradict each other when they give the same actor opposite
stances on the same issue in overlapping windows and at least one article
backs one and not the other. Correction notes ("This article originally
misstated ...") become claims of kind `correction`, contradicting nothing but
flagged. A claim backed by a single outlet is marked `single_outlet`.
"""

from __future__ import annotations

import functools
import logging
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from parley.analysis.stances import DatedStance, date_stances
from parley.analysis.stances import first_day as _day

if TYPE_CHECKING:
    from collections.abc import Iterator

    from parley.articles.model import Article
    from parley.case import Case
    from parley.extract.records import Event, Stance
    from parley.store import Store

LOGGER = logging.getLogger(__name__)

# Reports of one stance more than a week apart are different occasions (a
# March truce and a May truce); set on the seed articles, two dates per month.
WINDOW_DAYS = 7
VERBS = {"support": "supports", "oppose": "opposes"}
# Two reports of one kind of event between the same parties this close are
# likely one occasion dated differently (a call on "Tuesday" and on the 19th).
DATE_CONFLICT_DAYS = 3
# Events a party repeats from day to day: two on nearby days are two occasions.
REPEATED_TYPES = {"statement", "proposal", "rejection", "attack", "sanctions", "aid"}
# Quotes shorter than this are common phrases ("a good start"), not one statement.
MIN_QUOTE_WORDS = 5
SHINGLE = 4
# Share of the shorter quote's four-word runs two reports must share to be one statement.
MIN_SHARED = 0.5


@dataclass(slots=True)
class Claim:
    """A statement several articles may make, with every supporting statement."""

    id: str
    kind: str
    text: str
    actor: str | None = None
    issue: str | None = None
    stance: str | None = None
    first: str | None = None
    last: str | None = None
    statements: list[DatedStance] = field(default_factory=list)
    contradicted_by: list[str] = field(default_factory=list)
    conflict: str | None = None

    @property
    def sources(self) -> list[str]:
        """Sources (file or URL) of the articles backing the claim, in order of first report."""
        return list(dict.fromkeys(s.source for s in self.statements))

    @property
    def outlets(self) -> list[str]:
        """Outlets backing the claim ("unknown" for every article whose outlet nobody gave)."""
        from parley.store.stance_queries import outlet_name

        return list(dict.fromkeys(outlet_name(vars_of(s)) for s in self.statements))

    @property
    def single_outlet(self) -> bool:
        return len(self.outlets) == 1

    def to_dict(self) -> dict[str, Any]:
        row = asdict(self)
        row["statements"] = [s.to_dict() for s in self.statements]
        return row | {
            "sources": self.sources,
            "outlets": self.outlets,
            "single_outlet": self.single_outlet,
            "articles": list(dict.fromkeys(s.article_id for s in self.statements)),
        }


def vars_of(s: DatedStance) -> dict[str, Any]:
    return {"outlet": s.outlet, "source": s.source}


def statements_from_records(
    article: Article, stances: Iterable[Stance], events: Sequence[Event], case: Case | None = None
) -> list[DatedStance]:
    """An article's stances as dated statements (the input of `group_claims`)."""
    published = article.published.isoformat() if article.published else None
    return date_stances(
        article.id,
        article.source,
        article.outlet,
        published,
        article.text,
        stances,
        events,
    )


def group_claims(statements: Iterable[DatedStance], case: Case | None = None) -> list[Claim]:
    """Group statements into claims and link contradicting claims.

    Steps: bucket by (actor, issue, stance); split each bucket where dates are
    more than `WINDOW_DAYS` apart; name each claim; link opposite claims whose
    windows overlap. Claims come out most-backed first.
    """
    buckets: dict[tuple[str, str, str], list[DatedStance]] = {}
    for s in statements:
        buckets.setdefault((s.actor, s.issue, s.stance), []).append(s)
    claims = [
        _claim(key, members, case)
        for key, items in sorted(buckets.items())
        for members in _windows(items)
    ]
    _link_contradictions(claims)
    claims.sort(key=lambda c: (-len(set(c.sources)), c.first or "9999", c.id))
    return claims


def _windows(items: list[DatedStance]) -> list[list[DatedStance]]:
    """Split one bucket into runs whose dates lie within WINDOW_DAYS of the run's first."""
    dated = sorted((s for s in items if _day(s.date)), key=lambda s: _day(s.date) or date.min)
    runs: list[list[DatedStance]] = []
    for s in dated:
        day = _day(s.date)
        if runs and day and day - (_day(runs[-1][0].date) or day) <= timedelta(days=WINDOW_DAYS):
            runs[-1].append(s)
        else:
            runs.append([s])
    undated = [s for s in items if not _day(s.date)]
    return [*runs, undated] if undated else runs


def _claim(key: tuple[str, str, str], members: list[DatedStance], case: Case | None) -> Claim:
    actor, issue, stance = key
    days = [s.date for s in members if s.date and _day(s.date)]
    first, last = (min(days), max(days)) if days else (None, None)
    best = max(members, key=lambda s: (not s.hedged, s.confidence, -len(s.evidence)))
    text = f"{_actor_name(case, actor)} {VERBS.get(stance, stance)} {issue}: “{best.evidence}”"
    return Claim(
        id=f"{actor}:{issue}:{stance}:{first or 'undated'}",
        kind="stance",
        actor=actor,
        issue=issue,
        stance=stance,
        text=text,
        first=first,
        last=last,
        statements=sorted(members, key=lambda s: (s.date or "", s.article_id, s.start)),
    )


def _actor_name(case: Case | None, actor: str) -> str:
    if case is not None and actor in case.actor_ids:
        return case.actor(actor).name
    return actor


def _link_contradictions(claims: list[Claim]) -> None:
    for a in claims:
        for b in claims:
            if a is b or a.kind != "stance" or b.kind != "stance":
                continue
            if (a.actor, a.issue) != (b.actor, b.issue) or a.stance == b.stance:
                continue
            if _overlap(a, b) and set(b.sources) - set(a.sources):
                a.contradicted_by.append(b.id)


# -- events and statements ------------------------------------------------------------


def event_claims(
    events: Iterable[dict[str, Any]], articles: dict[str, dict[str, Any]]
) -> list[Claim]:
    """Claims from merged events reported by two or more articles, dating conflicts linked.

    `events` are merged event rows (with `sources`), `articles` the article rows by id.
    """
    claims = []
    for event in events:
        statements = _event_statements(event, articles)
        ids = {s.article_id for s in statements}
        claims.append((event, ids, _event_claim(event, statements)))
    for event, ids, claim in claims:
        for other, other_ids, other_claim in claims:
            if other is event or event["type"] != other["type"] or event["type"] in REPEATED_TYPES:
                continue
            if _dated_apart(event, other) and other_ids - ids:
                claim.contradicted_by.append(other_claim.id)
                claim.conflict = f"dated {event['date']} here, {other['date']} by other articles"
    return [c for _e, ids, c in claims if len(ids) > 1 or c.contradicted_by]


def _event_statements(
    event: dict[str, Any], articles: dict[str, dict[str, Any]]
) -> list[DatedStance]:
    out = []
    for src in event["sources"]:
        art = articles.get(src["article_id"])
        if art is None:
            continue
        out.append(
            DatedStance(
                art["id"],
                art["source"],
                art["outlet"],
                event["date"],
                "event",
                "",
                "",
                "",
                1.0,
                src["start"],
                src["end"],
                art["text"][src["start"] : src["end"]],
            )
        )
    return out


def _event_claim(event: dict[str, Any], statements: list[DatedStance]) -> Claim:
    who = ", ".join(event["actors"] or ())
    text = f"{event['type']}{f' ({who})' if who else ''}: {event['summary']}"
    return Claim(
        id=f"event:{event['id']}",
        kind="event",
        text=text,
        first=event["date"],
        last=event["date"],
        statements=statements,
    )


def _dated_apart(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Both dated to a day, 1 to DATE_CONFLICT_DAYS days apart, with the same participants."""
    if a["date_precision"] != "day" or b["date_precision"] != "day":
        return False
    day_a, day_b = _day(a["date"]), _day(b["date"])
    if day_a is None or day_b is None or day_a == day_b:
        return False
    same = set(a["actors"] or ()) == set(b["actors"] or ()) != set()
    return same and abs((day_a - day_b).days) <= DATE_CONFLICT_DAYS


def statement_claims(
    quotes: Sequence[dict[str, Any]], articles: dict[str, dict[str, Any]]
) -> list[Claim]:
    """Claims from quoted words that two or more articles report, attribution conflicts flagged.

    `quotes` are quote rows (article_id, start, end, text, speaker, actor).
    """
    words = [re.findall(r"\w+", (q.get("text") or "").lower()) for q in quotes]
    groups = _same_words(words, [q["article_id"] for q in quotes])
    claims = []
    for members in groups:
        rows = [quotes[i] for i in members]
        if len({r["article_id"] for r in rows}) < 2:
            continue
        claims.append(_statement_claim(rows, [words[i] for i in members], articles))
    return claims


def _same_words(words: list[list[str]], article_ids: list[str]) -> list[list[int]]:
    """Groups of quotes (indices) that share most of their four-word runs, across articles."""
    runs = [
        {" ".join(w[i : i + SHINGLE]) for i in range(len(w) - SHINGLE + 1)}
        if len(w) >= MIN_QUOTE_WORDS else set()
        for w in words
    ]  # fmt: skip
    by_run: dict[str, list[int]] = {}
    for i, shingles in enumerate(runs):
        for run in shingles:
            by_run.setdefault(run, []).append(i)
    parent = list(range(len(words)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    shared: Counter[tuple[int, int]] = Counter()
    for members in by_run.values():
        for a in members:
            for b in members:
                if a < b and article_ids[a] != article_ids[b]:
                    shared[(a, b)] += 1
    for (a, b), n in shared.items():
        if n >= MIN_SHARED * min(len(runs[a]), len(runs[b])):
            parent[root(a)] = root(b)
    groups: dict[int, list[int]] = {}
    for i in range(len(words)):
        if runs[i]:
            groups.setdefault(root(i), []).append(i)
    return [g for g in groups.values() if len(g) > 1]


def _statement_claim(
    rows: list[dict[str, Any]], words: list[list[str]], articles: dict[str, dict[str, Any]]
) -> Claim:
    statements = []
    for row in rows:
        art = articles[row["article_id"]]
        statements.append(
            DatedStance(
                art["id"],
                art["source"],
                art["outlet"],
                art["published"],
                "published" if art["published"] else None,
                row.get("actor") or "",
                "",
                "",
                1.0,
                row["start"],
                row["end"],
                row["text"],
            )
        )
    speakers = Counter(r["speaker"] for r in rows if r.get("speaker"))
    speaker = speakers.most_common(1)[0][0] if speakers else "unattributed"
    longest = max(rows, key=lambda r: len(r["text"] or ""))
    days = sorted(s.date for s in statements if s.date)
    return Claim(
        id=f"statement:{longest['article_id']}:{longest['start']}",
        kind="statement",
        text=f"{speaker}: “{longest['text']}”",
        first=days[0] if days else None,
        last=days[-1] if days else None,
        statements=sorted(statements, key=lambda s: (s.date or "", s.article_id, s.start)),
        conflict=_attribution_conflict(rows, words, articles),
    )


def _attribution_conflict(
    rows: list[dict[str, Any]], words: list[list[str]], articles: dict[str, dict[str, Any]]
) -> str | None:
    """Different speakers for the same words, or different wordings, as one sentence."""
    from parley.store.stance_queries import outlet_name

    by_speaker: dict[str, set[str]] = {}
    for row in rows:
        outlet = outlet_name(articles[row["article_id"]])
        by_speaker.setdefault(row.get("speaker") or "no one", set()).add(str(outlet))
    named = [s for s in by_speaker if s != "no one"]
    if len(named) > 1:
        return "attributed to " + "; ".join(
            f"{s} by {', '.join(sorted(o))}" for s, o in sorted(by_speaker.items())
        )
    if len({" ".join(w) for w in words}) > 1:
        return "worded differently by different articles"
    return None


def _overlap(a: Claim, b: Claim) -> bool:
    if a.first is None or b.first is None:
        return a.first is None and b.first is None
    pad = timedelta(days=WINDOW_DAYS)
    a0, a1, b0, b1 = (_day(x) for x in (a.first, a.last, b.first, b.last))
    if not (a0 and a1 and b0 and b1):
        return False
    return a0 - pad <= b1 and b0 - pad <= a1


# -- corrections ------------------------------------------------------------


@functools.cache
def correction_patterns() -> tuple[re.Pattern[str], ...]:
    """Phrases that open a correction note (`analysis/data/corrections.yaml`)."""
    resource = resources.files("parley.analysis") / "data" / "corrections.yaml"
    data = yaml.safe_load(resource.read_text(encoding="utf-8"))
    return tuple(re.compile(p, re.IGNORECASE) for p in data["patterns"])


def correction_claims(
    article_id: str, source: str, outlet: str | None, published: str | None, text: str
) -> list[Claim]:
    """Claims of kind `correction`: each correction note in an article's text."""
    claims = []
    for pattern in correction_patterns():
        for m in pattern.finditer(text):
            end = text.find("\n", m.start())
            end = len(text) if end < 0 else end
            note = DatedStance(
                article_id, source, outlet, published, "published" if published else None,
                "", "", "", 1.0, m.start(), end, text[m.start() : end],
            )  # fmt: skip
            claims.append(
                Claim(
                    id=f"correction:{article_id}:{m.start()}",
                    kind="correction",
                    text=note.evidence,
                    first=published,
                    last=published,
                    statements=[note],
                )
            )
    return claims


# -- from the dossier -----------------------------------------------------------

CLAIM_FIELDS = ("id", "text", "sources", "contradicted_by")


def claim_objects(store: Store, case: Case | None = None) -> list[Claim]:
    """Every claim of a dossier: stances, merged events, statements and correction notes.

    Most-backed first (by outlets, then articles), then by date.
    """
    from parley.analysis.stances import dated_stances
    from parley.store import queries
    from parley.store.stance_queries import article_rows, quote_rows

    articles = article_rows(store)
    claims = group_claims(dated_stances(store), case)
    claims += event_claims(queries.events(store), articles)
    claims += statement_claims(quote_rows(store), articles)
    for art in articles.values():
        claims += correction_claims(
            art["id"], art["source"], art["outlet"], art["published"], art["text"]
        )
    claims.sort(key=lambda c: (-len(c.outlets), -len(c.sources), c.first or "9999", c.id))
    return claims


def claims(
    store: Store, case: Case | None = None, *, contested: bool = False
) -> Iterator[dict[str, Any]]:
    """Claims, most-backed first; `contested` keeps those with a contradiction or a correction."""
    from pathlib import Path

    for claim in claim_objects(store, case):
        if contested and not (
            claim.contradicted_by or claim.conflict or claim.kind == "correction"
        ):
            continue
        row = claim.to_dict()
        row["sources"] = [Path(s).name if "://" not in s else s for s in claim.sources]
        yield row
