"""`extract_quotes`: direct, partial and indirect quotes with their speakers, from a parsed Doc."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING

from parley.extract.quotes.attribution import Attribution, attribute, carried_over
from parley.extract.quotes.context import QuoteDoc
from parley.extract.quotes.indirect import cue_word, indirect_quotes
from parley.extract.quotes.lexicon import load_lexicon
from parley.extract.quotes.marks import MARKS, find_quote_spans
from parley.extract.quotes.speakers import Speakers
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
DIRECT_BEFORE = "\n.!?:" + MARKS
WORD = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*")


def extract_quotes(
    doc: Doc, article: Article | None = None, case: Case | None = None
) -> list[Quote]:
    """Direct, partial and indirect quotes of one article, each with its speaker when found.

    Steps: pair the quotation marks (`marks`); find the speech verbs in the writer's words
    and their speakers, in document order so that a pronoun sees who spoke before it
    (`speakers`); attribute each quoted span, dropping titles and scare quotes; add indirect
    speech ("X said that ...", "according to X, ...") that overlaps no quote. Offsets are
    into `doc.text` (the article text, taken from `article` when given). `case` is accepted
    for the shared extractor signature; case names reach this function through the Doc's
    entities.
    """
    del case
    text = _text(doc, article)
    qdoc = QuoteDoc(doc, find_quote_spans(text), load_lexicon(), text)
    speakers = Speakers(qdoc)
    cues = qdoc.cues
    for cue in cues:
        speakers.for_cue(cue)
    quotes: list[Quote] = []
    previous: tuple[int, Quote] | None = None
    for n in range(len(qdoc.spans)):
        quote = _quote(qdoc, speakers, n, previous)
        if quote is not None:
            quotes.append(quote)
            previous = (n, quote)
    quotes += indirect_quotes(qdoc, speakers, cues)
    return sorted(quotes, key=lambda q: (q.start, q.end))


def _text(doc: Doc, article: Article | None) -> str:
    """The article text the Doc was parsed from (`Doc.text` joins every token, so the
    article's own copy is used when it is the same text)."""
    if article is None or not len(doc):
        return doc.text
    last = doc[-1]
    same = len(article.text) == last.idx + len(last.text_with_ws)
    return article.text if same and article.text.endswith(last.text_with_ws) else doc.text


def _quote(
    qdoc: QuoteDoc, speakers: Speakers, n: int, previous: tuple[int, Quote] | None
) -> Quote | None:
    span = qdoc.spans[n]
    text = qdoc.text[span.start : span.end]
    tokens = qdoc.tokens_of(n)
    if not tokens:
        return None
    kind = _kind(qdoc, n, text)
    found = attribute(qdoc, speakers, n, kind)
    words = len(WORD.findall(text))
    if _is_title(qdoc, n, text, kind, found):
        LOGGER.debug("title, not speech: %d-%d", span.start, span.end)
        return None
    if words <= SHORT_QUOTE_WORDS and not found.governed:
        LOGGER.debug("scare quote, no speech verb: %d-%d", span.start, span.end)
        return None
    speaker, cue = found.speaker, _cue_word(found.cue)
    if speaker is None or not speaker.named:
        earlier, earlier_cue = carried_over(qdoc, speakers, n, kind, previous, found.cue)
        if earlier is not None or found.cue is None:
            speaker, cue = earlier, _cue_word(earlier_cue)
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


def _is_title(qdoc: QuoteDoc, n: int, text: str, kind: QuoteKind, found: Attribution) -> bool:
    """A name of a show, book, video or slogan: cued by the words before it, or a short
    run of capitalised words inside the writer's sentence."""
    span = qdoc.spans[n]
    words = WORD.findall(text)
    if len(words) > MAX_TITLE_WORDS:
        return False
    before = re.split(r"[.!?\n]\s", qdoc.text[max(0, span.open - 40) : span.open])[-1]
    before = before.lower().split()[-3:]
    if any(w.strip(",.:;()") in qdoc.lexicon.title_cues for w in before):
        return True
    capitalised = len(words) >= 2 and all(
        w[0].isupper() or w.lower() in TITLE_SMALL_WORDS for w in words
    )
    possessive = bool(before) and before[-1].endswith(("’s", "'s"))
    return capitalised and (kind == "partial" or found.cue is None or possessive)


def _cue_word(cue: Token | str | None) -> str | None:
    if cue is None or isinstance(cue, str):
        return cue
    return cue_word(cue)
