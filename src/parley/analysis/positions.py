"""Actors' positions and saliences from the stances the articles report.

For each actor and issue with evidence, each stance gives a point on the
issue's 0-100 scale: its graded `position` where the text names a point of the
scale, else 100 for support and 0 for oppose. Then:

- position = sum(w x point) / sum(w), with w = confidence x recency, and
  recency = 0.5 ** (days before the newest dated stance / HALF_LIFE_DAYS)
  (undated stances count UNDATED_RECENCY): the latest and firmest reports
  weigh most;
- salience = 100 x (1 - exp(-strength / SALIENCE_SCALE)), where strength is
  the summed confidence of every stance: how often and how firmly the actor
  is reported speaking to the issue (one firm report ~ 36, three ~ 74);
- capability comes from the case file (`positions.capability`, or a
  `capability` field on each actor), else 1 for everyone, and the inputs say
  which (`CaseInputs.capability_source`);
- status quo comes from the case file (`positions.status_quo`, or a
  `status_quo` field on each issue), else it is unknown.

Explicit positions in the case file (`positions.actors.<actor>.<issue>`)
override the evidence, and say so in their citation. Every input carries the
evidence it came from, and the pairs with no evidence are listed, so
`parley forecast --from-evidence` can print both.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from parley.analysis.stances import DatedStance, first_day

if TYPE_CHECKING:
    from parley.bargain.table import PositionTable
    from parley.case import Case
    from parley.store import Store

LOGGER = logging.getLogger(__name__)

# Summed confidence at which salience reaches 63: about two firm reports. Set
# so that a single report does not make an issue an actor's top concern.
SALIENCE_SCALE = 2.0
# A stance a month older than the newest evidence weighs half as much: talks
# move within weeks (the seeds' March and May positions differ).
HALF_LIFE_DAYS = 30.0
UNDATED_RECENCY = 0.5


@dataclass(frozen=True, slots=True)
class EvidenceSpan:
    """Where an input came from: an article span, or the case file."""

    article_id: str | None
    source: str
    start: int | None
    end: int | None
    text: str
    stance: str | None = None
    point: float | None = None


@dataclass(slots=True)
class EvidenceCitation:
    """One actor x issue input of the bargaining table and what it rests on."""

    actor: str
    issue: str
    position: float
    salience: float
    origin: str  # "evidence" or "case"
    support: float = 0.0
    oppose: float = 0.0
    graded: int = 0
    evidence: list[EvidenceSpan] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "issue": self.issue,
            "position": round(self.position, 1),
            "salience": round(self.salience, 1),
            "origin": self.origin,
            "support": round(self.support, 2),
            "oppose": round(self.oppose, 2),
            "graded": self.graded,
            "evidence": [vars_of(e) for e in self.evidence],
        }


@dataclass(slots=True)
class CaseInputs:
    """What the bargaining table rests on besides the stances, and what is missing."""

    citations: list[EvidenceCitation]
    missing: list[tuple[str, str]]  # (actor, issue) pairs with no evidence and no case position
    capability_source: str
    status_quo_source: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "inputs": [c.to_dict() for c in self.citations],
            "missing": [{"actor": a, "issue": i} for a, i in self.missing],
            "capability": self.capability_source,
            "status_quo": self.status_quo_source,
        }


def vars_of(span: EvidenceSpan) -> dict[str, Any]:
    return {f: getattr(span, f) for f in EvidenceSpan.__slots__}


def stance_point(s: DatedStance) -> float:
    """Where a stance places its actor: the graded scale point, else 100 (support) or 0."""
    if s.position is not None:
        return float(s.position)
    return 100.0 if s.stance == "support" else 0.0


def recency(s: DatedStance, newest: date | None) -> float:
    """Weight of a stance by age: halves every HALF_LIFE_DAYS before the newest evidence."""
    day = first_day(s.date)
    if day is None or newest is None:
        return UNDATED_RECENCY
    return float(0.5 ** (max((newest - day).days, 0) / HALF_LIFE_DAYS))


def citations_from_stances(stances: Iterable[DatedStance]) -> list[EvidenceCitation]:
    """Position and salience per (actor, issue) from the points and weights of its stances."""
    items = list(stances)
    days = [d for d in (first_day(s.date) for s in items) if d is not None]
    newest = max(days) if days else None
    groups: dict[tuple[str, str], list[DatedStance]] = {}
    for s in items:
        groups.setdefault((s.actor, s.issue), []).append(s)
    citations = []
    for (actor, issue), group in sorted(groups.items()):
        weights = [s.confidence * recency(s, newest) for s in group]
        total = sum(weights)
        if total <= 0:
            continue
        position = sum(w * stance_point(s) for w, s in zip(weights, group, strict=True)) / total
        strength = sum(s.confidence for s in group)
        citations.append(
            EvidenceCitation(
                actor=actor,
                issue=issue,
                position=position,
                salience=100.0 * (1.0 - math.exp(-strength / SALIENCE_SCALE)),
                origin="evidence",
                support=sum(s.confidence for s in group if s.stance == "support"),
                oppose=sum(s.confidence for s in group if s.stance == "oppose"),
                graded=sum(1 for s in group if s.position is not None),
                evidence=[
                    EvidenceSpan(
                        s.article_id,
                        s.source,
                        s.start,
                        s.end,
                        s.evidence,
                        s.stance,
                        stance_point(s),
                    )
                    for s in sorted(group, key=lambda s: -s.confidence)
                ],
            )
        )
    return citations


def apply_case_positions(citations: list[EvidenceCitation], case: Case) -> list[EvidenceCitation]:
    """Replace evidence-built inputs by the case file's explicit positions, where it gives them."""
    explicit = ((case.raw.get("positions") or {}).get("actors")) or {}
    by_key = {(c.actor, c.issue): c for c in citations}
    where = str(case.path) if case.path else f"case {case.id}"
    for actor, issues in explicit.items():
        for issue, entry in (issues or {}).items():
            if not isinstance(entry, dict) or "position" not in entry:
                continue
            old = by_key.get((actor, issue))
            by_key[(actor, issue)] = EvidenceCitation(
                actor=actor,
                issue=issue,
                position=float(entry["position"]),
                salience=float(entry.get("salience", old.salience if old else 50.0)),
                origin="case",
                support=old.support if old else 0.0,
                oppose=old.oppose if old else 0.0,
                evidence=[
                    EvidenceSpan(None, where, None, None, f"positions.actors.{actor}.{issue}"),
                    *(old.evidence if old else ()),
                ],
            )
    return sorted(by_key.values(), key=lambda c: (c.actor, c.issue))


