"""Issue mentions: where an article names a case issue, found from the issue's own words.

An issue names itself in the case file: its id ("halt_military_aid"), label,
proposition, scale labels and keywords. `issue_index` parses those few phrases
once per case (never an article) and keeps their content lemmas with
- a weight: heads (nouns and verbs) count more than modifiers, a word used by
  several issues counts for less, synonyms (`extract/data/issue_words.yaml`)
  for less than the issue's own words;
- a polarity: +1 when the word names the proposition, -1 when it names the
  opposite: read from the issue text's own grammar ("arms deliveries ... stop":
  deliveries is under a shift, so "arms deliveries" names the opposite), and
  from the scale (words of the point-0 label name the opposite);
- derived forms ("mobilising" -> mobilisation, mobilization, mobilize...).

`IssueIndex.candidates` finds the tokens of an article that carry an issue word
with one vectorised lookup; `IssueIndex.mentions` groups them per noun phrase
(Python work only on sentences that also hold a cue) and keeps, per phrase, the
issue whose words weigh most there.
"""

from __future__ import annotations

import functools
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from parley.extract.stances.lexicon import Lexicon, lexicon

if TYPE_CHECKING:
    import numpy as np
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

    from parley.case import Case, Issue

CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
HEAD_POS = {"NOUN", "PROPN", "VERB"}
# Edges inside one noun phrase: a modifier's phrase is its head's.
PHRASE_EDGES = {"compound", "amod", "nmod", "nummod", "quantmod", "npadvmod", "poss"}
# Parts of an issue text that set circumstances, not the issue ("while talks go
# on", "independently of peace"): their words do not name it.
ADJUNCTS = {"advcl", "npadvmod"}
FLIP_PREPS = {"without", "against"}


@dataclass(frozen=True, slots=True)
class IssueWord:
    """One word naming an issue: its weight, polarity, and whether it can head a mention."""

    issue: str
    weight: float
    polarity: int
    head: bool
    exact: bool = True
    primary: bool = True


@dataclass(frozen=True, slots=True)
class IssueMatch:
    """An issue named in a sentence: the words (char span), their phrase head, the polarity.

    `route` is "rule" for a case rule's phrase, "frame" for the issue's own words;
    `cues` restricts a rule phrase to some cue lemmas.
    """

    issue: str
    polarity: int
    start: int
    end: int
    root: Token
    route: str = "frame"
    cues: frozenset[str] | None = None


@dataclass(frozen=True, slots=True)
class IssueWords:
    """The generic data of `extract/data/issue_words.yaml`."""

    synonyms: dict[str, frozenset[str]]
    opposites: dict[str, frozenset[str]]
    derivations: tuple[tuple[str, str], ...]
    generic: frozenset[str]
    weights: dict[str, float]


@functools.cache
def issue_words() -> IssueWords:
    """The issue-word lexicon shipped in `parley/extract/data/issue_words.yaml`."""
    resource = resources.files("parley.extract") / "data" / "issue_words.yaml"
    data = yaml.safe_load(resource.read_text(encoding="utf-8"))
    synonyms: dict[str, set[str]] = defaultdict(set)
    sets = {name: frozenset(_fold(w) for w in words) for name, words in data["synonyms"].items()}
    for words in sets.values():
        for word in words:
            synonyms[word] |= words - {word}
    opposites: dict[str, set[str]] = defaultdict(set)
    for first, second in data["opposites"]:
        for word in sets[first]:
            opposites[word] |= sets[second]
        for word in sets[second]:
            opposites[word] |= sets[first]
    return IssueWords(
        synonyms={k: frozenset(v) for k, v in synonyms.items()},
        opposites={k: frozenset(v) for k, v in opposites.items()},
        derivations=tuple((str(a), str(b)) for a, b in data["derivations"]),
        generic=frozenset(data["generic"]),
        weights={k: float(v) for k, v in data["weights"].items()},
    )


def _fold(word: str) -> str:
    return word.lower().replace("-", "")


def variants(word: str, derivations: Iterable[tuple[str, str]]) -> set[str]:
    """`word` and its forms one derivation away ("mobilise" -> "mobilisation", "mobilize")."""
    found = {word}
    for a, b in derivations:
        for old, new in ((a, b), (b, a)):
            if word.endswith(old) and len(word) - len(old) >= 4:
                found.add(word[: len(word) - len(old)] + new)
    return found


