"""The word lists the quote extractor reads: speech verbs, title cues, pronouns, description
words (data, not code)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml
from spacy.strings import hash_string  # type: ignore[attr-defined]  # Cython, no stub

from parley.errors import ParleyError

LEXICON_PATH = Path(__file__).resolve().parents[1] / "data" / "quote_cues.yaml"
REQUIRED = (
    "speech_verbs",
    "phrasal_speech_verbs",
    "intransitive_verbs",
    "addressee_verbs",
    "indirect_verbs",
    "statement_nouns",
    "claim_nouns",
    "title_cues",
    "title_nouns",
    "pronouns",
    "writer_pronouns",
    "speaker_labels",
    "description_labels",
    "place_labels",
    "indefinite_determiners",
    "definite_determiners",
    "organisation_nouns",
    "state_body_nouns",
    "owner_labels",
    "spokesperson_nouns",
    "title_abbreviations",
)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Lower-cased word sets; `pronouns` maps a pronoun to the entity labels it can stand for,
    `title_abbreviations` a short title to its role word, `phrasal_speech_verbs` a verb to
    the particles that make it report speech."""

    speech_verbs: frozenset[str]
    phrasal_speech_verbs: dict[str, frozenset[str]]
    intransitive_verbs: frozenset[str]
    addressee_verbs: frozenset[str]
    indirect_verbs: frozenset[str]
    statement_nouns: frozenset[str]
    claim_nouns: frozenset[str]
    title_cues: frozenset[str]
    title_nouns: frozenset[str]
    pronouns: dict[str, frozenset[str]]
    writer_pronouns: frozenset[str]
    speaker_labels: frozenset[str]
    description_labels: frozenset[str]
    place_labels: frozenset[str]
    indefinite_determiners: frozenset[str]
    definite_determiners: frozenset[str]
    organisation_nouns: frozenset[str]
    state_body_nouns: frozenset[str]
    owner_labels: frozenset[str]
    spokesperson_nouns: frozenset[str]
    title_abbreviations: dict[str, str]


@functools.lru_cache(maxsize=16)
def hashes(words: frozenset[str]) -> np.ndarray:
    """The spaCy string hashes of a word set, sorted, for comparing with token arrays."""
    return np.array(sorted(hash_string(w) for w in words), dtype=np.uint64)


def member(values: np.ndarray, sorted_hashes: np.ndarray) -> np.ndarray:
    """Which of `values` are in `sorted_hashes` (a binary search each; faster than `np.isin`
    for a whole article against a word list)."""
    if not len(sorted_hashes):
        return np.zeros(len(values), dtype=bool)
    at = np.minimum(np.searchsorted(sorted_hashes, values), len(sorted_hashes) - 1)
    return sorted_hashes[at] == values


@functools.lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    """Read the quote lexicon (cached); a broken file fails loudly naming what is missing."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ParleyError(f"cannot read the quote lexicon {path}: {exc}") from None
    missing = [key for key in REQUIRED if not isinstance(data, dict) or key not in data]
    if missing:
        raise ParleyError(f"quote lexicon {path} lacks {', '.join(missing)}; see the shipped file")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data[key])

    def labels(key: str) -> frozenset[str]:
        return frozenset(str(w) for w in data[key])

    return Lexicon(
        speech_verbs=words("speech_verbs"),
        phrasal_speech_verbs={
            str(k).lower(): frozenset(str(w).lower() for w in v)
            for k, v in data["phrasal_speech_verbs"].items()
        },
        intransitive_verbs=words("intransitive_verbs"),
        addressee_verbs=words("addressee_verbs"),
        indirect_verbs=words("indirect_verbs"),
        statement_nouns=words("statement_nouns"),
        claim_nouns=words("claim_nouns") | words("statement_nouns"),
        title_cues=words("title_cues"),
        title_nouns=words("title_nouns"),
        pronouns={str(k).lower(): frozenset(v) for k, v in data["pronouns"].items()},
        writer_pronouns=words("writer_pronouns"),
        speaker_labels=labels("speaker_labels"),
        description_labels=labels("description_labels"),
        place_labels=labels("place_labels"),
        indefinite_determiners=words("indefinite_determiners"),
        definite_determiners=words("definite_determiners"),
        organisation_nouns=words("organisation_nouns"),
        state_body_nouns=words("state_body_nouns"),
        owner_labels=labels("owner_labels"),
        spokesperson_nouns=words("spokesperson_nouns"),
        title_abbreviations={
            str(k).lower(): str(v).lower() for k, v in data["title_abbreviations"].items()
        },
    )
