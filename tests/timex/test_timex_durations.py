"""Durations, sets and clock times."""

from __future__ import annotations

from datetime import date

DCT = date(2025, 3, 19)


def test_counted_years(one) -> None:
    timex = one("The war has lasted three years.", "three years", DCT)
    assert (timex.type, timex.value) == ("DURATION", "P3Y")


def test_digits_days(one) -> None:
    assert one("He spent 90 days in jail.", "90 days", DCT).value == "P90D"


def test_almost_is_less_than(one) -> None:
    timex = one("He served almost seven years.", "almost seven years", DCT)
    assert (timex.value, timex.mod) == ("P7Y", "LESS_THAN")


def test_about_is_left_out_of_the_span_but_sets_approx(one) -> None:
    timex = one("It began about a month ago, roughly.", "a month ago", DCT)
    assert timex.mod == "APPROX"


def test_the_past_two_years(one) -> None:
    assert one("Over the past two years prices rose.", "the past two years", DCT).value == "P2Y"


def test_vague_count_has_x(one) -> None:
    assert one("Several days passed.", "Several days", DCT).value == "PXD"


def test_decade_is_ten_years(one) -> None:
    assert one("The worst in a decade.", "a decade", DCT).value == "P10Y"


def test_half_an_hour(one) -> None:
    assert one("They talked for half an hour.", "half an hour", DCT).value == "PT30M"


def test_hyphenated_adjective(one) -> None:
    assert one("A 30-day truce began.", "30-day", DCT).value == "P30D"


def test_age_is_not_a_duration(tag) -> None:
    assert tag("A five-year-old boy was hurt.", DCT) == []


def test_every_monday_is_a_set(one) -> None:
    timex = one("The council meets every Monday.", "every Monday", DCT)
    assert (timex.type, timex.value) == ("SET", "XXXX-WXX-1")


def test_twice_a_year_is_a_set(one) -> None:
    assert one("They meet twice a year.", "twice a year", DCT).value == "P1Y"


def test_clock_time_takes_the_day_of_its_sentence(one) -> None:
    text = "The talks opened on March 12, 2025 at 8 p.m. in Jeddah."
    timex = one(text, "8 p.m.", DCT)
    assert (timex.type, timex.value) == ("TIME", "2025-03-12T20:00")


def test_offsets_point_into_the_text(tag) -> None:
    text = "On Tuesday, three weeks after the March 18, 2025 call, talks resumed."
    found = tag(text, DCT)
    assert len(found) >= 3  # Tuesday, three weeks, March 18, 2025
    assert all(text[t.start : t.end] == t.text for t in found)
