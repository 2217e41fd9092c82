"""Draft a case file from a corpus: the actors it names and the issues it bargains over.

`draft_case` reads the articles, parses each once with the build's pipeline,
takes the build's entity mentions and merges them across the corpus
(`parley.analysis.entities.merge_entities`), then:

1. **Actors**: states and organisations, grouped with the other names the
   articles use for them. `analysis/data/places.yaml` (general world
   knowledge) ties names, abbreviations, demonyms, capitals and seats of
   government together; a capital or seat ("Moscow", "the Kremlin") becomes an
   alias only where the text uses it as an actor (the subject of a verb or a
   possessor), a demonym only where it is used as a noun ("the Europeans
   insisted"). Names missing from the places file are proposed when they act
   often enough, except the outlets themselves.
2. **People** go under the actor they speak for when their descriptors say so
   ("Russian President", "Ukraine's president", "Kremlin spokesman", "Trump's
   envoy": a person's possessive takes that person's actor); former officials
   and analysts are left out (`analysis/data/draft.yaml`, `outsiders`).
3. **Issues**: the nouns that fill demand, proposal and rejection frames (the
   cue lexicon `extract/data/stance_verbs.yaml`: "called for a ceasefire",
   "rejected new sanctions", "a proposal for a truce"), grouped by head noun
   and compound, most frequent first, each with the sentences that suggested
   it as YAML comments.

The draft is YAML for a person to edit; `parley case check` validates it.
"""

from __future__ import annotations

import functools
import json
import logging
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from parley.analysis.entities import PERSON, merge_entities, slug
from parley.case import name_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from parley.analysis.entities import Entity
    from parley.articles.model import Article
    from parley.extract.records import Mention

LOGGER = logging.getLogger(__name__)

ACTING_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}
OBJECT_DEPS = {"dobj", "pobj", "attr", "oprd"}
FRAME_PREPS = {"for", "to", "on", "of", "against", "over", "from"}
NOT_ISSUE_ENTS = {"PERSON", "GPE", "ORG", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL",
                  "MONEY", "PERCENT", "QUANTITY", "LOC", "FAC"}  # fmt: skip
# A name the places file does not know is proposed as an actor when it is the
# subject of a verb this often (set on the sample corpus: cities where talks
# are held act at most once or twice).
MIN_ACTING = 3
MIN_MENTIONS = 2
EXAMPLES = 3


