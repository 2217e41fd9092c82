"""Build throughput and peak memory, as a ratio to a bare spaCy parse of the same texts.

Generates a corpus by varying the seed articles (or the built-in sample when
../shared is absent): article i is seed i mod k with a numbered closing line,
so every article is distinct and costs one full parse. Each measurement runs in
its own subprocess, so peak memory (max RSS) is that run's alone.

    python benchmarks/build_speed.py --articles 1000
    python benchmarks/build_speed.py --articles 10000 --source paragraphs --workers 1 2 --dask
    python benchmarks/build_speed.py --articles 1000 --memory-scale 10  # 10x corpus, 10x memory?
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def base_texts(source: str) -> tuple[list[str], Path | None]:
    """The texts to vary, and the case file to build with.

    `seeds`: the five seed articles (about 1,300 words each); `sample`: the ten
    built-in briefs (about 280 words); `paragraphs`: each paragraph of the briefs
    as a short wire item (about 60 words), for corpora of 10,000 and more.
    """
    if source == "paragraphs":
        texts, case = base_texts("sample")
        return [p for t in texts for p in t.split("\n\n") if len(p.split()) >= 20], case
    if source == "seeds" and (SHARED / "seeds").is_dir():
        from parley.sources import read_articles

        articles = [a for a in read_articles([SHARED / "seeds"]) if hasattr(a, "text")]
        return [a.text for a in articles], SHARED / "cases" / "russia-ukraine-2025.yaml"
    from parley.sample import ARTICLES_DIR, CASE_PATH
    from parley.sources import read_articles

    return [a.text for a in read_articles([ARTICLES_DIR]) if hasattr(a, "text")], CASE_PATH


def make_corpus(folder: Path, texts: list[str], n: int) -> None:
    """Write n JSONL records, 1,000 per file."""
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, n, 1000):
        with open(folder / f"part-{start // 1000:04d}.jsonl", "w", encoding="utf-8") as out:
            for i in range(start, min(n, start + 1000)):
                text = f"{texts[i % len(texts)]}\n\nArchive copy number {i}."
                out.write(
                    json.dumps({"title": f"Copy {i}", "published": "2025-03-19", "text": text})
                    + "\n"
                )


def measure(job: str, **kwargs: object) -> dict:
    """Run one job in a fresh interpreter; returns its figures including peak memory."""
    code = (
        f"import sys, json; sys.path.insert(0, {str(Path(__file__).parent)!r}); "
        "import build_speed as b; "
        f"print(json.dumps(b.{job}(**json.loads(sys.argv[1]))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, json.dumps(kwargs)], capture_output=True, text=True
    )
    if result.returncode:
        raise RuntimeError(result.stderr[-3000:])
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def bare_parse(corpus: str) -> dict:
    """spaCy alone: parse every text of the corpus with the same model and batch size."""
    import spacy

    from parley.build.work import PIPE_BATCH
    from parley.nlp import MODEL_NAME

    texts = [
        json.loads(line)["text"]
        for f in sorted(Path(corpus).glob("*.jsonl"))
        for line in f.read_text(encoding="utf-8").splitlines()
    ]
    nlp = spacy.load(MODEL_NAME)
    started = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=PIPE_BATCH):
        pass
    return {"seconds": time.perf_counter() - started, "articles": len(texts), "peak_mb": _peak_mb()}


def parley_build(corpus: str, case: str, db: str, workers: int = 1, dask: bool = False) -> dict:
    """A full build (read, parse, extract, store, views) into a fresh SQLite dossier."""
    from parley.build import build, make_engine
    from parley.case import load_case
    from parley.nlp import load_pipeline
    from parley.store import open_store

    the_case = load_case(case)
    load_pipeline(the_case)  # model load is not part of the throughput
    cluster = None
    if dask:
        from distributed import LocalCluster

        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        engine = make_engine(engine="dask", scheduler=cluster.scheduler_address)
    else:
        engine = make_engine(workers)
    with open_store(db) as store:
        started = time.perf_counter()
        report = build([corpus], store, case=the_case, engine=engine)
        seconds = time.perf_counter() - started
    if cluster:
        cluster.close()
    return {
        "seconds": seconds,
        "articles": report.stored,
        "rejected": len(report.rejected),
        "peak_mb": _peak_mb(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--source", choices=("seeds", "sample", "paragraphs"), default="seeds")
    parser.add_argument("--workers", type=int, nargs="+", default=[1])
    parser.add_argument(
        "--dask", action="store_true", help="also build on a local 2-worker Dask cluster"
    )
    parser.add_argument(
        "--memory-scale", type=int, default=0, help="also build a corpus this many times larger"
    )
    args = parser.parse_args()

    texts, case = base_texts(args.source)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        make_corpus(corpus, texts, args.articles)
        rows = [("bare spaCy parse", measure("bare_parse", corpus=str(corpus)))]
        for w in args.workers:
            rows.append(
                (
                    f"parley build, {w} worker(s)",
                    measure(
                        "parley_build",
                        corpus=str(corpus),
                        case=str(case),
                        db=f"{tmp}/w{w}.db",
                        workers=w,
                    ),
                )
            )
        if args.dask:
            rows.append(
                (
                    "parley build, Dask LocalCluster 2 workers",
                    measure(
                        "parley_build",
                        corpus=str(corpus),
                        case=str(case),
                        db=f"{tmp}/dask.db",
                        workers=2,
                        dask=True,
                    ),
                )
            )
        if args.memory_scale:
            big = Path(tmp) / "big"
            make_corpus(big, texts, args.articles * args.memory_scale)
            rows.append(
                (
                    f"parley build, {args.memory_scale}x corpus",
                    measure("parley_build", corpus=str(big), case=str(case), db=f"{tmp}/big.db"),
                )
            )
    bare = rows[0][1]
    words = sum(len(texts[i % len(texts)].split()) for i in range(args.articles))
    origin = f"{len(texts)} {args.source} texts"
    print(f"corpus: {args.articles} articles ({words:,} words) varied from {origin}")
    print(f"{'run':44} {'articles':>8} {'seconds':>8} {'art/s':>7} {'ratio':>6} {'peak MB':>8}")
    for name, r in rows:
        rate = r["articles"] / r["seconds"]
        ratio = (r["articles"] / r["seconds"]) / (bare["articles"] / bare["seconds"])
        figures = f"{r['articles']:8d} {r['seconds']:8.1f} {rate:7.1f} {ratio:6.2f}"
        print(f"{name:44} {figures} {r['peak_mb']:8.0f}")


if __name__ == "__main__":
    main()
