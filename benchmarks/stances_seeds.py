"""Benchmark: stances on the seed articles, and what stance and claim extraction cost a build.

Annotations (`benchmarks/annotations/seed_stances.jsonl`) give, per stance, the
seed file, a character span into the RAW file (the evidence a reader would
cite), the case actor id, the issue id and `support` or `oppose`. Scoring is on
the set of (article, actor, issue, stance) tuples: precision over the tuples
Parley extracts, recall over the annotated ones.

Speed: the seeds are parsed once with `nlp.pipe` and every extractor runs on
the shared doc. "Before" is parse + the other extractors; "after" adds stance
extraction and the corpus claim grouping. The throughput ratio after/before
is printed (1.00 = free). Times are CPU time of this process, so other
work on a shared machine does not move the ratio. The script also counts calls into the spaCy
pipeline during stance extraction (must be 0: no second parse).

Run from the project root:

    .venv/bin/python benchmarks/stances_seeds.py [-v] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TARGET = 0.80

Key = tuple[str, str, str, str]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    parser.add_argument("--manifest", type=Path, default=SHARED / "manifests" / "seeds.csv")
    parser.add_argument("--case", type=Path, default=SHARED / "cases" / "russia-ukraine-2025.yaml")
    parser.add_argument(
        "--annotations", type=Path, default=ROOT / "benchmarks/annotations/seed_stances.jsonl"
    )
    parser.add_argument("--rounds", type=int, default=3, help="timing rounds over the seeds")
    parser.add_argument("-v", "--verbose", action="store_true", help="list hits, misses, extras")
    args = parser.parse_args(argv)
    if not args.seeds.is_dir():
        print(f"no seeds at {args.seeds}: ../shared must sit beside the checkout", file=sys.stderr)
        return 2
    gold = {_key(json.loads(line)) for line in args.annotations.read_text().splitlines() if line}
    run = run_seeds(args.seeds, args.manifest, args.case, args.rounds)
    found = {(file, s.actor, s.issue, s.stance) for file, s in run["stances"]}
    precision, recall = _score(found, gold)
    if args.verbose:
        _report(found, gold, run["stances"])
    print(f"stance tuples: {len(found)} extracted, {len(gold)} annotated")
    print(f"precision {precision:.2f}  recall {recall:.2f}  (target {TARGET} each)")
    before, after = run["before"], run["after"]
    print(
        f"throughput: {run['words'] / before:,.0f} words/s before, {run['words'] / after:,.0f} "
        f"after; ratio after/before {before / after:.3f} "
        f"(stances {run['stances_s'] * 1000:.1f} ms, claims {run['claims_s'] * 1000:.1f} ms "
        f"per round of {run['articles']} articles)"
    )
    print(f"pipeline calls during stance and claim extraction: {run['parses']} (must be 0)")
    ok = precision >= TARGET and recall >= TARGET and run["parses"] == 0
    return 0 if ok else 1


def _key(ann: dict[str, Any]) -> Key:
    return (ann["file"], ann["actor"], ann["issue"], ann["stance"])


def _score(found: set[Key], gold: set[Key]) -> tuple[float, float]:
    hits = len(found & gold)
    return (hits / len(found) if found else 0.0, hits / len(gold) if gold else 0.0)


def _report(found: set[Key], gold: set[Key], stances: list[tuple[str, Any]]) -> None:
    evidence: dict[Key, Any] = {}
    for file, s in stances:
        evidence.setdefault((file, s.actor, s.issue, s.stance), s)
    for key in sorted(found | gold):
        mark = "ok   " if key in found and key in gold else ("MISS " if key in gold else "EXTRA")
        s = evidence.get(key)
        cue = f"cue={s.cue} conf={s.confidence}" if s else ""
        print(f"{mark} {key[0][:3]} {key[1]:14} {key[2]:25} {key[3]:8} {cue}")


def run_seeds(seeds: Path, manifest: Path, case_path: Path, rounds: int) -> dict[str, Any]:
    """Parse the seeds once per round; time the extractors; count pipeline calls in stances."""
    from parley.build.work import extract_article
    from parley.case import load_case
    from parley.extract.stances import extract_stances
    from parley.nlp import load_pipeline
    from parley.sources import read_articles

    case = load_case(case_path)
    nlp = load_pipeline(case)
    articles = [a for a in read_articles([seeds], manifest=manifest) if hasattr(a, "text")]
    totals: dict[str, float] = defaultdict(float)
    stances: list[tuple[str, Any]] = []
    parses = 0
    for round_ in range(rounds):
        started = time.process_time()
        docs = list(nlp.pipe([a.text for a in articles]))
        totals["parse"] += time.process_time() - started
        extractions = []
        for doc, article in zip(docs, articles, strict=True):
            started = time.process_time()
            extraction = extract_article(doc, article, case)
            totals["extract"] += time.process_time() - started
            with _CountCalls(nlp) as calls:
                started = time.process_time()
                found = extract_stances(doc, article, case, extraction.mentions, extraction.quotes)
                totals["stances"] += time.process_time() - started
            parses += calls.count
            extractions.append((article, extraction))
            if round_ == 0:
                stances += [(Path(article.source).name, s) for s in found]
        started = time.process_time()
        with _CountCalls(nlp) as calls:
            _claims(extractions, case)
        totals["claims"] += time.process_time() - started
        parses += calls.count
    # extract_article already runs extract_stances once: "before" takes it out.
    before = totals["parse"] + totals["extract"] - totals["stances"]
    after = before + totals["stances"] + totals["claims"]
    return {
        "stances": stances,
        "before": before / rounds,
        "after": after / rounds,
        "stances_s": totals["stances"] / rounds,
        "claims_s": totals["claims"] / rounds,
        "words": sum(a.words for a in articles),
        "articles": len(articles),
        "parses": parses,
    }


def _claims(extractions: list[tuple[Any, Any]], case: Any) -> None:
    from parley.analysis.claims import group_claims, statements_from_records

    statements = [
        st
        for article, extraction in extractions
        for st in statements_from_records(article, extraction.stances, extraction.events, case)
    ]
    group_claims(statements, case)


class _CountCalls:
    """Count calls of the pipeline (`nlp(...)`, `nlp.pipe`, `make_doc`) inside a block."""

    def __init__(self, nlp: Any) -> None:
        self.nlp, self.count, self.saved = nlp, 0, {}

    def __enter__(self) -> _CountCalls:
        for name in ("__call__", "pipe", "make_doc"):
            original = getattr(type(self.nlp), name)
            self.saved[name] = original

            def counted(*args: Any, _original: Any = original, **kwargs: Any) -> Any:
                self.count += 1
                return _original(*args, **kwargs)

            setattr(type(self.nlp), name, counted)
        return self

    def __exit__(self, *exc: object) -> None:
        for name, original in self.saved.items():
            setattr(type(self.nlp), name, original)


if __name__ == "__main__":
    sys.exit(main())
