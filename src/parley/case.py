"""Case files: the actors and issues of one negotiation, as data.

A case file is YAML with `case`, `title`, `actors` (id, name, type, aliases,
people) and `issues` (id, proposition, scale). Other sections (for example
`positions`, read by `parley.bargain`) are kept in `Case.raw`.

Stances need no rules: they are found from the actors' names and the issues'
own words. Stance rules (hand-written phrases naming an issue, an optional
refinement read by `parley.extract.stances`) are data: an issue may carry them
inline under `rules:`, or a rules file beside the case file
(`<case file stem>.rules.yaml`, or one named with `parley build --rules FILE`)
supplies them (inline rules win per issue). A rules file may also give
`holders:`, extra words naming an actor ("Russian" -> russia); they land in
`Case.rules`. See docs/stances.md for the format.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from parley.errors import CaseFileError


@dataclass(frozen=True, slots=True)
class Actor:
    """A party to the negotiation, with every name the news may use for it."""

    id: str
    name: str
    type: str = "state"
    aliases: tuple[str, ...] = ()
    people: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The actor's own names: its name and aliases (not its people)."""
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Issue:
    """A proposition bargained over, on a 0-100 scale.

    `label` is the short name people read in tables ("Immediate ceasefire"); a
    case file may give it, otherwise it is made from the id. `keywords` are
    optional extra words naming the issue.
    """

    id: str
    proposition: str
    scale: dict[int, str] = field(default_factory=dict)
    label: str = ""
    keywords: tuple[str, ...] = ()
    rules: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Case:
    """A negotiation: its actors, its issues and the file they came from."""

    id: str
    title: str
    actors: tuple[Actor, ...]
    issues: tuple[Issue, ...]
    path: Path | None = None
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)
    rules: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id; raises `KeyError` naming the valid ids."""
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        raise KeyError(f"unknown actor {actor_id!r}; valid: {', '.join(self.actor_ids)}")

    @property
    def actor_ids(self) -> tuple[str, ...]:
        return tuple(a.id for a in self.actors)

    @property
    def issue_ids(self) -> tuple[str, ...]:
        return tuple(i.id for i in self.issues)

    def name_index(self) -> dict[str, str]:
        """Map every normalised actor name, alias and person to its actor id."""
        return dict(name_index_of(self.actors))

    def actor_for(self, name: str) -> str | None:
        """The actor id a name belongs to, trying the full name then its last word."""
        return _actor_for(self.actors, name)


# Cached on the actors tuple (hashable, unlike the whole `Case`): extractors ask per mention.
@functools.lru_cache(maxsize=16)
def name_index_of(actors: tuple[Actor, ...]) -> dict[str, str]:
    """`Case.name_index` of these actors, cached (callers must not change it)."""
    index: dict[str, str] = {}
    for actor in actors:
        for name in (*actor.names, *actor.people):
            index.setdefault(name_key(name), actor.id)
    return index


@functools.lru_cache(maxsize=65536)
def _actor_for(actors: tuple[Actor, ...], name: str) -> str | None:
    index = name_index_of(actors)
    key = name_key(name)
    if key in index:
        return index[key]
    surnames = {name_key(p).split()[-1]: a.id for a in actors for p in a.people}
    words = key.split()
    return surnames.get(words[-1]) if words else None


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """Normalise a name for matching: accents, case, dots, possessives, spacing."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[’']s\b", "", text)
    text = text.replace(".", " ").replace("’", "'").lower()
    words = re.sub(r"[^\w' -]", " ", text).split()
    return re.sub(r"\b(\w) (?=\w\b)", r"\1", " ".join(words))  # "u s" -> "us", "j d" -> "jd"


def load_case(path: str | Path, rules: str | Path | None = None) -> Case:
    """Read and validate a case file, with the stance rules of `rules` or of the rules file
    beside it (`<stem>.rules.yaml`), if any; the first problem of the case file is a
    `CaseFileError` naming its line."""
    from parley.case_schema import read_case_file

    path = Path(path)
    data, problems = read_case_file(path)
    if problems or data is None:
        raise CaseFileError(problems[0].format(path))
    rules_path = Path(rules) if rules is not None else sibling_rules(path)
    extra = read_rules(rules_path) if rules_path is not None else {}
    return case_from_dict(data, path=path, rules=extra)


