"""Quotes in headlines: title-case lines ("Lee: Talks Were ‘A Disaster’", "Lee Calls the
Plan ‘Dead on Arrival’", "Talks Are ‘Over,’ Says Lee").

In a title-case line every word is capitalised, so the tests that tell a quote from a title
(capitalised words) or a scare quote (a short quote no speech verb governs) say nothing;
a quoted span there is the headline's report of someone's words. Its speaker, in order:
the name that opens the line before a colon; the name after a closing speech verb ("...,
Says Ann Lee"); the name that opens the line ("Ann Lee Calls ...").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from parley.extract.quotes.context import QuoteDoc
    from parley.extract.quotes.speakers import Speaker, Speakers

# A long lower-case word: more than two of them make a line prose, not a headline.
PROSE_WORD = re.compile(r"(?<![\w'’-])[a-z]{5,}\b")
# Characters stripped from the edges of a headline's words before they are looked at.
EDGES = "\"“”‘’'`([{)]}.,;:!?—–-…"
# Small words a title-case line leaves in lower case.
SMALL = {
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with",
    "from", "as", "is", "be", "if", "vs", "via", "not", "nor", "so", "up", "off", "out",
}  # fmt: skip
MIN_WORDS = 4
MAX_WORDS = 30
MAX_CHARS = 250
# Capitalised share of a line's other words that makes it a headline.
TITLE_CASE = 0.8
# Words before the colon of a line that opens with the speaker's name ("Ann Lee: ...").
MAX_LEAD_WORDS = 4
SPEAKING_LABELS = ("PERSON", "ORG", "GPE")


def headline_bounds(text: str, quote_open: int, quote_after: int) -> tuple[int, int] | None:
    """The title-case line holding the quote whose marks span [quote_open, quote_after), or
    None when it is prose (or the quote alone)."""
    start = text.rfind("\n", 0, quote_open) + 1
    end = text.find("\n", quote_after)
    end = len(text) if end < 0 else end
    if end - start > MAX_CHARS or len(PROSE_WORD.findall(text, start, end)) > 2:
        return None
    words = [w.strip(EDGES) for w in text[start:end].split()]
    content = [w for w in words if w[:1].isalpha() and w.lower() not in SMALL]
    if not MIN_WORDS <= len(words) <= MAX_WORDS or not content:
        return None
    capitalised = sum(w[0].isupper() for w in content)
    if capitalised < TITLE_CASE * len(content):
        return None
    outside = text[start:quote_open].split() + text[quote_after:end].split()
    return (start, end) if len(outside) >= 2 else None


def headline_speaker(qdoc: QuoteDoc, speakers: Speakers, bounds: tuple[int, int]) -> Speaker | None:
    """Whose words a headline quotes (see the module docstring), or None."""
    start, end = bounds
    line = qdoc.text[start:end]
    colon = line.find(":")
    if colon > 0 and len(line[:colon].split()) <= MAX_LEAD_WORDS:
        lead = qdoc.doc.char_span(start, start + colon, alignment_mode="contract")
        return speakers.named(lead) if lead is not None and len(lead) else None
    says = _closing_speech_verb(qdoc, start, end)
    if says is not None:
        return _name_in(qdoc, speakers, *says)
    return _name_in(qdoc, speakers, start, end, leading=True)


def _closing_speech_verb(qdoc: QuoteDoc, start: int, end: int) -> tuple[int, int] | None:
    """Where the name of a closing attribution lies ("..., Says Ann Lee", "..., Ann Lee
    Says")."""
    comma = qdoc.text.rfind(",", start, end)
    if comma < 0:
        return None
    words = [w for w in (w.strip(EDGES) for w in qdoc.text[comma + 1 : end].split()) if w]
    if len(words) < 2 or len(words) > MAX_LEAD_WORDS + 1:
        return None
    if _speech_verb(qdoc, words[0]):
        return qdoc.text.find(words[1], comma), end
    if _speech_verb(qdoc, words[-1]):
        first = qdoc.text.find(words[0], comma)
        return first, qdoc.text.rfind(words[-1], first, end)
    return None


def _speech_verb(qdoc: QuoteDoc, word: str) -> bool:
    """A present-tense speech verb as a headline writes it ("Says", "Warns")."""
    verb = word.lower()
    return bool({verb, verb[:-1] if verb.endswith("s") else verb} & qdoc.lexicon.speech_verbs)


def _name_in(
    qdoc: QuoteDoc, speakers: Speakers, start: int, end: int, leading: bool = False
) -> Speaker | None:
    """The first name (an entity of a speaking label, or a proper noun) in text[start:end];
    with `leading`, only one that opens that text."""
    span = qdoc.doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return None
    for token in span:
        if qdoc.is_mark(token) or token.is_punct or token.lower_ == "the":
            continue
        name = speakers.name_span(token) if token.ent_type_ else _name_run(qdoc, token, span.end)
        if name is not None and (token.ent_type_ in SPEAKING_LABELS or not token.ent_type_):
            end = next((t.i for t in name if t.i > token.i and _name_ends(qdoc, t)), name.end)
            return speakers.named(qdoc.doc[name.start : end])
        if leading:
            return None
    return None


def _name_run(qdoc: QuoteDoc, token: Token, end: int) -> Span | None:
    """The proper nouns from `token` on ("Ann Lee Calls ...": Ann Lee), read from the words
    since a headline's parse is not to be trusted."""
    if token.pos_ != "PROPN":
        return None
    last = token.i + 1
    while last < end and qdoc.doc[last].pos_ == "PROPN" and not _name_ends(qdoc, qdoc.doc[last]):
        last += 1
    return qdoc.doc[token.i : last]


def _name_ends(qdoc: QuoteDoc, token: Token) -> bool:
    """A token that ends a name the model ran into the rest of a headline: a quote, a mark
    or a verb ("Lee Sees ‘Insult’" tagged as one name)."""
    return qdoc.in_quote[token.i] != -1 or qdoc.is_mark(token) or token.pos_ in ("VERB", "AUX")
