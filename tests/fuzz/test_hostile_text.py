"""Hostile article texts through every extractor: invisible marks in names and quotes,
quotes that never close. Each must finish in bounded time with sound spans."""

from __future__ import annotations

import pytest

from parley.articles.model import Article, article_id
from parley.build.work import extract_article
from tests.fuzz.support import check_span, check_text_span, time_limit

# Sizes are kept small: spaCy's own parse time grows faster than linearly with sentence
# length (6,000 quotation marks in one "sentence" take 16 s to parse here).
HOSTILE_TEXTS = {
    "zero-width in a name": "Vladimir\u200bPutin said “we will not\u200d sign” on Monday.",
    "zero-width between names": "Sergei\u2060 Lavrov met Marco\ufeff Rubio in Kyiv last week.",
    "right-to-left override in a quote": "Zelensky said “\u202ewe reject\u202c the plan” today.",
    "isolates around a name": "\u2067Putin\u2069 told reporters: “\u2066No\u2069 ceasefire.”",
    "mark before a quote": "Rubio said \u200f“talks resume next month,” adding nothing.",
    "quote never closes": "Putin said “we will not sign " + "and the talks go on, " * 400,
    "straight quote never closes": 'Lavrov said "no ' + "deal is near. " * 400,
    "only opening marks": "“ ‘ « " * 300 + "Putin said so.",
    "only closing marks": "” ’ » " * 300 + "Rubio said so.",
    "alternating marks": '"' * 500 + " Zelensky said " + "'" * 500,
    "one huge sentence": "Putin said that " + "Lavrov said that " * 300 + "talks resume.",
}


@pytest.fixture(scope="module")
def extracted(case_nlp, case):
    def run(text: str):
        article = Article(id=article_id(text), source="hostile", text=text)
        with time_limit(30):
            return extract_article(case_nlp(text), article, case)

    return run


@pytest.mark.parametrize("text", HOSTILE_TEXTS.values(), ids=HOSTILE_TEXTS.keys())
def test_hostile_text_extracted_with_sound_spans(extracted, text: str):
    extraction = extracted(text)
    for record in extraction.mentions + extraction.quotes + extraction.timexes:
        check_text_span(text, record, type(record).__name__)
    for quote in extraction.quotes:
        check_span(text, quote.speaker_start, quote.speaker_end, "quote speaker")
    for event in extraction.events:
        check_span(text, event.start, event.end, "event")
        check_span(text, event.date_start, event.date_end, "event date")


def test_name_with_zero_width_joiner_still_found(extracted):
    text = "Talks stalled. Sergei\u200b Lavrov met reporters in Kyiv."
    names = {m.text for m in extracted(text).mentions}
    assert any("Lavrov" in name for name in names), names
