"""The per-article unit of work: parse a batch of articles and run every extractor.

`process_batch` is what runs in-process, in worker processes and on Dask
workers alike; it loads the pipeline once per process (cached) and never raises
for one bad article.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from parley.articles.model import Article
from parley.extract.records import Extraction, Mention, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from parley.case import Case

LOGGER = logging.getLogger(__name__)

# Texts per nlp.pipe call inside a batch (the parser's own minibatch).
PIPE_BATCH = 32


@dataclass(frozen=True, slots=True)
class Processed:
    """An article with everything extracted from it, ready to store."""

    article: Article
    extraction: Extraction
    speaker_keys: tuple[str | None, ...]


@dataclass(frozen=True, slots=True)
class Failed:
    """An article whose extraction raised: a bug, reported without stopping the build."""

    source: str
    reason: str


def extract_article(doc: Doc, article: Article, case: Case | None) -> Extraction:
    """Run every extractor over one parsed article (one parse, shared by all)."""
    from parley.extract.entities import extract_mentions
    from parley.extract.events import extract_events
    from parley.extract.framing import extract_frames
    from parley.extract.quotes import extract_quotes
    from parley.extract.stances import extract_stances
    from parley.extract.timex import find_timexes

    mentions = extract_mentions(doc, article, case)
    timexes = find_timexes(doc, article.published)
    quotes = extract_quotes(doc, article, case)
    events = extract_events(doc, article, case, mentions, timexes)
    stances = extract_stances(doc, article, case, mentions, quotes)
    frames = extract_frames(doc, article, case, mentions, quotes)
    return Extraction(mentions, quotes, timexes, events, stances, frames)


def speaker_keys(quotes: Sequence[Quote], mentions: Sequence[Mention]) -> tuple[str | None, ...]:
    """The entity key of each quote's speaker: the key of the mention covering the speaker span."""
    keys: list[str | None] = []
    for quote in quotes:
        key = None
        if quote.speaker_start is not None and quote.speaker_end is not None:
            for m in mentions:
                if m.start < quote.speaker_end and quote.speaker_start < m.end:
                    key = m.key
                    break
        keys.append(key)
    return tuple(keys)


def process_batch(articles: Sequence[Article], case: Case | None) -> list[Processed | Failed]:
    """Parse and extract a batch of articles with this process's cached pipeline."""
    from parley.nlp import load_pipeline

    nlp = load_pipeline(case)
    results: list[Processed | Failed] = []
    docs = nlp.pipe((a.text for a in articles), batch_size=PIPE_BATCH)
    for doc, article in zip(docs, articles, strict=True):
        try:
            extraction = extract_article(doc, article, case)
        except Exception as exc:  # a bug in an extractor must not cost the rest of the build
            LOGGER.exception("extraction failed for %s", article.source)
            results.append(
                Failed(article.source, f"extraction failed: {type(exc).__name__}: {exc}")
            )
            continue
        keys = speaker_keys(extraction.quotes, extraction.mentions)
        results.append(Processed(article, extraction, keys))
    return results