def missing_pairs(citations: list[EvidenceCitation], case: Case) -> list[tuple[str, str]]:
    """Case (actor, issue) pairs that no citation covers, issue by issue."""
    have = {(c.actor, c.issue) for c in citations}
    return [(a, i) for i in case.issue_ids for a in case.actor_ids if (a, i) not in have]


def position_table(citations: list[EvidenceCitation], case: Case) -> PositionTable:
    """The bargaining table: case actors x issues, NaN where nothing is known."""
    import numpy as np

    from parley.bargain.table import PositionTable

    actors, issues = case.actor_ids, case.issue_ids
    shape = (len(actors), len(issues))
    position, salience = np.full(shape, np.nan), np.full(shape, np.nan)
    for c in citations:
        if c.actor in actors and c.issue in issues:
            i, j = actors.index(c.actor), issues.index(c.issue)
            position[i, j], salience[i, j] = c.position, c.salience
    capability, _ = capabilities(case)
    status_quo, _ = status_quos(case)
    return PositionTable.from_arrays(
        actors,
        issues,
        position,
        salience,
        capability=[capability.get(a, 1.0) for a in actors],
        status_quo=[status_quo.get(i, math.nan) for i in issues],
    )


def with_positions(table: PositionTable) -> PositionTable:
    """The table without the issues no actor has a position on (nothing to forecast there)."""
    import numpy as np

    known = [j for j in range(len(table.issues)) if not np.isnan(table.position[:, j]).all()]
    return table.subset(known)


