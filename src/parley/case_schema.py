"""Check a case file against its schema, with the line of every problem.

The YAML is composed into nodes (PyYAML's `yaml.compose`), so each node keeps
the line it came from, and every problem reads
`case.yaml:12: actors[0].aliases: expected a list of names, got 5`.
`case_problems` returns them all (for `parley case check`); `parley.case.load_case`
raises the first as a `CaseFileError`. The schema is data: `TOP_KEYS`,
`ACTOR_KEYS` and `ISSUE_KEYS` map each key to the kind of value it takes.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from parley.errors import CaseFileError

STR, POINT, POSITIVE, NAMES = "str", "point", "positive", "names"
MAPPING, SCALE = "mapping", "scale"
ACTORS, ISSUES = "actors", "issues"
TOP_KEYS = {
    "case": STR,
    "title": STR,
    "actors": ACTORS,
    "issues": ISSUES,
    "positions": MAPPING,
    "holders": MAPPING,
}
ACTOR_KEYS = {
    "id": STR,
    "name": STR,
    "type": STR,
    "aliases": NAMES,
    "people": NAMES,
    "capability": POSITIVE,
}
ISSUE_KEYS = {
    "id": STR,
    "proposition": STR,
    "label": STR,
    "keywords": NAMES,
    "scale": SCALE,
    "status_quo": POINT,
    "rules": MAPPING,
}
CONTAINERS = {
    MAPPING: yaml.MappingNode,
    SCALE: yaml.MappingNode,
    NAMES: yaml.SequenceNode,
    ACTORS: yaml.SequenceNode,
    ISSUES: yaml.SequenceNode,
}
REQUIRED = {"actor": ("id",), "issue": ("id", "proposition")}
EXPECTED = {
    STR: "a text",
    POINT: "a number from 0 to 100",
    POSITIVE: "a number above 0",
    NAMES: "a list of names",
    MAPPING: "a mapping",
    SCALE: "a mapping of scale points (0-100) to labels",
    ACTORS: "a list of actors (each a mapping with 'id', 'name', ...)",
    ISSUES: "a list of issues (each a mapping with 'id', 'proposition', ...)",
}


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a case file, at a line (1-based)."""

    line: int
    where: str
    message: str

    def format(self, path: str | Path) -> str:
        where = f" {self.where}:" if self.where else ""
        return f"{path}:{self.line}:{where} {self.message}"


