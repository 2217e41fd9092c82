"""Words that point back to an issue named before: "Beijing opposed it", "such a move".

- "it" or "them" as an object, or as the subject of a judging word ("it is not
  negotiable"), stands for the nearest issue phrase before it in its sentence, else
  the subject or object of the sentence before ("Sanctions never work. We reject
  them.");
- `event` gives what the sentence before did to its issue, for "such a move was
  unacceptable" (`judgements`): the phrase nearest that sentence's main verb,
  signed along the path up to it ("proposed to deploy troops").

Each becomes an `IssueMatch` on the pointing word, so frames read it like any phrase.
Definite nouns of an act as objects ("welcomed the move") are not resolved: on the
briefs they found the wrong antecedent as often as the right one.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from parley.extract.stances.frames import within

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from parley.extract.stances.context import Context
    from parley.extract.stances.issues import IssueMatch

OBJECTS = {"dobj", "pobj", "obj"}
ARGUMENTS = {"nsubj", "nsubjpass", "dobj"}  # of the sentence before: what "them" can be
PRONOUNS = frozenset({"it", "them"})
SUMMARY = "summary"  # the route of a noun summing up its clause: only its own clause reads it
NOUNS = {"NOUN", "PROPN"}  # what "it" can stand for: "the sanctions", not "deploy"


def referents(
    ctx: Context, sent: Span, matches: list[IssueMatch], earlier: list[IssueMatch]
) -> list[IssueMatch]:
    """Issue phrases standing for the pronouns and event nouns of a sentence."""
    found = []
    for tok in sent:
        if _sums_up(ctx, tok):
            act = _summarised(ctx, tok, matches)  # "waived X, a step Baku had sought"
            found += [replace(_on(act, tok), route=SUMMARY)] if act is not None else []
            continue
        if tok.dep_ not in OBJECTS and not _judged_subject(ctx, tok):
            continue
        if tok.lower_ in PRONOUNS:
            nominal = [m for m in matches if m.root.pos_ in NOUNS]
            before = [m for m in nominal if m.end <= tok.idx] or [
                m for m in earlier if m.root.dep_ in ARGUMENTS and m.root.head.dep_ == "ROOT"
            ]
            if before:
                found.append(_on(max(before, key=lambda m: m.start), tok))
    return found


def _sums_up(ctx: Context, tok: Token) -> bool:
    """A noun of an act set off by a comma after its clause (", a step X had sought")."""
    if tok.lemma_.lower() not in ctx.lex.act_nouns or tok.dep_ not in ("appos", "npadvmod"):
        return False
    return tok.left_edge.i > 0 and tok.doc[tok.left_edge.i - 1].text == ","


def _summarised(ctx: Context, noun: Token, matches: list[IssueMatch]) -> IssueMatch | None:
    """What a clause did to its issue, for a noun in apposition that sums the clause up
    ("Washington waived the restrictions on X, a step Ankara had sought"): the phrase
    nearest the clause's verb, signed along the path up to it."""
    verb = noun.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    inside = {t.i for t in verb.subtree} - {t.i for t in noun.subtree}
    best = None
    for match in matches:
        if match.root.i not in inside:
            continue
        path = within(ctx, match, match.root, verb, clause=True)
        if path is not None and (best is None or path[1] < best[1]):
            best = (replace(match, polarity=match.polarity * path[0]), path[1])
    return best[0] if best else None


def _judged_subject(ctx: Context, tok: Token) -> bool:
    """ "it is not negotiable", "they are illegal": a pronoun judged by its copula's
    adjective (not "it is unacceptable that ...", where "it" stands for the clause)."""
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.lemma_ != "be":
        return False
    if any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in verb.children):
        return False
    return any(
        c.dep_ in ("acomp", "attr") and c.lemma_.lower() in ctx.lex.adjectives
        for c in verb.children
    )


def event(ctx: Context, earlier: list[IssueMatch]) -> IssueMatch | None:
    """The issue phrase nearest the main verb of the sentence before, signed by the path."""
    best = None
    for match in earlier:
        top = match.root.sent.root
        path = within(ctx, match, match.root, top, clause=True)
        if path is not None and (best is None or path[1] < best[1]):
            best = (replace(match, polarity=match.polarity * path[0]), path[1])
    return best[0] if best else None


def _on(match: IssueMatch, tok: Token) -> IssueMatch:
    return replace(match, start=tok.idx, end=tok.idx + len(tok), root=tok)
