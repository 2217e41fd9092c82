"""Property tests: every reader, fed arbitrary bytes, yields articles or one-line rejections.

Each target writes a generated file and reads it with `read_articles`, as a build does.
The properties: nothing raises, nothing hangs (`time_limit`), every rejection names the
file and says why in one line, every article has storable text inside the parser's limit.
"""

from __future__ import annotations

import itertools
import json
import xml.sax.saxutils
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parley.articles.build import build_article
from parley.articles.raw import Metadata, RawDocument, Rejected
from parley.errors import InputError
from parley.sources import decode, load_manifest, read_articles
from tests.fuzz.support import FEW, FUZZ, check_article, check_results, time_limit

_NAMES = itertools.count()

# Characters hostile text is made of: letters, quotes (curly, straight, unclosed), markup,
# zero-width and direction marks, controls, NUL, surrogates (as JSON escapes make them).
HOSTILE = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(
            "“”‘’\"'<>&{}[]\\\n\r\t \u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202b"
            "\u202c\u202d\u202e\u2066\u2067\u2068\u2069\x00\x01\x1b\x7f\u00ad\ufffd"
        ),
    ),
    max_size=300,
)
NEWSY = (
    "Talks resumed in Geneva on Monday , said the minister “ ” \" ' . \n By Ann Lee "
    "March 3, 2025 Published Share this article Advertisement # { } < >"
)
WORDS = st.sampled_from(NEWSY.split(" "))
PROSE = st.lists(st.one_of(WORDS, HOSTILE), max_size=40).map(" ".join)

JSON_SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), PROSE, HOSTILE
)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                ["text", "html", "title", "published", "authors", "url", "source", "x"]
            ),
            inner,
            max_size=5,
        )
    ),
    max_leaves=12,
)
RECORDS = st.fixed_dictionaries(
    {"text": st.one_of(PROSE, HOSTILE)},
    optional={
        "html": PROSE.map(lambda t: f"<p>{t}</p>"),
        "title": JSON_SCALARS,
        "published": JSON_SCALARS,
        "authors": JSON_VALUES,
        "url": JSON_SCALARS,
        "source": JSON_VALUES,
    },
)


