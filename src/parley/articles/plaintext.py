"""Clean a plain-text capture: recover title, outlet, byline, date and tags; drop page chrome.

The result's `text` is the article body as paragraphs separated by blank lines;
every span the later stages record points into it.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, replace

from parley.articles.authors import NAME, parse_byline, parse_contact_line
from parley.articles.chrome import ChromeRules, load_rules
from parley.articles.dates import find_date
from parley.articles.model import Tag
from parley.articles.raw import Metadata
from parley.articles.tags import split_tag_blob

# How far into the text header lines (bylines, datelines, credits) are looked for,
# and how far from the end contact lines; set from the seed captures and small fixtures.
HEADER_PARAGRAPHS = 8
FOOTER_PARAGRAPHS = 3
TITLE_MAX_WORDS = 25
OUTLET_MAX_WORDS = 8

# Where header fragments were glued: a lower-case letter or digit directly followed by a
# capital, or a " | " separator.
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|\s+\|\s+")
# A sentence end directly followed by the next sentence, with no space between them.
# (The cut goes after the punctuation and any closing quote: "end.”|Next", "end”.|Next".)
_GLUE = re.compile(r"[.!?](?<=[a-z0-9%)”’\"][.!?])[”’\"]?(?=[A-Z“‘]|'[A-Z])")
# A bare name or place glued to what follows it ("Ann LeeLisbon..."): only chrome is glued so.
_GLUED_NAME = re.compile(rf"(?:{NAME})")
_GLUED_PLACE = re.compile(r"[A-Z][a-z’'\-]+(?: [A-Z][a-z’'\-]+){0,2}")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


@dataclass(frozen=True, slots=True)
class Cleaned:
    """A cleaned body and what the text itself said about the article."""

    text: str
    meta: Metadata
    tags: tuple[Tag, ...] = ()


def clean_text(
    raw: str, known_title: str | None = None, known_outlet: str | None = None
) -> Cleaned:
    """Clean a plain-text capture.

    Steps: split off a trailing tag blob; split into paragraphs; take repeated
    outlet lines (or lines naming `known_outlet`) and the title from the top (or
    drop `known_title` there); take bylines, datelines and chrome from the header,
    unglueing fragments; split glued sentences; drop glued recirculation teasers;
    cut at tail markers (comment forms); drop chrome paragraphs; take contact
    lines and link lists from the end; drop paragraphs with no closing punctuation
    (captions, decks, subheadings).
    """
    rules = load_rules()
    body, tags = split_tag_blob(raw)
    paragraphs = _drop_captions_after_credits(rules, _paragraphs(body))
    meta = Metadata()
    meta, paragraphs = _take_outlet(meta, paragraphs)
    if known_outlet:
        paragraphs = _drop_outlet_lines(paragraphs, known_outlet)
    paragraphs = _drop_leading_chrome(rules, paragraphs)
    meta, paragraphs = _take_title(meta, paragraphs, known_title)
    meta, paragraphs = _take_header(rules, meta, paragraphs)
    paragraphs = [piece for p in paragraphs for piece in split_glued(p)]
    paragraphs = [rest for p in paragraphs if (rest := rules.strip_inline_teaser(p))]
    paragraphs = _cut_at_tail_marker(rules, paragraphs)
    paragraphs = [p for p in paragraphs if not rules.chrome_rule(p)]
    meta, paragraphs = _take_footer(rules, meta, paragraphs)
    if len(paragraphs) > 1:
        paragraphs = [p for p in paragraphs if not rules.is_unpunctuated(p)]
    return Cleaned(text="\n\n".join(paragraphs), meta=meta, tags=tags)


def _paragraphs(text: str) -> list[str]:
    """Non-empty lines, whitespace collapsed: each line of a capture is one paragraph."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return [line for line in lines if line]


def _drop_captions_after_credits(rules: ChromeRules, paragraphs: list[str]) -> list[str]:
    """Drop the caption that follows a credit naming only the photographer."""
    kept: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        after_credit = index > 0 and rules.is_credit_only(paragraphs[index - 1])
        if not (after_credit and rules.is_caption(paragraph)):
            kept.append(paragraph)
    return kept


def split_glued(paragraph: str) -> list[str]:
    """Split a paragraph where one sentence runs into the next with no space ("end.”Next")."""
    cuts = [m.end() for m in _GLUE.finditer(paragraph)]
    bounds = [0, *cuts, len(paragraph)]
    return [paragraph[a:b].strip() for a, b in itertools.pairwise(bounds) if a < b]


def _same(a: str, b: str) -> bool:
    return a.casefold().strip(" #") == b.casefold().strip(" #")


def _take_outlet(meta: Metadata, paragraphs: list[str]) -> tuple[Metadata, list[str]]:
    """A short line repeated at the very top is the outlet's name (site chrome)."""
    if len(paragraphs) < 2 or len(paragraphs[0].split()) > OUTLET_MAX_WORDS:
        return meta, paragraphs
    first = paragraphs[0]
    if not _same(first, paragraphs[1]):
        return meta, paragraphs
    rest = paragraphs[1:]
    while rest and _same(rest[0], first):
        rest = rest[1:]
    return replace(meta, outlet=first), rest


