"""What the fuzz tests share: bounded Hypothesis settings, a hard time limit, the checks."""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings

from parley.articles.build import MAX_ARTICLE_CHARS
from parley.articles.model import Article, article_id
from parley.articles.raw import Rejected

# Reproducible in CI (the same examples every run) and bounded: ~100 examples per target.
# `deadline=None` because `time_limit` below stops a hang for real; Hypothesis's own deadline
# only reports a slow example after it has finished, and flags first-call imports as slow.
FUZZ = settings(
    max_examples=100,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FEW = settings(FUZZ, max_examples=50)

# No single example may take longer than this (seconds); generous for a busy CI machine.
EXAMPLE_SECONDS = 20


class Hang(Exception):
    """An input took longer than the per-example time limit."""


@contextlib.contextmanager
def time_limit(seconds: float = EXAMPLE_SECONDS) -> Iterator[None]:
    """Raise `Hang` in the body when it runs longer than `seconds` (SIGALRM; main thread)."""

    def expire(signum: int, frame: Any) -> None:
        raise Hang(f"no result after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def storable(text: str) -> bool:
    """Whether a database column takes `text`: UTF-8 encodable and without NUL."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in text


def check_results(results: Sequence[Article | Rejected], path: Path) -> None:
    """The reader contract: articles or one-line rejections, each naming the file."""
    for item in results:
        assert isinstance(item, Article | Rejected), type(item)
        assert item.source.startswith(str(path)), item.source
        if isinstance(item, Rejected):
            assert item.reason and "\n" not in item.reason, repr(item.reason)
            assert storable(item.reason) and storable(item.source)
        else:
            check_article(item)


def check_article(article: Article) -> None:
    """A readable article: non-empty text under the parser's limit, every field storable."""
    assert article.text.strip()
    assert len(article.text) <= MAX_ARTICLE_CHARS
    assert article.id == article_id(article.text)
    fields = [article.text, article.source, article.title, article.outlet, article.url]
    fields += list(article.authors) + [v for t in article.tags for v in vars_of(t)]
    assert all(storable(f) for f in fields if f is not None), article


def vars_of(record: Any) -> list[str]:
    return [getattr(record, name) for name in record.__slots__]


def check_span(text: str, start: int | None, end: int | None, what: str) -> None:
    """`start`/`end` are both unset, or a span inside `text`."""
    if start is None and end is None:
        return
    assert start is not None and end is not None, f"{what}: half a span ({start}, {end})"
    assert 0 <= start <= end <= len(text), f"{what}: ({start}, {end}) outside 0..{len(text)}"


def check_text_span(text: str, record: Any, what: str) -> None:
    """A record's span lies inside the text, is not empty, and its `text` is what it covers."""
    check_span(text, record.start, record.end, what)
    assert record.start < record.end, f"{what}: empty span {record}"
    assert record.text == text[record.start : record.end], f"{what}: {record}"
