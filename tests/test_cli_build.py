"""The command line end to end: build, rebuild, bad input, views and exports, on both backends."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BACKENDS

BRIEF = """Talks resume in Geneva

By Jane Doe

Published March 19, 2025

Foreign Minister Anna Lind said on Tuesday that the talks would resume next week.
"We are ready to meet again," Lind said. "Nothing is agreed until everything is agreed."
Lind met envoy Marco Rubio in Geneva on Monday.
"""


def parley(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "parley", *args], capture_output=True, text=True)


@pytest.fixture(scope="module", params=BACKENDS)
def built(request, tmp_path_factory):
    """One good brief, one empty file and one broken JSON file, built once per backend."""
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "geneva.txt").write_text(BRIEF, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "broken.json").write_text('{"title": "cut off', encoding="utf-8")
    if request.param == "sqlite":
        db = str(folder.parent / f"{folder.name}.db")
    else:
        from tests.postgres import create_database

        db = create_database(request.getfixturevalue("postgres_url"), f"cli_{folder.name}")
    case = str(Path(__file__).parent / "fixtures" / "case.yaml")
    first = parley("build", str(folder), "--case", case, "--db", db)
    second = parley("build", str(folder), "--case", case, "--db", db)
    return {"db": db, "folder": folder, "first": first, "second": second}


def test_build_reports_stored_and_skipped_with_reasons(built):
    first = built["first"]
    assert first.returncode == 1, first.stderr
    assert "Stored 1 new article(s); 0 already in the dossier; 2 skipped" in first.stdout
    assert "empty.txt" in first.stderr and "broken.json" in first.stderr


def test_second_build_adds_nothing(built):
    assert "Stored 0 new article(s); 1 already in the dossier" in built["second"].stdout


def test_every_input_failing_exits_2(tmp_path: Path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = parley("build", str(tmp_path), "--db", str(tmp_path / "d.db"))
    assert result.returncode == 2
    assert "empty.txt" in result.stderr


def test_missing_case_file_is_a_one_line_error(tmp_path: Path):
    result = parley(
        "build",
        str(tmp_path),
        "--case",
        str(tmp_path / "none.yaml"),
        "--db",
        str(tmp_path / "d.db"),
    )
    assert result.returncode == 1
    assert result.stderr.strip() == f"Error: {tmp_path / 'none.yaml'}: no such case file"


def test_reading_a_missing_dossier_is_an_error(tmp_path: Path):
    result = parley("quotes", "--db", str(tmp_path / "nothing.db"))
    assert result.returncode == 1
    assert "no dossier here. Build one first" in result.stderr


def export(db: str, kind: str, fmt: str = "jsonl") -> str:
    result = parley("export", kind, "--db", db, "--format", fmt)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_export_articles_has_the_contract_fields(built):
    [article] = [json.loads(line) for line in export(built["db"], "articles").splitlines()]
    assert list(article) == [
        "id",
        "source",
        "title",
        "outlet",
        "authors",
        "published",
        "words",
        "tags",
    ]
    assert article["title"] == "Talks resume in Geneva"
    assert article["authors"] == ["Jane Doe"]
    assert article["published"] == "2025-03-19"


def test_export_quotes_points_into_the_article_text(built):
    quotes = [json.loads(line) for line in export(built["db"], "quotes").splitlines()]
    assert list(quotes[0]) == [
        "id",
        "article_id",
        "source",
        "speaker",
        "speaker_descriptor",
        "text",
        "kind",
        "start",
        "end",
    ]
    from parley.store import open_store

    with open_store(built["db"], create=False) as store:
        text = store.article(quotes[0]["article_id"]).text
    ready = [q for q in quotes if q["text"].startswith("We are ready")]
    assert ready and ready[0]["speaker"] == "Anna Lind" and ready[0]["kind"] == "direct"
    for quote in quotes:
        assert text[quote["start"] : quote["end"]] == quote["text"]


def test_export_events_carry_dates_and_sources(built):
    events = [json.loads(line) for line in export(built["db"], "events").splitlines()]
    assert list(events[0]) == [
        "id",
        "date",
        "date_precision",
        "approximate",
        "first_day",
        "last_day",
        "type",
        "actors",
        "summary",
        "sources",
    ]
    dated = {e["date"] for e in events}
    assert "2025-03-17" in dated  # "on Monday" in an article of Wednesday 19 March
    assert all(s["article_id"] and s["end"] > s["start"] for e in events for s in e["sources"])


def test_export_entities_merge_surname_and_full_name(built):
    entities = [json.loads(line) for line in export(built["db"], "entities").splitlines()]
    lind = [e for e in entities if e["name"] == "Anna Lind"]
    assert lind and lind[0]["mentions"] >= 2 and "Lind" in lind[0]["aliases"]
    rubio = [e for e in entities if e["name"] == "Marco Rubio"]
    assert rubio and rubio[0]["actor"] == "united_states"


def test_csv_export_has_a_header_and_json_cells(built):
    rows = list(csv.DictReader(io.StringIO(export(built["db"], "articles", "csv"))))
    assert json.loads(rows[0]["authors"]) == ["Jane Doe"]


def test_quotes_view_filters_by_speaker(built):
    shown = parley("quotes", "--db", built["db"], "--speaker", "lind")
    assert shown.returncode == 0 and "We are ready" in shown.stdout
    assert parley("quotes", "--db", built["db"], "--speaker", "Nobody Else").returncode == 1


def test_timeline_and_check_run_on_the_dossier(built):
    timeline = parley("timeline", "--db", built["db"])
    assert timeline.returncode == 0 and "2025-03-17" in timeline.stdout
    check = parley("check", "--db", built["db"])
    assert check.returncode == 0, check.stderr


def test_build_ends_with_the_next_commands_to_run(built):
    shown = " ".join(built["first"].stdout.split())
    for command in ("timeline", "quotes", "stances", "report", "serve"):
        assert f"parley {command} --db {built['db']}" in shown, command


def test_links_out_of_the_folder_are_skipped_unless_follow_links(tmp_path: Path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "far.txt").write_text(BRIEF.replace("Geneva", "Oslo"), encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "geneva.txt").write_text(BRIEF, encoding="utf-8")
    (corpus / "far.txt").symlink_to(outside / "far.txt")
    skipped = parley("build", str(corpus), "--db", str(tmp_path / "a.db"))
    assert skipped.returncode == 1, skipped.stderr
    assert "Stored 1 new article(s); 0 already in the dossier; 1 skipped" in skipped.stdout
    assert f"{corpus / 'far.txt'}: symbolic link to a path outside" in " ".join(
        skipped.stderr.split()
    )
    followed = parley("build", str(corpus), "--follow-links", "--db", str(tmp_path / "b.db"))
    assert followed.returncode == 0, followed.stderr
    assert "Stored 2 new article(s)" in followed.stdout


def test_an_empty_folder_is_a_warning_and_exit_2(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / ".hidden.txt").write_text(BRIEF, encoding="utf-8")
    result = parley("build", str(tmp_path / "empty"), "--db", str(tmp_path / "d.db"))
    assert result.returncode == 2
    assert f"warning {tmp_path / 'empty'}: no articles found" in " ".join(result.stderr.split())


def test_a_manifest_row_naming_no_input_is_a_warning(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "geneva.txt").write_text(BRIEF, encoding="utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text("file,outlet\ngeneva.txt,Wire\nghost.txt,Wire\n", encoding="utf-8")
    result = parley(
        "build", str(corpus), "--manifest", str(manifest), "--db", str(tmp_path / "d.db")
    )
    assert result.returncode == 0, result.stderr
    assert f"warning {manifest}: row 3: file 'ghost.txt' is not among the inputs" in " ".join(
        result.stderr.split()
    )


def test_a_stray_quote_in_the_manifest_stops_the_build(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "geneva.txt").write_text(BRIEF, encoding="utf-8")
    manifest = tmp_path / "m.csv"
    manifest.write_text(
        'file,outlet,title\nother.txt,Wire,"Unclosed\ngeneva.txt,Wire,Geneva\n', encoding="utf-8"
    )
    db = tmp_path / "d.db"
    result = parley("build", str(corpus), "--manifest", str(manifest), "--db", str(db))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f'Error: {manifest}: row 2 (lines 2-3): a field runs over several lines (a stray `"`?)'
    )
    assert not db.exists()


def test_build_help_documents_every_exit_status():
    result = parley("build", "--help")
    text = " ".join(result.stdout.split())
    for status in ("0 nothing failed", "1 some inputs failed", "2 no article", "3 the disk"):
        assert status in text
