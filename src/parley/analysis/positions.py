"""Actors' positions and saliences from the stances the articles report.

For each actor and issue with evidence:

- position = 100 x (support weight) / (support + oppose weight), where each
  stance weighs its confidence: all support gives 100, all oppose 0, an even
  balance 50;
- salience = 100 x (1 - exp(-weight / SALIENCE_SCALE)), where weight is the
  summed confidence of every stance: how often and how firmly the actor is
  reported speaking to the issue (one firm report ~ 36, three ~ 74);
- capability comes from the case file's `positions.capability` (or
  `capabilities`), else 1 for everyone.

Explicit positions in the case file (`positions.actors.<actor>.<issue>`)
override the evidence, and say so in their citation. Every input carries the
evidence it came from, so `parley forecast --from-evidence` can print it.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from parley.analysis.stances import DatedStance

if TYPE_CHECKING:
    from parley.bargain.table import PositionTable
    from parley.case import Case
    from parley.store import Store

LOGGER = logging.getLogger(__name__)

# Summed confidence at which salience reaches 63: about two firm reports. Set
# so that a single report does not make an issue an actor's top concern.
SALIENCE_SCALE = 2.0


@dataclass(frozen=True, slots=True)
class EvidenceSpan:
    """Where an input came from: an article span, or the case file."""

    article_id: str | None
    source: str
    start: int | None
    end: int | None
    text: str
    stance: str | None = None


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
            "evidence": [vars_of(e) for e in self.evidence],
        }


def vars_of(span: EvidenceSpan) -> dict[str, Any]:
    return {f: getattr(span, f) for f in EvidenceSpan.__slots__}


def citations_from_stances(stances: Iterable[DatedStance]) -> list[EvidenceCitation]:
    """Position and salience per (actor, issue) from the balance and weight of its stances."""
    groups: dict[tuple[str, str], list[DatedStance]] = {}
    for s in stances:
        groups.setdefault((s.actor, s.issue), []).append(s)
    citations = []
    for (actor, issue), items in sorted(groups.items()):
        support = sum(s.confidence for s in items if s.stance == "support")
        oppose = sum(s.confidence for s in items if s.stance == "oppose")
        total = support + oppose
        if total <= 0:
            continue
        citations.append(
            EvidenceCitation(
                actor=actor,
                issue=issue,
                position=100.0 * support / total,
                salience=100.0 * (1.0 - math.exp(-total / SALIENCE_SCALE)),
                origin="evidence",
                support=support,
                oppose=oppose,
                evidence=[
                    EvidenceSpan(s.article_id, s.source, s.start, s.end, s.evidence, s.stance)
                    for s in sorted(items, key=lambda s: -s.confidence)
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
    return PositionTable.from_arrays(
        actors, issues, position, salience, capability=_capabilities(case, actors)
    )


def _capabilities(case: Case, actors: tuple[str, ...]) -> list[float]:
    section = case.raw.get("positions") or {}
    given = section.get("capability") or section.get("capabilities") or {}
    return [float(given.get(a, 1.0)) if given else 1.0 for a in actors]


def positions_from_evidence(store: Store, case: Case) -> list[EvidenceCitation]:
    """Every actor x issue input built from the dossier's stances, case positions overriding."""
    from parley.store.stance_queries import dated_stances

    citations = citations_from_stances(dated_stances(store))
    return apply_case_positions(citations, case)


def evidence_positions(store: Store, case: Case) -> tuple[PositionTable, list[EvidenceCitation]]:
    """The bargaining table built from evidence, and the citation behind each input.

    This is what `parley forecast --from-evidence` runs the models on.
    """
    citations = positions_from_evidence(store, case)
    return position_table(citations, case), citations
