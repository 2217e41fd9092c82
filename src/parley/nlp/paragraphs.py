"""A line break ends a sentence: `parley_paragraphs` marks it before the parser runs.

spaCy's parser reads a paragraph that ends without a full stop ("... never seen.”",
a live-blog time stamp, a heading) and the next one as one sentence, so the next
paragraph's first clause hangs on the previous one ("Earlier on Friday" taking the
tense of the sentence before). The parser respects sentence starts set before it
runs; this component sets one after every whitespace token holding a line break.
It looks only at the whitespace tokens, found in the Doc's arrays.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

if TYPE_CHECKING:
    from spacy.tokens import Doc

COMPONENT = "parley_paragraphs"


@Language.component(COMPONENT)
def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after each whitespace token that holds a line break."""
    import numpy as np
    from spacy.attrs import IS_SPACE

    if len(doc) < 2:
        return doc
    spaces = np.flatnonzero(doc.to_array(IS_SPACE)[:-1])
    for i in spaces.tolist():
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc
