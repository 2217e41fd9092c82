"""Dating event mentions: when did each happen, and how sure is the article?

`date_triggers` runs over the triggers of one article, in text order:

1. own time expression: each time expression dates the trigger of its own
   clause (climbing the parse from the expression, never out of a relative or
   other subordinate clause), or a trigger noun right next to it ("the call
   with Putin on Tuesday"); a date inside another noun phrase ("the 9 May
   parade") dates nothing;
2. the clause: a conjoined verb or a participle clause shares the date of the
   trigger it hangs on ("met on Tuesday and called for a truce");
3. anchors: "the day before the call", "hours after the signing", "two days
   after X", "during the talks" date from the event they name; "earlier in
   the day", "hours later", "the next day" from the last dated event before
   them, else the publication day;
4. links: a mention with no date of its own ("the two-hour conversation", "the
   call", "Putin spoke to Trump") is the first dated mention before it of a
   compatible type whose participants overlap (statements also share the
   channel they name); failing one, a dated mention in the next sentences;
5. live-blog entries: a past event or a statement in an entry under a time
   stamp ("21:10 GMT") happened on the entry's day;
6. the news lead: a past-tense event in the lead sentence with no date
   happened on the publication day or the day before: the publication day,
   marked approximate.

A mention left undated says why in `dating`: "vague" ("a few weeks ago"),
"coarse" (a year or a season), "no publication date" (a relative date in an
article with no date), or "no time expression".
"""

from __future__ import annotations

import bisect
import functools
import itertools
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from parley.extract.events.narrative import date_by_scene, scene_days
from parley.extract.events.triggers import CLAUSE_DEPS, Trigger, complement_clause

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from parley.extract.events.lexicon import Lexicon
    from parley.extract.records import Timex

# Precisions an event keeps; anything coarser (a year, a season) leaves it undated.
EVENT_PRECISIONS = ("day", "week", "month")
# How far up the parse a time expression looks for its event (arcs).
MAX_CLIMB = 8
# Words of a noun or verb that mark another occasion than the one the article is about.
OTHER_OCCASION = frozenset(
    {
        "previous",
        "earlier",
        "prior",
        "former",
        "past",
        "first",
        "initial",
        "original",
        "next",
        "future",
        "later",
        "second",
        "last",
        "previously",
        "again",
        "before",
        "once",
        "recently",
        "already",
    }
)
COMPATIBLE = {frozenset({"call", "talks"}), frozenset({"meeting", "talks"})}
LEAD_MIN_WORDS = 10
# Sentences after a mention in which a dated mention of the same event is looked for.
FORWARD_SENTENCES = 2
UNDATED = "no time expression"
# How near a mention naming nobody must be to stand for one naming somebody.
NAMELESS_SENTENCES = 3
REF_VALUES = frozenset({"PAST_REF", "PRESENT_REF", "FUTURE_REF"})


Anchor = tuple[int, int, int, bool]  # start, end, days, names an event after it
_PREPS = frozenset(
    {"after", "before", "of", "during", "in", "at", "following", "as", "when", "while"}
)
# Anchor words that name an event only as subordinators of a clause ("as the talks ended").
CLAUSE_MARKS = frozenset({"as", "when", "while"})


def date_triggers(
    doc: Doc,
    triggers: Sequence[Trigger],
    timexes: Sequence[Timex],
    lexicon: Lexicon,
    year: int | None,
    published: date | None,
    anchors: Sequence[Anchor] = (),
    sentence_of: Callable[[int], int] | None = None,
    entries: Sequence[tuple[int, int, str]] = (),
    sentence_starts: Sequence[int] = (),
) -> list[Trigger]:
    """Set `date`, `approximate` and `dating` on each root trigger (see the module doc);
    return the mentions made for further occasions a clause dates ("met in Geneva in May
    and in London in June").

    `anchors` come from `anchor_phrases`; `sentence_of` maps a token to its sentence."""
    roots = [t for t in triggers if t.parent is None and not t.cancelled]
    owner = {tok.i: root for root in roots for tok in root.tokens}
    spans = _timex_spans(doc, timexes)
    echoes = _attach_timexes(doc, roots, owner, spans, lexicon, year)
    _when_clauses(owner, spans, lexicon, year)
    _where_clauses(owner, spans, lexicon, year)
    _agreed_occasions(roots, owner)
    _destinations(roots, owner)
    own_anchors = [a[0] for a in anchors if not a[3]]  # "the next morning", "hours later"
    _inherit(roots, owner, own_anchors)
    _alongside(roots, owner)
    located = [(a, sentence_of(a[0]) if sentence_of else 0) for a in anchors]
    _dated_objects(doc, roots, owner, located, spans, lexicon, year)
    for _ in range(2):
        _anchor(doc, roots, owner, located, published, lexicon)
        _link(roots, lexicon, published)
    lead = _lead(doc, roots, published, lexicon)
    scenes: list[tuple[int, str]] = []
    if sentence_of is not None and sentence_starts:
        scenes = scene_days(
            lexicon, spans, sentence_of, lambda x: iso_value(x, year), published, entries
        )
        lead_sentence = sentence_of(lead.start) if lead is not None else -1
        scenes = sorted(scenes + _lead_scenes(roots, lead_sentence, published))
        date_by_scene(lexicon, roots, scenes, sentence_starts, entries)
    _entries(roots, entries, scenes, sentence_starts)
    _link(roots, lexicon, published, final=True)
    _anchor(doc, roots, owner, located, published, lexicon)
    _inherit(roots, owner, own_anchors)
    for root in roots:
        if root.date is None and root.dating is None:
            root.dating = UNDATED
    return echoes


# 1. Own time expressions --------------------------------------------------------


def _attach_timexes(
    doc: Doc,
    roots: Sequence[Trigger],
    owner: dict[int, Trigger],
    spans: Sequence[tuple[Timex, Span]],
    lexicon: Lexicon,
    year: int | None,
) -> list[Trigger]:
    """Date each trigger by the nearest time expression of its own clause; return the
    mentions made for further occasions the clause names ("met in Geneva in May and in
    London in June")."""
    timexes = [t for t, _ in spans]
    attached: dict[int, list[tuple[int, Timex]]] = {}
    by_id: dict[int, Trigger] = {}
    spread: list[Trigger] = []
    anaphors = {" ".join(words) for words in lexicon.anchors}
    for timex, span in spans:
        if timex.type not in ("DATE", "TIME", "DURATION"):
            continue
        if " ".join(timex.text.lower().split()) in anaphors:
            continue  # "that day", "the same day": dated from the event before, as anchors
        if _bound(span, lexicon):
            continue  # "since May", "until Friday", "by noon on Saturday": an edge, no date
        if _modifies_other_noun(span, owner):
            continue
        found = _climb(span, owner, lexicon) or _adjacent(span, roots)
        if found is None:
            continue
        if timex.type == "DURATION":
            if _period(span):
                spread.append(found[0])  # "conversations over the past month": no one day
            continue
        trigger, distance = found
        by_id[id(trigger)] = trigger
        attached.setdefault(id(trigger), []).append((distance, timex))
    pairs = _coordinated(timexes)
    echoes: list[Trigger] = []
    for key, candidates in attached.items():
        trigger = by_id[key]
        # on a tie a day beats a time of day: "continued overnight and on Saturday"
        candidates.sort(key=lambda c: (c[0], c[1].type != "DATE", c[1].start))
        timex = _day_over_time(doc, [c[1] for c in candidates])
        echo = _further_occasion(doc, trigger, timex, [c[1] for c in candidates[1:]], pairs)
        if echo is not None and echo[1].start < timex.start:
            timex, echo = echo[1], (echo[0], timex)
        _set_from_timex(trigger, timex, lexicon, year)
        if trigger.date and timex.start in pairs:
            trigger.date = _span_value(trigger.date, pairs[timex.start], year)
        if echo is not None:
            _set_from_timex(echo[0], echo[1], lexicon, year)
            echoes.append(echo[0])
    for trigger in spread:
        if trigger.dating is None:
            trigger.dating = "vague"
    return echoes


