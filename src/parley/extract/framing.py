"""Blame and credit: who holds which case actor responsible for what, per article.

`extract_frames` reads the shared parse. Candidates are found with one
vectorised lemma lookup over the doc (the general lexicon
`extract/data/framing.yaml`, by word class); Python work runs only on them:

1. the **target** (the case actor blamed or credited) by the cue's class: the
   object of a judging verb ("X blamed Y"), the subject of an act ("Y derailed
   the talks"), the possessor or "of/by" object of a noun ("Y's intransigence"),
   else the clause's subject ("Y took credit"), what an adjective describes;
2. the **agent** (who blames or credits): the subject of a judging verb; else
   the speaker of the quote the cue is in; else the subject of a verb of saying
   above it; else the writer. An agent who is no case actor is "other";
3. a negated cue ("did not blame") says nothing and is dropped; a negated
   adjective turns round ("not helpful" blames).

A name maps to an actor through the article's mentions (a person to the actor
the case gives them); a pronoun takes the nearest actor mention before it.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

import yaml

from parley.extract.records import Frame

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from parley.articles.model import Article
    from parley.case import Case
    from parley.extract.records import Mention, Quote

LOGGER = logging.getLogger(__name__)

CLASSES = ("judges", "acts", "nouns", "adjectives")
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
# Prepositions whose object a blame or credit noun is about: "violations by Y",
# "the failure of Y", "credit to Y", "the blame lies with Y".
TARGET_PREPS = {"of", "by", "from", "on", "to", "with"}
PRONOUNS = {"he", "she", "him", "her", "his", "it", "its", "they", "them", "their"}
# How far back (characters) a pronoun looks for its actor.
PRONOUN_REACH = 400


@dataclass(frozen=True, slots=True)
class Cue:
    """A lexicon entry: blame or credit, its word class, its words before the last."""

    kind: str
    cls: str
    lemma: str
    before: tuple[str, ...] = ()


@functools.cache
def _data() -> dict[str, object]:
    resource = resources.files("parley.extract") / "data" / "framing.yaml"
    return yaml.safe_load(resource.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@functools.cache
def word_set(name: str) -> frozenset[str]:
    """A plain word list of the lexicon (`noun_verbs`, `commentators`)."""
    return frozenset(str(w) for w in _data()[name])  # type: ignore[attr-defined]


@functools.cache
def lexicon() -> dict[str, list[Cue]]:
    """Lexicon entries by their last word's lemma."""
    data: dict[str, dict[str, list[str]]] = _data()  # type: ignore[assignment]
    entries: dict[str, list[Cue]] = {}
    for kind in ("blame", "credit"):
        for cls in CLASSES:
            for phrase in data[kind][cls]:
                words = str(phrase).lower().split()
                entries.setdefault(words[-1], []).append(
                    Cue(kind, cls, " ".join(words), tuple(words[:-1]))
                )
    return entries


def extract_frames(
    doc: Doc,
    article: Article | None,
    case: Case | None,
    mentions: Sequence[Mention],
    quotes: Sequence[Quote],
) -> list[Frame]:
    """Blame and credit of case actors in one parsed article ([] without a case)."""
    if case is None:
        return []
    candidates = _candidates(doc)
    if not candidates:
        return []
    reader = _Reader(doc, case, mentions, quotes)
    frames: dict[tuple[int, str, str, str], Frame] = {}
    for token, cue in candidates:
        for frame in reader.frames(token, cue):
            frames.setdefault((token.sent.start, frame.kind, frame.target, frame.agent), frame)
    return sorted(frames.values(), key=lambda f: (f.start, f.target))


def _candidates(doc: Doc) -> list[tuple[Token, Cue]]:
    """Tokens whose lemma ends a lexicon entry, matched with the entry (one array pass)."""
    import numpy as np
    from spacy.attrs import LEMMA

    entries = lexicon()
    hashes = np.array([doc.vocab.strings.add(w) for w in entries], dtype="uint64")
    lemmas = doc.to_array([LEMMA]).reshape(-1)
    found = []
    for i in np.flatnonzero(np.isin(lemmas, hashes)):
        token = doc[int(i)]
        for cue in entries.get(token.lemma_.lower(), ()):
            if _phrase_fits(token, cue) and _class_fits(token, cue):
                found.append((token, cue))
    return found


def _phrase_fits(token: Token, cue: Cue) -> bool:
    n = len(cue.before)
    if not n:
        return True
    if token.i < n:
        return False
    return [t.lemma_.lower() for t in token.doc[token.i - n : token.i]] == list(cue.before)


def _class_fits(token: Token, cue: Cue) -> bool:
    if cue.cls in ("judges", "acts"):
        return token.pos_ == "VERB"
    if cue.cls == "nouns":
        return token.pos_ in ("NOUN", "PROPN") or bool(cue.before)
    return token.pos_ == "ADJ"


