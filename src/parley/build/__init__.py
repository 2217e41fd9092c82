"""Build a dossier: sources -> articles -> nlp -> extract -> store -> analysis.

`build` is the orchestrator. The per-article work (`parley.build.work`) runs on
an engine (`parley.build.engines`): in this process, in local worker processes
or on a Dask cluster; this process alone writes to the store.
"""

from __future__ import annotations

import logging
import os
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from parley.articles.model import Article
from parley.build.engines import Engine, InProcess, make_engine
from parley.build.work import Failed, Processed, extract_article, process_batch, speaker_keys
from parley.errors import one_line

if TYPE_CHECKING:
    from parley.case import Case
    from parley.store import Store

__all__ = [
    "BuildReport",
    "Failed",
    "Processed",
    "build",
    "extract_article",
    "make_engine",
    "process_batch",
    "refresh_views",
    "speaker_keys",
]

LOGGER = logging.getLogger(__name__)

# Articles per unit of work sent to an engine: large enough to amortise the
# hand-over to a worker and for the parser's minibatches (32 articles parse with
# about 5% less CPU than 16: see docs/speed.md), small enough that a batch's texts
# and records stay small.
BATCH_SIZE = 32
# Articles per batch at the end of the input when batches run in parallel (see `_batched`).
TAIL_BATCH_SIZE = 8
# Bounds on the articles one transaction stores (see `_Writer`).
COMMIT_ARTICLES = 64
COMMIT_SECONDS = 1.0


@dataclass
class BuildReport:
    """What a build did: stored, already present, rejected inputs with reasons, and warnings
    (source, message) about what is odd but failed nothing (an empty folder, a manifest row
    naming no input)."""

    stored: int = 0
    existing: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    writer: int = field(default_factory=os.getpid)  # the process that read inputs and stored
    workers: set[int] = field(default_factory=set)  # the processes that parsed and extracted
    views: str = "current"  # what the refresh of the corpus views did

    @property
    def exit_code(self) -> int:
        """0 when nothing failed, 1 when some inputs failed, 2 when no article was read
        (every input failed, or there was none)."""
        if self.stored == 0 and self.existing == 0:
            return 2
        return 1 if self.rejected else 0


def build(
    paths: Sequence[str | Path],
    store: Store,
    *,
    case: Case | None = None,
    manifest: str | Path | None = None,
    engine: Engine | None = None,
    on_article: Callable[[str], None] | None = None,
    follow_links: bool = False,
) -> BuildReport:
    """Build or extend a dossier.

    Steps: read inputs as a stream of articles and rejects; skip articles the
    store already holds; send the rest in batches to the engine (parse once,
    extract); store results as they arrive, several whole articles per
    transaction; finally bring the corpus views (entities, merged events) up to
    date when articles were stored since they were last built. `on_article` is called
    with each input's source as it is read; `follow_links` follows symbolic links
    out of the folders given.
    """
    from parley.sources import read_articles

    started = time.perf_counter()
    report = BuildReport()
    known = store.article_ids()
    if case is not None:
        store.save_case(case)

    def warn(source: str, message: str) -> None:
        LOGGER.warning("%s: %s", source, message)
        report.warnings.append((source, message))

    def fresh_articles() -> Iterator[Article]:
        found = read_articles(
            paths, manifest, store.files, follow_links=follow_links, on_warning=warn
        )
        for item in found:
            if on_article:
                on_article(item.source)
            if not isinstance(item, Article):
                _reject(store, report, item.source, item.reason)
            elif item.id in known:
                report.existing += 1
            else:
                known.add(item.id)
                yield item

    engine = engine or InProcess()
    tail = TAIL_BATCH_SIZE if engine.parallel else BATCH_SIZE
    batches = _batched(fresh_articles(), BATCH_SIZE, tail)
    writer = _Writer(store, report)
    try:
        for results in engine.run(batches, case):
            for result in results:
                report.workers.add(result.worker)
                writer.add(result)
    except KeyboardInterrupt:
        writer.flush()  # what was parsed is kept; the next build resumes after it
        raise
    writer.flush()
    if store.views_stale():
        report.views = refresh_views(store, case)
    report.seconds = time.perf_counter() - started
    if report.workers:
        LOGGER.info(
            "parsed and extracted in process(es) %s; stored by process %d",
            ", ".join(map(str, sorted(report.workers))),
            report.writer,
        )
    return report


class _Writer:
    """Stores results several articles per transaction (each article whole): a transaction
    once COMMIT_ARTICLES are waiting or the oldest has waited COMMIT_SECONDS, so a build
    killed half-way loses at most that much parsing, and never part of an article."""

    def __init__(self, store: Store, report: BuildReport) -> None:
        self.store, self.report = store, report
        self.pending: list[Processed] = []
        self.since = 0.0

    def add(self, result: Processed | Failed) -> None:
        if isinstance(result, Failed):
            _reject(self.store, self.report, result.source, result.reason)
            return
        if not self.pending:
            self.since = time.monotonic()
        self.pending.append(result)
        waited = time.monotonic() - self.since
        if len(self.pending) >= COMMIT_ARTICLES or waited >= COMMIT_SECONDS:
            self.flush()

    def flush(self) -> None:
        items = [(r.article, r.extraction, r.speaker_keys) for r in self.pending]
        for stored in self.store.add_articles(items):
            if stored:
                self.report.stored += 1
            else:
                self.report.existing += 1
        self.pending = []


def _batched(articles: Iterator[Article], size: int, tail: int) -> Iterator[list[Article]]:
    """Batches of `size` articles, and the last ones (more than `size`, at most `2 * size`)
    in batches of `tail`.

    Reading runs `2 * size` articles ahead to know which are the last: with several
    workers, small batches at the end keep every worker busy until the end, instead of
    one parsing a whole batch while the others wait."""
    ahead: deque[Article] = deque()
    for article in articles:
        ahead.append(article)
        if len(ahead) == 3 * size:
            yield [ahead.popleft() for _ in range(size)]
    while len(ahead) > 2 * size:
        yield [ahead.popleft() for _ in range(size)]
    while ahead:
        yield [ahead.popleft() for _ in range(min(tail, len(ahead)))]


def _reject(store: Store, report: BuildReport, source: str, reason: str) -> None:
    reason = one_line(reason)  # documented as one line; an exception's text may not be
    LOGGER.warning("skipped %s: %s", source, reason)
    report.rejected.append((source, reason))
    store.add_reject(source, reason)


def refresh_views(store: Store, case: Case | None) -> str:
    """Bring the corpus tables (canonical entities, merged events) up to date with the stored
    records: for the articles stored since they were last built when it can, else whole
    (`parley.analysis.views.update_views`); says which it did.

    The views record the generation they cover, and an update holds the generation's lock,
    so an article another build stores meanwhile is left for that build's refresh
    (`Store.replace_derived`).
    """
    from parley.analysis.views import update_views

    return update_views(store, case)
