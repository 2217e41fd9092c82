"""Frames: a cue word, its holder and the issue phrase it governs make a stance.

For a cue ("rebuffed", "Putin's demands", "unacceptable for Russia") and the
issue phrases of its sentence, take per issue the phrase nearest the cue in the
dependency tree and multiply the signs along the path: the phrase's polarity
(the proposition or its opposite), shifts ("halt"), words opposite to the
issue ("attacks" over a truce's words), negations, and the cue itself.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from parley.extract.records import Stance
from parley.extract.stances.context import Context, Holder
from parley.extract.stances.cues import cue, cue_key, for_clause, is_reporting
from parley.extract.stances.filters import blocked, emits, hedged
from parley.extract.stances.grammar import SUBJECTS, has_obligation, negated, to_infinitive
from parley.extract.stances.holders import (
    NESTED,
    RELATIVE,
    SIBLING,
    document_author,
    holder,
    joined_clause,
    made_into,
    name,
    partners,
    reports_own,
)
from parley.extract.stances.issues import issue_words
from parley.extract.stances.lexicon import Cue
from parley.extract.stances.scoring import make_stance

if TYPE_CHECKING:
    from spacy.tokens import Token

    from parley.extract.stances.issues import IssueMatch

# Edges from a cue to what it is about. Everything else (its subject, adverbial
# clauses, coordinated verbs) is about something else.
NOT_CONTENT = {
    "nsubj", "nsubjpass", "csubj", "advcl", "conj", "cc", "parataxis", "punct", "mark",
    "aux", "auxpass", "neg", "det", "poss", "case", "expl", "agent", "intj", "meta",
}  # fmt: skip
MAX_PATH = 12
DIRECT = {"dobj", "xcomp", "obj"}  # what a light verb bears on ("held talks", "keep talking")
FLIP_PREPS = {"without", "against"}  # "sign the treaty without delay"
SCOPE = Cue(1, flips=True)
# An actor's own clause (see voiced_stances), and a clause with its subject ("until the
# troops leave"): their subjects are content.
VOICED = Cue(1, flips=True, reporting=True, voiced=True)
CLAUSE = Cue(1, flips=True, voiced=True)
FUTURE = {"will", "would", "shall", "wo", "'ll"}


def cue_stances(ctx: Context, tok: Token, found: Cue, matches: list[IssueMatch]) -> list[Stance]:
    """Stances carried by one cue word: one per issue, from the nearest phrase."""
    if blocked(ctx, tok):
        return []
    is_negated = negated(tok, ctx.lex)
    if is_negated and not found.flips:
        return []
    who = holder(ctx, tok)
    if not isinstance(who, Holder) or background(ctx, tok, who):
        return []
    best: dict[str, tuple[int, int, IssueMatch]] = {}
    for match in matches:
        if match.start <= tok.idx < match.end or who.start <= match.start < who.end:
            continue
        if match.route == "summary" and not match.root.is_ancestor(tok):
            continue  # "lifted X, a decision Y had sought": for "sought", not "lifted"
        if match.cues is not None and not cued(ctx, tok, match.root, match.cues):
            continue
        if found.reporting and not reports_own(ctx, tok, who, clauses_to(tok, match.root)):
            continue
        if ctx.quote_at(match.root) == (True, None) and not who.document:
            continue  # the words are a quote from someone who is no case actor
        path = path_sign(ctx, match, tok, found)
        if path is None:
            continue
        sign, length = path
        if match.issue not in best or length < best[match.issue][1]:
            best[match.issue] = (sign * match.polarity, length, match)
    polarity = found.polarity * (-1 if is_negated or set_aside(tok) else 1)
    is_hedged = hedged(ctx, tok)
    return [
        make_stance(ctx, tok, each, sign * polarity, match, is_hedged, found)
        for sign, _length, match in own_issues(ctx, who, best.values())
        for each in (who, *(partners(ctx, tok, who) if not who.document else ()))
    ]


Best = tuple[int, int, "IssueMatch"]


def own_issues(ctx: Context, who: Holder, best: Iterable[Best]) -> list[Best]:
    """One phrase naming several issues equally ("keeping troops": the withdrawal of the
    holder's forces, or a foreign force) names those whose texts name the holder, else
    those whose proposition's agent may be the holder, if any."""
    found = list(best)
    by_root: dict[int, list[Best]] = defaultdict(list)
    for item in found:
        by_root[item[2].root.i].append(item)
    for items in by_root.values():
        own = [i for i in items if who.actor in ctx.issues.actors.get(i[2].issue, ())]
        if not own:  # else those whose agent could be the holder ("Ankara sent troops")
            own = [i for i in items if who.actor in ctx.issues.agents.get(i[2].issue, {who.actor})]
        if len(items) > 1 and own:
            found = [i for i in found if i not in items or i in own]
    return found


def clauses_to(verb: Token, root: Token) -> set[int]:
    """The indexes of the words between a verb of saying and a phrase below it."""
    found: set[int] = set()
    for tok in (root, *root.ancestors):
        if tok.i == verb.i:
            return found
        found.add(tok.i)
    return set()


def background(ctx: Context, tok: Token, who: Holder) -> bool:
    """A relative clause naming what its holder did before, inside the object of a shift
    by which the same holder undoes it ("cut the tariff he imposed", "suspend the controls
    it announced")."""
    if tok.dep_ != "relcl":
        return False
    for verb in tok.head.ancestors:
        found = cue(verb, ctx.lex)
        if found is not None and not found.reporting:
            other = holder(ctx, verb)
            if other == NESTED:  # "said he would cut the tariff he imposed": the speaker's;
                # "agreed to cut the tariffs they imposed": the holder of the verb above
                other = next(
                    (
                        holder(ctx, a)
                        for a in verb.ancestors
                        if is_reporting(a, ctx.lex) or cue(a, ctx.lex)
                    ),
                    None,
                )
            same = isinstance(other, Holder) and (other.actor == who.actor or who.pronoun)
            return found.shift and same
    return False


def voiced_stances(ctx: Context, verb: Token, matches: list[IssueMatch]) -> list[Stance]:
    """A clause in an actor's own words (its quote, transcript turn or round-up entry) that
    says what must or will happen: "The ceasefire must hold", "We will not lift the
    measures". The speaker holds it, signed by the verb itself ("lift" inverts) and the
    path from the issue phrase up to it, as if the speaker had said it in reported speech.
    """
    quoted, speaker = ctx.quote_at(verb)
    author = None if quoted else plan_author(ctx, verb)
    if not quoted and author is None:  # '"X is on offer," she said': the quote's clause
        return [
            stance
            for clause in verb.children
            if clause.dep_ == "ccomp" and on_state(ctx, clause) and ctx.quote_at(clause)[0]
            for stance in voiced_stances(ctx, clause, matches)
        ]
    if author is not None:
        speaker = author.actor
    if speaker is None or blocked(ctx, verb, voiced=True):
        return []
    own = cue(verb, ctx.lex)
    if own is not None and author is None and isinstance(holder(ctx, verb), Holder):
        return []  # a frame of its own ("We reject the plan")
    state = on_state(ctx, verb)  # "X is still on offer"
    to_come = author is not None and future(verb)  # "under the plan, X would Y"
    if not (has_obligation(verb, ctx.lex) or intends(ctx, verb, speaker) or state or to_come):
        return []
    who = author or Holder(speaker, verb.idx, verb.idx + len(verb), quoted=True)
    best: dict[str, tuple[int, int, IssueMatch]] = {}
    for match in matches:
        if match.route == "summary" and not match.root.is_ancestor(verb):
            continue
        path = path_sign(ctx, match, verb, VOICED) if match.root.i != verb.i else (1, 0)
        if path is None:
            continue
        own_word = match.root.i == verb.i  # "the troops would withdraw": the issue's own verb
        verb_sign = 1 if own_word else token_sign(ctx, verb, match.issue)
        sign = path[0] * verb_sign * match.polarity * (state or 1)
        if match.issue not in best or path[1] < best[match.issue][1]:
            best[match.issue] = (sign, path[1], match)
    is_hedged = hedged(ctx, verb)
    return [
        make_stance(ctx, verb, who, sign, match, is_hedged, VOICED)
        for sign, _length, match in best.values()
    ]


def plan_author(ctx: Context, verb: Token) -> Holder | None:
    """The author of the plan a clause is told under ("Under the plan, the troops would
    leave": what the plan's author proposes), from `holders.document_author`."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ctx.lex.under_preps:
            for noun in prep.children:
                found = document_author(ctx, noun) if noun.dep_ == "pobj" else None
                if found is not None:
                    return found
    return None


def future(verb: Token) -> bool:
    """A clause of what will or would happen."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE for c in verb.children)


def intends(ctx: Context, verb: Token, speaker: str) -> bool:
    """A future or negated clause whose subject is the speaker ("we will never", "Iran won't")."""
    future = any(c.dep_ == "aux" and c.lower_ in FUTURE for c in verb.children)
    if not future and not negated(verb, ctx.lex):
        return False
    return any(
        c.dep_ in SUBJECTS and (found := name(ctx, c)) is not None and found.actor == speaker
        for c in verb.children
    )


def cued(ctx: Context, cue_tok: Token, root: Token, cues: frozenset[str]) -> bool:
    """Whether the cue, or a cue word between it and the phrase, is one of `cues`."""
    for tok in (root, *root.ancestors):
        if tok.i != root.i and cue(tok, ctx.lex) is not None and cue_key(tok, ctx.lex) in cues:
            return True
        if tok.i == cue_tok.i:
            return False
    return False


def path_sign(
    ctx: Context, match: IssueMatch, cue_tok: Token, found: Cue, root: Token | None = None
) -> tuple[int, int] | None:
    """(sign, length) of the path from a phrase's head up to the cue, or None if off-path."""
    root = match.root if root is None else root
    sign, length, tok = (-1 if negated(root, ctx.lex) else 1), 0, root
    while tok.i != cue_tok.i:
        head = ctx.head(tok)
        if head.i == tok.i or length >= MAX_PATH:
            return special_scope(ctx, match, root, cue_tok)
        if joined_clause(tok):
            return None  # "A wants X; B wants Y": B's wish is Y alone
        if head.i == cue_tok.i:
            if for_clause(cue_tok, tok, ctx.lex):
                pass  # "called for the truce to be respected"
            elif (
                tok.dep_ in NOT_CONTENT
                and not content_edge(tok, cue_tok, found)
                and not hidden_content(ctx, tok, cue_tok)
            ):
                return None
            if tok.lower_ == "for" and made_into(ctx, cue_tok):
                return None  # "the condition for a withdrawal": what is granted, not asked
            if tok.dep_ == "prep" and tok.i < cue_tok.i and cue_tok.pos_ == "VERB":
                return None  # a fronted adverbial ("For the sake of X, he abandoned ...")
            if found.reporting and not found.voiced and tok.dep_ != "ccomp":
                return None
            if found.direct and (tok.dep_ not in DIRECT or length > 2):
                return None
            if found.shift and recipient(tok, cue_tok):
                return None  # "handed the administration to a body": the body gains it
        elif tok.dep_ == "parataxis" or (tok.dep_ in SIBLING and emits(ctx, tok)):
            return None
        elif tok.dep_ == "advcl" and any(c.dep_ == "mark" for c in tok.children):
            return None  # a circumstance or condition ("if", "while", "until"), see demands
        elif found.reporting and tok.dep_ in ("relcl", "acl"):
            return None  # a reported clause passes on its own arguments, not a noun's clause
        if tok.dep_ == "prep" and tok.lower_ in ctx.lex.adjunct_preps:
            return None
        if tok.lower_ == "for" and head.lemma_.lower() in ctx.lex.exchange_nouns:
            return None  # "in exchange for X": a condition, see conditions.py
        if head.i != cue_tok.i and tok.dep_ != "conj" and weighing(ctx, head):
            return None  # "discussed how to keep the truce", not "studied X but Y must"
        if any(c.dep_ == "advmod" and c.lower_ in ctx.lex.conditions for c in head.children):
            return None  # "warned that otherwise he would call off the truce"
        if tok.dep_ != "conj" and head.i != cue_tok.i and not gives_to(ctx, tok, head):
            sign *= token_sign(ctx, head, match.issue)
        flips = tok.dep_ == "prep" and (shift_before(ctx, tok) or tok.lower_ in FLIP_PREPS)
        if flips and not own_particle(ctx, tok, head):  # "argued against X": the cue's word
            sign = -sign
        if contrasted(tok):  # "negotiate rather than retaliate", "talks instead of X"
            sign = -sign
        tok, length = head, length + 1
    return sign, length


def contrasted(tok: Token) -> bool:
    """Whether a word is what a contrast sets aside: the second member of "X rather than
    Y" (a conjunct or the object of "than"), or the phrase "instead of Y" (the contrast
    words of `extract/data/issue_words.yaml`)."""
    if tok.dep_ not in ("conj", "prep", "cc"):
        return False
    for first, second in issue_words().contrasts:
        marks = [c for c in tok.head.children if c.lower_ == second and c.i < tok.i]
        if tok.dep_ == "conj" and any(_marked(m, first) for m in marks):
            return True
        if tok.lower_ == second and tok.dep_ in ("prep", "cc") and _marked(tok, first):
            return True
    return False


def set_aside(verb: Token) -> bool:
    """A cue that a contrast sets aside ("chose to talk instead of imposing X", "talk
    rather than impose X"): its holder wants the other course."""
    return contrasted(verb) or (verb.dep_ in ("pcomp", "pobj") and contrasted(verb.head))


def _marked(word: Token, first: str) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ == first for c in word.children)


