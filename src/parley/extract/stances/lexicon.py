"""The generic stance lexicon: cue words of any negotiation, loaded once per process.

`extract/data/stance_verbs.yaml` holds the frames (verbs and nouns of support
and opposition, shifts that invert what they govern, verbs of saying) and the
word lists the filters use (hedges, conditions, deliberation, irrealis).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources

import yaml

SUPPORT, OPPOSE = 1, -1


@dataclass(frozen=True, slots=True)
class Cue:
    """How a cue word bears on what it governs.

    `polarity` is +1 (support) or -1 (oppose); `flips` says whether a negation
    flips the cue (True) or cancels the stance (False); `shift` marks words
    that only invert what they govern ("halt", "cut off"); `reporting` marks
    verbs of saying, which pass a stance on only in some clauses; `direct` marks
    light verbs, which bear only on their own object ("held talks"); `voiced` the
    clause of an actor's own quote that carries its stance by itself.
    """

    polarity: int
    flips: bool
    shift: bool = False
    reporting: bool = False
    direct: bool = False
    voiced: bool = False


REPORTING = Cue(SUPPORT, flips=False, reporting=True)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The generic stance lexicon (lemmas)."""

    verbs: dict[str, Cue]
    nouns: dict[str, Cue]
    phrasal: dict[tuple[str, str], Cue]
    adjectives: dict[str, Cue]
    dispositions: dict[str, Cue]
    anaphoric: frozenset[str]
    insistence: frozenset[str]
    calling: frozenset[str]
    adjunct_preps: frozenset[str]
    reporting: frozenset[str]
    commentators: frozenset[str]
    self_nouns: frozenset[str]
    official_nouns: frozenset[str]
    demonyms: tuple[tuple[str, str], ...]
    hedges: frozenset[str]
    speculative: frozenset[str]
    obligations: frozenset[str]
    conditions: frozenset[str]
    accusing: frozenset[str]
    documents: frozenset[str]
    demand_marks: frozenset[str]
    only_marks: frozenset[str]
    exchange_nouns: frozenset[str]
    negators: frozenset[str]
    raise_to_level: frozenset[str]
    negating: frozenset[str]
    not_negating: frozenset[str]
    deliberation: frozenset[str]
    indirect_questions: frozenset[str]
    irrealis: frozenset[str]
    envisaging: frozenset[str]
    making: frozenset[str]
    expressing: frozenset[str]
    act_nouns: frozenset[str]
    under_preps: frozenset[str]
    idioms: dict[str, dict[tuple[str, str], Cue]] = field(default_factory=dict)

    @property
    def cue_lemmas(self) -> frozenset[str]:
        """Every lemma that can start a cue (for the matcher that finds candidate sentences)."""
        words = {*self.verbs, *self.nouns, *self.adjectives, *self.dispositions, *self.reporting}
        return frozenset(words | set(self.idioms) | {verb for verb, _particle in self.phrasal})


_WORD_LISTS = (
    "adjunct_preps",
    "anaphoric",
    "insistence",
    "calling",
    "reporting",
    "commentators",
    "self_nouns",
    "official_nouns",
    "hedges",
    "speculative",
    "obligations",
    "conditions",
    "accusing",
    "documents",
    "demand_marks",
    "only_marks",
    "exchange_nouns",
    "negators",
    "raise_to_level",
    "negating",
    "not_negating",
    "deliberation",
    "indirect_questions",
    "irrealis",
    "envisaging",
    "making",
    "expressing",
    "act_nouns",
    "under_preps",
)


def _adjectives(groups: dict[str, list[str]]) -> dict[str, Cue]:
    return {
        word: Cue(SUPPORT if polarity == "support" else OPPOSE, flips=True)
        for polarity, words in groups.items()
        for word in words
    }


@functools.cache
def lexicon() -> Lexicon:
    """The stance lexicon shipped in `parley/extract/data/stance_verbs.yaml`."""
    resource = resources.files("parley.extract") / "data" / "stance_verbs.yaml"
    data = yaml.safe_load(resource.read_text(encoding="utf-8"))
    verbs: dict[str, Cue] = {}
    nouns: dict[str, Cue] = {}
    phrasal: dict[tuple[str, str], Cue] = {}
    for group in data["cues"]:
        polarity = SUPPORT if group["polarity"] == "support" else OPPOSE
        cue = Cue(polarity, group["negated"] == "flip", direct=group.get("scope") == "object")
        verbs.update(dict.fromkeys(group.get("verbs") or (), cue))
        nouns.update(dict.fromkeys(group.get("nouns") or (), cue))
        for phrase in group.get("phrasal") or ():
            verb, particle = phrase.split(maxsplit=1)
            phrasal[(verb, particle)] = cue
    shift = Cue(OPPOSE, flips=True, shift=True)
    for word in data["shifts"]["verbs"]:
        verbs.setdefault(word, shift)
    for word in data["shifts"]["nouns"]:
        nouns.setdefault(word, shift)
    for phrase in data["shifts"]["phrasal"]:
        verb, particle = phrase.split(maxsplit=1)
        phrasal.setdefault((verb, particle), shift)
    idioms: dict[str, dict[tuple[str, str], Cue]] = {}
    for phrase in data["shifts"].get("idioms") or ():  # "put X on hold"
        verb, prep, noun = phrase.split(maxsplit=2)
        idioms.setdefault(verb, {})[(prep, noun)] = shift
    return Lexicon(
        verbs=verbs,
        nouns=nouns,
        phrasal=phrasal,
        adjectives=_adjectives(data["adjectives"]),
        dispositions=_adjectives(data["dispositions"]),
        demonyms=tuple((str(a), str(b)) for a, b in data["demonyms"]),
        idioms=idioms,
        **{key: frozenset(data[key]) for key in _WORD_LISTS},
    )
