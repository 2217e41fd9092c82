"""Page-chrome rules, loaded once from `data/chrome.yaml`."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

RULES_FILE = "chrome.yaml"
_CLOSING = frozenset(".!?…\"”’')]:;")
_LIST_MARKS = frozenset("-–—•*·")
# No chrome paragraph is longer than this (the longest rule in chrome.yaml matches about
# 250 characters); longer paragraphs skip the rules. Raise it with a rule for longer chrome.
CHROME_MAX_CHARS = 400
# A credit with more words than this after its colon describes the picture itself.
CREDIT_MAX_WORDS = 6
_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]")
_QUOTES = frozenset('"“”')


@dataclass(frozen=True, slots=True)
class LineRule:
    """A paragraph pattern: the whole paragraph must match, and have at most `max_words`."""

    name: str
    pattern: re.Pattern[str]
    max_words: int | None = None

    def matches(self, text: str, words: int) -> bool:
        if self.max_words is not None and words > self.max_words:
            return False
        return self.pattern.fullmatch(text) is not None


@dataclass(frozen=True, slots=True)
class ChromeRules:
    """Everything the plain-text cleaner knows about page chrome."""

    lines: tuple[LineRule, ...]
    datelines: tuple[re.Pattern[str], ...]
    byline_prefixes: tuple[str, ...]
    contact_prefixes: tuple[str, ...]
    tail_markers: tuple[re.Pattern[str], ...]
    link_list_items: tuple[re.Pattern[str], ...]
    inline_teaser: re.Pattern[str]
    inline_teaser_max_words: int
    dateline_prefixes: tuple[re.Pattern[str], ...] = ()
    unpunctuated_max_words: int = 0
    time_zone_glue: re.Pattern[str] | None = None
    caption_after_credit_max_words: int = 0

    def chrome_rule(self, text: str) -> LineRule | None:
        """The first rule that marks `text` as chrome, or `None`."""
        if len(text) > CHROME_MAX_CHARS:
            return None
        words = len(text.split())
        return next((rule for rule in self.lines if rule.matches(text, words)), None)

    def strip_inline_teaser(self, text: str) -> str:
        """`text` without a glued "Recommended" teaser at its start."""
        match = self.inline_teaser.match(text)
        if not match or len(match.group("teaser").split()) > self.inline_teaser_max_words:
            return text
        return text[match.end() :].strip()

    def strip_dateline(self, text: str) -> str:
        """`text` without a dateline opening it ("WASHINGTON—", "KYIV, Ukraine (Agency) —")."""
        for pattern in self.dateline_prefixes:
            match = pattern.match(text)
            if match and match.end() < len(text) and text[match.end()].isupper():
                return text[match.end() :]
        return text

    def is_unpunctuated(self, text: str) -> bool:
        """A short paragraph with no closing punctuation: a caption, a deck, a subheading."""
        if not text or text[-1] in _CLOSING or text[0] in _LIST_MARKS or text[0].isdigit():
            return False
        return len(text.split()) <= self.unpunctuated_max_words

    def is_credit_only(self, text: str) -> bool:
        """A photo credit naming only who took it ("Photo: Ann Lee/Harbour Wire")."""
        rule = self.chrome_rule(text)
        if rule is None or not rule.name.startswith("photo"):
            return False
        credit = text.split(":", 1)[-1]
        return "." not in credit and len(credit.split()) <= CREDIT_MAX_WORDS

    def is_caption(self, text: str) -> bool:
        """A short paragraph of one sentence and no quotation, as captions are written."""
        words = len(text.split())
        if not 0 < words <= self.caption_after_credit_max_words or text[-1] not in ".!":
            return False
        return not _SENTENCE_BREAK.search(text[:-1]) and not _QUOTES & set(text)

    def is_dateline(self, text: str) -> bool:
        return len(text.split()) <= 16 and any(p.fullmatch(text) for p in self.datelines)

    def is_tail_marker(self, text: str) -> bool:
        return any(p.fullmatch(text) for p in self.tail_markers)

    def is_link_list_item(self, text: str) -> bool:
        return any(p.fullmatch(text) for p in self.link_list_items)


def _compile(pattern: str, case_sensitive: bool = False) -> re.Pattern[str]:
    return re.compile(pattern, 0 if case_sensitive else re.IGNORECASE)


def _line_rule(entry: dict[str, Any]) -> LineRule:
    return LineRule(
        name=entry["name"],
        pattern=_compile(entry["pattern"], entry.get("case_sensitive", False)),
        max_words=entry.get("max_words"),
    )


def _inline_teaser(labels: list[str]) -> re.Pattern[str]:
    """A label glued to a capital, then a teaser up to an opening quote or a sentence end."""
    alternatives = "|".join(re.escape(label) for label in labels)
    return re.compile(rf"(?:{alternatives})(?=[A-Z“])(?P<teaser>.+?)(?=\s[“\"]|[.!?]\s|$)")


@functools.lru_cache(maxsize=1)
def load_rules() -> ChromeRules:
    """The packaged chrome rules (a broken rules file is a packaging bug and raises)."""
    text = resources.files("parley.articles").joinpath("data", RULES_FILE).read_text("utf-8")
    data = yaml.safe_load(text)
    return ChromeRules(
        lines=tuple(_line_rule(entry) for entry in data["lines"]),
        datelines=tuple(_compile(p) for p in data["datelines"]),
        byline_prefixes=tuple(data["byline_prefixes"]),
        contact_prefixes=tuple(data["contact_prefixes"]),
        tail_markers=tuple(_compile(p) for p in data["tail_markers"]),
        link_list_items=tuple(_compile(p) for p in data["link_list_items"]),
        inline_teaser=_inline_teaser(data["inline_teaser_labels"]),
        inline_teaser_max_words=int(data["inline_teaser_max_words"]),
        dateline_prefixes=tuple(_compile(p, True) for p in data.get("dateline_prefixes") or ()),
        unpunctuated_max_words=int(data.get("unpunctuated_max_words") or 0),
        time_zone_glue=_time_zone_glue(list(data.get("time_zones") or [])),
        caption_after_credit_max_words=int(data.get("caption_after_credit_max_words") or 0),
    )


def _time_zone_glue(zones: list[str]) -> re.Pattern[str] | None:
    """A time zone glued to the next sentence ("p.m. EDTHamas"); the cut is at its end."""
    if not zones:
        return None
    alternatives = "|".join(re.escape(zone) for zone in zones)
    return re.compile(rf"\b(?:{alternatives})(?=[A-Z][a-z])")
