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

import logging
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from parley.extract.events.dating import date_triggers
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
    triggers = _triggers(doc, lexicon, mentions)
    if not triggers:
        return []
    content = [t.token for t in triggers if t.cancelled and t.parent is not None]
    for trigger in triggers:
        if trigger.parent is None and not trigger.cancelled:
            trigger.actors = participants(doc, trigger, mentions, content)
    published = article.published if article else None
    year = _anchor_year(published, timexes)
    date_triggers(doc, triggers, timexes, lexicon, year, published)
    events = []
    for trigger in triggers:
        if _is_event(trigger, case):
            events.append(_event(doc, trigger))
    return events


def _triggers(doc: Doc, lexicon: Lexicon, mentions: Sequence[Mention]) -> list[Trigger]:
    """Triggers of every sentence holding a candidate word, in text order."""
    candidates = _candidates(doc, lexicon)
    if not candidates:
        return []
    found: list[Trigger] = []
    by_sentence: dict[int, list[Token]] = {}
    starts: list[int] = []
    sents: list[Span] = []
    for index, sent in enumerate(doc.sents):
        starts.append(sent.start)
        sents.append(sent)
    import bisect

    for i in candidates:
        by_sentence.setdefault(bisect.bisect_right(starts, i) - 1, []).append(doc[i])
    for index, tokens in sorted(by_sentence.items()):
        for trigger in find_triggers(sents[index], tokens, lexicon, mentions):
            trigger.sentence = index
            found.append(trigger)
    return found


def _candidates(doc: Doc, lexicon: Lexicon) -> list[int]:
    """Indices of the tokens whose lemma or lower-case form can head a trigger."""
    import numpy as np
    from spacy.attrs import LEMMA, LOWER

    table = doc.to_array([LEMMA, LOWER])
    hits = np.isin(table[:, 0], _hashes(lexicon)) | np.isin(table[:, 1], _hashes(lexicon))
    return [int(i) for i in np.flatnonzero(hits)]


_HASHES: dict[int, Any] = {}


def _hashes(lexicon: Lexicon) -> Any:
    key = id(lexicon)
    if key not in _HASHES:
        import numpy as np
        from spacy.strings import get_string_id

        ids = sorted({get_string_id(w) for w in lexicon.trigger_lemmas})
        _HASHES[key] = np.array(ids, dtype="uint64")
    return _HASHES[key]


def _is_event(trigger: Trigger, case: Case | None) -> bool:
    """A root mention that happened, is dated when it needs a date, and has a participant
    or a date (an undated noun must also be definite: "the call", not "a deal")."""
    if trigger.parent is not None or trigger.cancelled:
        return False
    dated = trigger.date is not None
    if not dated and (trigger.pending or (trigger.kind == "noun" and not trigger.definite)):
        return False
    if not dated and not trigger.actors:
        return False
    if trigger.type == "statement" and case is not None and trigger.actors:
        # a statement by someone named outside the case (an analyst, a former official)
        # is sourcing; one by an unnamed ministry or spokesman stands
        ids = {a.id for a in case.actors}
        return any(actor in ids for actor in trigger.actors)
    return True


def _event(doc: Doc, trigger: Trigger) -> Event:
    from parley.extract.timex import date_precision

    start, end, summary = _summary(doc, trigger.token)
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
        for a, b in ((lo - 1, hi), (lo, hi + 1)):
            if (
                a >= left
                and b <= right
                and doc[b - 1].idx + len(doc[b - 1]) - doc[a].idx <= MAX_SUMMARY_CHARS
            ):
                lo, hi = a, b
                grew = True
        if not grew:
            return doc[lo:hi]
