"""Events in one parsed article: calls, meetings, talks, proposals, agreements, rejections,
walkouts, ultimatums, attacks, releases, withdrawals, sanctions, aid and statements,
each dated to when it happened (see docs/events.md for what counts as an event).

`extract_events` is a cascade over the article:

1. candidates: tokens whose lemma can head a trigger, found in one pass over
   the Doc's lemma array; only their sentences are looked at;
2. triggers (`triggers.py`): verbs that fit a frame of `data/event_triggers.yaml`
   and nouns of an event class, with what did not happen cancelled and nouns
   folded into the verb they are the object of;
3. participants (`participants.py`): case actors or named people and groups;
4. dates (`dating.py`): the time expression of the mention's own clause, the
   clause it hangs on, anchors ("the day before the call"), a dated mention of
   the same event, the news-lead convention;
5. records: mentions that are events (dated, or undated with a reason to be
   kept) with a summary drawn from the trigger's sentence.
"""

from __future__ import annotations

import bisect
import functools
import logging
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from parley.extract.events.dating import anchor_phrases, date_triggers, live_entries
from parley.extract.events.lexicon import Lexicon, lexicon_from_dict, trigger_lexicon
from parley.extract.events.participants import participants
from parley.extract.events.triggers import Trigger, find_triggers
from parley.extract.records import Event, Mention, Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from parley.articles.model import Article
    from parley.case import Case

__all__ = ["extract_events", "lexicon_from_dict", "trigger_lexicon"]

LOGGER = logging.getLogger(__name__)

# Summaries are cut to this many characters around the trigger.
MAX_SUMMARY_CHARS = 200


def extract_events(
    doc: Doc,
    article: Article | None,
    case: Case | None,
    mentions: Sequence[Mention],
    timexes: Sequence[Timex],
) -> list[Event]:
    """The events one article reports, in text order, each dated as well as the article allows.

    `mentions` come from `extract_mentions` and `timexes` from `find_timexes`
    on the same doc. A value without a year ("XXXX-05-19") takes the year of
    the publication date, else the article's most frequent explicit year.
    """
    lexicon = trigger_lexicon()
    mentions = sorted(mentions, key=lambda m: (m.start, m.end))
    found = _candidates(doc, lexicon)
    if not found.triggers:
        return []
    published = article.published if article else None
    year = _anchor_year(published, timexes)
    entries = _live_entries(doc, article, timexes, year)
    speech = {found.sentence_of(found.token_at(t.start)) for t in timexes}
    # the commonest anchor words ("in", "at") date speech only by an event noun ("in the call")
    with_nouns = {found.sentence_of(i) for i in found.nouns}
    speech |= {
        s
        for i in found.anchors
        if (s := found.sentence_of(i)) in with_nouns or found.lower[i] not in _common_anchors()
    }
    if entries:  # a live blog: every sentence of an entry is dated by its time stamp
        speech |= {s for s, start in enumerate(found.starts) if _in_entry(doc[start].idx, entries)}
    triggers = _triggers(doc, lexicon, mentions, found, speech)
    if not triggers:
        return []
    content = [t.token for t in triggers if t.cancelled and t.parent is not None]
    parties = {actor.id for actor in case.actors} if case else None
    for trigger in triggers:
        if trigger.parent is None and not trigger.cancelled:
            trigger.actors = participants(doc, trigger, mentions, content, case is not None)
            # a party to the negotiation takes part (any named one when there is no case)
            trigger.party = bool(trigger.actors) and (
                parties is None or any(a in parties for a in trigger.actors)
            )
    in_play = {t.sentence for t in triggers}
    starts = [i for i in found.anchors if found.sentence_of(i) in in_play]
    anchors = anchor_phrases(doc, starts, lexicon, found.lower, found.numeric)
    triggers += date_triggers(
        doc,
        triggers,
        timexes,
        lexicon,
        year,
        published,
        anchors,
        found.sentence_of,
        entries,
        found.starts,
    )
    text = article.text if article is not None and _same_text(doc, article.text) else doc.text
    return [
        _event(doc, t, found.sentence(t.sentence), found.idx, text)
        for t in triggers
        if _is_event(t)
    ]


