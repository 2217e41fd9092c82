"""Calendar dates: full, without a year, day-month order, ISO, and months."""

from __future__ import annotations

from datetime import date

DCT = date(2025, 3, 19)
JANUARY = date(2025, 1, 10)


def test_month_day_year(one) -> None:
    timex = one("The deal was signed on March 18, 2025, in Riyadh.", "March 18, 2025", DCT)
    assert (timex.type, timex.value) == ("DATE", "2025-03-18")


def test_day_month_order(one) -> None:
    assert one("Talks resumed on 19 May.", "19 May", date(2025, 5, 22)).value == "2025-05-19"


def test_month_day_without_year_takes_the_dct_year(one) -> None:
    assert one("The call took place on May 19.", "May 19", date(2025, 5, 22)).value == "2025-05-19"


def test_past_month_day_later_in_the_year_is_last_year(one) -> None:
    timex = one("The talks collapsed on December 3.", "December 3", JANUARY)
    assert timex.value == "2024-12-03"


def test_past_month_without_year_across_the_year_boundary(one) -> None:
    assert one("Fighting flared in December.", "December", JANUARY).value == "2024-12"


def test_future_month_without_year_across_the_year_boundary(one) -> None:
    assert one("Talks will resume in November.", "November", JANUARY).value == "2025-11"


def test_last_month_name_is_the_previous_one(one) -> None:
    assert one("They met last March.", "last March", DCT).value == "2024-03"


def test_month_with_year(one) -> None:
    assert one("He resigned in May 2010.", "May 2010", DCT).value == "2010-05"


def test_early_month_sets_start_mod(one) -> None:
    timex = one("Cases rose in early December.", "early December", JANUARY)
    assert (timex.value, timex.mod) == ("2024-12", "START")


def test_modal_may_is_not_a_month(tag) -> None:
    assert tag("Officials may meet again.", DCT) == []


def test_iso_date(one) -> None:
    assert one("Filed 2024-11-05 in court.", "2024-11-05", DCT).value == "2024-11-05"


def test_impossible_date_is_dropped(tag) -> None:
    assert [t.text for t in tag("It happened on February 30, 2024.", DCT)] == []


def test_absolute_date_resolves_without_dct(one) -> None:
    assert one("Signed on March 18, 2025.", "March 18, 2025", None).value == "2025-03-18"


def test_month_without_year_and_without_dct(one) -> None:
    assert one("They met in June.", "June", None).value == "XXXX-06"


def test_bare_year(one) -> None:
    assert one("The war began in 2014.", "2014", DCT).value == "2014"


def test_four_digit_count_is_not_a_year(tag) -> None:
    assert tag("About 2000 soldiers crossed.", DCT) == []


def test_decade(one) -> None:
    assert one("Prices rose in the 1990s.", "the 1990s", DCT).value == "199"


def test_quarter_of_a_year(one) -> None:
    text = "Profits fell in the third quarter of 2012."
    assert one(text, "the third quarter of 2012", DCT).value == "2012-Q3"


def test_season_last_summer(one) -> None:
    assert one("They met last summer.", "last summer", DCT).value == "2024-SU"


def test_verb_fall_is_not_a_season(tag) -> None:
    assert tag("Prices fall when supply grows.", DCT) == []


def test_holiday_resolves_to_its_day(one) -> None:
    assert one("They met on Christmas Eve.", "Christmas Eve", JANUARY).value == "2024-12-24"


def test_past_quarter_later_than_the_dct_is_last_years(one) -> None:
    text = "Profits fell in the fourth quarter."
    assert one(text, "the fourth quarter", DCT).value == "2024-Q4"


def test_month_name_inside_a_person_name_is_not_a_month(tag) -> None:
    assert tag("The singer June Carter performed.", DCT) == []


def test_month_after_a_preposition_stays_a_month_before_a_name(one) -> None:
    assert one("In June Mr. Smith left.", "June", DCT).value == "2024-06"
