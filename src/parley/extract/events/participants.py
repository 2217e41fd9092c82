"""Who took part in an event: case actor ids, else the names of people and organisations.

The subject (or possessor) comes first, then the names in the trigger's phrase
(its objects and its with/to/between phrases). A statement's participant is
its speaker only: whom it was told to and where ("told Fox News", "wrote on
X") is the channel. Places are never participants: facilities and regions
("the Oval Office"), and any name in a venue phrase ("in Jeddah", "at the
summit") even when it is a case alias; a capital that acts ("Moscow said") is
its actor.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

from parley.extract.events.triggers import CLAUSE_DEPS, Trigger

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from parley.extract.records import Mention

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
PARTNER_PREPS = frozenset({"with", "to", "between", "against", "from", "on", "by"})
# A subject's name without the role set beside it ("Kellogg, Trump's Ukraine envoy").
NAME_ONLY_DEPS = frozenset({"appos", "prep"})
VENUE_PREPS = frozenset({"in", "at", "near", "inside", "outside", "of", "across", "around"})
PLACE_LABELS = frozenset({"FAC", "LOC"})
PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers"})


def participants(
    doc: Doc,
    trigger: Trigger,
    mentions: Sequence[Mention],
    content: Sequence[Token] = (),
    cased: bool = False,
) -> tuple[str, ...]:
    """Actor ids (or entity keys) of the participants, subject or possessor first. Folded
    words in `content` are what was agreed or proposed, not who took part. With a case
    (`cased`), a place name that is no case actor is a place ("from Beit Hanoun to Rafah")."""
    token = trigger.token
    first: list[Token] = []
    subject = _subject(token)
    if subject is not None:
        first = [subject] if subject.lower_ in PRONOUNS else phrase(subject, NAME_ONLY_DEPS)
        if not mentions_in(doc, first, mentions):
            # "the group's spokesman, Lawrence Kanyuka": the name stands beside the role;
            # "the defence ministry in Moscow": the capital is the ministry's seat
            first = phrase(subject)
    rest: list[Token] = []
    if trigger.type != "statement":
        rest = [t for t in _partners(token) + _verb_partners(token) if t not in first]
        for folded in trigger.folded:
            if folded not in content:
                rest += [t for t in _partners(folded) if t not in rest and t not in first]
    ids: list[str] = []
    for group, is_subject in ((first, True), (rest, False)):
        found = [
            m for tok in group if tok.lower_ in PRONOUNS for m in _resolve_pronoun(tok, mentions)
        ]
        for mention in found + mentions_in(doc, group, mentions):
            # a capital named with the speaker is its seat: "the defence ministry in Moscow"
            seat = is_subject and mention.actor is not None
            unmapped = cased and mention.label == "GPE" and not mention.actor
            if (_is_place(doc, mention) and not seat) or unmapped:
                continue
            if _attribute(doc, mention, token):
                continue
            ident = mention.actor or (mention.key if mention.label != "NORP" else None)
            if ident and ident not in ids:
                ids.append(ident)
    return tuple(ids)


def _partners(token: Token) -> list[Token]:
    """The words that name who else took part: objects, compounds and possessors, and the
    objects of with/to/between/against...; not a phrase that places the event ("in his call
    with Trump, Putin agreed": Trump took part in the call)."""
    out = [token]
    for child in token.children:
        if child.dep_ in CLAUSE_DEPS | SUBJECT_DEPS:
            continue
        if child.dep_ == "prep" and child.lower_ not in PARTNER_PREPS:
            continue
        out += phrase(child)
    return sorted(set(out), key=lambda t: t.i)


def _verb_partners(token: Token) -> list[Token]:
    """For a noun object, the verb's with/to phrases: "held calls this week with Putin"."""
    if token.pos_ != "NOUN" or token.dep_ != "dobj":
        return []
    preps = [c for c in token.head.children if c.dep_ == "prep" and c.lower_ in PARTNER_PREPS]
    return [t for prep in preps for t in phrase(prep)]


def _attribute(doc: Doc, mention: Mention, trigger: Token) -> bool:
    """A name modifying the event noun that is no party ("the Oval Office meeting", "the
    Istanbul talks"); people and case actors ("the Trump-Putin call") take part."""
    if mention.label in PERSONAL or mention.actor:
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return (
        span is not None
        and len(span) > 0
        and span.root.dep_ == "compound"
        and (span.root.head.i == trigger.i)
    )


PERSONAL = frozenset({"PERSON"})


def _is_place(doc: Doc, mention: Mention) -> bool:
    """A venue, not a participant: facilities, regions, and names after "in", "at", "near"."""
    if mention.label in PLACE_LABELS:
        return True
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in VENUE_PREPS:
        return mention.label in ("GPE", "NORP") or not mention.actor
    return mention.label == "NORP" and not mention.actor


def _subject(token: Token) -> Token | None:
    """The subject of a verb trigger, or the possessor of a noun trigger (the subject of the
    verb a noun hangs on is no participant: in "Qatar welcomed the deal" Qatar made no deal)."""
    if token.pos_ == "NOUN":
        poss = [c for c in token.children if c.dep_ == "poss"]
        if poss:
            return poss[0]
        # "the statement by the mediator": the agent of a noun
        agents = [c for p in token.children if p.lower_ == "by" for c in p.children]
        return next((c for c in agents if c.dep_ == "pobj"), None)
    verb: Token | None = token
    for _ in range(3):  # "Speaking to reporters, Zelensky said": borrow the main subject
        if verb is None:
            return None
        # a passive trigger's subject is what was done ("sanctions were imposed"); a
        # passive above it holds the doer ("X is set to brief")
        deps = ("nsubj", "csubj") if verb is token else ("nsubj", "csubj", "nsubjpass")
        subjects = [c for c in verb.children if c.dep_ in deps]
        if subjects:
            return subjects[0]
        agents = [c for c in verb.children if c.dep_ == "agent"]
        if agents and list(agents[0].children):
            return next(iter(agents[0].children))
        if verb.dep_ == "pcomp":  # "after holding calls": prep -> its verb
            verb = verb.head.head
        else:
            verb = verb.head if verb.dep_ in ("advcl", "xcomp", "conj", "acl") else None
        while verb is not None and verb.dep_ in ("relcl", "acl"):
            # a participle the parser hung on a relative clause: the clause's noun's verb
            verb = next((a for a in verb.head.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return None


def phrase(token: Token, skip: frozenset[str] = frozenset()) -> list[Token]:
    """The token and its nominal dependents, not the clauses hanging off it."""
    out = [token]
    stack = [c for c in token.children if c.dep_ not in CLAUSE_DEPS | SUBJECT_DEPS | skip]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack += [c for c in tok.children if c.dep_ not in (CLAUSE_DEPS - {"conj"}) | skip]
    return sorted(out, key=lambda t: t.i)


def mentions_in(doc: Doc, tokens: Sequence[Token], mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions that start inside one of these tokens, in mention order.

    Bisects the sorted token ranges: a trigger per token of a long sentence, each
    checked against every mention, must not cost mentions x tokens x tokens.
    """
    if not tokens:
        return []
    ranges = sorted((t.idx, t.idx + len(t)) for t in tokens)
    starts = [start for start, _ in ranges]
    lo, hi = starts[0], max(end for _, end in ranges)

    def inside(char: int) -> bool:
        at = bisect.bisect_right(starts, char) - 1
        return at >= 0 and char < ranges[at][1]

    first = bisect.bisect_left(mentions, lo, key=_start)  # mentions are sorted by start
    last = bisect.bisect_left(mentions, hi, key=_start)
    return [m for m in mentions[first:last] if inside(m.start)]


def _start(mention: Mention) -> int:
    return mention.start


def _resolve_pronoun(pronoun: Token, mentions: Sequence[Mention]) -> list[Mention]:
    """ "he", "his": the person last named as a subject before the pronoun (through the
    pronouns standing for that person: "Trump weighed in. In a post, he said ... by him
    and Xi. He also said ..."), else the last person named."""
    at = bisect.bisect_left(mentions, pronoun.idx, key=_start)
    people = [m for m in mentions[:at] if m.label == "PERSON" and m.end <= pronoun.idx]
    if not people:
        return []
    doc = pronoun.doc
    for token in reversed(doc[max(0, pronoun.i - PRONOUN_REACH) : pronoun.i]):
        if token.dep_ not in ("nsubj", "nsubjpass") or token.lower_ in PRONOUNS:
            continue
        named = [m for m in people if m.start <= token.idx < m.end]
        if named:
            return named[-1:]
    return people[-1:]


# How many tokens back a pronoun's antecedent is looked for as a subject.
PRONOUN_REACH = 120