@dataclass(frozen=True)
class IssueIndex:
    """A case's issue words, ready for lookup in parsed articles."""

    words: dict[int, tuple[IssueWord, ...]]
    opposites: dict[str, frozenset[int]]
    threshold: float
    hashes: Any  # numpy array of the keys of `words`
    points: dict[str, tuple[tuple[int, frozenset[str]], ...]] = field(default_factory=dict)

    def candidates(self, doc: Doc) -> np.ndarray:
        """Indexes of the tokens whose lemma or lower-case form is an issue word."""
        import numpy as np
        from spacy.attrs import LEMMA, LOWER

        if len(doc) == 0 or not len(self.hashes):
            return np.zeros(0, dtype="int64")
        attrs = doc.to_array([LOWER, LEMMA])
        hit = np.isin(attrs[:, 0], self.hashes) | np.isin(attrs[:, 1], self.hashes)
        return np.flatnonzero(hit)

    def entries(self, tok: Token) -> tuple[IssueWord, ...]:
        return self.words.get(tok.lower, ()) or self.words.get(tok.lemma, ())

    def mentions(self, sent: Span, hits: Iterable[int]) -> list[IssueMatch]:
        """The issues named in a sentence: per noun phrase, the issue its words weigh most for."""
        doc = sent.doc
        phrases: dict[int, list[Token]] = defaultdict(list)
        for i in hits:
            tok = doc[i]
            phrases[_phrase_head(tok).i].append(tok)
        found = []
        for head_i, words in phrases.items():
            found += self._best(doc[head_i], words)
        return found

    def _best(self, head: Token, words: list[Token]) -> list[IssueMatch]:
        scores: dict[str, float] = defaultdict(float)
        headed: set[str] = set()
        polarity: dict[str, tuple[float, int]] = {}
        for tok in words:
            for entry in self.entries(tok):
                scores[entry.issue] += entry.weight
                headed |= {entry.issue} if entry.head else set()
                if entry.weight > polarity.get(entry.issue, (0.0, 0))[0]:
                    polarity[entry.issue] = (entry.weight, entry.polarity)
        ranked = sorted(
            (score, issue) for issue, score in scores.items()
            if score >= self.threshold and issue in headed
        )  # fmt: skip
        if not ranked:
            return []
        top = ranked[-1][0]
        start = min(t.idx for t in words)
        end = max(t.idx + len(t) for t in words)
        return [
            IssueMatch(issue, polarity[issue][1], start, end, head)
            for score, issue in ranked
            if score >= top - 1e-9
        ]

    def opposes(self, issue: str, tok: Token) -> bool:
        """Whether `tok` names the opposite of what names `issue` ("attacks" for a truce)."""
        return tok.lemma in self.opposites.get(issue, frozenset())


def _phrase_head(tok: Token) -> Token:
    cur = tok
    for _ in range(4):
        if cur.dep_ not in PHRASE_EDGES or cur.head.i == cur.i:
            break
        cur = cur.head
    return cur


def issue_index(case: Case) -> IssueIndex:
    """The compiled issue words of a case, cached by the case's issue texts."""
    key = json.dumps(
        {
            "issues": [_issue_texts(i) for i in case.issues],
            "names": sorted(case.name_index()),
        },
        sort_keys=True,
    )
    if key not in _INDEXES:
        if len(_INDEXES) >= 8:
            _INDEXES.pop(next(iter(_INDEXES)))
        _INDEXES[key] = _compile(case)
    return _INDEXES[key]


_INDEXES: dict[str, IssueIndex] = {}


def _compile(case: Case) -> IssueIndex:
    from parley.nlp import load_pipeline

    nlp = load_pipeline(case)
    words: dict[str, dict[str, IssueWord]] = defaultdict(dict)
    actor_words = {w for name in case.name_index() for w in name.split()}
    lex, data = lexicon(), issue_words()
    for issue in case.issues:
        for text, factor, polarity in _issue_texts(issue):
            doc = _parse(nlp, text)
            for tok, weight, head, sign in _content_words(doc, lex, data, actor_words):
                _add(words, tok, issue.id, weight * factor, head, sign * polarity, factor == 1.0)
    index = _finish(words, data, nlp)
    index.points.update({i.id: _points(nlp, i) for i in case.issues if len(i.scale) > 2})
    return index