def _drop_outlet_lines(paragraphs: list[str], outlet: str) -> list[str]:
    """The outlet's name on a line of its own near the top is site chrome ("MERIDIAN WIRE")."""
    head = [p for p in paragraphs[:HEADER_PARAGRAPHS] if not _same(p, outlet)]
    return head + paragraphs[HEADER_PARAGRAPHS:]


def _drop_leading_chrome(rules: ChromeRules, paragraphs: list[str]) -> list[str]:
    start = 0
    while start < len(paragraphs) and rules.chrome_rule(paragraphs[start]):
        start += 1
    return paragraphs[start:]


def _looks_like_title(text: str) -> bool:
    words = len(text.split())
    return 0 < words <= TITLE_MAX_WORDS and len(text) <= 250 and text[-1] not in ".,;:"


def _take_title(
    meta: Metadata, paragraphs: list[str], known_title: str | None
) -> tuple[Metadata, list[str]]:
    """Take the first line as the title (a leading "# " stripped) and drop its repeats nearby."""
    if not paragraphs:
        return meta, paragraphs
    first = re.sub(r"^#+\s*", "", paragraphs[0])
    title = known_title
    if known_title is None and len(paragraphs) > 1 and _looks_like_title(first):
        title = first
        meta = replace(meta, title=first)
    if title is None:
        return meta, paragraphs
    head = [p for p in paragraphs[:HEADER_PARAGRAPHS] if not _same(p, title)]
    return meta, head + paragraphs[HEADER_PARAGRAPHS:]


def _take_header(
    rules: ChromeRules, meta: Metadata, paragraphs: list[str]
) -> tuple[Metadata, list[str]]:
    """Take bylines, datelines and chrome from the first paragraphs, unglueing fragments."""
    kept: list[str] = []
    for paragraph in paragraphs[:HEADER_PARAGRAPHS]:
        meta, rest = _consume_header(rules, meta, paragraph)
        rest = rules.strip_dateline(rest)
        if rest:
            kept.append(rest)
    return meta, kept + paragraphs[HEADER_PARAGRAPHS:]


def _consume_header(rules: ChromeRules, meta: Metadata, paragraph: str) -> tuple[Metadata, str]:
    """Eat header fragments from the start of `paragraph`; return what is left of it."""
    rest = paragraph
    after_byline = False
    while rest:
        found = _header_fragment(rules, rest, after_byline)
        if found is None:
            break
        end, fragment_meta = found
        after_byline = bool(fragment_meta.authors)
        meta = meta.over(fragment_meta) if not meta.authors else fragment_meta.over(meta)
        rest = rest[end:].strip().lstrip("|").strip()
    return meta, rest


def _header_fragment(
    rules: ChromeRules, text: str, after_byline: bool = False
) -> tuple[int, Metadata] | None:
    """The shortest header fragment (byline, dateline, chrome) `text` starts with, and its data.

    A fragment glued to a capital ("Ann LeeLisbonTalks resumed") may be a bare name
    (a byline with no "By") and, right after one, a place.
    """
    cuts = [m.start() for m in _CAMEL.finditer(text[:300])]
    if rules.time_zone_glue is not None:
        cuts = sorted(cuts + [m.end() for m in rules.time_zone_glue.finditer(text[:300])])
    ends = [*cuts[:12], len(text)]
    for end in ends:
        piece = text[:end].strip()
        meta = _classify_header(rules, piece, glued=end < len(text), after_byline=after_byline)
        if meta is not None:
            return end, meta
    return None


def _classify_header(
    rules: ChromeRules, piece: str, glued: bool = False, after_byline: bool = False
) -> Metadata | None:
    """What a header fragment tells (possibly nothing), or `None` when it is not one."""
    if rules.chrome_rule(piece):
        return Metadata()
    if rules.is_dateline(piece):
        return Metadata(published=find_date(piece))
    authors = parse_byline(piece, rules.byline_prefixes)
    if authors:
        return Metadata(authors=authors)
    if glued and _GLUED_NAME.fullmatch(piece):
        return Metadata(authors=(piece,))
    if glued and after_byline and _GLUED_PLACE.fullmatch(piece):
        return Metadata()
    return None


def _cut_at_tail_marker(rules: ChromeRules, paragraphs: list[str]) -> list[str]:
    """Drop a comment form or discussion block and everything after it."""
    for index, paragraph in enumerate(paragraphs[1:], start=1):
        if rules.is_tail_marker(paragraph):
            return paragraphs[:index]
    return paragraphs


def _take_footer(
    rules: ChromeRules, meta: Metadata, paragraphs: list[str]
) -> tuple[Metadata, list[str]]:
    """Take contact lines (authors) and trailing link lists with their lead-in off the end."""
    paragraphs = _drop_link_list(rules, paragraphs)
    start = max(0, len(paragraphs) - FOOTER_PARAGRAPHS)
    kept = paragraphs[:start]
    for paragraph in paragraphs[start:]:
        authors = parse_contact_line(paragraph, rules.contact_prefixes)
        if authors is None:
            kept.append(paragraph)
        elif not meta.authors:
            meta = replace(meta, authors=authors)
    return meta, kept


def _drop_link_list(rules: ChromeRules, paragraphs: list[str]) -> list[str]:
    end = len(paragraphs)
    while end > 0 and rules.is_link_list_item(paragraphs[end - 1]):
        end -= 1
    if end < len(paragraphs) and end > 0 and paragraphs[end - 1].endswith(":"):
        end -= 1
    return paragraphs[:end]