def capabilities(case: Case) -> tuple[dict[str, float], str]:
    """Capability per actor from the case file, and a sentence saying where it came from."""
    section = case.raw.get("positions") or {}
    given = section.get("capability") or section.get("capabilities") or {}
    if given:
        return {a: float(v) for a, v in given.items()}, "from the case file (positions.capability)"
    fields = {
        str(a.get("id")): float(a["capability"])
        for a in case.raw.get("actors") or []
        if isinstance(a, dict) and a.get("capability") is not None
    }
    if fields:
        return fields, "from the case file (actors' capability; 1 where not given)"
    return {}, "equal for every actor (the case file gives none)"


def status_quos(case: Case) -> tuple[dict[str, float], str]:
    """Status quo per issue from the case file, and a sentence saying where it came from."""
    section = case.raw.get("positions") or {}
    given = {str(k): float(v) for k, v in (section.get("status_quo") or {}).items()}
    for item in case.raw.get("issues") or []:
        if isinstance(item, dict) and item.get("status_quo") is not None:
            given.setdefault(str(item.get("id")), float(item["status_quo"]))
    if not given:
        return {}, "unknown (the case file gives none)"
    if len(given) < len(case.issues):
        return given, "from the case file; unknown where not given"
    return given, "from the case file"


def case_inputs(citations: list[EvidenceCitation], case: Case) -> CaseInputs:
    """The citations with the missing pairs and the sources of capability and status quo."""
    return CaseInputs(
        citations=citations,
        missing=missing_pairs(citations, case),
        capability_source=capabilities(case)[1],
        status_quo_source=status_quos(case)[1],
    )


def positions_from_evidence(store: Store, case: Case) -> list[EvidenceCitation]:
    """Every actor x issue input built from the dossier's stances, case positions overriding."""
    from parley.analysis.stances import dated_stances

    citations = citations_from_stances(dated_stances(store))
    return apply_case_positions(citations, case)


def evidence_positions(store: Store, case: Case) -> tuple[PositionTable, list[EvidenceCitation]]:
    """The bargaining table built from evidence, and the citation behind each input.

    Issues no actor has a position on are left out of the table. This is what
    `parley forecast --from-evidence` and the web app run the models on.
    """
    citations = positions_from_evidence(store, case)
    return with_positions(position_table(citations, case)), citations


def position_rows(store: Store, case: Case | None = None) -> list[dict[str, Any]]:
    """Actor x issue rows: evidence counts, support and oppose weight, position and salience."""
    from parley.analysis.stances import dated_stances

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


def scale_reading(value: float, scale: dict[int, str]) -> str:
    """A 0-100 value as a place on an issue's labelled scale.

    "67 (between 50: freeze on the current line and 100: all four regions
    ceded)"; "50 (at 50: freeze ...)" within half a point of a label; the bare
    number when the scale has no labels.
    """
    shown = f"{value:.0f}"
    if not scale:
        return shown
    points = sorted(scale.items())
    for point, label in points:
        if abs(value - point) < 0.5:
            return f"{shown} (at {point}: {label})"
    below = [(p, lab) for p, lab in points if p < value]
    above = [(p, lab) for p, lab in points if p > value]
    if below and above:
        (lo, lo_label), (hi, hi_label) = below[-1], above[0]
        return f"{shown} (between {lo}: {lo_label} and {hi}: {hi_label})"
    (p, label) = below[-1] if below else above[0]
    side = "above" if below else "below"
    return f"{shown} ({side} {p}: {label})"
