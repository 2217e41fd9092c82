"""Dated events: calls, meetings, talks, proposals, agreements, rejections,
attacks, sanctions, aid and statements, found in one parsed article.

`extract_events` is a cascade over each sentence:

1. find trigger words (verb and noun lemmas from `data/event_triggers.yaml`),
   keeping only reported ones: not hypothetical ("would meet", "if they
   agree"), not negated (a negated agreement is a rejection), and folding a
   noun that is the object of another trigger into it ("proposed a meeting");
2. give each time expression of the sentence to the trigger it is most closely
   linked to in the parse; a trigger without one stays undated (the date of a
   neighbouring sentence is never inherited);
3. collect the participants: the subject (or possessor) first, then the names
   in the trigger's phrase, as case actor ids or entity keys;
4. keep the event if it is dated or has a participant, with a summary made
   from the trigger's clause and that clause as evidence span.
"""

from __future__ import annotations

import bisect
import functools
import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from parley.extract.records import Event, Mention, Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from parley.articles.model import Article
    from parley.case import Case

LOGGER = logging.getLogger(__name__)

# Summaries are cut to this many characters around the trigger.
MAX_SUMMARY_CHARS = 200
# A time expression further than this many dependency arcs from every trigger
# belongs to something else in the sentence (checked on the seed articles).
MAX_DATE_DISTANCE = 6
CLAUSE_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "parataxis", "conj", "pcomp"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
PARTNER_PREPS = {"with", "to", "between", "on", "against", "from"}
# A subject's name without the role set beside it ("Kellogg, Trump's Ukraine envoy").
NAME_ONLY_DEPS = frozenset({"appos", "prep"})
VENUE_PREPS = {"in", "at", "near", "inside", "outside", "of"}
PRONOUNS = {"he", "him", "his", "she", "her", "hers"}


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Trigger words by part of speech, and the grammar words that cancel a trigger."""

    verbs: dict[str, tuple[str, str]]  # lemma -> (type, mode: plain|partner|dated)
    nouns: dict[str, str]  # lemma -> type
    not_followed_by: dict[str, frozenset[str]]  # type -> words
    negated: dict[str, str]  # lemma -> type of its negation ("agree" -> rejection)
    hypothetical_auxiliaries: frozenset[str]
    hypothetical_marks: frozenset[str]
    negating_words: frozenset[str]


@functools.cache
def trigger_lexicon() -> Lexicon:
    """The trigger lexicon shipped in `parley/extract/data/event_triggers.yaml`."""
    path = resources.files("parley.extract") / "data" / "event_triggers.yaml"
    return lexicon_from_dict(yaml.safe_load(path.read_text(encoding="utf-8")))


def lexicon_from_dict(data: dict[str, Any]) -> Lexicon:
    """Build a `Lexicon` from parsed YAML (see `event_triggers.yaml` for the shape)."""
    verbs: dict[str, tuple[str, str]] = {}
    nouns: dict[str, str] = {}
    blockers: dict[str, frozenset[str]] = {}
    for kind, spec in (data.get("types") or {}).items():
        for mode, key in (
            ("plain", "verbs"),
            ("partner", "partner_verbs"),
            ("dated", "dated_verbs"),
        ):
            for lemma in spec.get(key) or ():
                verbs.setdefault(str(lemma).lower(), (kind, mode))
        for lemma in spec.get("nouns") or ():
            nouns.setdefault(str(lemma).lower(), kind)
        blockers[kind] = frozenset(str(w).lower() for w in spec.get("not_followed_by") or ())

    def words(name: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(name) or ())

    return Lexicon(
        verbs=verbs,
        nouns=nouns,
        not_followed_by=blockers,
        negated={str(k).lower(): str(v) for k, v in (data.get("negated") or {}).items()},
        hypothetical_auxiliaries=words("hypothetical_auxiliaries"),
        hypothetical_marks=words("hypothetical_marks"),
        negating_words=words("negating_words"),
    )


@dataclass(slots=True)
class _Trigger:
    token: Token
    type: str
    mode: str  # plain, partner, dated or noun
    timex: Timex | None = None
    distance: int = MAX_DATE_DISTANCE + 1
    folded: list[Token] = field(default_factory=list)
    cancelled: bool = False  # hypothetical or negated: its objects did not happen either


def extract_events(
    doc: Doc,
    article: Article | None,
    case: Case | None,
    mentions: Sequence[Mention],
    timexes: Sequence[Timex],
) -> list[Event]:
    """The dated (and undated) events one article reports, in text order.

    `mentions` come from `extract_mentions` and `timexes` from `find_timexes`
    on the same doc. Dates are the resolved values of the attached time
    expressions; a value without a year ("XXXX-05-19") takes the year of the
    publication date, else the article's most frequent explicit year.
    """
    lexicon = trigger_lexicon()
    mentions = sorted(mentions, key=lambda m: (m.start, m.end))
    year = _anchor_year(article, timexes)
    events: list[Event] = []
    for sent in doc.sents:
        triggers = _triggers(sent, lexicon, mentions)
        if not triggers:
            continue
        _attach_dates(doc, sent, triggers, timexes, year)
        for trigger in triggers:
            event = _event(doc, trigger, mentions, year)
            if event is not None:
                events.append(event)
    return events


# 1. Triggers ------------------------------------------------------------------


def _triggers(sent: Span, lexicon: Lexicon, mentions: Sequence[Mention]) -> list[_Trigger]:
    found = [t for t in (_trigger(tok, lexicon, mentions) for tok in sent) if t is not None]
    by_token = {t.token.i: t for t in found}
    kept = []
    for trigger in found:
        parent = _governing_trigger(trigger.token, by_token)
        if parent is not None:
            parent.folded.append(trigger.token)
        elif not trigger.cancelled:
            kept.append(trigger)
    return kept


def _trigger(token: Token, lexicon: Lexicon, mentions: Sequence[Mention]) -> _Trigger | None:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in lexicon.verbs:
        kind, mode = lexicon.verbs[lemma]
    elif token.pos_ == "NOUN" and (lemma in lexicon.nouns or token.lower_ in lexicon.nouns):
        kind, mode = lexicon.nouns.get(lemma) or lexicon.nouns[token.lower_], "noun"
    else:
        return None
    following = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    if following in lexicon.not_followed_by.get(kind, ()):
        return None
    if mode == "partner" and not _has_partner(token, mentions):
        return None
    cancelled = _hypothetical(token, lexicon)
    if _negated(token, lexicon):
        cancelled = cancelled or lemma not in lexicon.negated
        kind = lexicon.negated.get(lemma, kind)
    return _Trigger(token=token, type=kind, mode=mode, cancelled=cancelled)


def _has_partner(token: Token, mentions: Sequence[Mention]) -> bool:
    """A named person or actor as the verb's object or after with/to: "called Putin"."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "dative")]
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in PARTNER_PREPS):
        objects += [c for c in prep.children if c.dep_ == "pobj"]
    for obj in objects:
        for mention in _mentions_in(obj.doc, list(obj.subtree), mentions):
            if mention.label == "PERSON" or mention.actor:
                return True
    return False


