"""Who speaks: the subject of a speech verb, expanded to a name span with its descriptor, and
pronoun subjects resolved to the person who last spoke or last led a sentence.

Steps for one speech verb (`Speakers.for_cue`):

1. the subject: `nsubj` of the verb (the one nearest the verb, never a dateline such as
   "LONDON (Reuters) -"); for a participle or conjunct without one ("..., saying", "and
   added") the subject of the verb it hangs from, or the noun a participle describes
   ("Lee, noting ..."); a conjunct under a verb inside reported speech ("X said Y agreed,
   but warned ...") takes the speech verb's subject; for "according to X" the X; for an
   inverted "said X, a former ..." the head of the noun phrase after the verb;
2. the name: the entity the subject belongs to (a proper-noun run where the model's entity
   is junk); a nationality or a name after "a"/"another" ("a New Hampshire Democrat") is a
   description; for a common noun, its appositive name ("Ukraine's president, Volodymyr
   Zelensky") or, for a statement noun ("the Kremlin readout"), the name it belongs to; a
   pronoun becomes its antecedent's name mention; other descriptions go to `descriptions`;
3. the descriptor: the name's appositive ("X, a former ...") or the title words before it
   ("State Department spokeswoman Tammy Bruce"), kept only when it is a role phrase.

A person's name is given in the fullest form the article uses ("Rami" -> "Khalil
al-Rami"), without titles ("President Lee" -> "Ann Lee").
"""

from __future__ import annotations

import functools
import logging
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from parley.extract.entities import fuller_name, glued_timestamp, name_words
from parley.extract.quotes import descriptions
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
# How a participle hangs from the noun it describes ("Lee, noting that ...").
PARTICIPLE_DEPS = ("acl", "advcl")
TITLE_DEPS = ("compound", "amod", "nmod", "poss", "npadvmod", "nummod")
# Entity labels that are never names; other labels on a proper noun that speaks are taken
# as a mislabelled person ("Stanovaya" tagged FAC by the small model).
NOT_NAMES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
POSSESSIVE = ("'s", "’s", "'", "’")
DASHES = ("-", "—", "–", "--", "(", ",")
# Words after a speech verb looked at for an inverted subject ("said former Rep. Ann Lee"),
# and the words that may stand before its head noun.
INVERTED_WINDOW = 12
NOUN_PHRASE_POS = ("DET", "ADJ", "PUNCT", "SPACE", "ADV", "NUM")
PLACES = frozenset({"GPE", "LOC", "FAC"})
# Tokens after a common noun subject looked at for a person's name set off by commas.
APPOSITIVE_WINDOW = 12
# One or two capitalised given names before a surname (SURNAME is filled in).
UNTAGGED_NAME = re.compile(r"(?<![\w'’.-])((?:[A-Z][a-z][\w'’-]*[ \t]){1,2})SURNAME\b")


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
    """A name that could be a pronoun's antecedent: where it stands and how central it is.

    The speaker is worked out from `span` only when a pronoun or description looks at it.
    """

    position: int
    label: str
    rank: int  # 0: speaker of a speech verb, 1: subject of a main verb, 2: other subject, 3: any
    span: Span | None = None
    found: Speaker | None = None


