"""Hostile files, generated at test time: each is refused with a clear reason or read safely.

Huge files, deep nesting, compressed and entity-bomb feeds, broken encodings, NUL bytes,
lone surrogates, hostile file names. Every read runs under a hard time limit.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from parley.articles.build import MAX_ARTICLE_CHARS, MAX_HTML_CHARS
from parley.articles.model import Article
from parley.errors import InputError
from parley.sources import Rejected, load_manifest, read_articles
from parley.sources.decode import MAX_FILE_BYTES, MAX_LINE_BYTES
from tests.fuzz.support import check_results, storable, time_limit

TEXT = "Delegates in Lisbon said the harbour talks would resume on Monday."
DEEP = 100_000  # levels of nesting
TOO_DEEP = "JSON nested too deeply (more levels than the JSON parser allows)"
ENTITIES = "XML declares entities (refused: entity expansion is not allowed)"


def read(path: Path, seconds: float = 30) -> list[Article | Rejected]:
    with time_limit(seconds):
        results = list(read_articles([path]))
    check_results(results, path)
    return results


def rss(description: str) -> str:
    return (
        '<?xml version="1.0"?><rss><channel><title>Wire</title><item><title>T</title>'
        f"<description>{description}</description></item></channel></rss>"
    )


def sparse_file(path: Path, size: int) -> Path:
    """A file of `size` bytes that takes no disk space (a hole), so a test can make it fast."""
    with path.open("wb") as handle:
        handle.write(b"x")
        handle.truncate(size)
    return path


# -- size limits --------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".html", ".json", ".rss", ".dat"])
def test_file_beyond_the_size_cap_refused_unread(tmp_path: Path, suffix: str):
    path = sparse_file(tmp_path / f"huge{suffix}", MAX_FILE_BYTES + 1)
    assert read(path) == [
        Rejected(
            str(path), f"file too large ({MAX_FILE_BYTES + 1} bytes; the limit is {MAX_FILE_BYTES})"
        )
    ]


def test_fifty_megabyte_single_line_text_refused_as_too_long(tmp_path: Path):
    path = tmp_path / "line.txt"
    size = 50 * 1024 * 1024
    path.write_bytes(b"talks " * (size // 6))
    (rejected,) = read(path)
    assert rejected == Rejected(
        str(path),
        f"article text too long ({size // 6 * 6} characters; the limit is {MAX_ARTICLE_CHARS})",
    )


def test_fifty_megabyte_jsonl_line_skipped_without_holding_it(tmp_path: Path):
    path = tmp_path / "records.jsonl"
    size = 50 * 1024 * 1024
    with path.open("wb") as handle:
        handle.write(b'{"text": "' + b"a" * size + b'"}\n')
        handle.write(json.dumps({"text": TEXT}).encode() + b"\n")
    tracemalloc.start()
    try:
        first, second = read(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert first == Rejected(
        f"{path}#line 1", f"line too long ({size + 13} bytes; the limit is {MAX_LINE_BYTES})"
    )
    assert second.text == TEXT
    assert peak < 2.5 * MAX_LINE_BYTES < size  # a line-sized buffer (copied once), not the line


def test_record_text_over_the_parser_limit_refused(tmp_path: Path):
    path = tmp_path / "long.json"
    path.write_text(json.dumps({"text": "Talks went on. " * (MAX_ARTICLE_CHARS // 10)}))
    (rejected,) = read(path)
    assert rejected.reason.startswith("article text too long (")
    assert rejected.reason.endswith(f"the limit is {MAX_ARTICLE_CHARS})")


def test_html_page_over_the_markup_limit_refused(tmp_path: Path):
    path = tmp_path / "big.html"
    path.write_text("<html><body><p>" + "x" * MAX_HTML_CHARS + "</p></body></html>")
    size = MAX_HTML_CHARS + len("<html><body><p></p></body></html>")
    assert read(path) == [
        Rejected(
            str(path), f"HTML page too large ({size} characters; the limit is {MAX_HTML_CHARS})"
        )
    ]


# -- deep nesting -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "document", ["[" * DEEP + "]" * DEEP, '{"a":' * DEEP + "1" + "}" * DEEP], ids=["list", "object"]
)
def test_deeply_nested_json_refused(tmp_path: Path, document: str):
    path = tmp_path / "deep.json"
    path.write_text(document)
    assert read(path) == [Rejected(str(path), TOO_DEEP)]


def test_deeply_nested_jsonl_line_refused_alone(tmp_path: Path):
    path = tmp_path / "deep.jsonl"
    path.write_text("[" * DEEP + "]" * DEEP + "\n" + json.dumps({"text": TEXT}) + "\n")
    first, second = read(path)
    assert first == Rejected(f"{path}#line 1", TOO_DEEP)
    assert second.text == TEXT


def test_deeply_nested_tag_blob_stays_text(tmp_path: Path):
    path = tmp_path / "blob.txt"
    path.write_text(TEXT + "\n" + '{"a":' * DEEP + "1" + "}" * DEEP)
    (article,) = read(path)
    assert article.text.startswith(TEXT) and article.tags == ()


def test_text_of_many_braces_read_in_bounded_time(tmp_path: Path):
    path = tmp_path / "braces.txt"
    path.write_text(TEXT + " " + "{" * 200_000 + "}")
    (article,) = read(path, seconds=10)
    assert article.text.startswith(TEXT)


def test_deeply_nested_html_read_or_refused(tmp_path: Path):
    path = tmp_path / "deep.html"
    path.write_text(f"<html><body>{'<div>' * DEEP}{TEXT}{'</div>' * DEEP}</body></html>")
    (result,) = read(path)
    assert isinstance(result, Article) or result.reason == "no article text found in the HTML body"


def test_deeply_nested_feed_refused_as_malformed(tmp_path: Path):
    path = tmp_path / "deep.rss"
    path.write_text(rss("<b>" * DEEP + TEXT + "</b>" * DEEP))
    results = read(path)
    assert results[0].reason.startswith("malformed XML (line 1: Excessive depth in document")


def test_deeply_nested_json_manifest_refused(tmp_path: Path):
    path = tmp_path / "manifest.jsonl"
    path.write_text("[" * DEEP + "]" * DEEP + "\n")
    with time_limit(10), pytest.raises(InputError, match="line 1: JSON nested too deeply"):
        load_manifest(path)


def test_manifest_field_over_csv_limit_refused(tmp_path: Path):
    path = tmp_path / "manifest.csv"
    path.write_text("file,title\na.txt," + "x" * 200_000 + "\n")
    with pytest.raises(InputError, match=r"line \d+: malformed CSV \(field larger than"):
        load_manifest(path)


def test_manifest_error_naming_columns_stays_on_one_line(tmp_path: Path):
    path = tmp_path / "manifest.csv"
    path.write_text('"out\nlet",title\nx,y\n')
    with pytest.raises(InputError) as raised:
        load_manifest(path)
    assert raised.value.reason == "manifest needs a `file` or `url` column (found: out let, title)"


# -- compressed feeds and entity bombs -------------------------------------------------------


def gzip_bomb() -> bytes:
    """A feed that expands to 64 MB of blank lines: about 64 kB compressed."""
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9) as out:
        out.write(rss(TEXT).encode())
        block = b"\n" * (1024 * 1024)
        for _ in range(64):
            out.write(block)
    return buffer.getvalue()


def zip_feed() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("feed.rss", rss(TEXT) + " " * 10_000_000)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "make", "what"),
    [
        ("feed.rss", gzip_bomb, "binary file, not text (gzip-compressed data)"),
        ("feed.xml", gzip_bomb, "binary file, not text (gzip-compressed data)"),
        ("feed.rss.gz", gzip_bomb, "not a text file (.gz is an archive)"),
        ("feed.atom", zip_feed, "binary file, not text (a ZIP archive or office document)"),
        ("feed.zip", zip_feed, "not a text file (.zip is an archive)"),
    ],
)
def test_compressed_feed_refused_never_expanded(tmp_path: Path, name: str, make, what: str):
    path = tmp_path / name
    path.write_bytes(make())
    assert read(path, seconds=5) == [Rejected(str(path), what)]


def billion_laughs() -> str:
    levels = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)).replace(
        "&lol0;", "lol"
    )
    return f'<?xml version="1.0"?><!DOCTYPE rss [{levels}]>' + rss("Talks &lol9; resumed.")[21:]


def external_entity(target: Path) -> str:
    return (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{target}">]>'
        + rss("Talks &xxe; resumed in Geneva today.")[21:]
    )


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
def test_billion_laughs_refused(tmp_path: Path, encoding: str):
    path = tmp_path / "laughs.rss"
    path.write_bytes(billion_laughs().encode(encoding))
    assert read(path, seconds=5) == [Rejected(str(path), ENTITIES)]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_external_entity_refused(tmp_path: Path, encoding: str):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-VALUE")
    path = tmp_path / "xxe.xml"
    path.write_bytes(external_entity(secret).encode(encoding))
    assert read(path) == [Rejected(str(path), ENTITIES)]


def test_external_dtd_never_loaded(tmp_path: Path):
    (tmp_path / "secret.txt").write_text("SECRET-VALUE")
    (tmp_path / "evil.dtd").write_text('<!ENTITY xxe SYSTEM "secret.txt">')
    path = tmp_path / "feed.rss"
    document = rss("Talks &xxe; resumed in Geneva today.")
    path.write_text(document.replace("<rss>", '<!DOCTYPE rss SYSTEM "evil.dtd"><rss>', 1))
    results = read(path)
    assert not any("SECRET-VALUE" in getattr(r, "text", "") for r in results)


# -- encodings and characters ---------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".html", ".json", ".md"])
def test_invalid_utf8_refused_with_offset(tmp_path: Path, suffix: str):
    path = tmp_path / f"bad{suffix}"
    data = b"<p>Talks \xe2\x80\x9cresumed\xe2\x80\x9d \xff\xfe in Geneva</p>"
    path.write_bytes(data)
    offset = data.index(b"\xff")
    assert read(path) == [Rejected(str(path), f"not UTF-8 text (byte 0xff at offset {offset})")]


def test_invalid_utf8_feed_refused_as_malformed(tmp_path: Path):
    path = tmp_path / "bad.rss"
    path.write_bytes(rss("Talks \xff\xfe resumed in Geneva.").encode("latin-1"))
    assert read(path) == [
        Rejected(
            str(path),
            "malformed XML (line 1: Invalid bytes in character encoding); the other items are read",
        ),
        Rejected(f"{path}#item 1", "feed item broken by the XML error"),
    ]


def test_invalid_utf8_jsonl_line_refused_alone(tmp_path: Path):
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b'{"text": "\xc3\x28"}\n' + json.dumps({"text": TEXT}).encode() + b"\n")
    first, second = read(path)
    assert first == Rejected(f"{path}#line 1", "not UTF-8 text (byte 0xc3 at offset 10)")
    assert second.text == TEXT


def test_nul_byte_near_the_start_refuses_the_file(tmp_path: Path):
    path = tmp_path / "nul.txt"
    path.write_bytes(TEXT.encode() + b"\x00" + TEXT.encode())
    assert read(path) == [
        Rejected(str(path), f"binary file, not text (NUL byte at offset {len(TEXT)})")
    ]


def test_nul_byte_past_the_sniffed_head_is_dropped(tmp_path: Path):
    path = tmp_path / "late_nul.txt"
    path.write_text((TEXT + "\n") * 200 + "Then\x00 a NUL.")
    (article,) = read(path)
    assert "\x00" not in article.text and article.text.endswith("Then a NUL.")


def test_nul_and_surrogate_escapes_in_json_made_storable(tmp_path: Path):
    path = tmp_path / "escapes.json"
    path.write_text(
        '{"text": "Talks\\u0000 resumed \\ud800 in Geneva.", "title": "A\\u0000B \\udfff",'
        ' "authors": ["Ann\\u0000 Lee"], "url": "https://x.example/\\ud83d"}'
    )
    (article,) = read(path)
    assert article.text == "Talks resumed \ufffd in Geneva."
    assert (article.title, article.authors) == ("AB \ufffd", ("Ann Lee",))


def test_surrogate_escapes_in_tag_blob_made_storable(tmp_path: Path):
    path = tmp_path / "tags.txt"
    blob = {"annotations": [{"type": "PERSON", "predicate": "x/about", "prefLabel": "\ud800Ann"}]}
    path.write_text(TEXT + "\n" + json.dumps(blob))
    (article,) = read(path)
    assert [t.label for t in article.tags] == ["\ufffdAnn"]


def test_zero_width_and_direction_marks_kept_readable(tmp_path: Path):
    path = tmp_path / "marks.txt"
    path.write_text("Ann\u200bLee said \u202e“we will\u2066 sign”\u2069 on \u200fMonday.")
    (article,) = read(path)
    assert article.text == "AnnLee said \u202e“we will\u2066 sign”\u2069 on \u200fMonday."


def test_file_name_that_is_not_utf8_gives_a_storable_source(tmp_path: Path):
    path = Path(os.fsdecode(bytes(tmp_path) + b"/talks-\xff\xfe.txt"))
    path.write_text(TEXT)
    (article,) = read_articles([path])
    assert storable(article.source) and article.source.endswith("talks-\\udcff\\udcfe.txt")
