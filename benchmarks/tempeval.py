"""Time expressions: TempEval-3 Task A scores on the dev half, and the tagger's cost.

Scores `find_timexes` on ../shared/data/tempeval3-dev (10 AP/CNN/WSJ files of
the TempEval-3 platinum set) the way Task A does: strict and relaxed span F1,
type F1 and accuracy, value F1 and accuracy. "text" counts only the tags in
<TEXT>; "+DCT" also counts each file's creation-time tag, which every system
is given (TempEval-3's scorer compared all TIMEX3 of a file). Published
results are on all 20 platinum files (the other 10 are the held-out check).

Then the speed: the time of `nlp.pipe` over the seed articles against the time
of `find_timexes` over the parsed docs (best of --repeat runs each).

Run: PYTHONPATH=src .venv/bin/python benchmarks/tempeval.py [--errors] [--repeat 3]
"""

from __future__ import annotations

import argparse
import csv
import time
from datetime import date
from pathlib import Path

from parley.extract.timex import find_timexes
from parley.extract.timex.score import PUBLISHED, Counts, evaluate_documents, score
from parley.extract.timex.timeml import read_timeml_dir
from parley.nlp import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "data" / "tempeval3-dev"


def scores_table(text_only: Counts, with_dct: Counts) -> None:
    """Print the Markdown table of Parley's scores beside the published ones."""
    print(
        "| system | strict P | strict R | strict F1 | relaxed F1 | type F1 | type acc. "
        "| value F1 | value acc. | gold/system |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for label, counts in (("Parley (text)", text_only), ("Parley (+DCT)", with_dct)):
        s = score(counts)
        print(
            f"| {label} | {s.strict_precision:.2f} | {s.strict_recall:.2f} | {s.strict_f1:.2f} "
            f"| {s.relaxed_f1:.2f} | {s.type_f1:.2f} | {s.type_accuracy:.2f} | {s.value_f1:.2f} "
            f"| {s.value_accuracy:.2f} | {s.gold}/{s.system} |"
        )
    for name, (relaxed, strict, value) in PUBLISHED.items():
        print(
            f"| {name} (published, 20 files) | | | {strict:.2f} | {relaxed:.2f} | | "
            f"| {value:.2f} | | |"
        )


def print_errors(counts: Counts) -> None:
    """Every gold tag missed or mis-valued, and every spurious system tag."""
    for name, gold, system in counts.misses:
        g = f"{gold.text!r} {gold.type} {gold.value} {gold.mod or ''}" if gold else "-"
        s = f"{system.text!r} {system.type} {system.value} {system.mod or ''}" if system else "-"
        print(f"  {name}: gold {g} | parley {s}")


def seed_texts() -> tuple[list[str], list[date | None]]:
    """The seed articles and their publication dates from the manifest."""
    rows = list(csv.DictReader((SHARED / "manifests" / "seeds.csv").open(encoding="utf-8")))
    texts = [(SHARED / "seeds" / r["file"]).read_text(encoding="utf-8") for r in rows]
    dates = [date.fromisoformat(r["published"]) if r["published"] else None for r in rows]
    return texts, dates


def speed(repeat: int) -> None:
    """Best-of-`repeat` times of parsing the seeds and of tagging the parsed docs."""
    nlp = load_pipeline(None)
    texts, dates = seed_texts()
    docs = list(nlp.pipe(texts))  # warm-up
    parse = tag = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        docs = list(nlp.pipe(texts))
        parse = min(parse, time.perf_counter() - start)
        start = time.perf_counter()
        for doc, dct in zip(docs, dates, strict=True):
            find_timexes(doc, dct)
        tag = min(tag, time.perf_counter() - start)
    print(
        f"\nseeds ({len(texts)} articles, {sum(map(len, texts))} characters): "
        f"parse {parse * 1000:.0f} ms, find_timexes {tag * 1000:.1f} ms, "
        f"ratio {100 * tag / parse:.2f}%"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list every mismatch")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs (best is kept)")
    args = parser.parse_args()
    if not DEV.is_dir():
        raise SystemExit(f"{DEV} is missing: this benchmark needs ../shared beside the checkout")
    documents = read_timeml_dir(DEV)
    nlp = load_pipeline(None)
    text_only = evaluate_documents(documents, nlp, include_dct=False)
    with_dct = evaluate_documents(documents, nlp, include_dct=True)
    print(f"TempEval-3 Task A, {DEV.name} ({len(documents)} files)\n")
    scores_table(text_only, with_dct)
    if args.errors:
        print("\nmismatches (text only):")
        print_errors(text_only)
    speed(args.repeat)


if __name__ == "__main__":
    main()
