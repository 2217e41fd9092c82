"""TIMEX3 values as calendar objects: formatting, precision and date ranges."""

from __future__ import annotations

import calendar
import logging
import re
from datetime import date, timedelta

from parley.extract.records import DatePrecision

LOGGER = logging.getLogger(__name__)

# TIMEX3 season code -> first month; winter YYYY runs from December YYYY.
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

_PATTERNS: tuple[tuple[DatePrecision, re.Pattern[str]], ...] = (
    ("day", re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")),
    ("week", re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$")),
    ("month", re.compile(r"^(\d{4})-(\d{2})$")),
    ("season", re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")),
    ("quarter", re.compile(r"^(\d{4})-Q([1-4])$")),
    ("quarter", re.compile(r"^(\d{4})-H([12])$")),
    ("year", re.compile(r"^(\d{4})$")),
    ("decade", re.compile(r"^(\d{3})$")),
)


def day_value(day: date) -> str:
    """`2013-03-22`."""
    return day.isoformat()


def week_value(day: date) -> str:
    """ISO week of `day`: `2013-W12`."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def month_value(year: int, month: int) -> str:
    """`2013-03`."""
    return f"{year:04d}-{month:02d}"


def shift_months(year: int, month: int, months: int) -> tuple[int, int]:
    """(year, month) moved by `months` (negative goes back)."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def season_of(day: date) -> tuple[int, str]:
    """The (year, code) of the season holding `day` (January 2013 is in winter 2012)."""
    month = day.month
    if month == 12:
        return day.year, "WI"
    if month <= 2:
        return day.year - 1, "WI"
    code = "SP" if month <= 5 else "SU" if month <= 8 else "FA"
    return day.year, code


def date_precision(value: str) -> str:
    """Granularity of a TIMEX3 value: day, week, month, season, quarter, year, decade or unknown.

    >>> date_precision("2025-03-18"), date_precision("2025-W11"), date_precision("P1M")
    ('day', 'week', 'unknown')
    """
    for precision, pattern in _PATTERNS:
        if pattern.match(value):
            return precision
    return "unknown"


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def timex_to_date_range(value: str) -> tuple[date, date] | None:
    """First and last calendar day a TIMEX3 date value covers, or None when it is not a date.

    >>> timex_to_date_range("2013-W11")
    (datetime.date(2013, 3, 11), datetime.date(2013, 3, 17))
    """
    for precision, pattern in _PATTERNS:
        match = pattern.match(value)
        if match:
            return _range(precision, match.groups(), value)
    return None


def _range(precision: str, groups: tuple[str, ...], value: str) -> tuple[date, date] | None:
    year = int(groups[0])
    if precision == "day":
        day = _safe_date(year, int(groups[1]), int(groups[2]))
        return (day, day) if day else None
    if precision == "week":
        try:
            monday = date.fromisocalendar(year, int(groups[1]), 1)
        except ValueError:
            return None
        if value.endswith("-WE"):
            return monday + timedelta(days=5), monday + timedelta(days=6)
        return monday, monday + timedelta(days=6)
    if precision == "month":
        return _month_span(year, int(groups[1]), 1)
    if precision == "season":
        return _month_span(year, SEASON_START[groups[1]], 3)
    if precision == "quarter":
        size = 3 if "Q" in value else 6
        return _month_span(year, (int(groups[1]) - 1) * size + 1, size)
    if precision == "year":
        return date(year, 1, 1), date(year, 12, 31)
    return date(year * 10, 1, 1), date(year * 10 + 9, 12, 31)


def _month_span(year: int, month: int, months: int) -> tuple[date, date] | None:
    if not 1 <= month <= 12:
        return None
    last_year, last_month = shift_months(year, month, months - 1)
    last_day = calendar.monthrange(last_year, last_month)[1]
    return date(year, month, 1), date(last_year, last_month, last_day)
