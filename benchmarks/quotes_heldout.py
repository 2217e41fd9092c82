"""Quote recall and speaker accuracy on the held-out evaluation corpora (briefs no rule was
shaped on).

Usage (from the repository root):

    .venv/bin/python benchmarks/quotes_heldout.py [CORPUS ...] [--show-errors]

Corpora are the folders of `benchmarks/corpora/` with a gold file
`benchmarks/annotations/<name>_quotes.jsonl` (all of them by default). Each article is read
through `parley.sources.read_articles` with the corpus manifest, parsed with the pipeline
of the corpus case file and given to `extract_quotes`. Gold quotes of kind `direct` and
`partial` are scored; `term` quotes (scare quotes, titles, slogans) are not speech: a
prediction that matches one is counted as a term taken for a quote. Matching and speakers
as in `quotes_seeds.py`: texts matched when they share half of the longer one after
normalising; a speaker is right when the names agree (equal, or one the shortening of
the other: "Araghchi", "Abbas Araghchi"), a null gold speaker only with a null prediction.
An empty prediction for a named speaker is wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quotes_seeds import Gold, Score, normalise, overlap, predictions, score_file

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT / "benchmarks" / "corpora"
ANNOTATIONS = ROOT / "benchmarks" / "annotations"


@dataclass(slots=True)
class Corpus:
    name: str
    gold: dict[str, list[Gold]]
    terms: dict[str, list[str]]


def corpora(names: list[str]) -> list[str]:
    """The corpora asked for, or every corpus with quote annotations."""
    if names:
        return names
    return sorted(
        p.name
        for p in CORPORA.iterdir()
        if p.is_dir() and (ANNOTATIONS / f"{p.name}_quotes.jsonl").is_file()
    )


def load(name: str) -> Corpus:
    """Gold quotes by file; the annotated text is checked against the article file."""
    gold: dict[str, list[Gold]] = {}
    terms: dict[str, list[str]] = {}
    articles = CORPORA / name / "articles"
    for line in (ANNOTATIONS / f"{name}_quotes.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        raw = (articles / item["file"]).read_text(encoding="utf-8")
        if raw[item["start"] : item["end"]] != item["text"]:
            raise SystemExit(f"{name}/{item['file']} {item['start']}: text does not match")
        if item["kind"] == "term":
            terms.setdefault(item["file"], []).append(item["text"])
            continue
        gold.setdefault(item["file"], []).append(
            Gold(item["file"], item["text"], item["kind"], item.get("speaker"))
        )
    return Corpus(name, gold, terms)


def run(name: str, show_errors: bool) -> tuple[Score, int]:
    """Score one corpus; returns the score and the number of terms taken for quotes."""
    corpus = load(name)
    folder = CORPORA / name
    total, terms_taken = Score(), 0
    paths = sorted((folder / "articles").glob("*.txt"))
    for file, predicted in predictions(paths, folder / "manifest.csv", folder / "case.yaml"):
        terms = [normalise(t) for t in corpus.terms.get(file, [])]
        is_term = [any(overlap(normalise(p), t) >= 0.5 for t in terms) for p, _ in predicted]
        terms_taken += sum(is_term)
        kept = [p for p, term in zip(predicted, is_term, strict=True) if not term]
        score = score_file(corpus.gold.get(file, []), kept)
        if show_errors and score.errors:
            print(f"  {file}")
            for error in score.errors:
                print(f"    {error}")
        total.add(score)
    return total, terms_taken


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="*", help="corpus folder names (default: all)")
    parser.add_argument("--show-errors", action="store_true", help="list misses and errors")
    args = parser.parse_args(argv)
    names = corpora(args.corpus)
    if not names:
        print(f"no annotated corpora in {CORPORA}", file=sys.stderr)
        return 2
    header = f"{'corpus':16} {'gold':>5} {'pred':>5} {'recall':>7} {'prec':>6} {'speaker':>8}"
    print(f"{header} {'terms taken':>12}")
    overall, all_terms = Score(), 0
    for name in names:
        score, terms = run(name, args.show_errors)
        print(f"{_row(name, score)} {terms:12}")
        overall.add(score)
        all_terms += terms
    print(f"{_row('overall', overall)} {all_terms:12}")
    return 0


def _row(name: str, score: Score) -> str:
    recall, precision, speaker = score.row()
    counts = f"{score.gold:5} {score.predicted:5}"
    return f"{name:16} {counts} {recall:7.3f} {precision:6.3f} {speaker:8.3f}"


if __name__ == "__main__":
    sys.exit(main())
