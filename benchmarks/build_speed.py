"""Build throughput, CPU and memory of every process, as a ratio to a bare spaCy parse.

Corpora (`--source`):

- `polnear`: the 840 real news articles of `../shared/data/polnear-train/text`
  (about 624,000 words), built as they are; `--articles N` takes the first N.
- `seeds`, `sample`, `paragraphs`: a generated corpus of `--articles` items,
  article i being text i mod k with a numbered closing line (so every article
  is distinct and costs one full parse): the seed articles, the built-in
  briefs, or each brief's paragraphs as short wire items.

Each run happens in its own subprocess while this process samples the whole
process tree (the run, its workers, a forkserver, Dask's nanny and worker
processes) from /proc ten times a second: peak memory is the largest sum of
resident memory over all those processes at one moment, and CPU is the sum of
their user and system time. Runs, in one invocation so ratios share the
machine's load: a bare `nlp.pipe` parse of the same texts (same model, batch
size 32), `parley build` in one process, with `--workers` processes, and on a
local Dask cluster of 2 worker processes (`--dask`). `--budget` adds one
in-process pass that times each stage separately (reading and cleaning, the
parse, each extractor, storing, views) in seconds per 1,000 articles.

    python benchmarks/build_speed.py --source polnear --workers 1 2 --dask --budget
    python benchmarks/build_speed.py --articles 1000 --source paragraphs --memory-scale 10
    python benchmarks/build_speed.py --incremental 10000 --articles 10   # add 10 to 10,000
    python benchmarks/build_speed.py --judged   # all of the above that the targets judge

`--judged` runs, in one invocation: the polnear table (bare parse, 1 process, `--workers
2`, Dask 2 workers) with the budget; builds of 1,000 short items (1 process and 2 workers);
and a 10,000-item build (memory at 10,000) to which 10 items are then added (seconds, and
the views' share). `--judged --articles 40` runs the same on smaller corpora, to check that
it works end to end.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
POLNEAR = SHARED / "data" / "polnear-train" / "text"
SEED_CASE = SHARED / "cases" / "russia-ukraine-2025.yaml"


# -- corpora ---------------------------------------------------------------


def base_texts(source: str) -> tuple[list[str], Path]:
    """The texts to vary, and the case file to build with.

    `seeds`: the five seed articles (about 1,300 words each); `sample`: the ten
    built-in briefs (about 280 words); `paragraphs`: each paragraph of the briefs
    as a short wire item (about 60 words), for corpora of 10,000 and more.
    """
    from parley.sample import ARTICLES_DIR, CASE_PATH
    from parley.sources import read_articles

    if source == "paragraphs":
        texts, case = base_texts("sample")
        return [p for t in texts for p in t.split("\n\n") if len(p.split()) >= 20], case
    if source == "seeds" and (SHARED / "seeds").is_dir():
        articles = [a for a in read_articles([SHARED / "seeds"]) if hasattr(a, "text")]
        return [a.text for a in articles], SEED_CASE
    return [a.text for a in read_articles([ARTICLES_DIR]) if hasattr(a, "text")], CASE_PATH


def make_corpus(folder: Path, texts: list[str], n: int, first: int = 0) -> None:
    """Write articles first..first+n-1 as JSONL records, 1,000 per file."""
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(first, first + n, 1000):
        with open(folder / f"part-{start // 1000:05d}.jsonl", "w", encoding="utf-8") as out:
            for i in range(start, min(first + n, start + 1000)):
                text = f"{texts[i % len(texts)]}\n\nArchive copy number {i}."
                record = {"title": f"Copy {i}", "published": "2025-03-19", "text": text}
                out.write(json.dumps(record) + "\n")


def polnear_corpus(folder: Path, n: int | None) -> None:
    """Copies of the first n polnear-train articles (all of them when n is None)."""
    if not POLNEAR.is_dir():
        sys.exit(f"{POLNEAR} is missing: --source polnear needs ../shared beside the checkout")
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted(POLNEAR.glob("*.txt"))[:n]:
        (folder / path.name).write_bytes(path.read_bytes())


def corpus_texts(corpus: str) -> list[str]:
    """The article texts a build of `corpus` parses (after reading and cleaning)."""
    from parley.sources import read_articles

    return [a.text for a in read_articles([corpus]) if hasattr(a, "text")]


# -- measuring a run: every process of its tree ---------------------------


def _descendants(root: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", encoding="utf-8") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(parents.get(pid, []))
    return found


def _process_figures(pid: int) -> tuple[int, float] | None:
    """(resident kB, CPU seconds) of one process, or None if it is gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as f:
            rss = next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
        with open(f"/proc/{pid}/stat", encoding="utf-8") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return rss, (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, StopIteration, ValueError, IndexError):
        return None