def _points(nlp: Language, issue: Issue) -> tuple[tuple[int, frozenset[str]], ...]:
    """Each labelled scale point with the content lemmas only its label uses."""
    words = {
        point: frozenset(
            t.lemma_.lower() for t in _parse(nlp, label) if t.is_alpha and not t.is_stop
        )
        for point, label in issue.scale.items()
    }
    return tuple(
        (point, own - frozenset().union(*(w for p, w in words.items() if p != point)))
        for point, own in sorted(words.items())
    )


def _issue_texts(issue: Issue) -> list[tuple[str, float, int]]:
    """(text, weight factor, polarity) of every text in which an issue names itself."""
    weights = issue_words().weights
    texts = [(issue.id.replace("_", " ").replace("-", " "), 1.0, 1)]
    if issue.label and issue.label.lower() != texts[0][0].lower():
        texts.append((issue.label, 1.0, 1))
    if issue.proposition:
        texts.append((issue.proposition, 1.0, 1))
    texts += [(k, 1.0, 1) for k in issue.keywords]
    for point, label in sorted(issue.scale.items()):
        if point != 50:
            texts.append((label, weights["scale_label"], 1 if point > 50 else -1))
    return texts


@functools.lru_cache(maxsize=1024)
def _parse_cached(nlp: Language, text: str) -> Doc:
    return nlp(text)


def _parse(nlp: Language, text: str) -> Doc:
    return _parse_cached(nlp, text)


def _content_words(
    doc: Doc, lex: Lexicon, data: IssueWords, actor_words: set[str]
) -> Iterator[tuple[Token, float, bool, int]]:
    """(token, weight, can head, polarity) of the words of one issue text that name it."""
    weights = data.weights
    flips = _flip_counts(doc, lex)
    for tok in doc:
        lemma = tok.lemma_.lower()
        if (
            tok.pos_ not in CONTENT_POS
            or tok.is_stop
            or lemma in data.generic
            or tok.ent_id_
            or tok.lower_ in actor_words
            or _flip_word(tok, lex)
            or lemma in lex.reporting
            or _in_adjunct(tok)
        ):
            continue
        head = tok.pos_ in HEAD_POS
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "compound":
            weight = (weights["head"] + weights["modifier"]) / 2
        else:
            weight = (
                weights["head"] if head and tok.dep_ not in PHRASE_EDGES else weights["modifier"]
            )
            head = head and (tok.dep_ not in PHRASE_EDGES or tok.pos_ == "PROPN")
        yield tok, weight, head, -1 if flips[tok.i] % 2 else 1


def _flip_word(tok: Token, lex: Lexicon) -> bool:
    """Cue words, which carry no issue: shifts ("stop", "limited"), cues of support or
    opposition, negations, "without", "out of"."""
    lemma = tok.lemma_.lower()
    if tok.dep_ == "neg" or tok.lower_ in ("no", "never", "without", "against"):
        return True
    if tok.lower_ == "out" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "of":
        return True
    return lemma in lex.verbs or lemma in lex.nouns or lemma.removesuffix("ed") in lex.verbs


def _flip_counts(doc: Doc, lex: Lexicon) -> list[int]:
    """How many flipping words (negations, shifts, opposing cues) have each token in scope.

    A verb's or predicate's scope is its clause (its subject too: "deliveries
    stop", "enlargement is limited") without coordinated clauses; a noun's,
    negation's or preposition's is its phrase. Short propositions are often
    misparsed ("... stop" as a noun), so a flipping word that ends the text and
    governs no content word scopes over all before it.
    """
    counts = [0] * len(doc)
    last = max((t.i for t in doc if not t.is_punct), default=-1)
    for tok in doc:
        if not _flip_word(tok, lex) or tok.ent_id_:
            continue
        lemma = tok.lemma_.lower()
        cue = lex.verbs.get(lemma) or lex.verbs.get(lemma.removesuffix("ed"))
        if tok.pos_ == "NOUN":
            cue = lex.nouns.get(lemma) or cue
        if cue is not None and cue.polarity > 0:
            continue  # "agreed", "imposed": support keeps the sign
        scope = _scope(tok)
        if tok.i == last and not any(
            doc[i].pos_ in HEAD_POS and not doc[i].ent_id_ for i in scope - {tok.i}
        ):
            scope |= set(range(tok.i))
        for i in scope:
            counts[i] += 1
    return counts


