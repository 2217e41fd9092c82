"""Who said a quoted span: the speech verb of the clause that holds or governs it, else the
speaker the text carries over from before.

1. **Governing verb.** The speech verb of an attribution right after the quote ("“...,”
   said Lee", "“...?” the minister asked"); else, climbing the parse from the quote, the
   first speech verb of its sentence; when that verb is not a speech event of its own
   ("Lee said voters would say “no”": a modal, an infinitive) the speech verb reporting
   it. A speech verb hanging from the quote counts only when it is not a subordinate
   clause ("... “still undecided” until Bo Ray said ..." is not Ray's).
2. **Nearest verb.** When the governing verb has no named speaker, the nearest speech verb
   of the quote's sentence (after the quote first) whose speaker has a name ("..., as he
   put it, the decision revealed that ..."); else the governing or nearest verb.
3. **Carried over.** A quote with no speech verb of its own takes, in order: the previous
   quote's speaker when both share a sentence; a name introducing it with a colon ("Ann
   Lee: “...”", "Ann Lee, The Daily Courier: “...”"); the speaker of the
   sentence just before it ("Sullivan said that ... “He wants ...”", "He added:"); for a
   direct quote, the previous quote's speaker when only white space separates them (a run
   of quoted paragraphs) or one attribution sentence does ("“A,” Hill said. “B.”").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from parley.extract.quotes.context import SENTENCE_END, QuoteDoc
from parley.extract.quotes.marks import MARKS
from parley.extract.quotes.speakers import Speaker, Speakers

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from parley.extract.records import Quote, QuoteKind

# A quote with no speech verb of its own continues the previous quote's speaker when at most
# this much of the writer's text (one attribution sentence) separates them.
MAX_CONTINUATION_GAP = 250
MAX_CLIMB = 8
# Words after a quote in which its attribution's speech verb stands ("“...,” the former
# deputy minister said").
ADJACENT = 8
NOUN_PHRASE = ("DET", "ADJ", "NOUN", "PROPN", "PRON", "NUM")
# Words of a round-up's source line before its colon ("- Harbor Institute: ..."), and
# tokens of a source line of its own ("Ann Lee, The Harbor Quarterly:").
MAX_SOURCE_WORDS = 4
SOURCE_LINE = 12
# How a speech verb hangs from a quote when it is a clause of the quoted sentence, not the
# attribution ("“...” until Ray spoke").
SUBORDINATE_DEPS = ("advcl", "relcl", "acl", "xcomp", "csubj", "pcomp", "prep", "pobj")
# Through these a speech verb sits inside the clause another one reports.
REPORTED_DEPS = ("ccomp", "xcomp", "conj", "advcl")


@dataclass(frozen=True, slots=True)
class Attribution:
    """The speech verb chosen for a quote and what it yields."""

    speaker: Speaker | None
    cue: Token | None
    governed: bool  # a speech verb governs the quote in the parse (not just nearby)


def attribute(qdoc: QuoteDoc, speakers: Speakers, n: int, kind: QuoteKind) -> Attribution:
    """The speech verb for quote `n`: the one governing it, else the nearest in its sentence
    (a verb whose speaker has a name before one whose subject is a common noun)."""
    left, right = qdoc.sentence_window(n)
    in_frames = {t.i for t in (*left, *right)}
    adjacent = _adjacent_cue(qdoc, right) if kind == "direct" else None
    if adjacent is not None:
        return Attribution(speakers.for_cue(adjacent), adjacent, True)
    governing = _governing_cue(qdoc, n, (*left, *right), in_frames)
    ordered = [governing] if governing is not None else []
    ordered += [t for t in right if qdoc.is_cue(t)] + [t for t in reversed(left) if qdoc.is_cue(t)]
    ordered = list(dict.fromkeys(ordered))
    for cue in ordered:
        speaker = speakers.for_cue(cue)
        if speaker is not None and speaker.named:
            if governing is not None and cue != governing:
                speaker = _described_as(speakers.for_cue(governing), speaker)
            return Attribution(speaker, cue, governing is not None)
    for cue in ordered:
        return Attribution(speakers.for_cue(cue), cue, governing is not None)
    return Attribution(None, None, False)


def _described_as(described: Speaker | None, named: Speaker) -> Speaker:
    """The named speaker with the words of a definite description the governing verb gave
    ("“...,” the senator told reporters when Ann Lee was asked ..." keeps "the senator")."""
    words = described.descriptor if described is not None and not described.named else None
    if words is None or named.descriptor is not None:
        return named
    if words.split()[0].lower() not in ("the", "this", "that"):
        return named
    return replace(named, descriptor=words)


def _adjacent_cue(qdoc: QuoteDoc, right: list[Token]) -> Token | None:
    """The speech verb of an attribution right after the quote: "“...,” said Lee", "“...?”
    Lee asked", "“...,” the minister told reporters"."""
    if not right or not right[0].is_punct or right[-1].text == ":":
        return None  # "“A,” Lee said: “B”": the attribution introduces the next quote
    words = [t for t in right[: ADJACENT + 2] if not t.is_punct][:ADJACENT]
    for token in words:
        if qdoc.is_cue(token) and not _subordinate(token):
            return token
        if token.pos_ not in NOUN_PHRASE:
            return None
    return None


