"""Entity mentions: people, organisations and places named in one article.

`extract_mentions` turns the pipeline's `doc.ents` into `Mention` records. The
cascade, one small function per step:

1. keep the name labels (PERSON, ORG, GPE, LOC, FAC, NORP) and clean each span:
   leading titles and articles, trailing possessives and punctuation go;
   fragments glued to page chrome ("RecommendedMartin") are dropped;
2. repair the model's usual mistakes: nationality adjectives tagged as places
   become NORP, all-caps datelines ("WASHINGTON—") become GPE, a surname the
   model tagged as an organisation becomes the person it names;
3. give every mention its `key`, the fullest form of the name in the article
   ("Putin" -> "Vladimir Putin"), and one label per key;
4. find role descriptors: title pre-modifiers ("State Department spokeswoman
   Tammy Bruce") and appositions ("Fiona Hill, a former senior director ...");
5. link mentions to case actors: the case-entity component's `ent_id_`, then
   the case's names, then surname spelling variants and nationality adjectives.

NORP mentions ("Russian", "Ukrainian") are returned because they tie events to
actors; corpus-wide entity merging leaves them out.
"""

from __future__ import annotations

import functools
import logging
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

import numpy as np
import yaml
from spacy.attrs import ORTH, POS
from spacy.symbols import PROPN as PROPN_POS

from parley.case import name_index_of, name_key
from parley.extract.records import Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from parley.articles.model import Article
    from parley.case import Actor, Case

LOGGER = logging.getLogger(__name__)

NAME_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")
PERSON = "PERSON"
# Labels the model gives a lone surname of someone named in full elsewhere in the article
# ("Orlova" tagged FAC); places are left alone ("Washington", "Jordan").
MISLABELLED_PEOPLE = ("ORG", "FAC", "LOC")
# Dependency relations of the words before a name that describe its bearer.
PREMODIFIER_DEPS = {"compound", "amod", "nmod", "poss", "case", "punct", "npadvmod", "nummod"}
POSSESSIVE_ENDINGS = ("’s", "'s", "’", "'")
# A descriptor longer than this is a parse gone wrong, not a role.
MAX_DESCRIPTOR_CHARS = 160
# "RecommendedMartin": a capital after at least four lower-case letters is page
# chrome glued to a name (real names: "McDonald", "DeSantis", "MacArthur").
GLUED_WORDS = re.compile(r"[a-z]{4,}[A-Z]")
DEMONYM_ENDINGS = ("ian", "ians", "ean", "eans", "ese", "ish", "ic", "i")
DASHES = {"—", "–", "-", "--"}


@dataclass(slots=True)
class _Name:
    """A cleaned entity span while the article's mentions are being resolved."""

    start: int  # first token
    end: int  # token after the last
    start_char: int
    end_char: int
    text: str
    label: str
    hint: str | None  # case actor id set by the pipeline
    title: str = ""  # title words removed from the front of a person's name
    key: str = ""


@functools.cache
def name_words() -> dict[str, frozenset[str]]:
    """Title words and leading articles, from `extract/data/name_words.yaml`."""
    path = resources.files("parley.extract") / "data" / "name_words.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {k: frozenset(str(w).lower() for w in v) for k, v in data.items()}


@functools.cache
def _glued_timestamp() -> re.Pattern[str]:
    words = sorted(name_words()["timestamp_words"], key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"^(?i:{alternatives})(?=[A-Z][a-z])")


def glued_timestamp(text: str) -> int:
    """How many characters of a time stamp are glued to the front of a name ("EDTHamas",
    "p.m.Lee": 3 and 4), or 0."""
    found = _glued_timestamp().match(text)
    return found.end() if found else 0


