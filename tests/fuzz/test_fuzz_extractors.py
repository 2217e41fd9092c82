"""Property tests: every extractor, fed arbitrary text, returns records whose spans are sound.

Texts mix newsy fragments (case names, speech verbs, dates, quotation marks that may
never close) with arbitrary characters (zero-width and direction marks, controls).
The properties: nothing raises, nothing hangs, every span lies inside the article text,
and a record's `text` is exactly what its span covers.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import event, given
from hypothesis import strategies as st

from parley.articles.model import Article, article_id
from parley.extract.entities import extract_mentions
from parley.extract.events import extract_events
from parley.extract.quotes import extract_quotes
from parley.extract.timex import find_timexes
from tests.fuzz.support import FUZZ, check_span, check_text_span, time_limit

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

# Invented newsy fragments; names come from the two test case files.
FRAGMENTS = [
    "Vladimir Putin",
    "Putin",
    "Sergei Lavrov",
    "Marco Rubio",
    "Volodymyr Zelensky",
    "the Kremlin",
    "Kyiv",
    "the EU",
    "Anna Berg",
    "Northland",
    "Southia",
    "the Union",
    "said",
    "told reporters",
    "according to",
    "he added",
    "she said that",
    "rejected",
    "met",
    "called for",
    "a ceasefire",
    "tariff cuts",
    "new tariffs",
    "sanctions",
    "on Monday",
    "last week",
    "March 3, 2025",
    "in 2024",
    "next month",
    "two days ago",
    "the 1990s",
    "“",
    "”",
    '"',
    "'",
    "‘",
    "’",
    ",",
    ".",
    "\n\n",
    "We will not sign",
    "reportedly",
]
ODD = st.sampled_from(
    "\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2069"
    "\u00ad\ufffd\t\r\x0b\x1c\u2028\u0301\U0001f600"
)
WORD = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(st.one_of(ODD, st.characters(codec="utf-8", exclude_categories=["Cs"])), max_size=8),
)


def _glue(words: list[str], seps: list[str]) -> str:
    return "".join(w + s for w, s in zip(words, seps, strict=False)) + "".join(words[len(seps) :])


# Words joined by a space, by nothing (zero-width marks then sit inside names), or by an odd mark.
TEXTS = (
    st.lists(WORD, min_size=1, max_size=40)
    .flatmap(
        lambda words: st.lists(
            st.sampled_from([" ", " ", " ", "", "\u200b", "\u200f", "\n"]),
            min_size=len(words) - 1,
            max_size=len(words) - 1,
        ).map(lambda seps: _glue(words, seps))
    )
    .filter(lambda t: t.strip())
)
DATES = st.none() | st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


def _article(text: str, published: date | None) -> Article:
    return Article(id=article_id(text), source="fuzz", text=text, published=published)


def _parse(nlp, text: str):
    with time_limit():
        return nlp(text)


@pytest.fixture(scope="module")
def stance_case():
    from parley.case import load_case

    return load_case(FIXTURES / "stance_case.yaml")


@pytest.fixture(scope="module")
def stance_nlp(stance_case):
    from parley.nlp import load_pipeline

    return load_pipeline(stance_case)


@FUZZ
@given(text=TEXTS, published=DATES)
def test_mentions_spans(case_nlp, case, text: str, published: date | None):
    article = _article(text, published)
    doc = _parse(case_nlp, text)
    with time_limit():
        mentions = extract_mentions(doc, article, case)
    event(f"mentions: {min(len(mentions), 3)}")
    for mention in mentions:
        check_text_span(text, mention, "mention")


@FUZZ
@given(text=TEXTS, published=DATES)
def test_timexes_spans(case_nlp, text: str, published: date | None):
    doc = _parse(case_nlp, text)
    with time_limit():
        timexes = find_timexes(doc, published)
    event(f"timexes: {min(len(timexes), 3)}")
    for timex in timexes:
        check_text_span(text, timex, "timex")
        assert timex.value, timex


@FUZZ
@given(text=TEXTS, published=DATES)
def test_quotes_spans(case_nlp, case, text: str, published: date | None):
    doc = _parse(case_nlp, text)
    with time_limit():
        quotes = extract_quotes(doc, _article(text, published), case)
    event(f"quotes: {min(len(quotes), 3)}")
    for quote in quotes:
        check_text_span(text, quote, "quote")
        check_span(text, quote.speaker_start, quote.speaker_end, "quote speaker")


@FUZZ
@given(text=TEXTS, published=DATES)
def test_events_spans(case_nlp, case, text: str, published: date | None):
    article = _article(text, published)
    doc = _parse(case_nlp, text)
    with time_limit():
        mentions = extract_mentions(doc, article, case)
        timexes = find_timexes(doc, published)
        events = extract_events(doc, article, case, mentions, timexes)
    event(f"events: {min(len(events), 3)}")
    for found in events:
        check_span(text, found.start, found.end, "event")
        assert found.start < found.end, found
        check_span(text, found.date_start, found.date_end, "event date")


@FUZZ
@given(text=TEXTS, published=DATES)
def test_stances_spans(stance_nlp, stance_case, text: str, published: date | None):
    from parley.extract.stances import extract_stances

    article = _article(text, published)
    doc = _parse(stance_nlp, text)
    with time_limit():
        mentions = extract_mentions(doc, article, stance_case)
        quotes = extract_quotes(doc, article, stance_case)
        stances = extract_stances(doc, article, stance_case, mentions, quotes)
    event(f"stances: {min(len(stances), 3)}")
    for stance in stances:
        check_span(text, stance.start, stance.end, "stance")
        assert stance.start < stance.end, stance
        check_span(text, stance.holder_start, stance.holder_end, "stance holder")
        assert 0.0 <= stance.confidence <= 1.0, stance