class TreeSampler(threading.Thread):
    """Samples a process tree: the peak of its summed resident memory, its processes' CPU."""

    def __init__(self, root: int, every: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.root, self.every = root, every
        self.peak_kb = 0
        self.cpu: dict[int, float] = {}
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            total = 0
            for pid in _descendants(self.root):
                figures = _process_figures(pid)
                if figures:
                    total += figures[0]
                    self.cpu[pid] = max(self.cpu.get(pid, 0.0), figures[1])
            self.peak_kb = max(self.peak_kb, total)
            self.done.wait(self.every)


def measure(job: str, **kwargs: object) -> dict:
    """Run one job in a fresh interpreter, sampling its process tree; returns its figures."""
    code = (
        f"import sys, json; sys.path.insert(0, {str(Path(__file__).parent)!r}); "
        "import build_speed as b; "
        f"print(json.dumps(b.{job}(**json.loads(sys.argv[1]))))"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code, json.dumps(kwargs)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    sampler = TreeSampler(process.pid)
    sampler.start()
    out, err = process.communicate()
    sampler.done.set()
    sampler.join()
    if process.returncode:
        raise RuntimeError(err[-3000:])
    figures = json.loads(out.strip().splitlines()[-1])
    figures["peak_mb"] = sampler.peak_kb / 1024
    figures["cpu"] = sum(sampler.cpu.values())
    figures["processes"] = len(sampler.cpu)
    return figures


# -- jobs (each runs in its own subprocess) -------------------------------


def bare_parse(corpus: str) -> dict:
    """spaCy alone: parse every text of the corpus with the same model and batch size."""
    import spacy

    from parley.build.work import PIPE_BATCH
    from parley.nlp import MODEL_NAME

    texts = corpus_texts(corpus)
    nlp = spacy.load(MODEL_NAME)
    started = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=PIPE_BATCH):
        pass
    return {"seconds": time.perf_counter() - started, "articles": len(texts)}


def parley_build(corpus: str, case: str, db: str, workers: int = 1, dask: bool = False) -> dict:
    """A full build (read, parse, extract, store, views) into a SQLite dossier.

    The engine is started first (`Engine.start`: worker processes started, every process's
    model and extractor data loaded), as the bare parse loads its model first; its seconds
    are reported apart (`start_seconds`)."""
    from parley.build import build, make_engine
    from parley.case import load_case
    from parley.store import open_store

    the_case = load_case(case)
    cluster = None
    if dask:
        from distributed import LocalCluster

        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            host="127.0.0.1",
        )
        engine = make_engine(engine="dask", scheduler=cluster.scheduler_address)
    else:
        engine = make_engine(workers)
    started = time.perf_counter()
    engine.start(the_case)
    start_seconds = time.perf_counter() - started
    with open_store(db) as store:
        started = time.perf_counter()
        report = build([corpus], store, case=the_case, engine=engine)
        seconds = time.perf_counter() - started
    engine.close()
    if cluster:
        cluster.close()
    return {
        "seconds": seconds,
        "start_seconds": start_seconds,
        "articles": report.stored,
        "rejected": len(report.rejected),
        "workers": len(report.workers - {report.writer}),
    }


def budget(corpus: str, case: str, db: str) -> dict:
    """Each stage timed on its own, in one process: CPU seconds for the whole corpus (CPU
    time, not wall time, so that other jobs on the machine do not inflate a stage)."""
    from parley.build import BATCH_SIZE, refresh_views
    from parley.build.work import PIPE_BATCH, extract_article, speaker_keys, warm_up
    from parley.case import load_case
    from parley.nlp import load_pipeline, parse
    from parley.sources import read_articles
    from parley.store import open_store

    the_case = load_case(case)
    warm_up(the_case)  # the model and the extractors' data, loaded once per process
    nlp = load_pipeline(the_case)
    clock: dict[str, float] = {}

    def timed(stage: str, fn, *args):  # type: ignore[no-untyped-def]
        started = time.process_time()
        result = fn(*args)
        clock[stage] = clock.get(stage, 0.0) + time.process_time() - started
        return result

    articles = timed(
        "reading and cleaning", lambda: [a for a in read_articles([corpus]) if hasattr(a, "text")]
    )
    with open_store(db) as store:
        for i in range(0, len(articles), BATCH_SIZE):
            batch = articles[i : i + BATCH_SIZE]
            docs = timed(
                "parse", lambda b: list(parse(nlp, (a.text for a in b), PIPE_BATCH)), batch
            )
            items = []
            for doc, article in zip(docs, batch, strict=True):
                records = extract_article(doc, article, the_case, clock)
                items.append((article, records, speaker_keys(records.quotes, records.mentions)))
            timed("storing", store.add_articles, items)  # as a build commits: a batch at a time
        timed("views", refresh_views, store, the_case)
    order = ["reading and cleaning", "parse"]
    stages = {k: clock[k] for k in order} | {k: v for k, v in clock.items() if k not in order}
    return {"articles": len(articles), "stages": stages}


