"""Write records as JSON lines or CSV.

CSV cells are made safe for spreadsheets: a text cell that starts with `=`,
`+`, `-`, `@`, a tab or a carriage return would be read as a formula, so it
gets a leading apostrophe (OWASP's advice for CSV injection). JSON lines are
written exactly as stored. Lines end in CRLF, as RFC 4180 says.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from typing import Any, TextIO


def write_records(
    rows: Iterable[dict[str, Any]], fields: Sequence[str], fmt: str, out: TextIO
) -> int:
    """Write `fields` of each row to `out` as `jsonl` or `csv`; returns the number written.

    In CSV, lists and objects are written as JSON, and text that a spreadsheet
    would run as a formula is neutralised (see `csv_safe`).
    """
    if fmt not in ("jsonl", "csv"):
        raise ValueError(f"unknown export format {fmt!r}; valid: jsonl, csv")
    writer = (
        # CRLF line ends (RFC 4180) also make the writer quote a cell holding a lone "\r"
        csv.DictWriter(out, fieldnames=list(fields), lineterminator="\r\n")
        if fmt == "csv"
        else None
    )
    if writer:
        writer.writeheader()
    count = 0
    for row in rows:
        record = {f: row.get(f) for f in fields}
        if writer:
            writer.writerow({k: _csv_cell(v) for k, v in record.items()})
        else:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet read a cell as a formula."""


def csv_safe(value: Any) -> Any:
    """`value` for a CSV cell: text starting like a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv_cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return csv_safe(value)
