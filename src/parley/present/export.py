"""Write records as JSON lines or CSV."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from typing import Any, TextIO


def write_records(
    rows: Iterable[dict[str, Any]], fields: Sequence[str], fmt: str, out: TextIO
) -> int:
    """Write `fields` of each row to `out` as `jsonl` or `csv`; returns the number written.

    In CSV, lists and objects are written as JSON.
    """
    if fmt not in ("jsonl", "csv"):
        raise ValueError(f"unknown export format {fmt!r}; valid: jsonl, csv")
    writer = (
        csv.DictWriter(out, fieldnames=list(fields), lineterminator="\n") if fmt == "csv" else None
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


def _csv_cell(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value
