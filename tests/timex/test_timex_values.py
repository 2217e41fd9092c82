"""`date_precision` and `timex_to_date_range` on TIMEX3 values (no parsing)."""

from __future__ import annotations

from datetime import date

import pytest

from parley.extract.timex import date_precision, timex_to_date_range


@pytest.mark.parametrize(
    ("value", "precision"),
    [
        ("2025-03-18", "day"),
        ("2025-03-18TNI", "day"),
        ("2025-W11", "week"),
        ("2025-03", "month"),
        ("2024-SU", "season"),
        ("2025-Q1", "quarter"),
        ("2025", "year"),
        ("199", "decade"),
        ("P1M", "unknown"),
        ("PRESENT_REF", "unknown"),
        ("XXXX-WXX-2", "unknown"),
    ],
)
def test_precision(value: str, precision: str) -> None:
    assert date_precision(value) == precision


def test_week_range_is_monday_to_sunday() -> None:
    assert timex_to_date_range("2025-W12") == (date(2025, 3, 17), date(2025, 3, 23))


def test_month_range_ends_on_its_last_day() -> None:
    assert timex_to_date_range("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))


def test_winter_runs_into_the_next_year() -> None:
    assert timex_to_date_range("2024-WI") == (date(2024, 12, 1), date(2025, 2, 28))


def test_weekend_range() -> None:
    assert timex_to_date_range("2025-W12-WE") == (date(2025, 3, 22), date(2025, 3, 23))


def test_duration_has_no_range() -> None:
    assert timex_to_date_range("P3Y") is None
