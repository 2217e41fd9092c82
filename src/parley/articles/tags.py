"""Publisher tags: a JSON object some captures end with (type, predicate, label per tag)."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from typing import Any

from parley.articles.model import Tag

_LABEL_KEYS = ("prefLabel", "label", "name")
# A tag blob is looked for only in the text's last characters, from at most this many "{".
# Each failed attempt costs time in proportion to where it starts (the JSON error counts
# lines), so without bounds a text of many braces takes minutes. The seed captures' blob
# is under 8,000 characters.
TAG_BLOB_MAX_CHARS = 200_000
TAG_BLOB_MAX_TRIES = 64


def split_tag_blob(text: str) -> tuple[str, tuple[Tag, ...]]:
    """Split a trailing JSON object off `text`: (text before it, the tags it holds).

    Text that does not end with a JSON object comes back unchanged with no tags.
    """
    stripped = text.rstrip()
    if not stripped.endswith("}"):
        return text, ()
    offset = max(0, len(stripped) - TAG_BLOB_MAX_CHARS)
    tail = stripped[offset:]
    decoder = json.JSONDecoder()
    for match in itertools.islice(re.finditer(r"\{", tail), TAG_BLOB_MAX_TRIES):
        try:
            value, end = decoder.raw_decode(tail, match.start())
        except json.JSONDecodeError:
            continue
        except RecursionError:  # nested deeper than the JSON parser goes: not a tag blob
            break
        if end == len(tail) and isinstance(value, dict):
            tags = tuple(dict.fromkeys(_find_tags(value)))
            return stripped[: offset + match.start()], tags
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