def _same_text(doc: Doc, text: str) -> bool:
    """Whether `text` is the text the doc was parsed from (ends where its last token does)."""
    if len(doc) == 0:
        return not text
    last = doc[-1]
    return last.idx + len(last.text_with_ws) == len(text)


def _live_entries(
    doc: Doc, article: Article | None, timexes: Sequence[Timex], year: int | None
) -> list[tuple[int, int, str]]:
    """Entries of a live blog (only looked for when the article has clock times)."""
    if not any(t.type == "TIME" for t in timexes):
        return []
    day = article.published.isoformat() if article and article.published else None
    return live_entries(article.text if article else doc.text, timexes, year, day)


def _in_entry(char: int, entries: Sequence[tuple[int, int, str]]) -> bool:
    return any(start <= char < end for start, end, _ in entries)


def _triggers(
    doc: Doc,
    lexicon: Lexicon,
    mentions: Sequence[Mention],
    found: Candidates,
    speech: set[int],
) -> list[Trigger]:
    """Triggers of every sentence holding a candidate word, in text order; speech verbs
    only in the `speech` sentences (those that hold a time expression or an anchor)."""
    triggers: list[Trigger] = []
    by_sentence: dict[int, list[Token]] = {}
    for i in found.triggers:
        by_sentence.setdefault(found.sentence_of(i), []).append(doc[i])
    dos: dict[int, list[Token]] = {}
    for i in found.dos:
        dos.setdefault(found.sentence_of(i), []).append(doc[i])
    for index, tokens in sorted(by_sentence.items()):
        sent = found.sentence(index)
        pro_verbs = dos.get(index, ())
        for trigger in find_triggers(
            sent,
            tokens,
            lexicon,
            mentions,
            pro_verbs,
            speech=index in speech,
            repeated=found.repeated,
        ):
            trigger.sentence = index
            triggers.append(trigger)
    return triggers + _ellipses(doc, found, triggers, lexicon)


# How many sentences back an elliptical ordinal ("The fifth, in Rome") finds its series.
SERIES_SENTENCES = 2


def _ellipses(
    doc: Doc, found: Candidates, triggers: Sequence[Trigger], lexicon: Lexicon
) -> list[Trigger]:
    """ "No date has been set for a sixth round. The fifth, in Rome on May 23, ended ...":
    an ordinal standing for the noun of a numbered series just told is a mention of it."""
    made: list[Trigger] = []
    for i in found.ordinals:
        token = doc[i]
        if token.dep_ not in ELLIPTICAL_DEPS or not any(c.lower_ == "the" for c in token.children):
            continue
        index = found.sentence_of(i)
        series = [
            t
            for t in triggers
            if t.kind == "noun"
            and t.token.i < i
            and 0 <= index - t.sentence <= SERIES_SENTENCES
            and any(c.lower_ in lexicon.ordinals for c in t.token.children if c.dep_ == "amod")
        ]
        if series:
            last = series[-1]
            echo = Trigger(token=token, type=last.type, kind="noun", noun=last.noun)
            echo.definite, echo.sentence = True, index
            made.append(echo)
    return made


ELLIPTICAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "appos", "pobj", "ROOT"})


@dataclass(frozen=True, slots=True)
class Candidates:
    """Token indices worth a look, found in one pass over the Doc's arrays."""

    doc: Doc
    starts: list[int]  # first token of each sentence
    triggers: list[int]  # a lemma that can head a trigger
    nouns: list[int]  # the nouns among them
    anchors: list[int]  # a word that can open an anchor ("hours after", "two days before")
    ordinals: list[int]  # "the fifth": may stand for the noun of a series
    repeated: frozenset[int]  # next to a phrase of repetition ("offered more than once")
    numeric: frozenset[int]  # tokens that look like numbers
    dos: list[int]  # a form of "do" ("as the bloc did")
    lower: list[int]  # every token's lower-case form (string hash)
    idx: list[int]  # every token's first character

    def sentence_of(self, i: int) -> int:
        return bisect.bisect_right(self.starts, i) - 1

    def token_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.idx, char) - 1)

    def sentence(self, index: int) -> Span:
        end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.doc)
        return self.doc[self.starts[index] : end]


