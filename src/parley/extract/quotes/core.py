"""`extract_quotes`: direct, partial and indirect quotes with their speakers, from a parsed Doc."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from parley.extract.quotes.context import SENTENCE_END, QuoteDoc
from parley.extract.quotes.lexicon import load_lexicon
from parley.extract.quotes.marks import MARKS, find_quote_spans
from parley.extract.quotes.speakers import Speaker, Speakers
from parley.extract.records import Quote, QuoteKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from parley.articles.model import Article
    from parley.case import Case

LOGGER = logging.getLogger(__name__)

# A quote of this many words or fewer is speech only when a speech verb governs it in the
# parse ("called the talks “excellent”"); otherwise it is a scare quote or a name.
SHORT_QUOTE_WORDS = 3
# Titles ("The Ingraham Angle", "America First") are short runs of capitalised words.
MAX_TITLE_WORDS = 8
TITLE_SMALL_WORDS = {"of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "with", "or"}
# A quote with no speech verb of its own continues the previous quote's speaker when at most
# this much of the writer's text (one attribution sentence) separates them.
MAX_CONTINUATION_GAP = 250
DIRECT_BEFORE = "\n.!?:" + MARKS
WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class Attribution:
    """The speech verb chosen for a quote and what it yields."""

    speaker: Speaker | None
    cue: Token | None
    governed: bool  # the cue governs the quote in the parse (not just nearby)


def extract_quotes(
    doc: Doc, article: Article | None = None, case: Case | None = None
) -> list[Quote]:
    """Direct, partial and indirect quotes of one article, each with its speaker when found.

    Steps: pair the quotation marks (`marks`); find the speech verbs in the writer's words
    and their speakers, in document order so that a pronoun sees who spoke before it
    (`speakers`); attribute each quoted span, dropping titles and scare quotes; add indirect
    speech ("X said that ...", "according to X, ...") that overlaps no quote. Offsets are
    into `doc.text` (the article text). `article` and `case` are accepted for the shared
    extractor signature; case names reach this function through the Doc's entities.
    """
    del article, case
    qdoc = QuoteDoc(doc, find_quote_spans(doc.text), load_lexicon())
    speakers = Speakers(qdoc)
    cues = [t for t in doc if qdoc.is_cue(t)]
    for cue in cues:
        speakers.for_cue(cue)
    quotes: list[Quote] = []
    previous: tuple[int, Quote] | None = None
    for n in range(len(qdoc.spans)):
        quote = _quote(qdoc, speakers, n, previous)
        if quote is not None:
            quotes.append(quote)
            previous = (n, quote)
    quotes += _indirect_quotes(qdoc, speakers, cues)
    return sorted(quotes, key=lambda q: (q.start, q.end))


def _quote(
    qdoc: QuoteDoc, speakers: Speakers, n: int, previous: tuple[int, Quote] | None
) -> Quote | None:
    span = qdoc.spans[n]
    text = qdoc.text[span.start : span.end]
    tokens = qdoc.tokens_of(n)
    if not tokens:
        return None
    kind = _kind(qdoc, n, text)
    found = _attribute(qdoc, speakers, n, tokens)
    words = len(WORD.findall(text))
    if _is_title(qdoc, n, text, kind, found):
        LOGGER.debug("title, not speech: %d-%d", span.start, span.end)
        return None
    if words <= SHORT_QUOTE_WORDS and not found.governed:
        LOGGER.debug("scare quote, no speech verb: %d-%d", span.start, span.end)
        return None
    speaker, cue = found.speaker, _cue_word(found.cue)
    if speaker is None or not speaker.named:
        inherited, inherited_cue = _standalone(qdoc, speakers, n, kind, previous, found.cue)
        if inherited is not None or found.cue is None:
            speaker, cue = inherited, inherited_cue
    return Quote(
        start=span.start,
        end=span.end,
        text=text,
        kind=kind,
        speaker=speaker.name if speaker else None,
        speaker_start=speaker.start if speaker else None,
        speaker_end=speaker.end if speaker else None,
        speaker_descriptor=speaker.descriptor if speaker else None,
        cue=cue,
    )


def _kind(qdoc: QuoteDoc, n: int, text: str) -> QuoteKind:
    """Direct when the quote starts a sentence of its own; partial inside the writer's."""
    before = qdoc.char_before_open(n)
    if before in DIRECT_BEFORE:
        return "direct"
    if before in ",—–-" and text[:1].isupper():
        return "direct"
    return "partial"


def _attribute(qdoc: QuoteDoc, speakers: Speakers, n: int, tokens: list[Token]) -> Attribution:
    """The speech verb for quote `n`: the one governing it, else the nearest in its frames.

    A verb whose speaker has a name wins over one whose subject is a common noun
    ("..., as he put it, the decision revealed that ...").
    """
    left, right = qdoc.sentence_window(n)
    in_frames = {t.i for t in (*left, *right)}
    governing = _governing_cue(qdoc, n, tokens, in_frames)
    ordered = [governing] if governing is not None else []
    ordered += [t for t in right if qdoc.is_cue(t)]
    ordered += [t for t in reversed(left) if qdoc.is_cue(t)]
    ordered = list(dict.fromkeys(ordered))
    for cue in ordered:
        speaker = speakers.for_cue(cue)
        if speaker is not None and speaker.named:
            return Attribution(speaker, cue, cue == governing)
    for cue in ordered:
        return Attribution(speakers.for_cue(cue), cue, cue == governing)
    return Attribution(None, None, False)


