"""Cue words: which tokens carry a stance frame, and how (`stance_verbs.yaml`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from parley.extract.stances.lexicon import REPORTING, SUPPORT, Cue, Lexicon

RAISE = Cue(SUPPORT, flips=True)

if TYPE_CHECKING:
    from spacy.tokens import Token


def cue(tok: Token, lex: Lexicon) -> Cue | None:
    """The frame a word starts: a (phrasal) verb, a noun, or a verb of saying with a clause."""
    if tok.pos_ in ("VERB", "AUX"):
        found = _phrasal(tok, lex)
        if found is not None:
            return found
        if tok.lemma_.lower() in lex.reporting and any(c.dep_ == "ccomp" for c in tok.children):
            return REPORTING
        if tok.pos_ != "VERB":
            return None
        if _raise_to(tok, lex):
            return RAISE
        return _idiom(tok, lex) or lex.verbs.get(tok.lemma_.lower())
    if tok.pos_ == "NOUN":
        return lex.nouns.get(tok.lemma_.lower()) or _gerund(tok, lex)
    complement = any(c.dep_ in ("xcomp", "prep") for c in tok.children)  # "ready to", "open to"
    if tok.pos_ == "ADJ" and complement and tok.lemma_.lower() in lex.dispositions:
        return lex.dispositions[tok.lemma_.lower()]
    return None


def _phrasal(tok: Token, lex: Lexicon) -> Cue | None:
    """A verb with its particle ("walk away") or preposition ("call for"); a verb with a
    direct object takes no preposition ("called a meeting for Monday")."""
    for child in tok.children:
        if _particle(tok, child):
            found = lex.phrasal.get((tok.lemma_.lower(), child.lemma_.lower()))
            if found is not None:
                return found
        elif for_clause(tok, child, lex):
            return lex.phrasal[(tok.lemma_.lower(), "for")]
    return None


def _idiom(tok: Token, lex: Lexicon) -> Cue | None:
    """A verb with a fixed prepositional phrase ("put X on hold", "keep X in reserve")."""
    phrases = lex.idioms.get(tok.lemma_.lower())
    if phrases is None:
        return None
    objects = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    for prep in (*tok.children, *(c for o in objects for c in o.children)):  # "keep X in reserve"
        if prep.dep_ == "prep":
            for noun in prep.children:
                found = phrases.get((prep.lower_, noun.lemma_.lower()))
                if found is not None and noun.dep_ == "pobj":
                    return found
    return None


def _gerund(tok: Token, lex: Lexicon) -> Cue | None:
    """A phrasal verb's gerund tagged as a noun ("handing over its weapons", "giving up
    the claim"): the verb's cue, from its stems ("hand", "give", "cut")."""
    word = tok.lower_
    if not word.endswith("ing") or len(word) < 6:
        return None
    stem = word[:-3]
    stems = (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else stem)
    for child in tok.children:
        if child.dep_ in ("prt", "prep", "advmod"):
            for verb in stems:
                found = lex.phrasal.get((verb, child.lower_))
                if found is not None:
                    return found
    return None


def for_clause(verb: Token, child: Token, lex: Lexicon) -> bool:
    """A clause "for X to Y" after a verb that takes "for" ("called for the truce to be
    respected", "pressed for aid to be let in"): the clause is what the verb is about."""
    return (
        child.dep_ == "advcl"
        and (verb.lemma_.lower(), "for") in lex.phrasal
        and any(m.dep_ == "mark" and m.lower_ == "for" for m in child.children)
    )


def _particle(verb: Token, child: Token) -> bool:
    """A particle ("away", "out of") or a preposition with its own object ("call for a
    truce"); after a direct object such a preposition is an adjunct ("called a meeting for
    Monday")."""
    if child.dep_ in ("prt", "advmod"):
        return True
    if child.dep_ != "prep":
        return False
    pobjs = [c for c in child.children if c.dep_ == "pobj"]
    if any(c.ent_type_ in ("DATE", "TIME") for c in pobjs):
        return False  # "for Monday"
    objects = any(c.dep_ in ("dobj", "obj", "oprd") for c in verb.children)
    return not (objects and pobjs)


def _raise_to(tok: Token, lex: Lexicon) -> bool:
    """ "lift the tariff to 125%": a verb of removal that names a new level raises it."""
    if tok.lemma_.lower() not in lex.raise_to_level:
        return False
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "to"
        and any(c.like_num or c.ent_type_ in ("PERCENT", "MONEY") for c in prep.subtree)
        for prep in tok.children
    )


def cue_key(tok: Token, lex: Lexicon) -> str:
    """The cue's name as stored: the lemma, or verb and particle ("walk away")."""
    for child in tok.children:
        if _particle(tok, child):
            pair = (tok.lemma_.lower(), child.lemma_.lower())
            if pair in lex.phrasal:
                return " ".join(pair)
        elif for_clause(tok, child, lex):
            return f"{tok.lemma_.lower()} for"
    return tok.lemma_.lower()


def is_reporting(tok: Token, lex: Lexicon) -> bool:
    found = cue(tok, lex)
    return found is not None and found.reporting
