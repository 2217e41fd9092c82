"""Expressions relative to the document date: deictic days, weeks, months, years, ago."""

from __future__ import annotations

from datetime import date

DCT = date(2025, 3, 19)  # a Wednesday, ISO week 12


def test_yesterday(one) -> None:
    assert one("Talks ended yesterday.", "yesterday", DCT).value == "2025-03-18"


def test_today(one) -> None:
    assert one("The vote is today.", "today", DCT).value == "2025-03-19"


def test_tonight_is_a_time(one) -> None:
    timex = one("He will speak tonight.", "tonight", DCT)
    assert (timex.type, timex.value) == ("TIME", "2025-03-19TNI")


def test_overnight_is_the_night_before(one) -> None:
    timex = one("Drones struck overnight.", "overnight", DCT)
    assert (timex.type, timex.value) == ("TIME", "2025-03-18TNI")


def test_last_week(one) -> None:
    assert one("They met last week.", "last week", DCT).value == "2025-W11"


def test_this_week(one) -> None:
    assert one("They meet this week.", "this week", DCT).value == "2025-W12"


def test_last_month(one) -> None:
    assert one("Exports fell last month.", "last month", DCT).value == "2025-02"


def test_last_year(one) -> None:
    assert one("Exports fell last year.", "last year", DCT).value == "2024"


def test_this_year_across_the_boundary_of_last_month(one) -> None:
    assert one("Exports fell last month.", "last month", date(2025, 1, 5)).value == "2024-12"


def test_week_numbers_cross_the_year(one) -> None:
    assert one("They met last week.", "last week", date(2025, 1, 2)).value == "2024-W52"


def test_few_weeks_ago_is_an_approximate_week(one) -> None:
    timex = one("A few weeks ago the front moved.", "A few weeks ago", DCT)
    assert (timex.value, timex.mod) == ("2025-W09", "APPROX")


def test_three_days_ago(one) -> None:
    assert one("He left three days ago.", "three days ago", DCT).value == "2025-03-16"


def test_earlier_this_month(one) -> None:
    assert one("They met earlier this month.", "earlier this month", DCT).value == "2025-03"


def test_past_end_of_the_year_is_last_year(one) -> None:
    text = "Cases peaked at the end of the year."
    timex = one(text, "the end of the year", DCT)
    assert (timex.value, timex.mod) == ("2024", "END")


def test_future_end_of_the_year_is_this_year(one) -> None:
    text = "The troops will leave by the end of the year."
    assert one(text, "the end of the year", DCT).value == "2025"


def test_now_is_present_ref(one) -> None:
    assert one("The front is now quiet.", "now", DCT).value == "PRESENT_REF"


def test_relative_without_dct_keeps_x(one) -> None:
    assert one("They met last week.", "last week", None).value == "XXXX-WXX"


def test_the_next_day_counts_from_the_last_date(one) -> None:
    text = "They met on June 3, 2024. The next day they signed."
    assert one(text, "The next day", DCT).value == "2024-06-04"


def test_that_year_is_the_last_year_mentioned(one) -> None:
    assert one("In 2009 he moved. That year was hard.", "That year", DCT).value == "2009"