def _hypothetical(token: Token, lexicon: Lexicon) -> bool:
    verb = token if token.pos_ == "VERB" else _verb_above(token)
    if verb is None:
        return False
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass", "mark")}
    if aux & (lexicon.hypothetical_auxiliaries | lexicon.hypothetical_marks):
        return True
    # an infinitive: "wants to meet", "inclination to talk"
    return verb.i == token.i and "to" in aux


def _negated(token: Token, lexicon: Lexicon) -> bool:
    if token.pos_ == "VERB":
        return any(c.dep_ == "neg" for c in token.children)
    if any(c.lower_ in lexicon.negating_words for c in token.children if c.dep_ in ("det", "neg")):
        return True
    return token.dep_ == "pobj" and token.head.lower_ in lexicon.negating_words


def _governing_trigger(token: Token, by_token: dict[int, _Trigger]) -> _Trigger | None:
    """The trigger a noun trigger is the object of: "proposed a meeting", "agreed to talks"."""
    if token.pos_ != "NOUN":
        return None
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif token.dep_ not in ("dobj", "attr", "compound"):
        return None
    for _ in range(2):  # through one xcomp: "agreed to halt attacks"
        if head.i in by_token and head.i != token.i:
            return by_token[head.i]
        if head.dep_ != "xcomp":
            break
        head = head.head
    return None


