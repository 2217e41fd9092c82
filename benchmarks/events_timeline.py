"""Benchmark: are the events of a corpus on the timeline, each on the right day?

Annotations (JSON lines, one per event mention; see docs/events.md) give the
article file, a span into the RAW file (checked by `sha1` or `evidence`), the
type, the date (ISO day, week or month, or null), whether the article dates it
clearly, and the participants. The articles are read with
`parley.sources.read_articles` (with the manifest, so that relative dates
resolve against the publication dates), run through the pipeline with the
case file, and the events are dated across the corpus as the timeline does.

An extracted event matches an annotated mention when its trigger overlaps the
mention's span and the types are compatible (`compatible_types`); matches are
one to one, right dates first. A date is right when it equals the annotated
one, lies inside an annotated week or month, or (for an approximate day) the
annotated day is that day or the day before (the news-lead convention).

- recall: annotated clearly dated mentions matched on the right date;
- precision: extracted dated events matched to a mention on the right date
  (a dated event that is no annotated mention, or sits on another date, is wrong);
- undated: the share of extracted events left undated, by cause.

Run from the project root:

    .venv/bin/python benchmarks/events_timeline.py [-v]                   # the seeds
    .venv/bin/python benchmarks/events_timeline.py --corpus benchmarks/corpora/dev-grain-2022
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ANNOTATIONS = ROOT / "benchmarks" / "annotations"
TARGET_RECALL = 0.90
TARGET_PRECISION = 0.85


@dataclass(frozen=True)
class Corpus:
    articles: list[Path]
    manifest: Path | None
    case: Path | None
    annotations: Path


def resolve_corpus(args: argparse.Namespace) -> Corpus:
    """Paths of a corpus: a folder of articles, or a corpus folder with `articles/`,
    `manifest.csv` and `case.yaml` (its annotations named `<folder>_events.jsonl`)."""
    if args.corpus is None:
        folder, manifest = SHARED / "seeds", SHARED / "manifests" / "seeds.csv"
        case, annotations = SHARED / "cases" / "russia-ukraine-2025.yaml", "seed_events.jsonl"
    elif (args.corpus / "articles").is_dir():
        folder, manifest = args.corpus / "articles", args.corpus / "manifest.csv"
        case, annotations = args.corpus / "case.yaml", f"{args.corpus.name}_events.jsonl"
    else:
        folder, manifest, case = args.corpus, None, None
        annotations = f"{args.corpus.name}_events.jsonl"
    return Corpus(
        articles=sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")),
        manifest=args.manifest or (manifest if manifest and manifest.is_file() else None),
        case=args.case or (case if case and case.is_file() else None),
        annotations=args.annotations or ANNOTATIONS / annotations,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="articles folder or corpus folder (seeds)")
    parser.add_argument("--manifest", type=Path)
    parser.add_argument("--case", type=Path)
    parser.add_argument("--annotations", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and errors")
    args = parser.parse_args(argv)
    if args.corpus is None and not (SHARED / "seeds").is_dir():
        print(f"no seeds at {SHARED}: ../shared must sit beside the checkout", file=sys.stderr)
        return 2
    corpus = resolve_corpus(args)
    gold = [json.loads(line) for line in corpus.annotations.read_text().splitlines() if line]
    events, texts = extract_corpus(corpus)
    raw = {p.name: p.read_text(encoding="utf-8") for p in corpus.articles}
    mentions = [locate(g, raw[g["file"]], texts.get(g["file"], "")) for g in gold]
    result = score(mentions, events)
    report(result, events, verbose=args.verbose)
    ok = result["recall"] >= TARGET_RECALL and result["precision"] >= TARGET_PRECISION
    return 0 if ok else 1


def extract_corpus(corpus: Corpus) -> tuple[dict[str, list[Any]], dict[str, str]]:
    """Events per file name (dated across the corpus, as the timeline shows them) and texts."""
    from parley.analysis.events import link_events
    from parley.case import load_case
    from parley.extract.entities import extract_mentions
    from parley.extract.events import extract_events
    from parley.extract.timex import find_timexes
    from parley.nlp import load_pipeline
    from parley.sources import read_articles

    case = load_case(corpus.case) if corpus.case else None
    nlp = load_pipeline(case)
    triples, texts = [], {}
    for article in read_articles(corpus.articles, manifest=corpus.manifest):
        if not hasattr(article, "text"):
            print(f"skipped {article.source}: {article.reason}", file=sys.stderr)
            continue
        doc = nlp(article.text)
        name = Path(article.source).name
        mentions = extract_mentions(doc, article, case)
        timexes = find_timexes(doc, article.published, article.text)
        found = extract_events(doc, article, case, mentions, timexes)
        triples += [(name, name, event) for event in found]
        texts[name] = article.text
    events: dict[str, list[Any]] = {name: [] for name in texts}
    for name, _, event in link_events(triples):
        events[name].append(event)
    return events, texts


def locate(gold: dict[str, Any], raw: str, text: str) -> dict[str, Any]:
    """The annotation with `span`: its raw-file span found again in the cleaned text (or None)."""
    snippet = raw[gold["start"] : gold["end"]]
    expected = gold.get("evidence")
    if expected is not None and snippet != expected:
        raise SystemExit(f"{gold['file']}:{gold['start']}: evidence does not match the file")
    if "sha1" in gold and hashlib.sha1(snippet.encode("utf-8")).hexdigest() != gold["sha1"]:
        raise SystemExit(f"{gold['file']}:{gold['start']}: sha1 does not match the file")
    at = text.find(snippet)
    if at < 0:
        match = re.search(r"\s+".join(re.escape(w) for w in snippet.split()), text)
        span = (match.start(), match.end()) if match else None
    else:
        span = (at, at + len(snippet))
    return {**gold, "span": span, "snippet": snippet}


def right_date(expected: str | None, got: str | None, approximate: bool = False) -> bool:
    """Equal; a finer date inside an annotated week or month; or, for an approximate
    day, the annotated day or the day after it (the news-lead convention)."""
    from datetime import date, timedelta

    from parley.extract.timex import timex_to_date_range

    if got is None or expected is None:
        return False
    if got == expected:
        return True
    want, have = timex_to_date_range(expected), timex_to_date_range(got)
    if want is None or have is None:
        return False
    if approximate and have[0] == have[1] and want[0] == want[1]:
        return have[0] - want[0] == timedelta(days=1) and isinstance(have[0], date)
    return want[0] != want[1] and want[0] <= have[0] and have[1] <= want[1]


def _trigger_span(event: Any) -> tuple[int, int]:
    start = getattr(event, "trigger_start", None)
    end = getattr(event, "trigger_end", None)
    return (start, end) if start is not None and end is not None else (event.start, event.end)


def score(gold: list[dict[str, Any]], events: dict[str, list[Any]]) -> dict[str, Any]:
    """One-to-one matches of annotated mentions and extracted events, and the rates.

    First by span (the trigger overlaps the annotated mention); then, for corpora that
    annotate each event once per article (at its clearest mention), an extracted event
    that overlaps no annotation matches an unmatched annotation of the same article with a
    compatible type, the right date and compatible participants; and one that repeats a
    matched annotation's event (same type and date) is right too.
    """
    from parley.analysis.events import compatible_types

    keys = [(f, i) for f, evs in events.items() for i in range(len(evs))]
    spans = {key: _trigger_span(events[key[0]][key[1]]) for key in keys}
    overlapping = {key: [] for key in keys}
    pairs = []
    for gi, g in enumerate(gold):
        if g["span"] is None:
            continue
        for ei, e in enumerate(events.get(g["file"], [])):
            start, end = spans[(g["file"], ei)]
            overlap = min(end, g["span"][1]) - max(start, g["span"][0])
            if overlap > 0:
                overlapping[(g["file"], ei)].append(gi)
            if overlap > 0 and compatible_types(g["type"], e.type):
                pairs.append((not _right(g, e), -overlap, gi, (g["file"], ei)))
    matched_gold: dict[int, tuple[str, int]] = {}
    matched_event: dict[tuple[str, int], int] = {}
    _assign(pairs, matched_gold, matched_event)
    loose = []
    for key in keys:
        if key in matched_event or overlapping[key]:
            continue
        e = events[key[0]][key[1]]
        for gi, g in enumerate(gold):
            if g["file"] == key[0] and gi not in matched_gold and _same(g, e, compatible_types):
                loose.append((0, 0, gi, key))
    _assign(loose, matched_gold, matched_event)
    repeats = set()
    for key in keys:
        e = events[key[0]][key[1]]
        if key in matched_event or not e.date:
            continue
        if any(
            gold[gi]["file"] == key[0] and _same(gold[gi], e, compatible_types)
            for gi in matched_gold
        ):
            repeats.add(key)
    clear = [gi for gi, g in enumerate(gold) if g["clear"]]
    found = [
        gi
        for gi in clear
        if gi in matched_gold and _right(gold[gi], _event(events, matched_gold[gi]))
    ]
    dated = [key for key in keys if events[key[0]][key[1]].date]
    right = [
        key
        for key in dated
        if key in repeats
        or (key in matched_event and _right(gold[matched_event[key]], events[key[0]][key[1]]))
    ]
    return {
        "gold": gold,
        "clear": clear,
        "found": set(found),
        "matched_gold": matched_gold,
        "matched_event": matched_event,
        "dated": dated,
        "right": set(right),
        "recall": len(found) / len(clear) if clear else 0.0,
        "precision": len(right) / len(dated) if dated else 0.0,
        "detected": len(matched_gold) / len(gold) if gold else 0.0,
    }


def _event(events: dict[str, list[Any]], key: tuple[str, int]) -> Any:
    return events[key[0]][key[1]]


def _right(gold: dict[str, Any], event: Any) -> bool:
    return right_date(gold["date"], event.date, getattr(event, "approximate", False))


def _same(gold: dict[str, Any], event: Any, compatible: Any) -> bool:
    """The same event as an annotation: compatible type, right date, participants that meet."""
    if not compatible(gold["type"], event.type) or not _right(gold, event):
        return False
    mine, theirs = set(event.actors), set(gold["actors"])
    return not (mine and theirs) or bool(mine & theirs)


def _assign(pairs: list[Any], matched_gold: dict[int, Any], matched_event: dict[Any, int]) -> None:
    for _, _, gi, key in sorted(pairs):
        if gi not in matched_gold and key not in matched_event:
            matched_gold[gi], matched_event[key] = key, gi


def report(result: dict[str, Any], events: dict[str, list[Any]], verbose: bool) -> None:
    gold = result["gold"]
    if verbose:
        for gi in result["clear"]:
            if gi in result["found"]:
                continue
            g = gold[gi]
            if gi in result["matched_gold"]:
                file, ei = result["matched_gold"][gi]
                e = events[file][ei]
                why = f"got {e.type} {e.date} ({getattr(e, 'dating', '')})"
            else:
                why = "not found"
            print(f"MISS {g['file'][:12]} {g['type']:9} {g['date']:10} {why}: {g['snippet'][:70]}")
        for key in result["dated"]:
            if key in result["right"]:
                continue
            e = events[key[0]][key[1]]
            gi = result["matched_event"].get(key)
            want = f"annotated {gold[gi]['date']}" if gi is not None else "no annotated event"
            print(
                f"WRONG {key[0][:12]} {e.type:9} {e.date:10} {getattr(e, 'dating', '')} "
                f"({want}) trigger={e.trigger!r}: {e.summary[:80]}"
            )
    total = sum(map(len, events.values()))
    undated = Counter(
        getattr(e, "dating", None) or "unknown"
        for evs in events.values()
        for e in evs
        if not e.date
    )
    print(
        f"clearly dated mentions on the right date (recall): {len(result['found'])}/"
        f"{len(result['clear'])} = {result['recall']:.2f} (target {TARGET_RECALL})"
    )
    print(
        f"dated events on the right date (precision): {len(result['right'])}/"
        f"{len(result['dated'])} = {result['precision']:.2f} (target {TARGET_PRECISION})"
    )
    print(f"annotated mentions found at all: {len(result['matched_gold'])}/{len(gold)}")
    share = sum(undated.values()) / total if total else 0.0
    causes = ", ".join(f"{cause} {n}" for cause, n in undated.most_common())
    print(f"events extracted: {total}; undated: {sum(undated.values())} ({share:.0%}): {causes}")


if __name__ == "__main__":
    sys.exit(main())
