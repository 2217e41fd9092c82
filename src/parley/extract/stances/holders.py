"""Holders: which case actor a stance cue belongs to.

The cue's subject, possessor, compound or agent, climbing through infinitives,
gerunds and coordinated verbs ("Putin agreed to halt"); a pronoun takes the
nearest fitting actor before it, "I"/"we" in a quote its speaker. A cue inside
another cue's object ("insisted that Ukraine accept ...") is NESTED: not a
stance of its own subject.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from parley.extract.stances.context import Context, Holder
from parley.extract.stances.cues import cue, cue_key, is_reporting
from parley.extract.stances.grammar import (
    SUBJECTS,
    has_obligation,
    main_clause,
    negated,
    to_infinitive,
)
from parley.extract.stances.judging_words import word_set

if TYPE_CHECKING:
    from spacy.tokens import Token

# Edges a holder search climbs: the subject of "agreed" is the subject of "to halt".
CLIMB = {"xcomp", "advcl", "conj", "pcomp", "prep", "csubj", "acl", "acomp", "oprd"}
SIBLING = {"advcl", "conj", "parataxis", "relcl"}
PRONOUNS = {"he", "she", "him", "his", "her", "it", "its", "they", "them", "their"}
FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}
PLURAL = {"both": 2, "two": 2, "three": 3, "four": 4}  # "both sides", "the three leaders"
RELATIVE = {"who", "which", "that", "whom"}
NESTED = "nested"  # the cue is part of another cue's object, not a stance of its own
# Nouns whose holder is named by "for": "a ceasefire is a precondition for Kyiv".
FOR_HOLDER = {
    "precondition", "condition", "priority", "requirement", "goal", "aim", "objective", "task"
}  # fmt: skip


def holder(ctx: Context, tok: Token) -> Holder | str | None:
    """The holder of cue `tok` (cached per article): a Holder, NESTED, or None."""
    if tok.i not in ctx.holders:
        ctx.holders[tok.i] = find_holder(ctx, tok)
    return ctx.holders[tok.i]


def find_holder(ctx: Context, tok: Token) -> Holder | str | None:
    """The actor holding the stance of cue `tok`, NESTED, or None."""
    own = own_holder(ctx, tok)
    if is_nested(ctx, tok) and not (
        tok.pos_ == "NOUN" and isinstance(own, Holder) and not own.pronoun
    ):
        return NESTED
    cur = tok
    for _ in range(8):
        found = own if cur.i == tok.i else own_holder(ctx, cur)
        if found is not None:
            return found if isinstance(found, Holder) else None
        if cur.dep_ not in CLIMB or ctx.head(cur).i == cur.i:
            return None
        if cur.i == tok.i and (_speakers_act(ctx, cur) or _after_aside(ctx, cur)):
            cur = ctx.head(ctx.head(cur))  # "X said the step would help and urged Y"
            continue
        cur = _adverbial_head(cur) if cur.dep_ == "advcl" else ctx.head(cur)
    return None


def _adverbial_head(advcl: Token) -> Token:
    """The verb a participle after a comma belongs to: the main clause, also when the parser
    hung it on a noun's infinitive ("rejected the offer to drop X, telling Y that ..." is
    the rejecter's telling, not the offer's author's)."""
    head = main_clause(advcl)
    if head.dep_ != "acl" or head.head.pos_ not in ("NOUN", "PROPN"):
        return head
    if not any(t.text == "," for t in advcl.doc[head.i : advcl.i]):
        return head
    verb = head.head.head
    return verb if verb.pos_ in ("VERB", "AUX") else head


DASHES = {"—", "–", "--"}


def _after_aside(ctx: Context, verb: Token) -> bool:
    """A verb coordinated with a clause set off by dashes, after the closing dash ("He
    backed X's account of the war, that Y caused it, and demanded Z", with dashes): the
    parser joins it to the aside; it is the act of the clause around the aside."""
    head = ctx.head(verb)
    if verb.dep_ != "conj" or head.dep_ not in ("ccomp", "acl", "relcl", "appos"):
        return False
    doc = verb.doc
    opens = any(t.text in DASHES for t in doc[ctx.head(head).i : head.left_edge.i])
    closes = any(t.text in DASHES for t in doc[head.i : verb.i])
    return opens and closes


