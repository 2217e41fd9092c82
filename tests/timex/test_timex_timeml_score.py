"""Reading TimeML and scoring like TempEval-3 Task A, on a hand-made file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from parley.errors import InputError
from parley.extract.records import Timex
from parley.extract.timex.score import count_document, score
from parley.extract.timex.timeml import read_timeml

MINI = Path(__file__).parent / "fixtures" / "mini.tml"


def test_dct_comes_from_the_dct_tag() -> None:
    assert read_timeml(MINI).dct == date(2024, 6, 14)


def test_text_has_no_tags_and_unescaped_entities() -> None:
    text = read_timeml(MINI).text
    assert "<" not in text and "&amp;" not in text and "met Thursday & talked" in text


def test_gold_offsets_point_into_the_text() -> None:
    document = read_timeml(MINI)
    assert [document.text[t.start : t.end] for t in document.timexes] == [
        "Thursday",
        "three hours",
        "May 2023",
    ]


def test_gold_attributes_are_read() -> None:
    gold = read_timeml(MINI).timexes[1]
    assert (gold.type, gold.value) == ("DURATION", "PT3H")


def test_non_timeml_file_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tml"
    bad.write_text("<html><body>no</body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="no <TEXT>"):
        read_timeml(bad)


def _t(start: int, end: int, value: str, kind: str = "DATE") -> Timex:
    return Timex(start, end, "x" * (end - start), kind, value)  # type: ignore[arg-type]


def test_exact_span_counts_strict_and_relaxed() -> None:
    s = score(count_document([_t(0, 5, "2024")], [_t(0, 5, "2024")]))
    assert (s.strict_f1, s.relaxed_f1, s.value_f1) == (100.0, 100.0, 100.0)


def test_overlap_counts_relaxed_only() -> None:
    s = score(count_document([_t(0, 10, "2024")], [_t(4, 10, "2024")]))
    assert (s.strict_f1, s.relaxed_f1) == (0.0, 100.0)


def test_wrong_value_lowers_value_f1_only() -> None:
    s = score(count_document([_t(0, 5, "2024")], [_t(0, 5, "2023")]))
    assert (s.relaxed_f1, s.value_f1) == (100.0, 0.0)


def test_spurious_expression_lowers_precision() -> None:
    s = score(count_document([_t(0, 5, "2024")], [_t(0, 5, "2024"), _t(20, 25, "2020")]))
    assert (s.relaxed_precision, s.relaxed_recall) == (50.0, 100.0)


def test_one_system_expression_matches_one_gold_only() -> None:
    s = score(count_document([_t(0, 5, "2024"), _t(6, 10, "2024")], [_t(0, 10, "2024")]))
    assert s.relaxed_recall == 50.0


def test_type_accuracy_over_matches() -> None:
    s = score(count_document([_t(0, 5, "P1Y", "DURATION")], [_t(0, 5, "P1Y", "DATE")]))
    assert (s.type_accuracy, s.value_f1) == (0.0, 100.0)
