"""JSON and JSONL article records."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from parley.articles.model import Article
from parley.sources import Rejected, read_articles

CORPUS = Path(__file__).parent / "fixtures" / "inputs" / "corpus"
BODY = "Fishing quotas will be discussed at the next round of harbour talks, a spokesman said."


def read(path: Path) -> list[Article | Rejected]:
    return list(read_articles([path]))


def write_json(tmp_path: Path, value: object, name: str = "r.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(value), encoding="utf-8")
    return path


def test_jsonl_record_fields():
    first = read(CORPUS / "records.jsonl")[0]
    assert (first.title, first.outlet, first.authors, first.published, first.url) == (
        "Fishing quotas on the agenda",
        "Wire Service",
        ("Lena Ortiz",),
        date(2025, 4, 4),
        "https://wire.example/a1",
    )


def test_jsonl_record_source_is_path_and_line():
    first = read(CORPUS / "records.jsonl")[0]
    assert first.source == f"{CORPUS / 'records.jsonl'}#1"


def test_jsonl_html_field_goes_through_html_path():
    second = read(CORPUS / "records.jsonl")[1]
    assert second.text.startswith("Ferry operators on both sides")
    assert "<p>" not in second.text


def test_outlet_from_nested_source_and_authors_from_string():
    second = read(CORPUS / "records.jsonl")[1]
    assert (second.outlet, second.authors) == ("Harbour Gazette", ("Marco Lind", "Ida Vance"))


def test_jsonl_bad_lines_rejected_with_line_numbers():
    rejected = [r for r in read(CORPUS / "records.jsonl") if isinstance(r, Rejected)]
    path = CORPUS / "records.jsonl"
    assert rejected == [
        Rejected(
            f"{path}#line 3", "record has no text (expected a non-empty 'text' or 'html' field)"
        ),
        Rejected(
            f"{path}#line 4", "truncated JSON record (ends inside a value; line 1, column 68)"
        ),
        Rejected(f"{path}#line 5", "record is not a JSON object (got a list)"),
    ]


def test_json_list_records_and_rfc2822_date():
    first, second = read(CORPUS / "list.json")
    assert (first.source, first.published, first.authors) == (
        f"{CORPUS / 'list.json'}#1",
        date(2025, 4, 6),
        ("Tomas Berg",),
    )
    assert second == Rejected(
        f"{CORPUS / 'list.json'}#item 2",
        "record has no text (expected a non-empty 'text' or 'html' field)",
    )


def test_single_json_record_source_is_the_path(tmp_path: Path):
    path = write_json(tmp_path, {"title": "Quotas", "text": BODY})
    (article,) = read(path)
    assert (article.source, article.title, article.text) == (str(path), "Quotas", BODY)


def test_wrapped_list_of_records(tmp_path: Path):
    path = write_json(tmp_path, {"articles": [{"text": BODY}, {"text": BODY + " Again."}]})
    assert [a.source for a in read(path)] == [f"{path}#1", f"{path}#2"]


def test_jsonl_lines_in_a_json_file(tmp_path: Path):
    path = tmp_path / "lines.json"
    path.write_text(
        json.dumps({"text": BODY}) + "\n" + json.dumps({"text": BODY + " Two."}), "utf-8"
    )
    assert [a.source for a in read(path)] == [f"{path}#1", f"{path}#2"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-04-04", date(2025, 4, 4)),
        ("2025-04-04T23:30:00+02:00", date(2025, 4, 4)),
        ("Fri, 04 Apr 2025 10:00:00 GMT", date(2025, 4, 4)),
        ("April 4, 2025", date(2025, 4, 4)),
        ("4 April 2025", date(2025, 4, 4)),
        ("2025/04/04", date(2025, 4, 4)),
        (1743760800, date(2025, 4, 4)),
        ("yesterday", None),
    ],
)
def test_published_in_common_formats(tmp_path: Path, value: object, expected: date | None):
    (article,) = read(write_json(tmp_path, {"published": value, "text": BODY}))
    assert article.published == expected


def test_text_record_gets_plain_text_cleaning(tmp_path: Path):
    (article,) = read(
        write_json(tmp_path, {"title": "Quotas", "text": f"Quotas\n{BODY}\nPrint this page"})
    )
    assert article.text == BODY
