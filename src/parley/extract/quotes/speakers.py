"""Who speaks: the subject of a speech verb, expanded to a name span with its descriptor, and
pronoun subjects resolved to the person who last spoke or last led a sentence.

Steps for one speech verb (`Speakers.for_cue`):

1. the subject: `nsubj` of the verb; for a participle or conjunct without one ("..., saying",
   "and added") the subject of the verb it hangs from; for "according to X" the X; for an
   inverted "said X, a former ..." the first noun after the verb;
2. the name: the entity the subject belongs to; for a common noun, its appositive name
   ("Ukraine's president, Volodymyr Zelensky") or, for a statement noun ("the Kremlin readout"),
   the name it belongs to; a pronoun becomes its antecedent's name mention;
3. the descriptor: the name's appositive ("X, a former ...") or the title words before it
   ("State Department spokeswoman Tammy Bruce"); a nameless subject keeps its own words as
   descriptor ("a former senior official").
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from parley.extract.quotes.context import QuoteDoc

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

LOGGER = logging.getLogger(__name__)

SUBJECT_DEPS = ("nsubj", "nsubjpass")
# A verb without a subject borrows the subject of the verb it hangs from ("..., saying",
# "by describing", "and added"), climbing at most this many heads, never out of a clause
# attached by one of STOP_DEPS.
MAX_CLIMB = 5
STOP_DEPS = ("parataxis", "ROOT")
TITLE_DEPS = ("compound", "amod", "nmod", "poss", "npadvmod", "nummod")
MAX_DESCRIPTOR_TOKENS = 30
# Entity labels that are never names; other labels on a proper noun that speaks are taken
# as a mislabelled person ("Stanovaya" tagged FAC by the small model).
NOT_NAMES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
POSSESSIVE = ("'s", "’s", "'", "’")


@dataclass(frozen=True, slots=True)
class Speaker:
    """A speaker as found in the text: a name span (or None) and the descriptor words."""

    start: int | None
    end: int | None
    name: str | None
    descriptor: str | None
    label: str | None = None

    @property
    def named(self) -> bool:
        return self.name is not None


@dataclass(slots=True)
class Candidate:
    """A name that could be a pronoun's antecedent: where it stands and how central it is."""

    position: int
    speaker: Speaker
    rank: int  # 0: speaker of a speech verb, 1: subject of a main verb, 2: other subject, 3: any


