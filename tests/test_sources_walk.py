"""Finding inputs: files, folders walked recursively in sorted order, hidden files skipped."""

from __future__ import annotations

from pathlib import Path

from parley.sources import Rejected, read_articles

INPUTS = Path(__file__).parent / "fixtures" / "inputs"
BODY = "Delegates in Lisbon said the harbour talks would resume on Monday."


def test_folder_walked_recursively_in_sorted_order(tmp_path: Path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(BODY + " Two.", encoding="utf-8")
    (tmp_path / "c.txt").write_text(BODY + " Three.", encoding="utf-8")
    (tmp_path / "a.txt").write_text(BODY + " One.", encoding="utf-8")
    sources = [item.source for item in read_articles([tmp_path])]
    assert sources == [
        str(tmp_path / "a.txt"),
        str(tmp_path / "b" / "two.txt"),
        str(tmp_path / "c.txt"),
    ]


def test_hidden_files_and_folders_skipped(tmp_path: Path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "note.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / ".draft.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "kept.txt").write_text(BODY, encoding="utf-8")
    assert [item.source for item in read_articles([tmp_path])] == [str(tmp_path / "kept.txt")]


def test_file_source_is_the_path_as_given():
    given = str(INPUTS / "encodings" / "plain.txt")
    (article,) = read_articles([given])
    assert article.source == given


def test_missing_path_is_rejected_not_raised(tmp_path: Path):
    missing = str(tmp_path / "nowhere.txt")
    assert list(read_articles([missing])) == [Rejected(missing, "no such file or directory")]


def test_url_is_rejected_with_the_fix():
    (rejected,) = read_articles(["https://news.example/story"])
    assert rejected == Rejected(
        "https://news.example/story", "URLs are not fetched: save the page and pass the file"
    )


def test_manifest_inside_the_folder_is_not_read_as_an_article(tmp_path: Path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("file,outlet\na.txt,Harbour Notes\n", encoding="utf-8")
    items = list(read_articles([tmp_path], manifest=tmp_path / "manifest.csv"))
    assert [item.source for item in items] == [str(tmp_path / "a.txt")]


def test_reading_is_lazy(tmp_path: Path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"{BODY} {name}", encoding="utf-8")
    stream = read_articles([tmp_path])
    next(stream)
    (tmp_path / "b.txt").write_text("Changed after the first article was read.", encoding="utf-8")
    assert next(stream).text == "Changed after the first article was read."


def test_same_text_read_twice_has_same_id(tmp_path: Path):
    (tmp_path / "one.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "two.txt").write_text(BODY + "\n", encoding="utf-8")
    first, second = read_articles([tmp_path])
    assert first.id == second.id