@dataclass
class Speakers:
    """Speaker resolution over one article; remembers who spoke for later pronouns."""

    qdoc: QuoteDoc
    spoke: list[Candidate] = field(default_factory=list)  # speakers of speech verbs so far
    _named: list[Candidate] | None = None  # names in the text, worked out when first needed
    genders: dict[str, str] = field(default_factory=dict)
    cue_speakers: dict[int, Speaker | None] = field(default_factory=dict)
    entity_at: dict[int, Span] = field(default_factory=dict)
    full_names: list[str] = field(default_factory=list)
    lower_case: set[int] = field(default_factory=set)
    _fuller: dict[str, str | None] = field(default_factory=dict)
    _untagged: dict[str, str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.entity_at = {t: ent for ent in self.qdoc.ents for t in range(ent.start, ent.end)}
        self.lower_case = _lower_case_entities(self.qdoc)
        names = (_bare_name(ent.text) for ent in self.qdoc.ents if ent.label_ == "PERSON")
        self.full_names = list(dict.fromkeys(name for name in names if len(name.split()) > 1))

    # -- candidates -------------------------------------------------------------------------

    @property
    def candidates(self) -> list[Candidate]:
        """Every name a pronoun or description may stand for: the speakers found so far and
        the names of the text (worked out on first use)."""
        if self._named is None:
            self._named = self._name_candidates()
        return self._named + self.spoke

    def _name_candidates(self) -> list[Candidate]:
        """Names in the writer's words: entities of speaking labels, and proper-noun
        subjects the model did not tag."""
        labels = self.qdoc.lexicon.speaker_labels
        found = []
        for ent in self.qdoc.ents:
            label = ent.label_
            if label not in labels or ent.start in self.lower_case:
                continue
            root = ent.root
            if self.qdoc.in_quote[root.i] != -1 or _is_dateline(root):
                continue
            found.append(Candidate(ent.start_char, label, self._rank(root), ent))
        organisations = self.qdoc.lexicon.organisation_nouns
        for token in self.qdoc.untagged_subjects:
            name = self.name_span(token)
            if name is not None:
                label = "ORG" if name[-1].lower_ in organisations else "PERSON"
                found.append(Candidate(name.start_char, label, self._rank(token), name))
        return found

    def _by_given_name(self, name: str, titled: bool) -> str | None:
        """The one full name a titled given name stands for ("Sheikh Karim" for "Karim bin
        Nasser Al Rumi", "King Harald")."""
        if not titled or " " in name:
            return None
        found = {n for n in self.full_names if n.split()[0] == name}
        return found.pop() if len(found) == 1 else None

    def speaker_of(self, candidate: Candidate) -> Speaker:
        """The speaker a candidate name stands for (worked out once)."""
        if candidate.found is None:
            assert candidate.span is not None
            candidate.found = self.named(candidate.span)
        return candidate.found

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
                label = speaker.label or "PERSON"
                self.spoke.append(Candidate(subject.idx, label, 0, found=speaker))
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
            if subject is not None and self.qdoc.same_paragraph(subject, verb):
                return self._past_title(subject)
            aside = self._aside_speaker(token)
            if aside is not None:
                return aside
            if token.dep_ in PARTICIPLE_DEPS and token.head.pos_ == "PROPN":
                return token.head
            token = self._borrow_from(token, verb)
        if _imperative_or_infinitive(verb):
            return None  # "Let me say ...", "To put it bluntly": nobody but the writer
        inverted = self._inverted_subject(verb)
        if inverted is not None and inverted.lower_ not in self.qdoc.lexicon.writer_pronouns:
            return inverted
        return self._leading_name(verb)

    def _inverted_subject(self, verb: Token) -> Token | None:
        """The head of the noun phrase right after the verb ("said a New Hampshire Democrat");
        never after a verb whose object is the one spoken to ("told AFP")."""
        doc = self.qdoc.doc
        if verb.lemma_.lower() in self.qdoc.lexicon.addressee_verbs:
            before = doc[verb.i - 1] if verb.i > 0 else None
            if before is None or not self.qdoc.is_mark(before):
                return None
        head = None
        for i in range(verb.i + 1, min(verb.i + INVERTED_WINDOW, len(doc))):
            token = doc[i]
            if self.qdoc.in_quote[i] != -1 or token.text == ";" or _sentence_end(token):
                break
            if token.ent_type_ == "PERSON":
                return token  # "said Pentagon spokesman Navy Capt. Jeff Davis"
            if head is not None or token.ent_type_ in NOT_NAMES:
                continue
            if token.pos_ in ("PROPN", "NOUN", "PRON"):
                head = _phrase_head(token)
            elif token.pos_ not in NOUN_PHRASE_POS and token.dep_ not in ("amod", "compound"):
                break  # "amod", "compound": "said retired neurosurgeon Ann Lee"
        if head is not None and head.dep_ in SUBJECT_DEPS and head.head.i != verb.i:
            return None  # "said the terms were ...": the reported clause's subject
        return head

    def _past_title(self, token: Token) -> Token:
        """The person a title word stands before, when the parse made the title the subject
        ("Navy Capt. Jeff Davis said" with "Capt" as subject)."""
        if not _is_title(token):
            return token
        doc = self.qdoc.doc
        for i in range(token.i + 1, min(token.i + 4, len(doc))):
            if doc[i].ent_type_ == "PERSON":
                return self.entity_at[i].root if i in self.entity_at else doc[i]
            if doc[i].text != "." and not _is_title(doc[i]):
                break
        return token

    def _borrow_from(self, token: Token, verb: Token) -> Token | None:
        """The verb whose subject a subjectless verb borrows: its head, or, for a speech verb
        conjoined to a verb of reported speech, the speech verb reporting it."""
        if token.dep_ in STOP_DEPS or token.head.i == token.i:
            return None
        head = token.head
        if token.dep_ == "conj" and self.qdoc.is_cue(token) and not self.qdoc.is_cue(head):
            reporter = self._reporting_verb(head)
            if reporter is not None:
                head = reporter
        return head if self.qdoc.same_paragraph(head, verb) else None

    def _reporting_verb(self, token: Token) -> Token | None:
        """The speech verb whose reported clause holds `token`, if any (a few heads up)."""
        current = token
        for _ in range(MAX_CLIMB):
            if current.dep_ not in ("ccomp", "conj", "xcomp") or current.head.i == current.i:
                return None
            current = current.head
            if self.qdoc.is_cue(current):
                return current
        return None

    def _aside_speaker(self, verb: Token) -> Token | None:
        """The subject of a speech verb set off as an aside ("These, she said, are ...")."""
        for child in verb.children:
            if child.dep_ == "parataxis" and self.qdoc.is_cue(child):
                return self._own_subject(child)
        return None

    def _own_subject(self, verb: Token) -> Token | None:
        """The verb's subject in the writer's words, the one nearest the verb when the parse
        gave two (a dateline before the real subject)."""
        subjects = []
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and self.qdoc.in_quote[child.i] == -1:
                if child.pos_ == "PROPN" and child.ent_type_ in NOT_NAMES:
                    continue  # "Saturday at the convention, Lee said"
                if child.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                    return verb.head
                if _object_like(child, verb) or self._impersonal(child) or _is_dateline(child):
                    continue
                subjects.append(child)
        return min(subjects, key=lambda s: abs(verb.i - s.i), default=None)

    def _impersonal(self, token: Token) -> bool:
        """A pronoun that cannot stand for a speaker ("these", "this", "which")."""
        lower = token.lower_
        lexicon = self.qdoc.lexicon
        return (
            token.pos_ == "PRON"
            and lower not in lexicon.pronouns
            and (lower not in lexicon.writer_pronouns)
        )

    def _leading_name(self, verb: Token) -> Token | None:
        """When the parse gave the verb no subject: the noun right before it ("..., the
        candidate stated", "Lee (D-Ohio) said"), else the first name of its clause ("Kylie
        Newbold, a spokesperson, told ..." parsed as a fragment); places and dates are never
        taken."""
        doc = self.qdoc.doc
        places = self.qdoc.lexicon.place_labels
        i = verb.i - 1
        while i >= 0 and doc[i].pos_ in ("ADV", "AUX", "PART") and self.qdoc.in_quote[i] == -1:
            i -= 1
        if i >= 0 and doc[i].text == ")":
            while i >= 0 and doc[i].text != "(" and self.qdoc.in_quote[i] == -1:
                i -= 1
            i -= 1
        nominal = i >= 0 and self.qdoc.in_quote[i] == -1 and doc[i].pos_ in ("NOUN", "PROPN")
        if nominal and doc[i].ent_type_ not in places and doc[i].ent_type_ not in NOT_NAMES:
            return doc[i]
        labels = self.qdoc.lexicon.speaker_labels
        first = None
        while i >= 0 and self.qdoc.in_quote[i] == -1 and "\n" not in doc[i].text_with_ws:
            token = doc[i]
            if token.text in (".", "!", "?", ";") or _ends_dateline(token):
                break
            named = token.ent_type_ in labels or (token.pos_ == "PROPN" and not token.ent_type_)
            if named and token.ent_type_ not in places and not _is_title(token):
                first = first if _is_dateline(token) else token
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
        if self._known_surname(token):
            return self.named(self.name_span(token) or self.qdoc.doc[token.i : token.i + 1])
        appositive = self._appositive_name(token)
        if appositive is not None:  # "the ministry's spokesman, Ann Lee, said"
            return self.named(
                appositive, descriptor=descriptions.phrase(token, stop=appositive.root)
            )
        if token.lemma_.lower() in lexicon.spokesperson_nouns:
            spoken_for = descriptions.body(self, token)
            if spoken_for is not None:
                return spoken_for
        title = _whole_title(self.qdoc.doc[token.i : token.i + 1])
        if len(title) > 1 and token.text[:1].isupper():  # "The Survivors and Families Forum"
            return self.named(title)
        if descriptions.is_description(self.qdoc, token):
            return descriptions.resolve(self, token)
        name = self.name_span(token)
        if name is not None:
            return self.named(name)
        if token.pos_ in ("ADJ", "NUM"):  # "the 46-year-old", "the first"
            return descriptions.resolve(self, token)
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        return (
            descriptions.body(self, token)
            or descriptions.owner(self, token)
            or descriptions.resolve(self, token)
        )

    def _appositive_name(self, token: Token) -> Span | None:
        """The name in apposition to a common noun subject ("his best friend, Ann Lee"), or
        a person's name set off by commas inside its phrase, where the parse attached it to
        a modifier ("his partner at Lenox, Ann Lee, said")."""
        if token.pos_ != "NOUN":
            return None
        for child in token.children:
            if child.dep_ == "appos" and (found := self.name_span(child)) is not None:
                return found
        doc = token.doc
        end = min(token.right_edge.i + 1, token.i + APPOSITIVE_WINDOW)
        for child in doc[token.i + 1 : end]:
            person = child.dep_ == "appos" and child.ent_type_ == "PERSON"
            if person and doc[child.left_edge.i - 1].text == "," and child.head.i < child.i:
                return self.name_span(child)
        return None

    def _known_surname(self, token: Token) -> bool:
        """A capitalised word that is the surname of someone the article names in full
        ("Lopez" even when tagged as a common noun or a group)."""
        if token.pos_ not in ("PROPN", "NOUN") or not token.text[:1].isupper() or token.i == 0:
            return False
        if self.fuller(token.text) is not None:
            return True
        if token.ent_type_ or not token.text[1:].islower():
            return False
        full = self._untagged_full_name(token.text)
        if full is not None:
            self.full_names.append(full)
            self._fuller.clear()
        return full is not None

    def fuller(self, name: str) -> str | None:
        """The fullest form the article gives a person's name (cached)."""
        if name not in self._fuller:
            self._fuller[name] = fuller_name(name, self.full_names)
        return self._fuller[name]

    def _untagged_full_name(self, surname: str) -> str | None:
        """A full name ending with `surname` that the model did not tag ("Kwame Asante,
        The Daily:" then "Asante writes"): one or two capitalised given names before it."""
        if surname in self._untagged:
            return self._untagged[surname]
        pattern = UNTAGGED_NAME.pattern.replace("SURNAME", re.escape(surname))
        stop = name_words()["titles"] | name_words()["leading_articles"]
        verbs = self.qdoc.lexicon.speech_verbs  # a headline's "Says Ann Lee" names Ann Lee
        found = None
        for match in re.finditer(pattern, self.qdoc.text):
            given = [w.lower().rstrip(".") for w in match.group(1).split()]
            said = (w.removesuffix("s") for w in given)
            if not any(w in stop or w in verbs for w in given) and not any(
                w in verbs for w in said
            ):
                found = f"{match.group(1)}{surname}"
                break
        self._untagged[surname] = found
        return found

    def name_span(self, token: Token) -> Span | None:
        """The entity (of a speaking label) or proper-noun chain the token belongs to."""
        ent = self.entity_at.get(token.i)
        if ent is not None and ent.start in self.lower_case:
            return None  # "the commerce ministry" tagged as a name
        if ent is not None:
            ent = _paragraph_part(ent, token)
            if ent.label_ in self.qdoc.lexicon.speaker_labels:
                return _whole_title(ent)
            if ent.label_ not in NOT_NAMES and ent.root.pos_ == "PROPN":
                return ent
        if token.pos_ != "PROPN" or token.ent_type_ in NOT_NAMES or not token.text[:1].isupper():
            return None  # a lower-case word tagged as a proper noun is a tagging slip
        return _whole_title(self._proper_noun_run(token))

    def _proper_noun_run(self, token: Token) -> Span:
        doc = self.qdoc.doc
        start = token.i
        while (
            start > 0
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].head.i in (token.i, start)
            and not self.qdoc.is_cue(doc[start - 1])
        ):
            start -= 1
        return doc[start : token.i + 1]

    def named(self, span: Span, descriptor: str | None = "") -> Speaker:
        """The speaker a name span stands for; the descriptor is looked up unless given."""
        text = span.text
        start, end = span.start_char, span.end_char
        glued = glued_timestamp(text)  # "EDTHamas": a live-blog time stamp glued on
        text, start = text[glued:], start + glued
        for suffix in POSSESSIVE:
            if text.endswith(suffix) and len(text) > len(suffix):
                text, end = text[: -len(suffix)], end - len(suffix)
                break
        label = getattr(span, "label_", None) or "PERSON"
        if label not in self.qdoc.lexicon.speaker_labels:
            label = "PERSON"
        if descriptor == "":
            descriptor = descriptor_of(span)
        if label == "ORG":
            text = self._without_kind(text)
            end = start + len(text)
        if label == "PERSON":
            bare = _bare_name(text)
            title = text[: text.find(bare)].split() if bare in text else []
            roles = name_words()["titles"] - name_words()["honorifics"]
            if descriptor is None and any(w.lower().rstrip(".") in roles for w in title):
                descriptor = " ".join(title)
            titled = bool(title) or _is_title_words(descriptor)
            text = self.fuller(bare) or self._by_given_name(bare, titled) or bare
            descriptor = _without_name(descriptor, text)
        return Speaker(start, end, text, descriptor, label)

    def _without_kind(self, name: str) -> str:
        """An organisation's name without a trailing lower-case kind noun ("the Green
        Future party" is Green Future; "Labour Party" keeps its capital)."""
        words = name.split()
        kinds = self.qdoc.lexicon.organisation_nouns
        if len(words) > 1 and words[-1] in kinds and words[-2][:1].isupper():
            return name[: name.rfind(" ")]
        return name

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
                if candidate.rank > best or candidate.label not in labels:
                    continue
                speaker = self.speaker_of(candidate)
                if not self._gender_fits(speaker, gender):
                    continue
                self._learn_gender(speaker, gender)
                return speaker
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
            return descriptions.phrase(child)
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        return descriptions.phrase(root.head, stop=root)
    lefts = [t for t in root.lefts if t.i < name.start and t.dep_ in TITLE_DEPS]
    if not lefts:
        return None
    start = min(t.left_edge.i for t in lefts)
    for t in name.doc[start : name.start]:
        if (t.is_punct and t.text not in ("-", ".", "'", "’")) or "\n" in t.text_with_ws:
            start = t.i + 1  # the title run is the words right before the name
    words = name.doc[start : name.start]
    if not len(words) or not (words[-1].pos_ == "NOUN" or _is_title(words[-1])):
        return None
    return descriptions.clip(words)


