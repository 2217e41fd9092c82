"""Dates as articles and records write them: ISO, RFC 2822, "May 22, 2025", "22 May 2025"."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_PATTERNS = [
    re.compile(r"\b" + _YEAR + r"[-/.](?P<mon>[01]?\d)[-/.]" + r"(?P<day>[0-3]?\d)\b"),
    re.compile(r"\b" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR + r"\b", re.IGNORECASE),
    re.compile(r"\b" + _DAY + r"\s+" + _MONTH + r",?\s+" + _YEAR + r"\b", re.IGNORECASE),
]


def _build(year: str, month: int, day: str) -> date | None:
    try:
        return date(int(year), month, int(day))
    except ValueError:
        return None


def find_date(text: str) -> date | None:
    """The first explicit calendar date written in `text` (a year is required), or `None`."""
    found: list[tuple[int, date]] = []
    for pattern in _PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        groups = match.groupdict()
        month = int(groups["mon"]) if groups.get("mon") else MONTHS[groups["month"].lower()]
        built = _build(groups["year"], month, groups["day"])
        if built:
            found.append((match.start(), built))
    return min(found)[1] if found else None


def parse_date(value: object) -> date | None:
    """A date from a record or manifest value: ISO, RFC 2822, written dates or a Unix time.

    Returns `None` for anything without an explicit year ("yesterday", "Tuesday").
    """
    if isinstance(value, date):
        return value if not isinstance(value, datetime) else value.date()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _from_timestamp(float(value))
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    return find_date(text)


def _from_timestamp(seconds: float) -> date | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    try:
        return datetime.fromtimestamp(seconds, tz=UTC).date()
    except (OverflowError, OSError, ValueError):
        return None
