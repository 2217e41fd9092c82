"""The day a news story has reached: events told after the story sets its scene.

A report often dates its scene once ("On Monday at the White House, Trump unveiled a
plan") and tells what followed without another date ("Netanyahu said he backed the
plan. Before leaving, he phoned the emir"). A careful reader puts those events on the
scene's day; the extractor does too, marking the date approximate (`dating`
"narrative"), under these conditions:

- the scene is set by a day (or a time of a day) in a main clause of an earlier
  sentence, and that day is the publication day or the day before (the entry's day or
  the day before, within the same live-blog entry): a report's own news, not a day an
  analysis recalls;
- the event is told in the simple past (or past progressive) in a main clause, a
  clause conjoined to it, or a "where" clause of a place the main clause names; a
  pluperfect ("had agreed") is background and is left alone;
- it is a call or a meeting, or it names its channel or audience ("told the summit",
  "told him", "said in a statement that it rejected ..."): a bare "X said" is a quote,
  and other events told without a date may be recalled from any day.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from parley.extract.events.lexicon import Lexicon
    from parley.extract.events.triggers import Trigger
    from parley.extract.records import Timex

Entry = tuple[int, int, str]  # start character, end character, day
PERSONAL_PRONOUNS = frozenset({"him", "her", "them"})
# Types whose events are occasions by themselves: told in sequence, they are on the scene's day.
OCCASIONS = frozenset({"call", "meeting"})
# "on Fieldpost", "in a statement", "to reporters": the channel or audience of a statement.
CHANNEL_PREPS = frozenset({"on", "in", "to"})


def scene_days(
    lexicon: Lexicon,
    spans: Sequence[tuple[Timex, Span]],
    sentence_of: Callable[[int], int],
    iso_value: Callable[[Timex], str | None],
    published: date | None,
    entries: Sequence[Entry],
) -> list[tuple[int, str]]:
    """(sentence, day) for each sentence whose main clause is set on a day, in text order."""
    found: list[tuple[int, str]] = []
    for timex, span in spans:
        if timex.type not in ("DATE", "TIME"):
            continue
        value = iso_value(timex)
        if value is None or len(value) != 10:
            continue
        limit = _entry_day(span.root.idx, entries) or (published.isoformat() if published else None)
        if limit is None or not _news_day(value, limit):
            continue
        verb = _verb_of(span.root)
        if _main_clause(verb, lexicon) and _adverbial(span.root, verb):
            found.append((sentence_of(span.root.i), value))
    return found


def _news_day(value: str, limit: str) -> bool:
    """The publication (or entry) day or the day before: a report's own scene, not a day
    an analysis recalls."""
    day, last = date.fromisoformat(value), date.fromisoformat(limit)
    return 0 <= (last - day).days <= 1


def date_by_scene(
    lexicon: Lexicon,
    roots: Sequence[Trigger],
    scenes: Sequence[tuple[int, str]],
    sentence_starts: Sequence[int],
    entries: Sequence[Entry],
) -> None:
    """Date each eligible undated trigger on the day of the last scene set before its
    sentence (in its live-blog entry, if it is in one). A sentence opening with a
    reciprocal phrase ("In return, ...") tells the other half of the scene's exchange."""
    if not scenes:
        return
    sentences = [s for s, _ in scenes]
    for trigger in roots:
        if trigger.date is not None or trigger.dating in ("vague", "coarse"):
            continue
        in_return = _opens_with(trigger, sentence_starts, lexicon.reciprocal_openers)
        if trigger.parent is not None or not (in_return or _told_in_sequence(trigger, lexicon)):
            continue
        at = bisect.bisect_left(sentences, trigger.sentence) - 1
        if at < 0:
            continue
        scene_sentence, day = scenes[at]
        if not _same_entry(sentence_starts, scene_sentence, trigger, entries):
            continue
        trigger.date, trigger.approximate, trigger.dating = day, True, "narrative"


def _opens_with(
    trigger: Trigger, starts: Sequence[int], openers: frozenset[tuple[str, ...]]
) -> bool:
    """Whether the trigger's sentence opens with one of the phrases ("In return, China
    agreed ..."), and the trigger is its main verb, told in the past."""
    token = trigger.token
    if token.dep_ != "ROOT" or not _simple_past(token) or not openers:
        return False
    doc = token.doc
    first = starts[trigger.sentence]
    return any(
        tuple(t.lower_ for t in doc[first : first + len(words)]) == words for words in openers
    )


def _same_entry(
    starts: Sequence[int], scene: int, trigger: Trigger, entries: Sequence[Entry]
) -> bool:
    if not entries:
        return True
    doc = trigger.token.doc
    scene_char = doc[starts[scene]].idx
    return _entry_of(scene_char, entries) == _entry_of(trigger.token.idx, entries)


