"""Validate the evaluation corpora and their gold annotations.

For every corpus folder under `benchmarks/corpora/` (or the ones named on the
command line) this checks the manifest against the articles, the case file's
shape, and every record of `benchmarks/annotations/<corpus>_{stances,events,quotes}.jsonl`:
the article exists, `0 <= start < end <= len(text)`, the quoted span text
(`evidence` or `text`) equals `text[start:end]` of the file as read from disk,
actor and issue ids exist in the case file, and every enum and date is valid.
The formats are described in `benchmarks/corpora/README.md`.

Run from the project root:

    .venv/bin/python benchmarks/corpora/check_annotations.py [CORPUS ...]

Exit status 0 when everything is valid, 1 with one line per problem otherwise.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

CORPORA = Path(__file__).resolve().parent
ANNOTATIONS = CORPORA.parent / "annotations"
KINDS = ("stances", "events", "quotes")
MANIFEST_COLUMNS = ["file", "outlet", "title", "published", "authors"]
STANCES = {"support", "oppose"}
EVENT_TYPES = {
    "call",
    "meeting",
    "talks",
    "proposal",
    "agreement",
    "rejection",
    "walkout",
    "ultimatum",
    "attack",
    "release",
    "withdrawal",
    "sanctions",
    "aid",
    "statement",
}
QUOTE_KINDS = {"direct", "partial", "term"}
DATE_FORMS = {
    "day": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "week": re.compile(r"\d{4}-W(0[1-9]|[1-4]\d|5[0-3])"),
    "month": re.compile(r"\d{4}-(0[1-9]|1[0-2])"),
    "year": re.compile(r"\d{4}"),
}


@dataclass
class Corpus:
    """One corpus folder: its articles' texts and its case file's ids."""

    name: str
    texts: dict[str, str] = field(default_factory=dict)
    actors: set[str] = field(default_factory=set)
    issues: dict[str, set[int]] = field(default_factory=dict)


Problems = list[str]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", help="corpus folder names (default: all)")
    args = parser.parse_args(argv)
    names = args.corpora or sorted(p.name for p in CORPORA.iterdir() if (p / "case.yaml").is_file())
    problems: Problems = []
    for name in names:
        counts = check_corpus(name, problems)
        print(f"{name}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    for problem in problems:
        print(problem, file=sys.stderr)
    print("ok" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


def check_corpus(name: str, problems: Problems) -> dict[str, int]:
    """Check one corpus folder and its annotation files; return record counts."""
    folder = CORPORA / name
    corpus = Corpus(name)
    if not folder.is_dir():
        problems.append(f"{folder}: no such corpus folder")
        return {}
    articles = sorted((folder / "articles").glob("*.txt"))
    corpus.texts = {p.name: p.read_text(encoding="utf-8") for p in articles}
    if not corpus.texts:
        problems.append(f"{folder}/articles: no .txt articles")
    check_manifest(folder / "manifest.csv", corpus, problems)
    load_case_ids(folder / "case.yaml", corpus, problems)
    counts = {}
    for kind in KINDS:
        path = ANNOTATIONS / f"{name}_{kind}.jsonl"
        if path.is_file():
            counts[kind] = check_records(path, corpus, CHECKS[kind], problems)
    return counts


def check_manifest(path: Path, corpus: Corpus, problems: Problems) -> None:
    """The manifest has the agreed columns and one row per article."""
    if not path.is_file():
        problems.append(f"{path}: missing")
        return
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != MANIFEST_COLUMNS:
            problems.append(f"{path}: columns {reader.fieldnames}, expected {MANIFEST_COLUMNS}")
            return
        rows = list(reader)
    for line, row in enumerate(rows, start=2):
        if row["file"] not in corpus.texts:
            problems.append(f"{path}:{line}: no article {row['file']!r}")
        if not is_day(row["published"]):
            problems.append(f"{path}:{line}: published {row['published']!r} is not an ISO day")
    listed = {row["file"] for row in rows}
    for missing in sorted(set(corpus.texts) - listed):
        problems.append(f"{path}: article {missing!r} not in the manifest")


def load_case_ids(path: Path, corpus: Corpus, problems: Problems) -> None:
    """Read actor ids and issue ids (with their scale points) from the case file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        problems.append(f"{path}: cannot read case file ({exc})")
        return
    if not isinstance(data, dict) or data.get("case") != corpus.name:
        problems.append(f"{path}: a mapping with 'case: {corpus.name}' is expected")
        return
    extra = set(data) - {"case", "title", "actors", "issues"}
    if extra:
        problems.append(f"{path}: only actors and issues belong here, found {sorted(extra)}")
    corpus.actors = {str(a.get("id")) for a in data.get("actors") or [] if isinstance(a, dict)}
    for issue in data.get("issues") or []:
        scale = issue.get("scale") or {}
        if not {0, 100} <= set(scale):
            problems.append(f"{path}: issue {issue.get('id')!r} needs scale points 0 and 100")
        corpus.issues[str(issue.get("id"))] = set(scale)