def _day_over_time(doc: Doc, timexes: Sequence[Timex]) -> Timex:
    """The first expression, or the day joined to a time of day by "and" ("continued
    overnight and on Saturday"): the day the reader is given."""
    first = timexes[0]
    if first.type != "TIME":
        return first
    for other in timexes[1:]:
        if other.type == "DATE" and 0 < other.start - first.end <= COORDINATED_CHARS:
            between = doc.char_span(first.end, other.start, alignment_mode="expand")
            if between is not None and any(t.lower_ == "and" for t in between):
                return other
    return first


# How far apart two expressions joined by "and" may stand ("overnight and on Saturday").
COORDINATED_CHARS = 10


def _further_occasion(
    doc: Doc, trigger: Trigger, first: Timex, others: Sequence[Timex], pairs: dict[int, Timex]
) -> tuple[Trigger, Timex] | None:
    """A second date of the same clause, joined to the first by "and" with a phrase of its
    own between ("in May and in London in June", "on Monday and again on Thursday"): a
    second occasion of the same kind, with a mention of its own at the words that name it.
    Two days side by side ("on Monday and Tuesday") are one occasion, dated by their week."""
    for other in others:
        if other.type != "DATE" or first.type != "DATE" or other.value == first.value:
            continue
        if first.start in pairs and pairs[first.start] is other:
            continue
        a, b = sorted((first, other), key=lambda t: t.start)
        between = doc.char_span(a.end, b.start, alignment_mode="expand")
        if between is None or not any(t.lower_ == "and" for t in between):
            continue
        after = [t for t in between if t.i > next(t.i for t in between if t.lower_ == "and")]
        words = [t for t in after if not t.is_punct and t.lower_ not in ("again", "then", "also")]
        if not words:
            continue
        echo = Trigger(
            token=words[0],
            type=trigger.type,
            kind=trigger.kind,
            frame=trigger.frame,
            noun=trigger.noun,
            sentence=trigger.sentence,
            actors=trigger.actors,
            party=trigger.party,
            linkable=False,
        )
        return echo, b
    return None


BOUNDS = frozenset({"since", "until", "till", "through", "by", "as of"})


MEETING_TYPES = frozenset({"call", "meeting", "talks"})


def _agreed_occasions(roots: Sequence[Trigger], owner: dict[int, Trigger]) -> None:
    """ "agreed to meet again next Saturday": an agreement to hold a meeting the article
    dates is that meeting, scheduled; the agreement is no occasion of its own."""
    for trigger in roots:
        if trigger.type != "agreement" or trigger.kind != "verb" or trigger.parent is not None:
            continue
        if trigger.dating == "timex":
            continue
        for child in trigger.token.children:
            occasion = owner.get(child.i)
            if child.dep_ != "xcomp" or occasion is None or occasion is trigger:
                continue
            if occasion.type in MEETING_TYPES and occasion.dating == "timex":
                _absorb(occasion, trigger, owner)
                break


def _destinations(roots: Sequence[Trigger], owner: dict[int, Trigger]) -> None:
    """ "will put the plan to a summit on Tuesday": a verb event that goes to a call,
    meeting or talks happens there; whichever of the two is dated dates the other."""
    for trigger in roots:
        if trigger.kind != "verb" or trigger.parent is not None:
            continue
        for prep in (c for c in trigger.token.children if c.dep_ == "prep" and c.lower_ == "to"):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                occasion = owner.get(pobj.i)
                if occasion is None or occasion is trigger or occasion.type not in MEETING_TYPES:
                    continue
                if trigger.date is None and occasion.date is not None:
                    _copy(trigger, occasion, "clause")
                elif occasion.date is None and trigger.date is not None:
                    _copy(occasion, trigger, "clause")


def _timex_spans(doc: Doc, timexes: Sequence[Timex]) -> list[tuple[Timex, Span]]:
    """Each time expression with its tokens (once per article)."""
    found = []
    for timex in timexes:
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is not None and len(span) > 0:
            found.append((timex, span))
    return found


def _bound(span: Span, lexicon: Lexicon) -> bool:
    """Whether the expression is the edge of a period or a deadline: it follows, or hangs
    within a few arcs on, "since", "until", "by"...; not "by" in a past clause ("by Tuesday
    morning he had posted a statement": done by then, that day), nor the start of a
    measure "in force since" then."""
    doc = span.doc
    word: Token | None = doc[span.start - 1] if span.start > 0 else None
    if word is not None and word.lower_ == "since" and _in_force(word, lexicon):
        return False
    if word is None or _bound_word(word) not in BOUNDS:
        word, token = None, span.root
        for _ in range(BOUND_ARCS):
            if token.dep_ == "prep" and _bound_word(token) in BOUNDS:
                word = token
                break
            if token.head.i == token.i:
                break
            token = token.head
    if word is None:
        return False
    return word.lower_ != "by" or not _past_clause(word.head)


def _in_force(since: Token, lexicon: Lexicon) -> bool:
    """ "in force since April 5": the words before "since" say a measure stands from then."""
    for words in lexicon.in_force:
        start = since.i - len(words)
        if start >= 0 and [t.lower_ for t in since.doc[start : since.i]] == list(words):
            return True
    return False


def _bound_word(word: Token) -> str:
    """The word, or "as of" for the "of" of "as of this morning"."""
    if word.lower_ == "of" and word.i > 0 and word.doc[word.i - 1].lower_ == "as":
        return "as of"
    return word.lower_


# How far up the parse from a time expression a "since", "until" or "by" makes it an edge.
BOUND_ARCS = 5


def _past_clause(verb: Token) -> bool:
    """A verb in a past tense: simple, perfect or progressive ("posted", "had signed",
    "was scolding")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBD" and not aux:
        return True
    return verb.tag_ in ("VBN", "VBG") and bool(aux & {"had", "was", "were"})


def _coordinated(timexes: Sequence[Timex]) -> dict[int, Timex]:
    """Days given as a pair ("on Monday and Tuesday"): each start -> the other day."""
    days = [t for t in timexes if t.type == "DATE" and len(t.value) == 10]
    pairs: dict[int, Timex] = {}
    for a, b in itertools.pairwise(days):
        if 0 < b.start - a.end <= 5:
            pairs[a.start], pairs[b.start] = b, a
    return pairs


def _span_value(value: str, other: Timex, year: int | None) -> str:
    """Two days as one date: their week, or their month when they straddle weeks."""
    from parley.extract.timex.values import week_value

    second = iso_value(other, year)
    if second is None or len(second) != 10 or len(value) != 10:
        return value
    first, last = sorted((date.fromisoformat(value), date.fromisoformat(second)))
    if week_value(first) == week_value(last):
        return week_value(first)
    return value[:7] if value[:7] == second[:7] else value


def _period(span: Span) -> bool:
    """A span of time events fall within ("over the past month", "in recent weeks"); not
    a matter of hours or minutes ("within hours" is the same day, an anchor)."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    short = any(t.lemma_.lower() in ("hour", "minute") for t in span)
    return before is not None and before.lower_ in PERIOD_PREPS and not short


