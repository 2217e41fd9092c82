"""Outlet framing: whom each outlet's own voice credits or blames, and whom it quotes.

Per outlet, from the stored records (no parse):

- credit and blame: words from `analysis/data/framing.yaml` in sentences of
  the outlet's own voice (outside quotes), each given to the case actor named
  nearest before it in the sentence, else the first named after it;
- sources: the speakers the outlet quotes and how often;
- quote share: the share of its quotes by each case actor (speakers who are
  no case actor count as "other", unattributed quotes as "unknown").

The word-to-actor rule is deliberately simple: it ranks actors, it does not
read arguments. Read the evidence spans before quoting a figure.
"""

from __future__ import annotations

import functools
import logging
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from parley.store import Store

LOGGER = logging.getLogger(__name__)

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[”\"’']?|\n|$)")


@dataclass(frozen=True, slots=True)
class NamedSpan:
    """A span of article text naming a case actor (a stored mention with an actor)."""

    start: int
    end: int
    actor: str


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A stored quote: its span, speaker name and the speaker's case actor (if any)."""

    start: int
    end: int
    speaker: str | None
    actor: str | None


@dataclass(frozen=True, slots=True)
class ArticleRecords:
    """What framing needs of one stored article."""

    outlet: str
    text: str
    names: Sequence[NamedSpan]
    quotes: Sequence[QuoteSpan]


@dataclass(slots=True)
class OutletFrame:
    """One outlet's framing across its articles."""

    outlet: str
    articles: int = 0
    blames: Counter[str] = field(default_factory=Counter)
    credits: Counter[str] = field(default_factory=Counter)
    sources: Counter[str] = field(default_factory=Counter)
    quotes_by_actor: Counter[str] = field(default_factory=Counter)

    @property
    def quotes(self) -> int:
        return sum(self.quotes_by_actor.values())

    @property
    def quote_share(self) -> dict[str, float]:
        """Share of the outlet's quotes per speaker actor, largest first."""
        total = self.quotes or 1
        return {a: round(n / total, 2) for a, n in self.quotes_by_actor.most_common()}

    def to_dict(self) -> dict[str, Any]:
        return {
            "outlet": self.outlet,
            "articles": self.articles,
            "blames": dict(self.blames.most_common()),
            "credits": dict(self.credits.most_common()),
            "sources": dict(self.sources.most_common()),
            "quotes": self.quotes,
            "quote_share": self.quote_share,
        }


@functools.cache
def framing_words() -> dict[str, re.Pattern[str]]:
    """The credit and blame word patterns (`analysis/data/framing.yaml`)."""
    resource = resources.files("parley.analysis") / "data" / "framing.yaml"
    data = yaml.safe_load(resource.read_text(encoding="utf-8"))
    return {
        kind: re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in data[kind]) + r")(?:s|es|ed|d|ing)?\b",
            re.IGNORECASE,
        )
        for kind in ("blame", "credit")
    }


def outlet_frames(articles: Iterable[ArticleRecords]) -> list[OutletFrame]:
    """Framing per outlet, outlets with most articles first."""
    frames: dict[str, OutletFrame] = {}
    for article in articles:
        frame = frames.setdefault(article.outlet, OutletFrame(article.outlet))
        frame.articles += 1
        blames, credits = credit_and_blame(article.text, article.names, article.quotes)
        frame.blames.update(blames)
        frame.credits.update(credits)
        for quote in article.quotes:
            if quote.speaker:
                frame.sources[quote.speaker] += 1
            frame.quotes_by_actor[quote.actor or ("other" if quote.speaker else "unknown")] += 1
    return sorted(frames.values(), key=lambda f: (-f.articles, f.outlet))


def credit_and_blame(
    text: str, names: Sequence[NamedSpan], quotes: Sequence[QuoteSpan]
) -> tuple[Counter[str], Counter[str]]:
    """(blames, credits) per actor in the article's own voice."""
    counts = {"blame": Counter[str](), "credit": Counter[str]()}
    quoted = [(q.start, q.end) for q in quotes]
    for m in _SENTENCE.finditer(text):
        start, end = m.span()
        own = [n for n in names if start <= n.start < end and not _inside(n.start, quoted)]
        if not own:
            continue
        for kind, pattern in framing_words().items():
            for cue in pattern.finditer(text, start, end):
                if _inside(cue.start(), quoted):
                    continue
                actor = _nearest(own, cue.start())
                if actor:
                    counts[kind][actor] += 1
    return counts["blame"], counts["credit"]


def _inside(offset: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in spans)


def _nearest(names: Sequence[NamedSpan], offset: int) -> str | None:
    before = [n for n in names if n.end <= offset]
    if before:
        return max(before, key=lambda n: n.end).actor
    after = [n for n in names if n.start >= offset]
    return min(after, key=lambda n: n.start).actor if after else None


def dossier_frames(store: Store) -> list[OutletFrame]:
    """Framing per outlet of a dossier, from its stored articles, mentions and quotes."""
    from parley.store import stance_queries as q

    names: dict[str, list[NamedSpan]] = {}
    for row in q.actor_mention_rows(store):
        names.setdefault(row["article_id"], []).append(
            NamedSpan(row["start"], row["end"], row["actor"])
        )
    quotes: dict[str, list[QuoteSpan]] = {}
    for row in q.quote_rows(store):
        quotes.setdefault(row["article_id"], []).append(
            QuoteSpan(row["start"], row["end"], row["speaker"], row["actor"])
        )
    articles = (
        ArticleRecords(q.outlet_name(a), a["text"], names.get(i, []), quotes.get(i, []))
        for i, a in q.article_rows(store).items()
    )
    return outlet_frames(articles)


def outlet_rows(store: Store) -> list[dict[str, Any]]:
    """`dossier_frames` as dicts."""
    return [frame.to_dict() for frame in dossier_frames(store)]