def _candidates(doc: Doc, lexicon: Lexicon) -> Candidates:
    import numpy as np
    from spacy.attrs import IDX, IS_SPACE, LEMMA, LIKE_NUM, LOWER, POS, SENT_START
    from spacy.parts_of_speech import NOUN, VERB

    table = doc.to_array([LEMMA, LOWER, LIKE_NUM, SENT_START, POS, IDX, IS_SPACE])
    words = _words(lexicon)
    lemma, lower = words.classes(table[:, 0]), words.classes(table[:, 1])
    verbs = np.flatnonzero((table[:, 4] == VERB) & (lemma & VERB_HEAD > 0))
    nouns = np.flatnonzero((table[:, 4] == NOUN) & ((lemma | lower) & NOUN_HEAD > 0))
    anchors = np.flatnonzero((lower & ANCHOR_WORD > 0) | (table[:, 2] == 1))
    # a line break ends a sentence whatever the parser says (live-blog stamps, headings)
    breaks = [int(i) + 1 for i in np.flatnonzero(table[:, 6]) if "\n" in doc[int(i)].text]
    starts = sorted({0, *np.flatnonzero(table[:, 3] == 1).tolist(), *breaks} - {len(doc)})
    lowers = table[:, 1].tolist()
    return Candidates(
        doc=doc,
        starts=starts,
        lower=lowers,
        idx=table[:, 5].tolist(),
        triggers=sorted(int(i) for i in np.concatenate((verbs, nouns))),
        nouns=nouns.tolist(),
        anchors=anchors.tolist(),
        ordinals=np.flatnonzero(lower & ORDINAL > 0).tolist(),
        dos=np.flatnonzero(lemma & DO > 0).tolist(),
        repeated=_repeated(lowers, np.flatnonzero(lower & REPETITION > 0).tolist(), words),
        numeric=frozenset(np.flatnonzero(table[:, 2] == 1).tolist()),
    )


@functools.cache
def _common_anchors() -> frozenset[int]:
    """ "in", "at", "as", "when", "while": anchor words found in almost every sentence."""
    from spacy.strings import get_string_id

    return frozenset(get_string_id(w) for w in ("in", "at", "as", "when", "while"))


# What a word can be, as bits (one lookup of the Doc's hash arrays finds them all).
VERB_HEAD, NOUN_HEAD, ANCHOR_WORD, ORDINAL, DO, REPETITION = (1 << k for k in range(6))


@dataclass(frozen=True, slots=True)
class _Words:
    """The lexicon's words as sorted string hashes, each with the bits of what it can be."""

    hashes: Any  # sorted uint64 array
    bits: Any  # int array, aligned
    phrases: dict[int, tuple[tuple[int, ...], ...]]  # first word -> habitual phrases

    def classes(self, column: Any) -> Any:
        """The bits of each hash in a column of the Doc's array (0 for other words)."""
        import numpy as np

        at = np.searchsorted(self.hashes, column)
        at[at == len(self.hashes)] = 0
        return np.where(self.hashes[at] == column, self.bits[at], 0)


_WORDS: dict[int, _Words] = {}


def _words(lexicon: Lexicon) -> _Words:
    """The lexicon's word table, built once per lexicon."""
    key = id(lexicon)
    if key not in _WORDS:
        import numpy as np
        from spacy.strings import get_string_id

        bits: dict[int, int] = {}
        groups: tuple[tuple[Collection[str], int], ...] = (
            (lexicon.verb_heads, VERB_HEAD),
            (lexicon.noun_heads, NOUN_HEAD),
            ({phrase[0] for phrase in lexicon.anchors}, ANCHOR_WORD),
            (lexicon.ordinals, ORDINAL),
            ({"do"}, DO),
            ({phrase[0] for phrase in lexicon.habitual_phrases}, REPETITION),
        )
        for words, bit in groups:
            for word in words:
                bits[get_string_id(word)] = bits.get(get_string_id(word), 0) | bit
        hashes = np.array(sorted(bits), dtype="uint64")
        phrases: dict[int, list[tuple[int, ...]]] = {}
        for words in lexicon.habitual_phrases:
            ids = tuple(get_string_id(w) for w in words)
            phrases.setdefault(ids[0], []).append(ids)
        _WORDS[key] = _Words(
            hashes=hashes,
            bits=np.array([bits[h] for h in hashes.tolist()], dtype="int64"),
            phrases={k: tuple(v) for k, v in phrases.items()},
        )
    return _WORDS[key]


