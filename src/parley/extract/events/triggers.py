"""Event triggers in one sentence: verbs that fit a frame and nouns of an event class.

A trigger is kept as reported, or marked:
- `cancelled`: it did not happen (hypothetical, negated, habitual, a question,
  an infinitive under a wish: "wants to meet");
- `pending`: it counts only if it gets a date ("scheduled": "will meet", "is set
  to meet"; "present": "meets", "is meeting"; "date": speech verbs).
A noun that is the object of a trigger whose frame folds is the same event
("proposed a meeting", "held talks").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from parley.extract.events.lexicon import Frame, Lexicon, NounTrigger

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from parley.extract.records import Mention, Timex

OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd", "nsubjpass"})
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis", "pcomp"})
PARTNER_PREPS = frozenset({"with", "to", "between"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
PERSONAL = frozenset({"PERSON"})
NEGATING_PREPS = frozenset({"without", "instead"})
QUOTE_MARKS = frozenset({"“", "”", '"', "‘", "’"})
# Prepositions that introduce what a verb is about ("agreed to talks", "called for a truce");
# others ("during the call", "after the meeting") only place it in time.
ARGUMENT_PREPS = frozenset(
    {"to", "for", "of", "on", "about", "into", "towards", "toward", "over", "under", "onto"}
)


@dataclass(slots=True, eq=False)
class Trigger:
    """A candidate event mention and what is known about it so far."""

    token: Token
    type: str
    kind: str  # "verb" or "noun"
    frame: Frame | None = None
    noun: NounTrigger | None = None
    folded: list[Token] = field(default_factory=list)
    parent: Trigger | None = None
    cancelled: bool = False
    pending: str | None = None  # "scheduled", "present" or "date": kept only when dated
    definite: bool = False
    linkable: bool = True  # may take the date of another mention of the same event
    sentence: int = 0
    actors: tuple[str, ...] = ()
    timex: Timex | None = None
    date: str | None = None
    approximate: bool = False
    dating: str | None = None  # how the date was found, or why there is none
    channel: frozenset[str] | None = None  # a statement's channel words, once computed
    party: bool = False  # a case actor (or, with no case, anybody named) takes part

    @property
    def tokens(self) -> list[Token]:
        return [self.token, *self.folded]

    @property
    def start(self) -> int:
        return min(t.idx for t in self.tokens)

    @property
    def end(self) -> int:
        return max(t.idx + len(t) for t in self.tokens)


def find_triggers(
    sent: Span,
    candidates: Sequence[Token],
    lexicon: Lexicon,
    mentions: Sequence[Mention],
    pro_verbs: Sequence[Token] = (),
    speech: bool = True,
    repeated: frozenset[int] = frozenset(),
) -> list[Trigger]:
    """The triggers among a sentence's candidate tokens, folded and with their status;
    `pro_verbs` are its forms of "do" (one may stand for a trigger: "as the bloc did");
    `speech`: whether the sentence can date a speech verb (it holds a time expression);
    `repeated`: tokens next to a phrase of repetition ("has offered more than once")."""
    found = []
    people = lexicon.partner_words
    for token in candidates:
        trigger = _verb_trigger(token, lexicon, mentions, people, speech) or _noun_trigger(
            token, lexicon, mentions, people
        )
        if trigger is not None:
            _set_status(trigger, lexicon, repeated)
            found.append(trigger)
    found += _pro_verbs(pro_verbs, found)
    _fold(found)
    _announced_measures(found, lexicon)
    question = _question(sent)
    for trigger in found:
        trigger.cancelled = trigger.cancelled or question
    return found


def _announced_measures(found: list[Trigger], lexicon: Lexicon) -> None:
    """ "The ministry announced on Thursday that exports would need a licence": announcing
    a measure is taking it; the announcement is the measure's event, of its type."""
    for trigger in found:
        token = trigger.token
        if trigger.type != "statement" or trigger.kind != "verb" or trigger.cancelled:
            continue
        if token.lemma_.lower() not in lexicon.announcing_verbs:
            continue
        for clause in (c for c in token.children if c.dep_ == "ccomp"):
            kind = next(
                (
                    lexicon.measure_types[cls]
                    for word in clause.subtree
                    if word.pos_ == "NOUN"
                    for cls in lexicon.classes_of(word)
                    if cls in lexicon.measure_types
                ),
                None,
            )
            if kind is not None:
                trigger.type = kind
                for other in found:  # the measure's own mention is this one
                    if (
                        other is not trigger
                        and other.token.i in range(clause.left_edge.i, clause.right_edge.i + 1)
                        and other.type == kind
                        and other.parent is None
                    ):
                        other.parent = trigger
                        trigger.folded.append(other.token)
                break


