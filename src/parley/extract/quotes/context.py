"""One parsed article seen through its quotation marks: which token sits in which quote, which
tokens are speech verbs, and the writer's words around each quote.

Built from token arrays (`Doc.to_array`) so that the whole article is scanned in C; Python
looks only at the tokens of quotes, speech verbs and the sentences around them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import DEP, ENT_IOB, HEAD, IDX, LEMMA, LENGTH, LOWER, POS
from spacy.symbols import AUX, PROPN, VERB, nsubj, nsubjpass

from parley.extract.entities import name_words
from parley.extract.quotes.lexicon import Lexicon, hash_string, hashes, member
from parley.extract.quotes.marks import MARK_CHARS, MARKS, QuoteSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


SENTENCE_END = {".", "!", "?"}
SENTENCE_END_HASHES = hashes(frozenset(SENTENCE_END))
DOT = hash_string(".")
ACCORDING = hash_string("according")
LINE_BREAK = ord("\n")
MARK_CODES = np.array(sorted(ord(c) for c in MARK_CHARS), dtype=np.uint32)
# Tokens looked at on each side of a quote for its sentence: longer than any sentence seen
# in news text; keeps runs of short quoted strings (a JSON blob left in a page) linear.
MAX_WINDOW = 80
# Tokens after a quote that ends its own sentence in which an attribution may still follow
# ("“Is that all?” Lee asked." / "“We won.” said Lee.").
TRAILING_ATTRIBUTION = 4


@functools.cache
def _abbreviations() -> frozenset[str]:
    """Abbreviations as tokens show them, with and without their full stop."""
    words = name_words()["abbreviations"]
    return frozenset(words | {f"{w}." for w in words})


@dataclass
class QuoteDoc:
    """A Doc, its paired quote spans, and per-token facts the extractor reads many times."""

    doc: Doc
    spans: list[QuoteSpan]
    lexicon: Lexicon
    text: str = ""
    in_quote: list[int] = field(default_factory=list)  # quote index per token, -1: the writer's
    cues: list[Token] = field(default_factory=list)  # speech verbs in the writer's words
    cue_mask: list[bool] = field(default_factory=list)
    ents: tuple[Span, ...] = ()
    _ranges: dict[int, tuple[int, int]] = field(default_factory=dict)
    _tokens: dict[int, list[Token]] = field(default_factory=dict)
    _windows: dict[int, tuple[list[Token], list[Token]]] = field(default_factory=dict)
    _in_quote: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    _heads: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    def __post_init__(self) -> None:
        self.text = self.text or self.doc.text  # `Doc.text` joins every token on each access
        self.ents = tuple(self.doc.ents)
        arrays = self.doc.to_array([IDX, LEMMA, POS, LOWER, DEP, ENT_IOB, HEAD, LENGTH])
        in_quote = self._quote_index(arrays[:, 0].astype(np.int64))
        self.in_quote = in_quote.tolist()
        self._token_facts(arrays)
        self._lemmas = arrays[:, 1]
        self._idx = arrays[:, 0].astype(np.int64)
        self._in_quote = in_quote
        self._heads = np.arange(len(self.doc)) + arrays[:, 6].astype(np.int64)
        for n in np.unique(in_quote[in_quote >= 0]).tolist():
            where = np.flatnonzero(in_quote == n)
            self._ranges[n] = (int(where[0]), int(where[-1]) + 1)
        self.cue_mask = self._cue_mask(arrays, in_quote).tolist()
        self.cues = [self.doc[i] for i, is_cue in enumerate(self.cue_mask) if is_cue]
        self.untagged_subjects = self._untagged_subjects(arrays, in_quote)

    def _token_facts(self, arrays: np.ndarray) -> None:
        """Per token, from the arrays: a line break inside it (a space token) or after it,
        a sentence end (not the dot of "Capt."), a quotation mark."""
        idx = arrays[:, 0].astype(np.int64)
        ends = idx + arrays[:, 7].astype(np.int64)
        following = np.append(idx[1:], len(self.text))
        chars = np.frombuffer(self.text.encode("utf-32-le"), dtype=np.uint32)
        breaks = np.flatnonzero(chars == LINE_BREAK)
        at, inside, after = (np.searchsorted(breaks, x) for x in (idx, ends, following))
        self._break_in = (inside > at).tolist()
        self._break_after = (after > inside).tolist()
        lower = arrays[:, 3]
        ends_sentence = member(lower, SENTENCE_END_HASHES)
        dots = np.flatnonzero(lower[1:] == DOT) + 1
        ends_sentence[dots] &= ~member(lower[dots - 1], hashes(_abbreviations()))
        self._sentence_end = ends_sentence.tolist()
        first = chars[np.minimum(idx, len(chars) - 1)] if len(chars) else idx
        self._marks = set(np.flatnonzero(np.isin(first, MARK_CODES)).tolist())

    def _quote_index(self, idx: np.ndarray) -> np.ndarray:
        """Each token's quote, decided by its first character that is not a quotation mark
        (so `.“Putin`, glued by the tokeniser, belongs to the quote)."""
        if not self.spans:
            return np.full(len(idx), -1, dtype=np.int64)
        core = idx.copy()
        text = self.text
        marks = [(s.open, s.start) for s in self.spans] + [(s.close, s.after) for s in self.spans]
        at = np.array([m for m, _ in marks], dtype=np.int64)
        glued = np.searchsorted(idx, at, side="right") - 1
        for t, (mark, end) in zip(glued.tolist(), marks, strict=True):
            if t >= 0 and idx[t] == mark and mark < len(text) and text[mark] in MARK_CHARS:
                core[t] += max(1, len(text[mark:end]) - len(text[mark:end].lstrip(MARK_CHARS)))
        starts = np.array([s.start for s in self.spans], dtype=np.int64)
        ends = np.array([s.end for s in self.spans], dtype=np.int64)
        n = np.searchsorted(starts, core, side="right") - 1
        inside = (n >= 0) & (core < ends[np.maximum(n, 0)])
        return np.where(inside, n, -1)

    def _cue_mask(self, arrays: np.ndarray, in_quote: np.ndarray) -> np.ndarray:
        lexicon = self.lexicon
        verbs = hashes(lexicon.speech_verbs)
        phrasal = hashes(frozenset(lexicon.phrasal_speech_verbs))
        verbal = ((arrays[:, 2] == VERB) | (arrays[:, 2] == AUX)) & (in_quote == -1)
        mask = verbal & member(arrays[:, 1], verbs)
        for i in np.flatnonzero(verbal & member(arrays[:, 1], phrasal)).tolist():
            token = self.doc[i]
            particles = lexicon.phrasal_speech_verbs[token.lemma_.lower()]
            mask[i] = any(c.lower_ in particles and c.i > i for c in token.children)
        according = np.flatnonzero((arrays[:, 3] == ACCORDING) & (in_quote == -1))
        for i in according.tolist():
            mask[i] = any(c.lower_ == "to" for c in self.doc[i].children)
        for i in np.flatnonzero(mask).tolist():
            mask[i] = self._speech_use(self.doc[i]) and not self._headline_word(self.doc[i])
        return mask

    def _headline_word(self, token: Token) -> bool:
        """A capitalised verb inside a sentence: a title-case headline ("Lee Says Talks
        Failed"), whose parse is not to be trusted."""
        if not token.text[:1].isupper() or token.i == 0:
            return False
        before = self.doc[token.i - 1]
        return not (before.is_punct or before.is_space or "\n" in before.whitespace_)

    def _speech_use(self, token: Token) -> bool:
        """A verb that reports speech, not a participle naming something ("a group called
        ..."); of the intransitive ones only without an object of its own, or with a speech
        noun as object ("Lee continued." and "Lee continued his remarks", not "Lee continued
        the tour")."""
        if token.dep_ == "acl" and token.tag_ == "VBN" and token.head.i == token.i - 1:
            return any(c.dep_ == "agent" for c in token.children)  # "a group called ..."
        if token.lemma_.lower() not in self.lexicon.intransitive_verbs:
            return True
        objects = ("dobj", "xcomp", "prep", "attr", "acomp")
        speech = self.lexicon.statement_nouns
        return not any(
            c.dep_ in objects and self.in_quote[c.i] == -1 and c.lemma_.lower() not in speech
            for c in token.children
        )

    def _untagged_subjects(self, arrays: np.ndarray, in_quote: np.ndarray) -> list[Token]:
        """Proper-noun subjects in the writer's words that the model tagged as no entity."""
        subject = (arrays[:, 4] == nsubj) | (arrays[:, 4] == nsubjpass)
        untagged = (arrays[:, 2] == PROPN) & (arrays[:, 5] == 2) & subject & (in_quote == -1)
        return [self.doc[i] for i in np.flatnonzero(untagged).tolist()]

    def tokens_of(self, n: int) -> list[Token]:
        """The tokens of quote `n` (empty when the parse gave it none)."""
        if n not in self._tokens:
            if n not in self._ranges:
                return []
            start, end = self._ranges[n]
            self._tokens[n] = [self.doc[i] for i in range(start, end) if self.in_quote[i] == n]
        return self._tokens[n]

    def roots_of(self, n: int) -> list[Token]:
        """The tokens of quote `n` whose head lies outside it: where the parse attaches the
        quote to the writer's sentence."""
        if n not in self._ranges:
            return []
        start, end = self._ranges[n]
        inside = self._in_quote[start:end] == n
        outside = self._in_quote[self._heads[start:end]] != n
        return [self.doc[start + int(i)] for i in np.flatnonzero(inside & outside)]

    def earlier_same_lemma(self, token: Token, chars: int) -> list[Token]:
        """The writer's tokens with the lemma of `token` in the `chars` characters before it,
        nearest first."""
        lo = int(np.searchsorted(self._idx, token.idx - chars))
        same = np.flatnonzero(self._lemmas[lo : token.i] == token.lemma) + lo
        return [self.doc[i] for i in same[::-1].tolist() if self.in_quote[i] == -1]

    def same_paragraph(self, a: Token, b: Token) -> bool:
        """No paragraph break between two tokens."""
        lo, hi = sorted((a.idx, b.idx))
        return "\n" not in self.text[lo:hi]

    def is_mark(self, token: Token) -> bool:
        """A quotation mark token (double, doubled or single; not a possessive apostrophe)."""
        if token.i not in self._marks:
            return False
        text = token.text
        if text.strip(MARK_CHARS):
            return False
        return not text.strip(MARKS) or token.pos_ == "PUNCT"

    def is_cue(self, token: Token) -> bool:
        """A speech verb (or "according" of "according to") in the writer's words."""
        return self.cue_mask[token.i]

    def sentence_window(self, n: int) -> tuple[list[Token], list[Token]]:
        """The writer's tokens of quote `n`'s sentence, before and after it (cached).

        The window runs through other quotes that do not end the sentence ("saying a
        “contract” ... and the “process” was “in full force”"). After a quote that ends its
        sentence, a short attribution right after it still counts ("“Why?” Lee asked.").
        """
        if n not in self._windows:
            self._windows[n] = self._sentence_window(n)
        return self._windows[n]

    def _sentence_window(self, n: int) -> tuple[list[Token], list[Token]]:
        tokens = self.tokens_of(n)
        if not tokens:
            return [], []
        before = self._walk(tokens[0].i - 1, -1, n)
        span = self.spans[n]
        if span.continued or "\n" in tokens[-1].whitespace_:
            return before[::-1], []
        if self._sentence_goes_on(self.text, span):
            return before[::-1], self._walk(tokens[-1].i + 1, 1, n)
        return before[::-1], self._trailing_attribution(tokens[-1].i + 1)

    def right_frame_allowed(self, n: int) -> bool:
        span = self.spans[n]
        return not span.continued and self._sentence_goes_on(self.text, span)

    def _walk(self, i: int, step: int, n: int) -> list[Token]:
        found: list[Token] = []
        stop = i + step * MAX_WINDOW
        doc = self.doc
        in_quote, break_in, break_after = self.in_quote, self._break_in, self._break_after
        while 0 <= i < len(doc) and i != stop:
            other = in_quote[i]
            if step < 0 and (break_in[i] or break_after[i]):
                break
            if other not in (-1, n):
                if not self._sentence_goes_on(self.text, self.spans[other]):
                    break
            elif self._sentence_end[i] or break_in[i]:
                break
            elif other == -1 and not (i in self._marks and self.is_mark(doc[i])):
                found.append(doc[i])
            if step > 0 and break_after[i]:
                break
            i += step
        return found

    def ends_sentence(self, token: Token) -> bool:
        """A sentence end, not the dot of an abbreviated title ("said Navy Capt. Ann Lee")."""
        return self._sentence_end[token.i]

    def _trailing_attribution(self, i: int) -> list[Token]:
        """The writer's sentence after a quote that ended its own, when it is an attribution:
        a speech verb within its first words that reports no clause of its own."""
        frame = self._walk(i, 1, -2)
        head = frame[: TRAILING_ATTRIBUTION + 1]
        for token in head:
            if token.text in (",", ";", ":"):
                return []  # "Later, Lee claimed ...": a sentence of its own
            subordinate = token.dep_ in ("advcl", "acl", "relcl", "xcomp", "pcomp")
            reports = any(
                c.dep_ == "ccomp" and c.i > token.i and self.in_quote[c.i] == -1
                for c in token.children
            )
            if self.is_cue(token) and not subordinate and not reports:
                return frame
        return []

    @staticmethod
    def _sentence_goes_on(text: str, span: QuoteSpan) -> bool:
        inner_end = text[span.start : span.end].rstrip().rstrip("’'")[-1:]
        if inner_end == ".":
            return False
        if inner_end in ("?", "!"):
            after = text[span.after : span.after + 40].lstrip(MARK_CHARS + " ")
            return bool(after) and after[0].islower()
        return True

    def char_before_open(self, n: int) -> str:
        """The last non-space character before quote `n`'s opening mark ("\\n" at the start)."""
        i = self.spans[n].open - 1
        text = self.text
        while i >= 0 and text[i] in " \t":
            i -= 1
        return text[i] if i >= 0 else "\n"
