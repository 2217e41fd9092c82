"""Find time expressions in a parsed article and resolve them: `find_timexes(doc, dct)`.

Steps:
1. run every rule of `data/rules.yaml` over `doc.text` (regular expressions, no
   re-tokenisation), collecting candidate spans;
2. keep the longest of overlapping candidates (ties: the earlier rule);
3. drop candidates the parse contradicts ("May" as a modal verb, "2010" as a
   count of people, "five years old" as an age);
4. resolve each survivor in text order against the DCT, the tense of its verb,
   and the last day-precision date mentioned before it.
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from parley.extract.records import Timex
from parley.extract.timex.grammar import Rule, lexicon, rules, trigger_words
from parley.extract.timex.normalise import Context, Tense, resolve

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

LOGGER = logging.getLogger(__name__)

# Characters searched either side of a trigger word: more than the longest
# expression reaches from its trigger ("the beginning of the first half of 2013" is 39
# characters). 40 tags TempEval-3 dev and the benchmark corpora exactly as 60 did, and
# costs a quarter less (benchmarks/tempeval.py, benchmarks/events_speed.py).
WINDOW = 40
DIGITS = re.compile(r"\d+")
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})
REPORTING_VERBS = frozenset(
    {"say", "tell", "announce", "report", "claim", "insist", "warn", "confirm", "deny", "add"}
)
PERFECT_AUX = frozenset({"has", "have", "had", "'ve", "'s"})
EARLIER_PREPS = frozenset({"after", "since", "following"})
# Parts of a day that a weekday names ("on Tuesday morning"): the weekday keeps the tense.
DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night", "noon", "midday", "dawn"})
NON_DATE_ENTS = frozenset({"MONEY", "PERCENT", "QUANTITY"})
# A month, weekday or season inside one of these is part of a name ("June
# Carter", "the Arab Spring", "Black Friday Sales Ltd").
NAME_ENTS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW"}
)
NAMED_KINDS = frozenset({"calendar_month", "season", "weekday"})
MONTH_PREPOSITIONS = frozenset(
    {"in", "since", "by", "until", "till", "from", "through", "during", "before", "after", "of"}
)
AGE_AFTER = re.compile(r"[\s-]*old\b", re.IGNORECASE)
AGE_BEFORE = re.compile(r"\b(?:aged?|ages)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One rule match: the expression's span and the regex groups that resolve it."""

    start: int
    end: int
    order: int
    rule: Rule
    groups: dict[str, str | None]


def find_timexes(doc: Doc, dct: date | None, text: str | None = None) -> list[Timex]:
    """Time expressions of a parsed document, normalised against `dct` (the publication date).

    Works on the Doc of the shared pipeline without re-parsing. With `dct=None`
    absolute dates still resolve; relative ones keep X for the unknown parts.
    `text` is the text the doc was parsed from, when the caller has it (`Doc.text`
    is rebuilt from every token on each access).

    >>> find_timexes(nlp("She arrived on Friday."), date(2013, 3, 20))[0].value  # doctest: +SKIP
    '2013-03-15'
    """
    from spacy.attrs import IDX, LOWER

    if text is None or not _same_length(doc, text):
        text = doc.text  # rebuilt from the tokens: read it once
    table = doc.to_array([LOWER, IDX])
    starts: list[int] = table[:, 1].tolist()
    candidates = _candidates(table, text)
    kept = [c for c in _select(candidates) if _plausible(c, doc, text, starts)]
    return _resolve_all(kept, doc, text, starts, dct)


def _same_length(doc: Doc, text: str) -> bool:
    """Whether `text` ends where the doc's last token does (the text it was parsed from)."""
    if len(doc) == 0:
        return not text
    last = doc[-1]
    return last.idx + len(last.text_with_ws) == len(text)


def _trigger_positions(table: Any, text: str) -> dict[str, list[tuple[int, int]]]:
    """Trigger class -> character spans of its words (`table`: the Doc's LOWER, IDX columns),
    found with one lookup of the sorted word hashes."""
    import numpy as np

    hashes, bits, names = _trigger_table()
    at = np.searchsorted(hashes, table[:, 0])
    at[at == len(hashes)] = 0
    found = np.where(hashes[at] == table[:, 0], bits[at], 0)
    positions: dict[str, list[tuple[int, int]]] = {}
    for bit, name in enumerate(names):
        hits = table[(found >> bit) & 1 == 1, 1]
        if len(hits):
            positions[name] = [(int(i), int(i) + 12) for i in hits]
    positions["digit"] = [m.span() for m in DIGITS.finditer(text)]
    return positions


