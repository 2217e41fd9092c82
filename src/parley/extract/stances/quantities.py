"""Amounts on a scale: a stance that names an amount one scale label gives sits at that point.

Scale labels often state amounts ("0: 20 percent or more", "50: a 15 percent
ceiling", "50: up to 3.67 percent"). An article's phrase naming an issue with
such an amount ("threatened a 30 percent tariff", "tariffs of 200 percent")
names that point: the amount chooses among issues that share their words, the
point gives the phrase its side (below the middle the opposite of the
proposition) and the stance its `position`. The units and the words of
comparison are data (`extract/data/issue_words.yaml`, `quantities`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from spacy.tokens import Token

# Edges from an amount up to the noun it measures ("a 30 percent tariff", "tariffs of
# 200 percent", "a ceiling of 15 percent"), at most `REACH` steps.
MEASURE_EDGES = {"nummod", "compound", "amod", "quantmod", "npadvmod", "nmod", "prep", "pobj"}
REACH = 4
MEASURE_PREPS = {"of", "at"}  # "tariffs of 200 percent", "a rate set at 15 percent"


@dataclass(frozen=True, slots=True)
class Amount:
    """An amount a scale label names: its point, and the range of values it covers."""

    point: int
    low: float
    high: float

    def fit(self, value: float) -> float:
        """How closely `value` fits (1.0 for the very amount, less for a wide range), or 0."""
        if not self.low <= value <= self.high or value <= 0:
            return 0.0
        if self.low == self.high:
            return 1.0
        return self.low / value if self.high == float("inf") else value / self.high


@dataclass(frozen=True, slots=True)
class Units:
    """The data: unit words and words of comparison."""

    units: tuple[str, ...]
    at_least: tuple[str, ...]
    at_most: tuple[str, ...]
    before: tuple[str, ...]  # "up to 3.67 percent": comparison before the amount


@functools.cache
def units() -> Units:
    """The unit words of `extract/data/issue_words.yaml` (`quantities`)."""
    resource = resources.files("parley.extract") / "data" / "issue_words.yaml"
    data = yaml.safe_load(resource.read_text(encoding="utf-8")).get("quantities") or {}
    return Units(
        tuple(data.get("units") or ()),
        tuple(data.get("at_least") or ()),
        tuple(data.get("at_most") or ()),
        tuple(data.get("at_most_before") or ()),
    )


def label_amounts(scale: dict[int, str]) -> tuple[Amount, ...]:
    """The amounts a scale's labels name ("the threatened 30 or 50 percent", "20 percent or
    more", "up to 3.67 percent"), each with its point."""
    found: list[Amount] = []
    pattern = _pattern()
    for point, label in sorted(scale.items()):
        for m in pattern.finditer(label.lower()):
            values = [float(v) for v in re.findall(r"\d+(?:\.\d+)?", m.group("nums"))]
            if m.group("more"):
                found += [Amount(point, v, float("inf")) for v in values]
            elif m.group("less") or m.group("before"):
                found += [Amount(point, 0.0, v) for v in values]
            else:
                found += [Amount(point, v, v) for v in values]
    return tuple(found)


@functools.cache
def _pattern() -> re.Pattern[str]:
    data = units()

    def alt(words: tuple[str, ...]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"

    number = r"\d+(?:\.\d+)?"
    return re.compile(
        rf"(?:(?P<before>\b(?:{alt(data.before)}))\s+)?"
        rf"(?P<nums>{number}(?:\s*(?:,|\bor\b|\band\b|\bto\b)\s*{number})*)\s*"
        rf"(?:{alt(data.units)})"
        rf"(?:\s+(?:(?P<more>{alt(data.at_least)})|(?P<less>{alt(data.at_most)}))\b)?"
    )


def phrase_amounts(head: Token) -> list[tuple[float, Token]]:
    """The amounts that measure a noun ("a 30 percent tariff", "rates of 200 percent"):
    a number before a unit word, within a few steps below the noun."""
    found: list[tuple[float, Token]] = []
    if head.lower_ in units().units:  # a misparse made the unit the phrase's head
        return found
    for tok in head.subtree:
        value = amount(tok)
        if value is not None and _measures(tok, head):
            found.append((value, tok))
    return found


def amount(tok: Token) -> float | None:
    """The value of a number followed by a unit word ("30 percent", "15%"), else None."""
    if not tok.like_num or tok.i + 1 >= len(tok.doc):
        return None
    unit = tok.nbor(1).lower_
    if unit == "per" and tok.i + 2 < len(tok.doc):
        unit = "per " + tok.nbor(2).lower_
    return _value(tok.text) if unit in units().units else None


def _measures(tok: Token, head: Token) -> bool:
    """Whether an amount measures `head` itself, not where a change takes it ("cut the
    tariff to 10 percent" names the cut's end, which the cut's own frame reads)."""
    cur = tok
    for _ in range(REACH):
        if cur.head.i == cur.i or cur.dep_ not in MEASURE_EDGES:
            return False
        if cur.dep_ == "prep" and cur.lower_ not in MEASURE_PREPS:
            return False
        cur = cur.head
        if cur.i == head.i:
            return True
    return False


def _value(text: str) -> float | None:
    try:
        return float(text.replace(",", "").rstrip("%"))
    except ValueError:
        return None


def best_point(amounts: tuple[Amount, ...], values: list[float]) -> tuple[int, float] | None:
    """The point the values name best, with how closely (None when none fits)."""
    best: tuple[int, float] | None = None
    for value in values:
        for amount in amounts:
            fit = amount.fit(value)
            if fit and (best is None or fit > best[1]):
                best = (amount.point, fit)
    return best