def extract_mentions(
    doc: Doc, article: Article | None = None, case: Case | None = None
) -> list[Mention]:
    """Person, organisation and place mentions in one parsed article.

    Works from the model alone; with a case (and the pipeline built for it by
    `parley.nlp.load_pipeline(case)`) mentions also carry their actor id.
    """
    names = [n for n in (_clean(doc, ent) for ent in doc.ents) if n is not None]
    _repair_labels(doc, names)
    names = _with_missed_surnames(doc, names)
    _assign_keys(names)
    actors = _actors(names, case)
    return [
        Mention(
            start=n.start_char,
            end=n.end_char,
            text=n.text,
            label=n.label,
            key=n.key,
            actor=actors.get(name_key(n.key)),
            descriptor=descriptor(doc, n) if n.label == PERSON else _apposition(doc, n),
        )
        for n in names
    ]


# 1. Cleaning ------------------------------------------------------------------


def _clean(doc: Doc, ent: Span) -> _Name | None:
    """The entity span without titles, articles, possessives and edge punctuation."""
    label = ent.label_
    if label not in NAME_LABELS:
        return None
    start, end = ent.start, ent.end
    if label == PERSON and end - start > 1:
        # "Trump’s Ukraine" tagged as one person: the name ends at the possessive.
        end = next((t.i for t in ent[:-1] if t.tag_ == "POS" and t.i > start), end)
    while end > start and _is_trailer(doc[end - 1]):
        end -= 1
    while start < end and not _has_letters(doc[start].text):
        start += 1
    title_start = start
    droppable = _droppable(label == PERSON)
    while end - start > 1 and _word(doc[start]) in droppable:
        start += 1
    if start >= end:
        return None
    if label == PERSON and start == title_start:
        start = _given_names_before(doc, start, end)
    span = doc[start:end]
    text = _strip_possessive(span.text)
    glued = glued_timestamp(text)
    text = text[glued:]
    if not _has_letters(text) or GLUED_WORDS.search(text):
        LOGGER.debug("dropping entity %r: no name or page chrome glued to it", ent.text)
        return None
    title = doc[title_start:start].text if label == PERSON else ""
    start_char = span.start_char + glued
    return _Name(
        start=start,
        end=end,
        start_char=start_char,
        end_char=start_char + len(text),
        text=text,
        label=label,
        hint=ent.ent_id_ or None,
        title=title,
    )


@functools.cache
def _droppable(person: bool) -> frozenset[str]:
    """Words dropped from the front of a name: articles, and titles before a person's."""
    articles = name_words()["leading_articles"]
    return articles | name_words()["titles"] if person else articles


def _with_missed_surnames(doc: Doc, names: list[_Name]) -> list[_Name]:
    """Add surnames of people named in full that the model did not tag on their own.

    The small model often misses a bare surname ("Lind said") once the full
    name has been given; those are mentions of the same person.
    """
    surnames: dict[str, _Name] = {}
    for name in names:
        if name.label == PERSON and name.end - name.start > 1:
            surnames.setdefault(doc[name.end - 1].text, name)
    if not surnames:
        return names
    covered = {i for n in names for i in range(n.start, n.end)}
    added = []
    arrays = doc.to_array([ORTH, POS])
    hashes = np.array([doc.vocab.strings.add(s) for s in surnames], dtype=np.uint64)
    found = np.flatnonzero(np.isin(arrays[:, 0], hashes) & (arrays[:, 1] == PROPN_POS))
    for i in found.tolist():
        token = doc[i]
        full = surnames[token.text]
        if token.i in covered:
            continue
        added.append(
            _Name(
                token.i,
                token.i + 1,
                token.idx,
                token.idx + len(token.text),
                token.text,
                PERSON,
                full.hint,
            )
        )
    return sorted([*names, *added], key=lambda n: n.start)


def _given_names_before(doc: Doc, start: int, end: int) -> int:
    """Extend a person span over given names the model left out ("Donald" Trump)."""
    first, root = start, None
    for _ in range(2):
        token = doc[start - 1] if start > 0 else None
        if (
            token is None
            or token.pos_ != "PROPN"
            or token.ent_iob_ != "O"
            or not token.text[:1].isupper()
            or _word(token) in name_words()["titles"]
            or GLUED_WORDS.search(token.text)
        ):
            break
        if not glued_timestamp(token.text):  # "EDTAnn" is misparsed: no dependency check
            if root is None:
                root = doc[first:end].root
            if token.head != root or token.dep_ != "compound":
                break
        start -= 1
    return start