def _governing_cue(
    qdoc: QuoteDoc, n: int, frames: tuple[Token, ...], in_frames: set[int]
) -> Token | None:
    """A speech verb in the quote's sentence reached from the quote by the parse: up its
    heads, or a verb hanging from the quote itself ("“...” he said" parsed as a child)."""
    for token in frames:
        hangs = qdoc.in_quote[token.head.i] == n
        if hangs and qdoc.is_cue(token) and not _subordinate(token):
            return token
    for token in qdoc.roots_of(n):
        current = token.head
        for _ in range(MAX_CLIMB):
            if current.i in in_frames and qdoc.is_cue(current):
                return _reporting_cue(qdoc, current, in_frames) or current
            if current.head.i == current.i:
                break
            current = current.head
    return None


def _subordinate(verb: Token) -> bool:
    return verb.dep_ in SUBORDINATE_DEPS or any(c.dep_ == "mark" for c in verb.children)


def _not_an_event(cue: Token) -> bool:
    """A speech verb after a modal or as an infinitive: "will say", "voted to insist"."""
    return any(c.tag_ == "MD" or (c.dep_ == "aux" and c.lower_ == "to") for c in cue.children)


def _reporting_cue(qdoc: QuoteDoc, cue: Token, in_frames: set[int]) -> Token | None:
    """For a speech verb that is no speech event of its own (after a modal, an infinitive:
    "voters would say", "to call"), the speech verb whose reported clause holds it."""
    if not _not_an_event(cue):
        return None
    current = cue
    for _ in range(MAX_CLIMB):
        if current.dep_ not in REPORTED_DEPS or current.head.i == current.i:
            return None
        current = current.head
        if current.i in in_frames and qdoc.is_cue(current):
            return current
    return None


# -- carried over -------------------------------------------------------------------------


def carried_over(
    qdoc: QuoteDoc,
    speakers: Speakers,
    n: int,
    kind: QuoteKind,
    previous: tuple[int, Quote] | None,
    cue: Token | None,
) -> tuple[Speaker | None, Token | str | None]:
    """Speaker (and speech verb) of a quote whose own sentence names none; see step 3 of the
    module docstring."""
    earlier = _speaker_of(previous[1]) if previous is not None else None
    gap = _gap(qdoc, n, previous)
    ends = _sentence_ends(qdoc, gap, previous) if gap is not None else 0
    if earlier is not None and gap is not None and ends == 0:
        return earlier, _previous_cue(previous)
    if cue is not None:
        return None, None
    introduced = _colon_name(qdoc, speakers, n)
    if introduced is not None:
        return introduced, None
    for token in reversed(_previous_sentence(qdoc, n)):
        if not qdoc.is_cue(token) or _not_an_event(token):
            continue
        if (speaker := speakers.for_cue(token)) and _known(speaker):
            return speaker, token
    if kind != "direct" or earlier is None or gap is None:
        return None, None
    if not gap.strip(MARKS + " \n\t"):
        return earlier, _previous_cue(previous)
    if len(gap) <= MAX_CONTINUATION_GAP and gap.count("\n") <= 1 and ends <= 1:
        return earlier, _previous_cue(previous)
    return None, None


def _known(speaker: Speaker) -> bool:
    return speaker.named or speaker.descriptor is not None


def _speaker_of(quote: Quote) -> Speaker | None:
    if quote.speaker is None and quote.speaker_descriptor is None:
        return None
    return Speaker(quote.speaker_start, quote.speaker_end, quote.speaker, quote.speaker_descriptor)


def _previous_cue(previous: tuple[int, Quote] | None) -> str | None:
    return previous[1].cue if previous is not None else None


