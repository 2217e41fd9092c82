"""Build a dossier: sources -> articles -> nlp -> extract -> store -> analysis.

`extract_article` is the per-article unit of work (a pure function of the
parsed doc, the article and the case); `build` is the orchestrator that
streams inputs through it and into the store.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from parley.articles.model import Article
from parley.extract.records import Extraction, Mention, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from parley.case import Case
    from parley.sources import Rejected
    from parley.store import Store

LOGGER = logging.getLogger(__name__)

# Texts per nlp.pipe batch: large enough for the parser's batching, small enough
# that memory stays flat however large the corpus.
BATCH_SIZE = 32


@dataclass
class BuildReport:
    """What a build did: stored, already present, and rejected inputs with reasons."""

    stored: int = 0
    existing: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        """0 when nothing failed, 1 when some inputs failed, 2 when every input failed."""
        if not self.rejected:
            return 0
        return 2 if self.stored == 0 and self.existing == 0 else 1


def extract_article(doc: Doc, article: Article, case: Case | None) -> Extraction:
    """Run every extractor over one parsed article."""
    from parley.extract.entities import extract_mentions
    from parley.extract.events import extract_events
    from parley.extract.quotes import extract_quotes
    from parley.extract.timex import find_timexes

    mentions = extract_mentions(doc, article, case)
    timexes = find_timexes(doc, article.published)
    quotes = extract_quotes(doc, article, case)
    events = extract_events(doc, article, case, mentions, timexes)
    return Extraction(mentions=mentions, quotes=quotes, timexes=timexes, events=events)


def speaker_keys(quotes: Sequence[Quote], mentions: Sequence[Mention]) -> list[str | None]:
    """The entity key of each quote's speaker: the mention covering the speaker span."""
    keys: list[str | None] = []
    for quote in quotes:
        key = None
        if quote.speaker_start is not None and quote.speaker_end is not None:
            for m in mentions:
                if m.start < quote.speaker_end and quote.speaker_start < m.end:
                    key = m.key
                    break
        keys.append(key)
    return keys


def build(
    paths: Sequence[str | Path],
    store: Store,
    *,
    case: Case | None = None,
    manifest: str | Path | None = None,
    on_article: Callable[[str], None] | None = None,
) -> BuildReport:
    """Build or extend a dossier.

    Steps: read inputs as a stream of articles and rejects; skip articles the
    store already holds; parse the rest in batches (one parse each); extract
    records; store each article in its own transaction; finally rebuild the
    corpus views (entities, merged events) if anything was added.
    `on_article` is called with each input's source as it is handled.
    """
    from parley.nlp import load_pipeline
    from parley.sources import read_articles

    started = time.perf_counter()
    report = BuildReport()
    known = store.article_ids()
    nlp = load_pipeline(case)

    def fresh_articles() -> Iterator[Article]:
        for item in read_articles(paths, manifest=manifest):
            if on_article:
                on_article(item.source)
            if not isinstance(item, Article):
                _reject(store, report, item)
            elif item.id in known:
                report.existing += 1
            else:
                known.add(item.id)
                yield item

    for doc, article in nlp.pipe(
        ((a.text, a) for a in fresh_articles()), as_tuples=True, batch_size=BATCH_SIZE
    ):
        _store_article(store, report, doc, article, case)
    if report.stored:
        refresh_views(store, case)
    report.seconds = time.perf_counter() - started
    return report


def _reject(store: Store, report: BuildReport, rejected: Rejected) -> None:
    LOGGER.warning("skipped %s: %s", rejected.source, rejected.reason)
    report.rejected.append((rejected.source, rejected.reason))
    store.add_reject(rejected.source, rejected.reason)


def _store_article(
    store: Store, report: BuildReport, doc: Doc, article: Article, case: Case | None
) -> None:
    try:
        extraction = extract_article(doc, article, case)
    except Exception as exc:  # a bug in an extractor must not cost the rest of the build
        LOGGER.exception("extraction failed for %s", article.source)
        report.rejected.append((article.source, f"extraction failed: {type(exc).__name__}: {exc}"))
        store.add_reject(article.source, f"extraction failed: {type(exc).__name__}: {exc}")
        return
    keys = speaker_keys(extraction.quotes, extraction.mentions)
    if store.add_article(article, extraction, keys):
        report.stored += 1
    else:
        report.existing += 1


def refresh_views(store: Store, case: Case | None) -> None:
    """Rebuild the corpus tables (canonical entities, merged events) from the stored records."""
    from parley.analysis.views import corpus_tables

    store.replace_derived(corpus_tables(store, case))
