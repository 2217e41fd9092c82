"""Stances: what each case actor supports or opposes on each case issue, per article.

`extract_stances` reads the shared parse (no second pass over the text). The
cascade, per sentence that names an issue (the case's rules, see
`parley.extract.stance_rules`):

1. find cue words from the generic lexicon: verbs and nouns of support or
   opposition ("agreed", "rebuffed", "demands", "walk away"), shifts that
   invert what they govern ("halt", "cut off"), and verbs of saying;
2. find each cue's holder: its subject, possessor or agent ("Putin's demands"),
   climbing through infinitives, gerunds and coordinated verbs; a pronoun takes
   the nearest fitting actor before it, "I"/"we" in a quote its speaker. A cue
   inside another cue's object ("insisted that Ukraine accept ...") is not a
   stance of its own subject;
3. for each issue, take the phrase nearest the cue in the dependency tree and
   multiply the signs along the path: the phrase (proposition or its opposite),
   shifts and negations on the way, and the cue itself;
4. drop what the article does not report as the actor's stance: clauses under a
   commentator's verb of saying or inside a commentator's quote, conditions
   ("if Russia doesn't agree"), obligations ("would have to agree") and the
   writer's own speculation ("might impose"); mark hedged reports
   ("reportedly", "seems to") with lower confidence.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from parley.case import name_key
from parley.extract.records import Stance
from parley.extract.stance_rules import (
    CaseRules,
    Cue,
    Lexicon,
    Term,
    case_rules,
    lexicon,
    normalise,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from parley.articles.model import Article
    from parley.case import Case
    from parley.extract.records import Mention, Quote

LOGGER = logging.getLogger(__name__)

# Confidence of a plain report, and the factors for weaker evidence. Set by hand
# on the seed articles; they order evidence, they are not calibrated probabilities.
BASE_CONFIDENCE = 0.9
HEDGED_FACTOR = 0.6
PRONOUN_FACTOR = 0.85
REPORTED_FACTOR = 0.9

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
# Edges from a cue to what it is about. Everything else (its subject, adverbial
# clauses, coordinated verbs) is about something else.
NOT_CONTENT = {
    "nsubj", "nsubjpass", "csubj", "advcl", "conj", "cc", "parataxis", "punct", "mark",
    "aux", "auxpass", "neg", "det", "poss", "case", "expl", "agent", "intj", "meta",
}  # fmt: skip
SIBLING = {"advcl", "conj", "parataxis", "relcl"}
# Edges a holder search climbs: the subject of "agreed" is the subject of "to halt".
CLIMB = {"xcomp", "advcl", "conj", "pcomp", "prep", "csubj", "acl"}
PRONOUNS = {"he", "she", "him", "his", "her", "it", "its", "they", "them", "their"}
FIRST_PERSON = {"i", "we", "me", "us", "my", "our"}
RELATIVE = {"who", "which", "that", "whom"}
MAX_PATH = 12


@dataclass(frozen=True, slots=True)
class Holder:
    """Who holds a stance: an actor id, the words naming it, and whether a pronoun did."""

    actor: str
    start: int
    end: int
    pronoun: bool = False


REPORTING = Cue(1, flips=False, reporting=True)
NESTED = "nested"  # the cue is part of another cue's object, not a stance of its own


def extract_stances(
    doc: Doc,
    article: Article | None,
    case: Case | None,
    mentions: Sequence[Mention],
    quotes: Sequence[Quote],
) -> list[Stance]:
    """Stances of case actors on case issues reported in one parsed article.

    Returns [] without a case or without issue rules. `mentions` and `quotes`
    are the other extractors' records for the same doc (actor links, speakers).
    """
    if case is None:
        return []
    rules = case_rules(case)
    if not rules.terms:
        return []
    return _Finder(doc, case, rules, lexicon(), mentions, quotes).run()


@dataclass(frozen=True, slots=True)
class _Match:
    term: Term
    start: int
    end: int
    root: Token


def _child_towards(head: Token, tok: Token) -> Token | None:
    """The child of `head` on the way down to `tok`, or None if `tok` is not below `head`."""
    for ancestor in (tok, *tok.ancestors):
        if ancestor.head.i == head.i and ancestor.i != head.i:
            return ancestor
    return None


def _main_clause(advcl: Token) -> Token:
    """The verb an adverbial clause belongs to.

    The parser often hangs ", consenting only to ..." on the relative clause
    just before the comma; such a participle belongs to the main clause.
    """
    head = advcl.head
    if head.dep_ == "relcl" and any(t.text == "," for t in advcl.doc[head.i : advcl.i]):
        for verb in head.head.ancestors:
            if verb.pos_ in ("VERB", "AUX"):
                return verb
    return head


class _Finder:
    """One article's stance search; holds the per-doc indexes."""

    def __init__(
        self,
        doc: Doc,
        case: Case,
        rules: CaseRules,
        lex: Lexicon,
        mentions: Sequence[Mention],
        quotes: Sequence[Quote],
    ) -> None:
        self.doc, self.case, self.rules, self.lex = doc, case, rules, lex
        self.text = normalise(doc.text)
        self.names = case.name_index()
        self.actors, self.persons = self._index_names(mentions)
        self.quotes = [(q.start, q.end, self._speaker_actor(q)) for q in quotes]
        self.speakers = [
            (q.speaker_start, q.speaker_end, actor, q.speaker)
            for q, (_s, _e, actor) in zip(quotes, self.quotes, strict=True)
            if q.speaker_start is not None and q.speaker_end is not None
        ]
        self._holders: dict[int, Holder | str | None] = {}

    # -- indexes ----------------------------------------------------------

    def _index_names(self, mentions: Sequence[Mention]) -> tuple[dict[int, str], set[int]]:
        """Token index -> actor id for names of case actors; token indexes of other people."""
        actors: dict[int, str] = {}
        persons: set[int] = set()
        valid = set(self.case.actor_ids)
        for ent in self.doc.ents:
            actor = ent.ent_id_ if ent.ent_id_ in valid else None
            for tok in ent:
                if actor:
                    actors[tok.i] = actor
                elif ent.label_ == "PERSON":
                    persons.add(tok.i)
        for m in mentions:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            for tok in span or ():
                if m.actor:
                    actors.setdefault(tok.i, m.actor)
                    persons.discard(tok.i)
                elif m.label == "PERSON" and tok.i not in actors:
                    persons.add(tok.i)
        return actors, persons

    def _speaker_actor(self, quote: Quote) -> str | None:
        if quote.speaker_start is not None and quote.speaker_end is not None:
            span = self.doc.char_span(quote.speaker_start, quote.speaker_end, "expand")
            for tok in span or ():
                if tok.i in self.actors:
                    return self.actors[tok.i]
            named = self._phrase_name(span.root) if span else None  # "China's Foreign Ministry"
            if named is not None:
                return named.actor
        return self.names.get(name_key(quote.speaker)) if quote.speaker else None

    def _quote_at(self, tok: Token) -> tuple[bool, str | None]:
        """Whether `tok` is quoted, and the quote's speaker actor."""
        for start, end, actor in self.quotes:
            if start <= tok.idx < end:
                return True, actor
        return False, None

    # -- the search -------------------------------------------------------

    def run(self) -> list[Stance]:
        found: list[Stance] = []
        seen: set[tuple[str, str, str, int]] = set()
        for sent in self.doc.sents:
            for stance in self._sentence_stances(sent):
                key = (stance.actor, stance.issue, stance.stance, stance.start)
                if key not in seen:
                    seen.add(key)
                    found.append(stance)
        return found

    def _sentence_stances(self, sent: Span) -> list[Stance]:
        cues = [(tok, cue) for tok in sent if (cue := self._cue(tok)) is not None]
        judged = [t for t in sent if t.pos_ == "ADJ" and t.lemma_.lower() in self.lex.adjectives]
        if not cues and not judged:
            return []
        matches = self._matches(sent)
        found = [s for t in judged for s in self._judgements(t, matches)]
        for tok, cue in cues if matches else ():
            found += self._stances(tok, cue, matches)
        return found

    def _judgements(self, adj: Token, matches: list[_Match]) -> list[Stance]:
        """ "For Russia, such a move was unacceptable": the actor judges the subject's issue."""
        cue = self.lex.adjectives[adj.lemma_.lower()]
        subject = next((c for c in adj.head.children if c.dep_ in SUBJECTS), None)
        holder = self._judge(adj)
        if subject is None or holder is None or self._blocked(adj):
            return []
        inside = [m for m in matches if m.root.i in {t.i for t in subject.subtree}]
        if not inside and any(c.lower_ in self.lex.anaphoric for c in subject.children):
            before = self.doc[adj.sent.start - 1].sent if adj.sent.start > 0 else None
            earlier = sorted(self._matches(before), key=lambda m: m.start) if before else []
            inside = earlier[-1:]
        sign = cue.polarity * (-1 if self._negated(adj) or self._negated(adj.head) else 1)
        hedged = self._hedged(adj)
        return [
            self._stance(adj, holder, m.term.issue, sign * m.term.polarity, m, hedged, cue)
            for m in inside
        ]

    def _judge(self, adj: Token) -> Holder | None:
        """The actor named by "for"/"to" on a judging adjective or its verb."""
        for word in (adj, adj.head):
            for prep in word.children:
                if prep.dep_ == "prep" and prep.lower_ in ("for", "to"):
                    for pobj in prep.children:
                        found = self._name(pobj)
                        if found is not None:
                            return found
        return None

    def _matches(self, sent: Span) -> list[_Match]:
        """Issue phrases in a sentence, one per (issue, head token)."""
        found: dict[tuple[str, int], _Match] = {}
        for term, start, end in self.rules.find(self.text, sent.start_char, sent.end_char):
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            key = (term.issue, span.root.i)
            if key not in found or end - start > found[key].end - found[key].start:
                found[key] = _Match(term, start, end, span.root)
        # Where two issues name the same words, the longer (more specific) phrase wins.
        longest: dict[int, _Match] = {}
        for match in found.values():
            best = longest.get(match.root.i)
            if best is None or match.end - match.start > best.end - best.start:
                longest[match.root.i] = match
        return list(longest.values())

    def _cue(self, tok: Token) -> Cue | None:
        lex = self.lex
        if tok.pos_ in ("VERB", "AUX"):
            for child in tok.children:
                if child.dep_ in ("prt", "prep", "advmod"):
                    phrasal = lex.phrasal.get((tok.lemma_.lower(), child.lemma_.lower()))
                    if phrasal:
                        return phrasal
            if tok.lemma_.lower() in lex.reporting and any(c.dep_ == "ccomp" for c in tok.children):
                return REPORTING
            return lex.verbs.get(tok.lemma_.lower()) if tok.pos_ == "VERB" else None
        if tok.pos_ == "NOUN":
            return lex.nouns.get(tok.lemma_.lower())
        return None

    def _cue_key(self, tok: Token) -> str:
        for child in tok.children:
            if child.dep_ in ("prt", "prep", "advmod"):
                pair = (tok.lemma_.lower(), child.lemma_.lower())
                if pair in self.lex.phrasal:
                    return " ".join(pair)
        return tok.lemma_.lower()

    def _stances(self, tok: Token, cue: Cue, matches: list[_Match]) -> list[Stance]:
        """Stances carried by one cue word: one per issue, from the nearest phrase."""
        if self._blocked(tok):
            return []
        negated = self._negated(tok)
        if negated and not cue.flips:
            return []
        holder = self._holder(tok)
        if not isinstance(holder, Holder):
            return []
        best: dict[str, tuple[int, int, _Match]] = {}
        for match in matches:
            if match.start <= tok.idx < match.end or holder.start <= match.start < holder.end:
                continue
            if match.term.cues is not None and not self._cued(tok, match.root, match.term.cues):
                continue
            if cue.reporting and not self._reports_own(
                tok, holder, _child_towards(tok, match.root)
            ):
                continue
            if self._quote_at(match.root) == (True, None):
                continue  # the words are a quote from someone who is no case actor
            found = self._path_sign(match.root, tok, cue)
            if found is None:
                continue
            sign, length = found
            issue = match.term.issue
            if issue not in best or length < best[issue][1]:
                best[issue] = (sign * match.term.polarity, length, match)
        polarity = cue.polarity * (-1 if negated else 1)
        hedged = self._hedged(tok)
        return [
            self._stance(tok, who, issue, sign * polarity, match, hedged, cue)
            for issue, (sign, _length, match) in best.items()
            for who in (holder, *self._partners(tok, holder))
        ]

    def _cued(self, cue_tok: Token, root: Token, cues: frozenset[str]) -> bool:
        """Whether the cue, or a cue word between it and the phrase, is one of `cues`."""
        for tok in (root, *root.ancestors):
            if tok.i != root.i and self._cue(tok) is not None and self._cue_key(tok) in cues:
                return True
            if tok.i == cue_tok.i:
                return False
        return False

    def _partners(self, tok: Token, holder: Holder) -> list[Holder]:
        """Co-holders: coordinated subjects ("Ukraine and Russia agreed"), and for an
        agreement the actors it was made with ("the ceasefire the US agreed with Ukraine")."""
        partners = []
        span = self.doc.char_span(holder.start, holder.end, alignment_mode="expand")
        for conj in span.root.conjuncts if span is not None and not holder.pronoun else ():
            found = self._name(conj)
            if found and not found.pronoun and found.actor != holder.actor:
                partners.append(found)
        if self._cue_key(tok) not in ("agree", "agreement"):
            return partners
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "with":
                for pobj in prep.children:
                    found = self._name(pobj)
                    if found and not found.pronoun and found.actor != holder.actor:
                        partners.append(found)
        return partners

    def _stance(
        self,
        tok: Token,
        holder: Holder,
        issue: str,
        sign: int,
        match: _Match,
        hedged: bool,
        cue: Cue,
    ) -> Stance:
        confidence = BASE_CONFIDENCE
        if hedged:
            confidence *= HEDGED_FACTOR
        if holder.pronoun:
            confidence *= PRONOUN_FACTOR
        if cue.reporting:
            confidence *= REPORTED_FACTOR
        return Stance(
            start=min(tok.idx, match.start),
            end=max(tok.idx + len(tok.text), match.end),
            actor=holder.actor,
            issue=issue,
            stance="support" if sign > 0 else "oppose",
            confidence=round(confidence, 3),
            cue=self._cue_key(tok),
            holder_start=holder.start,
            holder_end=holder.end,
            hedged=hedged,
            route="rule",
        )

    # -- paths and signs --------------------------------------------------

    def _path_sign(self, root: Token, cue_tok: Token, cue: Cue) -> tuple[int, int] | None:
        """(sign, length) of the path from a phrase's head up to the cue, or None if off-path."""
        sign, length, tok = (-1 if self._negated(root) else 1), 0, root
        while tok.i != cue_tok.i:
            head = tok.head
            if head.i == tok.i or length >= MAX_PATH:
                return self._special_scope(root, cue_tok)
            if head.i == cue_tok.i:
                if tok.dep_ in NOT_CONTENT and not self._content_edge(tok, cue_tok):
                    return None
                if tok.dep_ == "prep" and tok.i < cue_tok.i and cue_tok.pos_ == "VERB":
                    return None  # a fronted adverbial ("For the sake of X, he abandoned ...")
                if cue.reporting and tok.dep_ != "ccomp":
                    return None
            elif tok.dep_ == "parataxis" or (tok.dep_ in SIBLING and self._emits(tok)):
                return None
            if tok.dep_ == "prep" and tok.lower_ in self.lex.adjunct_preps:
                return None
            if tok.dep_ != "conj" and head.i != cue_tok.i:
                sign *= self._token_sign(head)
            if tok.dep_ == "prep" and self._shift_before(tok):
                sign = -sign
            tok, length = head, length + 1
        return sign, length

    def _content_edge(self, child: Token, cue_tok: Token) -> bool:
        """Edges that are content only in some constructions: a noun's relative clause, and
        the subject of a passive with an agent ("a ceasefire was rejected by Moscow")."""
        if child.dep_ == "relcl":
            return cue_tok.pos_ == "NOUN"
        if child.dep_ == "nsubjpass":
            return any(c.dep_ == "agent" for c in cue_tok.children)
        return False

    def _special_scope(self, root: Token, cue_tok: Token) -> tuple[int, int] | None:
        """Phrases a cue governs without dominating them.

        A relative clause's head noun is its object ("the pause Kyiv accepted");
        a noun that is the subject of "include"/"be" is about the predicate
        ("its demands included limits on NATO expansion").
        """
        objects = [c for c in cue_tok.children if c.dep_ in ("dobj", "obj")]
        if (
            cue_tok.dep_ == "relcl"
            and not objects
            and cue_tok.i not in {a.i for a in root.ancestors}
        ):
            noun = cue_tok.head
            if root.i == noun.i:
                return 1, 1
            if noun.i in {a.i for a in root.ancestors}:
                found = self._path_sign(root, noun, Cue(1, flips=True))
                return None if found is None else (found[0], found[1] + 1)
        head = cue_tok.head
        if cue_tok.dep_ == "nsubj" and head.lemma_ in ("be", "include", "involve", "remain"):
            found = self._path_sign(root, head, Cue(1, flips=True))
            if found is not None:
                return found[0], found[1] + 1
        return None

    def _shift_before(self, prep: Token) -> bool:
        """ "a halt to strikes" parsed as "support ... to strikes": the shift noun still counts."""
        if prep.i == 0:
            return False
        before = prep.doc[prep.i - 1]
        cue = self.lex.nouns.get(before.lemma_.lower()) if before.pos_ == "NOUN" else None
        return cue is not None and cue.shift and before.head.i == prep.head.i

    def _token_sign(self, tok: Token) -> int:
        """-1 for a shift or an oppose cue or a negated word between a phrase and its cue."""
        sign = -1 if self._negated(tok) else 1
        cue = self._cue(tok)
        if cue is not None and not cue.reporting:
            sign *= cue.polarity
        return sign

    def _negated(self, tok: Token) -> bool:
        for child in tok.children:
            if child.dep_ == "neg" or child.lower_ in ("never", "no"):
                after = tok.doc[child.i + 1] if child.i + 1 < len(tok.doc) else None
                if after is None or after.lower_ not in self.lex.not_negating:
                    return True
            if child.lower_ == "longer" and any(g.lower_ == "no" for g in child.children):
                return True
        return False

    # -- holders ----------------------------------------------------------

    def _holder(self, tok: Token) -> Holder | str | None:
        if tok.i not in self._holders:
            self._holders[tok.i] = self._find_holder(tok)
        return self._holders[tok.i]

    def _find_holder(self, tok: Token) -> Holder | str | None:
        """The actor holding the stance of cue `tok`, NESTED, or None."""
        own = self._own_holder(tok)
        nested = self._nested(tok)
        if nested and not (tok.pos_ == "NOUN" and isinstance(own, Holder) and not own.pronoun):
            return NESTED
        cur = tok
        for _ in range(8):
            found = own if cur.i == tok.i else self._own_holder(cur)
            if found is not None:
                return found if isinstance(found, Holder) else None
            if cur.dep_ not in CLIMB or cur.head.i == cur.i:
                return None
            cur = _main_clause(cur) if cur.dep_ == "advcl" else cur.head
        return None

    def _nested(self, tok: Token) -> bool:
        """Whether a cue sits inside what another cue is about."""
        cur = tok
        while cur.head.i != cur.i:
            if cur.dep_ == "conj":  # a coordinated verb shares its first conjunct's governor
                cur = cur.head
                continue
            if cur.dep_ in SIBLING or cur.dep_ in SUBJECTS:
                return False
            cur = cur.head
            cue = self._cue(cur)
            if cue is not None and (not cue.reporting or self._acting_report(cur)):
                return True
        return False

    def _acting_report(self, tok: Token) -> bool:
        holder = self._holder(tok)
        return isinstance(holder, Holder) and self._reports_own(tok, holder)

    def _own_holder(self, tok: Token) -> Holder | str | None:
        """The holder named on the word itself: Holder, "none" (a non-actor), or None."""
        if tok.pos_ == "NOUN":
            return self._noun_holder(tok)
        for child in tok.children:
            if child.dep_ == "nsubj":
                if child.lower_ in RELATIVE and tok.dep_ == "relcl":
                    child = tok.head
                return self._name(child) or "none"
            if child.dep_ == "agent":
                for pobj in child.children:
                    return self._name(pobj) or "none"
        return None

    def _noun_holder(self, tok: Token) -> Holder | str | None:
        if tok.dep_ == "attr":
            return self._copula_holder(tok)
        for child in tok.children:
            if child.dep_ == "poss" or (child.dep_ in ("compound", "amod", "nmod")):
                found = self._name(child)
                if found:
                    return found
            if child.dep_ == "prep" and child.lower_ in ("by", "from", "in"):
                for pobj in child.children:
                    found = self._name(pobj)
                    if found and not found.pronoun:
                        return found
        return None

    def _copula_holder(self, tok: Token) -> Holder | None:
        """ "The Kremlin's aim is the desire to ...": the subject, or its possessor, holds it."""
        verb = tok.head
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects and verb.dep_ == "xcomp":  # "seems to be"
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
        for subject in subjects:
            found = self._name(subject)
            if found is not None:
                return found
            for word in subject.subtree:
                if word.dep_ == "poss" and (found := self._name(word)) is not None:
                    return found
        return None

    def _name(self, tok: Token) -> Holder | None:
        """The actor a holder word names: a case name, a holder word, a pronoun, a possessor."""
        if tok.lower_ in FIRST_PERSON and tok.text != "US":
            _quoted, speaker = self._quote_at(tok)
            return Holder(speaker, tok.idx, tok.idx + len(tok), pronoun=True) if speaker else None
        if tok.lower_ in PRONOUNS:
            named = self._speaker_at(tok)
            if named is None:
                return self._resolve(tok)
            return named if isinstance(named, Holder) else None
        return self._phrase_name(tok)

    def _phrase_name(self, tok: Token) -> Holder | None:
        """The actor a noun phrase names: its head, modifiers or possessor, or a holder word."""
        kinds = ("compound", "amod", "appos", "poss", "flat")
        phrase = [tok, *(c for c in tok.children if c.dep_ in kinds)]
        for word in phrase:
            if word.i in self.actors:
                return Holder(self.actors[word.i], word.idx, word.idx + len(word))
        span = self.doc[min(w.i for w in phrase) : max(w.i for w in phrase) + 1]
        text = self.text[span.start_char : span.end_char]
        for pattern, actor in self.rules.holders:
            if pattern.search(text):
                return Holder(actor, span.start_char, span.end_char)
        return None

    def _speaker_at(self, tok: Token) -> Holder | str | None:
        """The quote speaker a word names (the quotes extractor resolved it): Holder, "" or None.

        "" means the word names a speaker who is no case actor (a commentator).
        """
        for start, end, actor, name in self.speakers:
            if start <= tok.idx < end:
                if actor:
                    return Holder(actor, start, end)
                return "" if name else None
        return None

    def _resolve(self, pronoun: Token) -> Holder | None:
        """The nearest fitting actor name before a pronoun (this and the two previous sentences)."""
        person = pronoun.lower_ in ("he", "she", "him", "his", "her")
        first = pronoun.sent.start
        for _ in range(2):
            if first > 0:
                first = self.doc[first - 1].sent.start
        candidates = []
        for i in range(pronoun.i - 1, first - 1, -1):
            named = i in self.actors or i in self.persons
            if not named or (i + 1 < pronoun.i and (i + 1 in self.actors or i + 1 in self.persons)):
                continue  # one candidate per name: its last token
            tok = self.doc[i]
            is_person = i in self.persons or tok.ent_type_ == "PERSON"
            if is_person == person:
                candidates.append(tok)
        if not candidates:
            return None
        # Prefer the subject of a main clause, then any subject, then the nearest name.
        subjects = [t for t in candidates if t.dep_ in SUBJECTS]
        main = [t for t in subjects if t.head.dep_ == "ROOT"]
        best = candidates[0]
        if subjects and (best.sent != pronoun.sent or subjects[0].sent == pronoun.sent):
            best = (main or subjects)[0]
        if best.i not in self.actors:
            return None  # the nearest fitting name is not a case actor's
        return Holder(self.actors[best.i], best.idx, best.idx + len(best), pronoun=True)

    def _reports_own(self, tok: Token, holder: Holder, clause: Token | None = None) -> bool:
        """A verb of saying passes a stance on when its clause is about the holder or an obligation.

        `clause` picks one reported clause; by default any of them will do.
        """
        for child in tok.children:
            if child.dep_ != "ccomp" or (clause is not None and child.i != clause.i):
                continue
            if self._has_obligation(child):
                return True
            for sub in child.children:
                if sub.dep_ in ("nsubj", "nsubjpass"):
                    named = self._name(sub)
                    if named is not None and named.actor == holder.actor:
                        return True
        return False

    # -- what the article does not report as a stance ---------------------

    def _blocked(self, tok: Token) -> bool:
        quoted, speaker = self._quote_at(tok)
        if quoted and speaker is None:
            return True
        reported = quoted
        for cur in (tok, *tok.ancestors):
            if any(c.dep_ == "mark" and c.lower_ in self.lex.conditions for c in cur.children):
                return True
            if self._inverted_condition(cur):
                return True
            if cur.i != tok.i and self._is_reporting(cur):
                if self._commentator_says(cur):
                    return True
                reported = True
        if self._obliged(tok):
            return True
        speculative = any(
            c.dep_ == "aux" and c.lower_ in self.lex.speculative for c in tok.children
        )
        return speculative and not reported

    def _commentator_says(self, verb: Token) -> bool:
        for child in verb.children:
            if child.dep_ == "nsubj" and self._speaker_at(child) == "":
                return True
            if child.dep_ == "nsubj":
                if child.i in self.actors or self._name(child):
                    return False
                return child.i in self.persons or child.lemma_.lower() in self.lex.commentators
        return False

    def _inverted_condition(self, tok: Token) -> bool:
        """ "Had the US withdrawn aid, ...": an auxiliary before the subject opens a condition."""
        if tok.dep_ != "advcl":
            return False
        aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        subj = [c for c in tok.children if c.dep_ in SUBJECTS]
        return bool(aux and subj and aux[0].i < subj[0].i and aux[0].i == tok.left_edge.i)

    def _obliged(self, tok: Token) -> bool:
        """The cue is something someone must do ("would have to agree"), not does."""
        cur = tok
        while True:
            if self._has_obligation(cur, own_only=True):
                return True
            if cur.head.i == cur.i or self._is_reporting(cur.head):
                return False
            if cur.dep_ == "xcomp" and cur.head.lemma_ in ("have", "need"):
                return True
            cur = cur.head

    def _has_obligation(self, tok: Token, own_only: bool = False) -> bool:
        for child in tok.children:
            modal = child.lemma_.lower()
            if child.dep_ == "aux" and modal in self.lex.obligations and modal != "have":
                return True
            if not own_only and child.dep_ == "xcomp" and tok.lemma_ in ("have", "need"):
                return True
            if not own_only and child.dep_ == "xcomp" and child.lemma_ in ("have", "need"):
                return True
        return (
            not own_only
            and tok.lemma_ in ("have", "need")
            and any(c.dep_ == "xcomp" for c in tok.children)
        )

    def _is_reporting(self, tok: Token) -> bool:
        cue = self._cue(tok)
        return cue is not None and cue.reporting

    def _emits(self, tok: Token) -> bool:
        """Whether a word is a cue that makes a stance of its own (so others skip its clause)."""
        return self._cue(tok) is not None and isinstance(self._holder(tok), Holder)

    def _hedged(self, tok: Token) -> bool:
        hedges = self.lex.hedges
        for cur in (tok, *tok.ancestors):
            if cur.lemma_.lower() in hedges:
                return True
            if any(
                c.lemma_.lower() in hedges and c.dep_ in ("advmod", "aux") for c in cur.children
            ):
                return True
        return False