def own_particle(ctx: Context, prep: Token, verb: Token) -> bool:
    """Whether a preposition is part of its verb's phrasal cue ("argue against", "vote
    against"), whose polarity already says what it says."""
    return (verb.lemma_.lower(), prep.lower_) in ctx.lex.phrasal


def weighing(ctx: Context, verb: Token) -> bool:
    """A verb of deliberation ("discussed", not the cue "consider") or an indirect question
    between a phrase and its cue."""
    if verb.lemma_.lower() in ctx.lex.deliberation and cue(verb, ctx.lex) is None:
        return not decided(ctx, verb)
    return any(c.lower_ in ctx.lex.indirect_questions for c in verb.children if c.i < verb.i)


def hidden_content(ctx: Context, tok: Token, cue_tok: Token) -> bool:
    """Edges the parser gave what a cue is about: the subject of the small clause of a
    noun made into a cue ("made disarmament the condition"), and an infinitive parsed as
    an adverbial clause."""
    made = tok.dep_ in SUBJECTS and made_into(ctx, cue_tok)
    return made or infinitive_complement(tok, cue_tok)


def infinitive_complement(clause: Token, verb: Token) -> bool:
    """ "offered more than once to take X": an infinitive the parser made an adverbial
    clause because an adverbial came between, when the cue verb has no other complement."""
    if clause.dep_ != "advcl" or verb.pos_ != "VERB" or clause.i < verb.i:
        return False
    if not to_infinitive(clause):
        return False
    if any(c.dep_ == "mark" for c in clause.children):
        return False  # "in order to", "so as to"
    return not any(
        c.dep_ in ("xcomp", "ccomp") or (c.dep_ in ("dobj", "obj") and c.pos_ in NOMINAL)
        for c in verb.children
    )


