"""Case rules: hand-written phrases naming an issue, an optional refinement.

A case's rules (`Issue.rules`, inline in the case file or from a rules file
beside it, see `parley.case`) hold regular expressions naming each issue or its
opposite, and `holders`, extra words naming an actor. Stances they find record
the route "rule". Compiled once per case content.
"""

from __future__ import annotations

import functools
import json
import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from parley.errors import CaseFileError
from parley.extract.stances.lexicon import OPPOSE, SUPPORT

if TYPE_CHECKING:
    from parley.case import Case

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Term:
    """One phrase naming an issue (`polarity` +1) or its opposite (-1)."""

    issue: str
    polarity: int
    pattern: re.Pattern[str]
    cues: frozenset[str] | None = None


@dataclass(frozen=True, slots=True)
class CaseRules:
    """A case's issue phrases and extra holder words (lower case) per actor."""

    terms: tuple[Term, ...]
    holders: tuple[tuple[re.Pattern[str], str], ...]

    @property
    def issues(self) -> frozenset[str]:
        """The issues that have rule phrases."""
        return frozenset(term.issue for term in self.terms)

    def find(self, text: str, start: int, end: int) -> list[tuple[Term, int, int]]:
        """Every (term, start, end) in `text[start:end]`; phrases may overlap.

        Patterns carry no leading word boundary (it would stop the regex engine
        from skipping ahead to a literal first word), so it is checked here.
        """
        return [
            (term, m.start(), m.end())
            for term in self.terms
            for m in term.pattern.finditer(text, start, end)
            if m.start() == 0 or not _WORD.match(text, m.start() - 1)
        ]


def case_rules(case: Case) -> CaseRules:
    """The compiled stance rules of a case (cached by content)."""
    issues = {issue.id: issue.rules for issue in case.issues if issue.rules}
    key = json.dumps({"issues": issues, "holders": case.rules.get("holders") or {}}, sort_keys=True)
    return _compile(key, case.id)


@functools.lru_cache(maxsize=8)
def _compile(key: str, case_id: str) -> CaseRules:
    data = json.loads(key)
    terms: list[Term] = []
    for issue, rules in data["issues"].items():
        for field, polarity in (("for", SUPPORT), ("against", OPPOSE)):
            for item in rules.get(field) or ():
                terms.append(_term(case_id, issue, field, polarity, item))
    holders = tuple(
        (re.compile(rf"\b{re.escape(normalise(str(word)))}\b"), actor)
        for actor, words in data["holders"].items()
        for word in words or ()
    )
    return CaseRules(tuple(terms), holders)


def _term(case_id: str, issue: str, field: str, polarity: int, item: Any) -> Term:
    where = f"case {case_id!r}: issues.{issue}.rules.{field}"
    cues = None
    if isinstance(item, dict):
        if "pattern" not in item:
            raise CaseFileError(f"{where}: {item!r} needs a 'pattern' (and optional 'cues')")
        cues = frozenset(str(c) for c in item.get("cues") or ()) or None
        item = item["pattern"]
    try:
        pattern = re.compile(rf"(?:{item})\b")
    except re.error as exc:
        raise CaseFileError(
            f"{where}: bad pattern {item!r} ({exc}); patterns are regexes"
        ) from None
    return Term(issue, polarity, pattern, cues)


_WORD = re.compile(r"\w")

# Hyphens and dashes become spaces ("cease-fire" -> "cease fire"), curly
# apostrophes straight; one character for one, so offsets stay valid.
_FOLD = str.maketrans({"-": " ", "‐": " ", "‑": " ", "’": "'", "‘": "'"})


def normalise(text: str) -> str:
    """Lower-case `text` for phrase matching, keeping its length (offsets stay valid)."""
    folded = text.lower()
    if len(folded) != len(text):  # rare letters whose lower case is longer ("İ")
        folded = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return folded.translate(_FOLD)
