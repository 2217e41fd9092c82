"""Case files: the actors and issues of one negotiation, as data.

A case file is YAML with `case`, `title`, `actors` (id, name, type, aliases,
people) and `issues` (id, proposition, scale). Other sections (for example
`positions`, read by `parley.bargain`) are kept in `Case.raw`.

Stance rules (the phrases that name each issue, read by `parley.extract.stances`)
are data too: an issue may carry them inline under `rules:`, or a rules file
shipped in `parley/cases/<case id>.rules.yaml` supplies them for every case file
with that `case:` id (inline rules win per issue). The rules file may also give
`holders:`, extra words naming an actor ("Russian" -> russia); they land in
`Case.rules`. See docs/stances.md for the format.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
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
        index: dict[str, str] = {}
        for actor in self.actors:
            for name in (*actor.names, *actor.people):
                index.setdefault(name_key(name), actor.id)
        return index

    def actor_for(self, name: str) -> str | None:
        """The actor id a name belongs to, trying the full name then its last word."""
        index = self.name_index()
        key = name_key(name)
        if key in index:
            return index[key]
        surnames = {name_key(p).split()[-1]: a.id for a in self.actors for p in a.people}
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


def load_case(path: str | Path) -> Case:
    """Read and validate a case file; the first problem is a `CaseFileError` naming its line."""
    from parley.case_schema import read_case_file

    path = Path(path)
    data, problems = read_case_file(path)
    if problems or data is None:
        raise CaseFileError(problems[0].format(path))
    return case_from_dict(data, path=path)


def check_case(path: str | Path) -> list[str]:
    """Every problem of a case file, one line each (`path:line: where: what`); [] when valid."""
    from parley.case_schema import read_case_file

    path = Path(path)
    _data, problems = read_case_file(path)
    return [p.format(path) for p in problems]


def case_from_dict(data: dict[str, Any], path: Path | None = None) -> Case:
    """Build a `Case` from parsed YAML, with errors naming the file and entry."""
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
    bundled = bundled_rules(case_id)
    issues = []
    for i, item in enumerate(data.get("issues") or []):
        if not isinstance(item, dict) or not item.get("id"):
            raise CaseFileError(f"{where}: issues[{i}] needs an 'id'")
        scale = {int(k): str(v) for k, v in (item.get("scale") or {}).items()}
        rules = item.get("rules") or (bundled.get("issues") or {}).get(str(item["id"])) or {}
        if not isinstance(rules, dict):
            raise CaseFileError(f"{where}: issues[{i}].rules must be a mapping (for:, against:)")
        issues.append(
            Issue(
                id=str(item["id"]),
                proposition=str(item.get("proposition", "")),
                scale=scale,
                label=str(item.get("label") or _label_from_id(str(item["id"]))),
                keywords=tuple(str(k) for k in item.get("keywords") or ()),
                rules=rules,
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


def bundled_rules(case_id: str) -> dict[str, Any]:
    """The rules file shipped for a case id (`parley/cases/<id>.rules.yaml`), or {}."""
    resource = resources.files("parley") / "cases" / f"{case_id}.rules.yaml"
    if not resource.is_file():
        return {}
    try:
        data = yaml.safe_load(resource.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise CaseFileError(f"{resource}: cannot read the bundled rules ({exc})") from None
    if not isinstance(data, dict):
        raise CaseFileError(f"{resource}: a rules file is a mapping with 'issues'")
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