# How far from a trigger noun a time expression may stand to be its own ("the call ... on Tuesday").
ADJACENT_TOKENS = 15
PERIOD_PREPS = frozenset({"over", "in", "during", "throughout", "within"})


def _modifies_other_noun(span: Span, owner: dict[int, Trigger]) -> bool:
    """ "the 9 May festivities": a date inside a noun phrase dates that noun only (not
    one after a preposition of a verb, whatever the parser hung it on: "and on Monday
    the regulator said")."""
    if _verb_preposition(span) is not None:
        return False
    outside = [t for t in span if not span.start <= t.head.i < span.end]
    heads = {t.head.i for t in outside}
    if len(heads) != 1 or not all(t.dep_ in NOUN_MODIFIERS for t in outside):
        return False
    head = outside[0].head
    return head.i not in owner and head.pos_ in ("NOUN", "PROPN")


NOUN_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss", "nummod", "det"})


def _verb_preposition(span: Span) -> Token | None:
    """The preposition right before the expression when the parser hung it on a verb but
    the expression elsewhere ("on Monday China's regulator said": "on" is the verb's)."""
    if span.start == 0:
        return None
    prep = span.doc[span.start - 1]
    if prep.dep_ != "prep" or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    return None if span.root.head.i == prep.i else prep


def _climb(span: Span, owner: dict[int, Trigger], lexicon: Lexicon) -> tuple[Trigger, int] | None:
    """The trigger of the expression's own clause: up the parse, never out of a clause; a
    verb that only says something took place ("talks followed the next week") passes the
    date to its subject."""
    token = _verb_preposition(span) or span.root
    for steps in range(MAX_CLIMB):
        trigger = owner.get(token.i)
        if trigger is not None:
            return _argument_verb(trigger, owner), steps
        decided = _decided(token, owner, lexicon)
        if decided is not None:  # "Trump's decision on Wednesday to lift the tariff"
            return decided, steps
        stops = token.dep_ in CLAUSE_DEPS and token.pos_ in ("VERB", "AUX")
        if stops and token.dep_ == "acl" and _participle(token):
            # "an interview broadcast on Monday": the noun's own event, else nobody's
            noun = owner.get(token.head.i)
            return (noun, steps) if noun is not None and noun.token.i == token.head.i else None
        if stops and token.dep_ == "xcomp":
            subject = _occurrence_subject(token, owner, lexicon)
            if subject is not None:  # "the exchange is expected to take place next week"
                return subject, steps
            token = token.head  # "started moving again on Monday": the head's time
            continue
        if stops and _before_subject(span, token):
            token = token.head  # "said on Wednesday it would ...": the date is the saying's
            continue
        if _modal_conjunct(token):
            stops = True  # "called on Monday and would travel later this week": two clauses
        if (stops and not _participle(token)) or token.head.i == token.i:
            subject = _occurrence_subject(token, owner, lexicon)
            return (subject, steps) if subject is not None else None
        token = token.head
    return None


