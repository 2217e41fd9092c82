"""Bare weekdays: past (or today) in news, future when the verb says so."""

from __future__ import annotations

from datetime import date

WEDNESDAY = date(2024, 6, 12)
FRIDAY = date(2024, 6, 14)


def test_said_friday_in_a_friday_article_is_that_day(one) -> None:
    assert (
        one("The minister said Friday that talks failed.", "Friday", FRIDAY).value == "2024-06-14"
    )


def test_past_tense_tuesday_in_a_wednesday_article_is_yesterday(one) -> None:
    timex = one("The envoys met on Tuesday in Geneva.", "Tuesday", WEDNESDAY)
    assert timex.value == "2024-06-11"


def test_past_tense_thursday_in_a_wednesday_article_is_last_week(one) -> None:
    timex = one("The envoys met on Thursday in Geneva.", "Thursday", WEDNESDAY)
    assert timex.value == "2024-06-06"


def test_future_tense_points_forward(one) -> None:
    timex = one("The envoys will meet on Tuesday in Geneva.", "Tuesday", WEDNESDAY)
    assert timex.value == "2024-06-18"


def test_reported_would_points_forward(one) -> None:
    text = "She said the envoys would meet on Monday."
    assert one(text, "Monday", WEDNESDAY).value == "2024-06-17"


def test_last_weekday_is_strictly_before(one) -> None:
    timex = one("Prices fell last Wednesday.", "last Wednesday", WEDNESDAY)
    assert timex.value == "2024-06-05"


def test_next_weekday_is_strictly_after(one) -> None:
    assert one("Voting starts next Friday.", "next Friday", FRIDAY).value == "2024-06-21"


def test_weekday_with_part_of_day_is_a_time(one) -> None:
    timex = one("Shelling resumed on Sunday night.", "Sunday night", WEDNESDAY)
    assert (timex.type, timex.value) == ("TIME", "2024-06-09TNI")


def test_weekday_without_dct_keeps_the_weekday_only(one) -> None:
    assert one("The envoys met on Tuesday.", "Tuesday", None).value == "XXXX-WXX-2"


def test_possessive_weekday_is_tagged_without_the_s(one) -> None:
    timex = one("Friday's vote was close.", "Friday", WEDNESDAY)
    assert timex.value == "2024-06-07"


def test_present_reporting_verb_reads_as_past(one) -> None:
    text = "The company says Tuesday it will cut jobs."
    assert one(text, "Tuesday", WEDNESDAY).value == "2024-06-11"


def test_present_tense_event_points_forward(one) -> None:
    assert one("The committee meets Tuesday.", "Tuesday", WEDNESDAY).value == "2024-06-18"
