"""Finding inputs: files, folders walked recursively in sorted order, hidden files skipped."""

from __future__ import annotations

from pathlib import Path

from parley.sources import Rejected, read_articles
from tests.fuzz.support import time_limit

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


# -- links and special files ------------------------------------------------------------------


def _reasons(items) -> dict[str, str]:
    return {Path(i.source).name: i.reason for i in items if isinstance(i, Rejected)}


def test_links_out_of_the_folder_are_not_followed_and_say_so(tmp_path: Path):
    outside = tmp_path / "outside"
    (outside / "secrets").mkdir(parents=True)
    (outside / "passwd").write_text(BODY + " Outside file.", encoding="utf-8")
    (outside / "secrets" / "note.txt").write_text(BODY + " Outside folder.", encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "kept.txt").write_text(BODY, encoding="utf-8")
    (corpus / "passwd.txt").symlink_to(outside / "passwd")
    (corpus / "etc").symlink_to(outside / "secrets")
    items = list(read_articles([corpus]))
    assert [i.source for i in items if not isinstance(i, Rejected)] == [str(corpus / "kept.txt")]
    reasons = _reasons(items)
    assert set(reasons) == {"passwd.txt", "etc"}
    assert all("link to a path outside" in r and "--follow-links" in r for r in reasons.values())


def test_follow_links_reads_what_links_lead_to(tmp_path: Path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "far.txt").write_text(BODY + " Far away.", encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "far").symlink_to(outside)
    items = list(read_articles([corpus], follow_links=True))
    assert [i.source for i in items] == [str(corpus / "far" / "far.txt")]
    assert not isinstance(items[0], Rejected)


def test_links_inside_the_folder_are_followed(tmp_path: Path):
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "real" / "a.txt")
    items = list(read_articles([tmp_path]))
    assert [i.source for i in items] == [str(tmp_path / "alias.txt"), str(tmp_path / "real/a.txt")]
    assert not any(isinstance(i, Rejected) for i in items)


def test_symlink_loops_are_skipped_with_a_reason(tmp_path: Path):
    (tmp_path / "kept.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "self").symlink_to(tmp_path / "self")
    (tmp_path / "ping").symlink_to(tmp_path / "pong")
    (tmp_path / "pong").symlink_to(tmp_path / "ping")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path)
    items = list(read_articles([tmp_path]))
    assert [i.source for i in items if not isinstance(i, Rejected)] == [str(tmp_path / "kept.txt")]
    reasons = _reasons(items)
    assert set(reasons) == {"self", "ping", "pong", "up"}
    assert all("loop" in reason for reason in reasons.values()), reasons


def test_a_broken_link_is_skipped_with_a_reason(tmp_path: Path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    assert _reasons(read_articles([tmp_path])) == {"gone.txt": "broken symbolic link"}


def test_special_files_are_refused_not_read(tmp_path: Path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with time_limit(20):  # reading either would never end
        items = list(read_articles([fifo, "/dev/zero", tmp_path]))
    assert [(i.source, i.reason) for i in items] == [
        (str(fifo), "not a regular file (a named pipe)"),
        ("/dev/zero", "not a regular file (a character device)"),
        (str(fifo), "not a regular file (a named pipe)"),
    ]