def _to_infinitive(verb: Token) -> bool:
    """A verb with its infinitive marker ("to suspend", "to bomb")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _modal_conjunct(verb: Token) -> bool:
    """A conjoined verb with a modal of its own: a clause of its own time."""
    return verb.dep_ == "conj" and any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _before_subject(span: Span, clause: Token) -> bool:
    """Whether a time expression comes before the subject of the clause it was hung in
    ("said on Wednesday [that] it would treat"): then it modifies the verb before it."""
    subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return clause.dep_ == "ccomp" and bool(subjects) and span.end <= subjects[0].left_edge.i


def _argument_verb(trigger: Trigger, owner: dict[int, Trigger]) -> Trigger:
    """A date the parser hung on an event noun that is the argument of a verb event belongs
    to the verb: "brief the council on the attack on Monday", "recalled its envoys to the
    capitals for consultations on Saturday", "announced the meeting on Monday" (a past verb
    and its object); not "cut the tariff after a meeting on Thursday" (the meeting's day)."""
    token = trigger.token
    if trigger.kind != "noun":
        return trigger
    if token.dep_ == "dobj" or (token.dep_ == "pobj" and token.head.lower_ in CONTENT_PREPS):
        node = token
    else:
        return trigger
    for _ in range(3):  # up through prepositional phrases to the verb they hang on
        if node.dep_ != "pobj":
            break
        node = node.head.head
        if node.pos_ in ("VERB", "AUX"):
            break
    if node is token and not (token.dep_ == "dobj" and token.head.tag_ == "VBD"):
        return trigger
    verb = owner.get(node.head.i if node is token else node.i)
    return verb if verb is not None and verb.kind == "verb" and verb is not trigger else trigger


def _decided(token: Token, owner: dict[int, Trigger], lexicon: Lexicon) -> Trigger | None:
    """The event an implicative word carries out: the infinitive of "voted on Wednesday to
    suspend", "the decision on Monday to lift", the gerund of "began the process of
    restoring"; None for any other word."""
    if token.i in owner or token.lemma_.lower() not in lexicon.implicative_heads:
        return None
    for child in token.children:
        infinitive = child.dep_ in ("xcomp", "acl") and _to_infinitive(child)
        if infinitive and child.i in owner:
            return owner[child.i]
        if child.dep_ == "prep" and child.lower_ == "of":
            gerund = next((c for c in child.children if c.dep_ == "pcomp"), None)
            if gerund is not None and gerund.i in owner:
                return owner[gerund.i]
        if child.dep_ == "dobj" and child.lemma_.lower() in lexicon.implicative_heads:
            return _decided(child, owner, lexicon)  # "began the process of ..."
    return None


def _occurrence_subject(verb: Token, owner: dict[int, Trigger], lexicon: Lexicon) -> Trigger | None:
    """The event of a clause whose verb reports none: the subject of "X followed / came /
    is expected to take place (then)", the talks of "arrived on Monday for talks", the
    event of a participle clause ("signed a law on Wednesday suspending ...", "tried on
    Tuesday to reconcile them, telling reporters ...")."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    accompanying = _accompanying(verb, owner)
    if accompanying is not None:
        return accompanying
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in PURPOSE_PREPS:
            for pobj in (c for c in child.children if c.dep_ == "pobj"):
                event = owner.get(pobj.i)
                if event is not None and event.type in ("call", "meeting", "talks"):
                    return event
    content = _decreed(verb, owner)
    if content is not None:
        return content
    if not _occurrence(verb, lexicon):
        return None
    holders = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
    for holder in holders:
        for child in holder.children:
            if child.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if child.i in owner:
                return owner[child.i]
            # "two days of talks ended on Tuesday"
            for prep in (c for c in child.children if c.dep_ == "prep" and c.lower_ == "of"):
                for pobj in (c for c in prep.children if c.dep_ == "pobj" and c.i in owner):
                    return owner[pobj.i]
    return None


def _decreed(verb: Token, owner: dict[int, Trigger]) -> Trigger | None:
    """The event of a document a clause reports ("signed an order on Monday extending the
    suspension of tariffs"): the first trigger in the participle clause of its object."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for clause in (c for c in obj.children if c.dep_ == "acl" and _participle(c)):
            for token in clause.subtree:
                if token.i in owner:
                    return owner[token.i]
    return None


PURPOSE_PREPS = frozenset({"for", "to", "into"})
# Subordinators of a participle clause that happens at the time of its main clause.
SIMULTANEOUS_MARKS = frozenset({"while", "when", "as"})


def _accompanying(verb: Token, owner: dict[int, Trigger]) -> Trigger | None:
    """A trigger in a participle clause of the verb or of the infinitives it governs
    ("signed a law on Wednesday suspending ...", "tried on Tuesday to reconcile them,
    telling reporters ..."): it happened when the verb did."""
    node: Token | None = verb
    for _ in range(3):
        if node is None:
            break
        for child in node.children:
            if child.dep_ == "advcl" and child.i in owner and _accompanies(child):
                return owner[child.i]
        node = next((c for c in node.children if c.dep_ == "xcomp"), None)
    return None


def _accompanies(clause: Token) -> bool:
    """A participle clause with no subject, bare or opened by "while" ("while hosting")."""
    if clause.tag_ not in ("VBG", "VBN"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children):
        return False
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    return marks <= SIMULTANEOUS_MARKS


def _occurrence(verb: Token, lexicon: Lexicon) -> bool:
    lemma = verb.lemma_.lower()
    for words in lexicon.occurrence_verbs:
        if words[0] != lemma:
            continue
        following = [t.lower_ for t in verb.doc[verb.i + 1 : verb.i + len(words)]]
        if list(words[1:]) == following:
            return True
    return False


def _participle(token: Token) -> bool:
    """A participle clause with no subject of its own ("Speaking to reporters on Monday, X
    said"): it places the event of the clause it hangs on."""
    return (
        token.dep_ in ("advcl", "acl")
        and token.tag_ in ("VBG", "VBN")
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in token.children)
    )


def _when_clauses(
    owner: dict[int, Trigger],
    spans: Sequence[tuple[Timex, Span]],
    lexicon: Lexicon,
    year: int | None,
) -> None:
    """ "on May 16, when the first negotiations ended": the clause dates its events."""
    for timex, span in spans:
        for token in span:
            for clause in token.children:
                if clause.dep_ not in ("relcl", "advcl", "acl"):
                    continue
                if not any(c.lower_ == "when" for c in clause.children if c.dep_ == "advmod"):
                    continue
                for word in clause.subtree:
                    trigger = owner.get(word.i)
                    if trigger is not None and trigger.dating is None:
                        _set_from_timex(trigger, timex, lexicon, year)


def _where_clauses(
    owner: dict[int, Trigger],
    spans: Sequence[tuple[Timex, Span]],
    lexicon: Lexicon,
    year: int | None,
) -> None:
    """ "The deal was prepared at the weekend in Kuala Lumpur, where the ministers met":
    a "where" clause on a place of a dated clause happened then (told as done then, not
    "where they had been meeting since last week")."""
    for timex, span in spans:
        verb = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None or timex.type not in ("DATE", "TIME"):
            continue
        for clause in _where_clauses_of(verb):
            trigger = owner.get(clause.i)
            if trigger is not None and trigger.dating is None and _past(clause):
                _set_from_timex(trigger, timex, lexicon, year)


def _where_clause(clause: Token) -> bool:
    """A "where" clause on a place ("in the capital, where the envoys were meeting")."""
    where = any(c.lower_ == "where" for c in clause.children if c.dep_ == "advmod")
    return where and clause.head.dep_ == "pobj"


def _told_as_done(verb: Token) -> bool:
    """Simple past or past progressive ("met", "were meeting"), not a pluperfect."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBD":
        return not aux
    return verb.tag_ == "VBG" and bool(aux) and aux <= {"was", "were"}


def _where_clauses_of(verb: Token) -> list[Token]:
    """The "where" clauses on the places of a verb's phrases, one phrase deep."""
    places = [c for p in verb.children if p.dep_ == "prep" for c in p.children]
    places += [c for w in places for p in w.children if p.dep_ == "prep" for c in p.children]
    return [
        clause
        for place in places
        if place.dep_ == "pobj"
        for clause in place.children
        if clause.dep_ == "relcl"
        and any(c.lower_ == "where" for c in clause.children if c.dep_ == "advmod")
    ]


def _adjacent(span: Span, roots: Sequence[Trigger]) -> tuple[Trigger, int] | None:
    """A trigger noun right next to the expression, whatever the parse attached it to:
    "the call with Putin on Tuesday", "the Tuesday call"."""
    for trigger in roots:
        if trigger.kind != "noun" or abs(trigger.token.i - span.start) > ADJACENT_TOKENS:
            continue
        token = trigger.token
        phrase_end = token.right_edge.i
        inside = token.left_edge.i <= span.start and span.end - 1 <= phrase_end
        if inside and not _in_clause_of(span, token):
            return trigger, 1
        between = span.doc[phrase_end + 1 : span.start]
        if (
            span.start > phrase_end
            and len(between) <= 2
            and all(t.pos_ in ("ADP", "DET") for t in between)
        ):
            return trigger, 2
        if span.end == token.left_edge.i or span.end == token.i:
            return trigger, 2
    return None


def _in_clause_of(span: Span, noun: Token) -> bool:
    """Whether the expression lies in a clause hanging on the noun that is no relative
    clause of it ("told reporters at the summit that they would meet next week", as the
    parser may read it), rather than in its own phrase ("the talks that were due to open on
    Tuesday")."""
    token, highest = span.root, None
    while token.i != noun.i and token.head.i != token.i:
        if token.dep_ in CLAUSE_DEPS and token.pos_ in ("VERB", "AUX"):
            highest = token
        token = token.head
    if highest is None:
        return False
    return highest.dep_ not in ("relcl", "acl") or complement_clause(highest)


def _set_from_timex(trigger: Trigger, timex: Timex, lexicon: Lexicon, year: int | None) -> None:
    from parley.extract.timex import date_precision

    trigger.timex = timex
    if timex.mod in lexicon.vague_mods or timex.value in REF_VALUES:
        trigger.dating = "vague"
        return
    value = iso_value(timex, year)
    if value is None:
        trigger.dating = "no publication date" if "X" in timex.value else UNDATED
    elif date_precision(value) not in EVENT_PRECISIONS:
        trigger.dating = "coarse"
    else:
        trigger.date, trigger.dating = value, "timex"


def iso_value(timex: Timex, year: int | None) -> str | None:
    """The expression's value as an ISO date for `Event.date`, or None when it is no date."""
    if timex.type not in ("DATE", "TIME"):
        return None
    value = timex.value
    if timex.type == "TIME" or "T" in value[8:]:
        value = value.split("T", 1)[0]
    if value.startswith("XXXX"):
        if year is None:
            return None
        value = f"{year:04d}{value[4:]}"
    if not value[:4].isdigit() or "X" in value:
        return None
    return value


# 2. The clause ---------------------------------------------------------------------


def _inherit(
    roots: Sequence[Trigger], owner: dict[int, Trigger], anchors: Sequence[int] = ()
) -> None:
    """A conjoined verb or a participle clause takes the date of the trigger it hangs on,
    unless an anchor of its own places it ("..., and drones struck the next morning")."""
    for trigger in roots:
        token = trigger.token
        if trigger.date is not None or trigger.dating == "vague" or trigger.kind != "verb":
            continue
        if any(token.left_edge.i <= a <= token.right_edge.i for a in anchors):
            continue
        participle = token.dep_ == "advcl" and token.tag_ in ("VBG", "VBN")
        if participle and trigger.pending == "date":
            continue  # "pulled out, saying ...": the saying is no occasion of its own
        if trigger.type == "statement" and _spoken_at(trigger, owner):
            continue
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children)
        if token.dep_ == "conj" and own_subject and trigger.pending == "date":
            continue  # "..., and Israel said it had agreed": another speaker's quote
        if _reported_now(trigger, owner):
            continue
        where = token.dep_ == "relcl" and _where_clause(token) and _told_as_done(token)
        token = _carrier(token, owner)
        if token.dep_ != "conj" and not participle and not where:
            continue
        head = _main_trigger(token.head, owner)
        if head is not None and head is not trigger and head.date is not None:
            _copy(trigger, head, "clause")