def _speakers_act(ctx: Context, verb: Token) -> bool:
    """A cue coordinated with a reported clause about something else ("Fletcher said aid
    remained low and called for ..."): the parser hangs the speaker's second act on the
    clause it reports."""
    head = ctx.head(verb)
    return (
        verb.dep_ == "conj"
        and head.dep_ == "ccomp"
        and is_reporting(ctx.head(head), ctx.lex)
        and own_holder(ctx, head) == "none"
    )


def is_nested(ctx: Context, tok: Token) -> bool:
    """Whether a cue sits inside what another cue is about."""
    if _noun_infinitive(ctx, tok):
        return True
    cur = tok
    while ctx.head(cur).i != cur.i:
        if cur.dep_ == "conj":  # a coordinated verb shares its first conjunct's governor
            cur = ctx.head(cur)
            continue
        if (cur.dep_ in SIBLING and not complement(cur)) or cur.dep_ in SUBJECTS:
            return False
        if joined_clause(cur):
            return False
        cur = ctx.head(cur)
        found = cue(cur, ctx.lex)
        if found is None or found.direct:  # a light verb only bears on its own object
            continue
        if not found.reporting or acting_report(ctx, cur):
            return True
    return False


def _noun_infinitive(ctx: Context, verb: Token) -> bool:
    """An infinitive right after a cue noun that the parser hung on the noun's verb
    ("dismissed calls to keep the monitors"): the noun's content, not the verb's subject's
    own act."""
    if verb.dep_ != "advcl" or not to_infinitive(verb):
        return False
    start = verb.left_edge.i
    for noun in ctx.head(verb).children:
        if noun.dep_ in ("dobj", "obj") and noun.right_edge.i + 1 == start:
            found = ctx.lex.nouns.get(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
            return found is not None
    return False


def joined_clause(clause: Token) -> bool:
    """A clause the parser made the complement of a verb after it across a semicolon, when
    that verb has an object of its own ("X wants A; Y wants B"): a clause of its own, not
    what the later verb is about ("X must leave; Y refuses" is)."""
    head = clause.head
    if clause.dep_ != "ccomp" or clause.i > head.i:
        return False
    if not any(t.text == ";" for t in clause.doc[clause.right_edge.i + 1 : head.i]):
        return False
    return any(c.dep_ in ("dobj", "obj", "ccomp", "xcomp") and c.i > head.i for c in head.children)


def complement(clause: Token) -> bool:
    """A "that" clause of a noun parsed as a relative clause ("the demand that Iran give up
    X"): what the noun says, not a description of it."""
    return clause.dep_ in ("relcl", "acl") and any(
        c.dep_ == "mark" and c.lower_ == "that" for c in clause.children
    )


def acting_report(ctx: Context, tok: Token) -> bool:
    """A verb of saying whose subject passes its own stance on (see `reports_own`)."""
    who = holder(ctx, tok)
    return isinstance(who, Holder) and reports_own(ctx, tok, who)


def own_holder(ctx: Context, tok: Token) -> Holder | str | None:
    """The holder named on the word itself: Holder, "none" (a non-actor), or None."""
    if tok.pos_ == "NOUN":
        return noun_holder(ctx, tok)
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    subjects = [  # "CAIRO, Sept. 10 — Iran signed ...": the dateline is no subject
        a for c in subjects for a in ((c,) if c.i not in ctx.datelines else _appositions(c))
    ]
    for child in subjects:  # a dateline's date may be parsed as a second subject
        if child.lower_ in RELATIVE and tok.dep_ == "relcl":
            child = _cleft(tok.head)  # "Moscow, which rejected": the noun, if it names an actor
            named = child.i in ctx.actors or child.lemma_.lower() in ctx.lex.official_nouns
            if not named and child.i == tok.head.i:
                return "none"
        found = name(ctx, child) or document_author(ctx, child)
        if found is not None or child is subjects[-1]:
            return found or "none"
    for child in tok.children:
        if child.dep_ == "agent":  # "rejected by Southia"
            for pobj in child.children:
                return name(ctx, pobj) or "none"
    return None


def _cleft(noun: Token) -> Token:
    """ "We are the ones who want X", "Vardia is the one that blocked X": the subject the
    predicate noun stands for."""
    if noun.dep_ == "attr" and noun.lemma_.lower() == "one":
        subject = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject
    return noun


def document_author(ctx: Context, noun: Token) -> Holder | None:
    """The author of a plan that is a clause's subject ("The plan calls for ..."): the
    nearest earlier plan of the same name that an actor put forward ("Trump unveiled a
    plan", "Cairo's plan"), or the actor its own phrase names."""
    lemma = noun.lemma_.lower()
    if lemma not in ctx.lex.documents or noun.pos_ != "NOUN":
        return None
    for i in range(noun.i, -1, -1):
        tok = ctx.doc[i]
        if tok.lemma_.lower() != lemma or tok.pos_ != "NOUN":
            continue
        found = noun_holder(ctx, tok) if tok.dep_ != "attr" else None
        if not isinstance(found, Holder) and tok.dep_ in ("dobj", "obj") and i < noun.i:
            found = own_holder(ctx, tok.head)  # "Trump unveiled a 20-point plan"
        if isinstance(found, Holder):
            return replace(found, pronoun=True, document=True)
    return None


def _appositions(tok: Token) -> tuple[Token, ...]:
    return tuple(c for c in tok.children if c.dep_ == "appos")


def noun_holder(ctx: Context, tok: Token) -> Holder | str | None:
    """ "Putin's demand", "the Russian proposal", "a request by Kyiv", "a precondition for X",
    "Israel made X its condition"."""
    if tok.dep_ == "attr" and tok.lemma_ not in FOR_HOLDER:
        return copula_holder(ctx, tok)
    if made_into(ctx, tok) or expressed(ctx, tok):
        found = own_holder(ctx, tok.head)
        if isinstance(found, Holder):
            return found
    for child in tok.children:
        if child.dep_ == "poss" or (child.dep_ in ("compound", "amod", "nmod")):
            found = name(ctx, child)
            if found:
                return found
        preps = ("by", "from", "in", "for") if tok.lemma_ in FOR_HOLDER else ("by", "from", "in")
        if child.dep_ == "prep" and child.lower_ in preps:
            for pobj in child.children:
                found = name(ctx, pobj)
                if found and not found.pronoun:
                    return found
    return None


def made_into(ctx: Context, noun: Token) -> bool:
    """A cue noun as what a verb of making turns its object into ("made disarmament the
    condition", "declared the ceasefire a priority"): the verb's subject holds it."""
    return noun.dep_ in ("dobj", "obj", "oprd") and noun.head.lemma_.lower() in ctx.lex.making


def expressed(ctx: Context, noun: Token) -> bool:
    """A cue noun as the object of a verb that only voices or holds it ("expressed support
    for X", "has no intention of Y", "drafted a plan that would Z"): the verb's subject
    holds it, unless the verb is a cue of its own ("rejected the plan")."""
    verb = noun.head
    return (
        noun.dep_ in ("dobj", "obj")
        and verb.lemma_.lower() in ctx.lex.expressing
        and cue(verb, ctx.lex) is None
    )


def copula_holder(ctx: Context, tok: Token) -> Holder | None:
    """ "The Kremlin's aim is the desire to ...": the subject, or its possessor, holds it."""
    verb = tok.head
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects and verb.dep_ == "xcomp":  # "seems to be"
        subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
    for subject in subjects:
        found = name(ctx, subject)
        if found is not None:
            return found
        for word in subject.subtree:
            if word.dep_ == "poss" and (found := name(ctx, word)) is not None:
                return found
    return None


def name(ctx: Context, tok: Token) -> Holder | None:
    """The actor a holder word names: a case name, a holder word, a pronoun, a possessor."""
    if tok.lower_ in FIRST_PERSON and tok.text != "US":
        _quoted, speaker = ctx.quote_at(tok)
        if speaker is None:
            return None
        return Holder(speaker, tok.idx, tok.idx + len(tok), pronoun=True, quoted=True)
    if tok.lower_ in PRONOUNS:
        named = speaker_at(ctx, tok)
        if named is None:
            return resolve(ctx, tok)
        return named if isinstance(named, Holder) else None
    group = plural(ctx, tok)
    if group:
        ctx.groups[group[0].start] = group[1:]
        return group[0]
    return phrase_name(ctx, tok)


def plural(ctx: Context, tok: Token) -> list[Holder]:
    """ "Both sides", "the two governments", "the three leaders": the actors named together
    just before (coordinated subjects, and "with" partners), most recent clause first. In
    an actor's report only the actor itself ("the two sides agreed", said Beijing): what
    it says the other side did is its claim."""
    count = next((PLURAL[c.lower_] for c in tok.children if c.lower_ in PLURAL), 0)
    if not count or tok.lemma_.lower() not in ctx.lex.official_nouns:
        return []
    for verb in ctx.ancestors(tok):
        subjects = {t.i for c in verb.children if c.dep_ in SUBJECTS for t in c.subtree}
        if tok.i not in subjects and is_reporting(verb, ctx.lex):
            found = holder(ctx, verb)
            if not isinstance(found, Holder):
                return []
            group = {h.actor for h in _named_before(ctx, tok, count)}
            # a third party's report ("the two sides agreed", said the mediator) is no one's
            return [found] if not group or found.actor in group else []
    return _named_before(ctx, tok, count)


def _named_before(ctx: Context, tok: Token, count: int) -> list[Holder]:
    """The actors named together in a subject before `tok`, within two sentences."""
    first = tok.sent.start
    for _ in range(2):
        first = ctx.doc[first - 1].sent.start if first > 0 else first
    for i in range(tok.i - 1, first - 1, -1):
        word = ctx.doc[i]
        if word.dep_ in SUBJECTS and word.head.i != tok.head.i:
            group = _together(ctx, word)
            if len({h.actor for h in group}) >= count:
                return group
    return []


def _together(ctx: Context, subject: Token) -> list[Holder]:
    """The actors a coordinated subject and its verb's "with" phrase name."""
    words = [*_names_within(subject), *subject.conjuncts]
    words += [c for p in subject.head.children if p.lower_ == "with" for c in p.children]
    found: dict[str, Holder] = {}
    for word in words:
        named = phrase_name(ctx, word)
        if named is not None:
            found.setdefault(named.actor, named)
    return list(found.values())


NAME_EDGES = {"compound", "amod", "conj", "appos", "poss", "flat", "nmod"}


def _names_within(subject: Token) -> list[Token]:
    """The subject and the words of its own name phrase, however the parser coordinated
    them ("Tshisekedi and Rwanda's President Kagame" parsed as modifiers of "Kagame")."""
    found, stack = [subject], [subject]
    while stack:
        for child in stack.pop().children:
            if child.dep_ in NAME_EDGES:
                found.append(child)
                stack.append(child)
    return found


def phrase_name(ctx: Context, tok: Token) -> Holder | None:
    """The actor a noun phrase names: its head, modifiers or possessor, an adjective of its
    name on an official's noun ("Iranian negotiators", "the Iranians"), "the leaders of X",
    or a holder word."""
    kinds = ("compound", "amod", "appos", "poss", "flat")
    phrase = [tok, *(c for c in tok.children if c.dep_ in kinds)]
    for word in phrase:
        if word.i in ctx.actors:
            return Holder(ctx.actors[word.i], word.idx, word.idx + len(word))
    official = tok.lemma_.lower() in ctx.lex.official_nouns
    for word in phrase:
        actor = ctx.demonyms.get(word.lower_)
        if actor is not None and (official or word.i == tok.i):
            return Holder(actor, word.idx, word.idx + len(word))
    if official:
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                found = next((phrase_name(ctx, c) for c in prep.children if c.dep_ == "pobj"), None)
                if found is not None:
                    return found
    if not ctx.rules.holders:
        return None
    span = ctx.doc[min(w.i for w in phrase) : max(w.i for w in phrase) + 1]
    text = ctx.text[span.start_char : span.end_char]
    for pattern, actor in ctx.rules.holders:
        if pattern.search(text):
            return Holder(actor, span.start_char, span.end_char)
    return None


def speaker_at(ctx: Context, tok: Token) -> Holder | str | None:
    """The quote speaker a word names (the quotes extractor resolved it): Holder, "" or None.

    "" means the word names a speaker who is no case actor (a commentator).
    """
    for start, end, actor, speaker in ctx.speakers:
        if start <= tok.idx < end:
            if actor:
                return Holder(actor, start, end)
            return "" if speaker else None
    return None


def resolve(ctx: Context, pronoun: Token) -> Holder | None:
    """The nearest fitting actor name before a pronoun (this and the two previous sentences)."""
    person = pronoun.lower_ in ("he", "she", "him", "his", "her")
    first = pronoun.sent.start
    for _ in range(2):
        if first > 0:
            first = ctx.doc[first - 1].sent.start
    candidates = []
    for i in range(pronoun.i - 1, first - 1, -1):
        named = i in ctx.actors or i in ctx.persons
        if not named or (i + 1 < pronoun.i and (i + 1 in ctx.actors or i + 1 in ctx.persons)):
            continue  # one candidate per name: its last token
        tok = ctx.doc[i]
        is_person = i in ctx.persons or tok.ent_type_ == "PERSON"
        if is_person == person:
            candidates.append(tok)
    if not candidates:
        return None
    # Prefer the subject of a main clause, then any subject, then the nearest name.
    subjects = [t for t in candidates if t.dep_ in SUBJECTS]
    main = [t for t in subjects if t.head.dep_ == "ROOT"]
    best = candidates[0]
    if subjects and (best.sent != pronoun.sent or subjects[0].sent == pronoun.sent):
        best = (main or subjects)[0]
    if best.i not in ctx.actors:
        return None  # the nearest fitting name is not a case actor's
    return Holder(ctx.actors[best.i], best.idx, best.idx + len(best), pronoun=True)


def reports_own(ctx: Context, tok: Token, holder: Holder, clause: set[int] | None = None) -> bool:
    """A verb of saying passes a stance on when its clause is about the holder or an obligation.

    `clause` picks the reported clauses on the way to a phrase (token indexes: a clause
    and the clause coordinated with it that holds the phrase); by default any will do.
    """
    if holder.document:
        return True  # what a plan says is its author's proposal
    for child in tok.children:
        if child.dep_ != "ccomp" or (clause is not None and child.i not in clause):
            continue
        for verb in (child, *(c for c in child.children if c.dep_ == "conj")):
            if clause is not None and verb.i not in clause:
                continue
            if has_obligation(verb, ctx.lex):
                return True
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if (
                any(is_self(ctx, sub, holder) for sub in subjects)
                and purposive(ctx, verb)
                and (clause is None or _carries_frame(ctx, verb, clause))
            ):
                return True
            if any(ctx.issues.entries(sub) for sub in subjects) and _will(verb):
                return True  # "Yerevan says the monitors will stay": what it means to happen
    return False


def _carries_frame(ctx: Context, verb: Token, clause: set[int]) -> bool:
    """Whether a speaker's reported clause about itself bears on its phrase: a cue or shift
    ("would lift the measures"), a refusal ("would no longer serve as X"), an obligation,
    the issue's own verb ("would withdraw"), or the speaker's own words quoted; not a verb
    that only has the phrase as an argument ("would turn the route into a fortress")."""
    if _quoted_words(verb) or (negated(verb, ctx.lex) and _refusal(verb)):
        return True
    doc = ctx.doc
    for i in clause:
        tok = doc[i]
        if tok.dep_ in SUBJECTS and tok.head.i in clause:
            return True  # "said its troops would remain": what the phrase itself will do
        if tok.lemma_.lower() in word_set("wishing") or tok.lower_ in word_set("wishing"):
            return True
        found = cue(tok, ctx.lex)
        if found is not None and not found.reporting:
            return True
        verbal = tok.pos_ in ("VERB", "AUX")
        if verbal and (has_obligation(tok, ctx.lex) or ctx.issues.entries(tok)):
            return True
    return False


MODALS = {"will", "would", "shall", "wo", "'ll", "can", "could", "must", "should", "may"}


def _quoted_words(verb: Token) -> bool:
    """Whether a reported clause opens with a quotation mark (the speaker's own words, not
    a few quoted words inside the writer's clause)."""
    doc = verb.doc
    return any(t.is_quote for t in doc[max(verb.left_edge.i - 1, 0) : verb.left_edge.i + 1])


def _refusal(verb: Token) -> bool:
    """A modal of will on a negated verb ("would not", "won't"; not "cannot")."""
    return any(c.dep_ == "aux" and (c.lower_ in WILL or c.lower_ == "would") for c in verb.children)


WILL = {"will", "wo", "'ll", "shall"}  # not "would": as often a forecast as an intention


def _will(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in WILL for c in verb.children)


def purposive(ctx: Context, verb: Token) -> bool:
    """Whether a reported clause says what its subject will, would or will not do, is
    doing or wants ("the movement would not leave", "it is ready to", "hoped X would"), not
    what happened to it ("its delegation had survived the strike", "he was shocked")."""
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children):
        return True
    if negated(verb, ctx.lex) or cue(verb, ctx.lex) is not None or verb.tag_ == "VBG":
        return True  # "we're getting", "was preparing to"
    return any(
        c.dep_ in ("xcomp", "ccomp") or (c.dep_ in ("acomp", "dobj") and cue(c, ctx.lex))
        for c in verb.children
    )  # "hoped China would", "expected the phase to bring", "was ready to"


