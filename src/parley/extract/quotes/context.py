"""One parsed article seen through its quotation marks: which token sits in which quote, which
tokens are speech verbs, and the writer's words around each quote.

Built from token arrays (`Doc.to_array`) so that the whole article is scanned in C; Python
looks only at the tokens of quotes, speech verbs and the sentences around them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import DEP, ENT_IOB, HEAD, IDX, LEMMA, LOWER, POS
from spacy.symbols import AUX, PROPN, VERB, nsubj, nsubjpass

from parley.extract.entities import name_words
from parley.extract.quotes.lexicon import Lexicon
from parley.extract.quotes.marks import MARKS, QuoteSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SENTENCE_END = {".", "!", "?"}
# Tokens looked at on each side of a quote for its sentence: longer than any sentence seen
# in news text; keeps runs of short quoted strings (a JSON blob left in a page) linear.
MAX_WINDOW = 80
# Tokens after a quote that ends its own sentence in which an attribution may still follow
# ("“Is that all?” Lee asked." / "“We won.” said Lee.").
TRAILING_ATTRIBUTION = 4


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
    _in_quote: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    _heads: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    def __post_init__(self) -> None:
        self.text = self.text or self.doc.text  # `Doc.text` joins every token on each access
        self.ents = tuple(self.doc.ents)
        arrays = self.doc.to_array([IDX, LEMMA, POS, LOWER, DEP, ENT_IOB, HEAD])
        in_quote = self._quote_index(arrays[:, 0].astype(np.int64))
        self.in_quote = in_quote.tolist()
        self._in_quote = in_quote
        self._heads = np.arange(len(self.doc)) + arrays[:, 6].astype(np.int64)
        for n in np.unique(in_quote[in_quote >= 0]).tolist():
            where = np.flatnonzero(in_quote == n)
            self._ranges[n] = (int(where[0]), int(where[-1]) + 1)
        self.cue_mask = self._cue_mask(arrays, in_quote).tolist()
        self.cues = [self.doc[i] for i, is_cue in enumerate(self.cue_mask) if is_cue]
        self.untagged_subjects = self._untagged_subjects(arrays, in_quote)

    def _quote_index(self, idx: np.ndarray) -> np.ndarray:
        """Each token's quote, decided by its first character that is not a quotation mark
        (so `.“Putin`, glued by the tokeniser, belongs to the quote)."""
        core = idx.copy()
        for span in self.spans:
            for at in (span.open, span.close):
                t = int(np.searchsorted(idx, at, side="right")) - 1
                if t >= 0 and core[t] == at and at < len(self.text) and self.text[at] in MARKS:
                    core[t] += 1
        if not self.spans:
            return np.full(len(idx), -1, dtype=np.int64)
        starts = np.array([s.start for s in self.spans], dtype=np.int64)
        ends = np.array([s.end for s in self.spans], dtype=np.int64)
        n = np.searchsorted(starts, core, side="right") - 1
        inside = (n >= 0) & (core < ends[np.maximum(n, 0)])
        return np.where(inside, n, -1)

    def _cue_mask(self, arrays: np.ndarray, in_quote: np.ndarray) -> np.ndarray:
        strings = self.doc.vocab.strings
        verbs = np.array([strings.add(w) for w in self.lexicon.speech_verbs], dtype=np.uint64)
        verbal = np.isin(arrays[:, 2], np.array([VERB, AUX], dtype=np.uint64))
        mask = verbal & np.isin(arrays[:, 1], verbs) & (in_quote == -1)
        according = np.flatnonzero((arrays[:, 3] == strings.add("according")) & (in_quote == -1))
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
        """A verb that reports speech only without an object of its own, or with a speech
        noun as object ("Lee continued." and "Lee continued his remarks", not "Lee continued
        the tour")."""
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
        subject = np.isin(arrays[:, 4], np.array([nsubj, nsubjpass], dtype=np.uint64))
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

    def is_mark(self, token: Token) -> bool:
        return bool(token.text) and not token.text.strip(MARKS)

    def is_cue(self, token: Token) -> bool:
        """A speech verb (or "according" of "according to") in the writer's words."""
        return self.cue_mask[token.i]

    def sentence_window(self, n: int) -> tuple[list[Token], list[Token]]:
        """The writer's tokens of quote `n`'s sentence, before and after it.

        The window runs through other quotes that do not end the sentence ("saying a
        “contract” ... and the “process” was “in full force”"). After a quote that ends its
        sentence, a short attribution right after it still counts ("“Why?” Lee asked.").
        """
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
        while 0 <= i < len(doc) and i != stop:
            token = doc[i]
            other = self.in_quote[i]
            if step < 0 and "\n" in token.text_with_ws:
                break
            if other not in (-1, n):
                if not self._sentence_goes_on(self.text, self.spans[other]):
                    break
            elif self._ends_sentence(token) or (token.is_space and "\n" in token.text):
                break
            elif other == -1 and not self.is_mark(token):
                found.append(token)
            if step > 0 and "\n" in token.whitespace_:
                break
            i += step
        return found

    def _ends_sentence(self, token: Token) -> bool:
        """A sentence end, not the dot of an abbreviated title ("said Navy Capt. Ann Lee")."""
        if token.text not in SENTENCE_END:
            return False
        if token.text != "." or token.i == 0:
            return True
        return self.doc[token.i - 1].lower_.rstrip(".") not in name_words()["abbreviations"]

    def _trailing_attribution(self, i: int) -> list[Token]:
        """The writer's sentence after a quote that ended its own, when it is an attribution:
        a speech verb within its first words that reports no clause of its own."""
        frame = self._walk(i, 1, -2)
        head = frame[: TRAILING_ATTRIBUTION + 1]
        for token in head:
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
            after = text[span.close + 1 : span.close + 40].lstrip(MARKS + " ")
            return bool(after) and after[0].islower()
        return True

    def char_before_open(self, n: int) -> str:
        """The last non-space character before quote `n`'s opening mark ("\\n" at the start)."""
        i = self.spans[n].open - 1
        text = self.text
        while i >= 0 and text[i] in " \t":
            i -= 1
        return text[i] if i >= 0 else "\n"
