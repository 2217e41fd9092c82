"""What is not a stance, although a cue and an issue meet in a sentence.

Each filter answers one question about a cue word:
- a quote from someone who is no case actor, or a commentator's verb of saying
  over the cue ("an analyst said X wants ...");
- a condition ("if Russia doesn't agree", "had the US withdrawn ...");
- an obligation ("would have to agree");
- the writer's speculation ("might impose") and irrealis estimates ("it seems
  improbable that X would agree", "X is unlikely to accept");
- a plan's or phase's content ("that phase envisioned X agreeing to ...");
- deliberation ("was considering the proposal");
- a question in the writer's voice;
- the caller's word for another's act ("what it called X's refusal"), a possibility
  announced by a verb of warning ("warned that it could impose"), and a commentator's
  aside the parser hangs on the cue's verb ("It is possible, she said, that ...").
`hedged` says whether the article qualifies the report ("reportedly", "seems").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from parley.extract.stances.context import Context, Holder
from parley.extract.stances.cues import cue, is_reporting
from parley.extract.stances.grammar import SUBJECTS, has_obligation
from parley.extract.stances.holders import document_author, holder, name, resolve, speaker_at
from parley.extract.stances.judging_words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Token

COMPLEMENTS = {"ccomp", "xcomp", "csubj", "conj", "acomp"}
PREDICATES = {"acomp", "advmod", "oprd", "attr"}  # "seems improbable", "will likely"


def blocked(ctx: Context, tok: Token, voiced: bool = False) -> bool:
    """Whether the article does not report cue `tok` as its holder's stance.

    `voiced`: the cue is the clause of an actor's own words, where an obligation
    ("the ceasefire must hold") is the stance itself."""
    quoted, speaker = ctx.quote_at(tok)
    if quoted and speaker is None:
        return True
    if not quoted and _question(tok):
        return True
    reported = quoted
    if any(c.dep_ == "ccomp" and warns(ctx, tok, c) for c in tok.children):
        return True  # the verb of warning passing on its threat
    for cur in (tok, *ctx.ancestors(tok)):
        if any(c.dep_ == "mark" and c.lower_ in ctx.lex.conditions for c in cur.children):
            return True
        if any(c.dep_ == "advmod" and c.lower_ in ctx.lex.conditions for c in cur.children):
            return True  # "otherwise he would call off the truce": a threat on a condition
        if cur.dep_ == "advcl" and _to_come(ctx, cur):
            return True  # "a ceasefire once both sides accept it": not yet anyone's act
        if cur.i != tok.i and accused(ctx, tok, cur):
            return True  # "accused the government of giving up on X": a claim about another
        if any(c.lower_ in ctx.lex.indirect_questions for c in cur.children if c.i < cur.i):
            return True  # "discussed how to keep the truce"
        if inverted_condition(cur) or (cur.i != tok.i and _envisaged(ctx, cur)):
            return True
        if tok.pos_ == "VERB" and cur.i != tok.i and weighed(ctx, cur):
            return True  # "discussed how to cut the tolls", not "discussed X's demand"
        if cur.i != tok.i and labelled(ctx, cur):
            return True  # "what it called X's refusal": the caller's word for the act
        if any(aside(ctx, c) for c in cur.children):
            return True  # "It is possible, she said, that X would accept" (misparsed aside)
        if cur.i != tok.i and is_reporting(cur, ctx.lex):
            if commentator_says(ctx, cur):
                return True
            if warns(ctx, cur, tok):
                return True
            reported = True
    if (not voiced and obliged(ctx, tok)) or deliberating(ctx, tok):
        return True
    if irrealis(ctx, tok, reported):
        return True
    speculative = any(c.dep_ == "aux" and c.lower_ in ctx.lex.speculative for c in tok.children)
    return speculative and not reported


def _to_come(ctx: Context, clause: Token) -> bool:
    """A clause of time in the present that speaks of the future ("once both sides accept
    it", "when Hamas agrees"): what it says has not happened."""
    marks = ctx.lex.demand_marks | ctx.lex.only_marks
    timed = any(c.dep_ in ("mark", "advmod") and c.lower_ in marks for c in clause.children)
    return timed and clause.tag_ in ("VBP", "VBZ")


def accused(ctx: Context, tok: Token, verb: Token) -> bool:
    """Whether `tok` is in what verb (of accusing) says someone did, not coordinated with it
    ("accused X of giving up and demanded a halt": the demand is the accuser's)."""
    if verb.lemma_.lower() not in ctx.lex.accusing:
        return False
    cur = tok
    while ctx.head(cur).i != verb.i:
        cur = ctx.head(cur)
    return cur.dep_ != "conj"


def weighed(ctx: Context, verb: Token) -> bool:
    """A verb of deliberation that is no cue of its own ("discussed", not "considered")."""
    return verb.lemma_.lower() in ctx.lex.deliberation and cue(verb, ctx.lex) is None


def labelled(ctx: Context, verb: Token) -> bool:
    """A verb of calling with "what" for its object ("what it called X's refusal", "what he
    described as a rejection"): the act below is the caller's word for it, no report."""
    if verb.lemma_.lower() not in ctx.lex.calling:
        return False
    return any(c.dep_ in ("dobj", "obj") and c.lower_ == "what" for c in verb.children)


def aside(ctx: Context, clause: Token) -> bool:
    """A clause hung on the cue's verb by a misparse that frames it: a commentator's
    parenthetical verb of saying ("..., she said, that ...") or an estimate with an empty
    subject ("It is possible ... that X would accept")."""
    if clause.dep_ not in ("parataxis", "ccomp") or clause.i > clause.head.i:
        return False
    if is_reporting(clause, ctx.lex):
        return commentator_says(ctx, clause)
    expletive = any(c.dep_ in SUBJECTS and c.lower_ == "it" for c in clause.children)
    words = ctx.lex.irrealis
    return expletive and any(
        c.lemma_.lower() in words and c.dep_ in PREDICATES for c in clause.children
    )


def warns(ctx: Context, verb: Token, tok: Token) -> bool:
    """Whether `tok` is a possibility announced by a verb of warning ("warned that it could
    impose tariffs"): a threat, not a decision."""
    if verb.lemma_.lower() not in word_set("warning"):
        return False
    speculative = ctx.lex.speculative
    return any(c.dep_ == "aux" and c.lower_ in speculative for c in tok.children)


def commentator_says(ctx: Context, verb: Token) -> bool:
    """A verb of saying whose subject is a commentator (a person who is no case actor)."""
    for child in verb.children:
        if child.dep_ == "nsubj" and speaker_at(ctx, child) == "":
            return True
        if child.dep_ == "nsubj":
            if child.i in ctx.actors or name(ctx, child):
                return False
            if child.i in ctx.persons or child.lemma_.lower() in ctx.lex.commentators:
                return True
            return commentator_pronoun(ctx, child)
    return False


def commentator_pronoun(ctx: Context, tok: Token) -> bool:
    """ "he"/"she" after a person who is no case actor, with no actor's person nearer."""
    if tok.lower_ not in ("he", "she") or resolve(ctx, tok) is not None:
        return False
    sent = tok.sent
    start = ctx.doc[sent.start - 1].sent.start if sent.start > 0 else 0
    return any(i in ctx.persons and i not in ctx.actors for i in range(start, tok.i))


def inverted_condition(tok: Token) -> bool:
    """ "Had the US withdrawn aid, ...": an auxiliary before the subject opens a condition."""
    if tok.dep_ != "advcl":
        return False
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    subj = [c for c in tok.children if c.dep_ in SUBJECTS]
    return bool(aux and subj and aux[0].i < subj[0].i and aux[0].i == tok.left_edge.i)


def obliged(ctx: Context, tok: Token) -> bool:
    """The cue is something someone must do ("would have to agree"), not does."""
    cur = tok
    while True:
        if has_obligation(cur, ctx.lex, own_only=True):
            return True
        if cur.head.i == cur.i or is_reporting(cur.head, ctx.lex):
            return False
        if cur.dep_ == "xcomp" and cur.head.lemma_ in ("have", "need"):
            return not any(c.lower_ in ctx.lex.negating for c in cur.head.children)
        cur = cur.head


def irrealis(ctx: Context, tok: Token, reported: bool) -> bool:
    """The writer's estimate of what an actor would do: "it seems improbable that X would
    agree", "X is unlikely to accept", "officials expect X to reject".

    Only the estimate's own complement is blocked, climbing from the cue through
    complement clauses; an adjunct of the sentence ("despite X's agreement, it is
    unlikely that ...") keeps its stance.
    """
    words = ctx.lex.irrealis
    cur = tok
    while True:
        if tok.pos_ == "VERB" and cur.i != tok.i and weighed(ctx, cur):
            return True  # "discussed how to cut the tolls", not "discussed X's demand"
        if cur.i != tok.i and is_reporting(cur, ctx.lex):
            return False
        if cur.i != tok.i and cur.lemma_.lower() in words:
            return not (reported and cur.pos_ == "VERB" and _actor_subject(ctx, cur))
        if any(c.lemma_.lower() in words and c.dep_ in PREDICATES for c in cur.children):
            return not reported
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep":
            cur = cur.head  # "expect Tehran to respond by limiting inspections"
        elif cur.dep_ not in COMPLEMENTS and cur.dep_ != "advcl":
            return False  # "improbable that X would agree while Hamas keeps its arms" too
        elif cur.dep_ == "conj" and any(c.dep_ in SUBJECTS for c in cur.children):
            return False  # "X is due to host Y, and its officials say ...": a clause of its own
        if cur.head.i == cur.i:
            return False
        cur = cur.head


def deliberating(ctx: Context, tok: Token) -> bool:
    """ "Hamas was considering the proposal": weighing is not deciding (progressive only)."""
    if tok.lemma_.lower() not in ctx.lex.deliberation or tok.tag_ != "VBG":
        return False
    return any(c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children)


def _envisaged(ctx: Context, verb: Token) -> bool:
    """A plan, phase or draft (no case actor) that envisaged the clause below it."""
    if verb.lemma_.lower() not in ctx.lex.envisaging:
        return False
    return not _actor_subject(ctx, verb)


def _actor_subject(ctx: Context, verb: Token) -> bool:
    """Whether a verb's subject names an actor, or is a plan an actor put forward."""
    return any(
        c.dep_ in SUBJECTS and isinstance(name(ctx, c) or document_author(ctx, c), Holder)
        for c in verb.children
    )


def _question(tok: Token) -> bool:
    """Whether the cue's sentence is a question (it ends in "?", maybe before a closing mark)."""
    sent = tok.sent
    return sent[-1].text == "?" or (len(sent) > 1 and sent[-2].text == "?" and sent[-1].is_punct)


def emits(ctx: Context, tok: Token) -> bool:
    """Whether a word is a cue that makes a stance of its own (so others skip its clause)."""
    return cue(tok, ctx.lex) is not None and isinstance(holder(ctx, tok), Holder)


def hedged(ctx: Context, tok: Token) -> bool:
    """Whether the article qualifies the report ("reportedly", "seems to", "suggested")."""
    hedges = ctx.lex.hedges
    for cur in (tok, *ctx.ancestors(tok)):
        if cur.lemma_.lower() in hedges:
            return True
        if any(c.lemma_.lower() in hedges and c.dep_ in ("advmod", "aux") for c in cur.children):
            return True
    return False
