"""Indirect speech: the reported clause of a speech verb ("X said that ...", "X told
reporters ...") and "according to X, ..." / "..., according to X", when a speaker was found
and the clause touches no quotation mark."""

from __future__ import annotations

from typing import TYPE_CHECKING

from parley.extract.quotes.context import QuoteDoc
from parley.extract.quotes.marks import MARKS
from parley.extract.quotes.speakers import Speakers
from parley.extract.records import Quote

if TYPE_CHECKING:
    from spacy.tokens import Token


def cue_word(cue: Token) -> str:
    """How a speech verb is recorded: its lemma, or "according to"."""
    return "according to" if cue.lower_ == "according" else cue.lemma_.lower()


def indirect_quotes(qdoc: QuoteDoc, speakers: Speakers, cues: list[Token]) -> list[Quote]:
    """Reported clauses of speech verbs ("X said that ...", "according to X, ...") that
    overlap no quotation marks. Two clauses reporting the same words ("X said ..., according
    to state media", both starting at the same word) are one report: the one whose speaker
    has a name is kept, else the first."""
    found = [q for cue in cues if (q := _indirect(qdoc, speakers, cue)) is not None]
    kept: dict[int, Quote] = {}
    for quote in sorted(found, key=lambda q: q.speaker is None):
        kept.setdefault(quote.start, quote)
    return sorted(kept.values(), key=lambda q: q.start)


def _indirect(qdoc: QuoteDoc, speakers: Speakers, cue: Token) -> Quote | None:
    bounds = _reported_clause(qdoc, cue)
    speaker = speakers.for_cue(cue) if bounds is not None else None
    if bounds is None or speaker is None:
        return None
    start, end = bounds
    return Quote(
        start=start,
        end=end,
        text=qdoc.text[start:end],
        kind="indirect",
        speaker=speaker.name,
        speaker_start=speaker.start,
        speaker_end=speaker.end,
        speaker_descriptor=speaker.descriptor,
        cue=cue_word(cue),
    )


def _reported_clause(qdoc: QuoteDoc, cue: Token) -> tuple[int, int] | None:
    doc = qdoc.doc
    if cue.lower_ == "according":
        return _according_clause(qdoc, cue)
    if cue.lemma_.lower() not in qdoc.lexicon.indirect_verbs:
        return None
    clause = next((c for c in cue.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return None
    tokens = [t for t in doc[clause.left_edge.i : clause.right_edge.i + 1]]
    while tokens and (tokens[0].dep_ == "mark" or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    return _clean_bounds(qdoc, tokens)


def _according_clause(qdoc: QuoteDoc, cue: Token) -> tuple[int, int] | None:
    """'According to X, CLAUSE' or 'CLAUSE, according to X': the clause without the phrase."""
    head = cue.head
    if head.i == cue.i or head.pos_ not in ("VERB", "AUX"):
        return None
    doc = qdoc.doc
    clause = list(doc[head.left_edge.i : head.right_edge.i + 1])
    phrase = {t.i for t in cue.subtree}
    if clause[0].i in phrase or clause[-1].i in phrase:
        tokens = [t for t in clause if t.i not in phrase]
        while tokens and tokens[0].is_punct:
            tokens = tokens[1:]
        while tokens and tokens[-1].is_punct:
            tokens = tokens[:-1]
        return _clean_bounds(qdoc, tokens)
    return None


def _clean_bounds(qdoc: QuoteDoc, tokens: list[Token]) -> tuple[int, int] | None:
    """Character bounds of a reported clause, or None if it is short or touches a quote."""
    if len(tokens) < 3:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    if any(ch in MARKS for ch in qdoc.text[start:end]):
        return None
    if any(s.open < end and start <= s.close for s in qdoc.spans):
        return None
    return start, end
