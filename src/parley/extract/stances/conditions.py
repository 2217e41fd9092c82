"""Conditions an actor sets: what it makes an offer, a refusal or its course depend on.

"Rwanda would lift its measures only once the militia is disarmed", "Baku will not
sign until Armenia changes its constitution", "the sanctions will stay until the
troops leave", "ready to accept limits in exchange for the lifting of sanctions":
the condition is the actor's demand. Conditions are adverbial clauses marked by a
word of `stance_verbs.yaml` (`demand_marks`, or `only_marks` with "only"), and the
object of a prepositional phrase of exchange (`exchange_nouns`: "in exchange for").

A noun of condition set on a phrase is one too: "Israel has made X the condition for
Y", "for Israel, X is the condition" (`stance_judging.yaml`).

A clause marked "until", "once" or "unless" is a demand when it asks an actor to act
(its subject names one) or with "only"; otherwise it only says when.

The holder is the main clause's: its subject, else the actor whose words the clause
is (a quote, a transcript turn) or who reports it ("the EU said its sanctions will
stay until ..."). The main clause must state an intention: a cue, a negation or a
modal ("will", "would"); a plain "if" is not a demand ("X would retaliate if Y"
opposes Y).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from parley.extract.records import Stance
from parley.extract.stances.context import Context, Holder
from parley.extract.stances.cues import cue, is_reporting
from parley.extract.stances.filters import blocked, hedged
from parley.extract.stances.frames import within
from parley.extract.stances.grammar import main_clause, negated
from parley.extract.stances.holders import holder, judge
from parley.extract.stances.judging_words import word_set
from parley.extract.stances.lexicon import Cue
from parley.extract.stances.scoring import make_stance

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from parley.extract.stances.issues import IssueMatch

DEMAND = Cue(1, flips=False)
MODALS = {"will", "would", "shall", "wo", "'ll", "can", "could"}


def demand_stances(ctx: Context, sent: Span, matches: list[IssueMatch]) -> list[Stance]:
    """Stances on the issues named in the conditions of one sentence."""
    found: list[Stance] = []
    for condition, verb, marker in conditions(ctx, sent):
        inside = {t.i for t in condition.subtree}
        who = condition_holder(ctx, verb)
        if marker.pos_ == "NOUN":  # "For Israel, X is the condition for Y": X, by Israel
            inside -= {t.i for t in marker.subtree} - {t.i for t in condition.subtree}
            who = judge(ctx, marker) if verb.lemma_ == "be" else who
        if who is None or blocked(ctx, verb):
            continue
        best: dict[str, tuple[int, int, IssueMatch]] = {}
        for match in matches:
            if match.root.i not in inside:
                continue
            path = within(ctx, match, match.root, condition, clause=True)
            if path is not None and (match.issue not in best or path[1] < best[match.issue][1]):
                best[match.issue] = (path[0] * match.polarity, path[1], match)
        is_hedged = hedged(ctx, verb)
        found += [
            make_stance(ctx, marker, who, sign, match, is_hedged, DEMAND)
            for sign, _length, match in best.values()
        ]
    return found


def conditions(ctx: Context, sent: Span) -> list[tuple[Token, Token, Token]]:
    """(condition, main verb, marker word) of every demand in a sentence."""
    lex = ctx.lex
    found = []
    for tok in sent:
        word = tok.lower_
        if tok.dep_ == "mark" and tok.head.dep_ == "advcl":
            clause = tok.head
            verb = main_clause(clause)
            only = any(c.lower_ == "only" for c in (*clause.children, *_governing(verb)))
            demand = word in lex.demand_marks and (only or agentive(ctx, clause))
            if (demand or (word in lex.only_marks and only)) and intends(ctx, verb):
                found.append((clause, verb, tok))
        elif word == "for" and tok.head.lemma_.lower() in lex.exchange_nouns:
            objects = [c for c in tok.children if c.dep_ == "pobj"]
            acting = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX", "ADJ")), None)
            if objects and acting is not None:
                found.append((objects[0], acting, tok))
        elif (made := condition_set(tok)) is not None:
            found.append((*made, tok))
    return found


def condition_set(noun: Token) -> tuple[Token, Token] | None:
    """(what, verb): what a noun of condition makes a condition of, the object of "made X
    the condition" or the subject of "X is the precondition" (nouns and verbs in
    `stance_judging.yaml`), and the verb that does."""
    if noun.lemma_.lower() not in word_set("condition_nouns"):
        return None
    head = noun.head
    setting = word_set("setting")
    if noun.dep_ in ("oprd", "ccomp", "xcomp") and head.lemma_.lower() in setting:
        made = next((c for c in head.children if c.dep_ in ("dobj", "obj")), None)
        return (made, head) if made is not None else None
    if noun.dep_ == "dobj" and head.pos_ != "VERB" and head.head.lemma_.lower() in setting:
        return head, head.head  # "made [X [the condition]]", as the parser often reads it
    own = next((c for c in noun.children if c.dep_ == "nsubj"), None)
    if noun.dep_ == "dobj" and own is not None and head.lemma_.lower() in setting:
        return own, head  # "made [X the condition]"
    if noun.dep_ == "attr" and head.lemma_ == "be":
        made = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return (made, head) if made is not None else None
    return None


def _governing(verb: Token) -> list[Token]:
    """The dependents of a verb and of the verbs it complements ("would only agree to
    postpone X if Y": "only" stands on "agree")."""
    found = list(verb.children)
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
        found += verb.children
    return found


def agentive(ctx: Context, clause: Token) -> bool:
    """Whether a condition asks an actor to act ("until Armenia changes", "once Kinshasa
    releases", "until Rwanda's troops leave"), not a time ("once the treaty takes effect")."""
    for child in clause.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return any(t.i in ctx.actors for t in child.subtree)
    return False


def intends(ctx: Context, verb: Token) -> bool:
    """Whether a main clause states what its holder will or will not do."""
    if cue(verb, ctx.lex) is not None or negated(verb, ctx.lex):
        return True
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)


def condition_holder(ctx: Context, verb: Token) -> Holder | None:
    """The actor setting a condition: the main clause's holder, else the actor in whose
    words (quote, turn) or report the clause stands."""
    for cur in (verb, *ctx.ancestors(verb)):  # "offered to cut X in exchange for Y"
        found = holder(ctx, cur)
        if isinstance(found, Holder):
            return found
        if is_reporting(cur, ctx.lex):
            return None
    quoted, speaker = ctx.quote_at(verb)
    if quoted and speaker is not None:
        return Holder(speaker, verb.idx, verb.idx + len(verb), quoted=True)
    return None