def _gap(qdoc: QuoteDoc, n: int, previous: tuple[int, Quote] | None) -> str | None:
    """The writer's text between the previous quote and quote `n` (None: no previous)."""
    if previous is None:
        return None
    return qdoc.text[qdoc.spans[previous[0]].close + 1 : qdoc.spans[n].open]


def _sentence_ends(qdoc: QuoteDoc, gap: str, previous: tuple[int, Quote] | None) -> int:
    """Sentence ends in the writer's text since the previous quote, counting the end of the
    previous quote's sentence when it ends inside the quote ("“A.” “B.”", not "“A?” Lee
    asked. “B.”")."""
    ends = sum(gap.count(c) for c in SENTENCE_END)
    if previous is None:
        return ends
    prev_text = previous[1].text.rstrip()
    attributed = bool(qdoc.sentence_window(previous[0])[1])
    if (prev_text[-1:] in SENTENCE_END and not attributed) or "\n" in gap:
        ends += 1
    return ends


def _colon_name(qdoc: QuoteDoc, speakers: Speakers, n: int) -> Speaker | None:
    """The name that introduces a quote with a colon and no verb: "Ann Lee: “...”",
    "Ann Lee, The Daily Courier: “...”", "... doesn't surprise pollster Ann Lee:"."""
    tokens = qdoc.tokens_of(n)
    i = tokens[0].i - 1
    doc = qdoc.doc
    while i >= 0 and (qdoc.is_mark(doc[i]) or doc[i].is_space):
        i -= 1
    if i < 1 or doc[i].text != ":" or qdoc.in_quote[i - 1] != -1:
        return None
    line = _source_line(qdoc, speakers, i)
    if line is not None:
        return speakers.named(line)
    last = doc[i - 1]
    name = speakers.name_span(last) or _headline_name(qdoc, i)
    if name is None:
        return None
    start = name.start
    while start > 0 and doc[start - 1].dep_ == "det":
        start -= 1
    if start >= 2 and doc[start - 1].text == ",":  # "Ann Lee, The Courier:"
        person = speakers.name_span(doc[start - 2])
        if person is not None and person.label_ in ("PERSON", ""):
            name = person
    if name.root.dep_ == "conj" and name.root.head.i < name.start:  # "Ann Lee and Bo Ray:"
        name = speakers.name_span(name.root.head) or name
    if name.label_ not in ("PERSON", "ORG", ""):
        return None
    return speakers.named(name)


def _source_line(qdoc: QuoteDoc, speakers: Speakers, colon: int) -> Span | None:
    """A round-up's source line: a short line of its own that opens with a person's name and
    ends with the colon ("Ann Lee, The Harbor Quarterly:")."""
    doc = qdoc.doc
    start = colon
    while start > 0 and "\n" not in doc[start - 1].text_with_ws and colon - start <= SOURCE_LINE:
        start -= 1
    if colon - start > SOURCE_LINE or not ("\n" in doc[start - 1].text_with_ws or start == 0):
        return None
    first = doc[start]
    name = speakers.name_span(first) if first.ent_type_ == "PERSON" else None
    return name if name is not None and name.end <= colon else None


def _headline_name(qdoc: QuoteDoc, colon: int) -> Span | None:
    """Capitalised words between a dash (or the paragraph start) and the colon: the source
    line of a round-up ("Polls agree - Harbor Institute: “...”")."""
    doc = qdoc.doc
    start = colon
    while start > 0 and colon - start < MAX_SOURCE_WORDS and doc[start - 1].text[:1].isupper():
        start -= 1
    if start == colon or start == 0:
        return None
    before = doc[start - 1]
    opens = before.text in ("-", "—", "–") or "\n" in before.text_with_ws
    return doc[start:colon] if opens and qdoc.in_quote[before.i] == -1 else None


def _previous_sentence(qdoc: QuoteDoc, n: int) -> list[Token]:
    """The writer's tokens of the sentence just before quote `n` (stops at any quote)."""
    first = qdoc.tokens_of(n)[0].i
    doc = qdoc.doc
    i = first - 1
    while i >= 0 and (qdoc.is_mark(doc[i]) or doc[i].is_space or doc[i].text in SENTENCE_END):
        if qdoc.in_quote[i] != -1:
            return []
        i -= 1
    sentence: list[Token] = []
    while i >= 0 and qdoc.in_quote[i] == -1 and doc[i].text not in SENTENCE_END:
        if "\n" in doc[i].whitespace_ and sentence:
            break
        sentence.append(doc[i])
        i -= 1
    return sentence[::-1]