def _verb_above(token: Token) -> Token | None:
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor
    return None


# 2. Dates ---------------------------------------------------------------------


def _attach_dates(
    doc: Doc, sent: Span, triggers: list[_Trigger], timexes: Sequence[Timex], year: int | None
) -> None:
    """Pair time expressions and triggers of one sentence, closest links first, each used once."""
    pairs = []
    for timex in timexes:
        if not (sent.start_char <= timex.start < sent.end_char) or _iso(timex, year) is None:
            continue
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or len(span) == 0 or _modifies_other_noun(span, triggers):
            continue
        for trigger in triggers:
            link = _link(span, trigger)
            if link <= MAX_DATE_DISTANCE:
                pairs.append(
                    (link, abs(span.root.i - trigger.token.i), timex.start, trigger, timex)
                )
    used: set[int] = set()
    for link, _, _, trigger, timex in sorted(pairs, key=lambda p: p[:3]):
        if trigger.timex is None and timex.start not in used:
            trigger.timex, trigger.distance = timex, link
            used.add(timex.start)


def _modifies_other_noun(span: Span, triggers: Sequence[_Trigger]) -> bool:
    """ "the 9 May festivities": a date inside a noun phrase dates that noun only."""
    anchor = span.root
    if anchor.dep_ not in ("compound", "amod", "nmod", "poss", "nummod"):
        return False
    tokens = {t.token.i for t in triggers} | {f.i for t in triggers for f in t.folded}
    return anchor.head.i not in tokens


def _link(span: Span, trigger: _Trigger) -> int:
    """How closely a time expression is tied to a trigger: dependency arcs, or 1 when it
    sits right next to the trigger's phrase ("call with Putin on Tuesday", "Tuesday call")
    whatever the parser attached it to. Speech verbs yield to any other trigger."""
    distance = _distance(span.root, trigger.token, trigger.folded)
    if _pro_verb(span.root) is not None and trigger.token.i < span.start:
        distance = min(distance, 2)  # "as the bloc did on Tuesday": the date of the act referred to
    phrase = _phrase(trigger.token)
    first, last = phrase[0].i, phrase[-1].i
    inside = first <= span.start <= last
    right_after = span.start > last and all(
        t.pos_ in ("ADP", "DET") for t in span.doc[last + 1 : span.start]
    )
    if inside or span.end == first or (right_after and span.start - last <= 3):
        distance = min(distance, 1)
    return distance + (1 if trigger.mode == "dated" else 0)


def _pro_verb(anchor: Token) -> Token | None:
    """The "did" of "as the bloc did on Tuesday", standing in for an earlier verb."""
    verb = _verb_above(anchor)
    if verb is None or verb.lemma_ != "do" or any(c.dep_ == "dobj" for c in verb.children):
        return None
    return verb


def _distance(a: Token, b: Token, folded: Sequence[Token] = ()) -> int:
    """Arcs between two tokens in the dependency tree (through their lowest common ancestor)."""
    best = _path_length(a, b)
    for other in folded:
        best = min(best, _path_length(a, other))
    return best