def _imperative_or_infinitive(verb: Token) -> bool:
    """A base-form verb that opens its sentence, follows "to" or "let me": no one in the
    text is its subject ("Say what you will", "Let me say", "to put it bluntly")."""
    if verb.tag_ != "VB" or any(c.tag_ == "MD" for c in verb.children):
        return False
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True
    doc = verb.doc
    first = verb.i == 0 or doc[verb.i - 1].is_punct or "\n" in doc[verb.i - 1].text_with_ws
    return first or verb.head.lemma_ == "let"


def _is_title(token: Token) -> bool:
    return token.lower_.replace(".", "") in name_words()["titles"]


def _sentence_end(token: Token) -> bool:
    """A full stop that ends a sentence, not the dot of an abbreviated title ("Capt.")."""
    if token.text not in (".", "!", "?"):
        return False
    if token.text != "." or token.i == 0:
        return True
    return token.doc[token.i - 1].lower_.rstrip(".") not in name_words()["abbreviations"]


def _is_title_words(words: str | None) -> bool:
    """Words that are all titles ("Sheikh", "Crown Prince")."""
    titles = name_words()["titles"]
    return bool(words) and all(w.lower().rstrip(".") in titles for w in (words or "").split())


@functools.lru_cache(maxsize=8192)
def _bare_name(text: str) -> str:
    """A name without leading articles and titles and a trailing possessive."""
    words = text.split()
    dropped = name_words()["titles"] | name_words()["leading_articles"]
    while len(words) > 1 and words[0].lower().replace(".", "") in dropped:
        words = words[1:]
    bare = " ".join(words)
    for suffix in POSSESSIVE[:2]:
        if bare.endswith(suffix) and len(bare) > len(suffix):
            return bare[: -len(suffix)]
    return bare