def _governing_cue(
    qdoc: QuoteDoc, n: int, tokens: list[Token], in_frames: set[int]
) -> Token | None:
    """A speech verb in the frames reached from the quote by the parse: up its heads, or a
    verb hanging from the quote itself ("“...” he said" parsed as a child of the quote)."""
    for token in tokens:
        for child in token.children:
            if child.i in in_frames and qdoc.is_cue(child):
                return child
    for token in tokens:
        current = token.head
        for _ in range(8):
            if current.i in in_frames and qdoc.is_cue(current):
                return current
            if current.head.i == current.i:
                break
            current = current.head
    return None


def _is_title(qdoc: QuoteDoc, n: int, text: str, kind: QuoteKind, found: Attribution) -> bool:
    """A name of a show, book, video or slogan: cued by the words before it, or a short
    run of capitalised words inside the writer's sentence."""
    span = qdoc.spans[n]
    words = WORD.findall(text)
    if len(words) > MAX_TITLE_WORDS:
        return False
    before = qdoc.text[max(0, span.open - 40) : span.open].lower().split()[-3:]
    if any(w.strip(",.:;()") in qdoc.lexicon.title_cues for w in before):
        return True
    capitalised = len(words) >= 2 and all(
        w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words
    )
    possessive = bool(before) and before[-1].endswith(("’s", "'s"))
    return capitalised and (kind == "partial" or found.cue is None or possessive)


def _standalone(
    qdoc: QuoteDoc,
    speakers: Speakers,
    n: int,
    kind: QuoteKind,
    previous: tuple[int, Quote] | None,
    cue: Token | None,
) -> tuple[Speaker | None, str | None]:
    """Speaker of a quote whose own sentence names none: the previous quote's speaker when
    both share a sentence ("“A” and “B”"); for a quote with no speech verb at all, the
    speaker named in the sentence just before it, else (for a direct quote) the speaker
    of the quote just before, across at most one attribution sentence."""
    gap_ends = _gap_sentence_ends(qdoc, n, previous)
    if gap_ends == 0 and previous is not None and previous[1].speaker is not None:
        return _speaker_of(previous[1]), previous[1].cue
    if cue is not None:
        return None, None
    for token in reversed(_previous_sentence(qdoc, n)):
        if qdoc.is_cue(token) and (speaker := speakers.for_cue(token)) and speaker.named:
            return speaker, _cue_word(token)
    if kind != "direct" or previous is None or gap_ends is None or gap_ends > 1:
        return None, None
    if previous[1].speaker is None:
        return None, None
    return _speaker_of(previous[1]), previous[1].cue


def _gap_sentence_ends(qdoc: QuoteDoc, n: int, previous: tuple[int, Quote] | None) -> int | None:
    """Sentence ends in the writer's text since the previous quote (None: too far)."""
    if previous is None:
        return None
    gap = qdoc.text[qdoc.spans[previous[0]].close + 1 : qdoc.spans[n].open]
    if len(gap) > MAX_CONTINUATION_GAP or gap.count("\n") > 1:
        return None
    ends = sum(gap.count(c) for c in SENTENCE_END)
    prev_text = previous[1].text.rstrip()
    if prev_text[-1:] in SENTENCE_END or "\n" in gap:
        ends += 1
    return ends


def _speaker_of(prev_quote: Quote) -> Speaker:
    return Speaker(
        prev_quote.speaker_start,
        prev_quote.speaker_end,
        prev_quote.speaker,
        prev_quote.speaker_descriptor,
    )


def _previous_sentence(qdoc: QuoteDoc, n: int) -> list[Token]:
    """The writer's tokens of the sentence just before quote `n` (stops at any quote)."""
    first = qdoc.tokens_of(n)[0].i
    doc = qdoc.doc
    i = first - 1
    while i >= 0 and (qdoc.is_mark(doc[i]) or doc[i].is_space or doc[i].text in SENTENCE_END):
        if qdoc.in_quote[i] != -1:
            return []
        i -= 1
    sentence: list[Token] = []
    while i >= 0 and qdoc.in_quote[i] == -1 and doc[i].text not in SENTENCE_END:
        if "\n" in doc[i].whitespace_ and sentence:
            break
        sentence.append(doc[i])
        i -= 1
    return sentence[::-1]


def _cue_word(cue: Token | None) -> str | None:
    if cue is None:
        return None
    return "according to" if cue.lower_ == "according" else cue.lemma_.lower()


# -- indirect speech ------------------------------------------------------------------------


def _indirect_quotes(qdoc: QuoteDoc, speakers: Speakers, cues: list[Token]) -> list[Quote]:
    """Reported clauses of speech verbs ("X said that ...", "according to X, ...") that
    overlap no quotation marks."""
    found = []
    for cue in cues:
        bounds = _reported_clause(qdoc, cue)
        if bounds is None:
            continue
        speaker = speakers.for_cue(cue)
        if speaker is None:
            continue
        start, end = bounds
        found.append(
            Quote(
                start=start,
                end=end,
                text=qdoc.text[start:end],
                kind="indirect",
                speaker=speaker.name,
                speaker_start=speaker.start,
                speaker_end=speaker.end,
                speaker_descriptor=speaker.descriptor,
                cue=_cue_word(cue),
            )
        )
    return found


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