def _carrier(token: Token, owner: dict[int, Trigger]) -> Token:
    """The conjoined verb an infinitive of purpose hangs on ("..., and the army sent jets
    to bomb the depots"): the clause whose date the infinitive shares."""
    head = token.head
    infinitive = token.dep_ in ("xcomp", "advcl") and _to_infinitive(token)
    return head if infinitive and head.dep_ == "conj" and head.i not in owner else token


def _alongside(roots: Sequence[Trigger], owner: dict[int, Trigger]) -> None:
    """ "would impose a tariff from Nov. 1, along with export controls": a measure added to
    a verb's object with "along with" or "together with" is decided with it, that day."""
    for trigger in roots:
        token = trigger.token
        if trigger.kind != "noun" or trigger.date is not None or token.dep_ != "pobj":
            continue
        prep = token.head
        if prep.lower_ != "with" or prep.head.lower_ not in COMPANION_WORDS:
            continue
        verb = owner.get(prep.head.head.i)
        if verb is not None and verb is not trigger and verb.date is not None:
            _copy(trigger, verb, "clause")


COMPANION_WORDS = frozenset({"along", "together"})


def _spoken_at(trigger: Trigger, owner: dict[int, Trigger]) -> bool:
    """ "Speaking to reporters on Tuesday, she said ...": the speech of the main clause is
    the dated speech of its participle clause."""
    for child in trigger.token.children:
        speech = owner.get(child.i)
        if child.dep_ != "advcl" or speech is None or speech is trigger:
            continue
        if speech.type == "statement" and speech.date is not None and _participle(child):
            _copy(trigger, speech, "clause")
            return True
    return False


def _reported_now(trigger: Trigger, owner: dict[int, Trigger]) -> bool:
    """ "Hamas said on Friday that it agreed to ...", "have agreed to a ceasefire, the prime
    minister announced on Wednesday": a past or present perfect reported by a dated
    statement happened on the statement's day; a pluperfect ("announced on Sunday that it
    had left the government") happened by then, most likely that day: approximate."""
    token = trigger.token
    speech = owner.get(token.head.i)
    if token.dep_ != "ccomp" or speech is None or speech is trigger:
        return False
    if speech.type != "statement" or speech.date is None or len(speech.date) != 10:
        return False
    aux = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    if token.tag_ == "VBD" and not aux:
        _copy(trigger, speech, "clause")
    elif token.tag_ == "VBN" and aux in ({"has"}, {"have"}, {"had"}):
        _copy(trigger, speech, "clause")
        trigger.approximate = trigger.approximate or "had" in aux
    else:
        return False
    return True


def _main_trigger(token: Token, owner: dict[int, Trigger]) -> Trigger | None:
    """The trigger a clause hangs on, out of any relative clause the parser put it in."""
    for _ in range(MAX_CLIMB):
        trigger = owner.get(token.i)
        if trigger is not None and token.dep_ not in ("relcl", "acl"):
            return trigger
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _copy(trigger: Trigger, source: Trigger, how: str) -> None:
    trigger.date, trigger.approximate, trigger.dating = source.date, source.approximate, how


# 3. Anchors ------------------------------------------------------------------------


def _anchor(
    doc: Doc,
    roots: Sequence[Trigger],
    owner: dict[int, Trigger],
    anchors: Sequence[tuple[Anchor, int]],
    published: date | None,
    lexicon: Lexicon,
) -> None:
    undated = {t.sentence for t in roots if t.date is None}
    for (start, end, offset, prepositional), sentence in anchors:
        if sentence not in undated:
            continue
        word = doc[start]
        if end - start == 1 and word.lower_ in CLAUSE_MARKS:
            _clause_anchor(word, owner, roots, published)
            continue
        if end - start == 1 and word.lower_ in PLACING_PREPS and not _placing(word, owner):
            continue  # the commonest anchors: looked at only where they place an event
        prepositional = prepositional and _names_object(doc, end)
        reference = _reference(doc, end, owner) if prepositional else None
        if prepositional and reference is None:
            continue
        if reference is not None and _from_now(doc, end, reference, offset, published):
            continue  # "two days after X declared it done, Beijing has said little"
        anchored = _anchored(doc, start, end, owner, reference)
        if anchored is None or anchored.parent is not None:
            continue
        speech_only = tuple(t.lower_ for t in doc[start:end]) in lexicon.statement_anchors
        if speech_only and (anchored.type != "statement" or anchored.date is not None):
            continue  # "after the talks" dates only remarks made after them, never the talks
        if reference is not None and offset == 0 and _same_occasion(anchored, reference):
            _absorb(reference, anchored, owner)
            continue
        _apply_anchor(anchored, reference, offset, roots, published)


def _dated_objects(
    doc: Doc,
    roots: Sequence[Trigger],
    owner: dict[int, Trigger],
    anchors: Sequence[tuple[Anchor, int]],
    spans: Sequence[tuple[Timex, Span]],
    lexicon: Lexicon,
    year: int | None,
) -> None:
    """ "said after Friday's vote", "the day after Monday's vote": an anchor whose object
    names no event of the codebook but carries its own date counts from that date."""
    dated = {tok.i: timex for timex, span in spans if timex.type == "DATE" for tok in span}
    if not dated:
        return
    for (start, end, offset, prepositional), _ in anchors:
        word = doc[end - 1]
        if not prepositional or word.lower_ in PLACING_PREPS or not _names_object(doc, end):
            continue
        obj = next((c for c in word.children if c.dep_ == "pobj"), None)
        if obj is None or obj.i in owner:
            continue
        timex = _own_date(obj, dated)
        anchored = _anchored(doc, start, end, owner, None) if timex is not None else None
        if timex is None or anchored is None or anchored.date is not None:
            continue
        if anchored.parent is not None or anchored.dating in ("vague", "coarse"):
            continue
        speech_only = tuple(t.lower_ for t in doc[start:end]) in lexicon.statement_anchors
        value = iso_value(timex, year)
        if value is None or (speech_only and anchored.type != "statement"):
            continue
        anchored.date, anchored.dating = _shift(value, offset), "anchor"


