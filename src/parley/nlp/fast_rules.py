"""Faster stand-ins for the model's `attribute_ruler` and `lemmatizer`, with the same output.

The model's attribute ruler runs spaCy's `Matcher` over about 180 patterns, most of them
"this tag gives that part of speech"; its predicates (`IN`, `NOT_IN`, `REGEX`) are Python
calls for every token, so it cost about as much as the parser. The lemmatizer works
token by token in Python and caches only some of its answers. Both are pure functions of
token attributes, so:

- `ArrayAttributeRuler` finds the same matches with NumPy over the Doc's columns (one
  boolean array per token pattern) and applies them exactly as the original does (in rule
  order, later rules winning, with spaCy's own `set_token_attrs`);
- `MemoLemmatizer` asks the original lemmatizer once per (word, part of speech,
  morphology) and writes all of a Doc's lemmas in one array.

A pattern the array version cannot read (an operator or attribute it does not know)
keeps the original component: `fast_components` leaves the pipeline as it was.
`tests/test_nlp_fast_rules.py` checks every token attribute against the model's own
components on real text.
"""

from __future__ import annotations

import contextlib
import re
from typing import TYPE_CHECKING, Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.strings import get_string_id

if TYPE_CHECKING:
    from spacy.tokens import Doc

# Pattern attributes read from the Doc's arrays, by name.
COLUMNS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "ORTH": ORTH, "IS_SPACE": IS_SPACE}
_COLUMN_ORDER = tuple(COLUMNS)


class Unsupported(Exception):
    """A pattern the array matcher cannot evaluate exactly."""


class ArrayAttributeRuler:
    """The model's attribute ruler with its matches found on NumPy arrays."""

    def __init__(self, ruler: Any) -> None:
        from spacy.tokens._retokenize import set_token_attrs

        self.set_token_attrs = set_token_attrs
        self.vocab = ruler.vocab
        # (attrs, index, alternatives); each alternative a list of token tests
        self.rules = [
            (ruler.attrs[i], ruler.indices[i], [_compile(p) for p in entry["patterns"]])
            for i, entry in enumerate(ruler.patterns)
        ]

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        table = doc.to_array([COLUMNS[c] for c in _COLUMN_ORDER])
        columns = {name: table[:, k] for k, name in enumerate(_COLUMN_ORDER)}
        strings = self.vocab.strings
        cache: dict[int, np.ndarray] = {}
        for attrs, index, alternatives in self.rules:
            targets: set[int] = set()
            for tests in alternatives:
                length = len(tests)
                if length > n:
                    continue
                hit = np.ones(n - length + 1, dtype=bool)
                for offset, token_tests in enumerate(tests):
                    for test in token_tests:
                        passed = _evaluate(test, columns, strings, cache)
                        hit &= passed[offset : n - length + 1 + offset]
                position = index if index >= 0 else length + index
                targets.update((np.flatnonzero(hit) + position).tolist())
            for i in sorted(targets):
                self.set_token_attrs(doc[i], attrs)
        return doc


def _compile(pattern: list[dict[str, Any]]) -> list[list[tuple[Any, ...]]]:
    """Each token pattern as a list of tests (column, operator, value) the arrays can run."""
    compiled = []
    for token in pattern:
        tests = []
        for key, spec in token.items():
            if key not in COLUMNS:
                raise Unsupported(key)
            tests.append(_test(key, spec))
        compiled.append(tests)
    return compiled


def _test(key: str, spec: Any) -> tuple[Any, ...]:
    if key == "IS_SPACE":
        if not isinstance(spec, bool):
            raise Unsupported(f"{key}: {spec!r}")
        return (key, "==", int(spec))
    if isinstance(spec, str):
        return (key, "==", get_string_id(spec))
    if isinstance(spec, dict) and len(spec) == 1:
        op, value = next(iter(spec.items()))
        if op in ("IN", "NOT_IN") and all(isinstance(v, str) for v in value):
            return (key, op, tuple(sorted({get_string_id(v) for v in value})))
        if op == "REGEX" and isinstance(value, str):
            return (key, op, re.compile(value))
    raise Unsupported(f"{key}: {spec!r}")


def _evaluate(test: tuple[Any, ...], columns: dict[str, np.ndarray], strings: Any,
              cache: dict[int, np.ndarray]) -> np.ndarray:  # fmt: skip
    """Whether each token passes one test (cached per Doc: rules share many tests)."""
    key = id(test)
    if key in cache:
        return cache[key]
    name, op, value = test
    column = columns[name]
    if op == "==":
        result = column == np.uint64(value)
    elif op == "IN":
        result = np.isin(column, np.array(value, dtype=np.uint64))
    elif op == "NOT_IN":
        result = ~np.isin(column, np.array(value, dtype=np.uint64))
    else:  # REGEX, on the attribute's string
        values, inverse = np.unique(column, return_inverse=True)
        found = np.array([bool(value.search(strings[int(v)])) for v in values.tolist()])
        result = found[inverse.reshape(-1)]
    cache[key] = result
    return result


class MemoLemmatizer:
    """The model's rule lemmatizer, asked once per (word, part of speech, morphology)."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            return doc
        table: Any = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = table[:, 3].copy()
        todo = np.arange(len(doc)) if self.lemmatizer.overwrite else np.flatnonzero(lemmas == 0)
        strings = doc.vocab.strings
        for i in todo.tolist():
            key = (int(table[i, 0]), int(table[i, 1]), int(table[i, 2]))
            lemma = self.memo.get(key)
            if lemma is None:
                lemma = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                self.memo[key] = lemma
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


def fast_components(nlp: Language) -> None:
    """Replace the model's attribute ruler and rule lemmatizer by the stand-ins above (each
    only when it is the kind it stands in for and all its patterns can be read)."""
    from spacy.pipeline import AttributeRuler, Lemmatizer

    names = dict(nlp.pipeline)
    ruler = names.get("attribute_ruler")
    if isinstance(ruler, AttributeRuler):
        with contextlib.suppress(Unsupported):  # else the model's own ruler stays
            _swap(nlp, "attribute_ruler", ArrayAttributeRuler(ruler))
    lemmatizer = names.get("lemmatizer")
    if isinstance(lemmatizer, Lemmatizer) and lemmatizer.mode == "rule":
        _swap(nlp, "lemmatizer", MemoLemmatizer(lemmatizer))


class StandIn:
    """The pipeline slot of a stand-in (spaCy builds components from registered factories)."""

    def __init__(self) -> None:
        self.component: Any = None

    def __call__(self, doc: Doc) -> Doc:
        return self.component(doc)  # type: ignore[no-any-return]


@Language.factory("parley_stand_in")
def make_stand_in(nlp: Language, name: str) -> StandIn:
    """An empty slot; `fast_components` puts the stand-in into it."""
    return StandIn()


def _swap(nlp: Language, name: str, component: Any) -> None:
    nlp.replace_pipe(name, "parley_stand_in")
    slot: Any = nlp.get_pipe(name)
    slot.component = component
