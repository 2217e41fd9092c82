"""The manifest: a CSV or JSONL file that supplies or overrides article metadata.

Columns (CSV header or JSONL keys): `file` or `url` (at least one), and any of
`outlet`, `title`, `published` (a date), `authors` (separated by `;`, or a JSON list).
A `file` matches by file name wherever the file lies; a `url` matches a record's URL.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from parley.articles.dates import parse_date
from parley.articles.raw import Metadata
from parley.errors import InputError, one_line

KEYS = ("file", "url")
FIELDS = ("outlet", "title", "published", "authors")
_FORMATS = {".csv": "csv", ".tsv": "tsv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl"}


@dataclass(frozen=True, slots=True)
class Manifest:
    """Metadata by file name and by URL."""

    path: str
    by_file: Mapping[str, Metadata] = field(default_factory=dict)
    by_url: Mapping[str, Metadata] = field(default_factory=dict)
    file_rows: Mapping[str, int] = field(default_factory=dict)

    def for_file(self, name: str | None) -> Metadata | None:
        """The entry for a file name (a path is reduced to its name), or `None`."""
        key = _file_key(name)
        return self.by_file.get(key) if key else None

    def for_url(self, url: str | None) -> Metadata | None:
        return self.by_url.get(url.strip()) if url else None

    def __len__(self) -> int:
        return len(self.by_file) + len(self.by_url)

    def unmatched_files(self, names: set[str]) -> Iterator[str]:
        """A warning for each row whose `file` is not among these file names."""
        for name, row in sorted(self.file_rows.items(), key=lambda item: item[1]):
            if name not in names:
                yield f"row {row}: file {name!r} is not among the inputs"


def load_manifest(path: str | Path) -> Manifest:
    """Read a manifest; raises `InputError` naming the row and the fix when it is invalid."""
    where = str(path)
    kind = _FORMATS.get(Path(path).suffix.lower())
    if kind is None:
        raise InputError(
            where, f"unknown manifest format {Path(path).suffix!r} (use .csv or .jsonl)"
        )
    text = _read_text(Path(path))
    rows = _csv_rows(where, text, kind) if kind in ("csv", "tsv") else _jsonl_rows(where, text)
    by_file: dict[str, Metadata] = {}
    by_url: dict[str, Metadata] = {}
    file_rows: dict[str, int] = {}
    for number, row in rows:
        meta, key, url = _entry(where, number, row)
        _put(where, number, by_file, key, meta, "file")
        _put(where, number, by_url, url, meta, "url")
        if key:
            file_rows[key] = number
    if not by_file and not by_url:
        raise InputError(
            where,
            "manifest has no rows (expected a `file` or `url` header, then one row per article)",
        )
    return Manifest(path=where, by_file=by_file, by_url=by_url, file_rows=file_rows)


def _read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(str(path), f"cannot read manifest ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise InputError(
            str(path), f"manifest is not UTF-8 text (byte at offset {exc.start})"
        ) from exc


def _csv_rows(where: str, text: str, kind: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """Rows as {column: value}, numbered from 2 (the header is row 1; blank lines skipped).

    A row must have as many fields as the header and fit on one line: a stray quote
    would otherwise swallow every later row into one field, silently.
    """
    reader = csv.reader(io.StringIO(text), delimiter="\t" if kind == "tsv" else ",")
    try:
        columns = [c.strip().lower() for c in next(reader, [])]
    except csv.Error as exc:
        raise InputError(where, f"line 1: malformed CSV ({exc})") from None
    if not any(key in columns for key in KEYS):
        found = one_line(", ".join(columns), limit=200) or "none"
        raise InputError(where, f"manifest needs a `file` or `url` column (found: {found})")
    number, first = 1, reader.line_num + 1
    try:
        for fields in reader:
            if fields:
                number += 1
                yield number, _csv_row(where, number, first, reader.line_num, columns, fields)
            first = reader.line_num + 1
    except csv.Error as exc:  # a field over the csv module's size limit, a NUL byte...
        raise InputError(where, f"line {reader.line_num}: malformed CSV ({exc})") from None


def _csv_row(
    where: str, number: int, first: int, last: int, columns: list[str], fields: list[str]
) -> dict[str, Any]:
    if last > first:
        raise InputError(
            where,
            f'row {number} (lines {first}-{last}): a field runs over several lines (a stray `"`?)',
        )
    if len(fields) != len(columns):
        raise InputError(
            where, f"row {number}: {len(fields)} fields where the header has {len(columns)}"
        )
    return dict(zip(columns, fields, strict=True))


def _jsonl_rows(where: str, text: str) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(where, f"line {number}: malformed JSON ({exc.msg})") from exc
        except RecursionError:
            raise InputError(where, f"line {number}: JSON nested too deeply") from None
        if not isinstance(row, dict):
            raise InputError(where, f"line {number}: expected a JSON object per line")
        yield number, {str(k).strip().lower(): v for k, v in row.items()}


def _entry(where: str, number: int, row: dict[str, Any]) -> tuple[Metadata, str | None, str | None]:
    key = _file_key(_text(row.get("file")))
    url = _text(row.get("url"))
    if not key and not url:
        raise InputError(where, f"row {number}: needs a `file` or a `url`")
    published_text = row.get("published")
    published = parse_date(published_text)
    if published is None and _text(published_text):
        raise InputError(
            where, f"row {number}: published {published_text!r} is not a date (write YYYY-MM-DD)"
        )
    meta = Metadata(
        title=_text(row.get("title")),
        outlet=_text(row.get("outlet")),
        authors=_authors(row.get("authors")),
        published=published,
        url=url,
    )
    return meta, key, url


def _put(
    where: str, number: int, table: dict[str, Metadata], key: str | None, meta: Metadata, what: str
) -> None:
    if not key:
        return
    if key in table:
        raise InputError(
            where, f"row {number}: {what} {key!r} is listed twice (one row per article)"
        )
    table[key] = meta


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _authors(value: Any) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(a for a in (_text(v) for v in value) if a)
    text = _text(value)
    return tuple(a.strip() for a in text.split(";") if a.strip()) if text else ()


def _file_key(name: str | None) -> str | None:
    return PurePath(name.replace("\\", "/")).name if name else None