def _first_person(verb: Token) -> bool:
    """Speech told in the first person ("So I said, fine"): the speaker's own story inside
    a quotation, not an occasion the article reports."""
    return any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in verb.children)


def _question(sent: Span) -> bool:
    """A sentence that ends with "?" outside any quotation."""
    if len(sent) == 0:
        return False
    last = sent[-1] if not sent[-1].is_space or len(sent) == 1 else sent[-2]
    if last.text != "?":
        return False
    return not any(t.text in QUOTE_MARKS or t.is_quote for t in sent)


# Verbs ------------------------------------------------------------------------


def _verb_trigger(
    token: Token,
    lexicon: Lexicon,
    mentions: Sequence[Mention],
    people: frozenset[str],
    speech: bool = True,
) -> Trigger | None:
    """The first frame the verb fits; `speech`: whether frames that need a date may fit
    (not in a sentence with no time expression or anchor: a speech verb there is a quote)."""
    if token.pos_ != "VERB" or token.dep_ == "amod":
        return None  # "the visiting prime minister": a participle used as an adjective
    lemma = token.lemma_.lower()
    frames = lexicon.verbs.get(lemma, ())
    if not speech and all(f.needs == "date" for _, f in frames) and not _audience(token, lexicon):
        return None  # a bare "said" with no date in its sentence: a quote, not an event
    found: dict[str, list[str]] = {}  # object classes by reach, computed once
    # "called the deal reckless", "called the reply a rejection": naming, only ever speech
    deps = {c.dep_ for c in token.children}
    naming = "oprd" in deps and "dobj" in deps
    for words, frame in frames:
        if frame.needs == "date" and not (speech or _audience(token, lexicon)):
            continue
        if frame.needs == "date" and _first_person(token):
            continue  # "'So I said, fine,' he said": the speaker's own story
        if naming and frame.type != "statement":
            continue
        if len(words) > 1 and not _followed_by_words(token, words[1:]):
            continue
        if len(words) == 1 and _blocked(token, lemma, lexicon):
            continue
        reach = frame.reach
        if reach not in found and (frame.objects or frame.not_objects):
            found[reach] = [
                c for obj in objects(token, lexicon, reach) for c in object_classes(obj, lexicon)
            ]
        classes = found.get(reach)
        if frame.subjects:
            subjects = [_antecedent(c, lexicon) for c in _subjects(token)]
            matched = [
                c for s in subjects for c in object_classes(s, lexicon) if c in frame.subjects
            ]
            if matched:
                kind = _class_type(matched[0], lexicon) if frame.type == "object" else frame.type
                if kind is not None:
                    return Trigger(token=token, type=kind, kind="verb", frame=frame)
            continue
        kind = _frame_type(token, frame, lexicon, classes or [], mentions, people)
        if kind is not None:
            pending = "date" if frame.needs == "date" else None
            return Trigger(token=token, type=kind, kind="verb", frame=frame, pending=pending)
    return None


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects, or those of the verb it shares them with: "the rates were
    announced and took effect", "the duties were due to take effect"."""
    for _ in range(3):
        found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if found or verb.dep_ not in ("conj", "xcomp") or verb.head.i == verb.i:
            return found
        verb = verb.head.head if verb.head.pos_ == "ADJ" else verb.head
    return []


def _audience(verb: Token, lexicon: Lexicon) -> bool:
    """ "told the Knesset", "told him": speech to a named audience, which a story's scene
    may date (a bare "said" needs a date of its own)."""
    if verb.lemma_.lower() not in lexicon.audience_verbs:
        return False
    return any(
        c.dep_ in ("dobj", "dative") and (c.pos_ == "PROPN" or c.lower_ in ("him", "her", "them"))
        for c in verb.children
    )