@cache
def _trigger_table() -> tuple[Any, Any, tuple[str, ...]]:
    """Sorted spaCy string hashes of the trigger words (lower case, and with a full stop),
    the bits of the classes each belongs to, and the class of each bit."""
    import numpy as np
    from spacy.strings import get_string_id

    names = tuple(sorted({name for classes in trigger_words().values() for name in classes}))
    bits: dict[int, int] = {}
    for word, classes in trigger_words().items():
        for name in classes:
            for form in (word, word + "."):
                key = get_string_id(form)
                bits[key] = bits.get(key, 0) | 1 << names.index(name)
    hashes = np.array(sorted(bits), dtype="uint64")
    return hashes, np.array([bits[h] for h in hashes.tolist()], dtype="int64"), names


def _windows(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Merged character windows of WINDOW characters either side of each trigger."""
    merged: list[tuple[int, int]] = []
    for first, last in sorted(spans):
        start, end = max(0, first - WINDOW), min(length, last + WINDOW)
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _candidates(table: Any, text: str) -> list[Candidate]:
    """Matches of every rule, searched only near the rule's trigger words (the windows of
    one set of trigger classes are worked out once)."""
    positions = _trigger_positions(table, text)
    windows: dict[frozenset[str], list[tuple[int, int]]] = {}
    found = []
    for order, rule in enumerate(rules()):
        if rule.triggers not in windows:
            spans = [span for name in rule.triggers for span in positions.get(name, ())]
            windows[rule.triggers] = _windows(spans, len(text))
        for start, end in windows[rule.triggers]:
            found.extend(_matches(rule, order, text, start, end))
    return found


def _matches(rule: Rule, order: int, text: str, pos: int, endpos: int) -> list[Candidate]:
    found = []
    for match in rule.regex.finditer(text, pos, endpos):
        group = "t" if "t" in rule.regex.groupindex and match.group("t") else 0
        start, end = match.span(group)
        start = _skip_outside_mod(match, start)
        if end > start:
            found.append(Candidate(start, end, order, rule, match.groupdict()))
    return found


def _skip_outside_mod(match: re.Match[str], start: int) -> int:
    """Leave words like "about" out of the span (they still set `mod`)."""
    if "dmod" not in match.re.groupindex or not match.group("dmod"):
        return start
    word = " ".join(match.group("dmod").lower().split())
    if lexicon().duration_mods[word].get("in_span", True):
        return start
    rest = match.string[match.end("dmod") : match.end()]
    return match.end("dmod") + len(rest) - len(rest.lstrip())


def _select(candidates: list[Candidate]) -> list[Candidate]:
    """Longest first, then earlier rule; drop anything overlapping a kept candidate."""
    ranked = sorted(candidates, key=lambda c: (-(c.end - c.start), c.order, c.start))
    taken: list[Candidate] = []
    for cand in ranked:
        if all(cand.end <= k.start or cand.start >= k.end for k in taken):
            taken.append(cand)
    return sorted(taken, key=lambda c: c.start)


def _token_at(doc: Doc, starts: list[int], char: int) -> Token:
    return doc[max(0, bisect.bisect_right(starts, char) - 1)]


def _plausible(cand: Candidate, doc: Doc, text: str, starts: list[int]) -> bool:
    """False when the parse says the match is not a time expression."""
    first = _token_at(doc, starts, cand.start)
    name = cand.rule.name
    last = _token_at(doc, starts, cand.end - 1)
    if cand.rule.kind in NAMED_KINDS and last.ent_type_ in NAME_ENTS:
        return False
    if name == "month" and not (cand.groups.get("pmod") or cand.groups.get("dir")):
        after_preposition = first.i > 0 and first.nbor(-1).lower_ in MONTH_PREPOSITIONS
        return _is_month_name(first) and (after_preposition or not _inside_name(first, last))
    if cand.rule.kind == "season" and last.text[0].isupper() and _inside_name(last, last):
        return False
    if cand.rule.kind == "year" and cand.rule.name == "year" and not cand.groups.get("pmod"):
        return _is_year(_token_at(doc, starts, cand.end - 1))
    if name == "span_duration" and (cand.groups.get("sdir") or "").lower() in ("first", "final"):
        return bool(cand.groups.get("num") or cand.groups.get("fuzzy"))
    if cand.rule.kind in ("duration", "ago"):
        if AGE_AFTER.match(text, cand.end) or AGE_BEFORE.search(text, 0, cand.start):
            return False
        num = (cand.groups.get("num") or "").lower()
        return not (cand.groups.get("unit") == "second" and num in ("a", "an"))
    if name == "frequency":
        return first.pos_ == "ADV"
    if name == "reference" and (cand.groups.get("ref") or "").lower().startswith("the "):
        after = _token_at(doc, starts, cand.end)
        return after.idx < cand.end or after.pos_ not in ("NOUN", "PROPN", "ADJ")
    if cand.rule.kind == "season":
        return _token_at(doc, starts, cand.end - 1).pos_ in ("NOUN", "PROPN") or bool(
            cand.groups.get("year")
        )
    if name == "bare_plural_duration":
        return cand.groups.get("t") is not None and _has_context(cand, text)
    return True


def _has_context(cand: Candidate, text: str) -> bool:
    """A bare plural unit ("years") counts only next to a word that makes it a span of time."""
    before = text[max(0, cand.start - 10) : cand.start].lower().split()
    after = text[cand.end : cand.end + 12].lower().split()
    cues_before = {"for", "within", "over", "took", "lasted", "spent", "waited"}
    cues_after = {"before", "after", "later", "earlier"}
    return bool((before and before[-1] in cues_before) or (after and after[0] in cues_after))


def _title_word(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.text[0].isupper() and token.lower_ not in trigger_words()


def _inside_name(first: Token, last: Token) -> bool:
    """True when capitalised name words surround the match ("June Carter", "the Arab Spring")."""
    doc = first.doc
    before = doc[first.i - 1] if first.i > 0 and not first.is_sent_start else None
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return bool((before and _title_word(before)) or (after and _title_word(after)))


def _is_month_name(token: Token) -> bool:
    if token.text != "May":
        return token.tag_ != "MD" and token.pos_ != "VERB"
    if token.ent_type_ == "DATE":
        return True
    previous = token.nbor(-1) if token.i > 0 else None
    return previous is not None and previous.lower_ in MONTH_PREPOSITIONS


def _is_year(token: Token) -> bool:
    """A four-digit number is a year unless the parse makes it a count ("2010 people")."""
    if token.ent_type_ in NON_DATE_ENTS or token.ent_type_ == "CARDINAL":
        return False
    if token.ent_type_ == "DATE":
        return True
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return following is None or following.tag_ != "NNS"


def _resolve_all(
    kept: list[Candidate], doc: Doc, text: str, starts: list[int], dct: date | None
) -> list[Timex]:
    """Resolve dates in text order (anaphors need what came before), then clock times,
    each on the day named nearest to it in its sentence (else the DCT)."""
    resolved: dict[int, Timex] = {}
    days: list[tuple[int, int, date]] = []  # (sentence start, character, day)
    anchor: date | None = None
    anchor_year: int | None = None
    for i, cand in enumerate(kept):
        if cand.rule.kind == "clock":
            continue
        token = _token_at(doc, starts, cand.start)
        ctx = Context(dct=dct, tense=tense_of(token), anchor=anchor, anchor_year=anchor_year)
        timex = _timex(cand, ctx, text)
        if timex is None:
            continue
        resolved[i] = timex
        if timex.type == "DATE" and timex.value[:4].isdigit():
            anchor_year = int(timex.value[:4])
        day = _day_of(timex.value)
        if day is not None:
            days.append((_sentence_start(token), cand.start, day))
            if cand.rule.kind in ("calendar_day", "weekday", "deictic_day", "holiday"):
                anchor = day
    for i, cand in enumerate(kept):
        if cand.rule.kind == "clock":
            sentence = _sentence_start(_token_at(doc, starts, cand.start))
            near = [(abs(c - cand.start), d) for s, c, d in days if s == sentence]
            ctx = Context(dct=dct, sentence_day=min(near)[1] if near else None)
            timex = _timex(cand, ctx, text)
            if timex is not None:
                resolved[i] = timex
    return [resolved[i] for i in sorted(resolved)]


def _timex(cand: Candidate, ctx: Context, text: str) -> Timex | None:
    result = resolve(cand.rule.kind, cand.groups, ctx)
    if result is None:
        return None
    kind, value, mod = result
    return Timex(cand.start, cand.end, text[cand.start : cand.end], kind, value, mod)


def _sentence_start(token: Token) -> int:
    return token.sent.start if token.doc.has_annotation("SENT_START") else 0


def _day_of(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def tense_of(token: Token) -> Tense | None:
    """Tense of the verb governing `token`: past, present, future, or None when unclear.

    An expression inside a phrase opened by "after" or "since" ("after a meeting on
    Thursday") tells of something before the clause's time: past, whatever the verb."""
    if token.dep_ in ("compound", "poss", "nmod") and token.head.pos_ == "NOUN":
        if token.head.lower_ not in DAY_PARTS:
            return None  # "the January agreement": a named occasion, whatever the clause's tense
        token = token.head  # "on Tuesday morning": the day's own phrase
    verb = token
    in_noun = False  # "two calls on Saturday": the date of a noun's occasion
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ not in ("aux", "auxpass"):
            break
        if verb.head.i == verb.i:
            break
        if verb.dep_ == "prep" and verb.lower_ in EARLIER_PREPS:
            return "past"
        in_noun = in_noun or (verb.dep_ == "prep" and verb.head.pos_ == "NOUN")
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    tense = _verb_tense(verb)
    # a present clause does not place its noun's occasion ("the summit follows two calls
    # on Saturday"): the nearest day
    return None if in_noun and tense == "present" else tense


SCHEDULING_HEADS = frozenset(
    {"due", "set", "scheduled", "expected", "supposed", "slated", "planned", "plan", "schedule"}
)


def _scheduling(head: Token) -> bool:
    """ "due", "set", "scheduled"...: a head that puts its infinitive ahead of its time."""
    return head.lower_ in SCHEDULING_HEADS or head.lemma_.lower() in SCHEDULING_HEADS


def _verb_tense(verb: Token) -> Tense | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    tags = {verb.tag_} | {a.tag_ for a in auxes}
    # "will travel ... and return on Friday": a bare conjunct shares its head's tense
    conjunct = not auxes and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX")
    if conjunct and (verb.tag_ in ("VB", "VBN") or verb.tag_ == verb.head.tag_):
        return _verb_tense(verb.head) or ("past" if verb.tag_ == "VBN" else None)
    if words & FUTURE_AUX:
        return "future"
    if verb.lemma_ == "go" and verb.tag_ == "VBG" and any(c.dep_ == "xcomp" for c in verb.children):
        return "future" if not tags & {"VBD"} else None
    if "VBD" in tags or (verb.tag_ == "VBN" and words & PERFECT_AUX):
        return "past"
    if verb.tag_ == "VBN" and not auxes and _scheduling(verb) and verb.dep_ in ("acl", "advcl"):
        return "future"  # "the release, planned for Saturday"
    if verb.tag_ == "VBN" and not auxes:
        # "and peaked by ..." (a conjunct) or "the deal signed Friday": take the
        # tense of the verb it hangs on; a bare participle in news is past.
        if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
            return _verb_tense(verb.head) or "past"
        return "past"
    if "MD" in tags:
        # "would/could/may meet on Friday" points forward; "could have met" is past
        return "past" if words & PERFECT_AUX else "future"
    if not auxes and verb.tag_ == "VBG" and verb.dep_ == "xcomp" and verb.head.i != verb.i:
        return _verb_tense(verb.head)  # "are set to start charging fees on Tuesday"
    if "to" in words and words <= {"to", "be", "have"} and verb.head.i != verb.i:
        # "is set to (be) discussed on Monday", "is due to meet": forward from the head's time
        governor = verb.head.head if verb.head.pos_ == "ADJ" else verb.head
        head = _verb_tense(governor) if governor.pos_ in ("VERB", "AUX") else None
        if head in ("present", "future"):
            return "future"
        # "was due to host the round on Sunday": forward from a past moment, either side
        return "prospective" if head == "past" and _scheduling(verb.head) else None
    if tags & {"VBZ", "VBP"}:
        # "Obama says Tuesday": a reporting verb in the present is a headline's past
        return "past" if verb.lemma_ in REPORTING_VERBS and not auxes else "present"
    return None
