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
    from spacy.tokens import Doc, Token

    from parley.case import Case
    from parley.extract.records import Mention, Quote


@dataclass(frozen=True, slots=True)
class Holder:
    """Who holds a stance: an actor id, the words naming it, and whether a pronoun did.

    `quoted` marks a holder taken from a quote's speaker ("we" in an actor's quote);
    `document` one taken from the author of a plan that is the subject ("the plan calls
    for X": the actor who put the plan forward).
    """

    actor: str
    start: int
    end: int
    pronoun: bool = False
    quoted: bool = False
    document: bool = False


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

    def actor_of(self, tok: Token) -> str | None:
        """The case actor a word names: a name, alias or person, or an adjective of a name."""
        found = self.actors.get(tok.i) or self.demonyms.get(tok.lower_)
        if found is None and tok.dep_ == "poss" and tok.lower_ in ("its", "their"):
            from parley.extract.stances.holders import name

            named = name(self, tok)  # "its troops": the actor "it" stands for
            found = named.actor if named is not None else None
        return found

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
    raw = text if text is not None else doc.text
    _index_names(ctx, mentions, raw)
    ctx.paragraphs = _paragraphs(doc)
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
    found: dict[str, str] = dict(_known_demonyms(dict(names)))
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


def _known_demonyms(names: dict[str, str]) -> dict[str, str]:
    """Adjectives of states whose usual name the case uses ("American" for an actor named
    "United States"), from the general place list `analysis/data/places.yaml`."""
    from importlib import resources

    import yaml

    resource = resources.files("parley") / "analysis" / "data" / "places.yaml"
    data = yaml.safe_load(resource.read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    for place in data.get("states") or ():  # the state itself, not a body named after it
        actor = names.get(name_key(place.get("name") or ""))
        if actor is not None:
            for demonym in place.get("demonyms") or ():
                found.setdefault(name_key(demonym), actor)
    return found


def _index_names(ctx: Context, mentions: Sequence[Mention], raw: str) -> None:
    """Token index -> actor id for names of case actors; token indexes of other people.

    One read of the doc's entity columns (no entity spans built), then the mentions'
    character offsets mapped to tokens by one binary search. `raw` is the doc's text."""
    import numpy as np
    from spacy.attrs import ENT_ID, ENT_IOB, ENT_TYPE, IDX

    doc = ctx.doc
    strings = doc.vocab.strings
    cols = doc.to_array([ENT_IOB, ENT_ID, ENT_TYPE, IDX])
    starts = cols[:, 3]
    inside = np.flatnonzero((cols[:, 0] == 1) | (cols[:, 0] == 3))
    if len(inside):
        ctx.datelines = _datelines(raw, cols[:, 0], starts)
        ids = {strings.add(a): a for a in ctx.case.actor_ids}
        person = strings.add("PERSON")
        for i, ent_id, ent_type in zip(
            inside.tolist(), cols[inside, 1].tolist(), cols[inside, 2].tolist(), strict=True
        ):
            if i in ctx.datelines:
                continue
            actor = ids.get(ent_id)
            if actor is not None:
                ctx.actors[i] = actor
            elif ent_type == person:
                ctx.persons.add(i)
    if not mentions:
        return
    firsts = np.searchsorted(starts, [m.start for m in mentions], side="right") - 1
    lasts = np.searchsorted(starts, [m.end for m in mentions], side="left")
    for m, first, last in zip(mentions, firsts.tolist(), lasts.tolist(), strict=True):
        for i in range(max(first, 0), last):
            if i in ctx.datelines:
                continue
            if m.actor:
                ctx.actors.setdefault(i, m.actor)
                ctx.persons.discard(i)
            elif m.label == "PERSON" and i not in ctx.actors:
                ctx.persons.add(i)


def _datelines(raw: str, iob: Any, starts: Any) -> set[int]:
    """Tokens of places in capitals opening a line ("DOHA, Sept 15 (Wire) -"): where, not
    who. `iob` and `starts` are the doc's entity-IOB and character-offset columns."""
    import numpy as np

    found: set[int] = set()
    offsets = starts.tolist()
    for start in np.flatnonzero(iob == 3).tolist():
        if start and "\n" not in raw[offsets[start - 1] : offsets[start]]:
            continue
        end = start + 1
        while end < len(iob) and iob[end] == 1:
            end += 1
        last = offsets[end] if end < len(offsets) else len(raw)
        text = raw[offsets[start] : last].rstrip()
        if text.isupper() and len(text) > 2:
            found |= set(range(start, end))
    return found


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
    if quote.speaker:
        return ctx.names.get(name_key(quote.speaker))
    return _described(ctx, quote.speaker_descriptor or "")


def _described(ctx: Context, descriptor: str) -> str | None:
    """The actor an unnamed speaker's description names ("The Europeans", "an Israeli
    official", "a Hamas spokesman"): an actor's name, or an actor's name or adjective
    before a noun of officials."""
    words = descriptor.lower().split()
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    named = ctx.names.get(name_key(" ".join(words))) if words else None
    if named is not None:  # "The Europeans", "the Kremlin"
        return named
    if not words or words[-1].removesuffix("s") not in ctx.lex.official_nouns:
        return None
    for word in words[:-1]:
        found = ctx.demonyms.get(word) or ctx.names.get(name_key(word))
        if found is not None:
            return found
    return None
