"""Pair quotation marks into quoted spans, paragraph by paragraph.

Works on characters only, before any token is looked at, so that a text whose
tokeniser glued a mark to a word ("said.“Putin") pairs the same as a clean one.

The cascade, per paragraph (a run of text between newlines):

1. every double mark gets a role from its glyph and its neighbours: `“ „ «`
   and a grave pair (`` `` ``) open, `” »` close, a straight `"` or a doubled
   apostrophe (`''`, the typewriter style of some archives) opens after a space
   and closes before one; a curly mark whose neighbours say the opposite of its
   glyph follows the neighbours (some sites type `”` for both); invisible
   format characters count as spaces;
2. marks are paired left to right: an opener while a quote is open means the
   earlier opener was stray (dropped); a closer with nothing open is stray
   (dropped); an undecided mark closes an open quote or opens a new one;
3. a mark with spaces on both sides quotes nothing and is skipped, except that
   it closes an open quote right after the quote's last punctuation (`, "`)
   and opens one before an ellipsis (`“ … we will`);
4. an opener still open at the end of a paragraph continues the quote when the
   paragraph ends a sentence and the next paragraph opens with a mark (the
   multi-paragraph convention); otherwise it is a stray mark and is dropped;
5. outside the double-quoted spans, single marks pair when they stand at word
   edges (`‘...’`, `'...'`: British style and headlines): an opener after a
   space or bracket and before a letter, a closer after a word or its final
   punctuation and before a space or punctuation. An apostrophe inside a word
   ("it’s", "rock 'n' roll" aside) is never a mark, and a single mark before
   a digit is an elided year ("the ’90s").
"""

from __future__ import annotations

import bisect
import logging
import re
import unicodedata
from dataclasses import dataclass, replace
from typing import Literal

LOGGER = logging.getLogger(__name__)

OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = '"'
MARKS = OPENING + CLOSING + STRAIGHT
DOUBLED = "''"
GRAVES = "``"
# Every character a quotation mark is made of, double or single.
MARK_CHARS = MARKS + "'`‘’"
MARK = re.compile(f"{DOUBLED}|{GRAVES}|[{MARKS}]")
PARAGRAPH = re.compile(r"[^\n]+")
# Characters after which a mark opens, and before which it closes.
OPEN_BEFORE = "([{—–-/"
CLOSE_AFTER = ",.;:!?)]}—–-"
# Single marks: an opener stands after one of these (or a space) and before a letter; a
# closer after a word or its end punctuation and before a space or one of these.
SINGLE_OPEN_BEFORE = "([{—–-/:"
SINGLE_CLOSE_BEFORE = ",.;:!?)]}—–-"
SINGLE = re.compile("[‘’']")
# A single mark before a letter: it opens a quote unless a word or mark stands before it.
SINGLE_BEFORE_LETTER = re.compile(r"[‘'](?=[^\W\d_])")
# Single-quoted spans longer than this are unlikely: a stray apostrophe paired with a
# distant one.
MAX_SINGLE_CHARS = 300

