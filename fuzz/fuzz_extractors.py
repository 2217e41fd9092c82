"""Atheris target: every extractor on arbitrary text, through the shared spaCy pipeline.

The input is decoded as UTF-8 (bad bytes replaced) and read as an article's text, with
the package's sample case. Every extractor must return records whose spans lie inside the
text, with `text` equal to what the span covers; none may raise or hang.

    python fuzz/fuzz_extractors.py -max_total_time=60
"""

from __future__ import annotations

import sys
from datetime import date
from importlib import resources

import _common
import atheris

with atheris.instrument_imports(include=["parley"]):
    # extract_article imports the extractors lazily: import them here to instrument them
    import parley.extract.entities
    import parley.extract.events
    import parley.extract.quotes
    import parley.extract.stances
    import parley.extract.timex  # noqa: F401
    from parley.articles.model import Article, article_id
    from parley.build.work import extract_article
    from parley.case import load_case

from tests.fuzz.support import check_span, check_text_span

SEEDS = {
    "quote": "Putin said “we will not sign” on Monday, according to officials.".encode(),
    "unclosed": "Lavrov told reporters: “the talks will go on until".encode(),
    "marks": "Zelensky\u200b met Rubio \u202eon 3 March 2025\u202c in Kyiv.".encode(),
    "events": b"The EU rejected the plan last week. Witkoff met Putin two days ago.",
}
CASE = load_case(str(resources.files("parley.sample") / "case.yaml"))
PUBLISHED = date(2025, 4, 1)


def _pipeline():
    from parley.nlp import load_pipeline

    return load_pipeline(CASE)


NLP = _pipeline()


def test_one_input(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    if not text.strip():
        return
    article = Article(id=article_id(text), source="fuzz", text=text, published=PUBLISHED)
    extraction = extract_article(NLP(text), article, CASE)
    for record in extraction.mentions + extraction.quotes + extraction.timexes:
        check_text_span(text, record, type(record).__name__)
    for quote in extraction.quotes:
        check_span(text, quote.speaker_start, quote.speaker_end, "quote speaker")
    for event in extraction.events:
        check_span(text, event.start, event.end, "event")
        check_span(text, event.date_start, event.date_end, "event date")
    for stance in extraction.stances:
        check_span(text, stance.start, stance.end, "stance")
        check_span(text, stance.holder_start, stance.holder_end, "stance holder")


def main() -> None:
    atheris.Setup(_common.libfuzzer_args(sys.argv, SEEDS), test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
