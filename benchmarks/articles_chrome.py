"""Benchmark: is the page chrome of a corpus gone from the cleaned article texts?

Annotations (JSON lines) name each piece of page chrome placed in a capture:
`file`, `start`/`end` into the raw file (or only `evidence` or `text`, its text)
and a `class` or `kind` (photo credit, banner, share prompt, byline, dateline...). The
articles are read as a build reads them (`parley.sources.read_articles`, with
the manifest). A piece is left over when the cleaned text still holds it: as a
paragraph of its own, at the start of a paragraph (glued to the first
sentence), or anywhere when it is four words or longer.

The body must survive too: the event annotations of the same corpus
(`<name>_events.jsonl`), when present, must all be found in the cleaned texts.

    .venv/bin/python benchmarks/articles_chrome.py --corpus benchmarks/corpora/dev-grain-2022
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
ANNOTATIONS = ROOT / "benchmarks" / "annotations"


def left_over(piece: str, text: str) -> bool:
    """Whether the chrome `piece` is still in the cleaned `text`."""
    piece = " ".join(piece.split())
    if not piece:
        return False
    for paragraph in text.split("\n\n"):
        if paragraph == piece or paragraph.startswith(piece):
            return True
    return len(piece.split()) >= 4 and piece in " ".join(text.split())


def body_found(gold: dict[str, Any], raw: str, text: str) -> bool:
    snippet = raw[gold["start"] : gold["end"]]
    return re.search(r"\s+".join(re.escape(w) for w in snippet.split()), text) is not None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True, help="corpus folder with articles/")
    parser.add_argument("--manifest", type=Path)
    parser.add_argument("--annotations", type=Path)
    parser.add_argument("-v", "--verbose", action="store_true", help="list what is left over")
    args = parser.parse_args(argv)
    from parley.sources import read_articles

    folder = args.corpus / "articles"
    manifest = args.manifest or (args.corpus / "manifest.csv")
    path = args.annotations or ANNOTATIONS / f"{args.corpus.name}_chrome.jsonl"
    chrome = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    files = sorted(p for p in folder.iterdir() if p.is_file())
    raw = {p.name: p.read_text(encoding="utf-8") for p in files}
    texts = {
        Path(a.source).name: a.text
        for a in read_articles(files, manifest=manifest if manifest.is_file() else None)
        if hasattr(a, "text")
    }
    kept: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for item in chrome:
        piece = (
            item.get("evidence")
            or item.get("text")
            or raw[item["file"]][item["start"] : item["end"]]
        )
        kind = item.get("class") or item.get("kind") or "chrome"
        total[kind] += 1
        if left_over(piece, texts.get(item["file"], "")):
            kept[kind] += 1
            if args.verbose:
                print(f"LEFT {item['file']} [{kind}] {piece[:80]!r}")
    removed = sum(total.values()) - sum(kept.values())
    share = removed / sum(total.values()) if total else 0.0
    print(f"chrome removed: {removed}/{sum(total.values())} = {share:.2f}")
    for kind in sorted(total):
        print(f"  {kind:16} {total[kind] - kept[kind]}/{total[kind]}")
    events = ANNOTATIONS / f"{args.corpus.name}_events.jsonl"
    if events.is_file():
        gold = [json.loads(line) for line in events.read_text().splitlines() if line.strip()]
        found = sum(body_found(g, raw[g["file"]], texts.get(g["file"], "")) for g in gold)
        print(f"annotated event mentions still in the cleaned text: {found}/{len(gold)}")
    return 0 if not kept else 1


if __name__ == "__main__":
    sys.exit(main())