@dataclass
class Speakers:
    """Speaker resolution over one article; remembers who spoke for later pronouns."""

    qdoc: QuoteDoc
    candidates: list[Candidate] = field(default_factory=list)
    genders: dict[str, str] = field(default_factory=dict)
    cue_speakers: dict[int, Speaker | None] = field(default_factory=dict)
    entity_at: dict[int, Span] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.entity_at = {t: ent for ent in self.qdoc.doc.ents for t in range(ent.start, ent.end)}
        self.candidates = self._name_candidates()

    # -- candidates -------------------------------------------------------------------------

    def _name_candidates(self) -> list[Candidate]:
        """Names in the writer's words: entities of speaking labels, and proper-noun
        subjects the model did not tag."""
        labels = self.qdoc.lexicon.speaker_labels
        found = []
        for ent in self.qdoc.doc.ents:
            if ent.label_ not in labels or self.qdoc.in_quote[ent.root.i] != -1:
                continue
            found.append(Candidate(ent.start_char, self._named(ent), self._rank(ent.root)))
        for token in self.qdoc.doc:
            untagged = token.pos_ == "PROPN" and not token.ent_type_
            if untagged and token.dep_ in SUBJECT_DEPS and self.qdoc.in_quote[token.i] == -1:
                name = self.name_span(token)
                if name is not None:
                    found.append(Candidate(name.start_char, self._named(name), self._rank(token)))
        return found

    def _rank(self, root: Token) -> int:
        token = root.head if root.dep_ == "appos" else root
        if token.dep_ not in SUBJECT_DEPS or _object_like(token, token.head):
            return 3
        verb = token.head
        if verb.dep_ == "ROOT" or self.qdoc.is_cue(verb):
            return 1
        return 2

    # -- speech verbs -----------------------------------------------------------------------

    def for_cue(self, cue: Token) -> Speaker | None:
        """The speaker of a speech verb (cached); None when it has no subject."""
        if cue.i not in self.cue_speakers:
            subject = self.subject_of(cue)
            speaker = self.from_token(subject) if subject is not None else None
            self.cue_speakers[cue.i] = speaker
            if speaker is not None and speaker.named and subject is not None:
                self.candidates.append(Candidate(subject.idx, speaker, 0))
        return self.cue_speakers[cue.i]

    def subject_of(self, verb: Token) -> Token | None:
        """The subject token of a speech verb, following the steps in the module docstring."""
        if verb.lower_ == "according":
            for to in verb.children:
                if to.lower_ == "to":
                    return next((c for c in to.children if c.dep_ == "pobj"), None)
            return None
        token: Token | None = verb
        for _ in range(MAX_CLIMB):
            if token is None:
                break
            subject = self._own_subject(token)
            if subject is not None and _same_paragraph(subject, verb):
                return subject
            aside = self._aside_speaker(token)
            if aside is not None:
                return aside
            borrow = token.dep_ not in STOP_DEPS and token.head != token
            token = token.head if borrow and _same_paragraph(token.head, verb) else None
        inverted = self._inverted_subject(verb)
        if inverted is not None and inverted.lower_ not in self.qdoc.lexicon.writer_pronouns:
            return inverted
        return self._leading_name(verb)

    def _aside_speaker(self, verb: Token) -> Token | None:
        """The subject of a speech verb set off as an aside ("These, she said, are ...")."""
        for child in verb.children:
            if child.dep_ == "parataxis" and self.qdoc.is_cue(child):
                return self._own_subject(child)
        return None

    def _own_subject(self, verb: Token) -> Token | None:
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and self.qdoc.in_quote[child.i] == -1:
                if child.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                    return verb.head
                if _object_like(child, verb) or self._impersonal(child):
                    continue
                return child
        return None

    def _impersonal(self, token: Token) -> bool:
        """A pronoun that cannot stand for a speaker ("these", "this", "which")."""
        lower = token.lower_
        lexicon = self.qdoc.lexicon
        return (
            token.pos_ == "PRON"
            and lower not in lexicon.pronouns
            and (lower not in lexicon.writer_pronouns)
        )

    def _inverted_subject(self, verb: Token) -> Token | None:
        doc = self.qdoc.doc
        for i in range(verb.i + 1, min(verb.i + 6, len(doc))):
            token = doc[i]
            if self.qdoc.in_quote[i] != -1 or token.text in (".", ";"):
                return None
            if token.ent_type_ in NOT_NAMES:
                return None
            if token.pos_ in ("PROPN", "NOUN", "PRON"):
                return token
            if token.pos_ not in ("DET", "ADJ", "PUNCT", "SPACE", "ADV"):
                return None
        return None

    def _leading_name(self, verb: Token) -> Token | None:
        """The first name of the verb's clause when the parse gave it no subject
        ("Kylie Newbold, a spokesperson, told ..." parsed as a fragment)."""
        doc = self.qdoc.doc
        i = verb.i - 1
        first = None
        while i >= 0 and self.qdoc.in_quote[i] == -1 and "\n" not in doc[i].text_with_ws:
            if doc[i].text in (".", "!", "?", ";"):
                break
            if doc[i].ent_type_ in self.qdoc.lexicon.speaker_labels or doc[i].pos_ == "PROPN":
                first = doc[i]
            i -= 1
        return first

    # -- names ------------------------------------------------------------------------------

    def from_token(self, token: Token) -> Speaker | None:
        """The speaker a subject token stands for (a pronoun becomes its antecedent)."""
        lower = token.lower_
        lexicon = self.qdoc.lexicon
        if lower in lexicon.writer_pronouns:
            return None
        if token.pos_ == "PRON" or lower in lexicon.pronouns:
            return self.resolve_pronoun(token)
        name = self.name_span(token)
        if name is not None:
            return self._named(name)
        if token.pos_ != "NOUN":
            return None
        for child in token.children:
            if child.dep_ == "appos" and (found := self.name_span(child)) is not None:
                return self._named(found, descriptor=_noun_phrase(token, stop=child))
        if token.lemma_.lower() in lexicon.statement_nouns:
            for child in token.lefts:
                if child.dep_ in ("poss", "compound") and (found := self.name_span(child)):
                    return self._named(found, descriptor=None)
        return Speaker(None, None, None, _noun_phrase(token))

    def name_span(self, token: Token) -> Span | None:
        """The entity (of a speaking label) or proper-noun chain the token belongs to."""
        doc = self.qdoc.doc
        ent = self.entity_at.get(token.i)
        if ent is not None:
            ent = _paragraph_part(ent, token)
            speaks = ent.label_ in self.qdoc.lexicon.speaker_labels
            return (
                ent
                if speaks or (ent.label_ not in NOT_NAMES and ent.root.pos_ == "PROPN")
                else None
            )
        if token.pos_ != "PROPN":
            return None
        start = token.i
        while (
            start > 0
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].head.i
            in (
                token.i,
                start,
            )
        ):
            start -= 1
        return doc[start : token.i + 1]

    def _named(self, span: Span, descriptor: str | None = "") -> Speaker:
        text = span.text
        end = span.end_char
        for suffix in POSSESSIVE:
            if text.endswith(suffix) and len(text) > len(suffix):
                text, end = text[: -len(suffix)], end - len(suffix)
                break
        if descriptor == "":
            descriptor = descriptor_of(span)
        label = getattr(span, "label_", None) or "PERSON"
        if label not in self.qdoc.lexicon.speaker_labels:
            label = "PERSON"
        return Speaker(span.start_char, end, text, descriptor, label)

    # -- pronouns ---------------------------------------------------------------------------

    def resolve_pronoun(self, pronoun: Token) -> Speaker | None:
        """The nearest earlier speaker or main-clause subject the pronoun can stand for."""
        labels = self.qdoc.lexicon.pronouns.get(pronoun.lower_)
        if not labels:
            return None
        gender = pronoun.lower_ if pronoun.lower_ in ("he", "she") else None
        before = [c for c in self.candidates if c.position < pronoun.idx]
        for best in (1, 2, 3):
            for candidate in sorted(before, key=lambda c: -c.position):
                if candidate.rank > best or candidate.speaker.label not in labels:
                    continue
                if not self._gender_fits(candidate.speaker, gender):
                    continue
                self._learn_gender(candidate.speaker, gender)
                return candidate.speaker
        LOGGER.debug("no antecedent for %r at %d", pronoun.text, pronoun.idx)
        return None

    def _gender_fits(self, speaker: Speaker, gender: str | None) -> bool:
        known = self.genders.get(_surname(speaker.name))
        return gender is None or known is None or known == gender

    def _learn_gender(self, speaker: Speaker, gender: str | None) -> None:
        if gender is not None:
            self.genders.setdefault(_surname(speaker.name), gender)