def _without_name(descriptor: str | None, name: str) -> str | None:
    """The descriptor without words of the name it ends with ("Secretary of State John" for
    John Kerry is "Secretary of State")."""
    if descriptor is None:
        return None
    words = descriptor.split()
    given = set(name.split())
    while words and words[-1] in given:
        words.pop()
    kept = " ".join(words).strip(" ,")
    return kept if kept and kept.lower().rstrip(".") not in name_words()["honorifics"] else None


def _whole_title(name: Span) -> Span:
    """An organisation's name that the model split at "and" ("The Workers and Farmers
    Alliance" as two names): after "the", a run of capitalised words joined by "and", "of"
    or "for" is one name."""
    doc = name.doc
    if name.start == 0 or doc[name.start - 1].lower_ != "the":
        return name
    end = name.end
    while end + 1 < len(doc) and doc[end].lower_ in ("and", "of", "for", "&"):
        if not doc[end + 1].text[:1].isupper() or doc[end + 1].ent_type_ == "PERSON":
            break
        end += 2
        while end < len(doc) and doc[end].pos_ in ("PROPN", "NOUN") and doc[end].text[:1].isupper():
            end += 1
    return name if end == name.end else doc[name.start : end]


def _phrase_head(token: Token) -> Token:
    """The head noun of the phrase a modifier opens ("South" in "a South Carolina Democrat")."""
    while token.dep_ in ("compound", "amod", "nmod", "poss", "nummod") and token.head.i > token.i:
        token = token.head
    return token


