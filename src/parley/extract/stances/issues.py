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
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from parley.case import name_key
from parley.extract.stances.lexicon import Cue, Lexicon, lexicon
from parley.extract.stances.quantities import Amount, best_point, label_amounts, phrase_amounts

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
# on", "independently of peace in Ukraine"): their words do not name it.
ADJUNCTS = {"advcl", "npadvmod", "advmod"}
FLIP_PREPS = {"without", "against"}
# Entity types of amounts and times, which name no issue ("20 percent", "April").
MEASURES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"}
# A verb's dependents that make it a verb of its own ("force Kyiv", "was forced to leave").
GOVERNED = {"dobj", "obj", "xcomp", "ccomp", "nsubjpass", "auxpass"}
# Entity types of places and peoples: a name several issues use is the arena, not an issue.
PLACES = {"GPE", "LOC", "FAC", "NORP"}


@dataclass(frozen=True, slots=True)
class IssueWord:
    """One word naming an issue: its weight, polarity, and whether it can head a mention."""

    issue: str
    weight: float
    polarity: int
    head: bool
    exact: bool = True
    primary: bool = True
    source: int = 0
    bare: bool = True
    verbal: bool = True
    proper: bool = False
    surface: bool = False  # the issue text has this very form ("force", not "forces")


@dataclass(frozen=True, slots=True)
class IssueMatch:
    """An issue named in a sentence: the words (char span), their phrase head, the polarity.

    `route` is "rule" for a case rule's phrase, "frame" for the issue's own words,
    "summary" for a noun summing up its clause (read only by its own relative clause);
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
    contrasts: frozenset[tuple[str, str]] = frozenset()
    harm: frozenset[str] = frozenset()
    manner_preps: frozenset[str] = frozenset()


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
        contrasts=frozenset((str(a), str(b)) for a, b in data.get("contrasts") or ()),
        harm=frozenset(_fold(w) for w in data.get("harm") or ()),
        manner_preps=frozenset(data.get("manner_preps") or ()),
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
    actors: dict[str, frozenset[str]] = field(default_factory=dict)  # actors each issue names
    agents: dict[str, frozenset[str]] = field(default_factory=dict)  # its proposition's subject
    amounts: dict[str, tuple[Amount, ...]] = field(default_factory=dict)  # amounts its scale names

    def candidates(self, doc: Doc, attrs: np.ndarray | None = None) -> np.ndarray:
        """Indexes of the tokens whose lemma or lower-case form is an issue word (`attrs`:
        the doc's LOWER and LEMMA columns, if already read)."""
        import numpy as np
        from spacy.attrs import LEMMA, LOWER

        if len(doc) == 0 or not len(self.hashes):
            return np.zeros(0, dtype="int64")
        if attrs is None:
            attrs = doc.to_array([LOWER, LEMMA])
        hit = np.isin(attrs[:, 0], self.hashes) | np.isin(attrs[:, 1], self.hashes)
        hyphens = np.flatnonzero(attrs[:, 0] == doc.vocab.strings["-"])
        for i in hyphens.tolist():  # "cease-fire" is three tokens
            if 0 < i < len(doc) - 1 and self._compound(doc[i + 1]):
                hit[i - 1] = hit[i + 1] = True
        return np.flatnonzero(hit)

    def _compound(self, tok: Token) -> tuple[IssueWord, ...]:
        """The issue words of a hyphenated word ending in `tok` ("cease-fire" -> ceasefire)."""
        doc = tok.doc
        if tok.i < 2 or doc[tok.i - 1].text != "-" or doc[tok.i - 2].whitespace_:
            return ()
        form = _fold(doc[tok.i - 2].text + tok.text)
        return self.words.get(doc.vocab.strings[form], ()) if form in doc.vocab.strings else ()

    def entries(self, tok: Token) -> tuple[IssueWord, ...]:
        """The issue words a token carries (both parts of a hyphenated one: "cease-fire");
        a verb with an object, a complement or a passive subject carries only the words the
        issue texts use as verbs ("sought to force Kyiv" does not name "forces")."""
        doc = tok.doc
        found = self.words.get(tok.lower, ()) or self.words.get(tok.lemma, ())
        if not found and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-":
            found = self._compound(doc[tok.i + 2])
        found = found or self._compound(tok)
        if found and tok.pos_ == "VERB" and any(c.dep_ in GOVERNED for c in tok.children):
            return tuple(e for e in found if e.verbal)  # "forced to leave" is not "forces"
        return found

    def mentions(
        self,
        sent: Span,
        hits: Iterable[int],
        actor_of: ActorOf | None = None,
        lines: Any = None,
    ) -> list[IssueMatch]:
        """The issues named in a sentence: per noun phrase, the issue its words weigh most for.

        `actor_of` gives the case actor a word names, if any: an actor named in the phrase
        ("Israeli troops", "a role for the Authority") favours the issues whose texts name
        it, and an agent other than the one an issue's proposition names ("US troops" for
        "Israeli forces withdraw") rules that issue out. `lines` (the paragraph number of
        every token) keeps a phrase within its paragraph when the parser joined two."""
        doc = sent.doc
        phrases: dict[int, list[Token]] = defaultdict(list)
        for i in hits:
            tok = doc[i]
            if tok.ent_id_ or _conditional(tok) or _means(tok):  # "in exchange for", "by force"
                continue
            phrases[_phrase_head(tok, lines).i].append(tok)
        found = []
        for head_i, words in phrases.items():
            head = doc[head_i]
            context = [
                doc[i] for i in hits if doc[i] not in words and _attached(doc[i], head, lines)
            ]
            named, agents = _phrase_actors(head, actor_of) if actor_of else (set(), set())
            found += self._best(head, words, context, named, agents)
        return found

    def _best(
        self,
        head: Token,
        words: list[Token],
        context: list[Token],
        named: AbstractSet[str] = frozenset(),
        agents: AbstractSet[str] = frozenset(),
    ) -> list[IssueMatch]:
        """The issues a phrase names; words of its own clauses and prepositional phrases
        ("the levy Trump imposed over fentanyl") and the actors it names help choose among
        the issues it names."""
        scores: dict[str, float] = defaultdict(float)
        counts: dict[str, int] = defaultdict(int)  # words naming each issue: breaks ties
        headed: set[str] = set()
        polarity: dict[str, tuple[float, int, Token]] = {}
        for tok in words:
            for entry in self.entries(tok):
                scores[entry.issue] += entry.weight
                counts[entry.issue] += 1
                headed |= {entry.issue} if entry.head else set()
                best = polarity.get(entry.issue)
                if entry.polarity and (best is None or entry.weight > best[0]):
                    polarity[entry.issue] = (entry.weight, entry.polarity, tok)
        extra: dict[str, float] = defaultdict(float)
        for tok in context:
            for entry in self.entries(tok):
                extra[entry.issue] += entry.weight
                counts[entry.issue] += 1
        points, measured = self._amounts(head, scores, headed)
        bonus: dict[str, float] = defaultdict(float)  # breaks ties, never makes a mention
        for issue in scores:
            own = self.actors.get(issue, frozenset())
            if agents and self.agents.get(issue) and not agents & own and _explicit(head):
                headed.discard(issue)  # someone else's troops
            elif agents & own and head in words:
                extra[issue] += ACTOR_WEIGHT  # "Israeli troops" names the Israeli forces
            elif named & own:
                bonus[issue] = ACTOR_WEIGHT
        ranks = {i: (round(scores[i] + extra[i] + bonus[i], 6), counts[i], i) for i in scores}
        ranked = sorted(
            ranks[issue]
            for issue, score in scores.items()
            if score + extra[issue] >= self.threshold
            and issue in headed
            and (issue in polarity or issue in points)
        )  # fmt: skip
        if not ranked:
            ranked = self._shared(head, words, ranks, headed, polarity)
        if not ranked:
            return []
        top = ranked[-1][:2]
        start = min(t.idx for t in (*words, *measured))
        end = max(t.idx + len(t) for t in (*words, *measured))
        for entry in self.entries(head):  # the phrase's head says what it names
            if entry.polarity and head in words and entry.issue in polarity:
                polarity[entry.issue] = (entry.weight, entry.polarity, head)
        for issue, point in points.items():  # "a 30 percent tariff": the amount's side
            polarity[issue] = (1.0, 1 if point >= MIDDLE else -1, head)
        negators = lexicon().negators  # "zero dam building": a negator below the head
        flip = (
            -1 if any(c.lower_ in negators for w in words if w != head for c in w.children) else 1
        )
        return [
            IssueMatch(
                issue,
                flip * polarity[issue][1] * self._phrase_sign(issue, polarity[issue][2], head),
                start,
                end,
                head,
            )
            for *rank, issue in ranked
            if tuple(rank) == top
        ]

    def _shared(
        self,
        head: Token,
        words: list[Token],
        ranks: dict[str, tuple[float, int, str]],
        headed: set[str],
        polarity: dict[str, tuple[float, int, Token]],
    ) -> list[tuple[float, int, str]]:
        """A head word several issues share, which names one of them in full ("tariffs"):
        the issue the phrase's other words and clauses favour, when one leads clearly
        ("tariffs on industrial goods" where one issue's text says "industrial goods")."""
        if head not in words:
            return []
        shared = [e for e in self.entries(head) if e.head and e.exact and e.primary]
        if len(shared) < 2 or sum(e.weight for e in shared) < self.threshold:
            return []
        ranked = sorted(
            ranks[i] for i in {e.issue for e in shared} if i in headed and i in polarity
        )
        if len(ranked) < 2 or ranked[-1][0] - ranked[-2][0] < SHARED_MARGIN:
            return []
        return ranked[-1:]

    def _amounts(
        self, head: Token, scores: dict[str, float], headed: set[str]
    ) -> tuple[dict[str, int], list[Token]]:
        """The scale points the amounts of a phrase name, per issue its words name ("a 30
        percent tariff", where a label says "30 percent"): the issues whose labels fit the
        amount most closely gain weight and may head the phrase. Updates `scores` and
        `headed`; returns the points and the amount tokens."""
        if not self.amounts or not scores:
            return {}, []
        found = phrase_amounts(head)
        if not found:
            return {}, []
        values = [value for value, _tok in found]
        fits = {
            issue: best
            for issue in scores
            if (best := best_point(self.amounts.get(issue, ()), values)) is not None
        }
        closest = max((fit for _point, fit in fits.values()), default=0.0)
        points = {issue: point for issue, (point, fit) in fits.items() if fit == closest}
        for issue in points:  # "200 percent": the label of "100 percent or more", not "20 or more"
            scores[issue] += AMOUNT_WEIGHT
            headed.add(issue)
        return points, [t for _value, tok in found for t in (tok, tok.nbor(1))] if points else []

    def _phrase_sign(self, issue: str, tok: Token, head: Token) -> int:
        """-1 when a shift inside the phrase governs the issue word ("a tariff cut", "reduced
        tariffs", "sanctions relief"), once per shift; the issue's own words never count."""
        lex = lexicon()
        chain = [a for a in tok.ancestors if a.i != tok.i][: _depth(tok, head)]
        mods = [c for c in head.children if c.dep_ in ("amod", "compound") and c.i != tok.i]
        sign = 1
        for word in (*chain, *mods):
            if any(e.issue == issue for e in self.entries(word)):
                continue
            found = lex.nouns.get(word.lemma_.lower()) or lex.verbs.get(word.lemma_.lower())
            if found is not None and found.shift:
                sign = -sign
        return sign

    def own_object(self, issue: str, obj: Token, actor_of: ActorOf) -> bool:
        """Whether a verb's object is what the issue's own verb acts on: an actor its texts
        name ("disarm the Front") or a place ("demilitarise the island")."""
        actor = actor_of(obj)
        if actor is not None:
            return actor in self.actors.get(issue, ())
        return obj.ent_type_ in PLACES and obj.pos_ == "PROPN"

    def opposes(self, issue: str, tok: Token) -> bool:
        """Whether `tok` names the opposite of what names `issue` ("attacks" for a truce)."""
        if tok.lemma not in self.opposites.get(issue, frozenset()):
            return False
        generic = issue_words().generic  # "strike a deal" is no attack
        return not any(c.dep_ == "dobj" and c.lemma_.lower() in generic for c in tok.children)


ActorOf = Callable[["Token"], "str | None"]
# What an amount a scale label names adds to its issue's score (less than a word of the
# issue's own: "a 50 percent tariff on steel" is the steel issue's, whatever label says 50),
# and the point from which an amount names the proposition's side, not its opposite.
AMOUNT_WEIGHT = 0.75
# How far the issue a shared head word names must lead the others on the phrase's other
# words (half a modifier's weight: "industrial goods" decides, a stray word does not).
SHARED_MARGIN = 0.25
MIDDLE = 50
# What an actor named in a phrase adds to the issues whose texts name it (a tie-breaker).
ACTOR_WEIGHT = 0.5
AGENT_EDGES = {"poss", "compound", "amod", "nmod"}  # "Israeli troops", "Hamas's weapons"


def _phrase_actors(head: Token, actor_of: ActorOf) -> tuple[set[str], set[str]]:
    """(actors named in a phrase, its agents): the agents are the head's possessor and
    modifiers (a verb's subject), the others the objects of its "of"/"for"/"to" phrases."""
    agents: set[str] = set()
    named: set[str] = set()
    for child in head.children:
        if child.dep_ in AGENT_EDGES or (head.pos_ == "VERB" and child.dep_ == "nsubj"):
            agents |= {a for t in (child, *child.children) if (a := actor_of(t))}
        elif child.dep_ == "prep" and child.lower_ in ("of", "for", "to"):
            named |= {a for t in child.subtree if (a := actor_of(t))}
    return named | agents, agents


def _explicit(head: Token) -> bool:
    """Whether a phrase's agent is named, not a pronoun ("its troops" may be anyone's)."""
    return not any(c.lower_ in ("its", "their") for c in head.children if c.dep_ == "poss")


# Edges by which a word belongs to a noun's own clauses and phrases ("the levy Trump
# imposed over fentanyl"), for choosing among the issues the noun names.
ATTACHED = {"prep", "pobj", "relcl", "acl", "compound", "amod", "nmod", "npadvmod"}


def _attached(tok: Token, head: Token, lines: Any = None) -> bool:
    """Whether `tok` is in `head`'s prepositional phrases or relative clause (3 steps)."""
    cur = tok
    for _ in range(3):
        if cur.dep_ not in ATTACHED or cur.head.i == cur.i or _crosses(cur, lines):
            return False
        cur = cur.head
        if cur.i == head.i:
            return True
    return False


def _conditional(tok: Token) -> bool:
    """The noun of "in exchange for" or "in return for", which names a condition."""
    lex = lexicon()
    return tok.lemma_.lower() in lex.exchange_nouns and any(c.lower_ == "for" for c in tok.children)


def _means(tok: Token) -> bool:
    """A bare noun after "by" ("by force", "by agreement"): how something is done."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.pos_ == "NOUN" and not tok.n_lefts


def _depth(tok: Token, head: Token) -> int:
    """How many steps up from `tok` its phrase head is (0 when it is the head)."""
    steps, cur = 0, tok
    while cur.i != head.i and cur.head.i != cur.i:
        cur, steps = cur.head, steps + 1
    return steps if cur.i == head.i else 0


def _phrase_head(tok: Token, lines: Any = None) -> Token:
    """The head of the noun phrase a word belongs to, through modifiers and participles
    ("sanctions reimposed", "the law suspending cooperation"), within its paragraph."""
    cur = tok
    for _ in range(4):
        participle = cur.dep_ == "acl" and cur.tag_ in ("VBN", "VBG")
        if (cur.dep_ not in PHRASE_EDGES and not participle) or cur.head.i == cur.i:
            break
        if _crosses(cur, lines):
            break
        cur = cur.head
    return cur


def _crosses(tok: Token, lines: Any) -> bool:
    """Whether a word's head stands in another paragraph (the parser joined two)."""
    return lines is not None and bool(lines[tok.head.i] != lines[tok.i])


def issue_index(case: Case) -> IssueIndex:
    """The compiled issue words of a case, cached by the case's issue texts (and, for the
    articles of one build, by the case object itself)."""
    last = _LAST.get("case")
    if last is not None and last[0] is case:
        return last[1]
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
    _LAST["case"] = (case, _INDEXES[key])
    return _INDEXES[key]


_INDEXES: dict[str, IssueIndex] = {}
_LAST: dict[str, tuple[Case, IssueIndex]] = {}


def _compile(case: Case) -> IssueIndex:
    from parley.nlp import load_pipeline

    nlp = load_pipeline(case)
    words: dict[str, dict[str, list[IssueWord]]] = defaultdict(lambda: defaultdict(list))
    actor_words = _actor_words(case)
    lex, data = lexicon(), issue_words()
    named: dict[str, set[str]] = defaultdict(set)
    agents: dict[str, set[str]] = defaultdict(set)
    for issue in case.issues:
        for text, factor, polarity, source in _issue_texts(issue):
            doc = _parse(nlp, text)
            named[issue.id] |= _actors_named(doc, case)
            if source == PROPOSITION:
                agents[issue.id] |= _agents(doc, case)
            for tok, weight, head, sign, bare in _content_words(doc, lex, data, actor_words):
                entry = IssueWord(issue.id, weight * factor, sign * polarity, head, True)
                verbal, proper = tok.pos_ == "VERB", _place(tok)
                primary = not any(_aside(t) for t in (tok, *tok.ancestors))  # not said in passing
                entry = replace(
                    entry, source=source, bare=bare, verbal=verbal, proper=proper, primary=primary
                )
                _add(words, tok, entry)
    index = _finish(words, data, nlp)
    index.points.update({i.id: _points(nlp, i) for i in case.issues if len(i.scale) > 2})
    index.actors.update({issue: frozenset(actors) for issue, actors in named.items() if actors})
    index.agents.update({issue: frozenset(actors) for issue, actors in agents.items() if actors})
    amounts = {i.id: label_amounts(i.scale) for i in case.issues}
    index.amounts.update({issue: found for issue, found in amounts.items() if found})
    return index


def _agents(doc: Doc, case: Case) -> set[str]:
    """The actors an issue's proposition names as its agent: the active subject of its main
    verb ("Israeli forces withdraw", "Hamas gives up"), not a passive one ("Iran's sites are
    attacked")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subjects = [c for c in root.children if c.dep_ == "nsubj"] if root is not None else []
    return {a for s in subjects for a in _actors_named(s.doc[s.left_edge.i : s.i + 1], case)}


def _place(tok: Token) -> bool:
    """A proper name of a place or people ("Gaza", "the Strip", "Palestinians")."""
    return tok.pos_ == "PROPN" or tok.ent_type_ in PLACES


def _actors_named(doc: Iterable[Token], case: Case) -> set[str]:
    """The case actors an issue text names ("Israeli forces", "the Palestinian Authority")."""
    from parley.extract.stances.context import demonyms

    names = case.name_index()
    forms = demonyms(names, lexicon())
    found = {t.ent_id_ for t in doc if t.ent_id_ in set(case.actor_ids)}
    return found | {forms[t.lower_] for t in doc if t.lower_ in forms}


def _actor_words(case: Case) -> set[str]:
    """Words that name an actor alone: one-word names and aliases, their adjectives
    ("Iranian"), and people's surnames ("Tariff" in "Customs Tariff Commission" still
    names an issue)."""
    from parley.extract.stances.context import demonyms

    names = case.name_index()
    words = {name for name in names if " " not in name} | set(demonyms(names, lexicon()))
    return words | {name_key(p).split()[-1] for actor in case.actors for p in actor.people}


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


# Where an issue text comes from, in the order its words' polarity is trusted: the
# proposition states the side, the scale labels its ends, names only the topic.
PROPOSITION, SCALE, NAME = 0, 1, 2


def _issue_texts(issue: Issue) -> list[tuple[str, float, int, int]]:
    """(text, weight factor, polarity, source) of every text in which an issue names itself."""
    weights = issue_words().weights
    texts = [(issue.id.replace("_", " ").replace("-", " "), 1.0, 1, NAME)]
    if issue.label and issue.label.lower() != texts[0][0].lower():
        texts.append((issue.label, 1.0, 1, NAME))
    if issue.proposition:
        texts.append((issue.proposition, 1.0, 1, PROPOSITION))
    texts += [(k, 1.0, 1, NAME) for k in issue.keywords]
    for point, label in sorted(issue.scale.items()):
        texts.append((label, weights["scale_label"], 1 if point > 0 else -1, SCALE))
    return texts


@functools.lru_cache(maxsize=1024)
def _parse_cached(nlp: Language, text: str) -> Doc:
    return nlp(text)


def _parse(nlp: Language, text: str) -> Doc:
    return _parse_cached(nlp, text)


def _content_words(
    doc: Doc, lex: Lexicon, data: IssueWords, actor_words: set[str]
) -> Iterator[tuple[Token, float, bool, int, bool]]:
    """(token, weight, can head, polarity, bare) of the words of one issue text that name it.

    A word is bare when no other such word modifies it ("tariffs" in "cut the tariffs",
    not in "fentanyl tariff"). Verbs of a relative clause only describe ("the towns it
    seized"): they weigh as modifiers.
    """
    weights = data.weights
    flips = _flip_counts(doc, lex, data.contrasts)
    content = [tok for tok in doc if _names_issue(tok, lex, data, actor_words)]
    indexes = {tok.i for tok in content}
    neutral = _contrasted_synonyms(doc, content, data)
    own = _own_shift(doc, lex, data)
    if own is not None:  # "Israeli forces withdraw": the withdrawal names the issue
        yield own, weights["head"], True, -1 if (flips[own.i] - 1) % 2 else 1, True
    for tok in content:
        head = tok.pos_ in HEAD_POS and tok.dep_ not in ("relcl", "acl")
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "compound":
            weight = (weights["head"] + weights["modifier"]) / 2
        else:
            weight = (
                weights["head"] if head and tok.dep_ not in PHRASE_EDGES else weights["modifier"]
            )
            head = head and (tok.dep_ not in PHRASE_EDGES or tok.pos_ == "PROPN")
        bare = not any(c.i in indexes and c.dep_ in PHRASE_EDGES for c in tok.children)
        sign = 0 if tok.i in neutral else -1 if flips[tok.i] % 2 else 1
        yield tok, weight, head, sign, bare


def _contrasted_synonyms(doc: Doc, content: list[Token], data: IssueWords) -> set[int]:
    """Words after "rather than" that the rest of the text names in other words ("a permanent
    ceasefire rather than a temporary truce"): the contrast is in their modifiers, so the
    word itself names the topic, not a side."""
    inside: set[int] = set()
    for tok in doc:
        if tok.i > 0 and (doc[tok.i - 1].lower_, tok.lower_) in data.contrasts:
            inside |= _contrast_scope(tok)
    if not inside:
        return set()
    outside = {_fold(t.lemma_) for t in content if t.i not in inside}
    return {
        t.i
        for t in content
        if t.i in inside
        and ({_fold(t.lemma_)} | data.synonyms.get(_fold(t.lemma_), set())) & outside
    }


def _own_shift(doc: Doc, lex: Lexicon, data: IssueWords) -> Token | None:
    """The main verb of an issue text when it is a shift that names a meaning of its own
    (a synonym set of `issue_words.yaml`: "withdraw" -> withdrawal), not a general one
    ("stop", "cut", "leave")."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.pos_ != "VERB":
        return None
    found = _cue_of(root, lex)
    if found is None or not found.shift:
        return None
    forms = variants(_fold(root.lemma_), data.derivations)
    return root if forms & data.synonyms.keys() else None


def _names_issue(tok: Token, lex: Lexicon, data: IssueWords, actor_words: set[str]) -> bool:
    """Whether a word of an issue text can name the issue (a content word, no actor's name,
    no cue, no amount, no word of every issue)."""
    lemma = tok.lemma_.lower()
    return not (
        tok.pos_ not in CONTENT_POS
        or tok.is_stop
        or tok.like_num
        or tok.ent_type_ in MEASURES
        or lemma in data.generic
        or tok.ent_id_
        or tok.lower_ in actor_words
        or _flip_word(tok, lex)
        or lemma in lex.reporting
        or _in_adjunct(tok)
    )


def _flip_word(tok: Token, lex: Lexicon) -> bool:
    """Cue words, which carry no issue: shifts ("stop", "limited", "give up"), cues of support
    or opposition, negations, "without", "out of"."""
    lemma = tok.lemma_.lower()
    if tok.dep_ == "neg" or tok.lower_ in lex.negators or tok.lower_ in FLIP_PREPS:
        return True
    if tok.lower_ == "out" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "of":
        return True
    return _cue_of(tok, lex) is not None or lemma.removesuffix("ed") in lex.verbs


def _cue_of(tok: Token, lex: Lexicon) -> Cue | None:
    """The cue a word of an issue text is: a phrasal verb ("gives up"), a verb or a noun."""
    lemma = tok.lemma_.lower()
    if tok.pos_ in ("VERB", "AUX"):
        for child in tok.children:
            phrasal = lex.phrasal.get((lemma, child.lemma_.lower()))
            if phrasal is not None and child.dep_ in ("prt", "prep", "advmod"):
                return phrasal
    if tok.pos_ == "NOUN":
        return lex.nouns.get(lemma) or lex.verbs.get(lemma)
    return lex.verbs.get(lemma) or lex.verbs.get(lemma.removesuffix("ed")) or lex.nouns.get(lemma)


def _flip_counts(doc: Doc, lex: Lexicon, contrasts: frozenset[tuple[str, str]]) -> list[int]:
    """How many flipping words (negations, shifts, opposing cues) have each token in scope.

    A verb's or predicate's scope is its clause (its subject too: "deliveries
    stop", "enlargement is limited") without coordinated clauses; a noun's,
    negation's or preposition's is its phrase; "rather than" and "instead of" scope
    over what follows them. Short propositions are often misparsed ("... stop" as a
    noun), so a flipping word that ends the text and governs no content word scopes
    over all before it.
    """
    counts = [0] * len(doc)
    last = max((t.i for t in doc if not t.is_punct), default=-1)
    for tok in doc:
        if tok.i > 0 and (doc[tok.i - 1].lower_, tok.lower_) in contrasts:
            for i in _contrast_scope(tok):
                counts[i] += 1
            continue
        if not _flip_word(tok, lex) or tok.ent_id_:
            continue
        cue = _cue_of(tok, lex)
        if cue is not None and cue.polarity > 0:
            continue  # "agreed", "imposed": support keeps the sign
        scope = _scope(tok, lex)
        if (
            tok.i == last
            and not _adverbial(tok, lex)
            and not any(doc[i].pos_ in HEAD_POS and not doc[i].ent_id_ for i in scope - {tok.i})
        ):
            scope |= set(range(_segment_start(tok), tok.i))
        for i in scope:
            counts[i] += 1
    return counts


def _contrast_scope(tok: Token) -> set[int]:
    """ "rather than through a mediator": the phrase after the contrast's last word."""
    if tok.i + 1 >= len(tok.doc):
        return set()
    after = tok.doc[tok.i + 1]
    found = {t.i for t in tok.subtree} | {t.i for t in after.subtree}
    return {i for i in found if i > tok.i}


def _scope(tok: Token, lex: Lexicon) -> set[int]:
    """The tokens a flipping word bears on, without adjuncts of time, circumstance or manner
    ("stop fighting under a ceasefire", "the war ends with a ceasefire"), coordinated
    clauses and non-restrictive relative clauses ("Gaza, which passes to a committee")."""
    found = _reach(tok, lex)
    doc = tok.doc
    outside = lex.adjunct_preps | issue_words().manner_preps
    adjuncts = {
        t.i
        for i in found
        if i != tok.i and (
            (doc[i].dep_ == "prep" and doc[i].lower_ in outside) or _aside(doc[i])
        )
        for t in doc[i].subtree
    }  # fmt: skip
    return found - adjuncts


def _aside(tok: Token) -> bool:
    """A non-restrictive relative clause: set off by a comma ("Gaza, which passes to ...")."""
    return tok.dep_ == "relcl" and tok.left_edge.i > 0 and tok.doc[tok.left_edge.i - 1].text == ","


def _reach(tok: Token, lex: Lexicon) -> set[int]:
    if tok.lower_ in lex.negators and tok.head.pos_ in ("NOUN", "PROPN", "ADJ"):
        return {t.i for t in _phrase_head(tok.head).subtree}  # "no transit route"
    if tok.dep_ == "neg" or tok.lower_ in ("not", *lex.negators):
        clause = tok.head
    elif tok.dep_ in ("acl", "amod") and tok.head.dep_ == "ROOT" and tok.head.pos_ == "NOUN":
        return {t.i for t in tok.head.subtree}  # a label's predicate: "defensive measures lifted"
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


def _segment_start(tok: Token) -> int:
    """Where the comma- or semicolon-separated part of a text holding `tok` starts."""
    for i in range(tok.i - 1, -1, -1):
        if tok.doc[i].text in (",", ";"):
            return i + 1
    return 0


def _adverbial(tok: Token, lex: Lexicon) -> bool:
    """Whether a word is the object of an adverbial preposition ("without delay")."""
    return tok.dep_ == "pobj" and tok.head.lower_ in (*FLIP_PREPS, *lex.adjunct_preps)


def _in_adjunct(tok: Token) -> bool:
    """Whether a word sits in an adjunct ("while talks go on", "independently of peace",
    "after the war")."""
    preps = lexicon().adjunct_preps
    return any(
        t.dep_ in ADJUNCTS
        or (t.dep_ == "prep" and (t.lower_ in preps or any(c.dep_ == "advmod" for c in t.children)))
        for t in (tok, *tok.ancestors)
    )


def _add(words: dict[str, dict[str, list[IssueWord]]], tok: Token, entry: IssueWord) -> None:
    """File an issue text's word under its forms, derived forms and synonyms."""
    data = issue_words()
    entry = replace(entry, primary=entry.primary and entry.source != SCALE)
    synonym = replace(entry, weight=entry.weight * data.weights["synonym"], exact=False)
    forms = {_fold(tok.lemma_), _fold(tok.text)}
    shift = _cue_of(tok, lexicon())  # an issue's own shift ("withdraw"): its meaning's words
    meaning = shift is not None and shift.shift
    for form in forms:
        synonyms = set(data.synonyms.get(form, ())) if tok.pos_ != "PROPN" else set()
        for variant in variants(form, data.derivations):  # "signing" -> the verb "sign"
            derived = variant not in forms and len(variant) < len(form)
            surface = variant == _fold(tok.text)
            words[variant][entry.issue].append(
                replace(entry, verbal=entry.verbal or derived, surface=surface)
            )
            synonyms |= data.synonyms.get(variant, set()) if meaning else set()
        for other in synonyms:
            if other in cue_words() and not meaning:
                continue  # "withdrawal" for "pullback": a shift, not the issue
            for variant in variants(other, data.derivations):
                words[variant][entry.issue].append(synonym)


@functools.cache
def cue_words() -> frozenset[str]:
    """Lemmas of shifts and cues of opposition, which invert what they govern (never a
    synonym of an issue word: "withdrawal" for "pullback")."""
    lex = lexicon()
    cues = (*lex.verbs.items(), *lex.nouns.items())
    return frozenset(word for word, found in cues if found.polarity < 0)


def _merge(entries: list[IssueWord]) -> IssueWord:
    """One entry per form and issue: the issue's own words before synonyms, the greatest
    weight, and the polarity of the most trusted text using the word (the proposition,
    then the scale labels, then the id, label and keywords); a form that text uses on
    both sides ("indirect talks" at 0, "direct talks" at 100) is neutral (polarity 0):
    it names the issue's topic but no side."""
    own = [e for e in entries if e.exact] or entries
    trusted = min(e.source for e in own)
    sides = {e.polarity for e in own if e.source == trusted}
    best = max(own, key=lambda e: e.weight)
    return IssueWord(
        best.issue,
        best.weight,
        sides.pop() if len(sides) == 1 else 0,
        any(e.head for e in own),
        best.exact,
        any(e.primary for e in own),
        trusted,
        any(e.bare for e in own if e.source == trusted),
        any(e.verbal for e in entries),
        any(e.proper for e in own),
        any(e.surface for e in own),
    )


def _finish(
    words: dict[str, dict[str, list[IssueWord]]], data: IssueWords, nlp: Language
) -> IssueIndex:
    """Merge each form's entries per issue, divide each weight by the number of issues whose
    own text (id, label, proposition, keywords; not scale labels) uses the word on one side
    (only those using it bare, when some do: "tariffs" names the issue that says "the
    tariffs", not the one that says "fentanyl tariff"), and hash the forms."""
    import numpy as np

    strings = nlp.vocab.strings
    table: dict[int, tuple[IssueWord, ...]] = {}
    for form, by_issue in words.items():
        merged = [_merge(entries) for entries in by_issue.values()]
        if sum(1 for e in merged if e.proper and e.exact) > 1:
            continue  # a place several issues name is where they all happen ("Gaza")
        users = [e for e in merged if e.exact and e.primary and e.polarity]
        same = [e for e in users if e.surface]  # number agrees: "a force" is not "forces"
        agree = 0 < len(same) < len(users) and all(e.head and not e.source for e in users)
        bare = same if agree else [e for e in users if e.bare]
        table[strings.add(form)] = tuple(
            replace(e, weight=e.weight / (len(bare) if e in bare else len(users) or 1))
            for e in merged
        )
    opposites: dict[str, set[int]] = defaultdict(set)
    for form, by_issue in words.items():
        for opposite in data.opposites.get(form, ()):
            for issue in by_issue:
                opposites[issue] |= {strings.add(v) for v in variants(opposite, data.derivations)}
    harm = {v for word in data.harm for v in variants(word, data.derivations)}
    named = {issue for form in harm & words.keys() for issue in words[form]}
    for issue in {i for by_issue in words.values() for i in by_issue} - named:
        opposites[issue] |= {strings.add(v) for v in harm}  # "the targeting of students"
    return IssueIndex(
        words=table,
        opposites={k: frozenset(v) for k, v in opposites.items()},
        threshold=data.weights["threshold"],
        hashes=np.fromiter(table, dtype="uint64", count=len(table)),
    )
