"""The TempEval-3 Task A scorer: span F1 (strict and relaxed), type and value F1.

As in TempEval-3: a system expression matches a gold one when their spans are
equal (strict) or overlap (relaxed), one to one. Attribute scores count the
relaxed matches whose attribute is right: precision over all system
expressions, recall over all gold ones. `type accuracy` is the share of
relaxed matches with the right type.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from parley.extract.records import Timex
from parley.extract.timex.timeml import TimeMLDocument

if TYPE_CHECKING:
    from spacy.language import Language

LOGGER = logging.getLogger(__name__)


@dataclass(slots=True)
class Counts:
    """Raw counts, summed over documents."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0
    misses: list[tuple[str, Timex | None, Timex | None]] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        """Add another document's counts to these."""
        self.gold += other.gold
        self.system += other.system
        self.strict += other.strict
        self.relaxed += other.relaxed
        self.type_ok += other.type_ok
        self.value_ok += other.value_ok
        self.misses.extend(other.misses)


@dataclass(frozen=True, slots=True)
class Scores:
    """TempEval-3 Task A scores in percent."""

    strict_precision: float
    strict_recall: float
    strict_f1: float
    relaxed_precision: float
    relaxed_recall: float
    relaxed_f1: float
    type_f1: float
    type_accuracy: float
    value_f1: float
    value_accuracy: float
    gold: int
    system: int


def _f1(correct: int, system: int, gold: int) -> tuple[float, float, float]:
    precision = correct / system if system else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return 100 * precision, 100 * recall, 100 * f1


def count_document(gold: Sequence[Timex], system: Sequence[Timex], name: str = "") -> Counts:
    """Match one document's system expressions to its gold ones and count."""
    counts = Counts(gold=len(gold), system=len(system))
    used: set[int] = set()
    for g in gold:
        best = _best_overlap(g, system, used)
        if best is None:
            counts.misses.append((name, g, None))
            continue
        used.add(best)
        s = system[best]
        counts.relaxed += 1
        counts.strict += (s.start, s.end) == (g.start, g.end)
        counts.type_ok += s.type == g.type
        counts.value_ok += s.value == g.value
        if s.value != g.value or s.type != g.type or (s.start, s.end) != (g.start, g.end):
            counts.misses.append((name, g, s))
    counts.misses.extend((name, None, s) for i, s in enumerate(system) if i not in used)
    return counts


def _best_overlap(gold: Timex, system: Sequence[Timex], used: set[int]) -> int | None:
    best, best_overlap = None, 0
    for i, s in enumerate(system):
        overlap = min(s.end, gold.end) - max(s.start, gold.start)
        if i not in used and overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


def score(counts: Counts) -> Scores:
    """Percent scores from summed counts."""
    sp, sr, sf = _f1(counts.strict, counts.system, counts.gold)
    rp, rr, rf = _f1(counts.relaxed, counts.system, counts.gold)
    type_f1 = _f1(counts.type_ok, counts.system, counts.gold)[2]
    value_f1 = _f1(counts.value_ok, counts.system, counts.gold)[2]
    matched = counts.relaxed or 1
    return Scores(
        strict_precision=sp,
        strict_recall=sr,
        strict_f1=sf,
        relaxed_precision=rp,
        relaxed_recall=rr,
        relaxed_f1=rf,
        type_f1=type_f1,
        type_accuracy=100 * counts.type_ok / matched,
        value_f1=value_f1,
        value_accuracy=100 * counts.value_ok / matched,
        gold=counts.gold,
        system=counts.system,
    )


def count_all(pairs: Iterable[tuple[str, Sequence[Timex], Sequence[Timex]]]) -> Counts:
    """Sum the counts of (name, gold, system) documents."""
    total = Counts()
    for name, gold, system in pairs:
        total.add(count_document(gold, system, name))
    return total


def evaluate_documents(
    documents: Iterable[TimeMLDocument], nlp: Language, *, include_dct: bool = False
) -> Counts:
    """Tag each TimeML document's text with `find_timexes` (anchored on its DCT) and count.

    `include_dct=True` also counts each document's creation-time tag, which the
    system is given, as TempEval-3's official scorer did (every TIMEX3 in the file).
    """
    from parley.extract.timex.tagger import find_timexes

    documents = list(documents)
    total = Counts()
    parsed = nlp.pipe(d.text for d in documents)
    for document, doc in zip(documents, parsed, strict=True):
        system = find_timexes(doc, document.dct)
        counts = count_document(document.timexes, system, document.name)
        if include_dct and document.dct_timex is not None:
            counts.gold += 1
            counts.system += 1
            counts.strict += 1
            counts.relaxed += 1
            counts.type_ok += 1
            counts.value_ok += 1
        total.add(counts)
    return total


# TempEval-3 Task A, platinum test set (all 20 articles), as published by
# UzZaman et al. (2013): relaxed span F1, strict span F1, value F1.
PUBLISHED: dict[str, tuple[float, float, float]] = {
    "HeidelTime": (90.30, 81.34, 77.61),
    "NavyTime": (90.32, 79.57, 70.97),
    "SUTime": (90.32, 79.57, 67.38),
    "ClearTK": (90.23, 82.71, 64.66),
}