Role = Literal["open", "close", "either"]


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Marks paired in the text: `open` and `close` index the first character of each mark,
    `after` the character after the closing mark.

    `close` (and `after`) is the paragraph end (no mark there) when `continued` is true.
    `start`/`end` cover the quoted words, trimmed of spaces and a trailing comma. `single`:
    paired single marks.
    """

    open: int
    close: int
    start: int
    end: int
    after: int
    continued: bool = False
    single: bool = False


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """All quoted spans of `text`, in order; stray marks are skipped, never fatal."""
    spans: list[QuoteSpan] = []
    paragraphs = _paragraphs(text)
    openers = _single_openers(text)
    marks = sorted([m.start() for m in MARK.finditer(text)] + openers)
    for n, (p_start, p_end) in enumerate(paragraphs):
        at = bisect.bisect_left(marks, p_start)
        if at == len(marks) or marks[at] >= p_end:
            continue  # no mark in this paragraph
        following = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
        doubles = _pair_paragraph(text, p_start, p_end, following)
        spans += _with_singles(text, p_start, p_end, doubles, openers)
    return spans


def _single_openers(text: str) -> list[int]:
    """Where a single mark may open a quote: before a letter, after no word or mark."""
    found = []
    for match in SINGLE_BEFORE_LETTER.finditer(text):
        i = match.start()
        if i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_‘’'"):
            found.append(i)
    return found


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in PARAGRAPH.finditer(text)]


def _opens_paragraph(text: str, paragraph: tuple[int, int]) -> bool:
    stripped = _lstrip_format(text[paragraph[0] : paragraph[1]])
    return bool(stripped) and (stripped[0] in OPENING + STRAIGHT or stripped.startswith(DOUBLED))


def _lstrip_format(text: str) -> str:
    i = 0
    while i < len(text) and _blank(text[i]):
        i += 1
    return text[i:]


def _blank(char: str) -> bool:
    """A space, or an invisible format character (a direction mark) typed before a mark."""
    return char.isspace() or (char > "\u2000" and unicodedata.category(char) == "Cf")


def mark_role(text: str, i: int, p_start: int, p_end: int, length: int = 1) -> Role:
    """Whether the mark at `i` (of `length` characters) opens, closes, or cannot tell from
    its neighbours."""
    before = text[i - 1] if i > p_start else " "
    after = text[i + length] if i + length < p_end else " "
    opens = _blank(before) or before in OPEN_BEFORE or before in OPENING
    closes = _blank(after) or after in CLOSE_AFTER or after in CLOSING
    by_context: Role = "either"
    if opens and not closes:
        by_context = "open"
    elif closes and not opens:
        by_context = "close"
    char = text[i : i + length]
    if char == GRAVES:
        return "open"
    if char in OPENING:
        return "close" if by_context == "close" and not after.isalnum() else "open"
    if char in CLOSING:
        return "open" if by_context == "open" else "close"
    return by_context


def _pair_paragraph(
    text: str, p_start: int, p_end: int, following: tuple[int, int] | None
) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    open_len = 1
    for mark in MARK.finditer(text, p_start, p_end):
        i, length = mark.start(), len(mark.group())
        if _isolated(text, i, length, p_start, p_end):
            role = _isolated_role(text, i, length, p_start, p_end, open_at is not None)
            if role is None:
                LOGGER.debug("isolated mark at %d skipped", i)
                continue
        else:
            role = mark_role(text, i, p_start, p_end, length)
        if role == "open" or (role == "either" and open_at is None):
            if open_at is not None:
                LOGGER.debug("stray opening mark at %d (another opens at %d)", open_at, i)
            open_at, open_len = i, length
        elif open_at is not None:
            spans.extend(_span(text, open_at, open_len, i, i + length))
            open_at = None
        else:
            LOGGER.debug("stray closing mark at %d", i)
    if open_at is not None:
        next_opens = following is not None and _opens_paragraph(text, following)
        if next_opens and text[open_at:p_end].rstrip().rstrip("’'")[-1:] in ".!?:":
            spans.extend(_span(text, open_at, open_len, p_end, p_end, continued=True))
        else:
            LOGGER.debug("unclosed mark at %d dropped", open_at)
    return spans


def _isolated(text: str, i: int, length: int, p_start: int, p_end: int) -> bool:
    """A mark with spaces on both sides."""
    before = text[i - 1] if i > p_start else " "
    after = text[i + length] if i + length < p_end else " "
    return _blank(before) and _blank(after)


def _isolated_role(
    text: str, i: int, length: int, p_start: int, p_end: int, is_open: bool
) -> Role | None:
    """An isolated mark closes an open quote right after the quote's final punctuation
    (`we lost, "`) and opens one before an ellipsis (`“ … we`); otherwise it quotes nothing."""
    if is_open and text[p_start:i].rstrip()[-1:] in ",.!?'’":
        return "close"
    if not is_open and text[i + length : p_end].lstrip()[:1] in ("…", "."):
        return "open"
    return None


def _span(
    text: str, open_at: int, open_len: int, close_at: int, after: int, continued: bool = False
) -> list[QuoteSpan]:
    start, end = open_at + open_len, close_at
    while start < end and (_blank(text[start]) or text[start] == "…"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    if not any(c.isalnum() for c in text[start:end]):
        return []
    return [QuoteSpan(open_at, close_at, start, end, after, continued)]


# -- single marks ---------------------------------------------------------------------------


def _with_singles(
    text: str, p_start: int, p_end: int, doubles: list[QuoteSpan], openers: list[int]
) -> list[QuoteSpan]:
    """The paragraph's double-quoted spans and, between them, its single-quoted ones (only
    where one of `openers` lies)."""
    spans: list[QuoteSpan] = []
    lo = p_start
    for span in [*doubles, None]:
        hi = p_end if span is None else span.open
        first = bisect.bisect_left(openers, lo)
        if first < len(openers) and openers[first] < hi:
            spans += _pair_singles(text, lo, hi)
        if span is not None:
            spans.append(span)
            lo = span.after
    return spans


def _pair_singles(text: str, lo: int, hi: int) -> list[QuoteSpan]:
    """Single-quoted spans in text[lo:hi] (no double marks inside)."""
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    for mark in SINGLE.finditer(text, lo, hi):
        i = mark.start()
        if open_at is not None and _single_closes(text, i, hi):
            if i - open_at <= MAX_SINGLE_CHARS:
                spans += [replace(s, single=True) for s in _span(text, open_at, 1, i, i + 1)]
            open_at = None
        elif _single_opens(text, i, lo):
            open_at = i
    return spans


def _single_opens(text: str, i: int, lo: int) -> bool:
    if text[i] == "’":
        return False
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (_blank(before) or before in SINGLE_OPEN_BEFORE) and after.isalpha()


def _single_closes(text: str, i: int, hi: int) -> bool:
    if text[i] == "‘":
        return False
    before = text[i - 1]
    after = text[i + 1] if i + 1 < hi else " "
    word_end = before.isalnum() or before in ".,!?"
    return word_end and (_blank(after) or after in SINGLE_CLOSE_BEFORE)
