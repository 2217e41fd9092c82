"""Merging the same event reported by several articles."""

from __future__ import annotations

from parley.analysis.events import compatible_dates, merge_events
from parley.extract.records import Event


def ev(kind="call", day="2025-03-18", precision="day", actors=("united_states", "russia"), start=0):
    return Event(start, start + 10, kind, f"{kind} summary", day, precision, tuple(actors))


def test_same_call_in_two_articles_is_one_event_with_both_sources():
    merged = merge_events([("a1", "one.txt", ev()), ("a2", "two.txt", ev(actors=("russia",)))])
    assert len(merged) == 1
    assert [s["article_id"] for s in merged[0].sources] == ["a1", "a2"]


def test_day_inside_a_reported_week_merges_and_keeps_the_day():
    merged = merge_events(
        [("a1", "one", ev(day="2025-W12", precision="week")), ("a2", "two", ev(day="2025-03-18"))]
    )
    assert [(m.date, m.date_precision) for m in merged] == [("2025-03-18", "day")]


def test_different_days_stay_apart():
    merged = merge_events([("a1", "one", ev()), ("a2", "two", ev(day="2025-03-19"))])
    assert len(merged) == 2


def test_incompatible_types_stay_apart():
    merged = merge_events([("a1", "one", ev()), ("a2", "two", ev(kind="attack"))])
    assert len(merged) == 2


def test_compatible_types_merge():
    merged = merge_events([("a1", "one", ev()), ("a2", "two", ev(kind="talks"))])
    assert len(merged) == 1


def test_disjoint_actors_stay_apart():
    merged = merge_events([("a1", "one", ev()), ("a2", "two", ev(actors=("china", "europe")))])
    assert len(merged) == 2


def test_undated_events_never_merge():
    undated = ev(day=None, precision="unknown")
    assert len(merge_events([("a1", "one", undated), ("a2", "two", undated)])) == 2


def test_the_same_report_given_twice_counts_once():
    merged = merge_events([("a1", "one", ev())] * 2)
    assert len(merged[0].sources) == 1


def test_ids_are_stable_across_runs_and_input_order():
    a = [("a1", "one", ev()), ("a2", "two", ev(kind="attack", day="2025-03-20"))]
    assert [m.id for m in merge_events(a)] == [m.id for m in merge_events(list(reversed(a)))]


def test_timeline_is_in_date_order_with_undated_last():
    merged = merge_events(
        [
            ("a1", "one", ev(day=None, precision="unknown")),
            ("a1", "one", ev(day="2025-03-20", start=50)),
            ("a1", "one", ev(day="2025-02", precision="month", start=90)),
        ]
    )
    assert [m.date for m in merged] == ["2025-02", "2025-03-20", None]


def test_to_dict_has_the_export_fields():
    merged = merge_events([("a1", "one.txt", ev())])[0].to_dict()
    assert set(merged) == {
        "id",
        "date",
        "date_precision",
        "type",
        "actors",
        "summary",
        "sources",
        "approximate",
        "first_day",
        "last_day",
    }
    assert set(merged["sources"][0]) == {"article_id", "source", "start", "end"}


def test_compatible_dates():
    assert compatible_dates("2025-03-18", "2025-03")
    assert not compatible_dates("2025-03-18", "2025-04")