def descriptor_of(name: Span) -> str | None:
    """The role words the article gives a name: its appositive, else the title before it."""
    root = name.root
    for child in root.children:
        if child.dep_ == "appos" and not (name.start <= child.i < name.end):
            return _clip(name.doc[child.left_edge.i : child.right_edge.i + 1])
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        return _noun_phrase(root.head, stop=root)
    lefts = [t for t in root.lefts if t.i < name.start and t.dep_ in TITLE_DEPS]
    if not lefts:
        return None
    start = min(t.left_edge.i for t in lefts)
    words = name.doc[start : name.start]
    return _clip(words) if any(t.pos_ in ("NOUN", "PROPN") for t in words) else None


def _noun_phrase(token: Token, stop: Token | None = None) -> str | None:
    """The noun phrase headed by `token`, cut before `stop` (an appositive) when given."""
    doc = token.doc
    end = token.right_edge.i + 1
    if stop is not None:
        end = stop.left_edge.i if stop.i > token.i else end
    start = token.left_edge.i if stop is None or stop.i > token.i else stop.right_edge.i + 1
    return _clip(doc[start:end])


def _clip(span: Span) -> str | None:
    tokens = [t for t in span][:MAX_DESCRIPTOR_TOKENS]
    while tokens and tokens[0].is_punct:
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    if not tokens:
        return None
    doc = span.doc
    return doc[tokens[0].i : tokens[-1].i + 1].text or None


def _object_like(subject: Token, verb: Token) -> bool:
    """A "subject" right after another verb ("who courted Trump after ..., admitted") is
    that verb's object misparsed; after the speech verb itself it is an inverted subject."""
    if subject.i == 0:
        return False
    before = subject.doc[subject.i - 1]
    return before.pos_ == "VERB" and before.i != verb.i


def _same_paragraph(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return "\n" not in a.doc[lo:hi].text


def _paragraph_part(span: Span, token: Token) -> Span:
    """The part of an entity on the token's side of a paragraph break (parses of page
    captures sometimes join a name to a line above)."""
    from spacy.tokens import Span

    start, end = span.start, span.end
    for t in span:
        if "\n" in t.text_with_ws:
            if t.i < token.i:
                start = t.i + 1
            else:
                end = min(end, t.i + 1)
    if (start, end) == (span.start, span.end):
        return span
    return Span(span.doc, start, end, label=span.label_)


def _surname(name: str | None) -> str:
    return (name or "").split()[-1].lower() if name else ""
