"""The tagger's words and patterns, loaded once from `data/lexicon.yaml` and `data/rules.yaml`.

Rule patterns use placeholders (`{MONTH}`, `{DAY}`, `{YEAR}`, ...) that expand
to named groups built from the lexicon, so a rule reads like the expression it
finds. Month and weekday names match capitalised only ("may", "march" as verbs
stay out); the other lexicon words match in any case.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class Lexicon:
    """Word lists of `data/lexicon.yaml`, keyed by the word as written (lower case except names)."""

    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    units: dict[str, dict[str, Any]]
    numbers: dict[str, float]
    fuzzy_counts: dict[str, int]
    ordinals: dict[str, int]
    point_mods: dict[str, str]
    duration_mods: dict[str, dict[str, Any]]
    references: dict[str, str]
    deictic_days: dict[str, dict[str, Any]]
    frequencies: dict[str, str]
    directions: dict[str, int]
    year_kinds: tuple[str, ...]
    time_zones: tuple[str, ...]
    holidays: dict[str, str]

    def month(self, word: str) -> int:
        """Month number of a month name or abbreviation ("Sept." -> 9)."""
        return self.months[word.rstrip(".").capitalize()]


@dataclass(frozen=True)
class Rule:
    """One compiled pattern: `kind` names its resolver in `normalise.py`."""

    name: str
    kind: str
    regex: re.Pattern[str]
    triggers: frozenset[str]


def _load_yaml(name: str) -> dict[str, Any]:
    text = resources.files("parley.extract.timex").joinpath("data", name).read_text("utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"timex data file {name} must hold a mapping, got {type(data).__name__}")
    return data


@cache
def lexicon() -> Lexicon:
    """The lexicon, read once per process."""
    raw = _load_yaml("lexicon.yaml")
    return Lexicon(
        months=dict(raw["months"]),
        weekdays=dict(raw["weekdays"]),
        seasons=dict(raw["seasons"]),
        parts_of_day=dict(raw["parts_of_day"]),
        units=dict(raw["units"]),
        numbers={str(k): float(v) for k, v in raw["numbers"].items()},
        fuzzy_counts=dict(raw["fuzzy_counts"]),
        ordinals=dict(raw["ordinals"]),
        point_mods=dict(raw["point_mods"]),
        duration_mods=dict(raw["duration_mods"]),
        references=dict(raw["references"]),
        deictic_days=dict(raw["deictic_days"]),
        frequencies=dict(raw["frequencies"]),
        directions=dict(raw["directions"]),
        year_kinds=tuple(raw["year_kinds"]),
        time_zones=tuple(raw["time_zones"]),
        holidays=dict(raw["holidays"]),
    )


def _alternation(words: Any, *, ignore_case: bool = True) -> str:
    """A regex alternation of `words`, longest first, spaces matching any whitespace."""
    parts = sorted({str(w) for w in words}, key=len, reverse=True)
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)
    return f"(?i:{body})" if ignore_case else f"(?:{body})"


def _month_pattern(lex: Lexicon) -> str:
    names = sorted(lex.months, key=len, reverse=True)
    full = [n for n in names if len(n) > 4 or n in ("May", "June", "July")]
    short = [n for n in names if n not in full]
    alternatives = [re.escape(n) for n in full] + [re.escape(n) + r"\.?" for n in short]
    return r"\b(?P<month>" + "|".join(alternatives) + r")(?![\w'])"


def _number_pattern(lex: Lexicon) -> str:
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    units = "one|two|three|four|five|six|seven|eight|nine"
    compound = rf"(?i:(?:{tens})[\s-](?:{units}))"
    words = _alternation(lex.numbers)
    digits = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"
    return rf"(?P<num>{compound}|{words}|{digits})"


@cache
def placeholders() -> dict[str, str]:
    """Placeholder name -> regex fragment (with its named group)."""
    lex = lexicon()
    unit_words = []
    for unit in lex.units:
        plural = "centuries" if unit == "century" else unit + "s"
        unit_words += [plural, unit]
    return {
        "MONTH": _month_pattern(lex),
        "DAY": r"\b(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:,.]\d)\b",
        "YEAR": r"(?<![\d$£€.,])(?P<year>(?:1[6-9]|20)\d\d)(?![\w%]|,\d|\.\d)",
        "WEEKDAY": r"\b(?P<wd>" + "|".join(lex.weekdays) + r")\b",
        "SEASON": r"\b(?P<season>" + _alternation(lex.seasons) + r")\b",
        "POD": r"(?P<pod>" + _alternation(lex.parts_of_day) + r")\b",
        "POINTMOD": r"\b(?P<pmod>" + _alternation(lex.point_mods) + ")",
        "DMOD": r"\b(?P<dmod>" + _alternation(lex.duration_mods) + ")",
        "DIR": r"\b(?P<dir>" + _alternation(lex.directions) + r")\b",
        "COUNT": r"\b" + _number_pattern(lex),
        "FUZZY": r"\b(?P<fuzzy>" + _alternation(lex.fuzzy_counts) + r")\b",
        "UNIT": r"(?P<unit>" + _alternation(unit_words) + r")\b",
        "ORD": r"\b(?P<ord>" + _alternation([*lex.ordinals, "1st", "2nd", "3rd", "4th"]) + r")\b",
        "YEARKIND": r"(?P<ykind>" + _alternation(lex.year_kinds) + ")",
        "TZ": r"(?P<tz>" + _alternation(lex.time_zones, ignore_case=False) + r")\b",
        "REF": r"(?P<ref>" + _alternation(lex.references) + ")",
        "DEICTIC": r"(?P<deictic>" + _alternation(lex.deictic_days) + ")",
        "HOLIDAY": r"\b(?P<holiday>" + _alternation(lex.holidays, ignore_case=False) + r")\b",
        "FREQ": r"(?P<freq_word>" + _alternation(lex.frequencies) + ")",
    }


def _expand(pattern: str, fills: dict[str, str]) -> str:
    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in fills:
            raise ValueError(
                f"timex rule pattern uses unknown placeholder {{{name}}}; "
                f"known: {', '.join(sorted(fills))}"
            )
        return fills[name]

    return re.sub(r"\{([A-Z]+)\}", fill, pattern)


@cache
def rules() -> tuple[Rule, ...]:
    """The compiled rules of `data/rules.yaml`, in file order (the order breaks ties)."""
    fills = placeholders()
    compiled = []
    for entry in _load_yaml("rules.yaml")["rules"]:
        source = _expand(entry["pattern"], fills)
        try:
            regex = re.compile(source)
        except re.error as exc:
            raise ValueError(f"timex rule {entry['name']!r} does not compile: {exc}") from exc
        triggers = frozenset(entry.get("triggers") or ())
        if not triggers:
            raise ValueError(f"timex rule {entry['name']!r} needs `triggers` (see rules.yaml)")
        compiled.append(Rule(entry["name"], entry["kind"], regex, triggers))
    return tuple(compiled)


def _last_words(phrases: Any) -> set[str]:
    return {str(p).lower().split()[-1] for p in phrases}


@cache
def trigger_words() -> dict[str, frozenset[str]]:
    """Lower-case word -> the trigger classes it belongs to (see `triggers` in rules.yaml).

    Literal trigger words of the rules map to themselves. Digits are a class
    the tagger checks itself (any token holding a digit).
    """
    lex = lexicon()
    units = set(lex.units) | {u + "s" for u in lex.units} | {"centuries"}
    weekdays = {w.lower() for w in lex.weekdays} | {w.lower() + "s" for w in lex.weekdays}
    holidays = {re.split(r"[\s'’]", h)[0].lower() for h in lex.holidays}
    classes: dict[str, set[str]] = {
        "month": {m.lower() for m in lex.months},
        "weekday": weekdays,
        "season": set(lex.seasons),
        "unit": units,
        "deictic": _last_words(lex.deictic_days) | {"today", "yesterday", "tomorrow"},
        "reference": _last_words(lex.references),
        "holiday": holidays,
        "frequency": set(lex.frequencies),
    }
    index: dict[str, set[str]] = {}
    for name, words in classes.items():
        for word in words:
            index.setdefault(word, set()).add(name)
    for rule in rules():
        for word in rule.triggers - set(classes) - {"digit"}:
            index.setdefault(word, set()).add(word)
    return {word: frozenset(names) for word, names in index.items()}
