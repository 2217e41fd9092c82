"""What the stance search knows about one article: names of actors, quotes, speakers.

Built once per article from the other extractors' records (mentions, quotes)
and the case; every part of the search reads it, none writes to it except the
holder cache.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from parley.case import name_key
from parley.extract.stances.issues import IssueIndex
from parley.extract.stances.lexicon import Lexicon
from parley.extract.stances.rules import CaseRules, normalise
from parley.extract.stances.turns import turns

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from parley.case import Case
    from parley.extract.records import Mention, Quote


@dataclass(frozen=True, slots=True)
class Holder:
    """Who holds a stance: an actor id, the words naming it, and whether a pronoun did.

    `quoted` marks a holder taken from a quote's speaker ("we" in an actor's quote).
    """

    actor: str
    start: int
    end: int
    pronoun: bool = False
    quoted: bool = False


@dataclass
class Context:
    """Per-article indexes for the stance search."""

    doc: Doc
    case: Case
    lex: Lexicon
    rules: CaseRules
    issues: IssueIndex
    actors: dict[int, str] = field(default_factory=dict)
    persons: set[int] = field(default_factory=set)
    quotes: list[tuple[int, int, str | None]] = field(default_factory=list)
    speakers: list[tuple[int, int, str | None, str | None]] = field(default_factory=list)
    holders: dict[int, Holder | str | None] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    groups: dict[int, list[Holder]] = field(default_factory=dict)  # "both sides": the others
    paragraphs: Any = None  # numpy array: the paragraph number of every token
    datelines: set[int] = field(default_factory=set)  # "DOHA, Sept 15 (Wire) -"
    _text: str | None = None

    @property
    def text(self) -> str:
        """The article's text folded for rule phrases (built only when rules are used)."""
        if self._text is None:
            self._text = normalise(self.doc.text)
        return self._text

    def head(self, tok: Token) -> Token:
        """A word's head, or the word itself when the parser joined two paragraphs (a
        transcript's question and answer, a round-up's header and entry)."""
        head = tok.head
        if self.paragraphs is not None and self.paragraphs[head.i] != self.paragraphs[tok.i]:
            return tok
        return head

    def ancestors(self, tok: Token) -> Iterator[Token]:
        """A word's ancestors within its paragraph."""
        cur = tok
        while (head := self.head(cur)).i != cur.i:
            yield head
            cur = head

    def quote_at(self, tok: Token) -> tuple[bool, str | None]:
        """Whether `tok` is quoted, and the quote's speaker actor."""
        for start, end, actor in self.quotes:
            if start <= tok.idx < end:
                return True, actor
        return False, None


def build_context(
    doc: Doc,
    case: Case,
    lex: Lexicon,
    rules: CaseRules,
    issues: IssueIndex,
    mentions: Sequence[Mention],
    quotes: Sequence[Quote],
    text: str | None = None,
) -> Context:
    """The indexes of one article: actor names by token, other people, quotes and speakers.

    `text` is the text the doc was parsed from (the article's), so that it is not rebuilt."""
    names = case.name_index()
    ctx = Context(doc, case, lex, rules, issues, names=names, demonyms=demonyms(names, lex))
    _index_names(ctx, mentions)
    ctx.paragraphs = _paragraphs(doc)
    raw = text if text is not None else doc.text
    lines = [(start, end, _turn_actor(ctx, raw[a:b], a, b)) for start, end, a, b in turns(raw)]
    ctx.quotes = [(q.start, q.end, _speaker_actor(ctx, q, lines)) for q in quotes] + lines
    ctx.speakers = [
        (q.speaker_start, q.speaker_end, actor, q.speaker)
        for q, (_s, _e, actor) in zip(quotes, ctx.quotes[: len(quotes)], strict=True)
        if q.speaker_start is not None and q.speaker_end is not None
    ]
    return ctx


def demonyms(names: dict[str, str], lex: Lexicon) -> dict[str, str]:
    """Adjectives and plurals of the case's one-word names ("iranian" -> iran), cached."""
    return _demonyms(tuple(sorted(names.items())), lex.demonyms)


@functools.lru_cache(maxsize=8)
def _demonyms(
    names: tuple[tuple[str, str], ...], suffixes: tuple[tuple[str, str], ...]
) -> dict[str, str]:
    found: dict[str, str] = {}
    known = {name for name, _actor in names}
    for name, actor in names:
        if " " in name or len(name) < 4:
            continue
        for old, new in suffixes:
            if name.endswith(old):
                form = name[: len(name) - len(old)] + new
                if form not in known:
                    found.setdefault(form, actor)
    return found


def _index_names(ctx: Context, mentions: Sequence[Mention]) -> None:
    """Token index -> actor id for names of case actors; token indexes of other people."""
    valid = set(ctx.case.actor_ids)
    for ent in ctx.doc.ents:
        if _dateline(ent):
            ctx.datelines |= {tok.i for tok in ent}
            continue
        actor = ent.ent_id_ if ent.ent_id_ in valid else None
        for tok in ent:
            if actor:
                ctx.actors[tok.i] = actor
            elif ent.label_ == "PERSON":
                ctx.persons.add(tok.i)
    for m in mentions:
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        for tok in span or ():
            if tok.i in ctx.datelines:
                continue
            if m.actor:
                ctx.actors.setdefault(tok.i, m.actor)
                ctx.persons.discard(tok.i)
            elif m.label == "PERSON" and tok.i not in ctx.actors:
                ctx.persons.add(tok.i)


def _turn_actor(ctx: Context, name: str, start: int, end: int) -> str | None:
    """The actor a transcript speaker or round-up header names ("MAKOLO", "Name, role")."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    for tok in span or ():
        if tok.i in ctx.actors:
            return ctx.actors[tok.i]
    return ctx.case.actor_for(name.title())


def _paragraphs(doc: Doc) -> Any:
    """The paragraph number of every token: whitespace tokens with a line break divide them."""
    import numpy as np
    from spacy.attrs import IS_SPACE

    spaces = doc.to_array([IS_SPACE]).reshape(-1).astype(bool)
    breaks = np.zeros(len(doc), dtype=bool)
    for i in np.flatnonzero(spaces).tolist():
        breaks[i] = "\n" in doc[i].text
    return np.cumsum(breaks)


def _dateline(ent: Span) -> bool:
    """A place in capitals opening a line ("DOHA, Sept 15 (Wire) -"): where, not who."""
    line_start = ent.start == 0 or "\n" in ent.doc[ent.start - 1].text_with_ws
    return line_start and ent.text.isupper() and len(ent.text) > 2


def _speaker_actor(
    ctx: Context, quote: Quote, lines: list[tuple[int, int, str | None]]
) -> str | None:
    """The actor a quote's speaker names; a quote with no speaker in a transcript turn or a
    round-up entry is its speaker's."""
    from parley.extract.stances.holders import phrase_name

    if quote.speaker is None and quote.speaker_start is None:
        for start, end, actor in lines:
            if start <= quote.start < end:
                return actor
    if quote.speaker_start is not None and quote.speaker_end is not None:
        span = ctx.doc.char_span(quote.speaker_start, quote.speaker_end, "expand")
        for tok in span or ():
            if tok.i in ctx.actors:
                return ctx.actors[tok.i]
        named = phrase_name(ctx, span.root) if span else None  # "China's Foreign Ministry"
        if named is not None:
            return str(named.actor)
    return ctx.names.get(name_key(quote.speaker)) if quote.speaker else None
