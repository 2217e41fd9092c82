"""Long articles are parsed in pieces joined into one doc: bounded memory, offsets unchanged."""

from __future__ import annotations

import itertools

import pytest

from parley.articles.model import Article, article_id
from parley.nlp import pipeline
from parley.nlp.pipeline import parse, split_text

NAMES = ["Anna Lind", "Marco Rubio", "Pierre Dubois", "Olga Petrova", "Kenji Sato", "Maria Costa"]
CITIES = ["Geneva", "Vienna", "Oslo", "Ankara", "Doha", "Riyadh"]


def long_text(paragraphs: int) -> str:
    """Paragraphs of invented wire copy, each with a name, a place and a quotation."""
    rows = []
    for i, (name, city) in enumerate(
        zip(itertools.cycle(NAMES), itertools.cycle(reversed(CITIES)), strict=False)
    ):
        if i == paragraphs:
            break
        rows.append(
            f"{name} met delegates in {city} on Tuesday for round {i} of the talks. "
            f'"We will keep working until every point is settled," {name} said. '
            f"The next meeting is planned in {CITIES[i % len(CITIES)]} in {2000 + i % 25}."
        )
    return "\n\n".join(rows)


def test_pieces_join_back_exactly_and_respect_the_limit():
    text = long_text(200)
    pieces = split_text(text, 2_000)
    assert len(pieces) > 10
    assert "".join(pieces) == text
    assert all(len(p) <= 2_000 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])  # cut after paragraph breaks


def test_without_paragraph_breaks_cuts_fall_after_sentences_or_spaces():
    text = long_text(60).replace("\n\n", " ")
    pieces = split_text(text, 1_500)
    assert len(pieces) > 3 and "".join(pieces) == text
    assert all(p.endswith(('." ', ". ", "said. ")) for p in pieces[:-1]), [p[-12:] for p in pieces]
    word = "x" * 5_000  # no whitespace at all: cut anyway
    assert "".join(split_text(word, 1_000)) == word and len(split_text(word, 1_000)) == 5


def test_a_long_text_parses_into_one_doc_with_its_own_offsets(nlp):
    text = long_text(300)  # about 48,000 characters: more than two pieces
    assert len(split_text(text, pipeline.PIECE_CHARS)) >= 3
    short = "Anna Lind arrived in Oslo."
    docs = list(parse(nlp, [short, text, short]))
    assert [d.text for d in docs] == [short, text, short]
    doc = docs[1]
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    assert len(people) >= 300
    assert all(text[e.start_char : e.end_char] == e.text for e in doc.ents)
    assert {e.text for e in people} >= set(NAMES)
    assert doc.has_annotation("DEP") and len(list(doc.sents)) >= 900


def test_records_of_a_long_article_point_at_their_text(monkeypatch, case):
    from parley.build.work import Processed, process_batch

    text = long_text(40)
    article = Article(id=article_id(text), source="long.txt", text=text)
    monkeypatch.setattr(pipeline, "PIECE_CHARS", 1_000)  # many pieces, as a huge article has
    assert len(split_text(text, pipeline.PIECE_CHARS)) > 5
    [result] = process_batch([article], case)
    assert isinstance(result, Processed)
    records = result.extraction
    assert len(records.mentions) >= 40 and len(records.quotes) >= 30 and records.timexes
    for record in [*records.mentions, *records.quotes, *records.timexes]:
        assert text[record.start : record.end] == record.text
    for quote in records.quotes:
        assert quote.speaker in NAMES
        assert text[quote.speaker_start : quote.speaker_end] == quote.speaker
    assert all(0 <= e.start < e.end <= len(text) for e in records.events)


@pytest.mark.parametrize("limit", [200, 1_000])
def test_pieces_cut_at_paragraphs_find_nearly_the_same_entities(nlp, monkeypatch, limit):
    # The model reads about four tokens of context either side, so only names
    # next to a cut can change label; every span keeps its offsets.
    text = long_text(24)
    whole = {(e.start_char, e.end_char, e.label_) for e in nlp(text).ents}
    monkeypatch.setattr(pipeline, "PIECE_CHARS", limit)
    [joined] = parse(nlp, [text])
    pieces = {(e.start_char, e.end_char, e.label_) for e in joined.ents}
    assert len(whole) >= 70
    assert len(whole & pieces) >= 0.9 * len(whole | pieces)
