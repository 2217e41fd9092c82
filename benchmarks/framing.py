"""Benchmark: blame and credit frames against hand annotations.

Annotations (`benchmarks/annotations/<name>_framing.jsonl`) give, per frame, the
article file, the cue's character span, the kind (blame or credit), the case
actor blamed or credited (target) and who does it (agent: a case actor id,
"writer" for the article's own voice, "other" for someone who is no case
actor). They were written by reading the articles before Parley ran on them.

The articles are built into a temporary dossier with the corpus's case file
(the real build: one parse, every extractor), and the stored frames are scored:
a frame is right when an annotated frame of the same article and sentence has
the same kind, target and agent. Precision is over the extracted frames,
recall over the annotated ones; "target only" ignores the agent.

Run from the project root:

    .venv/bin/python benchmarks/framing.py [-v] [--corpus framing-briefs]

A corpus is `benchmarks/framing/` (name `framing-briefs`) or
`benchmarks/corpora/<name>/` (articles/, case.yaml, manifest.csv).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SENTENCE_END = re.compile(r"[.!?][”\"’']?\s+|\n")

Key = tuple[str, str, str, str, str]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="framing-briefs")
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses and extras")
    parser.add_argument(
        "--speed", type=int, default=0, metavar="N",
        help="also time frame extraction on N polnear-train articles (CPU, share of the parse)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    if args.speed:
        speed(args.speed)
    folder = corpus_folder(args.corpus)
    annotations = ROOT / "benchmarks" / "annotations" / f"{args.corpus}_framing.jsonl"
    if not annotations.is_file():
        print(f"no annotations at {annotations}", file=sys.stderr)
        return 2
    raw = {p.name: p.read_text(encoding="utf-8") for p in (folder / "articles").iterdir()}
    gold = [json.loads(line) for line in annotations.read_text().splitlines() if line.strip()]
    found, stored = extracted_frames(folder)
    for name, keep in (("kind, target and agent", True), ("target only", False)):
        want = {key(g, raw, keep) for g in gold}
        got = {key(f, stored, keep) for f in found}
        hits = len(want & got)
        precision = hits / len(got) if got else 0.0
        recall = hits / len(want) if want else 0.0
        print(f"{name}: precision {precision:.2f} ({hits}/{len(got)}), "
              f"recall {recall:.2f} ({hits}/{len(want)})")  # fmt: skip
        if args.verbose and keep:
            for label, items in (("missed", want - got), ("extra", got - want)):
                for item in sorted(items):
                    print(f"  {label}: {item[0]} “{item[1][:70]}”: {item[2:]}")
    return 0


def corpus_folder(name: str) -> Path:
    if name == "framing-briefs":
        return ROOT / "benchmarks" / "framing"
    return ROOT / "benchmarks" / "corpora" / name


def key(frame: dict[str, Any], texts: dict[str, str], agent: bool) -> Key:
    """(article, sentence text, kind, target, agent) of a frame.

    The sentence is found by its text, so offsets into the raw file (annotations)
    and into the stored article text (Parley) compare alike.
    """
    text = texts[frame["article"]]
    ends = [m.end() for m in SENTENCE_END.finditer(text)]
    start = max([0, *(e for e in ends if e <= frame["start"])])
    end = min([len(text), *(e for e in ends if e > frame["start"])])
    sentence = " ".join(text[start:end].split())
    return (frame["article"], sentence, frame["kind"], frame["target"],
            frame["agent"] if agent else "-")  # fmt: skip


def extracted_frames(folder: Path) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Build the corpus into a temporary dossier; its frames and article texts by file name."""
    from parley.build import build
    from parley.case import load_case
    from parley.store import open_store

    manifest = folder / "manifest.csv"
    with (
        tempfile.TemporaryDirectory() as tmp,
        open_store(str(Path(tmp) / "frames.db")) as store,
    ):
        build(
            [folder / "articles"],
            store,
            case=load_case(folder / "case.yaml"),
            manifest=manifest if manifest.is_file() else None,
        )
        articles = list(store.rows("articles", ["id", "source", "text"]))
        names = {r["id"]: Path(r["source"]).name for r in articles}
        texts = {names[r["id"]]: r["text"] for r in articles}
        frames = [{**row, "article": names[row["article_id"]]} for row in store.rows("frames")]
        return frames, texts


def speed(n: int) -> None:
    """CPU seconds of the parse and of frame extraction (and the mentions it reads) per 1,000."""
    import time

    from parley.case import load_case
    from parley.extract.entities import extract_mentions
    from parley.extract.framing import extract_frames
    from parley.extract.quotes import extract_quotes
    from parley.nlp import load_pipeline

    folder = ROOT.parent / "shared" / "data" / "polnear-train" / "text"
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))[:n]]
    case = load_case(ROOT / "src" / "parley" / "sample" / "case.yaml")
    nlp = load_pipeline(case)
    clock = time.process_time()
    docs = list(nlp.pipe(texts, batch_size=32))
    parse = time.process_time() - clock
    records = [(d, extract_mentions(d, None, case), extract_quotes(d, None, case)) for d in docs]
    clock = time.process_time()
    found = sum(len(extract_frames(d, None, case, m, q)) for d, m, q in records)
    frames = time.process_time() - clock
    per = 1000 / len(texts)
    print(f"{len(texts)} polnear-train articles, {found} frames: parse {parse * per:.1f} s, "
          f"frames {frames * per:.2f} s per 1,000 articles "
          f"({frames / parse:.2%} of the parse)")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