def _is_dateline(token: Token, places: frozenset[str] = PLACES) -> bool:
    """A place opening a paragraph and set off by a dash, bracket or comma ("LONDON (Reuters)
    -", "Washington (AFP) –", "KYIV, Ukraine -"): never a speaker."""
    doc = token.doc
    if not (token.ent_type_ in places or token.text.isupper()) or token.i + 1 >= len(doc):
        return False
    if doc[token.i + 1].text not in DASHES:
        return False
    start = token.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    return start == 0 or "\n" in doc[start - 1].text_with_ws


def _ends_dateline(token: Token) -> bool:
    """The dash after a dateline ("DOHA (Gulf Wire) -"): the sentence starts after it."""
    if token.text not in ("-", "—", "–", "--") or token.i == 0:
        return False
    before = token.doc[token.i - 1]
    return before.text == ")" or _is_dateline(before)


def _object_like(subject: Token, verb: Token) -> bool:
    """A "subject" right after another verb ("who courted Trump after ..., admitted") is
    that verb's object misparsed; after the speech verb itself it is an inverted subject."""
    if subject.i == 0:
        return False
    before = subject.doc[subject.i - 1]
    modifies = before.head.i == subject.i  # "the conservative-leaning newspaper"
    return before.pos_ == "VERB" and before.i != verb.i and not modifies