def _scope(tok: Token) -> set[int]:
    if tok.dep_ == "neg" or tok.lower_ in ("not", "no", "never"):
        clause = tok.head
    elif tok.pos_ in ("VERB", "AUX"):
        clause = tok
    elif tok.pos_ == "ADJ" and tok.dep_ in ("acomp", "ROOT"):
        clause = tok.head if tok.dep_ == "acomp" else tok
    else:
        return {t.i for t in tok.subtree}
    other = {
        t.i
        for c in clause.children
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
        for t in c.subtree
    }
    return {t.i for t in clause.subtree} - other


def _in_adjunct(tok: Token) -> bool:
    return any(t.dep_ in ADJUNCTS for t in (tok, *tok.ancestors))


def _add(
    words: dict[str, dict[str, IssueWord]],
    tok: Token,
    issue: str,
    weight: float,
    head: bool,
    polarity: int,
    primary: bool,
) -> None:
    data = issue_words()
    forms = {_fold(tok.lemma_), _fold(tok.text)}
    for form in forms:
        for variant in variants(form, data.derivations):
            _put(words, variant, IssueWord(issue, weight, polarity, head, primary=primary))
        for synonym in data.synonyms.get(form, ()):
            entry = IssueWord(
                issue, weight * data.weights["synonym"], polarity, head, False, primary
            )
            for variant in variants(synonym, data.derivations):
                _put(words, variant, entry)


def _put(words: dict[str, dict[str, IssueWord]], form: str, entry: IssueWord) -> None:
    """Keep, per form and issue, the weightiest entry; a form that one issue's own words use
    with both polarities at the same weight names neither side, and is dropped."""
    old = words[form].get(entry.issue)
    if old is None:
        words[form][entry.issue] = entry
        return
    if old.polarity != entry.polarity and old.exact and entry.exact:
        if abs(old.weight - entry.weight) < 0.1:  # both sides, equally: names neither
            words[form][entry.issue] = IssueWord(entry.issue, 0.0, 0, False)
        elif entry.weight > old.weight:
            words[form][entry.issue] = entry
    elif old.polarity != 0 and (entry.weight, entry.exact) > (old.weight, old.exact):
        words[form][entry.issue] = entry
    if old.primary != entry.primary and entry.exact and old.exact:  # used in the issue's own text
        kept = words[form][entry.issue]
        words[form][entry.issue] = IssueWord(
            kept.issue, kept.weight, kept.polarity, kept.head, kept.exact, primary=True
        )


def _finish(words: dict[str, dict[str, IssueWord]], data: IssueWords, nlp: Language) -> IssueIndex:
    """Divide each weight by the number of issues whose own text (id, label, proposition,
    keywords; not scale labels) uses the word, and hash the forms."""
    import numpy as np

    strings = nlp.vocab.strings
    table: dict[int, tuple[IssueWord, ...]] = {}
    for form, by_issue in words.items():
        users = sum(1 for e in by_issue.values() if e.exact and e.primary) or 1
        entries = tuple(
            IssueWord(e.issue, e.weight / users, e.polarity, e.head, e.exact, e.primary)
            for e in by_issue.values()
            if e.polarity != 0
        )
        if entries:
            table[strings.add(form)] = entries
    opposites: dict[str, set[int]] = defaultdict(set)
    for form, by_issue in words.items():
        for opposite in data.opposites.get(form, ()):
            for issue in by_issue:
                opposites[issue] |= {strings.add(v) for v in variants(opposite, data.derivations)}
    return IssueIndex(
        words=table,
        opposites={k: frozenset(v) for k, v in opposites.items()},
        threshold=data.weights["threshold"],
        hashes=np.fromiter(table, dtype="uint64", count=len(table)),
    )