@dataclass(slots=True)
class Place:
    """A state or organisation from `places.yaml`."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()  # the capital and seats of government


@dataclass(slots=True)
class DraftActor:
    """An actor being drafted: its names as seen, mentions and people."""

    name: str
    type: str
    mentions: int = 0
    aliases: Counter[str] = field(default_factory=Counter)
    people: Counter[str] = field(default_factory=Counter)


@dataclass(slots=True)
class DraftIssue:
    """A candidate issue: a phrase filling stance frames, its variants and example sentences."""

    key: str
    keys: Counter[str] = field(default_factory=Counter)
    count: int = 0
    articles: set[str] = field(default_factory=set)
    variants: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Corpus:
    """What the drafting needs from each parsed article."""

    mentions: list[tuple[str, Mention]] = field(default_factory=list)
    acting: Counter[str] = field(default_factory=Counter)  # name keys used as an actor
    demonym_nouns: Counter[str] = field(default_factory=Counter)
    person_hints: dict[str, Counter[str]] = field(default_factory=dict)
    issues: dict[str, DraftIssue] = field(default_factory=dict)
    outlets: set[str] = field(default_factory=set)


# -- data -------------------------------------------------------------------------


@functools.cache
def places() -> dict[str, tuple[Place, str]]:
    """Every name key in `places.yaml` -> (place, how it names it: name, demonym or metonym)."""
    data = _data("places.yaml")
    index: dict[str, tuple[Place, str]] = {}
    for section, kind in (("states", "state"), ("organisations", "organisation")):
        for item in data[section]:
            seats = [item.get("capital"), *(item.get("seats") or ())]
            place = Place(
                name=item["name"],
                type=kind,
                aliases=tuple(item.get("aliases") or ()),
                demonyms=tuple(item.get("demonyms") or ()),
                metonyms=tuple(s for s in seats if s),
            )
            for names, how in (
                ((place.name, *place.aliases), "name"),
                (place.demonyms, "demonym"),
                (place.metonyms, "metonym"),
            ):
                for n in names:
                    index.setdefault(name_key(n), (place, how))
    return index


@functools.cache
def draft_words() -> dict[str, frozenset[str]]:
    data = _data("draft.yaml")
    return {k: frozenset(str(w).lower() for w in v) for k, v in data.items()}


@functools.cache
def frame_cues() -> tuple[frozenset[str], frozenset[str], frozenset[tuple[str, str]]]:
    """(verb lemmas, noun lemmas, phrasal verb + particle pairs) of every stance cue."""
    resource = resources.files("parley.extract") / "data" / "stance_verbs.yaml"
    cues = yaml.safe_load(resource.read_text(encoding="utf-8"))["cues"]
    verbs = frozenset(v for c in cues for v in c.get("verbs") or ())
    nouns = frozenset(n for c in cues for n in c.get("nouns") or ())
    phrasal = frozenset(tuple(p.split()[:2]) for c in cues for p in c.get("phrasal") or ())
    return verbs, nouns, phrasal  # type: ignore[return-value]


def _data(name: str) -> dict[str, Any]:
    resource = resources.files("parley.analysis") / "data" / name
    return yaml.safe_load(resource.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


# -- reading the corpus ---------------------------------------------------------------


def draft_case(
    paths: Sequence[str | Path],
    *,
    manifest: str | Path | None = None,
    issues: int = 12,
    actors: int = 12,
) -> str:
    """A draft case file (YAML text) for the articles under `paths`.

    Steps: read and parse every article once; collect mentions, names used as
    actors, demonyms used as nouns and the objects of stance frames; merge the
    entities; propose actors with their aliases and people; propose issues.
    """
    from parley.errors import ParleyError

    corpus, count = _read(paths, manifest)
    if not count:
        raise ParleyError(f"no readable article in {', '.join(str(p) for p in paths)}")
    index = merge_entities(corpus.mentions)
    drafted, unplaced = _actors(index.entities, corpus)
    ranked = sorted(corpus.issues.values(), key=lambda i: (-i.count, -len(i.articles), i.key))
    return render(drafted[:actors], unplaced, ranked[:issues], count, paths)


def _read(paths: Sequence[str | Path], manifest: str | Path | None) -> tuple[_Corpus, int]:
    from parley.articles.model import Article
    from parley.extract.entities import extract_mentions
    from parley.nlp import load_pipeline
    from parley.sources import read_articles

    articles = [a for a in read_articles(paths, manifest=manifest) if isinstance(a, Article)]
    corpus = _Corpus(outlets={name_key(a.outlet) for a in articles if a.outlet})
    nlp = load_pipeline(None)
    for doc, article in zip(nlp.pipe(a.text for a in articles), articles, strict=True):
        mentions = extract_mentions(doc, article, None)
        corpus.mentions += [(article.id, m) for m in mentions]
        _acting_names(doc, mentions, corpus)
        _frame_objects(doc, article, corpus)
    return corpus, len(articles)


def _acting_names(doc: Doc, mentions: Iterable[Mention], corpus: _Corpus) -> None:
    """Count names that act: subjects, agents and possessors ("Moscow rejected", "Kyiv's plan")."""
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and m.label == PERSON:
            _person_hints(span, name_key(m.key), corpus)
        if span is None or span.root.dep_ not in ACTING_DEPS:
            continue
        if m.label == "NORP":
            if span.root.pos_ in ("NOUN", "PROPN"):
                corpus.demonym_nouns[name_key(m.text)] += 1
        else:
            corpus.acting[name_key(m.key)] += 1
            corpus.acting[name_key(m.text)] += 1


def _person_hints(span: Span, key: str, corpus: _Corpus) -> None:
    """Names of places and organisations in a person's own noun phrase ("Chinese President Xi")."""
    for token in span.doc[max(span.start - 5, 0) : span.start]:
        inside = span.start <= token.head.i < span.end or span.root in token.ancestors
        if token.ent_type_ in ("GPE", "NORP", "ORG") and inside:
            corpus.person_hints.setdefault(key, Counter())[name_key(token.text)] += 1


