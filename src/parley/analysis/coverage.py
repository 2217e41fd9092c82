"""Which case actors and issues got no stance, and why: what a user reads after a build.

An actor with no stance was either never mentioned (its name, aliases and
people never occur) or mentioned without any stance being found. An issue
with no stance either has words (its label, keywords and id) that never occur
in the articles, or is named without any actor's stance on it being found.
Each reason points at the case-file fields that help (`HELP`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from parley.case import Case, Issue
    from parley.store import Store

HELP = (
    "Case-file fields that help: each issue's `label` and `keywords` (the words the articles "
    "use for it) and its `scale` labels (the positions' own words); each actor's `aliases` and "
    "`people`; and rules beside the case file (see docs/stances.md). "
    "`parley case init PATH` drafts these from the corpus."
)


@dataclass(slots=True)
class Gap:
    """An actor or issue with no stance, and the reason."""

    kind: str  # "actor" or "issue"
    id: str
    reason: str


@dataclass(slots=True)
class Coverage:
    """How many stances the dossier holds, and each actor and issue that has none."""

    stances: int
    gaps: list[Gap] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The report as sentences, one per line."""
        if self.stances == 0:
            return ["No stance was found in the dossier.", *self._gap_lines(), HELP]
        if not self.gaps:
            return [f"{self.stances} stance(s); every actor and issue has at least one."]
        return [f"{self.stances} stance(s).", *self._gap_lines()]

    def _gap_lines(self) -> list[str]:
        return [f"No stance for {g.kind} {g.id}: {g.reason}." for g in self.gaps]


def stance_coverage(store: Store, case: Case) -> Coverage:
    """Count the dossier's stances and explain each case actor and issue that has none."""
    from parley.store import stance_queries as q

    counts = q.stance_counts(store)
    actors_with = {a for a, _ in counts}
    issues_with = {i for _, i in counts}
    mentions = q.actor_mention_counts(store)
    gaps = [
        Gap("actor", a, _actor_reason(mentions.get(a, 0)))
        for a in case.actor_ids
        if a not in actors_with
    ]
    missing = [i for i in case.issues if i.id not in issues_with]
    if missing:
        texts = [row["text"] for row in q.article_rows(store).values()]
        gaps += [Gap("issue", i.id, _issue_reason(i, texts)) for i in missing]
    return Coverage(sum(counts.values()), gaps)


def _actor_reason(mentions: int) -> str:
    if mentions == 0:
        return "never mentioned (its name, aliases and people do not occur in the articles)"
    return f"mentioned {mentions} time(s), but no stance of it was found"


def _issue_reason(issue: Issue, texts: list[str]) -> str:
    found = {p: sum(len(phrase_pattern(p).findall(t)) for t in texts) for p in issue_words(issue)}
    seen = {p: n for p, n in found.items() if n}
    if not seen:
        shown = ", ".join(f"'{p}'" for p in found)
        return f"its words ({shown}) never occur in the articles; add the articles' own words"
    shown = ", ".join(f"'{p}' {n}x" for p, n in sorted(seen.items(), key=lambda kv: -kv[1]))
    return f"its words occur ({shown}), but no actor's stance on them was found"


def issue_words(issue: Issue) -> list[str]:
    """The phrases naming an issue: keywords, label and id, and the label's last word."""
    label = issue.label.lower()
    phrases = [*(k.lower() for k in issue.keywords), label, re.sub(r"[_-]+", " ", issue.id)]
    phrases.append(label.split()[-1] if label.split() else label)
    return list(dict.fromkeys(p.strip() for p in phrases if p.strip()))


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A phrase as a pattern: its words in order, each with any ending, hyphens as spaces."""
    words = [
        re.escape(w) + r"\b" if len(w) <= 3 else re.escape(w[: max(4, len(w) - 2)]) + r"\w*"
        for w in re.split(r"[\s-]+", phrase)
        if w
    ]
    return re.compile(r"\b" + r"[\s-]+".join(words), re.IGNORECASE)