NOMINAL = {"NOUN", "PROPN", "PRON"}


def recipient(tok: Token, verb: Token) -> bool:
    """The phrase naming whom a verb gives something to ("hand over X to a committee"); on
    a noun "to" names what it acts on ("an end to the war")."""
    if verb.pos_ != "VERB":
        return False
    return tok.dep_ == "dative" or (tok.dep_ == "prep" and tok.lower_ == "to")


def gives_to(ctx: Context, tok: Token, verb: Token) -> bool:
    """A shift verb's recipient: the shift gives up its object, not its recipient."""
    found = cue(verb, ctx.lex)
    return found is not None and found.shift and recipient(tok, verb)


def decided(ctx: Context, verb: Token) -> bool:
    """A deliberation another cue takes as its object: "refused to discuss X" refuses X,
    "agreed to discuss X" accepts it."""
    if verb.dep_ != "xcomp":
        return False
    found = cue(ctx.head(verb), ctx.lex)
    return found is not None and not found.reporting and not found.shift


def content_edge(child: Token, cue_tok: Token, found: Cue) -> bool:
    """Edges that are content only in some constructions: a noun's relative clause, the
    subject of a passive with an agent ("a ceasefire was rejected by Moscow"), and the
    subject of an actor's own clause ("the ceasefire must hold")."""
    if found.voiced and child.dep_ in SUBJECTS:
        return True
    if child.dep_ == "relcl":
        return cue_tok.pos_ == "NOUN"
    if child.dep_ == "nsubjpass":
        return any(c.dep_ == "agent" for c in cue_tok.children)
    return False


