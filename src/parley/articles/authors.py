"""Author names from bylines ("A and B in Washington"), contact lines and metadata fields."""

from __future__ import annotations

import re
from collections.abc import Iterable

# A personal name: two to four capitalised words, with initials and name particles allowed.
_WORD = r"(?:[A-Z][\w’'\-]*\.?|[A-Z]\.)"
_PARTICLE = r"(?:de|da|di|del|der|van|von|la|le|al|bin|ibn|ter)"
NAME = rf"{_WORD}(?:\s+(?:{_PARTICLE}\s+)?{_WORD}){{1,3}}"
_PLACE = rf"{_WORD}(?:\s+{_WORD}){{0,2}}"
_ITEM = re.compile(rf"^(?P<name>{NAME})(?:\s+in\s+{_PLACE})?$")
_SEPARATORS = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
_EMAIL_NAME = re.compile(rf"(?P<name>{NAME})\s+at\s+[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")


def parse_byline(line: str, prefixes: Iterable[str] = ()) -> tuple[str, ...] | None:
    """The authors named by a byline, or `None` when `line` is not one.

    With a prefix ("By Ann Lee") one name is enough; without one the line must
    name two people or a place ("Ann Lee in Kyiv") to be taken as a byline.
    """
    text = line.strip()
    prefixed = False
    if len(text) > 200:
        return None
    for prefix in prefixes:
        if text.lower().startswith(prefix.lower() + " "):
            text, prefixed = text[len(prefix) + 1 :].strip(), True
            break
    if not text or len(text) > 200:
        return None
    parts = [part for part in _SEPARATORS.split(text) if part]
    matches = [_ITEM.match(part) for part in parts]
    if not parts or not all(matches):
        return None
    names = tuple(m.group("name") for m in matches if m)
    has_place = any(" in " in part for part in parts)
    if not prefixed and len(names) < 2 and not has_place:
        return None
    return names


def parse_contact_line(line: str, prefixes: Iterable[str]) -> tuple[str, ...] | None:
    """Authors from a "Write to A at a@x.com and B at b@x.com" line, or `None`."""
    text = line.strip()
    head = text[:40].lower()
    if not any(head.startswith(prefix.lower() + " ") for prefix in prefixes):
        return None
    names = tuple(m.group("name") for m in _EMAIL_NAME.finditer(text))
    return names or None


def split_authors(value: object) -> tuple[str, ...]:
    """Author names from a metadata value: a list, `[{"name": ...}]`, "A; B" or "A, B and C"."""
    if value is None:
        return ()
    if isinstance(value, dict):
        return split_authors(value.get("name"))
    if isinstance(value, list | tuple):
        return tuple(name for item in value for name in split_authors(item))
    if not isinstance(value, str):
        return ()
    text = re.sub(r"^\s*by\s+", "", value, flags=re.IGNORECASE)
    pattern = r"\s*;\s*" if ";" in text else r"\s*(?:,|&|\band\b)\s*"
    return tuple(part.strip() for part in re.split(pattern, text) if part.strip())
