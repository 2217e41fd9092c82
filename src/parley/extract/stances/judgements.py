"""Judging words: an actor calling an issue acceptable, illegal, not negotiable.

"For Russia, such a move was unacceptable", "Tehran called the decision illegal",
"the attacks were aggression, Putin said", "enrichment is not negotiable" (insisting
on it), "our weapons are not on the table" (phrases of bargaining in
`stance_judging.yaml`, judged like "negotiable"): the judging word (`adjectives` in
`stance_verbs.yaml`) is said of a phrase (the subject of its copula, the object of a
verb of calling, its own subject), and the judge is the actor named by "for"/"to",
the caller, the quote's speaker or the actor reporting it (`holders.judge`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from parley.extract.records import Stance
from parley.extract.stances.anaphora import event
from parley.extract.stances.context import Context, Holder
from parley.extract.stances.filters import blocked, hedged
from parley.extract.stances.frames import within
from parley.extract.stances.grammar import SUBJECTS, negated
from parley.extract.stances.holders import judge, name
from parley.extract.stances.judging_words import bargaining_phrases
from parley.extract.stances.scoring import make_stance

if TYPE_CHECKING:
    from spacy.tokens import Token

    from parley.extract.stances.issues import IssueMatch


def judgements(
    ctx: Context, word: Token, matches: list[IssueMatch], earlier: list[IssueMatch]
) -> list[Stance]:
    """An actor judging what a word is said of: "For Russia, such a move was unacceptable",
    "Tehran called the decision illegal", "the attacks were aggression, Putin said",
    "enrichment is not negotiable" (insisting on it).

    `earlier` are the issue phrases of the sentence before, for "such a move".
    """
    phrase = bargaining_phrase(word)  # means what the insistence words mean
    lemma = min(ctx.lex.insistence) if phrase else word.lemma_.lower()
    found = ctx.lex.adjectives.get(lemma)
    target = judged(ctx, word)
    who = judge(ctx, word)
    if found is None or target is None or who is None or blocked(ctx, word):
        return []
    is_negated = negated(word, ctx.lex) or negated(word.head, ctx.lex)
    if (phrase or word.lemma_.lower() in ctx.lex.insistence) and not is_negated:
        return []  # "negotiable" says nothing; "not negotiable" insists
    inside = [m for m in matches if m.root.i in {t.i for t in target.subtree}]
    if not inside and any(c.lower_ in ctx.lex.anaphoric for c in target.children):
        act = event(ctx, earlier)  # "such a move": what the sentence before did
        inside = [act] if act is not None else []
    if not inside and target.lower_ in POINTING:
        inside = pointed(target, matches)
        target = inside[0].root if inside else target
    sign = found.polarity * (-1 if is_negated else 1)
    if phrase and not owned(ctx, target, who):
        sign = found.polarity  # "direct talks are not on the table": ruled out
    is_hedged = hedged(ctx, word)
    stances = []
    for match in inside:
        path = within(ctx, match, match.root, target) if match.root.sent == target.sent else (1, 0)
        if path is not None:
            polarity = sign * path[0] * match.polarity
            stances.append(make_stance(ctx, word, who, polarity, match, is_hedged, found))
    return stances


def judged(ctx: Context, word: Token) -> Token | None:
    """What a judging word is said of: the subject of its copula ("X was unacceptable"),
    the object of a verb of calling ("called X illegal") or its own subject."""
    head = word.head
    if head.dep_ in ("dobj", "obj") and head.head.lemma_.lower() in ctx.lex.calling:
        return head  # "called [the toll cut] unacceptable", parsed under the object
    if head.lemma_.lower() in ctx.lex.calling:
        return next((c for c in head.children if c.dep_ in ("dobj", "obj")), None) or next(
            (c for c in word.children if c.dep_ in SUBJECTS), None
        )
    own = next((c for c in word.children if c.dep_ in SUBJECTS), None)
    if own is not None:
        return own
    if word.dep_ in ("acomp", "attr", "prep"):  # "X is [not on the table]"
        return next((c for c in head.children if c.dep_ in SUBJECTS), None)
    return None


POINTING = {"it", "they"}


def pointed(pronoun: Token, matches: list[IssueMatch]) -> list[IssueMatch]:
    """What "it"/"they" judged in a coordinated clause points back to: the subject naming an
    issue in the clause before ("Enrichment is our right and it is not negotiable")."""
    clause = pronoun.head
    if clause.dep_ != "conj":
        return []
    return [m for m in matches if m.root.dep_ in SUBJECTS and m.root.head.i == clause.head.i]


def owned(ctx: Context, target: Token, who: Holder) -> bool:
    """Whether what is judged is the judge's own ("our weapons", "the country's right"):
    then "not on the table" insists on keeping it, else it rules it out."""
    for child in target.children:
        if child.dep_ == "poss":
            if child.lower_ in OWN or child.lemma_.lower() in ctx.lex.self_nouns:
                return True  # "our weapons", "the country's right"
            found = name(ctx, child)
            return found is not None and found.actor == who.actor
    return False


OWN = {"our", "my", "its", "their"}


def judging(ctx: Context, tok: Token) -> bool:
    """Whether a word judges what it is said of: a judging adjective ("unacceptable") or the
    first word of a phrase of bargaining ("not [on] the table")."""
    if tok.lemma_.lower() in ctx.lex.adjectives:
        return tok.pos_ == "ADJ" or tok.dep_ in ("attr", "oprd")
    return bargaining_phrase(tok)


def bargaining_phrase(tok: Token) -> bool:
    """Whether a word on a copula starts a phrase saying its subject is open to bargaining
    ("on the table", "up for discussion"; `stance_judging.yaml`)."""
    if tok.dep_ not in ("prep", "acomp", "advmod", "attr") or tok.head.lemma_ not in COPULAS:
        return False
    doc = tok.doc
    for words in bargaining_phrases().get(tok.lower_, ()):
        end = tok.i + len(words)
        if end <= len(doc) and tuple(t.lower_ for t in doc[tok.i : end]) == words:
            return True
    return False


COPULAS = {"be", "remain", "stay"}
