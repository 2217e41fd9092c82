"""The event codebook of `data/event_triggers.yaml`: word classes, noun triggers, verb frames.

Loaded once per process. Entries are lemmas; a multiword entry is a tuple of
words ("phone call" -> ("phone", "call"); "cease-fire" -> ("cease", "-", "fire")).
Nouns are keyed by their last word, verbs by their first, so that a candidate
token found by its lemma is checked against the few entries it can head.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from spacy.tokens import Token

Words = tuple[str, ...]
# The class of words that look like triggers and are none ("a general strike").
NONEVENT = "NONEVENT"


@dataclass(frozen=True, slots=True)
class Frame:
    """One verb frame: the type it reports and what the verb needs to report it."""

    type: str  # an event type, or "object": the type of the object's (or subject's) class
    objects: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()
    not_objects: frozenset[str] = frozenset()
    needs: str | None = None  # "partner", "parties", "deadline" or "date"
    fold: bool = True
    reach: str = "all"  # which objects count: "all", "arguments" or "direct" (see `objects`)


@dataclass(frozen=True, slots=True)
class NounTrigger:
    """A noun class whose members are event mentions of `type` (with `needs` in their phrase)."""

    type: str
    needs: str | None = None  # a class name, "partner" or "date"
    gives: dict[str, str] | None = None  # class in the phrase -> the type it gives


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the event extractor knows about words."""

    heads: dict[str, tuple[tuple[Words, str], ...]]  # last word -> (entry, class)
    nouns: dict[str, NounTrigger]  # class -> trigger
    object_types: dict[str, str]  # class -> the type a light verb takes from it
    verbs: dict[str, tuple[tuple[Words, Frame], ...]]  # first word -> (entry, frame)
    not_followed_by: dict[str, frozenset[str]]
    negated: dict[str, str]
    hypothetical_auxiliaries: frozenset[str]
    hypothetical_marks: frozenset[str]
    conditional_clauses: frozenset[str]
    implicative_heads: frozenset[str]
    occurrence_verbs: frozenset[Words]
    scheduled_heads: frozenset[str]
    habitual_adverbs: frozenset[str]
    habitual_phrases: frozenset[Words]
    unreal_modifiers: frozenset[str]
    media_words: frozenset[str]
    announcing_verbs: frozenset[str]
    reciprocal_openers: frozenset[Words]
    ordinals: frozenset[str]
    containers: frozenset[str]
    collections: frozenset[str]
    in_force: frozenset[Words]
    quantities: frozenset[str]
    audience_verbs: frozenset[str]
    writing_verbs: frozenset[str]
    channel_nouns: frozenset[str]
    occasion_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    measure_types: dict[str, str]
    generic_determiners: frozenset[str]
    negating_words: frozenset[str]
    definite_determiners: frozenset[str]
    generic_subjects: frozenset[str]
    standing_types: frozenset[str]
    negating_pairs: frozenset[Words]
    vague_mods: frozenset[str]
    partner_words: frozenset[str]  # head words of PEOPLE: a partner named by role
    anchors: dict[Words, int]
    statement_anchors: frozenset[Words]
    anchor_day_words: frozenset[str]
    anchor_week_words: frozenset[str]
    anchor_directions: dict[str, int]

    @property
    def noun_heads(self) -> frozenset[str]:
        """Last words of the entries of noun-trigger classes: candidate nouns."""
        return frozenset(
            words[-1]
            for entries in self.heads.values()
            for words, cls in entries
            if cls in self.nouns
        )

    @property
    def verb_heads(self) -> frozenset[str]:
        """First words of the verb frames' entries: candidate verbs."""
        return frozenset(self.verbs)

    def classes_of(self, token: Token) -> list[str]:
        """The classes a token is the head of (its lemma, or the last word of an entry),
        longest entry first: "news conference" is a statement before it is a meeting."""
        found: list[tuple[int, str]] = []
        for key in {token.lemma_.lower(), token.lower_}:
            for words, cls in self.heads.get(key, ()):
                if len(words) == 1 or _ends_here(token, words):
                    found.append((-len(words), cls))
        found.sort()
        if found and found[0][1] == NONEVENT:
            return [NONEVENT]  # "a general strike": the longer entry says it is no event
        return list(dict.fromkeys(cls for _, cls in found))


def _ends_here(token: Token, words: Words) -> bool:
    """Whether the tokens up to `token` spell the multiword entry `words`."""
    start = token.i - len(words) + 1
    if start < 0:
        return False
    doc = token.doc
    return all(_is(doc[start + k], w) for k, w in enumerate(words[:-1]))


def _is(token: Token, word: str) -> bool:
    return word in (token.lemma_.lower(), token.lower_)


def entry_words(entry: object) -> Words:
    """ "cease-fire" -> ("cease", "-", "fire"); "phone call" -> ("phone", "call")."""
    return tuple(re.findall(r"[\w']+|-", str(entry).lower()))