def _path_length(a: Token, b: Token) -> int:
    up = {a.i: 0}
    for n, ancestor in enumerate(a.ancestors, start=1):
        up[ancestor.i] = n
    if b.i in up:
        return up[b.i]
    for n, ancestor in enumerate(b.ancestors, start=1):
        if ancestor.i in up:
            return up[ancestor.i] + n
    return 10**6


def _iso(timex: Timex, year: int | None) -> str | None:
    """The timex value as an ISO date value for `Event.date`, or None when it is no date."""
    if timex.type not in ("DATE", "TIME"):
        return None
    value = (
        timex.value.split("T", 1)[0]
        if timex.type == "TIME" or "T" in timex.value[8:]
        else timex.value
    )
    if value.startswith("XXXX"):
        if year is None:
            return None
        value = f"{year:04d}{value[4:]}"
    if not value[:4].isdigit() or "X" in value:
        return None
    return value


def _anchor_year(article: Article | None, timexes: Sequence[Timex]) -> int | None:
    published: date | None = article.published if article else None
    if published:
        return published.year
    years = Counter(
        int(t.value[:4]) for t in timexes if t.value[:4].isdigit() and len(t.value) >= 7
    )
    return years.most_common(1)[0][0] if years else None


# 3. Participants --------------------------------------------------------------


def _participants(doc: Doc, trigger: _Trigger, mentions: Sequence[Mention]) -> tuple[str, ...]:
    """Actor ids (or entity keys) of the participants, subject or possessor first."""
    token = trigger.token
    first: list[Token] = []
    subject = _subject(token)
    if subject is not None:
        first = [subject] if subject.lower_ in PRONOUNS else _phrase(subject, NAME_ONLY_DEPS)
    phrase = [t for t in _phrase(token) + _verb_partners(token) if t not in first]
    for folded in trigger.folded:
        phrase += [t for t in _phrase(folded) if t not in phrase]
    found: list[Mention] = []
    for group in (first, phrase):
        for tok in group:
            if tok.lower_ in PRONOUNS:
                found += _resolve_pronoun(tok, mentions)
        found += _mentions_in(doc, group, mentions)
    ids: list[str] = []
    for mention in found:
        if not mention.actor and _is_place_of(doc, mention):
            continue
        ident = mention.actor or (mention.key if mention.label != "NORP" else None)
        if ident and ident not in ids:
            ids.append(ident)
    return tuple(ids)


def _verb_partners(token: Token) -> list[Token]:
    """For a noun object, the verb's with/to phrases: "held calls this week with Putin"."""
    if token.pos_ != "NOUN" or token.dep_ != "dobj":
        return []
    preps = [c for c in token.head.children if c.dep_ == "prep" and c.lower_ in PARTNER_PREPS]
    return [t for prep in preps for t in _phrase(prep)]


def _is_place_of(doc: Doc, mention: Mention) -> bool:
    """A venue, not a participant: facilities, regions, and names after "in", "at", "near"."""
    if mention.label in ("FAC", "LOC", "NORP"):
        return True
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    return span.root.dep_ == "pobj" and span.root.head.lower_ in VENUE_PREPS


def _subject(token: Token) -> Token | None:
    """The subject of a verb trigger, or the possessor or governing subject of a noun trigger."""
    if token.pos_ == "NOUN":
        poss = [c for c in token.children if c.dep_ == "poss"]
        if poss:
            return poss[0]
        if token.dep_ in SUBJECT_DEPS:
            return None
    verb: Token | None = token if token.pos_ == "VERB" else _verb_above(token)
    for _ in range(3):  # "Speaking to reporters, Zelensky said": borrow the main subject
        if verb is None:
            return None
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return subjects[0]
        agents = [c for c in verb.children if c.dep_ == "agent"]
        if agents and list(agents[0].children):
            return next(iter(agents[0].children))
        if verb.dep_ == "pcomp":  # "after holding calls": prep -> its verb
            verb = verb.head.head
        else:
            verb = verb.head if verb.dep_ in ("advcl", "xcomp", "conj", "acl") else None
    return None


