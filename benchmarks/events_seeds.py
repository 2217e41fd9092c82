"""Benchmark: are the clearly dated events of the seeds on the timeline, on the right day?

Annotations (`benchmarks/annotations/seed_events.jsonl`) give, per event, the
seed file, a character span into the RAW file, the type, the date (ISO day,
week or month) and the participants (case actor ids or entity names). The
seeds are read with `parley.sources.read_articles` (so relative dates resolve
against the manifest's publication dates) and run through the pipeline with
the case file.

An annotated event is found when one extracted event of the same article has
a compatible type (`parley.analysis.events.compatible_types`), the right date
(equal, or for a week or month annotation a day inside it) and either
evidence overlapping the annotated span or every annotated participant.

Run from the project root:

    .venv/bin/python benchmarks/events_seeds.py [-v]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TARGET = 0.80


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    parser.add_argument("--manifest", type=Path, default=SHARED / "manifests" / "seeds.csv")
    parser.add_argument("--case", type=Path, default=SHARED / "cases" / "russia-ukraine-2025.yaml")
    parser.add_argument(
        "--annotations", type=Path, default=ROOT / "benchmarks/annotations/seed_events.jsonl"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="show every annotation")
    args = parser.parse_args(argv)
    if not args.seeds.is_dir():
        print(f"no seeds at {args.seeds}: ../shared must sit beside the checkout", file=sys.stderr)
        return 2
    annotations = [json.loads(line) for line in args.annotations.read_text().splitlines() if line]
    events, texts = extract_seed_events(args.seeds, args.manifest, args.case)
    found = 0
    for ann in annotations:
        span = locate(args.seeds / ann["file"], ann, texts.get(ann["file"], ""))
        hit = next((e for e in events.get(ann["file"], []) if matches(ann, span, e)), None)
        found += hit is not None
        if args.verbose:
            mark = "ok  " if hit else "MISS"
            got = f"-> {hit.type} {hit.date} {list(hit.actors)}" if hit else ""
            print(f"{mark} {ann['file'][:3]} {ann['type']:9} {ann['date']:10} {got}")
    dated = sum(1 for evs in events.values() for e in evs if e.date)
    share = found / len(annotations) if annotations else 0.0
    print(
        f"events found on the right day: {found}/{len(annotations)} = {share:.2f} (target {TARGET})"
    )
    print(f"dated events extracted: {dated}; undated: {sum(map(len, events.values())) - dated}")
    return 0 if share >= TARGET else 1


def extract_seed_events(
    seeds: Path, manifest: Path, case_path: Path
) -> tuple[dict[str, list[Any]], dict[str, str]]:
    """Events and article texts per seed file name, from the full pipeline."""
    from parley.case import load_case
    from parley.extract.entities import extract_mentions
    from parley.extract.events import extract_events
    from parley.extract.timex import find_timexes
    from parley.nlp import load_pipeline
    from parley.sources import read_articles

    case = load_case(case_path)
    nlp = load_pipeline(case)
    events: dict[str, list[Any]] = {}
    texts: dict[str, str] = {}
    for article in read_articles(sorted(seeds.glob("*.txt")), manifest=manifest):
        if not hasattr(article, "text"):
            print(f"skipped {article.source}: {article.reason}", file=sys.stderr)
            continue
        doc = nlp(article.text)
        mentions = extract_mentions(doc, article, case)
        timexes = find_timexes(doc, article.published)
        name = Path(article.source).name
        events[name] = extract_events(doc, article, case, mentions, timexes)
        texts[name] = article.text
    return events, texts


def locate(raw_path: Path, ann: dict[str, Any], text: str) -> tuple[int, int] | None:
    """The annotated raw-file span, found again in the article's cleaned text."""
    snippet = raw_path.read_text(encoding="utf-8")[ann["start"] : ann["end"]]
    at = text.find(snippet)
    if at >= 0:
        return at, at + len(snippet)
    pattern = r"\s+".join(re.escape(w) for w in snippet.split())
    match = re.search(pattern, text)
    return (match.start(), match.end()) if match else None


def matches(ann: dict[str, Any], span: tuple[int, int] | None, event: Any) -> bool:
    """Type compatible, right date, and overlapping evidence or the same participants."""
    from parley.analysis.events import compatible_types

    if not compatible_types(ann["type"], event.type) or not right_date(ann["date"], event.date):
        return False
    overlaps = span is not None and event.start < span[1] and span[0] < event.end
    return overlaps or set(ann["actors"]) <= set(event.actors)


def right_date(expected: str, got: str | None) -> bool:
    """Equal, or a finer date inside an annotated week or month."""
    from parley.extract.timex import timex_to_date_range

    if got is None:
        return False
    if got == expected:
        return True
    want, have = timex_to_date_range(expected), timex_to_date_range(got)
    if want is None or have is None or want[0] == want[1]:
        return False
    return want[0] <= have[0] and have[1] <= want[1]


if __name__ == "__main__":
    sys.exit(main())
