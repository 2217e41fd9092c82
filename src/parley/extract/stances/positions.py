"""Graded positions: a stance that names a labelled point of the issue's scale sits there.

An issue may label points between its ends (`50: freeze on the current front
line`). When the evidence names an amount a label gives ("threatened a 30 percent
tariff", where the point-0 label says "30 percent"), the stance sits at that
point if it takes that point's side. Otherwise, when the sentence of a supporting
stance holds most of the words that only one label uses, the stance's `position`
is that point; opposing a point by its words says where the actor is not, so it
sets no position.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from parley.extract.records import Stance
from parley.extract.stances.issues import MIDDLE
from parley.extract.stances.quantities import amount, best_point

if TYPE_CHECKING:
    from parley.extract.stances.context import Context

# Share of a label's own words the sentence must hold, and the fewest words.
COVERAGE = 0.6
MIN_WORDS = 2


def place(ctx: Context, stance: Stance) -> Stance:
    """`stance` with the scale point its evidence names, if any: an amount a label gives
    (on the side the stance takes), else most of a label's own words (support only)."""
    points = ctx.issues.points.get(stance.issue)
    amounts = ctx.issues.amounts.get(stance.issue)
    if not (points and stance.stance == "support") and not amounts:
        return stance
    span = ctx.doc.char_span(stance.start, stance.end, alignment_mode="expand")
    if span is None:
        return stance
    if amounts:
        values = [value for tok in span if (value := amount(tok)) is not None]
        best = best_point(amounts, values)
        if best is not None and (best[0] >= MIDDLE) == (stance.stance == "support"):
            return replace(stance, position=best[0])
    if not points or stance.stance != "support":
        return stance
    lemmas = {t.lemma_.lower() for t in span.sent}
    best = None
    for point, words in points:
        if point <= 0:
            continue  # the point-0 label names the opposite of what support wants
        found = len(words & lemmas)
        enough = words and found >= min(MIN_WORDS, len(words)) and found / len(words) >= COVERAGE
        if enough and (best is None or found > best[1]):
            best = (point, found)
    return stance if best is None else replace(stance, position=best[0])