@functools.cache
def trigger_lexicon() -> Lexicon:
    """The codebook shipped in `parley/extract/data/event_triggers.yaml`."""
    path = resources.files("parley.extract") / "data" / "event_triggers.yaml"
    return lexicon_from_dict(yaml.safe_load(path.read_text(encoding="utf-8")))


def lexicon_from_dict(data: dict[str, Any]) -> Lexicon:
    """Build a `Lexicon` from parsed YAML (see `event_triggers.yaml` for the shape)."""
    heads: dict[str, list[tuple[Words, str]]] = {}
    for cls, entries in (data.get("classes") or {}).items():
        for entry in entries or ():
            words = entry_words(entry)
            heads.setdefault(words[-1], []).append((words, str(cls)))
    anchors = {entry_words(k): int(v) for k, v in (data.get("anchors") or {}).items()}
    speech = {entry_words(k): int(v) for k, v in (data.get("statement_anchors") or {}).items()}
    anchors.update(speech)
    verbs: dict[str, list[tuple[Words, Frame]]] = {}
    for spec in data.get("frames") or ():
        frame = Frame(
            type=str(spec["type"]),
            objects=frozenset(spec.get("objects") or ()),
            subjects=frozenset(spec.get("subjects") or ()),
            not_objects=frozenset(spec.get("not_objects") or ()),
            needs=spec.get("needs"),
            fold=bool(spec.get("fold", True)),
            reach=str(spec.get("reach") or ("arguments" if spec["type"] == "object" else "all")),
        )
        for entry in spec.get("verbs") or ():
            words = entry_words(entry)
            verbs.setdefault(words[0], []).append((words, frame))
    return Lexicon(
        heads={k: tuple(v) for k, v in heads.items()},
        nouns={str(cls): _noun(spec) for cls, spec in (data.get("nouns") or {}).items()},
        object_types={str(k): str(v) for k, v in (data.get("object_types") or {}).items()},
        verbs={k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in verbs.items()},
        not_followed_by={
            str(k).lower(): _words(v) for k, v in (data.get("not_followed_by") or {}).items()
        },
        negated={str(k).lower(): str(v) for k, v in (data.get("negated") or {}).items()},
        hypothetical_auxiliaries=_words(data.get("hypothetical_auxiliaries")),
        hypothetical_marks=_words(data.get("hypothetical_marks")),
        conditional_clauses=_words(data.get("conditional_clauses")),
        implicative_heads=_words(data.get("implicative_heads")),
        occurrence_verbs=frozenset(entry_words(v) for v in data.get("occurrence_verbs") or ()),
        scheduled_heads=_words(data.get("scheduled_heads")),
        habitual_adverbs=_words(data.get("habitual_adverbs")),
        habitual_phrases=frozenset(entry_words(v) for v in data.get("habitual_phrases") or ()),
        unreal_modifiers=_words(data.get("unreal_modifiers")),
        media_words=_words(data.get("media_words")),
        announcing_verbs=_words(data.get("announcing_verbs")),
        ordinals=_words(data.get("ordinals")),
        containers=_words(data.get("containers")),
        collections=_words(data.get("collections")),
        in_force=frozenset(entry_words(v) for v in data.get("in_force") or ()),
        quantities=_words(data.get("quantities")),
        audience_verbs=_words(data.get("audience_verbs")),
        writing_verbs=_words(data.get("writing_verbs")),
        channel_nouns=_words(data.get("channel_nouns")),
        occasion_verbs=_words(data.get("occasion_verbs")),
        reporting_verbs=_words(data.get("reporting_verbs")),
        reciprocal_openers=frozenset(entry_words(v) for v in data.get("reciprocal_openers") or ()),
        measure_types={str(k): str(v) for k, v in (data.get("measure_types") or {}).items()},
        generic_determiners=_words(data.get("generic_determiners")),
        negating_words=_words(data.get("negating_words")),
        definite_determiners=_words(data.get("definite_determiners")),
        generic_subjects=_words(data.get("generic_subjects")),
        standing_types=_words(data.get("standing_types")),
        negating_pairs=frozenset(entry_words(p) for p in data.get("negating_pairs") or ()),
        vague_mods=frozenset(str(w) for w in data.get("vague_mods") or ()),
        partner_words=frozenset(
            words[-1] for words, cls in (e for v in heads.values() for e in v) if cls == "PEOPLE"
        ),
        anchors=anchors,
        statement_anchors=frozenset(speech),
        anchor_day_words=_words(data.get("anchor_day_words")),
        anchor_week_words=_words(data.get("anchor_week_words")),
        anchor_directions={
            str(k).lower(): int(v) for k, v in (data.get("anchor_directions") or {}).items()
        },
    )


def _noun(spec: Any) -> NounTrigger:
    if not isinstance(spec, dict):
        return NounTrigger(type=str(spec))
    needs = spec.get("needs")
    if isinstance(needs, dict):
        gives = {str(k): str(v) for k, v in needs.items()}
        return NounTrigger(type=str(spec.get("type", "")), gives=gives)
    return NounTrigger(type=str(spec["type"]), needs=needs)


def _words(values: Iterable[Any] | None) -> frozenset[str]:
    return frozenset(str(w).lower() for w in values or ())
