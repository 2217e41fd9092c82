"""Cue words: which tokens carry a stance frame, and how (`stance_verbs.yaml`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from parley.extract.stances.lexicon import REPORTING, Cue, Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token


def cue(tok: Token, lex: Lexicon) -> Cue | None:
    """The frame a word starts: a (phrasal) verb, a noun, or a verb of saying with a clause."""
    if tok.pos_ in ("VERB", "AUX"):
        for child in tok.children:
            if child.dep_ in ("prt", "prep", "advmod"):
                phrasal = lex.phrasal.get((tok.lemma_.lower(), child.lemma_.lower()))
                if phrasal:
                    return phrasal
        if tok.lemma_.lower() in lex.reporting and any(c.dep_ == "ccomp" for c in tok.children):
            return REPORTING
        return lex.verbs.get(tok.lemma_.lower()) if tok.pos_ == "VERB" else None
    if tok.pos_ == "NOUN":
        return lex.nouns.get(tok.lemma_.lower())
    if tok.pos_ == "ADJ" and tok.lemma_.lower() in lex.dispositions:
        if any(c.dep_ in ("xcomp", "prep") for c in tok.children):  # "ready to", "open to"
            return lex.dispositions[tok.lemma_.lower()]
    return None


def cue_key(tok: Token, lex: Lexicon) -> str:
    """The cue's name as stored: the lemma, or verb and particle ("walk away")."""
    for child in tok.children:
        if child.dep_ in ("prt", "prep", "advmod"):
            pair = (tok.lemma_.lower(), child.lemma_.lower())
            if pair in lex.phrasal:
                return " ".join(pair)
    return tok.lemma_.lower()


def is_reporting(tok: Token, lex: Lexicon) -> bool:
    found = cue(tok, lex)
    return found is not None and found.reporting
