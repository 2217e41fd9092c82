"""Claims: the same statement of fact made by several articles, grouped, with contradictions.

A statement is a stance an article reports as fact ("Putin agreed to halt
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


@dataclass(slots=True)
class Claim:
    """A statement several articles may make, with every supporting statement."""

    id: str
    kind: str
    actor: str | None
    issue: str | None
    stance: str | None
    text: str
    first: str | None
    last: str | None
    statements: list[DatedStance] = field(default_factory=list)
    contradicted_by: list[str] = field(default_factory=list)

    @property
    def sources(self) -> list[str]:
        """Sources (file or URL) of the articles backing the claim, in order of first report."""
        return list(dict.fromkeys(s.source for s in self.statements))

    @property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(s.outlet or s.source for s in self.statements))

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
                    actor=None,
                    issue=None,
                    stance=None,
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
    """Claims grouped from every stored stance, with correction notes."""
    from parley.analysis.stances import dated_stances
    from parley.store.stance_queries import article_rows

    claims = group_claims(dated_stances(store), case)
    for art in article_rows(store).values():
        claims += correction_claims(
            art["id"], art["source"], art["outlet"], art["published"], art["text"]
        )
    return claims


def claims(
    store: Store, case: Case | None = None, *, contested: bool = False
) -> Iterator[dict[str, Any]]:
    """Claims, most-backed first; `contested` keeps those with a contradiction or a correction."""
    from pathlib import Path

    for claim in claim_objects(store, case):
        if contested and not (claim.contradicted_by or claim.kind == "correction"):
            continue
        row = claim.to_dict()
        row["sources"] = [Path(s).name if "://" not in s else s for s in claim.sources]
        yield row
