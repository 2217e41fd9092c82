"""JSON and JSONL article records: url, title, published, outlet, authors, text or html."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from parley.articles.authors import split_authors
from parley.articles.build import build_article, looks_like_html
from parley.articles.dates import parse_date
from parley.articles.model import Article
from parley.articles.raw import Kind, Metadata, RawDocument, Rejected
from parley.sources.decode import (
    MAX_LINE_BYTES,
    SNIFF_BYTES,
    Problem,
    binary_problem,
    decode,
    read_bytes,
)
from parley.sources.manifest import Manifest

# Field names, first match wins, as article records from scrapers and news APIs spell them.
TEXT_FIELDS = ("text", "body", "content", "article", "articleBody", "maintext", "full_text")
HTML_FIELDS = ("html", "raw_html", "body_html", "content_html")
TITLE_FIELDS = ("title", "headline")
DATE_FIELDS = (
    "published",
    "date",
    "published_at",
    "publishedAt",
    "pubDate",
    "datePublished",
    "date_publish",
)
OUTLET_FIELDS = ("outlet", "source", "site", "site_name", "sitename", "publisher", "source_domain")
AUTHOR_FIELDS = ("authors", "author", "byline", "creator")
URL_FIELDS = ("url", "link", "canonical_url")
# Keys under which a single JSON object may wrap its list of records.
WRAPPER_FIELDS = ("articles", "items", "records", "data", "results")
# An over-long line is skipped through in pieces of this size.
_SKIP_CHUNK = 1024 * 1024
# Python's JSON parser raises RecursionError for arrays and objects nested about 1,000 deep.
TOO_DEEP = "JSON nested too deeply (more levels than the JSON parser allows)"

Result = Article | Rejected


def read_json(
    text: str, source: str, file_name: str, manifest: Manifest | None
) -> Iterator[Result]:
    """Records from a JSON file holding one record, a list of them, or `{"articles": [...]}`."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and _all_lines_json(text):
            yield from _records_from_lines(text.splitlines(), source, file_name, manifest)
        else:
            yield Rejected(source, json_reason(exc, text))
        return
    except RecursionError:
        yield Rejected(source, TOO_DEEP)
        return
    value = _unwrap(value)
    if isinstance(value, dict):
        yield record_article(value, source, source, file_name, manifest)
    elif isinstance(value, list):
        yield from _list_records(value, source, file_name, manifest)
    else:
        yield Rejected(
            source, f"JSON is neither a record nor a list of records (got {_kind(value)})"
        )


def read_jsonl(path: Path, source: str, manifest: Manifest | None) -> Iterator[Result]:
    """Records from a JSONL file, streamed one line at a time."""
    try:
        with path.open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
            problem = binary_problem(head)
            if problem or head.startswith((b"\xff\xfe", b"\xfe\xff")):
                yield from _small_jsonl(path, source, manifest, problem)
                return
            handle.seek(0)
            yield from _stream_lines(handle, source, path.name, manifest)
    except OSError as exc:
        yield Rejected(source, f"cannot read file ({exc.strerror or exc})")


def _small_jsonl(
    path: Path, source: str, manifest: Manifest | None, problem: Problem | None
) -> Iterator[Result]:
    """A JSONL file that must be decoded whole (UTF-16), or is empty or binary."""
    data = problem or read_bytes(path)
    text = data if isinstance(data, Problem) else decode(data)
    if isinstance(text, Problem):
        yield Rejected(source, text.reason)
        return
    yield from _records_from_lines(text.splitlines(), source, path.name, manifest)


def _stream_lines(
    handle: Any, source: str, file_name: str, manifest: Manifest | None
) -> Iterator[Result]:
    seen = False
    for number, (line, size) in enumerate(_bounded_lines(handle), start=1):
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if size > MAX_LINE_BYTES:
            yield Rejected(
                f"{source}#line {number}",
                f"line too long ({size} bytes; the limit is {MAX_LINE_BYTES})",
            )
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield Rejected(
                f"{source}#line {number}",
                f"not UTF-8 text (byte 0x{line[exc.start]:02x} at offset {exc.start})",
            )
            continue
        if text.strip():
            seen = True
            yield _line_record(text, number, source, file_name, manifest)
    if not seen:
        yield Rejected(source, "no records (the file holds only blank lines)")


def _bounded_lines(handle: Any) -> Iterator[tuple[bytes, int]]:
    """(line, its length) per line; a line over the limit is skipped through, not held whole."""
    while line := handle.readline(MAX_LINE_BYTES + 1):
        size = len(line)
        if size > MAX_LINE_BYTES and not line.endswith(b"\n"):
            line = b""
            while chunk := handle.readline(_SKIP_CHUNK):
                size += len(chunk)
                if chunk.endswith(b"\n"):
                    break
        yield line, size