def special_scope(
    ctx: Context, match: IssueMatch, root: Token, cue_tok: Token
) -> tuple[int, int] | None:
    """Phrases a cue governs without dominating them.

    A relative clause's head noun is its object ("the pause Kyiv accepted");
    a noun that is the subject of "include"/"be" is about the predicate
    ("its demands included limits on NATO expansion"), and a predicate noun
    about the subject ("a ceasefire is a precondition for Kyiv").
    """
    objects = [c for c in cue_tok.children if c.dep_ in ("dobj", "obj")]
    light = cue(cue_tok, ctx.lex)
    if light is not None and light.direct:
        return None  # a light verb bears only on its own object
    relative_subject = any(
        c.dep_ in SUBJECTS and c.lower_ in RELATIVE for c in cue_tok.children
    )  # "concessions that extend": the noun is the subject, not the object
    if (
        cue_tok.dep_ == "relcl"
        and not objects
        and not relative_subject
        and cue_tok.i not in {a.i for a in root.ancestors}
    ):
        noun = cue_tok.head
        if root.i == noun.i:
            return 1, 1
        if noun.i in {a.i for a in root.ancestors}:
            found = path_sign(ctx, match, noun, SCOPE, root)
            return None if found is None else (found[0], found[1] + 1)
    head = cue_tok.head
    if made_into(ctx, cue_tok) or cue_tok.dep_ in ("dobj", "obj"):
        found = sibling_scope(ctx, match, root, cue_tok)
        if found is not None:
            return found
    if on_predicate(cue_tok):  # "X is still on offer": the offer is of X
        head = head.head
    if cue_tok.dep_ == "attr" or on_predicate(cue_tok):
        subjects = [c for c in head.children if c.dep_ in SUBJECTS]
        if subjects and root.i in {t.i for t in subjects[0].subtree}:
            return within(ctx, match, root, subjects[0])
    if cue_tok.dep_ == "nsubj" and head.lemma_ in ("be", "include", "involve", "remain"):
        found = path_sign(ctx, match, head, SCOPE, root)
        if found is not None:
            return found[0], found[1] + 1
    return None


