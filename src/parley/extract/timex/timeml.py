"""Read TimeML (`.tml`) files: the creation time, the plain text, and the gold TIMEX3 tags.

The text is the content of `<TEXT>` with every tag removed and entities
unescaped; gold offsets point into that text.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from parley.errors import InputError
from parley.extract.records import Timex

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    """One TimeML file: its DCT (as a date and as the gold DCT tag), text and gold expressions."""

    name: str
    dct: date | None
    text: str
    timexes: list[Timex] = field(default_factory=list)
    dct_timex: Timex | None = None


def read_timeml(path: Path) -> TimeMLDocument:
    """Parse one `.tml` file. Raises `InputError` when it is not TimeML with a `<TEXT>`."""
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise InputError(str(path), f"cannot read as TimeML XML: {exc}") from exc
    body = root.find("TEXT")
    if body is None:
        raise InputError(str(path), "no <TEXT> element; is this a TimeML file?")
    text, timexes = _flatten(body)
    dct_timex = _dct_timex(root)
    return TimeMLDocument(
        name=path.stem,
        dct=_date_or_none(dct_timex.value if dct_timex else None),
        text=text,
        timexes=timexes,
        dct_timex=dct_timex,
    )


def read_timeml_dir(folder: Path) -> list[TimeMLDocument]:
    """Every `*.tml` file of `folder`, sorted by name. Raises `InputError` when there is none."""
    paths = sorted(folder.glob("*.tml"))
    if not paths:
        raise InputError(
            str(folder), "no .tml files found (expected TimeML files such as TempEval-3)"
        )
    return [read_timeml(p) for p in paths]


def _flatten(element: ET.Element) -> tuple[str, list[Timex]]:
    """Text of `element` without tags, and the TIMEX3 tags in it with offsets into that text."""
    pieces: list[str] = []
    timexes: list[Timex] = []
    length = 0

    def walk(node: ET.Element) -> None:
        nonlocal length
        start = length
        if node.text:
            pieces.append(node.text)
            length += len(node.text)
        for child in node:
            walk(child)
            if child.tail:
                pieces.append(child.tail)
                length += len(child.tail)
        if node.tag == "TIMEX3":
            timexes.append(_timex(node, start, length, "".join(pieces)[start:length]))

    walk(element)
    return "".join(pieces), sorted(timexes, key=lambda t: t.start)


def _timex(node: ET.Element, start: int, end: int, text: str) -> Timex:
    kind = node.get("type", "DATE")
    if kind not in ("DATE", "TIME", "DURATION", "SET"):
        LOGGER.warning("TIMEX3 %r has unknown type %r; reading it as DATE", text, kind)
        kind = "DATE"
    return Timex(start, end, text, kind, node.get("value", ""), node.get("mod"))  # type: ignore[arg-type]


def _dct_timex(root: ET.Element) -> Timex | None:
    node = root.find("DCT/TIMEX3")
    if node is None:
        return None
    text = "".join(node.itertext())
    return _timex(node, 0, len(text), text)


def _date_or_none(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        LOGGER.warning("DCT value %r is not a day; relative expressions stay unresolved", value)
        return None
