"""Benchmark: stance precision and recall on an annotated corpus, and what stances cost a build.

Annotations (JSONL, e.g. `benchmarks/annotations/seed_stances.jsonl`) give, per
stance, the article file (`file`), a character span into the raw file (the
evidence a reader would cite), the case actor id, the issue id and `support` or
`oppose`. Scoring is on the set of (article, actor, issue, stance) tuples:
precision over the tuples Parley extracts, recall over the annotated ones. The
script also counts stances by route (frame, rule, quote), so the benefit of
rules can be measured.

`--day-one` measures what a new user gets: the case file stripped of every rule
and holder word, under a case id no rules file matches. `--rules FILE` adds a
rules file (as `parley build --rules`).

Speed: the articles are parsed once with `nlp.pipe` and every extractor runs on
the shared doc; stance extraction is timed apart and its calls into the spaCy
pipeline are counted (must be 0: no second parse). The case's issue words are
compiled first (a few short phrases, once per case). `--speed DIR --speed-limit N`
times stance extraction against the parse on N articles of another corpus (e.g.
`../shared/data/polnear-train/text`). Times are CPU time of this process, so
other work on a shared machine moves them less.

Run from the project root, e.g.:

    .venv/bin/python benchmarks/stances_eval.py --day-one -v
    .venv/bin/python benchmarks/stances_eval.py \
        --rules benchmarks/rules/russia-ukraine-2025.rules.yaml
    .venv/bin/python benchmarks/stances_eval.py \
        --corpus benchmarks/corpora/dev-armenia-azerbaijan-2025 \
        --annotations benchmarks/annotations/dev-armenia-azerbaijan-2025_stances.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PRECISION_TARGET, RECALL_TARGET = 0.80, 0.70

Key = tuple[str, str, str, str]


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    corpus, case_path, manifest = _corpus_paths(args)
    if not corpus.is_dir():
        print(f"no corpus at {corpus}: ../shared must sit beside the checkout", file=sys.stderr)
        return 2
    gold = _gold(args.annotations)
    with tempfile.TemporaryDirectory() as tmp:
        if args.day_one:
            case_path = _day_one(case_path, Path(tmp))
        run = run_corpus(corpus, manifest, case_path, args.rules)
        speed = (
            run_speed(args.speed, case_path, args.rules, args.speed_limit) if args.speed else None
        )
    found = {(file, s.actor, s.issue, s.stance) for file, s in run["stances"]}
    precision, recall = _score(found, gold)
    if args.verbose:
        _report(found, gold, run, args.annotations, corpus)
    routes = Counter(s.route for _file, s in run["stances"])
    print(f"stance tuples: {len(found)} extracted, {len(gold)} annotated")
    print(f"precision {precision:.2f}  recall {recall:.2f}  "
          f"(targets {args.precision} / {args.recall})")  # fmt: skip
    print("stances by route: " + ", ".join(f"{k} {routes[k]}" for k in ("frame", "quote", "rule")))
    print(
        f"stance extraction {run['stances_s'] * 1000:.1f} ms CPU for {run['articles']} articles "
        f"= {100 * run['stances_s'] / run['parse_s']:.1f}% of the parse "
        f"({run['parse_s']:.2f} s); pipeline calls during stance extraction: {run['parses']}"
    )
    if speed is not None:
        per_k = 1000 * speed["stances_s"] / speed["articles"]
        share = 100 * speed["stances_s"] / speed["parse_s"]
        print(
            f"speed on {speed['articles']} articles of {args.speed}: stance extraction "
            f"{per_k:.2f} s CPU per 1,000 articles = {share:.2f}% of the parse "
            f"({1000 * speed['parse_s'] / speed['articles']:.0f} s per 1,000)"
        )
    ok = precision >= args.precision and recall >= args.recall and run["parses"] == 0
    return 0 if ok else 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=SHARED / "seeds", help="article folder")
    parser.add_argument(
        "--case", type=Path, help="case file (default: CORPUS/case.yaml or the seed case)"
    )
    parser.add_argument("--manifest", type=Path, help="manifest (default: CORPUS/manifest.csv)")
    parser.add_argument(
        "--annotations", type=Path, default=ROOT / "benchmarks/annotations/seed_stances.jsonl"
    )
    parser.add_argument("--rules", type=Path, help="a stance rules file, as parley build --rules")
    parser.add_argument("--day-one", action="store_true", help="strip every rule from the case")
    parser.add_argument("--precision", type=float, default=PRECISION_TARGET)
    parser.add_argument("--recall", type=float, default=RECALL_TARGET)
    parser.add_argument("--speed", type=Path, help="time stance extraction on this article folder")
    parser.add_argument("--speed-limit", type=int, default=200, help="articles for --speed")
    parser.add_argument("-v", "--verbose", action="store_true", help="list hits, misses, extras")
    return parser


def _corpus_paths(args: argparse.Namespace) -> tuple[Path, Path, Path | None]:
    corpus: Path = args.corpus
    seeds = corpus.resolve() == (SHARED / "seeds").resolve()
    case = args.case or (
        SHARED / "cases" / "russia-ukraine-2025.yaml" if seeds else corpus / "case.yaml"
    )
    manifest = args.manifest or (
        SHARED / "manifests" / "seeds.csv" if seeds else corpus / "manifest.csv"
    )
    articles = corpus / "articles" if (corpus / "articles").is_dir() else corpus
    return articles, case, manifest if manifest.is_file() else None


def _gold(path: Path) -> set[Key]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return {
        (Path(r.get("file") or r["article"]).name, r["actor"], r["issue"], r["stance"])
        for r in rows
    }


def _day_one(case_path: Path, tmp: Path) -> Path:
    """The case file with actors and issues only: no rules, no holder words, an unknown id."""
    data = yaml.safe_load(case_path.read_text(encoding="utf-8"))
    data["case"] = "day-one"
    data.pop("rules", None)
    data.pop("holders", None)
    for issue in data.get("issues") or []:
        issue.pop("rules", None)
    path = tmp / "day-one.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def _score(found: set[Key], gold: set[Key]) -> tuple[float, float]:
    hits = len(found & gold)
    return (hits / len(found) if found else 0.0, hits / len(gold) if gold else 0.0)


def _report(
    found: set[Key], gold: set[Key], run: dict[str, Any], annotations: Path, corpus: Path
) -> None:
    """Every tuple, marked ok, MISS or EXTRA, with its evidence: the extracted span, or for
    a miss the annotated one."""
    evidence: dict[Key, Any] = {}
    for file, s in run["stances"]:
        evidence.setdefault((file, s.actor, s.issue, s.stance), s)
    annotated = _gold_evidence(annotations, corpus)
    for key in sorted(found | gold):
        mark = "ok   " if key in found and key in gold else ("MISS " if key in gold else "EXTRA")
        s = evidence.get(key)
        cue = f"{s.route:5} cue={s.cue} conf={s.confidence} @{s.start}" if s else ""
        print(f"{mark} {key[0][:12]:12} {key[1]:14} {key[2]:25} {key[3]:8} {cue}")
        text = run["texts"][key[0]][s.start : s.end] if s else annotated.get(key, "")
        print(f"      | {' '.join(text.split())[:150]}")


def _gold_evidence(path: Path, corpus: Path) -> dict[Key, str]:
    found: dict[Key, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line:
            r = json.loads(line)
            name = Path(r.get("file") or r["article"]).name
            key = (name, r["actor"], r["issue"], r["stance"])
            text = r.get("evidence")
            if text is None and (corpus / name).is_file():
                text = (corpus / name).read_text(encoding="utf-8")[r["start"] : r["end"]]
            found.setdefault(key, text or "")
    return found


def _load(case_path: Path, rules: Path | None) -> tuple[Any, Any]:
    from parley.case import load_case
    from parley.extract.stances import prepare
    from parley.nlp import load_pipeline

    case = load_case(case_path, rules=rules)
    nlp = load_pipeline(case)
    prepare(case)  # the case's issue words, compiled once per case
    return case, nlp


def run_corpus(
    corpus: Path, manifest: Path | None, case_path: Path, rules: Path | None
) -> dict[str, Any]:
    """Parse the corpus once; run every extractor; time stance extraction apart."""
    from parley.build.work import extract_article
    from parley.extract.stances import extract_stances
    from parley.sources import read_articles

    case, nlp = _load(case_path, rules)
    articles = [a for a in read_articles([corpus], manifest=manifest) if hasattr(a, "text")]
    totals: dict[str, float] = defaultdict(float)
    stances: list[tuple[str, Any]] = []
    parses = 0
    started = time.process_time()
    docs = list(nlp.pipe([a.text for a in articles]))
    totals["parse"] += time.process_time() - started
    for doc, article in zip(docs, articles, strict=True):
        extraction = extract_article(doc, article, case)
        with _CountCalls(nlp) as calls:
            started = time.process_time()
            found = extract_stances(doc, article, case, extraction.mentions, extraction.quotes)
            totals["stances"] += time.process_time() - started
        parses += calls.count
        stances += [(Path(article.source).name, s) for s in found]
    return {
        "stances": stances,
        "texts": {Path(a.source).name: a.text for a in articles},
        "parse_s": totals["parse"],
        "stances_s": totals["stances"],
        "articles": len(articles),
        "parses": parses,
    }


def run_speed(folder: Path, case_path: Path, rules: Path | None, limit: int) -> dict[str, Any]:
    """CPU time of the parse and of stance extraction on `limit` articles of `folder`."""
    from parley.extract.entities import extract_mentions
    from parley.extract.quotes import extract_quotes
    from parley.extract.stances import extract_stances
    from parley.sources import read_articles

    case, nlp = _load(case_path, rules)
    files = sorted(folder.glob("*.txt"))[:limit]
    articles = [a for a in read_articles(files) if hasattr(a, "text")]
    started = time.process_time()
    docs = list(nlp.pipe([a.text for a in articles], batch_size=32))
    parse = time.process_time() - started
    spent = 0.0
    for doc, article in zip(docs, articles, strict=True):
        mentions = extract_mentions(doc, article, case)
        quotes = extract_quotes(doc, article, case)
        started = time.process_time()
        extract_stances(doc, article, case, mentions, quotes)
        spent += time.process_time() - started
    return {"articles": len(articles), "parse_s": parse, "stances_s": spent}


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
