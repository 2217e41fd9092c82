"""The entity tables of the corpus views, built whole or brought up to date for new articles.

A full build merges every stored mention (`parley.analysis.entities`) and keeps, beside the
`entities` and `entity_keys` tables, each group's counts (`entity_groups`: a normalised
name's keys, surface forms, labels, descriptors and actors, the blocks of its surname, its
entity). An update adds the new articles' mentions to their groups and merges again only
the groups whose entity can change: the touched groups, every group sharing an entity with
them, and every person's name whose surname is a variant of theirs, repeated until nothing
is added. Merging people only joins names whose surnames are variants, and ids are given
per family of slugs (`id_family`), so the result equals a full merge of the corpus.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import fields
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, delete, insert, or_, select, update

from parley.analysis.entities import (
    Entity,
    _entity,
    _Group,
    _root,
    entities_of,
    free_id,
    group_key,
    id_family,
    merge_people,
    merged_groups,
    rank_key,
    surname_blocks,
)
from parley.extract.records import Mention
from parley.store import schema

if TYPE_CHECKING:
    from parley.case import Case

MENTION_FIELDS = ("start", "end", "text", "label", "key", "actor", "descriptor")
CHUNK = 500  # values per IN (...) list


def mention_pairs(rows: Iterable[Sequence[Any]]) -> Iterator[tuple[str, Mention]]:
    """(article_id, Mention) from rows of ("article_id", *MENTION_FIELDS)."""
    for row in rows:
        yield row[0], Mention(**dict(zip(MENTION_FIELDS, row[1:], strict=True)))


def entity_tables(
    pairs: Iterable[tuple[str, Mention]], case: Case | None
) -> dict[str, list[dict[str, Any]]]:
    """Rows of `entities`, `entity_keys` and `entity_groups` for the whole corpus."""
    groups, keys = _grouped(pairs)
    entities = entities_of(groups, case)
    unique = {e.id: e for e in entities.values()}
    return {
        "entities": [_fields(e) for e in unique.values()],
        "entity_keys": _key_rows(keys, entities),
        "entity_groups": [_group_row(k, g, entities[k].id) for k, g in groups.items()],
    }


def update_entities(
    conn: Connection, pairs: Iterable[tuple[str, Mention]], case: Case | None
) -> int:
    """Bring the entity tables up to date with new articles' mentions; how many groups were
    merged again."""
    new, keys = _grouped(pairs)
    groups, old_ids = _stored_groups(conn, list(new))
    for key, group in new.items():
        groups.setdefault(key, _Group()).absorb(group)
    _close(conn, groups, old_ids)
    parent = merge_people(groups, case)
    merged = merged_groups(groups, parent)
    entities, renamed = _named(conn, merged, case, set(old_ids.values()))
    by_key = {key: entities[_root(parent, key)] for key in groups}
    moving = _take(conn, renamed)
    _write(conn, groups, by_key, old_ids, keys)
    _put(conn, moving, renamed)
    return len(groups)


# -- reading and closing the set of groups to merge again ---------------------------------------


def _grouped(
    pairs: Iterable[tuple[str, Mention]],
) -> tuple[dict[str, _Group], dict[tuple[str, str], str]]:
    """Groups by normalised key, and the group of each (article, mention key)."""
    groups: dict[str, _Group] = {}
    keys: dict[tuple[str, str], str] = {}
    for article_id, mention in pairs:
        key = group_key(mention)
        if key is not None:
            groups.setdefault(key, _Group()).add(mention)
            keys.setdefault((article_id, mention.key), key)
    return groups, keys


def _stored_groups(conn: Connection, keys: list[str]) -> tuple[dict[str, _Group], dict[str, str]]:
    g = schema.entity_groups
    groups: dict[str, _Group] = {}
    old_ids: dict[str, str] = {}
    for chunk in _chunks(keys):
        for key, counts, entity_id in conn.execute(
            select(g.c.key, g.c.counts, g.c.entity_id).where(g.c.key.in_(chunk))
        ):
            groups[key] = _Group.from_json(counts)
            old_ids[key] = entity_id
    return groups, old_ids


def _close(conn: Connection, groups: dict[str, _Group], old_ids: dict[str, str]) -> None:
    """Add the stored groups whose entity can change with `groups`, until none is added."""
    g = schema.entity_groups
    people = {k for k, group in groups.items() if group.person_like}
    people |= _stored_people(conn, list(groups))  # a group that was a person may be no more
    entity_ids = set(old_ids.values())
    seen_people: set[str] = set()
    seen_ids: set[str] = set()
    while True:
        todo_people = people - seen_people
        todo_ids = entity_ids - seen_ids
        if not todo_people and not todo_ids:
            return
        seen_people |= todo_people
        seen_ids |= todo_ids
        blocks = sorted({b for key in todo_people for b in surname_blocks(key)})
        found: list[Any] = []
        for chunk in _chunks(blocks):
            near = or_(g.c.head.in_(chunk), g.c.tail.in_(chunk))
            found += conn.execute(select(g).where(g.c.person, near)).all()
        for chunk in _chunks(sorted(todo_ids)):
            found += conn.execute(select(g).where(g.c.entity_id.in_(chunk))).all()
        for row in found:
            if row.key in groups:
                continue
            by_entity = row.entity_id in todo_ids
            if row.person and not by_entity and not _variant_of(row.key, todo_people):
                continue
            groups[row.key] = _Group.from_json(row.counts)
            old_ids[row.key] = row.entity_id
            entity_ids.add(row.entity_id)
            if row.person:
                people.add(row.key)


def _variant_of(key: str, people: set[str]) -> bool:
    from parley.extract.entities import surname_variant

    surname = key.split()[-1]
    return any(surname_variant(surname, other.split()[-1]) for other in people)


def _stored_people(conn: Connection, keys: list[str]) -> set[str]:
    g = schema.entity_groups
    found: set[str] = set()
    for chunk in _chunks(keys):
        found.update(conn.scalars(select(g.c.key).where(g.c.key.in_(chunk), g.c.person)))
    return found


# -- naming: ids are given per family, with the entities the update leaves alone -----------------


def _named(
    conn: Connection, merged: dict[str, _Group], case: Case | None, replaced: set[str]
) -> tuple[dict[str, Entity], dict[str, str]]:
    """An Entity per merged root, ids given in rank order within each family of ids among
    the stored entities of those families; and those stored entities the ranking
    renumbers (old id -> new id)."""
    from parley.analysis.entities import _canonical_name, slug

    names = {root: _canonical_name(group, case) for root, group in merged.items()}
    families = {id_family(slug(n)) for n in names.values()} | {id_family(i) for i in replaced}
    others = _family_entities(conn, families, replaced)
    ranking: list[tuple[tuple[int, str], str, str]] = [
        (rank_key(sum(merged[r].keys.values()), r), r, id_family(slug(names[r]))) for r in merged
    ]
    ranking += [
        (rank_key(row["mentions"], root), root, id_family(row["id"]))
        for root, row in others.items()
    ]
    taken: dict[str, set[str]] = {}
    entities: dict[str, Entity] = {}
    renamed: dict[str, str] = {}
    for _, root, family in sorted(ranking):
        into = taken.setdefault(family, set())
        if root in merged:
            entities[root] = _entity(merged[root], case, into)
        elif (new_id := free_id(others[root]["name"], into)) != others[root]["id"]:
            renamed[others[root]["id"]] = new_id
    return entities, renamed


def _family_entities(
    conn: Connection, families: set[str], replaced: set[str]
) -> dict[str, dict[str, Any]]:
    """The stored entities of `families` not being replaced, by their root group key."""
    e, g = schema.entities, schema.entity_groups
    rows: dict[str, dict[str, Any]] = {}
    for family in sorted(families):
        query = select(e).where(or_(e.c.id == family, e.c.id.like(f"{family}-%")))
        for found in conn.execute(query).mappings():
            if found["id"] not in replaced and id_family(found["id"]) == family:
                rows[found["id"]] = dict(found)
    by_root: dict[str, dict[str, Any]] = {}
    for entity_id, row in rows.items():
        keys = conn.scalars(select(g.c.key).where(g.c.entity_id == entity_id)).all()
        by_root[min(keys, key=lambda k: (-len(k.split()), k))] = row
    return by_root


# -- writing ---------------------------------------------------------------------------------


def _write(
    conn: Connection,
    groups: dict[str, _Group],
    by_key: dict[str, Entity],
    old_ids: dict[str, str],
    new_keys: dict[tuple[str, str], str],
) -> None:
    e, k, g = schema.entities, schema.entity_keys, schema.entity_groups
    for chunk in _chunks(sorted(set(old_ids.values()))):
        conn.execute(delete(e).where(e.c.id.in_(chunk)))
    fresh = {entity.id: entity for entity in by_key.values()}
    if fresh:
        conn.execute(insert(e), [_fields(x) for x in fresh.values()])
    for chunk in _chunks(sorted(groups)):
        conn.execute(delete(g).where(g.c.key.in_(chunk)))
    if groups:
        conn.execute(insert(g), [_group_row(key, groups[key], by_key[key].id) for key in groups])
    for key, group in groups.items():
        if key in old_ids and old_ids[key] != by_key[key].id:
            _point_keys(conn, group, by_key[key].id)
    rows = _key_rows(new_keys, by_key)
    if rows:
        conn.execute(insert(k), rows)


def _take(conn: Connection, renamed: dict[str, str]) -> dict[str, tuple[dict[str, Any], list]]:
    """Read and delete the stored entities the update renumbers, with their groups (ids may
    swap, "x" and "x-2", so none is written back before the update's own are)."""
    e, g = schema.entities, schema.entity_groups
    taken = {
        old: (
            dict(conn.execute(select(e).where(e.c.id == old)).mappings().one()),
            list(conn.execute(select(g.c.key, g.c.counts).where(g.c.entity_id == old))),
        )
        for old in renamed
    }
    for chunk in _chunks(sorted(renamed)):
        conn.execute(delete(e).where(e.c.id.in_(chunk)))
    return taken


def _put(
    conn: Connection, taken: dict[str, tuple[dict[str, Any], list]], renamed: dict[str, str]
) -> None:
    """Write renumbered entities back under their new ids, their groups and keys with them."""
    e, g = schema.entities, schema.entity_groups
    for old, new in renamed.items():
        row, groups = taken[old]
        conn.execute(insert(e), row | {"id": new})
        for key, counts in groups:
            conn.execute(update(g).where(g.c.key == key).values(entity_id=new))
            _point_keys(conn, _Group.from_json(counts), new)


def _point_keys(conn: Connection, group: _Group, entity_id: str) -> None:
    """Point every `entity_keys` row of the group's mention keys at `entity_id`."""
    k = schema.entity_keys
    for chunk in _chunks(sorted(group.keys)):
        conn.execute(update(k).where(k.c.key.in_(chunk)).values(entity_id=entity_id))


def _key_rows(
    keys: dict[tuple[str, str], str], entities: dict[str, Entity]
) -> list[dict[str, Any]]:
    return [
        {"article_id": a, "key": raw, "entity_id": entities[group].id}
        for (a, raw), group in keys.items()
    ]


def _group_row(key: str, group: _Group, entity_id: str) -> dict[str, Any]:
    head, tail = surname_blocks(key)
    return {
        "key": key,
        "counts": group.to_json(),
        "person": group.person_like,
        "head": head,
        "tail": tail,
        "entity_id": entity_id,
    }


def _fields(record: Any) -> dict[str, Any]:
    return {f.name: getattr(record, f.name) for f in fields(record)}


def _chunks(values: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for i in range(0, len(values), CHUNK):
        yield values[i : i + CHUNK]
