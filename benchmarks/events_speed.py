"""Cost of the time-expression and event extractors, against the parse they share.

Parses real news articles once with `nlp.pipe` (the build's batch size), then
times `find_timexes` and `extract_events` on every parsed doc (mentions are
computed untimed, as the events extractor takes them as input). Reports CPU
seconds per 1,000 articles for each extractor and their share of the parse.

Run from the project root (about 2 minutes on polnear-train's 840 articles):

    .venv/bin/python benchmarks/events_speed.py [--limit 300] [--repeat 3]
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "data" / "polnear-train"


def read_corpus(folder: Path, limit: int) -> list[tuple[str, date | None]]:
    """(text, publication date) of the first `limit` articles, by file name."""
    published: dict[str, date | None] = {}
    with open(folder / "metadata.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            try:
                published[row["filename"]] = date.fromisoformat(row["publication_date"])
            except ValueError:
                published[row["filename"]] = None
    files = sorted((folder / "text").glob("*.txt"))[: limit or None]
    return [(f.read_text(encoding="utf-8"), published.get(f.stem)) for f in files]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="at most this many articles")
    parser.add_argument("--repeat", type=int, default=3, help="extractor runs (best is kept)")
    args = parser.parse_args(argv)
    if not (args.corpus / "text").is_dir():
        print(
            f"no corpus at {args.corpus}: ../shared must sit beside the checkout", file=sys.stderr
        )
        return 2
    from parley.articles.model import Article
    from parley.extract.entities import extract_mentions
    from parley.extract.events import extract_events
    from parley.extract.timex import find_timexes
    from parley.nlp import load_pipeline

    corpus = read_corpus(args.corpus, args.limit)
    nlp = load_pipeline(None)
    start = time.process_time()
    docs = list(nlp.pipe((text for text, _ in corpus), batch_size=32))
    parse = time.process_time() - start
    articles = [
        Article(id=str(i), source=str(i), text=text, published=day)
        for i, (text, day) in enumerate(corpus)
    ]
    mentions = [extract_mentions(doc, a, None) for doc, a in zip(docs, articles, strict=True)]
    best_timex = best_events = float("inf")
    for _ in range(args.repeat):
        start = time.process_time()
        timexes = [
            find_timexes(doc, a.published, a.text) for doc, a in zip(docs, articles, strict=True)
        ]
        middle = time.process_time()
        for doc, a, m, t in zip(docs, articles, mentions, timexes, strict=True):
            extract_events(doc, a, None, m, t)
        end = time.process_time()
        best_timex, best_events = min(best_timex, middle - start), min(best_events, end - middle)
    per_k = 1000 / len(corpus)
    print(f"articles: {len(corpus)}; parse: {parse:.1f} s CPU ({parse * per_k:.1f} s per 1,000)")
    for name, cost in (("timex", best_timex), ("events", best_events)):
        print(
            f"{name:7} {cost * per_k:6.2f} s per 1,000 articles"
            f" = {100 * cost / parse:5.2f}% of parse"
        )
    both = best_timex + best_events
    print(
        f"{'both':7} {both * per_k:6.2f} s per 1,000 articles = {100 * both / parse:5.2f}% of parse"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