def read_case_file(path: Path) -> tuple[dict[str, Any] | None, list[Problem]]:
    """A case file's data and its problems (the data is None when there are problems).

    Raises `CaseFileError` when the file is missing or cannot be read as text.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CaseFileError(f"{path}: no such case file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CaseFileError(f"{path}: cannot read case file ({exc})") from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        return None, [_syntax_problem(exc)]
    problems = case_problems(root)
    if problems:
        return None, problems
    return yaml.safe_load(text), []


def _syntax_problem(exc: yaml.YAMLError) -> Problem:
    mark = getattr(exc, "problem_mark", None)
    line = mark.line + 1 if mark is not None else 1
    reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return Problem(line, "", f"not valid YAML: {reason}")


def case_problems(root: yaml.Node | None) -> list[Problem]:
    """Every problem in a composed case file, in file order."""
    if not isinstance(root, yaml.MappingNode):
        line = root.start_mark.line + 1 if root is not None else 1
        return [Problem(line, "", "a case file is a YAML mapping with 'actors' and 'issues'")]
    problems = list(_mapping(root, "", TOP_KEYS))
    top = _children(root)
    for section, kind, keys in (("actors", "actor", ACTOR_KEYS), ("issues", "issue", ISSUE_KEYS)):
        node = top.get(section)
        if isinstance(node, yaml.SequenceNode):
            problems += _entries(node, section, kind, keys)
    return sorted(problems, key=lambda p: p.line)


def _entries(
    node: yaml.SequenceNode, section: str, kind: str, keys: dict[str, str]
) -> list[Problem]:
    """Each actor or issue: a mapping with known keys, required ones, and an id used once."""
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for i, item in enumerate(node.value):
        where = f"{section}[{i}]"
        if not isinstance(item, yaml.MappingNode):
            problems.append(_wrong(item, where, f"an {kind} (a mapping with 'id', ...)"))
            continue
        problems += _mapping(item, where, keys)
        fields = _children(item)
        for key in REQUIRED[kind]:
            if key not in fields or _empty(fields[key]):
                problems.append(Problem(_line(item), where, f"this {kind} needs '{key}'"))
        id_node = fields.get("id")
        if isinstance(id_node, yaml.ScalarNode) and id_node.value:
            if id_node.value in seen:
                problems.append(
                    Problem(
                        _line(id_node),
                        f"{where}.id",
                        f"{kind} id {id_node.value!r} appears twice (first on line "
                        f"{seen[id_node.value]})",
                    )
                )
            seen.setdefault(id_node.value, _line(id_node))
    return problems


def _mapping(node: yaml.MappingNode, where: str, keys: dict[str, str]) -> Iterator[Problem]:
    """Known keys, each once, each with a value of its kind."""
    seen: set[str] = set()
    for key_node, value in node.value:
        key = str(key_node.value)
        at = f"{where}.{key}" if where else key
        if key in seen:
            yield Problem(_line(key_node), at, "this key appears twice")
        seen.add(key)
        if key not in keys:
            yield Problem(_line(key_node), at, _unknown_key(key, keys))
            continue
        yield from _value(value, at, keys[key])


def _unknown_key(key: str, keys: dict[str, str]) -> str:
    close = difflib.get_close_matches(key, keys, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"unknown key; {hint}valid: {', '.join(keys)}"


def _value(node: yaml.Node, where: str, kind: str) -> Iterator[Problem]:
    number = _number(node)
    if kind == STR and not _is_text(node):
        yield _wrong(node, where, EXPECTED[STR])
    elif kind == POINT and (number is None or not 0 <= number <= 100):
        yield _wrong(node, where, EXPECTED[POINT])
    elif kind == POSITIVE and (number is None or number <= 0):
        yield _wrong(node, where, EXPECTED[POSITIVE])
    elif not isinstance(node, CONTAINERS.get(kind, yaml.Node)):
        if not _null(node):
            yield _wrong(node, where, EXPECTED[kind])
    elif kind == NAMES:
        for i, item in enumerate(node.value):
            if not _is_text(item) or _empty(item):
                yield _wrong(item, f"{where}[{i}]", "a name")
    elif kind == SCALE and isinstance(node, yaml.MappingNode):
        yield from _scale(node, where)


def _scale(node: yaml.MappingNode, where: str) -> Iterator[Problem]:
    """Scale points are whole numbers from 0 to 100, each with a text label."""
    for key_node, label in node.value:
        point = _number(key_node)
        if point is None or point != int(point) or not 0 <= point <= 100:
            yield Problem(
                _line(key_node),
                f"{where}.{key_node.value}",
                "a scale point is a whole number from 0 to 100",
            )
        elif not _is_text(label) or _empty(label):
            yield _wrong(label, f"{where}.{key_node.value}", "a label for this point")


def _children(node: yaml.MappingNode) -> dict[str, yaml.Node]:
    return {str(k.value): v for k, v in node.value}


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")


def _empty(node: yaml.Node) -> bool:
    return _null(node) or (isinstance(node, yaml.ScalarNode) and not str(node.value).strip())


def _is_text(node: yaml.Node) -> bool:
    """A scalar that reads as text: strings, and numbers written where a name is expected."""
    return isinstance(node, yaml.ScalarNode) and not node.tag.endswith((":bool", ":null"))


def _number(node: yaml.Node) -> float | None:
    if not isinstance(node, yaml.ScalarNode) or node.tag.endswith((":bool", ":null")):
        return None
    try:
        value = float(node.value)
    except ValueError:
        return None
    return None if math.isnan(value) else value


def _wrong(node: yaml.Node, where: str, expected: str) -> Problem:
    return Problem(_line(node), where, f"expected {expected}, got {_shown(node)}")


def _shown(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if _null(node):
        return "nothing"
    if node.tag.endswith(":bool"):
        return f"{node.value} (YAML reads it as yes/no: put it in quotes)"
    value = str(node.value)
    return value if len(value) <= 40 else value[:39] + "…"