def _is_trailer(token: Token) -> bool:
    return token.tag_ == "POS" or token.text in POSSESSIVE_ENDINGS or not _has_letters(token.text)


def _strip_possessive(text: str) -> str:
    for ending in POSSESSIVE_ENDINGS[:2]:
        if text.endswith(ending) and len(text) > len(ending):
            return text[: -len(ending)]
    return text


def _has_letters(text: str) -> bool:
    if text.isascii():
        return _ASCII_LETTER.search(text) is not None
    return any(c.isalpha() for c in text)


_ASCII_LETTER = re.compile("[A-Za-z]")


def _word(token: Token) -> str:
    return token.text.lower().replace(".", "")


# 2. Repairs -------------------------------------------------------------------


def _repair_labels(doc: Doc, names: list[_Name]) -> None:
    """Fix the model's usual label mistakes in place."""
    for name in names:
        if name.label in ("GPE", "ORG", "LOC") and _is_demonym(doc, name):
            name.label = "NORP"
        elif name.label in ("PERSON", "ORG") and _is_dateline(doc, name):
            name.label = "GPE"
    surnames = {surname_core(name_key(n.text).split()[-1]) for n in names if n.label == PERSON}
    for name in names:
        lone = name.end - name.start == 1 and name.label in MISLABELLED_PEOPLE
        if lone and surname_core(name.text) in surnames:
            name.label = PERSON


def _is_demonym(doc: Doc, name: _Name) -> bool:
    """A one-word nationality adjective ("Ukrainian") tagged as a place."""
    if name.end - name.start != 1 or name.hint:
        return False
    token = doc[name.start]
    return token.tag_ == "JJ" or (
        token.text[:1].isupper() and token.text.lower().endswith(DEMONYM_ENDINGS[:5])
    )


def _is_dateline(doc: Doc, name: _Name) -> bool:
    """An all-caps place opening a story: "WASHINGTON—" or "KYIV, Ukraine -"."""
    if not name.text.isupper() or len(name.text) < 3 or name.end >= len(doc):
        return False
    before = doc[name.start - 1] if name.start > 0 else None
    at_line_start = before is None or (not before.whitespace_ and before.text.endswith("\n"))
    return at_line_start and doc[name.end].text in DASHES | {","}


# 3. Keys ----------------------------------------------------------------------


def _assign_keys(names: Sequence[_Name]) -> None:
    """Give each mention the fullest form of its name in the article, and one label per key."""
    full = [n for n in names if n.label == PERSON and len(n.text.split()) > 1]
    for name in names:
        name.key = name.text
        if name.label == PERSON:
            longer = _fuller_names(name, full)
            if longer:
                name.key = longer.text
    votes: dict[str, Counter[str]] = {}
    for name in names:
        votes.setdefault(name_key(name.key), Counter())[name.label] += 1
    for name in names:
        counts = votes[name_key(name.key)]
        if name.label != PERSON or counts[PERSON] * 2 < sum(counts.values()):
            name.label = counts.most_common(1)[0][0]


def _fuller_names(name: _Name, full: Sequence[_Name]) -> _Name | None:
    """The longest person name in the article that this one shortens, nearest before it first."""
    candidates = [f for f in full if f is not name and shortens(name.text, f.text)]
    if not candidates:
        return None
    longest = max(len(c.text.split()) for c in candidates)
    candidates = [c for c in candidates if len(c.text.split()) == longest]
    before = [c for c in candidates if c.start_char <= name.start_char]
    return before[-1] if before else candidates[0]