def is_self(ctx: Context, sub: Token, holder: Holder) -> bool:
    """Whether a reported clause's subject is its speaker: a name or pronoun of the
    holder's actor, "its fighters", or a description such as "the movement" or "troops"."""
    named = name(ctx, sub)
    if named is not None:
        return named.actor == holder.actor
    for child in sub.children:
        if child.dep_ == "poss" and (found := name(ctx, child)) is not None:
            return found.actor == holder.actor
    count = next((PLURAL[c.lower_] for c in sub.children if c.lower_ in PLURAL), 0)
    if count:  # "the two sides": the speaker's side, unless the sides named before exclude it
        group = {h.actor for h in _named_before(ctx, sub, count)}
        return not group or holder.actor in group
    determiners = [c for c in sub.children if c.dep_ == "det"]
    definite = any(c.lower_ == "the" for c in determiners)
    if definite and sub.lemma_.lower() in FOR_HOLDER:
        return True  # "said the next task was to disarm X": the speaker's own aim
    bare = not determiners and sub.tag_ == "NNS"  # "said troops will not leave"
    return (definite or bare) and sub.lemma_.lower() in ctx.lex.self_nouns


def partners(ctx: Context, tok: Token, holder: Holder) -> list[Holder]:
    """Co-holders: coordinated subjects ("Ukraine and Russia agreed"), and for an
    agreement the actors it was made with ("the ceasefire the US agreed with Ukraine")."""
    found_partners = list(ctx.groups.get(holder.start, ()))
    span = ctx.doc.char_span(holder.start, holder.end, alignment_mode="expand")
    for conj in span.root.conjuncts if span is not None and not holder.pronoun else ():
        found = name(ctx, conj)
        if found and not found.pronoun and found.actor != holder.actor:
            found_partners.append(found)
    if cue_key(tok, ctx.lex) not in ("agree", "agreement"):
        return found_partners
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "with":
            for pobj in prep.children:
                found = name(ctx, pobj)
                if found and not found.pronoun and found.actor != holder.actor:
                    found_partners.append(found)
    return found_partners


def judge(ctx: Context, word: Token) -> Holder | None:
    """Who judges with a word: the actor named by "for"/"to" on it or its verb, the
    subject of a verb of calling ("Tehran called X illegal"), the speaker of the quote it
    stands in, or the actor reporting it."""
    for cur in (word, word.head):
        for prep in cur.children:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "to"):
                for pobj in prep.children:
                    found = name(ctx, pobj)
                    if found is not None:
                        return found
    for verb in (word.head, word.head.head):
        if verb.lemma_.lower() in ctx.lex.calling and verb.pos_ == "VERB":
            return _holding(ctx, verb)
    quoted, speaker = ctx.quote_at(word)
    if quoted:
        return Holder(speaker, word.idx, word.idx + len(word), quoted=True) if speaker else None
    for verb in ctx.ancestors(word):
        if is_reporting(verb, ctx.lex):
            return _holding(ctx, verb)
    return None


def _holding(ctx: Context, verb: Token) -> Holder | None:
    found = holder(ctx, verb)
    return found if isinstance(found, Holder) else None
