"""Speakers named by a description: "the group", "the newspaper", "the president-elect", "the
statement", "a New Hampshire Democrat".

A description keeps its words as the speaker's descriptor. A definite one ("the ...") is
resolved to the name the article gave before it, when the text supports it:

- an organisation noun ("the group", "the newspaper"): the organisation last named as a
  subject of a sentence nearby, else the last one named nearby;
- a statement noun ("the statement", "the letter"): whoever the article said issued it
  ("X said in a statement", "X's statement", "a statement from X");
- a role ("the president-elect", "the Florida senator"): the person last named nearby whose
  title or appositive holds that role word.

Otherwise the speaker stays unnamed, with the description as its descriptor. A descriptor is
always a role phrase: a noun phrase, never a clause ("the fact that ...") or a coordination
("the minister and Ann Lee").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from parley.extract.entities import name_words

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from parley.extract.quotes.context import QuoteDoc
    from parley.extract.quotes.lexicon import Lexicon
    from parley.extract.quotes.speakers import Speaker, Speakers

# How far back (characters) a description looks for the name it stands for.
LOOKBACK = 1500
MAX_DESCRIPTOR_TOKENS = 30
CLAUSE_DEPS = ("ccomp", "advcl", "csubj")
# Right dependents that end a role phrase: clauses and appositions hanging from its head.
CUT_DEPS = ("relcl", "acl", "appos", "ccomp", "advcl", "parataxis")
WORD = re.compile(r"[a-z]+")
MARKUP = re.compile(r"[<>=@{}|]")


def is_description(qdoc: QuoteDoc, token: Token) -> bool:
    """A subject that describes rather than names: a nationality or party ("a New Hampshire
    Democrat", "Republicans"), or any noun or name after an indefinite determiner."""
    lexicon = qdoc.lexicon
    if any(c.dep_ == "appos" for c in token.children):
        return False
    determiners = [c.lower_ for c in token.children if c.dep_ in ("det", "nummod")]
    if token.ent_type_ in lexicon.description_labels:
        return bool(determiners) or token.tag_ in ("NNS", "NNPS")
    if token.ent_type_ in lexicon.speaker_labels:
        return False  # "A weary Lee" is still Lee
    return any(d in lexicon.indefinite_determiners for d in determiners)


def owner(speakers: Speakers, noun: Token) -> Speaker | None:
    """The named issuer of a statement noun: "the Kremlin readout", "the union's statement", "a
    statement from the ministry" (the name it belongs to), or None."""
    if noun.lemma_.lower() not in speakers.qdoc.lexicon.statement_nouns:
        return None
    for child in noun.children:
        if child.dep_ in ("poss", "compound") and (found := speakers.name_span(child)):
            return speakers.named(found, descriptor=None)
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            for obj in child.children:
                if obj.dep_ == "pobj" and (found := speakers.name_span(obj)):
                    return speakers.named(found, descriptor=None)
    return None


def body(speakers: Speakers, noun: Token) -> Speaker | None:
    """An organisation named by a description with a name in it ("China's commerce ministry",
    "the Iranian foreign ministry"), or the body a spokesperson speaks for ("a spokesman for
    the Kremlin", "a Kremlin spokeswoman"); None otherwise."""
    from parley.extract.quotes.speakers import Speaker

    lexicon = speakers.qdoc.lexicon
    lemma = noun.lemma_.lower()
    if lemma in lexicon.spokesperson_nouns:
        for child in noun.children:
            if child.dep_ in ("poss", "compound") and (name := speakers.name_span(child)):
                return speakers.named(name, descriptor=phrase(noun))
            if child.dep_ == "prep" and child.lower_ in ("for", "of"):
                for obj in child.children:
                    found = _body_of(speakers, obj) if obj.dep_ == "pobj" else None
                    if found is not None:
                        return Speaker(found.start, found.end, found.name, phrase(noun), "ORG")
        return None
    if lemma not in lexicon.organisation_nouns:
        return None
    modifiers = [c for c in noun.lefts if c.dep_ in ("poss", "compound", "amod", "nmod")]
    if not any(c.ent_type_ in lexicon.owner_labels for c in modifiers):
        return None
    for modifier in modifiers:  # "the Green Future party" is the Green Future party
        if modifier.dep_ == "compound" and modifier.ent_type_ == "ORG":
            name = speakers.name_span(modifier)
            if name is not None:
                return speakers.named(name, descriptor=None)
    words = [t for t in noun.doc[noun.left_edge.i : noun.i + 1] if t.dep_ != "det"]
    start, end = words[0].idx, noun.idx + len(noun.text)
    return Speaker(start, end, noun.doc.text[start:end], None, "ORG")


def _body_of(speakers: Speakers, token: Token) -> Speaker | None:
    name = speakers.name_span(token)
    if name is not None:
        return speakers.named(name, descriptor=None)
    found = body(speakers, token)
    if found is not None:
        return found
    if token.lemma_.lower() in speakers.qdoc.lexicon.organisation_nouns and _definite(
        speakers.qdoc, token
    ):
        return _nearest(speakers, token, ("ORG",), lambda s: True)
    return None


def resolve(speakers: Speakers, token: Token) -> Speaker:
    """The speaker a description stands for: a name found before it, or the description."""
    from parley.extract.quotes.speakers import Speaker

    words = phrase(token)
    if _definite(speakers.qdoc, token):
        found = _antecedent(speakers, token)
        if found is not None:
            return Speaker(found.start, found.end, found.name, words, found.label)
    return Speaker(None, None, None, words)


def _definite(qdoc: QuoteDoc, token: Token) -> bool:
    return any(
        c.dep_ == "det" and c.lower_ in qdoc.lexicon.definite_determiners for c in token.children
    )


def _antecedent(speakers: Speakers, token: Token) -> Speaker | None:
    lexicon = speakers.qdoc.lexicon
    lemma = token.lemma_.lower()
    if lemma in lexicon.statement_nouns:
        return _issuer(speakers, token)
    if lemma in lexicon.organisation_nouns:
        named_so = _nearest(speakers, token, ("ORG", "PERSON"), lambda s: _ends_with(s, lemma))
        return named_so or _nearest(speakers, token, ("ORG",), lambda s: True)
    role = _role_words(token, lexicon.title_abbreviations)
    if not role:
        return None
    return _nearest(speakers, token, ("PERSON",), lambda s: bool(role & _roles_of(s, lexicon)))


def _nearest(
    speakers: Speakers, token: Token, labels: tuple[str, ...], fits: Callable[[Speaker], bool]
) -> Speaker | None:
    """The nearest earlier name of these labels that fits: subjects of a sentence first."""
    lo = token.idx - LOOKBACK
    before = [
        c
        for c in speakers.candidates
        if lo <= c.position < token.idx and c.label in labels and fits(speakers.speaker_of(c))
    ]
    for best in (2, 3):
        ranked = [c for c in before if c.rank <= best]
        if ranked:
            return speakers.speaker_of(max(ranked, key=lambda c: c.position))
    return None


def _ends_with(speaker: Speaker, noun: str) -> bool:
    """A name that ends with the description's noun ("the forum": "Missing Families Forum")."""
    words = (speaker.name or "").lower().split()
    return bool(words) and words[-1].rstrip("s") == noun.rstrip("s")


def _issuer(speakers: Speakers, token: Token) -> Speaker | None:
    """Who issued the statement a definite statement noun points back to: the owner of an
    earlier mention of the same noun, or the speaker of the verb that mention hangs from
    ("X said in a statement", "X released a statement")."""
    doc = token.doc
    lemma = token.lemma_.lower()
    qdoc = speakers.qdoc
    i = token.i - 1
    while i >= 0 and doc[i].idx >= token.idx - LOOKBACK:
        earlier = doc[i]
        i -= 1
        if earlier.lemma_.lower() != lemma or qdoc.in_quote[earlier.i] != -1:
            continue
        found = owner(speakers, earlier)
        if found is not None:
            return found
        verb = earlier.head.head if earlier.dep_ == "pobj" else earlier.head
        if verb.pos_ in ("VERB", "AUX") and verb.i != earlier.i:
            subject = speakers.subject_of(verb)
            if subject is not None and subject.i != token.i and subject.pos_ != "NOUN":
                speaker = speakers.from_token(subject)
                if speaker is not None and speaker.named:
                    return speaker
        return None
    return None


def _role_words(token: Token, abbreviations: dict[str, str]) -> set[str]:
    """The role a description names: its head noun ("senator", "president-elect")."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return set()
    text = token.lower_
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_:
        text = f"{doc[token.i - 2].lower_}-{text}"
    return {abbreviations.get(text, text)}


def _roles_of(speaker: Speaker, lexicon: Lexicon) -> set[str]:
    words = set()
    for word in (speaker.descriptor or "").lower().replace(".", "").split():
        words.add(lexicon.title_abbreviations.get(word, word))
        words.update(WORD.findall(word))
    return words


def phrase(token: Token, stop: Token | None = None) -> str | None:
    """The role phrase headed by `token`: its words up to the first clause, comma or `stop`
    (an appositive) after it; None when it is a clause or a coordination of names."""
    if _not_a_role(token):
        return None
    doc = token.doc
    start = token.left_edge.i if stop is None or stop.i > token.i else stop.right_edge.i + 1
    end = token.right_edge.i + 1
    for child in token.rights:
        if child.dep_ in CUT_DEPS or (stop is not None and child.i == stop.i):
            end = min(end, child.left_edge.i)
    for t in doc[token.i + 1 : end]:
        if t.text in (",", ";", "—", "–", "(") or "\n" in t.text_with_ws:
            end = t.i
            break
    return clip(doc[start:end])


def _not_a_role(token: Token) -> bool:
    if token.pos_ in ("VERB", "AUX"):
        return True
    for child in token.children:
        if child.dep_ == "conj" and (child.pos_ == "PROPN" or child.ent_type_):
            return True
        if child.dep_ in CLAUSE_DEPS and child.i > token.i:
            return True
    return False


def clip(span: Span) -> str | None:
    """The span's text without edge punctuation, cut to a reasonable length; None when it
    names no role (a bare age, party letter or honorific, page markup)."""
    tokens = [t for t in span][:MAX_DESCRIPTOR_TOKENS]
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    if not tokens or not any(_role_word(t) for t in tokens):
        return None
    text = " ".join(span.doc[tokens[0].i : tokens[-1].i + 1].text.split())
    return None if MARKUP.search(text) else text


def _role_word(token: Token) -> bool:
    """A word that can name a role: a noun, or a capitalised name word longer than a letter
    that is no honorific ("Mr.")."""
    if token.pos_ not in ("NOUN", "PROPN") or len(token.text.strip(".")) < 2:
        return False
    return token.lower_.rstrip(".") not in name_words()["honorifics"]