def _records_from_lines(
    lines: list[str], source: str, file_name: str, manifest: Manifest | None
) -> Iterator[Result]:
    numbered = [(n, line) for n, line in enumerate(lines, start=1) if line.strip()]
    if not numbered:
        yield Rejected(source, "no records (the file holds only blank lines)")
    for number, line in numbered:
        yield _line_record(line, number, source, file_name, manifest)


def _line_record(
    line: str, number: int, source: str, file_name: str, manifest: Manifest | None
) -> Result:
    where = f"{source}#line {number}"
    try:
        value = json.loads(line.strip())
    except json.JSONDecodeError as exc:
        return Rejected(where, json_reason(exc, line.strip()).replace("JSON (", "JSON record (", 1))
    except RecursionError:
        return Rejected(where, TOO_DEEP)
    if not isinstance(value, dict):
        return Rejected(where, f"record is not a JSON object (got {_kind(value)})")
    return record_article(value, f"{source}#{number}", where, file_name, manifest)


def _list_records(
    values: list[Any], source: str, file_name: str, manifest: Manifest | None
) -> Iterator[Result]:
    if not values:
        yield Rejected(source, "no records (an empty JSON list)")
    for number, value in enumerate(values, start=1):
        where = f"{source}#item {number}"
        if isinstance(value, dict):
            yield record_article(value, f"{source}#{number}", where, file_name, manifest)
        else:
            yield Rejected(where, f"record is not a JSON object (got {_kind(value)})")


def record_article(
    record: dict[str, Any], source: str, where: str, file_name: str, manifest: Manifest | None
) -> Result:
    """One record to an article; `source` names the article, `where` names a rejection."""
    raw = record_to_raw(record, source, file_name)
    if raw is None:
        return Rejected(where, "record has no text (expected a non-empty 'text' or 'html' field)")
    override = manifest.for_url(raw.meta.url) if manifest else None
    result = build_article(raw, override)
    return Rejected(where, result.reason) if isinstance(result, Rejected) else result


def record_to_raw(record: dict[str, Any], source: str, file_name: str | None) -> RawDocument | None:
    """A raw document from a record's fields, or `None` when it has no text."""
    text = _first_text(record, TEXT_FIELDS)
    kind: Kind = "text"
    if text is None or looks_like_html(text):
        html = _first_text(record, HTML_FIELDS) or text
        if html is None:
            return None
        text, kind = html, "html"
    meta = Metadata(
        title=_first_text(record, TITLE_FIELDS),
        outlet=_outlet(record),
        authors=split_authors(_first(record, AUTHOR_FIELDS)),
        published=parse_date(_first(record, DATE_FIELDS)),
        url=_first_text(record, URL_FIELDS),
    )
    return RawDocument(source=source, kind=kind, content=text, meta=meta, file_name=file_name)


def json_reason(exc: json.JSONDecodeError, text: str) -> str:
    """ "truncated JSON (...)" when the text ends inside a value, else "malformed JSON (...)"."""
    where = f"{exc.msg}; line {exc.lineno}, column {exc.colno}"
    if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
        return f"truncated JSON (ends inside a value; line {exc.lineno}, column {exc.colno})"
    return f"malformed JSON ({where})"


def _first(record: dict[str, Any], names: tuple[str, ...]) -> Any:
    return next((record[n] for n in names if record.get(n) not in (None, "", [])), None)


def _first_text(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    value = _first(record, names)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _outlet(record: dict[str, Any]) -> str | None:
    value = _first(record, OUTLET_FIELDS)
    if isinstance(value, dict):  # news APIs: {"source": {"id": ..., "name": ...}}
        value = value.get("name")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _unwrap(value: Any) -> Any:
    if isinstance(value, dict) and not _first(value, TEXT_FIELDS + HTML_FIELDS):
        inner = next((value[k] for k in WRAPPER_FIELDS if isinstance(value.get(k), list)), None)
        if inner is not None:
            return inner
    return value


def _all_lines_json(text: str) -> bool:
    try:
        return all(isinstance(json.loads(line), dict) for line in text.splitlines() if line.strip())
    except (json.JSONDecodeError, RecursionError):
        return False


def _kind(value: Any) -> str:
    names = {
        list: "a list",
        dict: "an object",
        str: "a string",
        bool: "true/false",
        type(None): "null",
    }
    return names.get(type(value), "a number")