def fuller_name(name: str, names: Sequence[str]) -> str | None:
    """The longest of `names` that `name` shortens (the last one given on a tie), or None."""
    candidates = [n for n in names if shortens(name, n)]
    if not candidates:
        return None
    longest = max(len(n.split()) for n in candidates)
    return [n for n in candidates if len(n.split()) == longest][-1]


@functools.lru_cache(maxsize=65536)
def shortens(short: str, full: str) -> bool:
    """ "Putin" shortens "Vladimir Putin", "Zelenskyy" "Volodymyr Zelensky", "Rami" "Khalil
    al-Rami": the same surname (spelling variants and particles allowed), fewer words, and
    every given name of the short form compatible with one of the full form."""
    words, fuller = _name_parts(short), _name_parts(full)
    if not words or len(fuller) <= len(words):
        return False
    return surname_variant(words[-1], fuller[-1]) and all(
        any(given_compatible(w, f) for f in fuller[:-1]) for w in words[:-1]
    )


@functools.lru_cache(maxsize=65536)
def _name_parts(name: str) -> tuple[str, ...]:
    return tuple(without_particles(name_key(name).split()))


def without_particles(words: list[str]) -> list[str]:
    """Name words without particles before the surname ("bin", "de", "van der")."""
    particles = name_words()["particles"]
    kept = [w for w in words[:-1] if w not in particles]
    return [*kept, *words[-1:]]


def surname_core(name: str) -> str:
    """A surname without a particle glued to its front: "al-Rami" -> "rami"."""
    key = name_key(name)
    prefix, dash, rest = key.partition("-")
    return rest if dash and rest and prefix in name_words()["particles"] else key


@functools.lru_cache(maxsize=65536)
def surname_variant(a: str, b: str) -> bool:
    """Whether two surnames are the same name spelt differently ("Zelensky", "Zelenskyy").

    Equal after normalisation (a particle glued to the front ignored: "al-Rami", "Rami"),
    or, for names of six letters or more, one edit apart (a letter added, dropped or changed)
    with the same first two letters.
    """
    a, b = surname_core(a), surname_core(b)
    if a == b:
        return True
    if min(len(a), len(b)) < 6 or a[:2] != b[:2]:
        return False
    return _one_edit(a, b)


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :]
    return a[i:] == b[i + 1 :]


