"""The word lists the quote extractor reads: speech verbs, title cues, pronouns, description
words (data, not code)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml

from parley.errors import ParleyError

LEXICON_PATH = Path(__file__).resolve().parents[1] / "data" / "quote_cues.yaml"
REQUIRED = (
    "speech_verbs",
    "intransitive_verbs",
    "addressee_verbs",
    "indirect_verbs",
    "statement_nouns",
    "title_cues",
    "pronouns",
    "writer_pronouns",
    "speaker_labels",
    "description_labels",
    "place_labels",
    "indefinite_determiners",
    "definite_determiners",
    "organisation_nouns",
    "owner_labels",
    "spokesperson_nouns",
    "title_abbreviations",
)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Lower-cased word sets; `pronouns` maps a pronoun to the entity labels it can stand for,
    `title_abbreviations` a short title to its role word."""

    speech_verbs: frozenset[str]
    intransitive_verbs: frozenset[str]
    addressee_verbs: frozenset[str]
    indirect_verbs: frozenset[str]
    statement_nouns: frozenset[str]
    title_cues: frozenset[str]
    pronouns: dict[str, frozenset[str]]
    writer_pronouns: frozenset[str]
    speaker_labels: frozenset[str]
    description_labels: frozenset[str]
    place_labels: frozenset[str]
    indefinite_determiners: frozenset[str]
    definite_determiners: frozenset[str]
    organisation_nouns: frozenset[str]
    owner_labels: frozenset[str]
    spokesperson_nouns: frozenset[str]
    title_abbreviations: dict[str, str]


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
        intransitive_verbs=words("intransitive_verbs"),
        addressee_verbs=words("addressee_verbs"),
        indirect_verbs=words("indirect_verbs"),
        statement_nouns=words("statement_nouns"),
        title_cues=words("title_cues"),
        pronouns={str(k).lower(): frozenset(v) for k, v in data["pronouns"].items()},
        writer_pronouns=words("writer_pronouns"),
        speaker_labels=labels("speaker_labels"),
        description_labels=labels("description_labels"),
        place_labels=labels("place_labels"),
        indefinite_determiners=words("indefinite_determiners"),
        definite_determiners=words("definite_determiners"),
        organisation_nouns=words("organisation_nouns"),
        owner_labels=labels("owner_labels"),
        spokesperson_nouns=words("spokesperson_nouns"),
        title_abbreviations={
            str(k).lower(): str(v).lower() for k, v in data["title_abbreviations"].items()
        },
    )