def check_case(path: str | Path) -> list[str]:
    """Every problem of a case file, one line each (`path:line: where: what`); [] when valid."""
    from parley.case_schema import read_case_file

    path = Path(path)
    _data, problems = read_case_file(path)
    return [p.format(path) for p in problems]


def case_from_dict(
    data: dict[str, Any], path: Path | None = None, rules: dict[str, Any] | None = None
) -> Case:
    """Build a `Case` from parsed YAML, with errors naming the file and entry.

    `rules` is a parsed rules file (`issues:` and `holders:`); the case file's
    inline rules win per issue.
    """
    where = str(path) if path else "<case>"
    actors = []
    for i, item in enumerate(data.get("actors") or []):
        if not isinstance(item, dict) or not item.get("id"):
            raise CaseFileError(f"{where}: actors[{i}] needs an 'id'")
        actors.append(
            Actor(
                id=str(item["id"]),
                name=str(item.get("name") or item["id"]),
                type=str(item.get("type") or "state"),
                aliases=tuple(str(a) for a in item.get("aliases") or ()),
                people=tuple(str(p) for p in item.get("people") or ()),
            )
        )
    case_id = str(data.get("case") or (path.stem if path else "case"))
    bundled = rules or {}
    issues = []
    for i, item in enumerate(data.get("issues") or []):
        if not isinstance(item, dict) or not item.get("id"):
            raise CaseFileError(f"{where}: issues[{i}] needs an 'id'")
        scale = {int(k): str(v) for k, v in (item.get("scale") or {}).items()}
        issue_rules = item.get("rules") or (bundled.get("issues") or {}).get(str(item["id"])) or {}
        if not isinstance(issue_rules, dict):
            raise CaseFileError(f"{where}: issues[{i}].rules must be a mapping (for:, against:)")
        issues.append(
            Issue(
                id=str(item["id"]),
                proposition=str(item.get("proposition", "")),
                scale=scale,
                label=str(item.get("label") or _label_from_id(str(item["id"]))),
                keywords=tuple(str(k) for k in item.get("keywords") or ()),
                rules=issue_rules,
            )
        )
    _check_unique(where, "actor", [a.id for a in actors])
    _check_unique(where, "issue", [i.id for i in issues])
    return Case(
        id=case_id,
        title=str(data.get("title") or ""),
        actors=tuple(actors),
        issues=tuple(issues),
        path=path,
        raw=data,
        rules={"holders": {**(bundled.get("holders") or {}), **(data.get("holders") or {})}},
    )


def sibling_rules(case_path: Path) -> Path | None:
    """The rules file beside a case file (`case.yaml` -> `case.rules.yaml`), if there is one."""
    candidate = case_path.with_name(f"{case_path.stem}.rules.yaml")
    return candidate if candidate.is_file() else None


def read_rules(path: Path) -> dict[str, Any]:
    """A stance rules file: a mapping with `issues` (per issue `for:`/`against:`) and `holders`."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CaseFileError(f"{path}: no such rules file") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CaseFileError(f"{path}: cannot read the rules file ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("issues") or {}, dict):
        raise CaseFileError(f"{path}: a rules file is a mapping with 'issues' (and 'holders')")
    if not isinstance(data.get("holders") or {}, dict):
        raise CaseFileError(f"{path}: 'holders' must map actor ids to lists of words")
    return data


def _label_from_id(issue_id: str) -> str:
    """A label made from an id: `immediate_ceasefire` -> "Immediate ceasefire"."""
    words = re.sub(r"[_-]+", " ", issue_id).strip()
    return words[:1].upper() + words[1:]


def _check_unique(where: str, kind: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for item in ids:
        if item in seen:
            raise CaseFileError(f"{where}: {kind} id {item!r} appears twice")
        seen.add(item)