def given_compatible(a: str, b: str) -> bool:
    """Given names match when equal, or when one is the other's initial ("j" and "james")."""
    a, b = a.strip(".").lower(), b.strip(".").lower()
    if a == b:
        return True
    return (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def strip_titles(text: str) -> str:
    """A name without the title words before it and a possessive after it.

    "President Trump’s" -> "Trump". Only listed title words go; callers that
    need "Russian President Vladimir Putin" -> "Vladimir Putin" try suffixes.
    """
    words = text.split()
    titles = name_words()["titles"] | name_words()["leading_articles"]
    while len(words) > 1 and words[0].lower().replace(".", "") in titles:
        words = words[1:]
    return _strip_possessive(" ".join(words))


# 4. Descriptors ---------------------------------------------------------------


def descriptor(doc: Doc, name: _Name) -> str | None:
    """A person's role as the article gives it: apposition first, then titles before the name."""
    return _apposition(doc, name) or _premodifiers(doc, name)


def _premodifiers(doc: Doc, name: _Name) -> str | None:
    """Title words before a name: "State Department spokeswoman" Tammy Bruce."""
    root = _root(doc, name)
    first = name.start
    while first > 0:
        token = doc[first - 1]
        if token.dep_ not in PREMODIFIER_DEPS or not root.is_ancestor(token):
            break
        if token.dep_ == "punct" and token.text not in DASHES:
            break
        first -= 1
    while first < name.start and not _has_letters(doc[first].text):
        first += 1
    run = doc[first : name.start]
    if GLUED_WORDS.search(run.text) or not any(_is_role_word(t) for t in run):
        return None
    return _tidy(run.text)


def _is_role_word(token: Token) -> bool:
    """A word that says what someone is: a common noun or a title ("President")."""
    return token.ent_iob_ == "O" and (
        token.pos_ == "NOUN" or _word(token) in name_words()["titles"]
    )


def _apposition(doc: Doc, name: _Name) -> str | None:
    """ "Fiona Hill, a former senior director ...": the noun phrase set beside the name."""
    root = _root(doc, name)
    for child in root.children:
        if child.dep_ == "appos" and child.i >= name.end and _is_role_noun(child):
            return _tidy(doc[child.left_edge.i : child.right_edge.i + 1].text)
        if child.dep_ == "relcl" and child.lemma_ == "be":
            attrs = [c for c in child.children if c.dep_ == "attr" and _is_role_noun(c)]
            if attrs:
                return _tidy(doc[attrs[0].left_edge.i : attrs[0].right_edge.i + 1].text)
    head = root.head
    if root.dep_ == "appos" and head.i < name.start and _is_role_noun(head):
        return _tidy(doc[head.left_edge.i : head.i + 1].text)
    return None


def _root(doc: Doc, name: _Name) -> Token:
    """The syntactic head of a name's tokens (a one-word name is its own)."""
    return doc[name.start] if name.end - name.start == 1 else doc[name.start : name.end].root


def _is_role_noun(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.ent_iob_ == "O"


def _tidy(text: str) -> str | None:
    text = " ".join(text.split()).strip(" ,;:—–-\"“”'‘’")
    if not _has_letters(text):
        return None
    if len(text) > MAX_DESCRIPTOR_CHARS:
        text = text[:MAX_DESCRIPTOR_CHARS].rsplit(" ", 1)[0]
    return text


# 5. Actors --------------------------------------------------------------------


def _actors(names: Sequence[_Name], case: Case | None) -> dict[str, str]:
    """The case actor of each key (normalised), voted over the key's mentions."""
    votes: dict[str, Counter[str]] = {}
    for name in names:
        actor = name.hint or (actor_for_name(case, name.key, name.label) if case else None)
        if actor:
            votes.setdefault(name_key(name.key), Counter())[actor] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in votes.items()}


def actor_for_name(case: Case, name: str, label: str) -> str | None:
    """The case actor a name belongs to: exact case names first, then people by
    surname (spelling variants allowed), then nationality adjectives ("Ukrainian")."""
    return _actor_for_name(case.actors, name, label)


# Cached on the actors tuple (hashable, unlike the whole `Case`): asked once per mention.
@functools.lru_cache(maxsize=65536)
def _actor_for_name(actors: tuple[Actor, ...], name: str, label: str) -> str | None:
    index = name_index_of(actors)
    key = name_key(name)
    if key in index:
        return index[key]
    if label == PERSON:
        last = key.split()[-1] if key else ""
        return _unique(a for s, a in _surnames_of(actors) if last and surname_variant(last, s))
    if label == "NORP":
        return _unique(a for n, a in _single_words_of(actors) if _demonym_of(key, n))
    return None


def _demonym_of(word: str, place: str) -> bool:
    """ "russian" is a demonym of "russia", "chinese" of "china", "iranian" of "iran"."""
    stem = place[:-1] if len(place) >= 5 else place
    return word != place and word.startswith(stem) and len(word) - len(place) <= 4


def _unique(actors: Iterable[str]) -> str | None:
    found = set(actors)
    return found.pop() if len(found) == 1 else None


@functools.lru_cache(maxsize=8)
def _surnames_of(actors: tuple[Actor, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((name_key(p).split()[-1], a.id) for a in actors for p in a.people if p.strip())


@functools.lru_cache(maxsize=8)
def _single_words_of(actors: tuple[Actor, ...]) -> tuple[tuple[str, str], ...]:
    names = ((name_key(n), a.id) for a in actors for n in a.names)
    return tuple((n, a) for n, a in names if n.isalpha() and len(n) >= 4)
