"""Outlet framing: whom each outlet's own voice credits or blames, and whom it quotes.

Per outlet, from the stored records (no parse):

- credit and blame in its own voice: the blame and credit frames
  (`parley.extract.framing`) whose agent is the writer, counted per target
  actor; frames whose agent is a party or someone else ("X blamed Y") are
  counted apart as reported credit and blame;
- sources: the speakers the outlet quotes and how often;
- quote share: the share of its quotes by each case actor (speakers who are
  no case actor count as "other", unattributed quotes as "unknown").

The frames come from the general lexicon `extract/data/framing.yaml`; read
the evidence before quoting a figure (`benchmarks/framing.py` measures them).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from parley.store import Store

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FrameRow:
    """A stored blame or credit frame: kind, target actor and agent."""

    kind: str
    target: str
    agent: str


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
    frames: Sequence[FrameRow]
    quotes: Sequence[QuoteSpan]


@dataclass(slots=True)
class OutletFrame:
    """One outlet's framing across its articles."""

    outlet: str
    articles: int = 0
    blames: Counter[str] = field(default_factory=Counter)
    credits: Counter[str] = field(default_factory=Counter)
    reported_blames: Counter[str] = field(default_factory=Counter)
    reported_credits: Counter[str] = field(default_factory=Counter)
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
            "reported_blames": dict(self.reported_blames.most_common()),
            "reported_credits": dict(self.reported_credits.most_common()),
            "sources": dict(self.sources.most_common()),
            "quotes": self.quotes,
            "quote_share": self.quote_share,
        }


def outlet_frames(articles: Iterable[ArticleRecords]) -> list[OutletFrame]:
    """Framing per outlet, outlets with most articles first."""
    frames: dict[str, OutletFrame] = {}
    for article in articles:
        frame = frames.setdefault(article.outlet, OutletFrame(article.outlet))
        frame.articles += 1
        for f in article.frames:
            own = f.agent == "writer"
            if f.kind == "blame":
                (frame.blames if own else frame.reported_blames)[f.target] += 1
            else:
                (frame.credits if own else frame.reported_credits)[f.target] += 1
        for quote in article.quotes:
            if quote.speaker:
                frame.sources[quote.speaker] += 1
            frame.quotes_by_actor[quote.actor or ("other" if quote.speaker else "unknown")] += 1
    return sorted(frames.values(), key=lambda f: (-f.articles, f.outlet))


def dossier_frames(store: Store) -> list[OutletFrame]:
    """Framing per outlet of a dossier, from its stored articles, mentions and quotes."""
    from parley.store import stance_queries as q

    frames: dict[str, list[FrameRow]] = {}
    for row in q.frame_rows(store):
        frames.setdefault(row["article_id"], []).append(
            FrameRow(row["kind"], row["target"], row["agent"])
        )
    quotes: dict[str, list[QuoteSpan]] = {}
    for row in q.quote_rows(store):
        quotes.setdefault(row["article_id"], []).append(
            QuoteSpan(row["start"], row["end"], row["speaker"], row["actor"])
        )
    articles = (
        ArticleRecords(q.outlet_name(a), frames.get(i, []), quotes.get(i, []))
        for i, a in q.article_rows(store, text=False).items()
    )
    return outlet_frames(articles)


def outlet_rows(store: Store) -> list[dict[str, Any]]:
    """`dossier_frames` as dicts."""
    return [frame.to_dict() for frame in dossier_frames(store)]