def _entry_of(char: int, entries: Sequence[Entry]) -> int:
    return next((k for k, (start, end, _) in enumerate(entries) if start <= char < end), -1)


def _entry_day(char: int, entries: Sequence[Entry]) -> str | None:
    return next((day for start, end, day in entries if start <= char < end), None)


def _verb_of(token: Token) -> Token | None:
    for ancestor in (token, *token.ancestors):
        if ancestor.pos_ in ("VERB", "AUX") and ancestor.dep_ not in ("aux", "auxpass"):
            return ancestor
    return None


def _adverbial(token: Token, verb: Token | None) -> bool:
    """A time expression that places its clause ("on Monday", "late on Tuesday"), not
    one that names a noun's day ("Monday's attack")."""
    if verb is None or token.dep_ in ("poss", "compound", "nmod", "amod"):
        return False
    head = token.head
    return head.i == verb.i or (head.dep_ == "prep" and head.head.i == verb.i)


def _main_clause(verb: Token | None, lexicon: Lexicon) -> bool:
    """The main clause, a clause conjoined to it, what a main verb of reporting reports
    ("Trump said he would cut the tariff, after Thursday's meeting"), or a participle
    clause opening it ("Speaking to reporters on Tuesday, she said ...")."""
    if verb is None:
        return False
    if verb.dep_ == "ROOT":
        return True
    if verb.dep_ == "conj":
        return verb.head.dep_ == "ROOT"
    if verb.dep_ == "ccomp":
        return verb.head.dep_ == "ROOT" and verb.head.lemma_.lower() in lexicon.reporting_verbs
    participle = verb.tag_ in ("VBG", "VBN") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children
    )
    return verb.dep_ == "advcl" and participle and verb.head.dep_ == "ROOT"


def _told_in_sequence(trigger: Trigger, lexicon: Lexicon) -> bool:
    """A call or meeting, or an event told with its audience or channel ("told him", "said
    in a statement that it rejected ...", "speaking to reporters on the flight home, she
    said"), in the simple past (or past progressive) in the story's main line."""
    token = trigger.token
    if trigger.kind != "verb" or not trigger.party:
        return False  # not a party ("an analyst wrote"): sourcing, not an occasion
    opening = token.dep_ == "advcl" and token.tag_ == "VBG" and _main_clause(token, lexicon)
    main = token.head if opening else token  # an opening participle has its main verb's tense
    if not _simple_past(main) or not _named_subject(main):
        return False  # and "the host spoke to ...": a story's own voice, not a party
    occasion = trigger.type in OCCASIONS or token.lemma_.lower() in lexicon.occasion_verbs
    addressed = _addressed(token, lexicon)
    if not occasion and not addressed:
        return False
    if trigger.pending is not None and not (trigger.pending == "date" and addressed):
        return False
    if opening or token.dep_ == "ROOT":
        return True
    if token.dep_ == "conj" and token.head.dep_ == "ROOT":
        return True
    return token.dep_ == "relcl" and _where_clause(token, lexicon)


def _named_subject(verb: Token) -> bool:
    """A subject that names somebody (a name, or a pronoun standing for one)."""
    node = verb
    while node.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in node.children):
        node = node.head
    subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    return subject.pos_ == "PRON" or any(t.ent_type_ for t in subject.subtree)


def _simple_past(verb: Token) -> bool:
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if verb.tag_ == "VBD":
        return not aux
    return verb.tag_ == "VBG" and bool(aux) and aux <= {"was", "were"}


def _where_clause(verb: Token, lexicon: Lexicon) -> bool:
    """ "flew to the resort, where he chaired a summit": a clause on a place of the main clause."""
    if not any(c.lower_ == "where" for c in verb.children if c.dep_ == "advmod"):
        return False
    place = verb.head
    return place.dep_ == "pobj" and _main_clause(_verb_of(place), lexicon)


def _addressed(verb: Token, lexicon: Lexicon) -> bool:
    """A statement that names its audience or channel: "told the summit", "told him",
    "spoke to reporters", "wrote on Fieldpost", "said in a statement"."""
    lemma = verb.lemma_.lower()
    if lemma in lexicon.writing_verbs:
        return True  # "he wrote": in writing, a post or a letter
    audience = lemma in lexicon.audience_verbs
    for child in verb.children:
        if child.dep_ in ("dobj", "dative") and audience:
            personal = child.lower_ in PERSONAL_PRONOUNS or child.ent_type_ in ("PERSON", "ORG")
            if personal or child.pos_ == "NOUN":
                return True
        if child.dep_ != "prep" or child.lower_ not in CHANNEL_PREPS:
            continue
        for pobj in (c for c in child.children if c.dep_ == "pobj"):
            if pobj.lemma_.lower() in lexicon.channel_nouns:
                return True
            if child.lower_ in ("on", "to") and pobj.ent_type_ in ("ORG", "PRODUCT", "WORK_OF_ART"):
                return True
    return False