def _phrase(token: Token, skip: frozenset[str] = frozenset()) -> list[Token]:
    """The token and its nominal dependents, not the clauses hanging off it."""
    out = [token]
    stack = [c for c in token.children if c.dep_ not in CLAUSE_DEPS | SUBJECT_DEPS | skip]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack += [c for c in tok.children if c.dep_ not in (CLAUSE_DEPS - {"conj"}) | skip]
    return sorted(out, key=lambda t: t.i)


def _mentions_in(doc: Doc, tokens: Sequence[Token], mentions: Sequence[Mention]) -> list[Mention]:
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
    """ "he", "his": the last person named before the pronoun."""
    people = [m for m in mentions if m.label == "PERSON" and m.end <= pronoun.idx]
    return people[-1:]


# 4. Records -------------------------------------------------------------------


def _event(
    doc: Doc, trigger: _Trigger, mentions: Sequence[Mention], year: int | None
) -> Event | None:
    actors = _participants(doc, trigger, mentions)
    dated = trigger.timex is not None
    if trigger.mode == "dated" and not dated:
        return None
    if not dated and not actors:
        return None
    if not dated and trigger.mode == "noun" and not _noun_has_own_participant(trigger, mentions):
        return None
    start, end, summary = _summary(doc, trigger.token)
    value = _iso(trigger.timex, year) if trigger.timex else None
    return Event(
        start=start,
        end=end,
        type=trigger.type,
        summary=summary,
        date=value,
        date_precision=_precision(value),
        actors=actors,
        trigger=trigger.token.text,
        date_start=trigger.timex.start if trigger.timex else None,
        date_end=trigger.timex.end if trigger.timex else None,
    )


def _noun_has_own_participant(trigger: _Trigger, mentions: Sequence[Mention]) -> bool:
    """An undated noun trigger needs a name in its own phrase ("call with Putin"), not just
    the sentence's subject, or every "a deal" in a comment piece becomes an event."""
    token = trigger.token
    own = _phrase(token) + [c for c in token.children if c.dep_ == "poss"]
    return bool(_mentions_in(token.doc, own, mentions)) or any(
        c.lower_ in PRONOUNS for c in token.children if c.dep_ == "poss"
    )


def _precision(value: str | None) -> Any:
    from parley.extract.timex import date_precision

    return date_precision(value) if value else "unknown"


def _summary(doc: Doc, token: Token) -> tuple[int, int, str]:
    """The trigger's sentence as (start, end, text), cut around the trigger when long.

    Leading dashes, bullets and stray quote marks are dropped; a cut is shown with "…".
    """
    sent = token.sent
    left, right = sent.start, sent.end
    while left < token.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while right - 1 > token.i and (doc[right - 1].is_punct or doc[right - 1].is_space):
        right -= 1
    whole = doc[left:right]
    span = whole if len(whole.text) <= MAX_SUMMARY_CHARS else _window(doc, token, left, right)
    head = "…" if span.start > left else ""
    tail = "…" if span.end < right else ""
    # A span's text, not doc.text: doc.text is rebuilt from every token on each access.
    text = " ".join(span.text.split())
    return span.start_char, span.end_char, f"{head}{text}{tail}"


def _window(doc: Doc, token: Token, left: int, right: int) -> Span:
    """The longest span of at most `MAX_SUMMARY_CHARS` characters around the trigger."""
    lo, hi = token.i, token.i + 1
    while True:
        grew = False
        for cand in ((lo - 1, hi), (lo, hi + 1)):
            a, b = cand
            if (
                a >= left
                and b <= right
                and doc[b - 1].idx + len(doc[b - 1]) - doc[a].idx <= MAX_SUMMARY_CHARS
            ):
                lo, hi = a, b
                grew = True
        if not grew:
            return doc[lo:hi]
