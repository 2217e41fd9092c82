"""Bad input is reported with its path and reason, never raised; good files still come through."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from parley.articles.model import Article
from parley.sources import Rejected, decode, read_articles

INPUTS = Path(__file__).parent / "fixtures" / "inputs"
BROKEN = INPUTS / "broken"
ENCODINGS = INPUTS / "encodings"
TEXT = "Delegates in Lisbon said the harbour talks would resume on Monday."


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty file"),
        ("whitespace.txt", "empty file (only whitespace)"),
        ("image.txt", "binary file, not text (a PNG image)"),
        ("nul.txt", "binary file, not text (NUL byte at offset 7)"),
        ("bad_encoding.txt", "not UTF-8 text (byte 0x9c at offset 13)"),
        ("cut_character.txt", "not UTF-8 text (truncated character at offset 45: cut short?)"),
        ("truncated.json", "truncated JSON (ends inside a value; line 1, column 32)"),
        ("malformed.json", "malformed JSON (Expecting ',' delimiter; line 1, column 45)"),
        ("empty_list.json", "no records (an empty JSON list)"),
        ("number.json", "JSON is neither a record nor a list of records (got a number)"),
        ("no_body.html", "HTML without a body"),
        ("not_a_feed.xml", "not an RSS or Atom feed (root element <catalogue>)"),
        ("empty_feed.rss", "feed holds no items"),
        ("only_chrome.txt", "no article text after removing page chrome"),
    ],
)
def test_broken_file_rejected_with_reason(name: str, reason: str):
    path = BROKEN / name
    assert list(read_articles([path])) == [Rejected(str(path), reason)]


def test_rejects_are_logged_at_warning(caplog: pytest.LogCaptureFixture):
    with caplog.at_level(logging.WARNING, logger="parley.sources"):
        list(read_articles([BROKEN / "empty.txt"]))
    assert [r.levelno for r in caplog.records] == [logging.WARNING]
    assert "empty.txt: empty file" in caplog.records[0].getMessage()


def test_a_folder_of_broken_files_does_not_stop_the_good_ones(tmp_path: Path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "c.json").write_text("{", encoding="utf-8")
    kinds = [type(item) for item in read_articles([tmp_path])]
    assert kinds == [Rejected, Article, Rejected]


def test_too_large_file_rejected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(decode, "MAX_FILE_BYTES", 10)
    path = tmp_path / "big.txt"
    path.write_text(TEXT, encoding="utf-8")
    assert list(read_articles([path])) == [
        Rejected(str(path), f"file too large ({len(TEXT)} bytes; the limit is 10)")
    ]


def test_unreadable_file_rejected(tmp_path: Path):
    path = tmp_path / "locked.txt"
    path.write_text(TEXT, encoding="utf-8")
    path.chmod(0)
    if os.geteuid() != 0:
        found = [(i.source, i.reason) for i in read_articles([path])]
    else:  # root reads anything unless it gives up the capabilities that override modes
        found = _read_without_override(path)
    assert found == [(str(path), "cannot read file (Permission denied)")]


def _read_without_override(path: Path) -> list[tuple[str, str]]:
    import json
    import shutil
    import subprocess
    import sys

    if shutil.which("setpriv") is None:
        pytest.skip("setpriv (util-linux) is needed to read as root without CAP_DAC_OVERRIDE")
    caps = "-dac_override,-dac_read_search"
    script = (
        "import json, sys; from parley.sources import read_articles\n"
        "print(json.dumps([(i.source, i.reason) for i in read_articles([sys.argv[1]])]))"
    )
    setpriv = ["setpriv", "--bounding-set", caps, "--inh-caps", caps]
    result = subprocess.run(
        [*setpriv, sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return [tuple(pair) for pair in json.loads(result.stdout)]


def test_jsonl_bad_encoding_line_rejected_alone(tmp_path: Path):
    path = tmp_path / "r.jsonl"
    path.write_bytes(b'{"text": "caf\x9c"}\n{"text": "' + TEXT.encode() + b'"}\n')
    first, second = read_articles([path])
    assert first == Rejected(f"{path}#line 1", "not UTF-8 text (byte 0x9c at offset 13)")
    assert second.text == TEXT


def test_empty_jsonl_rejected(tmp_path: Path):
    path = tmp_path / "r.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    assert list(read_articles([path])) == [
        Rejected(str(path), "no records (the file holds only blank lines)")
    ]


@pytest.mark.parametrize("name", ["plain.txt", "utf8_bom.txt", "utf16.txt"])
def test_utf8_bom_and_utf16_read(name: str):
    (article,) = read_articles([ENCODINGS / name])
    assert article.text == TEXT


def test_clear_cp1252_read():
    (article,) = read_articles([ENCODINGS / "latin1.txt"])
    assert "café" in article.text and "“quiet”" in article.text


def test_cp1252_refused_when_text_has_utf8_sequences(tmp_path: Path):
    path = tmp_path / "mixed.txt"
    path.write_bytes("Caf\u00e9 talks ".encode() + b"\x93quoted\x94")
    (rejected,) = read_articles([path])
    assert rejected == Rejected(str(path), "not UTF-8 text (byte 0x93 at offset 12)")


def test_unknown_extension_sniffed_as_json():
    (article,) = read_articles([ENCODINGS / "record.dat"])
    assert article.title == "Sniffed record"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("tiny.jpg", b"x", "not a text file (.jpg is an image)"),
        ("notes.zip", b"Talks resume.", "not a text file (.zip is an archive)"),
        ("tool.exe", TEXT.encode(), "not a text file (.exe is a program)"),
        ("one.txt", b"Ceasefire", "too short to be an article (1 word; at least 5)"),
        ("feed.json", b'{"text": "Talks resume Monday."}', "too short to be an article"),
    ],
)
def test_files_that_cannot_be_articles_are_rejected(
    tmp_path: Path, name: str, content: bytes, reason: str
):
    path = tmp_path / name
    path.write_bytes(content)
    [rejected] = read_articles([tmp_path])
    assert isinstance(rejected, Rejected)
    assert rejected.source.startswith(str(path))
    assert rejected.reason.startswith(reason)


def test_rejection_reasons_are_one_line(tmp_path: Path):
    """libxml2 ends its message for a feed in EBCDIC with a newline."""
    feed = '<?xml version="1.0" encoding="cp037"?>\n<rss><channel><item>x</item></channel></rss>'
    (tmp_path / "ebcdic.xml").write_bytes(feed.encode("cp037"))
    rejected = [item for item in read_articles([tmp_path]) if isinstance(item, Rejected)]
    assert [r.source for r in rejected] == [str(tmp_path / "ebcdic.xml")]
    assert all("\n" not in r.reason and r.reason == r.reason.strip() for r in rejected)
    assert "EBCDIC" in rejected[0].reason
