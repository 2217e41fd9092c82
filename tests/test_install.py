"""Installing Parley: what it declares must install with any pip, old resolvers included."""

from __future__ import annotations

import ast
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, distribution, packages_distributions
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {canonicalize_name(Requirement(r).name) for r in project["dependencies"]}


def _wanted(requirement: Requirement, extras: tuple[str, ...]) -> bool:
    if requirement.marker is None:
        return True
    return any(requirement.marker.evaluate({"extra": e}) for e in (*extras, ""))


def _closure(roots: set[str]) -> tuple[set[str], list[tuple[str, Requirement]]]:
    """Every distribution `roots` pull in when extras of dependencies are ignored, and the
    requirements with extras met on the way (as an old pip may ignore them)."""
    seen: set[str] = set()
    with_extras: list[tuple[str, Requirement]] = []
    todo = sorted(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = distribution(name).requires or []
        except PackageNotFoundError:
            continue
        for text in requires:
            requirement = Requirement(text)
            if not _wanted(requirement, ()):
                continue
            if requirement.extras:
                with_extras.append((name, requirement))
            todo.append(canonicalize_name(requirement.name))
    return seen, with_extras


def test_extras_our_dependencies_ask_for_are_declared_directly():
    """pip 23.2 (the one a fresh Debian venv has) drops a dependency's extra such as jusText's
    `lxml[html_clean]`; every package such an extra brings must come without it."""
    plain, with_extras = _closure(_declared())
    assert with_extras, "no dependency asks for an extra: the check would prove nothing"
    missing = []
    for parent, requirement in with_extras:
        for text in distribution(requirement.name).requires or []:
            needed = Requirement(text)
            only_with_extra = _wanted(needed, tuple(requirement.extras)) and not _wanted(needed, ())
            if only_with_extra and canonicalize_name(needed.name) not in plain:
                missing.append(f"{parent} -> {requirement} needs {needed.name}")
    assert missing == []


def test_every_third_party_module_the_code_imports_is_a_declared_dependency():
    imported: set[str] = set()
    for path in (ROOT / "src" / "parley").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                imported.add(node.module.split(".")[0])
    third_party = imported - set(sys.stdlib_module_names) - {"parley", "__future__"}
    assert "spacy" in third_party
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    optional = {
        canonicalize_name(Requirement(r).name)
        for group in project["optional-dependencies"].values()
        for r in group
    }
    by_module = packages_distributions()
    undeclared = {
        module
        for module in third_party
        if not {canonicalize_name(d) for d in by_module.get(module, [module])}
        & (_declared() | optional)
    }
    assert undeclared == set()