def _repeated(lowers: list[int], starts: list[int], words: _Words) -> frozenset[int]:
    """Tokens right before or after a phrase of repetition: the verbs it may qualify."""
    found: set[int] = set()
    for i in starts:
        for phrase in words.phrases.get(lowers[i], ()):
            if tuple(lowers[i : i + len(phrase)]) == phrase:
                found.update((i - 1, i + len(phrase)))
    return frozenset(found)


def _is_event(trigger: Trigger) -> bool:
    """A root mention that happened, is dated when it needs a date, and has a participant
    or a date (an undated noun must also be definite: "the call", not "a deal")."""
    if trigger.parent is not None or trigger.cancelled:
        return False
    if trigger.date is not None:
        return True
    indefinite = trigger.kind == "noun" and not trigger.definite
    return not (trigger.pending or indefinite) and bool(trigger.actors)


def _event(doc: Doc, trigger: Trigger, sent: Span, idx: Sequence[int], text: str) -> Event:
    from parley.extract.timex import date_precision

    start, end, summary = _summary(doc, trigger.token, sent, idx, text)
    timex = trigger.timex if trigger.dating == "timex" else None
    return Event(
        start=start,
        end=end,
        type=trigger.type,
        summary=summary,
        date=trigger.date,
        date_precision=date_precision(trigger.date) if trigger.date else "unknown",  # type: ignore[arg-type]
        actors=trigger.actors,
        trigger=trigger.token.text,
        date_start=timex.start if timex else None,
        date_end=timex.end if timex else None,
        approximate=trigger.approximate,
        dating=trigger.dating,
        trigger_start=trigger.start,
        trigger_end=trigger.end,
    )


def _anchor_year(published: date | None, timexes: Sequence[Timex]) -> int | None:
    if published:
        return published.year
    years = Counter(
        int(t.value[:4]) for t in timexes if t.value[:4].isdigit() and len(t.value) >= 7
    )
    return years.most_common(1)[0][0] if years else None


def _summary(
    doc: Doc, token: Token, sent: Span, idx: Sequence[int], text: str
) -> tuple[int, int, str]:
    """The trigger's sentence as (start, end, text), cut around the trigger when long.

    Leading dashes, bullets and stray quote marks are dropped; a cut is shown with "…".
    `idx` holds every token's first character (the window is measured on it) and `text`
    is the article's text.
    """
    left, right = sent.start, sent.end
    while left < token.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    while right - 1 > token.i and (doc[right - 1].is_punct or doc[right - 1].is_space):
        right -= 1
    last = doc[right - 1]
    if last.idx + len(last) - idx[left] <= MAX_SUMMARY_CHARS:
        lo, hi = left, right
    else:
        lo, hi = _window(idx, token.i, left, right)
    first, last = doc[lo], doc[hi - 1]
    start, end = first.idx, last.idx + len(last)
    head = "…" if lo > left else ""
    tail = "…" if hi < right else ""
    return start, end, f"{head}{' '.join(text[start:end].split())}{tail}"


def _window(idx: Sequence[int], at: int, left: int, right: int) -> tuple[int, int]:
    """The longest run of tokens [lo, hi) around token `at` within [left, right) that spans
    at most `MAX_SUMMARY_CHARS` characters (measured to the next token's start)."""
    lo, hi = at, at + 1
    end = idx[right] if right < len(idx) else idx[right - 1] + MAX_SUMMARY_CHARS

    def width(a: int, b: int) -> int:
        return (idx[b] if b < right else end) - idx[a]

    while True:
        grew = False
        for a, b in ((lo - 1, hi), (lo, hi + 1)):
            if a >= left and b <= right and width(a, b) <= MAX_SUMMARY_CHARS:
                lo, hi = a, b
                grew = True
        if not grew:
            return lo, hi
