"""Word lists of `extract/data/stance_judging.yaml`, loaded once: phrases of bargaining,
verbs of warning, nouns of condition and the verbs that set them, verbs of reacting."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any


@cache
def judging_data() -> dict[str, Any]:
    """The whole file."""
    import yaml

    resource = resources.files("parley.extract") / "data" / "stance_judging.yaml"
    data: dict[str, Any] = yaml.safe_load(resource.read_text(encoding="utf-8"))
    return data


@cache
def word_set(key: str) -> frozenset[str]:
    """One list of the file as a set ("warning", "reacting", "condition_nouns", "setting")."""
    return frozenset(judging_data()[key])


@cache
def bargaining_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases of bargaining ("on the table"), by their first word."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for words in judging_data()["open_to_bargaining"]:
        found.setdefault(words[0], []).append(tuple(words))
    return {first: tuple(each) for first, each in found.items()}
