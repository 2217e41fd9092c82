"""One parsed article seen through its quotation marks: which token sits in which quote, and
the attribution frames (the writer's words) to the left and right of each quote."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from parley.extract.quotes.lexicon import Lexicon
from parley.extract.quotes.marks import MARKS, QuoteSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SENTENCE_END = {".", "!", "?"}
# Tokens looked at on each side of a quote for its sentence: longer than any sentence seen
# in news text; keeps runs of short quoted strings (a JSON blob left in a page) linear.
MAX_WINDOW = 80


@dataclass
class QuoteDoc:
    """A Doc, its paired quote spans, and the per-token quote index (-1: the writer's words)."""

    doc: Doc
    spans: list[QuoteSpan]
    lexicon: Lexicon
    text: str = ""
    in_quote: list[int] = field(default_factory=list)
    members: dict[int, list[Token]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.text = self.doc.text  # `Doc.text` joins every token on each access
        starts = [span.start for span in self.spans]
        self.in_quote = [self._quote_of(token, starts) for token in self.doc]
        for token in self.doc:
            if self.in_quote[token.i] != -1:
                self.members.setdefault(self.in_quote[token.i], []).append(token)

    def _quote_of(self, token: Token, starts: list[int]) -> int:
        core = token.idx + (len(token.text) - len(token.text.lstrip(MARKS)))
        n = bisect.bisect_right(starts, core) - 1
        return n if n >= 0 and core < self.spans[n].end else -1

    def tokens_of(self, n: int) -> list[Token]:
        return self.members.get(n, [])

    def is_mark(self, token: Token) -> bool:
        return bool(token.text) and not token.text.strip(MARKS)

    def is_cue(self, token: Token) -> bool:
        """A speech verb (or "according" of "according to") in the writer's words."""
        if self.in_quote[token.i] != -1:
            return False
        if token.lower_ == "according":
            return any(c.lower_ == "to" for c in token.children)
        return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in self.lexicon.speech_verbs

    def left_frame(self, n: int) -> list[Token]:
        """The writer's tokens before quote `n`, back to a sentence end, paragraph or quote."""
        first = self.tokens_of(n)
        frame: list[Token] = []
        i = first[0].i - 1 if first else -1
        while i >= 0:
            token = self.doc[i]
            if self.in_quote[i] != -1 or "\n" in token.text_with_ws:
                break
            if token.text in SENTENCE_END:
                break
            if not self.is_mark(token):
                frame.append(token)
            i -= 1
        return frame[::-1]

    def right_frame(self, n: int) -> list[Token]:
        """The writer's tokens after quote `n` to the sentence end, when its sentence goes on."""
        span = self.spans[n]
        text = self.text
        last = self.tokens_of(n)
        if not last or span.continued or "\n" in last[-1].whitespace_:
            return []
        if not self._sentence_goes_on(text, span):
            return []
        frame: list[Token] = []
        for i in range(last[-1].i + 1, len(self.doc)):
            token = self.doc[i]
            if self.in_quote[i] != -1:
                break
            if token.text in SENTENCE_END or (token.is_space and "\n" in token.text):
                break
            if not self.is_mark(token):
                frame.append(token)
            if "\n" in token.whitespace_:
                break
        return frame

    def sentence_window(self, n: int) -> tuple[list[Token], list[Token]]:
        """The writer's tokens of quote `n`'s sentence, before and after it.

        Unlike the frames, the window runs through other quotes that do not end the
        sentence ("saying a “contract” ... and the “process” was “in full force”").
        """
        tokens = self.tokens_of(n)
        if not tokens:
            return [], []
        before = self._walk(tokens[0].i - 1, -1, n)
        after = [] if not self.right_frame_allowed(n) else self._walk(tokens[-1].i + 1, 1, n)
        return before[::-1], after

    def _walk(self, i: int, step: int, n: int) -> list[Token]:
        found: list[Token] = []
        stop = i + step * MAX_WINDOW
        while 0 <= i < len(self.doc) and i != stop:
            token = self.doc[i]
            other = self.in_quote[i]
            if step < 0 and "\n" in token.text_with_ws:
                break
            if other not in (-1, n):
                if not self._sentence_goes_on(self.text, self.spans[other]):
                    break
            elif token.text in SENTENCE_END or (token.is_space and "\n" in token.text):
                break
            elif other == -1 and not self.is_mark(token):
                found.append(token)
            if step > 0 and "\n" in token.whitespace_:
                break
            i += step
        return found

    def right_frame_allowed(self, n: int) -> bool:
        span = self.spans[n]
        return not span.continued and self._sentence_goes_on(self.text, span)

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