def check_records(path: Path, corpus: Corpus, check: Checker, problems: Problems) -> int:
    """Check every JSON line of one annotation file; return how many there are."""
    count = 0
    for line, record in read_jsonl(path, problems):
        count += 1
        where = f"{path.name}:{line}"
        text = corpus.texts.get(record.get("file", ""))
        if text is None:
            problems.append(f"{where}: no article {record.get('file')!r} in {corpus.name}")
            continue
        problems.extend(f"{where}: {p}" for p in check(record, text, corpus))
    return count


def read_jsonl(path: Path, problems: Problems) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, record) for each non-empty line; report bad JSON."""
    for line, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            problems.append(f"{path.name}:{line}: not JSON ({exc})")
            continue
        if isinstance(record, dict):
            yield line, record
        else:
            problems.append(f"{path.name}:{line}: a JSON object is expected")


def span_problems(record: dict[str, Any], text: str, key: str) -> Iterator[str]:
    """The span is inside the text and `record[key]` is exactly the text at it."""
    start, end = record.get("start"), record.get("end")
    if not is_span(start, end, text):
        yield f"bad span [{start}, {end}) for a text of {len(text)} characters"
    elif record.get(key) != text[start:end]:
        yield f"{key} {record.get(key)!r} differs from the text at the span {text[start:end]!r}"


def check_stance(record: dict[str, Any], text: str, corpus: Corpus) -> Iterator[str]:
    """A stance names a case actor, a case issue, support or oppose, an optional position."""
    yield from span_problems(record, text, "evidence")
    if record.get("actor") not in corpus.actors:
        yield f"unknown actor {record.get('actor')!r}"
    points = corpus.issues.get(record.get("issue", ""))
    if points is None:
        yield f"unknown issue {record.get('issue')!r}"
    if record.get("stance") not in STANCES:
        yield f"stance {record.get('stance')!r} is not one of {sorted(STANCES)}"
    if "position" in record and points is not None:
        if len(points) < 3:
            yield f"position given for issue {record.get('issue')!r}, which has no graded scale"
        elif record["position"] not in points:
            yield f"position {record['position']!r} is not a labelled point of the scale"
    for pair in record.get("also", []):
        if not (isinstance(pair, list) and len(pair) == 2 and is_span(pair[0], pair[1], text)):
            yield f"also: {pair!r} is not a [start, end] span of the text"


def check_event(record: dict[str, Any], text: str, corpus: Corpus) -> Iterator[str]:
    """An event has a known type, a date matching its precision, a clear flag and actors."""
    yield from span_problems(record, text, "evidence")
    if record.get("type") not in EVENT_TYPES:
        yield f"type {record.get('type')!r} is not one of {sorted(EVENT_TYPES)}"
    yield from date_problems(record.get("date"), record.get("precision"), record.get("clear"))
    actors = record.get("actors")
    if not isinstance(actors, list) or not all(isinstance(a, str) and a.strip() for a in actors):
        yield f"actors {actors!r} is not a list of names"


def date_problems(value: Any, precision: Any, clear: Any) -> Iterator[str]:
    """`date` and `precision` are both null, or the date has the precision's ISO form."""
    if not isinstance(clear, bool):
        yield f"clear {clear!r} is not true or false"
    if value is None or precision is None:
        if value is not None or precision is not None:
            yield f"date {value!r} and precision {precision!r}: both null or neither"
        elif clear:
            yield "an undated event cannot be clearly dated"
        return
    form = DATE_FORMS.get(precision)
    if form is None:
        yield f"precision {precision!r} is not one of {sorted(DATE_FORMS)}"
    elif not form.fullmatch(str(value)) or (precision == "day" and not is_day(value)):
        yield f"date {value!r} is not a valid {precision}"


def check_quote(record: dict[str, Any], text: str, corpus: Corpus) -> Iterator[str]:
    """A quote is the text between the marks, with a kind and a speaker or null."""
    yield from span_problems(record, text, "text")
    kind, speaker = record.get("kind"), record.get("speaker")
    if kind not in QUOTE_KINDS:
        yield f"kind {kind!r} is not one of {sorted(QUOTE_KINDS)}"
    if speaker is not None and not (isinstance(speaker, str) and speaker.strip()):
        yield f"speaker {speaker!r} is not a name or null"
    if kind == "term" and speaker is not None:
        yield "a term in quotation marks has no speaker"
    start = record.get("start")
    if isinstance(start, int) and 0 < start <= len(text) and text[start - 1] not in '"“':
        yield "the span does not start right after a quotation mark"


def is_span(start: Any, end: Any, text: str) -> bool:
    """True when [start, end) is a non-empty character span inside the text."""
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)


def is_day(value: Any) -> bool:
    """True for an ISO calendar day such as 2025-04-12."""
    try:
        date.fromisoformat(str(value))
    except ValueError:
        return False
    return bool(DATE_FORMS["day"].fullmatch(str(value)))


Checker = Callable[[dict[str, Any], str, Corpus], Iterator[str]]
CHECKS: dict[str, Checker] = {"stances": check_stance, "events": check_event, "quotes": check_quote}


if __name__ == "__main__":
    sys.exit(main())
