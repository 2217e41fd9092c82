"""`parley_case_entities`: make sure every case name is an entity with the right label and actor.

The model alone mislabels some names (a capital city as a person, a president
as an organisation). This component matches the case's names (case-insensitive
for multi-letter words, exact for abbreviations), keeps the model's label when
the model found the same span with a plausible label, and sets `ent.ent_id_`
to the case actor id.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

# Model labels that are acceptable for a non-person actor name.
PLACE_OR_GROUP = {"GPE", "ORG", "LOC", "NORP", "FAC"}


class CaseEntities:
    """Pipeline component adding case actors and people to `doc.ents`."""

    def __init__(self, nlp: Language, name: str, *, patterns: list[dict[str, Any]]) -> None:
        self.name = name
        self.labels: dict[str, tuple[str, str]] = {}
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        for i, pattern in enumerate(patterns):
            key = f"p{i}"
            self.labels[key] = (pattern["label"], pattern["id"])
            text = pattern["pattern"]
            matcher = self.exact if text.isupper() and len(text) <= 4 else self.lower
            matcher.add(key, [nlp.make_doc(text)])

    def __call__(self, doc: Doc) -> Doc:
        model_labels = {(e.start, e.end): e.label_ for e in doc.ents}
        found = []
        for match_id, start, end in [*self.lower(doc), *self.exact(doc)]:
            label, actor = self.labels[doc.vocab.strings[match_id]]
            model_label = model_labels.get((start, end))
            if label != "PERSON" and model_label in PLACE_OR_GROUP:
                label = model_label
            found.append(Span(doc, start, end, label=label, span_id=actor))
        found = filter_spans(found)
        taken = {i for span in found for i in range(span.start, span.end)}
        kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
        doc.ents = filter_spans([*kept, *found])
        return doc


@Language.factory("parley_case_entities", default_config={"patterns": []})
def make_case_entities(nlp: Language, name: str, patterns: list[dict[str, Any]]) -> CaseEntities:
    """Build the component from patterns made by `parley.nlp.case_patterns`."""
    return CaseEntities(nlp, name, patterns=patterns)
