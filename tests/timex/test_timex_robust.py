"""Messy input never makes the tagger raise, and every span points into the text."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

WORDS = [
    "the",
    "last",
    "next",
    "this",
    "of",
    "early",
    "late",
    "mid-",
    "ago",
    "on",
    "in",
    "a",
    "few",
    "several",
    "almost",
    "about",
    "every",
    "twice",
    "and",
    "half",
    "end",
    "May",
    "February",
    "Sept.",
    "March",
    "Tuesday",
    "Sunday",
    "summer",
    "fall",
    "Christmas",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "year",
    "years",
    "decade",
    "quarter",
    "century",
    "29",
    "30",
    "31",
    "1st",
    "2012",
    "1990s",
    "'90s",
    "8",
    "p.m.",
    "10:30",
    "GMT",
    "3:07:35",
    "now",
    "today",
    "tonight",
    "overnight",
    "yesterday",
    "weekend",
    "first",
    "fourth",
    "2024-02-30",
    "12/31/2024",
    "Q3",
    "FY2013",
    ",",
    ".",
    "-",
    "twenty-five",
    "1,000",
]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=14),
    dct=st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))),
)
def test_any_mix_of_time_words_resolves_without_error(tag, words, dct) -> None:
    text = " ".join(words)
    for timex in tag(text, dct):
        assert text[timex.start : timex.end] == timex.text
        assert timex.type in ("DATE", "TIME", "DURATION", "SET")
        assert timex.value


def test_empty_text_has_no_expressions(tag) -> None:
    assert tag("", date(2025, 3, 19)) == []


def test_infinitive_headline_with_a_date_does_not_recurse(tag) -> None:
    # A fragment whose root is a bare infinitive ("To ...") is its own head; the
    # tense lookup once followed it forever and lost the whole article.
    text = "To reach a deal within the next 90 days."
    timexes = tag(text, date(2025, 3, 19))
    assert [t.text for t in timexes] == ["the next 90 days"]