def _own_date(noun: Token, dated: dict[int, Timex]) -> Timex | None:
    """A date modifying the noun itself: "Friday's vote", "the Friday vote", "the vote on
    Friday" (not one deeper in its phrase or in a clause of it)."""
    for child in noun.children:
        if child.dep_ in ("poss", "compound", "nmod", "npadvmod") and child.i in dated:
            return dated[child.i]
        if child.dep_ == "prep" and child.lower_ in ("on", "in"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.i in dated:
                return dated[pobj.i]
    return None


def _from_now(doc: Doc, end: int, reference: Trigger, offset: int, published: date | None) -> bool:
    """An event placed a number of days before a present-tense main clause ("two days
    after Trump declared a deal done, Beijing has said little") is that many days before
    the publication day. True when it dated the event so."""
    word = doc[end - 1]
    if published is None or offset == 0 or word.dep_ != "mark":
        return False
    main = word.head.head
    if word.head.dep_ != "advcl" or main.pos_ not in ("VERB", "AUX"):
        return False
    aux = {c.lower_ for c in main.children if c.dep_ in ("aux", "auxpass")}
    present = (main.tag_ in ("VBZ", "VBP") and not aux) or (
        main.tag_ == "VBN" and aux & {"has", "have"}
    )
    if not present:
        return False
    if reference.date is None:
        reference.date, reference.dating = _shift(published.isoformat(), -offset), "anchor"
    return True


def _clause_anchor(
    word: Token, owner: dict[int, Trigger], roots: Sequence[Trigger], published: date | None
) -> None:
    """ "As the session ended on Saturday, the envoys spoke face to face": the event of a
    clause opened by as/when/while and the event of the clause it hangs on share a day."""
    clause = word.head
    if word.dep_ not in ("mark", "advmod") or clause.dep_ != "advcl":
        return
    reference = owner.get(clause.i) if word.dep_ == "advmod" else None
    reference = reference or _reference(word.doc, word.i + 1, owner)
    anchored = owner.get(clause.head.i)
    if reference is not None and anchored is not None and reference is not anchored:
        _apply_anchor(anchored, reference, 0, roots, published)


# "in the call", "at the summit": these place an event at another only when the phrase
# hangs on a trigger verb and names an event that happens at one time.
PLACING_PREPS = frozenset({"in", "at"})
PLACING_TYPES = frozenset({"call", "meeting", "talks", "statement"})


def _placing(prep: Token, owner: dict[int, Trigger]) -> bool:
    verb = owner.get(prep.head.i)
    objects = [owner.get(c.i) for c in prep.children if c.dep_ == "pobj"]
    event = next((o for o in objects if o is not None), None)
    return (
        verb is not None
        and verb.kind == "verb"
        and event is not None
        and event.kind == "noun"
        and event.type in PLACING_TYPES
    )


def _same_occasion(anchored: Trigger, reference: Trigger) -> bool:
    """ "said ... during an interview": the speech is the interview, one statement; "in the
    call, X urged Y": what was said in a call is the call."""
    if anchored.type == reference.type and anchored.kind != reference.kind:
        return True
    return anchored.pending == "date" and reference.type in ("call", "meeting", "talks")


def _absorb(into: Trigger, other: Trigger, owner: dict[int, Trigger]) -> None:
    other.parent = into
    into.actors = into.actors or other.actors
    for token in other.tokens:
        into.folded.append(token)
        owner[token.i] = into
    if into.date is None and other.date is not None:
        _copy(into, other, other.dating or "clause")


def anchor_phrases(
    doc: Doc,
    starts: Sequence[int],
    lexicon: Lexicon,
    lower: Sequence[int],
    numeric: frozenset[int] = frozenset(),
) -> list[Anchor]:
    """Anchor phrases opening at the candidate tokens: (start, end, days, names an event
    after it), from the anchors of the lexicon and "<count> days before/after/later".
    `lower` holds every token's lower-case string hash and `numeric` the tokens that look
    like numbers (compared without making tokens)."""
    from parley.extract.timex.grammar import lexicon as timex_lexicon

    phrases = _anchor_hashes(lexicon)
    units = _unit_hashes(lexicon)
    found: list[Anchor] = []
    for k in starts:
        for words, days, last in phrases.get(lower[k], ()):
            if tuple(lower[k : k + len(words)]) == words:
                found.append((k, k + len(words), days, last in _PREPS))
        if k not in numeric or k + 2 >= len(doc) or lower[k + 1] not in units:
            continue
        count = _count(doc[k], timex_lexicon().numbers)
        days = units[lower[k + 1]]
        word = doc[k + 2].lower_
        direction = lexicon.anchor_directions.get(word)
        if count and direction is not None:
            found.append((k, k + 3, count * days * direction, word in _PREPS))
    # an anchor inside a longer one ("after" in "two days after") is part of it
    covered = {i for a in found if a[1] - a[0] > 1 for i in range(a[0] + 1, a[1])}
    return [a for a in found if a[1] - a[0] > 1 or a[0] not in covered]


_UNIT_HASHES: dict[int, dict[int, int]] = {}


def _unit_hashes(lexicon: Lexicon) -> dict[int, int]:
    """Hash of each day or week word -> the days it counts, once per lexicon."""
    key = id(lexicon)
    if key not in _UNIT_HASHES:
        from spacy.strings import get_string_id

        units = {get_string_id(w): 1 for w in lexicon.anchor_day_words}
        units.update({get_string_id(w): 7 for w in lexicon.anchor_week_words})
        _UNIT_HASHES[key] = units
    return _UNIT_HASHES[key]


_ANCHOR_HASHES: dict[int, dict[int, list[tuple[tuple[int, ...], int, str]]]] = {}


def _anchor_hashes(lexicon: Lexicon) -> dict[int, list[tuple[tuple[int, ...], int, str]]]:
    """First word's hash -> (the phrase's word hashes, days, last word), once per lexicon."""
    key = id(lexicon)
    if key not in _ANCHOR_HASHES:
        from spacy.strings import get_string_id

        table: dict[int, list[tuple[tuple[int, ...], int, str]]] = {}
        for words, days in lexicon.anchors.items():
            hashes = tuple(get_string_id(w) for w in words)
            table.setdefault(hashes[0], []).append((hashes, days, words[-1]))
        _ANCHOR_HASHES[key] = table
    return _ANCHOR_HASHES[key]


def _count(token: Token, numbers: dict[str, float]) -> int:
    if token.like_num and token.text.isdigit():
        return int(token.text)
    return int(numbers.get(token.lower_, 0))


def _reference(doc: Doc, end: int, owner: dict[int, Trigger]) -> Trigger | None:
    """The event an anchor names: the object of its last word ("hours after the signing"),
    or the verb of the clause it introduces ("the day before the EU levied penalties"); not
    an event nested in another noun phrase ("hours after the collapse of the deal")."""
    word = doc[end - 1]
    if word.dep_ == "mark":
        head = owner.get(word.head.i)
        if head is not None and head.kind == "verb":
            return head
        subjects = [c for c in word.head.children if c.dep_ == "nsubj" and c.i in owner]
        return owner[subjects[0].i] if subjects else None  # "after an attack damaged the bridge"
    for obj in (c for c in word.children if c.dep_ in ("pobj", "pcomp")):
        trigger = owner.get(obj.i)
        if trigger is not None:
            return trigger
    for i in range(end, min(len(doc), end + 8)):
        trigger = owner.get(i)
        if trigger is None or trigger.kind != "verb":
            continue
        if doc[i].head.i in (word.i, word.head.i):
            return trigger
    return None


def _names_object(doc: Doc, end: int) -> bool:
    """Whether an anchor's last word ("before", "after") takes an object or a clause."""
    word = doc[end - 1]
    return (
        word.dep_ == "mark"
        or any(c.dep_ in ("pobj", "pcomp") for c in word.children)
        or (end < len(doc) and doc[end].head.i == word.i)
    )


def _anchored(
    doc: Doc, start: int, end: int, owner: dict[int, Trigger], reference: Trigger | None
) -> Trigger | None:
    """The event the anchor dates: the trigger of its clause, else the nearest one before it."""
    token = doc[start]
    for _ in range(MAX_CLIMB):
        trigger = owner.get(token.i)
        if trigger is not None and trigger is not reference and not start <= token.i < end:
            return trigger
        if token.head.i == token.i:
            break
        token = token.head
    sent = doc[start].sent
    before = [owner[i] for i in range(start - 1, sent.start - 1, -1) if i in owner]
    return next((t for t in before if t is not reference), None)


def _apply_anchor(
    anchored: Trigger,
    reference: Trigger | None,
    offset: int,
    roots: Sequence[Trigger],
    published: date | None,
) -> None:
    if reference is None:
        if anchored.date is None:
            base = _previous_day(anchored, roots, published)
            base = base or (published.isoformat() if published else None)
            if base is not None:
                anchored.date, anchored.dating = _shift(base, offset), "anchor"
        return
    if anchored.date is None and reference.date is not None:
        anchored.date, anchored.dating = _shift(reference.date, offset), "anchor"
        anchored.approximate = reference.approximate
    elif reference.date is None and anchored.date is not None and reference.dating != "vague":
        reference.date, reference.dating = _shift(anchored.date, -offset), "anchor"
        reference.approximate = anchored.approximate


def _previous_day(trigger: Trigger, roots: Sequence[Trigger], published: date | None) -> str | None:
    """The day of the last event told before this one that had already happened (a
    scheduled event, or one after the publication day, is no day the story has reached)."""
    earlier = [
        t
        for t in roots
        if t.token.i < trigger.token.i
        and t.date
        and len(t.date) == 10
        and t.pending != "scheduled"
        and not _later_than(t.date, published)
    ]
    return max(earlier, key=lambda t: t.token.i).date if earlier else None


@functools.lru_cache(maxsize=4096)
def _later_than(value: str, published: date | None) -> bool:
    """Whether a date begins after the publication day."""
    from parley.extract.timex import timex_to_date_range

    if published is None:
        return False
    span = timex_to_date_range(value)
    return span is not None and span[0] > published


def _shift(value: str, days: int) -> str:
    if days == 0 or len(value) != 10:
        return value
    return (date.fromisoformat(value) + timedelta(days=days)).isoformat()


# 4. Links --------------------------------------------------------------------------


def _link(
    roots: Sequence[Trigger], lexicon: Lexicon, published: date | None, final: bool = False
) -> None:
    """Date undated mentions from a mention of the same event. Until the `final` pass, a
    mention waits while an earlier mention of that event is still undated (the first
    mention, often the lead, is the antecedent once it has a date). A mention told as done
    never takes a date after the publication day (that is another, scheduled occasion)."""
    by_token = {t.token.i: t for t in roots}
    usable = [  # roots are in text order
        t
        for t in roots
        if t.parent is None
        and not (t.date and _later_than(t.date, published))
        and not (t.pending == "scheduled" and t.date is None)
        and not (t.noun is not None and t.noun.needs == "date")  # "the July ceasefire": its own
    ]
    positions = [t.token.i for t in usable]
    for trigger in roots:
        if trigger.date is not None or trigger.parent is not None:
            continue
        if not _linkable(trigger, lexicon, by_token):
            continue
        at = bisect.bisect_left(positions, trigger.token.i)
        earlier = usable[:at]
        later = [
            t
            for t in usable[at:]
            if t.token.i > trigger.token.i and t.sentence - trigger.sentence <= FORWARD_SENTENCES
        ]
        if trigger.kind == "noun" and not trigger.definite:
            earlier = []  # "a drone attack": a first mention, dated later in the article
        source = _antecedent(trigger, earlier, final)
        if source is None and not any(same_event(trigger, t) for t in earlier):
            source = _antecedent(trigger, later, final=True)
        if source is not None and source.date is not None:
            _copy(trigger, source, "link")


def _antecedent(trigger: Trigger, candidates: Sequence[Trigger], final: bool) -> Trigger | None:
    """The first candidate of the same type that can be this event, else of a compatible
    type (undated ones are skipped only in the `final` pass); failing both, "Kagame and
    Tshisekedi met on Tuesday. The meeting, hosted by the emir, ...": a definite noun of the
    same type right after a dated mention is that event, whoever it names."""
    # "the talks begun in Luanda": a noun its own clause identifies is no other type's mention
    identified = trigger.kind == "noun" and any(
        c.dep_ in ("acl", "relcl") for c in trigger.token.children
    )
    for exact in (True,) if identified else (True, False):
        for candidate in candidates:
            if not exact and abs(candidate.sentence - trigger.sentence) > 1:
                continue  # another type of mention only names the event right after it
            if (candidate.type == trigger.type) != exact or not same_event(trigger, candidate):
                continue
            if candidate.date is not None or not final:
                return candidate
    if trigger.kind == "noun" and trigger.definite:
        previous = [c for c in candidates if c.type == trigger.type and c.date is not None]
        if previous and 0 <= trigger.sentence - previous[-1].sentence <= 1:
            return previous[-1]
    return None


def _described(trigger: Trigger, by_token: dict[int, Trigger]) -> bool:
    """A noun and the relative clause describing it, of one type and undated ("the deal
    they signed in Doha", "the tariff he imposed"): one occasion the article leaves undated."""
    token = trigger.token
    if trigger.kind == "verb" and token.dep_ in ("relcl", "acl") and _gapped(token):
        noun = by_token.get(token.head.i)
        return noun is not None and noun.type == trigger.type
    for clause in (c for c in token.children if c.dep_ in ("relcl", "acl") and _gapped(c)):
        verb = by_token.get(clause.i)
        if verb is not None and verb.type == trigger.type and verb.date is None:
            return True
    return False


def _gapped(verb: Token) -> bool:
    """A relative clause whose object is the noun it hangs on ("the deal [they signed _]"),
    not one the parser hung there with an object of its own."""
    return not any(c.dep_ in ("dobj", "ccomp") for c in verb.children)


def _linkable(trigger: Trigger, lexicon: Lexicon, by_token: dict[int, Trigger]) -> bool:
    """A definite mention, or a reported past verb naming its participants, with no date or
    other occasion of its own."""
    if trigger.dating in ("vague", "coarse") or trigger.pending is not None:
        return False
    if not trigger.linkable:
        return False
    token = trigger.token
    modifiers = {c.lower_ for c in token.children if c.dep_ in ("amod", "advmod", "npadvmod")}
    if modifiers & OTHER_OCCASION:
        return False
    if _placed_otherwise(token):
        return False  # "the tariff Trump imposed soon after taking office": its own occasion
    if _described(trigger, by_token):
        return False  # "the deal they signed in Doha": the clause, not another mention, says which
    if trigger.kind == "noun":
        standing = trigger.type in lexicon.standing_types and token.dep_ == "nsubj"
        # "Russia's demands remain extreme": a position, not an occasion
        if standing and token.head.tag_ in ("VBZ", "VBP"):
            return False
        clauses = [c for c in token.children if c.dep_ in ("relcl", "acl")]
        return not any(_placed_otherwise(c) for c in clauses)
    named = bool(trigger.actors) or any(  # "the strike hit a station": the subject is the event
        t.dep_ == "nsubj" and t.pos_ == "NOUN" and t.head.i == token.i for t in trigger.folded
    )
    # "signed a document": an indefinite object of an agreement or a proposal is a new
    # text, so a new occasion (not "the strike hit a station": there it is the target)
    new_thing = trigger.type in ("agreement", "proposal") and any(
        c.dep_ == "dobj" and any(d.lower_ in ("a", "an") for d in c.children if d.dep_ == "det")
        for c in token.children
    )
    return token.tag_ in ("VBD", "VBN") and named and not new_thing


def _placed_otherwise(verb: Token) -> bool:
    """A relative clause that places its event by another ("imposed soon after taking
    office", "signed before the war"): that occasion is its own."""
    if verb.dep_ not in ("relcl", "acl"):
        return False
    return any(
        (c.dep_ == "prep" and c.lower_ in TEMPORAL_PREPS)
        or (c.dep_ in ("advmod", "npadvmod") and c.lower_ in OTHER_OCCASION | {"soon", "ago"})
        for c in verb.children
    )


TEMPORAL_PREPS = frozenset({"after", "before", "since", "following", "during", "until"})
# Prepositions whose object is what a verb is about or for ("for consultations", "on the
# attack"): a date hung on that object is the verb's. After "to", "at" or "in" the object
# is an occasion of its own ("put the plan to a summit on Tuesday").
CONTENT_PREPS = frozenset({"for", "on", "about", "over", "into", "of"})


def same_event(mention: Trigger, other: Trigger) -> bool:
    """Whether two mentions in one article can be the same event: compatible types, and the
    participants of one among those of the other (a mention naming nobody is compatible
    with any; one naming somebody with one naming nobody only a few sentences on: "as the
    bloc did on Tuesday. ... the EU levied the new penalties")."""
    if mention.type != other.type and frozenset({mention.type, other.type}) not in COMPATIBLE:
        return False
    mine, theirs = set(mention.actors), set(other.actors)
    if mine and theirs and not (mine <= theirs or theirs <= mine):
        return False
    if mine and not theirs and abs(mention.sentence - other.sentence) > NAMELESS_SENTENCES:
        return False
    if mention.type == "statement":
        return bool(mine) and bool(_channel(mention) & _channel(other))
    return True


def _channel(trigger: Trigger) -> frozenset[str]:
    """Proper names in a statement's phrase that name no participant ("Truth Social")."""
    if trigger.channel is None:
        trigger.channel = _channel_words(trigger)
    return trigger.channel


def _channel_words(trigger: Trigger) -> frozenset[str]:
    token = trigger.token
    if trigger.kind == "noun":
        words = list(token.subtree)
    else:
        parts = [c for c in token.children if c.dep_ not in ("ccomp", "nsubj", "xcomp")]
        words = [t for child in parts for t in child.subtree]
    return frozenset(
        t.lower_ for t in words if t.pos_ == "PROPN" and t.ent_type_ not in NAMED_PARTIES
    )


NAMED_PARTIES = frozenset({"PERSON", "NORP", "DATE", "TIME"})


# 5. Live-blog entries -------------------------------------------------------------


def live_entries(
    text: str, timexes: Sequence[Timex], year: int | None, published_day: str | None = None
) -> list[tuple[int, int, str]]:
    """(start, end, day) of each entry of a live blog: the text after a time stamp standing
    on a line of its own ("21:10 GMT"), up to the next one."""
    stamps = [
        t
        for t in timexes
        if t.type == "TIME"
        and (t.start == 0 or text[t.start - 1] == "\n")
        and (t.end == len(text) or text[t.end] == "\n")
    ]
    entries: list[tuple[int, int, str]] = []
    if not stamps:
        return entries
    ends = [t.start for t in stamps[1:]] + [len(text)]
    for stamp, end in zip(stamps, ends, strict=True):
        # a bare clock time is on the blog's day, not on a day its next sentence names
        day = iso_value(stamp, year) if any(c.isalpha() for c in stamp.text) else None
        day = day if day and not _clock_only(stamp.text) else published_day
        if day is not None and len(day) == 10:
            entries.append((stamp.end, end, day))
    return entries


def _clock_only(text: str) -> bool:
    """A time stamp naming no day: "21:10 GMT", "10:45 a.m."."""
    words = text.replace(".", " ").split()
    return not any(w.capitalize() in DAY_WORDS for w in words)


DAY_WORDS = frozenset(
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Today"}
)


def _entries(
    roots: Sequence[Trigger],
    entries: Sequence[tuple[int, int, str]],
    scenes: Sequence[tuple[int, str]] = (),
    sentence_starts: Sequence[int] = (),
) -> None:
    """An entry's past events and statements with no date of their own happened on the
    day the entry has reached: the day its last scene was set on ("Speaking just before
    midnight on Tuesday, she said ... , he said"), else the entry's own day. Only the
    entry's own line counts: what its statements report, or a clause describing a noun,
    may have happened on any day."""
    for trigger in roots:
        if trigger.date is not None or trigger.dating in ("vague", "coarse"):
            continue
        token = trigger.token
        if trigger.kind == "verb" and not (_past(token) or trigger.pending == "date"):
            continue
        if trigger.kind == "verb" and token.dep_ in ("ccomp", "relcl", "acl", "xcomp", "pcomp"):
            continue
        if trigger.kind == "noun" and trigger.type != "statement":
            continue  # a noun in an entry may be anything the entry quotes or recalls
        at = token.idx
        entry = next(((s, e, d) for s, e, d in entries if s <= at < e), None)
        if entry is not None:
            day = _entry_scene(trigger, entry, scenes, sentence_starts) or entry[2]
            trigger.date, trigger.dating = day, "entry"


def _entry_scene(
    trigger: Trigger,
    entry: tuple[int, int, str],
    scenes: Sequence[tuple[int, str]],
    starts: Sequence[int],
) -> str | None:
    """The day of the last scene set before the trigger's sentence within the entry."""
    doc = trigger.token.doc
    days = [
        day
        for sentence, day in scenes
        if sentence < trigger.sentence and entry[0] <= doc[starts[sentence]].idx < entry[1]
    ]
    return days[-1] if days else None


# 6. The news lead ------------------------------------------------------------------


def _lead(
    doc: Doc, roots: Sequence[Trigger], published: date | None, lexicon: Lexicon
) -> Span | None:
    """Date past events of the lead sentence by the news-lead convention; return the lead."""
    if published is None:
        return None
    lead = next((s for s in doc.sents if sum(1 for t in s if t.is_alpha) >= LEAD_MIN_WORDS), None)
    if lead is None:
        return None
    for trigger in roots:
        token = trigger.token
        if not lead.start <= token.i < lead.end or trigger.date is not None:
            continue
        if trigger.kind != "verb" or trigger.pending is not None or trigger.dating == "vague":
            continue
        if _main_line(token, lexicon) and _past(token):
            trigger.date, trigger.approximate, trigger.dating = published.isoformat(), True, "lead"
    return lead


def _lead_scenes(
    roots: Sequence[Trigger], lead_sentence: int, published: date | None
) -> list[tuple[int, str]]:
    """The lead's dated events set the story's scene ("Trump said he would cut the tariff,
    after a meeting with Xi on Thursday"): days of the lead that are the publication day
    or the day before."""
    if published is None:
        return []
    return [
        (t.sentence, t.date)
        for t in roots
        if t.sentence == lead_sentence
        and t.date
        and len(t.date) == 10
        and t.dating in ("lead", "timex")
        and 0 <= (published - date.fromisoformat(t.date)).days <= 1
    ]


def _main_line(token: Token, lexicon: Lexicon) -> bool:
    """The main clause, a clause conjoined to it, or what a main verb of speech reports
    ("Hamas has accepted the proposal, officials said")."""
    if token.dep_ == "ROOT" or (token.dep_ == "conj" and token.head.dep_ == "ROOT"):
        return True
    head = token.head
    return (
        token.dep_ == "ccomp"
        and head.dep_ == "ROOT"
        and head.lemma_.lower() in lexicon.reporting_verbs
    )


def _past(verb: Token) -> bool:
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBD" and not aux:
        return True
    return verb.tag_ == "VBN" and bool(aux & {"has", "have", "was", "were"})
