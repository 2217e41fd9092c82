"""The per-article unit of work: parse a batch of articles and run every extractor.

`process_batch` is what runs in-process, in worker processes and on Dask
workers alike; it loads the pipeline once per process (cached) and never raises
for one bad article.
"""

from __future__ import annotations

import functools
import logging
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

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
    worker: int = 0  # pid of the process that parsed and extracted it


@dataclass(frozen=True, slots=True)
class Failed:
    """An article whose extraction raised: a bug, reported without stopping the build."""

    source: str
    reason: str
    worker: int = 0


def extract_article(
    doc: Doc, article: Article, case: Case | None, clock: dict[str, float] | None = None
) -> Extraction:
    """Run every extractor over one parsed article (one parse, shared by all).

    With `clock`, each extractor's CPU seconds (this process's) are added to
    `clock[name]` (the build benchmark's budget uses this).
    """
    found: dict[str, Any] = {}
    for name, extractor in _extractors():
        started = time.process_time() if clock is not None else 0.0
        found[name] = extractor(doc, article, case, found)
        if clock is not None:
            clock[name] = clock.get(name, 0.0) + time.process_time() - started
    return Extraction(**found)


@functools.cache
def _extractors() -> tuple[tuple[str, Callable[..., Any]], ...]:
    """(Extraction field, extractor) in the order they run; later ones read earlier results."""
    from parley.extract.entities import extract_mentions
    from parley.extract.events import extract_events
    from parley.extract.framing import extract_frames
    from parley.extract.quotes import extract_quotes
    from parley.extract.stances import extract_stances
    from parley.extract.timex import find_timexes

    return (
        ("mentions", lambda d, a, c, f: extract_mentions(d, a, c)),
        ("timexes", lambda d, a, c, f: find_timexes(d, a.published, a.text)),
        ("quotes", lambda d, a, c, f: extract_quotes(d, a, c)),
        ("events", lambda d, a, c, f: extract_events(d, a, c, f["mentions"], f["timexes"])),
        ("stances", lambda d, a, c, f: extract_stances(d, a, c, f["mentions"], f["quotes"])),
        ("frames", lambda d, a, c, f: extract_frames(d, a, c, f["mentions"], f["quotes"])),
    )


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


# A made-up text for `warm_up`: one sentence is enough for every extractor to load its data.
_WARM_UP_TEXT = 'The ministers met on Monday in the capital. "We want a deal," one of them said.'


def warm_up(case: Case | None) -> int:
    """Load this process's pipeline and every extractor's data (lexicons, compiled patterns,
    the case's indexes) before the first batch, so no batch pays for them; its pid."""
    from parley.nlp import load_pipeline

    nlp = load_pipeline(case)
    article = Article(id="warm-up", source="warm-up", text=_WARM_UP_TEXT)
    extract_article(nlp(article.text), article, case)
    return os.getpid()


def process_batch(articles: Sequence[Article], case: Case | None) -> list[Processed | Failed]:
    """Parse and extract a batch of articles with this process's cached pipeline."""
    from parley.nlp import load_pipeline, parse

    nlp = load_pipeline(case)
    pid = os.getpid()
    results: list[Processed | Failed] = []
    docs = parse(nlp, (a.text for a in articles), batch_size=PIPE_BATCH)
    for doc, article in zip(docs, articles, strict=True):
        try:
            extraction = extract_article(doc, article, case)
        except Exception as exc:  # a bug in an extractor must not cost the rest of the build
            LOGGER.exception("extraction failed for %s", article.source)
            results.append(
                Failed(article.source, f"extraction failed: {type(exc).__name__}: {exc}", pid)
            )
            continue
        keys = speaker_keys(extraction.quotes, extraction.mentions)
        results.append(Processed(article, extraction, keys, pid))
    return results