def _frame_objects(doc: Doc, article: Article, corpus: _Corpus) -> None:
    """Record the nouns that fill demand, proposal and rejection frames, with their sentence."""
    verbs, nouns, phrasal = frame_cues()
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and (lemma in verbs or _phrasal(token, phrasal)):
            objects = _verb_objects(token)
        elif token.pos_ == "NOUN" and lemma in nouns:
            objects = _noun_objects(token, {p for v, p in phrasal if v == lemma})
        else:
            continue
        for obj in objects:
            _add_issue(obj, token.sent, article, corpus)


def _phrasal(verb: Token, phrasal: frozenset[tuple[str, str]]) -> bool:
    """A verb with the particle of a phrasal cue ("called for", "walked away")."""
    return any((verb.lemma_.lower(), c.lower_) in phrasal for c in verb.children)


def _verb_objects(verb: Token) -> list[Token]:
    """A cue verb's objects: direct, through a preposition, or of its infinitive/clause."""
    found = []
    for child in verb.children:
        if child.dep_ in ("dobj", "oprd"):
            found.append(child)
        elif child.dep_ in ("prep", "prt") and child.lower_ in FRAME_PREPS | {"out", "away"}:
            found += [g for g in child.children if g.dep_ == "pobj"]
            found += [g for c in child.children if c.dep_ == "prep" for g in c.children
                      if g.dep_ == "pobj"]  # fmt: skip
        elif child.dep_ in ("xcomp", "ccomp") and child.pos_ in ("VERB", "AUX"):
            found += [g for g in child.children if g.dep_ in ("dobj", "nsubjpass")]
            found += [g for p in child.children if p.dep_ == "prep" for g in p.children
                      if g.dep_ == "pobj"]  # fmt: skip
    return _with_conjuncts([t for t in found if t.pos_ in ("NOUN", "PROPN")])


def _with_conjuncts(tokens: list[Token]) -> list[Token]:
    """The objects and the nouns coordinated with them ("concessions and neutrality")."""
    return [*tokens, *(c for t in tokens for c in t.conjuncts if c.pos_ == "NOUN")]


