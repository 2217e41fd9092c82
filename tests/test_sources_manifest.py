"""The manifest: CSV or JSONL metadata that supplies or overrides what documents give."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from parley.errors import InputError
from parley.sources import load_manifest, read_articles

INPUTS = Path(__file__).parent / "fixtures" / "inputs"
CORPUS = INPUTS / "corpus"


def by_name(manifest: Path):
    return {Path(a.source).name: a for a in read_articles([CORPUS], manifest=manifest)}


def test_manifest_supplies_outlet_and_overrides_date_and_authors():
    brief = by_name(INPUTS / "manifest.csv")["brief.txt"]
    assert (brief.outlet, brief.published, brief.authors) == (
        "The Harbour Ledger",
        date(2025, 4, 1),
        ("Nora Quill", "Ana Lopes"),
    )


def test_manifest_title_overrides_page_title_and_empty_cells_keep_page_values():
    page = by_name(INPUTS / "manifest.csv")["page.html"]
    assert (page.title, page.outlet) == ("Deal on harbour fees is close", "The Coastal Courier")


def test_manifest_file_matches_by_name_in_any_folder():
    deeper = by_name(INPUTS / "manifest.csv")["deeper.md"]
    assert deeper.outlet == "Mediation Notes"


def test_jsonl_manifest_matches_records_by_url():
    records = by_name(INPUTS / "manifest.jsonl")["records.jsonl#1"]
    assert (records.outlet, records.authors) == (
        "Wire Service International",
        ("Lena Ortiz", "Pia Holm"),
    )


def test_jsonl_manifest_path_in_file_column_and_written_date():
    deeper = by_name(INPUTS / "manifest.jsonl")["deeper.md"]
    assert deeper.published == date(2025, 4, 10)


def test_articles_without_manifest_row_keep_their_own_metadata():
    brief = by_name(INPUTS / "manifest.jsonl")["brief.txt"]
    assert (brief.outlet, brief.published) == (None, date(2025, 4, 2))


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "text", "reason"),
    [
        (
            "m.csv",
            "outlet,title\nA,B\n",
            "manifest needs a `file` or `url` column (found: outlet, title)",
        ),
        (
            "m.csv",
            "file,published\na.txt,next week\n",
            "row 2: published 'next week' is not a date (write YYYY-MM-DD)",
        ),
        (
            "m.csv",
            "file,outlet\na.txt,A\nx/a.txt,B\n",
            "row 3: file 'a.txt' is listed twice (one row per article)",
        ),
        ("m.csv", "file,outlet\n,A\n", "row 2: needs a `file` or a `url`"),
        (
            "m.csv",
            "file,outlet\n",
            "manifest has no rows (expected a `file` or `url` header, then one row per article)",
        ),
        (
            "m.csv",
            'file,outlet,title\na.txt,Wire,"A stray quote\nb.txt,Wire,Two\nc.txt,Wire,Three\n',
            'row 2 (lines 2-4): a field runs over several lines (a stray `"`?)',
        ),
        (
            "m.csv",
            'file,title\na.txt,"Quoted ""well"""\nb.txt,"Opened\nc.txt,Closed" later\n',
            'row 3 (lines 3-4): a field runs over several lines (a stray `"`?)',
        ),
        ("m.csv", "file,outlet\na.txt,A,extra\n", "row 2: 3 fields where the header has 2"),
        ("m.csv", "file,outlet,published\na.txt,A\n", "row 2: 2 fields where the header has 3"),
        ("m.jsonl", '{"file": "a.txt"\n', "line 1: malformed JSON (Expecting ',' delimiter)"),
        ("m.txt", "file\na.txt\n", "unknown manifest format '.txt' (use .csv or .jsonl)"),
    ],
)
def test_invalid_manifest_raises_input_error(tmp_path: Path, name: str, text: str, reason: str):
    path = write(tmp_path, name, text)
    with pytest.raises(InputError) as caught:
        load_manifest(path)
    assert (caught.value.source, caught.value.reason) == (str(path), reason)


def test_missing_manifest_raises_input_error(tmp_path: Path):
    with pytest.raises(InputError, match="cannot read manifest"):
        load_manifest(tmp_path / "absent.csv")


def test_read_articles_checks_manifest_before_reading(tmp_path: Path):
    with pytest.raises(InputError):
        read_articles([CORPUS], manifest=tmp_path / "absent.csv")


def test_manifest_authors_split_on_semicolons(tmp_path: Path):
    path = write(tmp_path, "m.csv", "file,authors\na.txt,Ann Lee; Bo Ray\n")
    assert load_manifest(path).for_file("a.txt").authors == ("Ann Lee", "Bo Ray")


def test_manifest_rows_naming_files_not_among_the_inputs_are_warned_about(tmp_path: Path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(
        "Delegates in Lisbon said the harbour talks would resume on Monday.", encoding="utf-8"
    )
    manifest = write(tmp_path, "m.csv", "file,outlet\na.txt,Wire\nghost.txt,Wire\n")
    warnings: list[tuple[str, str]] = []
    items = list(
        read_articles([tmp_path / "corpus"], manifest, on_warning=lambda *w: warnings.append(w))
    )
    assert [item.outlet for item in items] == ["Wire"]
    assert warnings == [(str(manifest), "row 3: file 'ghost.txt' is not among the inputs")]