def incremental(corpus: str, extra: str, case: str, db: str) -> dict:
    """Build `corpus`; time a build of it again (all stored), then one adding `extra`, and
    the views' share of that build."""
    import parley.build as building
    from parley.build import build
    from parley.case import load_case
    from parley.nlp import load_pipeline
    from parley.store import open_store

    the_case = load_case(case)
    load_pipeline(the_case)
    refresh = building.refresh_views
    views: dict[str, float] = {}

    def timed_refresh(store, case):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        done = refresh(store, case)
        views["seconds"] = time.perf_counter() - started
        return done

    building.refresh_views = timed_refresh  # type: ignore[assignment]

    def timed(fn, *args):  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        result = fn(*args)
        return result, time.perf_counter() - started

    with open_store(db) as store:
        base, base_seconds = timed(lambda: build([corpus], store, case=the_case))
        full_views = views["seconds"]
        _, again_seconds = timed(lambda: build([corpus], store, case=the_case))
        added, seconds = timed(lambda: build([extra], store, case=the_case))
    return {
        "base": base.stored,
        "base_seconds": base_seconds,
        "full_views_seconds": full_views,
        "again_seconds": again_seconds,
        "added": added.stored,
        "seconds": seconds,
        "views": added.views,
        "views_seconds": views["seconds"],
        "articles": added.stored,
    }


# -- the command ------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=None, help="corpus size (all of polnear)")
    parser.add_argument(
        "--source", choices=("polnear", "seeds", "sample", "paragraphs"), default="seeds"
    )
    parser.add_argument("--workers", type=int, nargs="+", default=[1])
    parser.add_argument("--dask", action="store_true", help="also build on a 2-worker Dask cluster")
    parser.add_argument("--budget", action="store_true", help="also time each stage on its own")
    parser.add_argument(
        "--memory-scale", type=int, default=0, help="also build a corpus this many times larger"
    )
    parser.add_argument(
        "--incremental",
        type=int,
        default=0,
        metavar="N",
        help="build N generated articles, then time adding --articles more",
    )
    parser.add_argument("--no-bare", action="store_true", help="skip the bare parse")
    parser.add_argument(
        "--judged",
        action="store_true",
        help="every figure the speed targets are judged on, in one run (see the module doc)",
    )
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores, load average {_load()} at start")
    with tempfile.TemporaryDirectory() as tmp:
        if args.judged:
            run_judged(Path(tmp), args.articles)
        elif args.incremental:
            run_incremental(Path(tmp), args)
        else:
            run_throughput(Path(tmp), args)
    print(f"load average {_load()} at end")


def run_judged(tmp: Path, articles: int | None = None) -> None:
    """polnear-train: bare parse, 1 process, 2 workers, Dask 2 workers, and the budget; memory
    of builds of 1,000 and 10,000 short items; adding 10 items to the 10,000. `articles`
    (`--articles`) shrinks every corpus for a quick end-to-end check: the first N polnear
    articles, N short items, and 10 added to 10 x N."""
    polnear = argparse.Namespace(
        source="polnear", articles=articles, workers=[1, 2], dask=True, budget=True,
        memory_scale=0, no_bare=False,
    )  # fmt: skip
    print("== throughput on polnear-train")
    run_throughput(tmp / "polnear", polnear)
    items = argparse.Namespace(
        source="paragraphs", articles=articles or 1000, workers=[1, 2], dask=False, budget=False,
        memory_scale=0, no_bare=True,
    )  # fmt: skip
    print(f"== memory: {items.articles:,} short items (summed over processes)")
    run_throughput(tmp / "items", items)
    base = 10 * (articles or 1000)
    print(f"== adding 10 items to a dossier of {base:,} (its first build: memory at {base:,})")
    run_incremental(
        tmp / "incremental",
        argparse.Namespace(source="paragraphs", articles=10, incremental=base),
    )