def _paragraph_part(span: Span, token: Token) -> Span:
    """The part of an entity on the token's side of a paragraph break or a comma (parses of
    page captures sometimes join a name to a line above; "Ann Lee, The Courier" is two
    names)."""
    from spacy.tokens import Span

    start, end = span.start, span.end
    for t in span:
        if t.text == ",":
            if t.i < token.i:
                start = t.i + 1
            else:
                end = min(end, t.i)
        elif "\n" in t.text_with_ws:
            if t.i < token.i:
                start = t.i + 1
            else:
                end = min(end, t.i + 1)
    if (start, end) == (span.start, span.end):
        return span
    return Span(span.doc, start, end, label=span.label_)


def _lower_case_entities(qdoc: QuoteDoc) -> set[int]:
    """Starts of the entities not written as names: the first word after an article is in
    lower case ("the commerce ministry" tagged as an organisation)."""
    text = qdoc.text
    labels = qdoc.lexicon.speaker_labels
    found = set()
    for ent in qdoc.ents:
        if ent.label_ not in labels:
            continue
        at = ent.start_char
        if text.startswith(("the ", "The ", "a ", "A ", "an ", "An "), at):
            at = text.find(" ", at) + 1
        if text[at : at + 1].islower():
            found.add(ent.start)
    return found


def _surname(name: str | None) -> str:
    return (name or "").split()[-1].lower() if name else ""