class _Reader:
    """Finds targets and agents in one article's parse."""

    def __init__(
        self, doc: Doc, case: Case, mentions: Sequence[Mention], quotes: Sequence[Quote]
    ) -> None:
        self.doc, self.case = doc, case
        self.actor_at: dict[int, tuple[str, int, int]] = {}
        for m in mentions:
            actor = m.actor or (case.actor_for(m.key) if m.label == "PERSON" else None)
            if actor is None:
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            for tok in span or ():
                self.actor_at[tok.i] = (actor, m.start, m.end)
        self.avoid = ""  # the agent of the cue being read: no pronoun in its clause names it
        self.quotes = [
            (q.start, q.end, case.actor_for(q.speaker) if q.speaker else None) for q in quotes
        ]

    def frames(self, token: Token, cue: Cue) -> list[Frame]:
        if any(c.dep_ == "neg" for c in (*token.children, *token.head.children)):
            if cue.cls != "adjectives":
                return []
            cue = Cue("credit" if cue.kind == "blame" else "blame", cue.cls, cue.lemma)
        agent = self.agent(token, cue)
        self.avoid = agent
        targets = self.targets(token, cue)
        if not targets:
            return []
        return [
            Frame(token.idx, token.idx + len(token), cue.kind, actor, agent,  # type: ignore[arg-type]
                  cue.lemma, start, end)
            for actor, start, end in targets
            if not (agent == actor and cue.cls == "judges" and cue.kind == "blame")
        ]  # fmt: skip

    # -- targets -------------------------------------------------------------------

    def targets(self, token: Token, cue: Cue) -> list[tuple[str, int, int]]:
        if cue.cls == "judges":
            passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)
            if passive:
                return self.actors_of(self.child(token, {"nsubjpass"}))
            if token.dep_ == "acl":  # "the army, long accused of ...": the noun it describes
                return self.actors_of(token.head)
            return self.actors_of(self.child(token, {"dobj"}))
        if cue.cls == "acts":
            return self.actors_of(self.subject(token))
        if cue.cls == "nouns":
            return self.noun_targets(token)
        if token.dep_ == "amod":
            return self.actors_of(token.head)
        verb = token.head if token.dep_ != "ROOT" else token
        described = self.child(verb, {"dobj"})  # "called the move reckless"
        return self.actors_of(described if described is not None else self.subject(verb))

    def noun_targets(self, noun: Token) -> list[tuple[str, int, int]]:
        own = self.actors_of(noun, deep=False)
        if own:
            return own
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                obj = self.child(child, {"pobj"})
                # "the failure of Y" names Y; "a violation of Y's sovereignty" names a victim
                found = self.actors_of(
                    obj, deep=child.lower_ != "of", depth=0 if child.lower_ == "of" else 2
                )
                if found:
                    return found
        verb = noun.head.head if noun.head.pos_ == "ADP" else noun.head
        if noun.dep_ in ("dobj", "attr", "pobj") and verb.lemma_ in word_set("noun_verbs"):
            return self.actors_of(self.subject(verb))
        return []

    def actors_of(
        self, token: Token | None, deep: bool = True, depth: int = 2
    ) -> list[tuple[str, int, int]]:
        """The actors a phrase names: its head, a possessor, a modifier, coordinated heads."""
        if token is None:
            return []
        heads = [token, *token.conjuncts]
        found: dict[str, tuple[str, int, int]] = {}
        for head in heads:
            hit = self.actor_of_phrase(head, deep, depth)
            if hit is not None:
                found.setdefault(hit[0], hit)
        return list(found.values())

    def actor_of_phrase(self, head: Token, deep: bool, depth: int) -> tuple[str, int, int] | None:
        """The actor a noun phrase names: its head, else a possessor or modifier (two levels)."""
        hit = self.actor_of_token(head)
        if hit is not None or depth == 0:
            return hit
        parts = [c for c in head.children if c.dep_ in ("poss", "compound", "amod")]
        if deep:
            parts += [g for c in head.children
                      if c.dep_ == "prep" and c.lower_ in ("of", "by", "from")
                      for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        return next((h for p in parts if (h := self.actor_of_phrase(p, deep, depth - 1))), None)

    def actor_of_token(self, token: Token) -> tuple[str, int, int] | None:
        if token.i in self.actor_at:
            return self.actor_at[token.i]
        if token.lower_ in PRONOUNS:
            before = [
                (i, hit) for i, hit in self.actor_at.items()
                if i < token.i and token.idx - hit[2] <= PRONOUN_REACH and hit[0] != self.avoid
            ]  # fmt: skip
            return max(before)[1] if before else None
        return None

    # -- agents --------------------------------------------------------------------

    def agent(self, token: Token, cue: Cue) -> str:
        if cue.cls == "judges":
            return self.judge(token)
        for start, end, speaker in self.quotes:
            if start <= token.idx < end:
                return speaker or "other"
        for verb in token.ancestors:  # "hailed Trump's leadership": the judge's agent
            if verb.pos_ == "VERB" and any(
                c.cls == "judges" for c in lexicon().get(verb.lemma_.lower(), ())
            ):
                return self.judge(verb)
        for verb in token.ancestors:
            if verb.pos_ == "VERB" and verb.lemma_ in ("say", "tell", "call", "add", "claim"):
                subject = self.subject(verb)
                if subject is not None:
                    return self.name(subject)
        return "writer"

    def judge(self, verb: Token) -> str:
        """Who a judging verb's judge is: its subject, or the "by" agent of a passive.

        A judging verb always has a judge; one the parse does not show is "other".
        """
        by = self.child(verb, {"agent"})
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        if by is not None:
            subject = self.child(by, {"pobj"})
        else:
            subject = None if passive else self.subject(verb)
        return self.name(subject) if subject is not None else "other"

    def name(self, token: Token) -> str:
        """The actor a subject names; "other" for no actor or a commentator ("analysts")."""
        if token.lemma_.lower() in word_set("commentators"):
            return "other"
        actors = self.actors_of(token)
        return actors[0][0] if actors else "other"

    # -- parse helpers -------------------------------------------------------------

    @staticmethod
    def child(token: Token | None, deps: set[str]) -> Token | None:
        if token is None:
            return None
        return next((c for c in token.children if c.dep_ in deps), None)

    def subject(self, verb: Token) -> Token | None:
        """A verb's subject, climbing through infinitives, participles and coordination."""
        for _ in range(4):
            found = self.child(verb, SUBJECTS)
            if found is not None:
                return found
            if verb.dep_ not in ("xcomp", "advcl", "conj", "ccomp", "acomp") or verb.head is verb:
                return None
            verb = verb.head
        return None
