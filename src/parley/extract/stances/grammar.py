"""Small questions about the dependency tree that every part of the stance search asks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from parley.extract.stances.lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}


def to_infinitive(verb: Token) -> bool:
    """A verb with its infinitive marker ("to keep", "to take")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def main_clause(advcl: Token) -> Token:
    """The verb an adverbial clause belongs to.

    The parser often hangs ", consenting only to ..." on the relative clause
    just before the comma; such a participle belongs to the main clause.
    """
    head = advcl.head
    if head.dep_ == "relcl" and any(t.text == "," for t in advcl.doc[head.i : advcl.i]):
        for verb in head.head.ancestors:
            if verb.pos_ in ("VERB", "AUX"):
                return verb
    return head


def negated(tok: Token, lex: Lexicon) -> bool:
    """Whether a word is negated ("did not agree", "never accepted", "no longer")."""
    for child in tok.children:
        if child.dep_ == "neg" or child.lower_ in lex.negators:
            after = tok.doc[child.i + 1] if child.i + 1 < len(tok.doc) else None
            if after is None or after.lower_ not in lex.not_negating:
                return True
        if child.lower_ == "longer" and any(g.lower_ == "no" for g in child.children):
            return True
    if tok.dep_ in ("acl", "ccomp") and tok.head.pos_ == "NOUN":  # "no sign that it would"
        return any(c.lower_ in lex.negators for c in tok.head.children)
    if tok.dep_ == "xcomp":  # "failed to agree", "has yet to restore"
        head = tok.head
        return head.lemma_.lower() in lex.negating or any(
            c.lower_ in lex.negating and c.dep_ == "advmod" and _before_to(c) for c in head.children
        )
    return False


def _before_to(adverb: Token) -> bool:
    """ "has yet to agree" (a negation), not "offered yet again to send"."""
    doc = adverb.doc
    return adverb.i + 1 < len(doc) and doc[adverb.i + 1].lower_ == "to"


def has_obligation(tok: Token, lex: Lexicon, own_only: bool = False) -> bool:
    """Whether a verb is an obligation ("must agree", "would have to accept")."""
    for child in tok.children:
        modal = child.lemma_.lower()
        if child.dep_ == "aux" and modal in lex.obligations and modal != "have":
            return True
        if not own_only and child.dep_ == "xcomp" and tok.lemma_ in ("have", "need"):
            return not any(c.lower_ in lex.negating for c in tok.children)
        if not own_only and child.dep_ == "xcomp" and child.lemma_ in ("have", "need"):
            return True
    return (
        not own_only
        and tok.lemma_ in ("have", "need")
        and any(c.dep_ == "xcomp" for c in tok.children)
        and not any(c.lower_ in lex.negating for c in tok.children)  # "has yet to"
    )