def run_throughput(tmp: Path, args: argparse.Namespace) -> None:
    tmp.mkdir(parents=True, exist_ok=True)
    corpus = tmp / "corpus"
    if args.source == "polnear":
        polnear_corpus(corpus, args.articles)
        case = SEED_CASE
        texts: list[str] = []
    else:
        texts, case = base_texts(args.source)
        make_corpus(corpus, texts, args.articles or 1000)
    build = {"corpus": str(corpus), "case": str(case)}
    rows = [] if args.no_bare else [("bare spaCy parse", measure("bare_parse", corpus=str(corpus)))]
    for w in args.workers:
        name = "parley build, 1 process" if w == 1 else f"parley build, --workers {w}"
        rows.append((name, measure("parley_build", **build, db=f"{tmp}/w{w}.db", workers=w)))
    if args.dask:
        figures = measure("parley_build", **build, db=f"{tmp}/dask.db", workers=2, dask=True)
        rows.append(("parley build, Dask LocalCluster 2 workers", figures))
    if args.memory_scale and texts:
        big = tmp / "big"
        make_corpus(big, texts, (args.articles or 1000) * args.memory_scale)
        figures = measure("parley_build", corpus=str(big), case=str(case), db=f"{tmp}/big.db")
        rows.append((f"parley build, {args.memory_scale}x corpus, 1 process", figures))
    print(f"corpus: {_describe(corpus, args)}")
    print_rows(rows)
    if args.budget:
        print_budget(measure("budget", **build, db=f"{tmp}/budget.db"))


def run_incremental(tmp: Path, args: argparse.Namespace) -> None:
    tmp.mkdir(parents=True, exist_ok=True)
    texts, case = base_texts("paragraphs" if args.source == "polnear" else args.source)
    base, extra = tmp / "base", tmp / "extra"
    make_corpus(base, texts, args.incremental)
    make_corpus(extra, texts, args.articles or 10, first=args.incremental)
    r = measure("incremental", corpus=str(base), extra=str(extra), case=str(case), db=f"{tmp}/i.db")
    print(
        f"first build: {r['base']} articles in {r['base_seconds']:.1f} s (views built whole "
        f"in {r['full_views_seconds']:.2f} s; peak {r['peak_mb']:.0f} MB, all processes); "
        f"the same inputs again (all stored): {r['again_seconds']:.2f} s; "
        f"a build of {r['added']} new articles: {r['seconds']:.2f} s, of which the views "
        f"{r['views_seconds']:.2f} s ({r['views']}); CPU s of the whole run: {r['cpu']:.1f}"
    )


def _describe(corpus: Path, args: argparse.Namespace) -> str:
    texts = corpus_texts(str(corpus))
    words = sum(len(t.split()) for t in texts)
    return f"{len(texts)} articles, {words:,} words ({args.source})"


def print_rows(rows: list[tuple[str, dict]]) -> None:
    bare = rows[0][1] if rows and rows[0][0].startswith("bare") else None
    head = f"{'run':44} {'articles':>8} {'seconds':>8} {'art/s':>7} {'ratio':>6}"
    print(f"{head} {'start s':>7} {'CPU s':>7} {'procs':>5} {'peak MB':>8}")
    for name, r in rows:
        rate = r["articles"] / r["seconds"]
        ratio = rate / (bare["articles"] / bare["seconds"]) if bare else float("nan")
        figures = f"{r['articles']:8d} {r['seconds']:8.1f} {rate:7.1f} {ratio:6.2f}"
        start = f"{r['start_seconds']:7.1f}" if "start_seconds" in r else f"{'':7}"
        print(
            f"{name:44} {figures} {start} {r['cpu']:7.1f} {r['processes']:5d} {r['peak_mb']:8.0f}"
        )
    print(
        "seconds: the parse or build alone, after start-up (the model loaded; for a build, "
        "the engine started: worker processes, their models and extractor data), as the bare "
        "parse loads its model first; start s: that start-up; CPU s: every process of the "
        "run, start-up included; peak MB: largest sum of resident memory over the run's "
        "processes"
    )


def print_budget(r: dict) -> None:
    stages, n = r["stages"], r["articles"]
    parse = stages["parse"]
    print(f"budget, one process, {n} articles (CPU s per 1,000 articles; share of the parse):")
    for stage, seconds in stages.items():
        print(f"  {stage:22} {1000 * seconds / n:8.1f} s  {100 * seconds / parse:6.1f}%")
    rest = sum(v for k, v in stages.items() if k != "parse")
    print(f"  {'all but the parse':22} {1000 * rest / n:8.1f} s  {100 * rest / parse:6.1f}%")


def _load() -> str:
    return " ".join(f"{v:.1f}" for v in os.getloadavg())


if __name__ == "__main__":
    main()