def _noun_objects(noun: Token, particles: set[str]) -> list[Token]:
    """A cue noun's objects: "demand for X", "X proposal", "offer to end X".

    A noun that is also a phrasal cue ("call" of "call for") counts only with its
    particle: "calls for a truce" is a frame, "a phone call" is not.
    """
    if particles:
        return _with_conjuncts(
            [g for c in noun.children if c.dep_ == "prep" and c.lower_ in particles
             for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
        )  # fmt: skip
    found = [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in FRAME_PREPS:
            found += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ == "acl":
            found += [g for g in child.children if g.dep_ == "dobj"]
    return _with_conjuncts([t for t in found if t.pos_ == "NOUN"])


def _add_issue(head: Token, sentence: Span, article: Article, corpus: _Corpus) -> None:
    if head.ent_type_ in NOT_ISSUE_ENTS or head.is_stop:
        return
    words = _compound_words(head)
    lemma = head.lemma_.lower()
    generic = lemma in draft_words()["generic_objects"]
    if generic and not words:
        return
    # "a ceasefire proposal" names the ceasefire; "energy infrastructure" keeps both words
    key = " ".join(words if generic else [*words, lemma])
    if not re.fullmatch(r"[a-z][a-z -]*", key):
        return
    # "cease-fire" (three tokens) and "ceasefire" are one issue
    issue = corpus.issues.setdefault(re.sub(r"[\s-]+", "", key), DraftIssue(key))
    issue.keys[key] += 1
    issue.count += 1
    issue.articles.add(article.id)
    modifiers = [c for c in head.children if c.dep_ in ("amod", "compound", "nummod")]
    start = min([head.i, *(c.left_edge.i if c.dep_ == "compound" else c.i for c in modifiers)])
    shown = [t.lower_ for t in head.doc[start : head.i + 1] if not t.is_punct or t.text == "-"]
    issue.variants[" ".join(shown).replace(" - ", "-")] += 1
    example = f"{Path(article.source).name}: {' '.join(sentence.text.split())}"
    if len(issue.examples) < EXAMPLES and example not in issue.examples:
        issue.examples.append(example)


def _compound_words(head: Token) -> list[str]:
    """The lemmas of a noun's compound modifiers, whole ("cease-fire proposal": cease, fire)."""
    words: list[str] = []
    for child in head.children:
        if child.dep_ != "compound" or child.pos_ not in ("NOUN", "ADJ", "VERB"):
            continue
        for tok in head.doc[child.left_edge.i : child.i + 1]:
            if tok.is_alpha and tok.ent_type_ not in NOT_ISSUE_ENTS:
                words.append(tok.lemma_.lower())
    return words


# -- actors and people ------------------------------------------------------------------


def _actors(entities: list[Entity], corpus: _Corpus) -> tuple[list[DraftActor], list[Entity]]:
    """Actors from the merged entities, places grouped, people placed under them.

    Also returns the people named at least twice whom no actor could be found for.
    """
    drafts: dict[str, DraftActor] = {}
    for entity in entities:
        if entity.type != PERSON or name_key(entity.name) in places():
            _place_entity(entity, corpus, drafts)
    for key, n in corpus.demonym_nouns.items():
        known = places().get(key)
        if known and known[0].name in drafts:
            drafts[known[0].name].aliases[key.title()] += n
    people = [
        e
        for e in entities
        if e.type == PERSON and e.mentions >= MIN_MENTIONS and name_key(e.name) not in places()
    ]
    unplaced = _place_people(people, drafts, corpus.person_hints)
    ranked = sorted(drafts.values(), key=lambda d: (-d.mentions, d.name))
    return [d for d in ranked if d.mentions >= MIN_MENTIONS], unplaced


def _place_entity(entity: Entity, corpus: _Corpus, drafts: dict[str, DraftActor]) -> None:
    names = [entity.name, *entity.aliases]
    known = next((places()[k] for k in map(name_key, names) if k in places()), None)
    acting = sum(corpus.acting.get(name_key(n), 0) for n in set(names))
    if known is not None:
        place, how = known
        if how == "metonym" and not acting:
            return
        draft = drafts.setdefault(place.name, DraftActor(place.name, place.type))
        draft.mentions += entity.mentions
        for name in names:
            if name_key(name) != name_key(place.name):
                draft.aliases[name] += 1
        return
    if name_key(entity.name) in corpus.outlets or acting < MIN_ACTING:
        return
    kind = "state" if entity.type == "GPE" else "organisation"
    draft = drafts.setdefault(entity.name, DraftActor(entity.name, kind))
    draft.mentions += entity.mentions
    draft.aliases.update(a for a in entity.aliases if name_key(a) != name_key(entity.name))


def _place_people(
    people: list[Entity], drafts: dict[str, DraftActor], hints: dict[str, Counter[str]]
) -> list[Entity]:
    """Each person under the actor their descriptors name; a possessive person in a second pass.

    Returns the people no actor could be found for.
    """
    by_name = {name_key(n): d for d in drafts.values() for n in (d.name, *d.aliases)}
    placed: dict[str, str] = {}
    for _round in range(2):
        for person in people:
            if person.name in placed:
                continue
            actor = _affiliation(person, by_name, placed, people) or _hinted(person, by_name, hints)
            if actor is not None:
                drafts[actor].people[person.name] += person.mentions
                drafts[actor].mentions += person.mentions
                placed[person.name] = actor
    return [p for p in people if p.name not in placed]


def _hinted(
    person: Entity, by_name: dict[str, DraftActor], hints: dict[str, Counter[str]]
) -> str | None:
    """The actor named most often in the person's own noun phrases."""
    votes: Counter[str] = Counter()
    for key in {name_key(n) for n in (person.name, *person.aliases)}:
        for hint, n in (hints.get(key) or Counter()).items():
            actor = _first_actor([hint], by_name, {}, {})
            if actor is not None:
                votes[actor] += n
    return votes.most_common(1)[0][0] if votes else None


def _affiliation(
    person: Entity,
    by_name: dict[str, DraftActor],
    placed: dict[str, str],
    people: list[Entity],
) -> str | None:
    """The actor a person's descriptors name first (a place, demonym, seat or placed person).

    A person any descriptor calls an outsider (a former official, an analyst) has
    none; only capitalised words name ("us" in "thanks for joining us" does not).
    """
    surnames = {name_key(p.name).split()[-1]: p.name for p in people}
    if any(draft_words()["outsiders"] & set(name_key(d).split()) for d in person.descriptors):
        return None
    votes: Counter[str] = Counter()
    for descriptor in person.descriptors:
        words = [name_key(w) for w in re.findall(r"[\w.’'-]+", descriptor) if w[:1].isupper()]
        found = _first_actor([w for w in words if w], by_name, placed, surnames)
        if found is not None and found != person.name:
            votes[found] += 1
    return votes.most_common(1)[0][0] if votes else None


def _first_actor(
    words: list[str],
    by_name: dict[str, DraftActor],
    placed: dict[str, str],
    surnames: dict[str, str],
) -> str | None:
    for i in range(len(words)):
        for n in (3, 2, 1):
            gram = " ".join(words[i : i + n])
            if gram in by_name:
                return by_name[gram].name
            known = places().get(gram)
            if known is not None and name_key(known[0].name) in by_name:
                return by_name[name_key(known[0].name)].name
            if n == 1 and gram in surnames and surnames[gram] in placed:
                return placed[surnames[gram]]
    return None


# -- the YAML --------------------------------------------------------------------------


def render(
    actors: list[DraftActor],
    unplaced: list[Entity],
    issues: list[DraftIssue],
    articles: int,
    paths: Sequence[Any],
) -> str:
    """The draft as commented YAML that `parley case check` accepts."""
    source = ", ".join(str(p) for p in paths)
    lines = [
        f"# Draft case file from {articles} article(s) in {source} (parley case init).",
        "# Edit it: keep the actors and issues that matter, merge or rename them, write each",
        "# issue's proposition and scale in your own words, then run `parley case check`.",
        f"case: {slug(Path(str(paths[0])).name) or 'draft'}",
        f"title: {_q('Draft: ' + Path(str(paths[0])).name)}",
        "",
        "actors:",
    ]
    taken: set[str] = set()
    for actor in actors:
        lines += _actor_lines(actor, taken)
    if unplaced:
        names = ", ".join(p.name for p in sorted(unplaced, key=lambda p: -p.mentions))
        lines += [
            "  # Named at least twice, with no actor found in the text (add them under theirs):",
            f"  # {names}",
        ]
    lines += ["", "issues:"]
    taken = set()
    for issue in issues:
        lines += _issue_lines(issue, taken)
    return "\n".join(lines) + "\n"


def _actor_lines(actor: DraftActor, taken: set[str]) -> list[str]:
    aliases = [a for a, _ in actor.aliases.most_common() if name_key(a) != name_key(actor.name)]
    aliases = list({name_key(a): a for a in reversed(aliases)}.values())[::-1]
    people = [p for p, _ in actor.people.most_common()]
    return [
        f"  - id: {_unique(slug(actor.name).replace('-', '_'), taken)}",
        f"    name: {_q(actor.name)}",
        f"    type: {actor.type}",
        f"    aliases: [{', '.join(_q(a) for a in aliases)}]",
        f"    people: [{', '.join(_q(p) for p in people)}]",
        f"    # {actor.mentions} mention(s)",
    ]


def _issue_lines(issue: DraftIssue, taken: set[str]) -> list[str]:
    issue.key = min(issue.keys, key=lambda k: (k.count(" ") + k.count("-"), -issue.keys[k], k))
    words = max(issue.variants, key=lambda v: (issue.variants[v], -len(v))) or issue.key
    label = words[:1].upper() + words[1:]
    variants = [v for v, _ in issue.variants.most_common(5) if v not in (issue.key, words)]
    lines = [
        f"  - id: {_unique(slug(issue.key).replace('-', '_'), taken)}",
        f"    label: {_q(label)}",
        f"    proposition: {_q(label + '.')}  # draft: say what is bargained over, in one sentence",
        f"    keywords: [{', '.join(_q(v) for v in variants)}]",
        f"    scale: {{0: {_q('no ' + words)}, 100: {_q(words + ' agreed')}}}",
        f"    # {issue.count} frame(s) in {len(issue.articles)} article(s), for example:",
    ]
    lines += [f"    #   {example}" for example in issue.examples]
    return lines


def _unique(base: str, taken: set[str]) -> str:
    name, n = base or "item", 2
    while name in taken:
        name, n = f"{base}_{n}", n + 1
    taken.add(name)
    return name


def _q(text: str) -> str:
    """A YAML double-quoted string (JSON's quoting is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)