def on_predicate(noun: Token) -> bool:
    """A cue noun in a predicate of state ("is on offer", "remains on the agenda of"):
    about the clause's subject."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ == "on"
        and prep.dep_ == "prep"
        and prep.head.lemma_ in COPULAS
        and not any(c.dep_ == "det" for c in noun.children)  # "on the plan": a topic
    )


COPULAS = {"be", "remain", "stay"}


def on_state(ctx: Context, verb: Token) -> int:
    """The polarity of a cue noun a clause puts its subject in ("X is on offer", "stays
    on offer"), else 0."""
    for prep in verb.children:
        for noun in prep.children:
            found = cue(noun, ctx.lex) if on_predicate(noun) else None
            if found is not None and not found.shift:
                return found.polarity
    return 0


# Prepositions of a cue noun's complement ("a call for X", "its rejection of X").
NOUN_PREPS = {"for", "of", "to", "on"}


def sibling_scope(
    ctx: Context, match: IssueMatch, root: Token, noun: Token
) -> tuple[int, int] | None:
    """What a cue noun is about when the parser hung it on the noun's verb: the object a
    verb of making turns into the noun ("made disarmament its condition"), and the noun's
    complement after it ("renewed its call on Monday for a truce")."""
    if noun.pos_ != "NOUN":
        return None
    verb = noun.head
    for child in verb.children:
        if child.i == noun.i or root.i not in {t.i for t in child.subtree}:
            continue
        if child.dep_ in ("dobj", "obj") and noun.dep_ == "oprd" and made_into(ctx, noun):
            return within(ctx, match, root, child)
        granted = child.lower_ == "for" and made_into(ctx, noun)  # "condition for X"
        if child.dep_ == "prep" and child.i > noun.i and child.lower_ in NOUN_PREPS and not granted:
            return within(ctx, match, root, child)
    return None


def within(
    ctx: Context, match: IssueMatch, root: Token, top: Token, clause: bool = False
) -> tuple[int, int] | None:
    """(sign, length) from a phrase up to `top`, a phrase above it ("the withdrawal of
    troops" is a precondition: the shift "withdrawal" counts). With `clause`, `top` is a
    clause whose subject counts too ("until the troops leave")."""
    if root.i == top.i:
        return (-1 if negated(root, ctx.lex) else 1), 2
    found = path_sign(ctx, match, top, CLAUSE if clause else SCOPE, root)
    if found is None:
        return None
    return found[0] * token_sign(ctx, top, match.issue), found[1] + 2


def shift_before(ctx: Context, prep: Token) -> bool:
    """ "a halt to strikes" parsed as "support ... to strikes": the shift noun still counts."""
    if prep.i == 0:
        return False
    before = prep.doc[prep.i - 1]
    found = ctx.lex.nouns.get(before.lemma_.lower()) if before.pos_ == "NOUN" else None
    return found is not None and found.shift and before.head.i == prep.head.i


def token_sign(ctx: Context, tok: Token, issue: str) -> int:
    """-1 for a shift, an oppose cue, a word opposite to the issue or a negated word between a
    phrase and its cue."""
    sign = -1 if negated(tok, ctx.lex) else 1
    found = cue(tok, ctx.lex)
    if found is not None and not found.reporting:
        sign *= found.polarity
    if ctx.issues.opposes(issue, tok):
        sign = -sign
    return sign