def _antecedent(subject: Token, lexicon: Lexicon) -> Token:
    """The noun a relative pronoun stands for ("the ceasefire that took effect"), or the
    noun a quantity counts ("hundreds of aid trucks crossed")."""
    clause = subject.head
    if subject.tag_ in ("WDT", "WP") and clause.dep_ == "relcl":
        return clause.head
    if subject.lemma_.lower() in lexicon.quantities or subject.like_num:
        for prep in (c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"):
            return next((c for c in prep.children if c.dep_ == "pobj"), subject)
    return subject


def _frame_type(
    token: Token,
    frame: Frame,
    lexicon: Lexicon,
    classes: list[str],
    mentions: Sequence[Mention],
    people: frozenset[str],
) -> str | None:
    """The type the frame reports for this verb (whose objects are of `classes`), or None
    when the verb does not fit the frame."""
    if frame.not_objects & set(classes):
        return None
    if frame.objects:
        matching = [c for c in classes if c in frame.objects]
        if not matching:
            return None
        if frame.type == "object":
            return _class_type(matching[0], lexicon)
    if frame.needs == "partner" and not has_partner(token, mentions, people):
        return None
    if frame.needs == "party" and not _party_object(token, mentions, people):
        return None
    if frame.needs == "addressee" and not _addressed_content(token):
        return None
    if frame.type == "meeting" and not _people_met(token, people):
        return None  # "when its conditions were met"
    if frame.needs == "parties" and not _two_sides(token, people):
        return None
    if frame.needs == "deadline" and not _deadline(token):
        return None
    return frame.type


def _two_sides(token: Token, people: frozenset[str]) -> bool:
    """A subject naming two sides: "X and Y talked", "officials of both sides met"."""
    for subject in (c for c in token.children if c.dep_ == "nsubj"):
        if any(c.dep_ == "conj" for c in subject.children):
            return True
        if subject.tag_ == "NNS" and subject.lemma_.lower() in people | {"side", "party"}:
            return True
    return False


def _deadline(token: Token) -> bool:
    """A phrase "until/by <time>" on the verb or on what it demands: "gave them until
    Saturday", "demanded that they free every hostage by noon on Saturday"."""
    preps = [c for c in token.children if c.dep_ == "prep"]
    for clause in (c for c in token.children if c.dep_ in ("ccomp", "xcomp")):
        preps += [t for t in clause.subtree if t.dep_ == "prep"]
    for prep in (p for p in preps if p.lower_ in ("until", "by")):
        if any(t.ent_type_ in ("DATE", "TIME") for t in prep.subtree):
            return True
    return False


def _class_type(cls: str, lexicon: Lexicon) -> str | None:
    noun = lexicon.nouns.get(cls)
    return noun.type if noun is not None else lexicon.object_types.get(cls)


def objects(token: Token, lexicon: Lexicon, reach: str = "all") -> list[Token]:
    """What a verb acts on: direct objects, objects of its prepositions and particles, the
    subject of a passive, and the noun a relative clause or participle modifies. `reach`
    "arguments" keeps only the prepositions that introduce what the verb is about ("held
    talks", "put the plan to a summit", not "set the tone in a post"); "direct" only what
    the verb acts on directly ("handed the hostages to X", not "handed a plan to X")."""
    found = [c for c in token.children if c.dep_ in OBJECT_DEPS and c.dep_ != "dative"]
    if reach != "direct":
        found += [c for c in token.children if c.dep_ == "dative"]
    # a noun object the tagger took for a verb ("imposed asset freezes" as a clause)
    found += [c for c in token.children if c.dep_ == "ccomp" and c.tag_ in ("VBZ", "NNS", "NN")]
    stack = [c for c in token.children if c.dep_ in ("prep", "prt", "advmod")]
    while stack:
        prep = stack.pop()
        if prep.lower_ in NEGATING_PREPS:
            continue  # "ended without an agreement"
        if reach == "direct" or (reach == "arguments" and prep.lower_ not in ARGUMENT_PREPS):
            continue
        for child in prep.children:
            if child.dep_ == "pobj":
                found.append(child)
            elif child.dep_ == "prep":
                stack.append(child)
    if token.dep_ in ("relcl", "acl") and token.head.pos_ in ("NOUN", "PROPN"):
        found.insert(0, token.head)  # "the deal struck ... into a framework": the deal first
        gapped = _gapped_object(token)
        if gapped is not None:
            found.insert(0, gapped)
    elif token.dep_ == "xcomp" and token.head.dep_ in ("relcl", "acl"):
        found.append(token.head.head)  # "the fees they began charging"
    elif token.dep_ == "conj" and token.head.dep_ in ("relcl", "acl") and not found:
        found.append(token.head.head)  # "the tariff they imposed in January and doubled"
    found += [c for obj in found for c in obj.children if c.dep_ == "conj"]
    return found + _contents(found, lexicon)


def _gapped_object(verb: Token) -> Token | None:
    """ "the package the states approved on Monday": a finite verb the parser hung on its
    own subject, with no object of its own, acts on the noun before that subject."""
    if verb.tag_ not in ("VBD", "VBN") or any(c.dep_ in ("dobj", "agent") for c in verb.children):
        return None
    i = verb.head.left_edge.i - 1
    if i >= 0 and verb.doc[i].lower_ in ("that", "which"):
        i -= 1
    before = verb.doc[i] if i >= 0 else None
    return before if before is not None and before.pos_ == "NOUN" else None


def _contents(found: list[Token], lexicon: Lexicon) -> list[Token]:
    """What an object that only carries things holds: "halted the entry of all goods and
    supplies" acts on the goods and supplies."""
    held: list[Token] = []
    for obj in found:
        if obj.lemma_.lower() not in lexicon.containers:
            continue
        for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                held += [pobj, *(c for c in pobj.children if c.dep_ == "conj")]
    return held


def object_classes(token: Token, lexicon: Lexicon) -> list[str]:
    """The word classes of an object (a common noun, or when it has none the words that
    modify it: "the snapback mechanism"), plus GPE for a named place."""
    classes = lexicon.classes_of(token) if token.pos_ != "PROPN" else []
    if token.lemma_.lower() in lexicon.collections:  # "a package of countermeasures"
        classes = _collected_classes(token, lexicon) + classes
    if token.lower_ in ("them", "him", "her") and _people_before(token):
        classes.append("PERSON")  # "crossed into Israel after the group handed them over"
    elif token.lower_ == "it" and token.dep_ in ("dobj", "nsubjpass"):
        # "The licensing system stays. China introduced it in April."
        classes += _antecedent_classes(token, lexicon)
    if not classes and token.pos_ == "NOUN":
        for child in token.children:
            if child.dep_ in ("compound", "amod") and child.pos_ in ("NOUN", "ADJ"):
                classes += lexicon.classes_of(child)
    for cls in list(classes):  # "extended the suspension of the tariffs": a change of a sanction
        noun = lexicon.nouns.get(cls)
        if noun is not None and noun.gives:
            classes += [given for given in noun.gives if _has_class(token, given, lexicon)]
    if token.ent_type_ in ("GPE", "LOC"):
        classes.append("GPE")
    elif token.ent_type_ == "PERSON":
        classes.append("PERSON")
    return classes


def _collected_classes(token: Token, lexicon: Lexicon) -> list[str]:
    """The classes of what a collection noun gathers: its "of" phrase or its modifier."""
    found: list[str] = []
    for child in token.children:
        if child.dep_ == "compound" and child.pos_ == "NOUN":
            found += lexicon.classes_of(child)
        elif child.dep_ == "prep" and child.lower_ == "of":
            found += [
                c
                for pobj in child.children
                if pobj.dep_ == "pobj"
                for c in lexicon.classes_of(pobj)
            ]
    return found


def _antecedent_classes(pronoun: Token, lexicon: Lexicon) -> list[str]:
    """The classes of the noun "it" stands for: the last subject or object before it, in
    its sentence or the one before, that names a class."""
    doc = pronoun.doc
    start = pronoun.sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    for token in reversed(doc[start : pronoun.i]):
        if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
            found = lexicon.classes_of(token) or [
                c
                for m in token.children
                if m.dep_ in ("compound", "amod")
                for c in lexicon.classes_of(m)
            ]
            if found:
                return found
    return []


def _people_before(pronoun: Token) -> bool:
    """A person named earlier in the pronoun's sentence."""
    return any(t.ent_type_ == "PERSON" for t in pronoun.sent if t.i < pronoun.i)


def _followed_by_words(token: Token, words: Sequence[str]) -> bool:
    """Whether the next tokens (or the verb's particle and adverb children) spell `words`."""
    doc = token.doc
    following = doc[token.i + 1 : token.i + 1 + len(words)]
    if len(following) == len(words) and all(
        _is(t, w) for t, w in zip(following, words, strict=True)
    ):
        return True
    if len(words) == 1:
        return any(_is(c, words[0]) for c in token.children if c.dep_ in ("prt", "advmod", "dobj"))
    return False


def _is(token: Token, word: str) -> bool:
    return word in (token.lemma_.lower(), token.lower_)


def _blocked(token: Token, lemma: str, lexicon: Lexicon) -> bool:
    after = lexicon.not_followed_by.get(lemma)
    if not after or token.i + 1 >= len(token.doc):
        return False
    return token.doc[token.i + 1].lower_ in after


def has_partner(
    token: Token, mentions: Sequence[Mention], people: frozenset[str] = frozenset()
) -> bool:
    """A named person or actor as object or after with/to/between, or "by phone"; for a noun
    after "on" or "by" ("on the phone"), its verb's with-phrase counts too."""
    found = [c for c in token.children if c.dep_ in ("dobj", "dative")]
    preps = [c for c in token.children if c.dep_ == "prep"]
    if token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ in ("on", "by"):
        preps += [c for c in token.head.head.children if c.dep_ == "prep" and c.i != token.head.i]
    for prep in preps:
        pobjs = [c for c in prep.children if c.dep_ == "pobj"]
        if prep.lower_ in ("by", "on") and any(
            p.lemma_.lower() in ("phone", "telephone") for p in pobjs
        ):
            return True
        if prep.lower_ in PARTNER_PREPS:
            found += pobjs
    found += [c for obj in found for c in obj.children if c.dep_ == "conj"]
    for obj in found:
        if obj.lemma_.lower() in people:
            return True
        for mention in _mentions_under(obj, mentions):
            if mention.label in PERSONAL or mention.actor:
                return True
    return False


def _addressed_content(verb: Token) -> bool:
    """An object spoken to and a clause of what is said: "warned the group that ..."."""
    deps = {c.dep_ for c in verb.children}
    if "dobj" not in deps:
        return False
    # the clause, or one opened by "that" the parser hung lower ("in a post that ...")
    return "ccomp" in deps or any(
        t.dep_ == "mark" and t.lower_ == "that" for t in verb.subtree if t.i > verb.i
    )


def _people_met(verb: Token, people: frozenset[str]) -> bool:
    """A passive meeting needs people as its subject ("the envoy was met at the airport"),
    not things ("its conditions were met")."""
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    return not subjects or any(
        s.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or s.lemma_.lower() in people
        for s in subjects
    )


def _party_object(token: Token, mentions: Sequence[Mention], people: frozenset[str]) -> bool:
    """A person or an actor (a capital included) as the verb's object: "visited Kyiv",
    "received the two ministers"; not a facility ("visited the crossing")."""
    for obj in (c for c in token.children if c.dep_ == "dobj"):
        if obj.ent_type_ in ("PERSON", "GPE", "NORP") or obj.lemma_.lower() in people:
            return True
        head = [m for m in _mentions_under(obj, mentions) if m.start <= obj.idx < m.end]
        if any(m.actor or m.label in PERSONAL for m in head):
            return True
    return False


def _mentions_under(token: Token, mentions: Sequence[Mention]) -> list[Mention]:
    left = token.left_edge.idx
    right = token.right_edge.idx + len(token.right_edge)
    return [m for m in mentions if left <= m.start < right]


# Nouns ------------------------------------------------------------------------


def _noun_trigger(
    token: Token, lexicon: Lexicon, mentions: Sequence[Mention], people: frozenset[str]
) -> Trigger | None:
    if token.pos_ != "NOUN":
        return None
    for cls in lexicon.classes_of(token):
        noun = lexicon.nouns.get(cls)
        if noun is None or _blocked(token, token.lemma_.lower(), lexicon):
            continue
        if noun.gives:  # "a halt to aid deliveries", "the tariff cuts"
            given = next((k for c, k in noun.gives.items() if _has_class(token, c, lexicon)), None)
            if given is not None:
                return Trigger(token=token, type=given, kind="noun", noun=noun)
            continue
        if noun.needs == "partner" and not has_partner(token, mentions, people):
            continue
        if noun.needs == "date" and not _named_day(token):
            continue
        if noun.needs not in (None, "partner", "date") and not _has_class(
            token, str(noun.needs), lexicon
        ):
            continue
        return Trigger(token=token, type=noun.type, kind="noun", noun=noun)
    return None


def _named_day(token: Token) -> bool:
    """A noun named by its day or month: "the July ceasefire", "Sunday's truce"."""
    return any(
        c.dep_ in ("compound", "poss", "nmod") and c.pos_ == "PROPN" and c.ent_type_ == "DATE"
        for c in token.children
    )


def _has_class(token: Token, cls: str, lexicon: Lexicon) -> bool:
    """Whether a word of `cls` is in the noun's phrase ("prisoner exchange", "release of
    hostages")."""
    near = [c for c in token.children if c.dep_ in ("compound", "amod", "nmod", "poss")]
    for prep in (c for c in token.children if c.dep_ == "prep"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            near.append(pobj)  # "the release of a group of hostages": one level further
            near += [c for p in pobj.children if p.dep_ == "prep" for c in p.children]
            near += [c for c in pobj.children if c.dep_ == "compound"]
    if token.dep_ == "compound":
        near.append(token.head)
    return any(cls in lexicon.classes_of(t) for t in near)


# Status -----------------------------------------------------------------------


def _set_status(trigger: Trigger, lexicon: Lexicon, repeated: frozenset[int] = frozenset()) -> None:
    token = trigger.token
    if trigger.kind == "noun":
        _noun_status(trigger, lexicon)
        verb = governing_verb(token)
        # the subject of a finite clause exists whatever the clause says of it ("the
        # agreement would mark a return"); not that of a small clause ("get the deal done")
        finite = verb is not None and (
            verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" for c in verb.children)
        )
        subject = token.dep_ in ("nsubj", "nsubjpass") and token.head == verb and finite
        if _presupposed(token, trigger.definite):
            return  # "after a meeting on Thursday", "Trump's proposal last month"
        if verb is not None and not subject and _unreal(verb, lexicon, trigger.definite):
            if _future(verb, lexicon) or _reported_plan(verb, lexicon):
                trigger.pending = "scheduled"  # "will put the plan to a summit on Tuesday"
            else:
                trigger.cancelled = True
        return
    if any(c.dep_ == "neg" for c in token.children):
        lemma = token.lemma_.lower()
        if lemma in lexicon.negated:
            trigger.type = lexicon.negated[lemma]
        else:
            trigger.cancelled = True
    _verb_status(trigger, token, lexicon, repeated)


def _verb_status(
    trigger: Trigger, verb: Token, lexicon: Lexicon, repeated: frozenset[int] = frozenset()
) -> None:
    """Hypothetical, habitual, infinitive, future or present: what the verb's grammar says."""
    children = list(verb.children)
    if trigger.type == "statement" and _media_speaker(verb, lexicon):
        trigger.cancelled = True  # "state media said": the press reporting, no party speaking
        return
    if trigger.type == "statement" and any(c.tag_ == "WP" and c.dep_ == "dobj" for c in children):
        trigger.cancelled = True  # "consider what the two sides said": what, not an occasion
        return
    aux = {c.lower_ for c in children if c.dep_ in ("aux", "auxpass")}
    habitual = (
        any(c.lower_ in lexicon.habitual_adverbs for c in children if c.dep_ == "advmod")
        or verb.i in repeated
    )
    # "a truce on attacking energy sites": a topic, no occasion
    topic = (
        verb.dep_ == "pcomp"
        and verb.head.head.pos_ in ("NOUN", "PROPN")
        and verb.head.head.lemma_.lower() not in lexicon.implicative_heads
    )
    # "both sides agreed that nobody wants a decoupling": agreeing with a view
    view = trigger.type == "agreement" and any(
        c.dep_ == "ccomp" and any(m.lower_ == "that" for m in c.children if m.dep_ == "mark")
        for c in children
    )
    if habitual or topic or view or _generic_or_negated(verb, children, lexicon):
        trigger.cancelled = True
    elif _hypothetical(verb, lexicon):
        # "said it would release them on Saturday": a plan reported, if the article dates it
        if _reported_plan(verb, lexicon):
            trigger.pending = trigger.pending or "scheduled"
        else:
            trigger.cancelled = True
    elif "to" in aux:
        _infinitive_status(trigger, verb, lexicon)
    elif aux & FUTURE_AUX:
        trigger.pending = trigger.pending or "scheduled"
    elif _present(verb, aux):
        if trigger.pending == "date":
            trigger.cancelled = True  # "the ruling tells you": no occasion of speech
        trigger.pending = trigger.pending or "present"


def _media_speaker(verb: Token, lexicon: Lexicon) -> bool:
    """A subject (of the verb, or of the verb it is conjoined to) that is the press."""
    node = verb
    while node.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in node.children):
        node = node.head
    return any(
        c.dep_ == "nsubj" and (c.lower_ in lexicon.media_words or c.lemma_ in lexicon.media_words)
        for c in node.children
    )


def _generic_or_negated(verb: Token, children: list[Token], lexicon: Lexicon) -> bool:
    """ "whatever is agreed", "rather than presenting", or the subject of a hypothetical."""
    subjects = [c for c in children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(s.lower_ in lexicon.generic_subjects for s in subjects):
        return True
    before = tuple(t.lower_ for t in verb.doc[max(0, verb.i - 2) : verb.i])
    if before in lexicon.negating_pairs or (
        verb.i > 2
        and before[-1:] == ("of",)
        and tuple(t.lower_ for t in verb.doc[verb.i - 3 : verb.i - 1]) in lexicon.negating_pairs
    ):
        return True
    return verb.dep_ in ("csubj", "csubjpass") and _hypothetical(verb.head, lexicon)


def _reported_plan(verb: Token, lexicon: Lexicon) -> bool:
    """ "said it would release them on Saturday": a plan reported, real if the article
    dates it."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    reported = complement_clause(verb) or (verb.dep_ == "conj" and complement_clause(verb.head))
    return "would" in aux and reported and not _conditional(verb, lexicon)


def complement_clause(verb: Token) -> bool:
    """A complement clause, or one opened by "that" the parser hung on a noun as a relative
    clause ("told reporters at the summit that they would meet next week")."""
    if verb.dep_ == "ccomp":
        return True
    return verb.dep_ == "relcl" and any(
        c.dep_ == "mark" and c.lower_ == "that" and c.tag_ == "IN" for c in verb.children
    )


def _infinitive_status(trigger: Trigger, verb: Token, lexicon: Lexicon) -> None:
    head = verb.head
    lemma = head.lemma_.lower()
    if head.i == verb.i or lemma in lexicon.implicative_heads:
        return
    if lemma in lexicon.scheduled_heads:
        trigger.pending = trigger.pending or "scheduled"
    else:
        trigger.cancelled = True


def _hypothetical(verb: Token, lexicon: Lexicon) -> bool:
    """A modal or a condition on the verb, or on the verb it completes ("could help X use")."""
    for _ in range(3):
        aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if aux & lexicon.hypothetical_auxiliaries or _conditional(verb, lexicon):
            return True
        if verb.dep_ != "xcomp" or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _future(verb: Token, lexicon: Lexicon) -> bool:
    """A future (or scheduled) verb with no modal or condition above it."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & lexicon.hypothetical_auxiliaries or _conditional(verb, lexicon):
        return False
    if aux & FUTURE_AUX:
        return True
    return "to" in aux and verb.head.lemma_.lower() in lexicon.scheduled_heads


def _unreal(verb: Token, lexicon: Lexicon, definite: bool = False) -> bool:
    """For a noun's verb: a modal, a condition, a future, or (unless the noun is definite,
    and so presupposed: "nothing to do with the attack") an infinitive of purpose or wish
    above it ("to get a deal done", "getting this deal will be")."""
    for _ in range(3):
        aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        if aux & (lexicon.hypothetical_auxiliaries | FUTURE_AUX) or _conditional(verb, lexicon):
            return True
        infinitive = "to" in aux and verb.head.lemma_.lower() not in lexicon.implicative_heads
        # a purpose or wish ("to get the deal done") is unreal; a relative infinitive ("had
        # nothing to do with the attack") leaves a definite noun's event presupposed
        if infinitive and (not definite or verb.dep_ in ("advcl", "xcomp")):
            return True
        if verb.dep_ not in ("xcomp", "csubj", "ccomp", "advcl") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _conditional(verb: Token, lexicon: Lexicon) -> bool:
    """A condition on the verb ("if they meet") or on its clause ("if the talks fail, the
    tariff comes back"; not "unless ...": what happens unless stopped is scheduled)."""
    marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
    if marks & lexicon.hypothetical_marks:
        return True
    return any(
        m.dep_ == "mark" and m.lower_ in lexicon.conditional_clauses
        for c in verb.children
        if c.dep_ == "advcl"
        for m in c.children
    )


def _present(verb: Token, aux: set[str]) -> bool:
    """Present simple, progressive or passive: a habit, a state, or a headline's plan."""
    if verb.tag_ in ("VBZ", "VBP") and not aux:
        return True
    return verb.tag_ in ("VBG", "VBN") and bool(aux) and aux <= {"is", "are", "am", "'s", "'re"}


def _presupposed(noun: Token, definite: bool) -> bool:
    """A noun whose event the sentence takes as given, whatever its verb says: the object
    of "after" or "following" ("would cut the tariff after a meeting on Thursday"), or a
    definite noun with a date of its own ("trying to change the subject from Trump's
    proposal last month")."""
    if noun.dep_ == "pobj" and noun.head.lower_ in GIVEN_PREPS:
        return True
    if not definite:
        return False
    after = noun.doc[noun.right_edge.i + 1] if noun.right_edge.i + 1 < len(noun.doc) else None
    dated = after is not None and after.ent_type_ in ("DATE", "TIME")
    return dated or any(c.ent_type_ in ("DATE", "TIME") for c in noun.subtree if c.i != noun.i)


GIVEN_PREPS = frozenset({"after", "following", "since"})


def _noun_status(trigger: Trigger, lexicon: Lexicon) -> None:
    token = trigger.token
    if any(c.lower_ in lexicon.unreal_modifiers for c in token.children if c.dep_ == "amod"):
        trigger.cancelled = True  # "the threatened tariff", "a possible deal"
        return
    dets = {c.lower_ for c in token.children if c.dep_ in ("det", "neg")}
    negated = token.dep_ == "pobj" and token.head.lower_ in lexicon.negating_words
    if dets & (lexicon.generic_determiners | lexicon.negating_words) or negated:
        trigger.cancelled = True
    elif dets & {"a", "an"} and _under_negation(token):
        trigger.cancelled = True  # "did not ask for a pause": no pause
    trigger.definite = bool(dets & lexicon.definite_determiners) or any(
        c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN") for c in token.children
    )


def _under_negation(token: Token) -> bool:
    """An object of a negated verb ("did not ask for a pause"), not a phrase placing it
    ("did not ask, during an interview, ...")."""
    verb = governing_verb(token)
    if verb is None or not any(c.dep_ == "neg" for c in verb.children):
        return False
    if token.dep_ == "dobj":
        return token.head == verb
    return token.dep_ == "pobj" and token.head.head == verb and token.head.lower_ in ARGUMENT_PREPS


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above a token."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return None


# Folding ----------------------------------------------------------------------


def _fold(triggers: list[Trigger]) -> None:
    by_token = {t.token.i: t for t in triggers}
    for trigger in triggers:
        parent = _governor(trigger, by_token)
        if parent is not None and not _is_above(trigger, parent):
            trigger.parent = parent
    for trigger in triggers:
        root = trigger
        while root.parent is not None:
            root = root.parent
        if root is not trigger:
            root.folded.append(trigger.token)
            # what a cancelled trigger holds did not happen either
            trigger.cancelled = trigger.cancelled or root.cancelled


def _is_above(trigger: Trigger, other: Trigger) -> bool:
    """Whether `other` is already folded into `trigger` (no cycles)."""
    node: Trigger | None = other
    while node is not None:
        if node is trigger:
            return True
        node = node.parent
    return False


def _governor(trigger: Trigger, by_token: dict[int, Trigger]) -> Trigger | None:
    """The trigger this one is part of, if any."""
    token = trigger.token
    if trigger.kind == "verb":
        # "a deal brokered in January" is the deal; "the deal, which was initialled in June"
        # (a relative clause) reports an occasion of its own
        noun = by_token.get(token.head.i)
        if noun is None or noun.kind != "noun" or noun.type != trigger.type:
            return None
        return noun if token.dep_ == "acl" else None
    head = token.head
    prep = None
    if token.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
        prep = head
        head = head.head
        if head.dep_ in ("prep", "prt", "advmod"):
            head = head.head
    elif token.dep_ == "nsubj":
        parent = by_token.get(head.i)
        return parent if parent is not None and parent.type == trigger.type else None
    elif token.dep_ not in ("dobj", "attr", "compound", "nsubjpass", "dative"):
        return None
    if prep is not None and prep.lower_ == "with" and prep.head.lower_ in ("along", "together"):
        return None  # "imposed a tariff, along with export controls": a second measure
    # "accepted the proposal put forward last month": a noun with an event clause of its
    # own is that earlier event, not the content of this one
    own = any(c.dep_ in ("acl", "relcl") and c.i in by_token for c in token.children)
    for _ in range(2):  # through one xcomp: "agreed to hold talks"
        parent = by_token.get(head.i)
        if parent is not None and own and parent.type != trigger.type:
            return None
        if parent is not None and parent is not trigger:
            if _folds(parent, trigger, token, prep):
                return parent
            if parent.frame is not None and parent.type in ("walkout", "withdrawal"):
                trigger.linkable = False  # "stepped back from the talks": no particular round
            return None
        if head.dep_ != "xcomp":
            break
        head = head.head
    return None


def _folds(parent: Trigger, child: Trigger, token: Token, prep: Token | None) -> bool:
    if parent.kind == "noun":
        return token.dep_ in ("compound", "pobj") and parent.type == child.type
    frame = parent.frame
    if frame is not None and frame.needs == "date":
        return False  # "said in an interview on Monday": the interview is the mention
    if parent.type == child.type:
        return True
    if prep is not None and prep.lower_ not in ARGUMENT_PREPS:
        return False
    if prep is not None and any(c.dep_ == "dobj" for c in parent.token.children):
        return False  # "put the plan to a summit": the summit is where, the plan what
    return frame is None or frame.fold


def _pro_verbs(dos: Sequence[Token], triggers: list[Trigger]) -> list[Trigger]:
    """ "stepping up sanctions, as the bloc did on Tuesday": "did" reports an event of the
    same type as the trigger it stands in for."""
    by_token = {t.token.i: t for t in triggers}
    found = []
    for token in dos:
        if token.dep_ != "advcl":
            continue
        if any(c.dep_ in ("dobj", "xcomp", "ccomp") for c in token.children):
            continue
        if not any(c.lower_ == "as" for c in token.children if c.dep_ == "mark"):
            continue
        stood_for = [by_token[t.i] for t in token.head.subtree if t.i < token.i and t.i in by_token]
        if stood_for:
            found.append(Trigger(token=token, type=stood_for[-1].type, kind="verb"))
    return found
