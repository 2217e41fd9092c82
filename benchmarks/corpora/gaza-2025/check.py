"""Validate the gaza-2025 corpus and its gold annotations.

Checks that every article named in the manifest exists, that every
annotation points into an existing article with offsets in range and text
fields equal to the text at the span, that actor and issue ids exist in the
case file, that enumerated fields hold allowed values, that dates agree with
their precision, that no stance, event or quote lies inside annotated page
chrome, and that every span in double quotation marks has a quote record.

Run from the project root:

    .venv/bin/python benchmarks/corpora/gaza-2025/check.py
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ANNOTATIONS = HERE.parents[1] / "annotations"
NAME = "gaza-2025"

EVENT_TYPES = {
    "call", "meeting", "talks", "proposal", "agreement", "rejection", "walkout",
    "ultimatum", "attack", "release", "withdrawal", "sanctions", "aid", "statement",
}  # fmt: skip
CHROME_KINDS = {
    "navigation", "banner", "photo_credit", "caption", "share", "newsletter",
    "related", "advertisement", "comments", "tags", "player", "byline",
}  # fmt: skip
QUOTE_KINDS = {"direct", "partial", "term"}
STANCES = {"support", "oppose"}
DATE_FORMS = {
    "day": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "week": re.compile(r"\d{4}-W\d{2}"),
    "month": re.compile(r"\d{4}-\d{2}"),
    "year": re.compile(r"\d{4}"),
}
OPENERS = {"“": "”", '"': '"'}


class Checker:
    """Collects error messages while the corpus is checked."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.texts: dict[str, str] = {}

    def fail(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    def span(self, where: str, rec: dict[str, Any], field: str | None) -> tuple[int, int] | None:
        """Check a record's file and offsets; compare `field` with the text at the span."""
        text = self.texts.get(rec.get("file", ""))
        if text is None:
            self.fail(where, f"unknown article {rec.get('file')!r}")
            return None
        start, end = rec.get("start"), rec.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            self.fail(where, f"offsets {start}-{end} out of range (text has {len(text)} chars)")
            return None
        if field is not None and rec.get(field) != text[start:end]:
            self.fail(where, f"{field} differs from the text at {start}-{end}")
        return start, end


def load_case(checker: Checker) -> tuple[set[str], dict[str, set[int]]]:
    """Return the case's actor ids and, per issue id, its labelled scale points."""
    case = yaml.safe_load((HERE / "case.yaml").read_text(encoding="utf-8"))
    if case.get("case") != NAME:
        checker.fail("case.yaml", f"case id is {case.get('case')!r}, expected {NAME!r}")
    for key in case:
        if key not in {"case", "title", "actors", "issues"}:
            checker.fail("case.yaml", f"unexpected top-level key {key!r} (actors and issues only)")
    actors = {actor["id"] for actor in case["actors"]}
    issues = {issue["id"]: {int(p) for p in issue.get("scale", {})} for issue in case["issues"]}
    for issue_id, points in issues.items():
        if not {0, 100} <= points:
            checker.fail("case.yaml", f"issue {issue_id} lacks scale points 0 and 100")
    return actors, issues


def load_articles(checker: Checker) -> None:
    """Read the manifest and every article it names."""
    with (HERE / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    on_disk = {path.name for path in (HERE / "articles").glob("*.txt")}
    for row in rows:
        path = HERE / "articles" / row["file"]
        if not path.is_file():
            checker.fail("manifest.csv", f"{row['file']} does not exist")
            continue
        checker.texts[row["file"]] = path.read_text(encoding="utf-8")
        if not DATE_FORMS["day"].fullmatch(row["published"]):
            checker.fail("manifest.csv", f"{row['file']}: published {row['published']!r}")
    for name in sorted(on_disk - set(checker.texts)):
        checker.fail("manifest.csv", f"article {name} is not in the manifest")


def read_jsonl(checker: Checker, kind: str) -> list[tuple[str, dict[str, Any]]]:
    path = ANNOTATIONS / f"{NAME}_{kind}.jsonl"
    if not path.is_file():
        checker.fail(path.name, "missing")
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(f"{path.name}:{n}", json.loads(line)) for n, line in enumerate(lines, 1) if line]


def check_chrome(checker: Checker) -> dict[str, list[tuple[int, int]]]:
    chrome: dict[str, list[tuple[int, int]]] = {}
    for where, rec in read_jsonl(checker, "chrome"):
        if rec.get("kind") not in CHROME_KINDS:
            checker.fail(where, f"chrome kind {rec.get('kind')!r}")
        span = checker.span(where, rec, "text")
        if span:
            chrome.setdefault(rec["file"], []).append(span)
    return chrome


def outside_chrome(checker: Checker, where: str, rec: dict[str, Any], chrome: Any) -> None:
    start, end = rec["start"], rec["end"]
    if any(start < c_end and c_start < end for c_start, c_end in chrome.get(rec["file"], [])):
        checker.fail(where, "span overlaps page chrome")


def check_stances(
    checker: Checker, actors: set[str], issues: dict[str, set[int]], chrome: Any
) -> None:
    seen: set[tuple[str, str, str, str]] = set()
    for where, rec in read_jsonl(checker, "stances"):
        if not checker.span(where, rec, "evidence"):
            continue
        outside_chrome(checker, where, rec, chrome)
        if rec.get("actor") not in actors:
            checker.fail(where, f"actor {rec.get('actor')!r} not in the case")
        if rec.get("issue") not in issues:
            checker.fail(where, f"issue {rec.get('issue')!r} not in the case")
        if rec.get("stance") not in STANCES:
            checker.fail(where, f"stance {rec.get('stance')!r}")
        if "position" in rec and rec["position"] not in issues.get(rec.get("issue", ""), set()):
            checker.fail(where, f"position {rec['position']!r} is not a labelled scale point")
        for start, end in rec.get("also", []):
            checker.span(where, {"file": rec["file"], "start": start, "end": end}, None)
        key = (rec["file"], rec["actor"], rec["issue"], rec["stance"])
        if key in seen:
            checker.fail(where, f"duplicate tuple {key} (use 'also')")
        seen.add(key)


def check_events(checker: Checker, actors: set[str], chrome: Any) -> None:
    for where, rec in read_jsonl(checker, "events"):
        if not checker.span(where, rec, "evidence"):
            continue
        outside_chrome(checker, where, rec, chrome)
        if rec.get("type") not in EVENT_TYPES:
            checker.fail(where, f"event type {rec.get('type')!r}")
        date, precision = rec.get("date"), rec.get("precision")
        if date is None:
            if precision is not None or rec.get("clear") is not False:
                checker.fail(where, "an undated event needs precision null and clear false")
        elif precision not in DATE_FORMS or not DATE_FORMS[precision].fullmatch(date):
            checker.fail(where, f"date {date!r} does not fit precision {precision!r}")
        if not isinstance(rec.get("clear"), bool):
            checker.fail(where, "clear must be true or false")
        for actor in rec.get("actors", []):
            if actor not in actors and actor == actor.lower():
                checker.fail(where, f"actor {actor!r} is neither a case id nor a name")


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside double quotation marks; an unclosed mark runs to the line end."""
    spans = []
    offset = 0
    for line in text.split("\n"):
        i = 0
        while i < len(line):
            close = OPENERS.get(line[i])
            if close is None:
                i += 1
                continue
            j = line.find(close, i + 1)
            end = j if j != -1 else len(line)
            spans.append((offset + i + 1, offset + end))
            i = j + 1 if j != -1 else len(line)
        offset += len(line) + 1
    return spans


def check_quotes(checker: Checker, chrome: Any) -> None:
    annotated: dict[str, list[tuple[int, int]]] = {}
    for where, rec in read_jsonl(checker, "quotes"):
        span = checker.span(where, rec, "text")
        if not span:
            continue
        outside_chrome(checker, where, rec, chrome)
        annotated.setdefault(rec["file"], []).append(span)
        if rec.get("kind") not in QUOTE_KINDS:
            checker.fail(where, f"quote kind {rec.get('kind')!r}")
        if "speaker" not in rec:
            checker.fail(where, "speaker missing (null when unnamed)")
    for name, text in checker.texts.items():
        spans = annotated.get(name, [])
        for start, end in quoted_spans(text):
            if not any(start <= a_start and a_end <= end for a_start, a_end in spans):
                checker.fail(name, f"quotation at {start} has no quote record")


def main() -> int:
    checker = Checker()
    actors, issues = load_case(checker)
    load_articles(checker)
    chrome = check_chrome(checker)
    check_stances(checker, actors, issues, chrome)
    check_events(checker, actors, chrome)
    check_quotes(checker, chrome)
    for error in checker.errors:
        print(error, file=sys.stderr)
    counts = {
        kind: len(read_jsonl(Checker(), kind)) for kind in ("stances", "events", "quotes", "chrome")
    }
    summary = ", ".join(f"{n} {kind}" for kind, n in counts.items())
    print(f"{NAME}: {len(checker.texts)} articles, {summary}: {len(checker.errors)} errors")
    return 1 if checker.errors else 0


if __name__ == "__main__":
    sys.exit(main())
