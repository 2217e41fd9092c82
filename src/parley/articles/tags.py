"""Publisher tags: a JSON object some captures end with (type, predicate, label per tag)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from parley.articles.model import Tag

_LABEL_KEYS = ("prefLabel", "label", "name")


def split_tag_blob(text: str) -> tuple[str, tuple[Tag, ...]]:
    """Split a trailing JSON object off `text`: (text before it, the tags it holds).

    Text that does not end with a JSON object comes back unchanged with no tags.
    """
    stripped = text.rstrip()
    if not stripped.endswith("}"):
        return text, ()
    decoder = json.JSONDecoder()
    for match in re.finditer(r"\{", stripped):
        try:
            value, end = decoder.raw_decode(stripped, match.start())
        except json.JSONDecodeError:
            continue
        if end == len(stripped) and isinstance(value, dict):
            return stripped[: match.start()], tuple(dict.fromkeys(_find_tags(value)))
    return text, ()


def _find_tags(value: Any) -> Iterator[Tag]:
    if isinstance(value, list):
        for item in value:
            yield from _find_tags(item)
    elif isinstance(value, dict):
        tag = _as_tag(value)
        if tag:
            yield tag
        for item in value.values():
            if isinstance(item, list | dict):
                yield from _find_tags(item)


def _as_tag(value: dict[str, Any]) -> Tag | None:
    label = next((value[k] for k in _LABEL_KEYS if isinstance(value.get(k), str)), None)
    kind = value.get("type")
    if not label or not isinstance(kind, str):
        return None
    predicate = value.get("predicate")
    return Tag(
        type=kind, predicate=_short(predicate) if isinstance(predicate, str) else "", label=label
    )


def _short(predicate: str) -> str:
    """The last part of a predicate URI: ".../annotation/mentions" -> "mentions"."""
    return re.split(r"[/#]", predicate.rstrip("/#"))[-1]
