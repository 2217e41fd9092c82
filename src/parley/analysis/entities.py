"""Canonical entities across the corpus, merged from per-article mentions.

`merge_entities` groups the mentions of all articles into entities:

1. mentions with the same key (after `name_key` normalisation) form a group,
   per article; NORP mentions (nationality adjectives) are not entities;
2. groups with the same normalised name merge across articles;
3. person names merge when their surnames are spelling variants and their
   given names agree ("Volodymyr Zelensky", "Volodymyr Zelenskyy");
4. a lone surname ("Putin" in an article that never gives the full name, or
   "Orlova" tagged as a facility) joins the one person in the corpus with
   that surname, if there is one, particles ignored ("Rami", "Khalil
   al-Rami"); with a case, the case's people decide ties;
5. each entity gets a canonical name (the case's spelling if it is a case
   person, else the most frequent full form), a slug id, aliases, descriptors
   (most frequent first), a type, an actor and a mention count.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from parley.case import name_key
from parley.extract.entities import (
    given_compatible,
    strip_titles,
    surname_core,
    surname_variant,
    without_particles,
)

if TYPE_CHECKING:
    from parley.case import Case
    from parley.extract.records import Mention

LOGGER = logging.getLogger(__name__)

PERSON = "PERSON"
NOT_ENTITIES = {"NORP"}
# Labels the model gives a lone surname ("Orlova" as a facility): such a name joins the one
# person of the corpus with that surname. Organisations and places stay apart ("Ford",
# "Washington").
MISLABELLED_PEOPLE = ("FAC", "LOC")
COUNTERS = ("keys", "surfaces", "labels", "descriptors", "actors")


@dataclass(slots=True)
class Entity:
    """A person, organisation or place, as named across the corpus."""

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    descriptors: list[str] = field(default_factory=list)
    actor: str | None = None
    mentions: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class _Group:
    """Mentions being merged: counts of their keys, surface forms, labels, descriptors and
    actors (ties between counts go to the first in sorted order, so that the result does not
    depend on the order articles come in)."""

    keys: Counter[str] = field(default_factory=Counter)
    surfaces: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    descriptors: Counter[str] = field(default_factory=Counter)
    actors: Counter[str] = field(default_factory=Counter)

    def add(self, mention: Mention) -> None:
        self.keys[mention.key] += 1
        self.surfaces[mention.text] += 1
        self.labels[mention.label] += 1
        if mention.descriptor:
            self.descriptors[mention.descriptor] += 1
        if mention.actor:
            self.actors[mention.actor] += 1

    def absorb(self, other: _Group) -> None:
        for mine, theirs in (
            (self.keys, other.keys),
            (self.surfaces, other.surfaces),
            (self.labels, other.labels),
            (self.descriptors, other.descriptors),
            (self.actors, other.actors),
        ):
            mine.update(theirs)

    @property
    def label(self) -> str:
        """The most frequent label; a tie goes to PERSON (merged groups are people's)."""
        return _top(self.labels, first=PERSON)

    @property
    def words(self) -> list[str]:
        """The words of the group's fullest name."""
        return name_key(max(self.keys, key=lambda k: (len(k.split()), self.keys[k], k))).split()

    @property
    def person_like(self) -> bool:
        """Whether the group takes part in merging people: a person's name, or a lone name
        the model labelled a place or facility."""
        label = self.label
        return label == PERSON or (label in MISLABELLED_PEOPLE and len(self.words) == 1)

    def to_json(self) -> dict[str, dict[str, int]]:
        return {name: dict(getattr(self, name)) for name in COUNTERS}

    @classmethod
    def from_json(cls, data: dict[str, dict[str, int]]) -> _Group:
        return cls(**{name: Counter(data.get(name, {})) for name in COUNTERS})


class EntityIndex:
    """The corpus's entities, with lookups from an article's names to them."""

    def __init__(self, entities: list[Entity], by_article: dict[tuple[str, str], Entity]) -> None:
        self.entities = entities
        self._by_article = by_article
        self._people: dict[str, list[Entity]] = {}  # each article's people, for surname lookups
        for (article_id, _), entity in by_article.items():
            if entity.type == PERSON:
                self._people.setdefault(article_id, []).append(entity)
        names: dict[str, set[str]] = {}
        self._by_id = {e.id: e for e in entities}
        for entity in entities:
            for alias in (entity.name, *entity.aliases):
                names.setdefault(name_key(alias), set()).add(entity.id)
        self._unique = {
            n: self._by_id[next(iter(ids))] for n, ids in names.items() if len(ids) == 1
        }

    def __iter__(self) -> Any:
        return iter(self.entities)

    def __len__(self) -> int:
        return len(self.entities)

    def get(self, entity_id: str) -> Entity | None:
        """The entity with this id, or None."""
        return self._by_id.get(entity_id)

    def entity_for(self, article_id: str, key_or_surface: str) -> Entity | None:
        """The entity a name in an article refers to, or None.

        Accepts a mention key ("Vladimir Putin") or any surface form found at a
        span ("Putin", "Putin’s", "President Putin", "Russian President Vladimir
        Putin"): tries the article's names, then shorter tails of the text, then
        a surname of a person in the article, then a name unique in the corpus.
        """
        text = strip_titles(key_or_surface.strip())
        words = name_key(text).split()
        for i in range(len(words)):
            found = self._by_article.get((article_id, " ".join(words[i:])))
            if found is not None:
                return found
        if words:
            people = {
                e.id: e for e in self._people.get(article_id, ()) if _surname_of(e, words[-1])
            }
            if len(people) == 1:
                return next(iter(people.values()))
        return self._unique.get(" ".join(words)) if words else None


def _surname_of(entity: Entity, surname: str) -> bool:
    return any(
        name_key(alias).split()[-1:] and surname_variant(name_key(alias).split()[-1], surname)
        for alias in (entity.name, *entity.aliases)
    )


def merge_entities(
    mentions: Iterable[tuple[str, Mention]], case: Case | None = None
) -> EntityIndex:
    """Canonical entities from (article_id, mention) pairs; see the module docstring."""
    groups: dict[str, _Group] = {}
    article_keys: list[tuple[str, str, str]] = []  # (article_id, normalised name, group key)
    for article_id, mention in mentions:
        key = group_key(mention)
        if key is None:
            continue
        groups.setdefault(key, _Group()).add(mention)
        for name in {key, name_key(mention.text)}:
            article_keys.append((article_id, name, key))
    entities = entities_of(groups, case)
    by_article: dict[tuple[str, str], Entity] = {}
    for article_id, name, key in article_keys:
        by_article.setdefault((article_id, name), entities[key])
    ordered = sorted({id(e): e for e in entities.values()}.values(), key=lambda e: e.id)
    return EntityIndex(ordered, by_article)


def group_key(mention: Mention) -> str | None:
    """The group a mention belongs to (its normalised key), or None if it names no entity."""
    if mention.label in NOT_ENTITIES:
        return None
    return name_key(mention.key) or None


def entities_of(groups: dict[str, _Group], case: Case | None) -> dict[str, Entity]:
    """The entity of each group: groups merged (`merge_people`), then named and given ids."""
    parent = merge_people(groups, case)
    merged = merged_groups(groups, parent)
    taken: set[str] = set()
    by_root = {root: _entity(merged[root], case, taken) for root in ranked(merged)}
    return {key: by_root[_root(parent, key)] for key in groups}


def merged_groups(groups: dict[str, _Group], parent: dict[str, str]) -> dict[str, _Group]:
    """Each merged entity's group (every group it absorbed), by its root key."""
    merged: dict[str, _Group] = {}
    for key, group in groups.items():
        merged.setdefault(_root(parent, key), _Group()).absorb(group)
    return merged


def ranked(merged: dict[str, _Group]) -> list[str]:
    """Roots in the order entities take ids: most mentioned first (so it keeps the plain slug)."""
    return sorted(merged, key=lambda r: rank_key(sum(merged[r].keys.values()), r))


def rank_key(mentions: int, root: str) -> tuple[int, str]:
    return (-mentions, root)


def merge_people(groups: dict[str, _Group], case: Case | None) -> dict[str, str]:
    """Union person groups whose names are variants of each other; returns group -> parent.

    Only names whose surnames are variants are compared: they share a block
    (`surname_blocks`), so the work grows with the names of each surname, not with the
    square of the corpus's names. Unions only join groups whose surnames are variants, so
    the result for a set of groups closed under that relation does not depend on the rest.
    """
    parent = {key: key for key in groups}
    people = sorted(
        (k for k, g in groups.items() if g.label == PERSON), key=lambda k: (-len(k.split()), k)
    )
    full = [k for k in people if len(k.split()) > 1]
    full_blocks = _blocks(full)
    for a in full:
        for b in _candidates(full_blocks, a):
            if a < b and _same_person(a.split(), b.split()):
                _union(parent, a, b)
    singles = [k for k in people if len(k.split()) == 1]
    mislabelled = [
        k for k, g in groups.items() if g.label in MISLABELLED_PEOPLE and len(k.split()) == 1
    ]
    for key in (*singles, *mislabelled):
        matches = {
            _root(parent, f)
            for f in _candidates(full_blocks, key)
            if surname_variant(f.split()[-1], key)
        }
        if len(matches) > 1 and case is not None:
            matches = {m for m in matches if _is_case_person(m, case)} or matches
        if len(matches) == 1:
            _union(parent, matches.pop(), key)
    # lone surnames spelt differently ("Zelensky", "Zelenskyy") with no full name are one person
    alone = [k for k in singles if _root(parent, k) == k]
    alone_blocks = _blocks(alone)
    for a in alone:
        for b in _candidates(alone_blocks, a):
            if a < b and surname_variant(a, b):
                _union(parent, a, b)
    return parent


def surname_blocks(key: str) -> tuple[str, str]:
    """Two blocks of a name's surname such that variants (`surname_variant`) share one.

    Variants are equal, or one edit apart with the same first two letters and six letters
    or more: an edit after the third letter keeps the first three, one at the third keeps
    the first two and the last three.
    """
    core = surname_core(key.split()[-1])
    return f"{core[:3]}", f"{core[:2]}|{core[-3:]}"


def _blocks(keys: Iterable[str]) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for key in keys:
        for block in surname_blocks(key):
            index.setdefault(block, []).append(key)
    return index


def _candidates(index: dict[str, list[str]], key: str) -> set[str]:
    return {other for block in surname_blocks(key) for other in index.get(block, ())}


def _same_person(a: list[str], b: list[str]) -> bool:
    """Same surname (spelling variants and particles allowed) and compatible given names."""
    a, b = without_particles(a), without_particles(b)
    if not surname_variant(a[-1], b[-1]):
        return False
    given_a, given_b = a[:-1], b[:-1]
    if "".join(given_a) == "".join(given_b):  # "j d" and "jd"
        return True
    shorter, longer = sorted((given_a, given_b), key=len)
    return all(any(given_compatible(s, g) for g in longer) for s in shorter)


def _is_case_person(key: str, case: Case) -> bool:
    return any(
        _same_person(name_key(p).split(), key.split())
        for a in case.actors
        for p in a.people
        if len(name_key(p).split()) > 1
    )


def _union(parent: dict[str, str], a: str, b: str) -> None:
    ra, rb = _root(parent, a), _root(parent, b)
    if ra != rb:
        # the root stays the fuller name, so canonical names grow, never shrink
        keep, drop = sorted((ra, rb), key=lambda k: (-len(k.split()), k))
        parent[drop] = keep


def _root(parent: dict[str, str], key: str) -> str:
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key


def _entity(group: _Group, case: Case | None, taken: set[str]) -> Entity:
    name = _canonical_name(group, case)
    entity_id = free_id(name, taken)
    actor = _top(group.actors) if group.actors else None
    if actor is None and case is not None:
        actor = (
            case.actor_for(name) if group.label == PERSON else case.name_index().get(name_key(name))
        )
    aliases = sorted({*group.surfaces, *group.keys} - {name}, key=lambda s: (-group.surfaces[s], s))
    return Entity(
        id=entity_id,
        name=name,
        type=group.label,
        aliases=aliases,
        descriptors=_distinct(group.descriptors),
        actor=actor,
        mentions=sum(group.surfaces.values()),
    )


def _canonical_name(group: _Group, case: Case | None) -> str:
    """The case's spelling of a case person, else the most frequent of the fullest forms."""
    words = group.words
    if case is not None and group.label == PERSON and len(words) > 1:
        for actor in case.actors:
            for person in actor.people:
                if len(person.split()) > 1 and _same_person(name_key(person).split(), words):
                    return person
    longest = max(len(k.split()) for k in group.keys)
    full = [k for k in group.keys if len(k.split()) == longest]
    return max(full, key=lambda k: (group.keys[k], k))


def free_id(name: str, taken: set[str]) -> str:
    """The name's slug, numbered if an entity ranked before took it; marked as taken."""
    entity_id = base = slug(name)
    n = 2
    while entity_id in taken:
        entity_id, n = f"{base}-{n}", n + 1
    taken.add(entity_id)
    return entity_id


def id_family(entity_id: str) -> str:
    """What `free_id` numbered the id from, less any numbers: ids of different families never
    collide, so each family's ids can be given on their own."""
    return re.sub(r"(-[0-9]+)+$", "", entity_id)


def _top(counts: Counter[str], first: str = "") -> str:
    """The most frequent item; a tie goes to `first`, else to the first in sorted order."""
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0] != first, kv[0]))[0]


def _distinct(counts: Counter[str]) -> list[str]:
    """Distinct descriptors, most frequent first, case and spacing ignored."""
    seen: set[str] = set()
    out = []
    for text, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        norm = " ".join(text.lower().split())
        if norm not in seen:
            seen.add(norm)
            out.append(text)
    return out


def slug(name: str) -> str:
    """A stable id from a name: "Vladimir Putin" -> "vladimir-putin"."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[’']s\b", "", text).replace("&", " and ")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "entity"