def _encoded(texts: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    """Text in UTF-8 (strict or with lone surrogates kept), UTF-16 or cp1252, or raw bytes."""
    return st.one_of(
        texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
        texts.map(lambda t: t.encode("utf-16", "surrogatepass")),
        texts.map(lambda t: t.encode("cp1252", "replace")),
        st.binary(max_size=400),
    )


def _html_pages() -> st.SearchStrategy[str]:
    tags = st.sampled_from(["p", "div", "b", "script", "article", "nav", "table", "li", "h1"])
    pieces = st.lists(
        st.one_of(tags.map(lambda t: f"<{t}>"), tags.map(lambda t: f"</{t}>"), PROSE, HOSTILE),
        max_size=30,
    ).map("".join)
    head = st.sampled_from(["", "<html><head><title>T</title></head>", "<!doctype html><html>"])
    body = st.sampled_from(["<body>", "", "<body onload=x>"])
    return st.tuples(head, body, pieces).map("".join)


def _feeds() -> st.SearchStrategy[str]:
    def field(name: str) -> st.SearchStrategy[str]:
        escaped = PROSE.map(xml.sax.saxutils.escape)
        return st.one_of(escaped, HOSTILE, PROSE).map(lambda t: f"<{name}>{t}</{name}>")

    item_parts = st.lists(
        st.sampled_from(["title", "description", "pubDate", "link", "guid", "author"]).flatmap(
            field
        ),
        max_size=5,
    ).map("".join)
    items = st.lists(item_parts.map(lambda t: f"<item>{t}</item>"), max_size=3).map("".join)
    rss = items.map(lambda t: f'<?xml version="1.0"?><rss><channel><title>X</title>{t}</channel>')
    atom = items.map(
        lambda t: (
            '<feed xmlns="http://www.w3.org/2005/Atom">'
            + t.replace("item>", "entry>").replace("description>", "summary>")
        )
    )
    closed = st.one_of(rss.map(lambda t: t + "</rss>"), atom.map(lambda t: t + "</feed>"))
    return st.one_of(closed, rss, atom)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz_inputs")


def read_generated(folder: Path, data: bytes, suffix: str) -> None:
    """Write `data` to a fresh file, read it as a build does, and check the results."""
    path = folder / f"input{next(_NAMES)}{suffix}"
    path.write_bytes(data)
    with time_limit():
        results = list(read_articles([path]))
    assert results, "a file must give at least one article or rejection"
    check_results(results, path)
    path.unlink()


@FUZZ
@given(data=st.one_of(_encoded(PROSE), _encoded(HOSTILE)))
def test_plain_text_reader(folder: Path, data: bytes):
    read_generated(folder, data, ".txt")


@FUZZ
@given(data=_encoded(_html_pages()))
def test_html_reader(folder: Path, data: bytes):
    read_generated(folder, data, ".html")


@FUZZ
@given(
    value=st.one_of(JSON_VALUES, RECORDS, st.lists(RECORDS, max_size=3)),
    garble=st.sampled_from([None, "cut", "brace"]),
)
def test_json_reader(folder: Path, value: object, garble: str | None):
    text = json.dumps(value, ensure_ascii=garble is None)
    text = text[: len(text) // 2] if garble == "cut" else text + "}" if garble else text
    read_generated(folder, text.encode("utf-8", "surrogatepass"), ".json")


@FUZZ
@given(lines=st.lists(st.one_of(RECORDS.map(json.dumps), JSON_VALUES.map(json.dumps), HOSTILE)))
def test_jsonl_reader(folder: Path, lines: list[str]):
    read_generated(folder, "\n".join(lines).encode("utf-8", "surrogatepass"), ".jsonl")


@FUZZ
@given(data=_encoded(_feeds()), suffix=st.sampled_from([".rss", ".atom", ".xml"]))
def test_feed_reader(folder: Path, data: bytes, suffix: str):
    read_generated(folder, data, suffix)


@FUZZ
@given(data=st.one_of(st.binary(max_size=600), _encoded(_feeds()), _encoded(_html_pages())))
def test_unknown_extension_sniffed(folder: Path, data: bytes):
    read_generated(folder, data, ".dat")


@FUZZ
@given(data=st.binary(max_size=2000))
def test_decode_gives_text_or_a_problem(data: bytes):
    with time_limit():
        text = decode.decode(data)
    assert isinstance(text, str | decode.Problem)


@FUZZ
@given(
    content=st.one_of(PROSE, HOSTILE, _html_pages()),
    kind=st.sampled_from(["text", "html"]),
    title=st.none() | HOSTILE,
)
def test_build_article_from_any_text(content: str, kind: str, title: str | None):
    raw = RawDocument("fuzz", kind, content, Metadata(title=title))  # type: ignore[arg-type]
    with time_limit():
        result = build_article(raw)
    if isinstance(result, Rejected):
        assert result.source == "fuzz" and "\n" not in result.reason
    else:
        check_article(result)


MANIFEST_ROWS = st.lists(
    st.lists(st.one_of(PROSE, HOSTILE, st.sampled_from(["file", "url", "2025-04-01"])), max_size=5)
)


@FEW
@given(
    rows=st.one_of(
        MANIFEST_ROWS.map(lambda rows: "\n".join(",".join(r) for r in rows)),
        MANIFEST_ROWS.map(lambda rows: "file,published\n" + "\n".join(",".join(r) for r in rows)),
        st.lists(JSON_VALUES.map(json.dumps)).map("\n".join),
        HOSTILE,
    ),
    suffix=st.sampled_from([".csv", ".tsv", ".jsonl", ".txt"]),
)
def test_manifest_is_read_or_refused_with_input_error(folder: Path, rows: str, suffix: str):
    path = folder / f"manifest{next(_NAMES)}{suffix}"
    path.write_bytes(rows.encode("utf-8", "surrogatepass"))
    with time_limit():
        try:
            manifest = load_manifest(path)
        except InputError as exc:
            assert exc.source == str(path) and "\n" not in exc.reason
        else:
            assert len(manifest) > 0
