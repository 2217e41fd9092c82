"""Quote recall, precision and speaker accuracy on the seed articles against our annotations.

Usage (from the repository root):

    .venv/bin/python benchmarks/quotes_seeds.py [--shared ../shared] [--show-errors]

Gold: `benchmarks/annotations/seed_quotes.jsonl`, one line per direct or partial quote,
with character offsets into the RAW seed file (the text is read from the file at run time;
the `sha1` of the span checks that the file is the one annotated). The articles go through
`parley.sources.read_articles` (cleaned body text), the case pipeline and `extract_quotes`.
A prediction matches a gold quote when, after normalising marks, case and spaces, their
shared characters cover at least half of the longer of the two; speakers agree when their
name keys are equal, their surnames are (spelling variants and particles allowed), or one
name shortens the other.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ANNOTATIONS = ROOT / "benchmarks" / "annotations" / "seed_quotes.jsonl"
MIN_OVERLAP = 0.5


@dataclass(frozen=True, slots=True)
class Gold:
    file: str
    text: str
    kind: str
    speaker: str | None


@dataclass(slots=True)
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_right: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched
        self.speaker_right += other.speaker_right
        self.errors += other.errors

    def row(self) -> tuple[float, float, float]:
        recall = self.matched / self.gold if self.gold else 1.0
        precision = self.matched / self.predicted if self.predicted else 1.0
        speaker = self.speaker_right / self.matched if self.matched else 0.0
        return recall, precision, speaker


def normalise(text: str) -> str:
    """Lower case, no quotation marks, straight apostrophes, single spaces."""
    text = text.replace("’", "'").replace("‘", "'")
    text = re.sub(r"[\"“”„«»]", "", text)
    return " ".join(text.lower().split()).strip(" ,.;:")


def overlap(a: str, b: str) -> float:
    """Shared characters of two normalised strings over the longer one's length."""
    if not a or not b:
        return 0.0
    blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    return sum(block.size for block in blocks) / max(len(a), len(b))


def same_speaker(gold: str | None, predicted: str | None) -> bool:
    """Equal name keys, the same surname, or one name a shortening of the other ("Rami",
    "Khalil al-Rami"); null only matches null."""
    from parley.case import name_key
    from parley.extract.entities import shortens, surname_variant

    if gold is None or predicted is None:
        return gold is None and predicted is None
    g, p = name_key(gold), name_key(predicted)
    if not g or not p:
        return g == p
    same_surname = surname_variant(g.split()[-1], p.split()[-1])
    return g == p or same_surname or shortens(p, g) or shortens(g, p)


def load_gold(seeds: Path, path: Path = ANNOTATIONS) -> dict[str, list[Gold]]:
    """Gold quotes by seed file name, text taken from the raw file and checked by sha1."""
    gold: dict[str, list[Gold]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        raw = (seeds / item["file"]).read_text(encoding="utf-8")
        text = raw[item["start"] : item["end"]]
        if "sha1" in item and hashlib.sha1(text.encode()).hexdigest() != item["sha1"]:
            raise SystemExit(f"{item['file']} {item['start']}-{item['end']}: text changed")
        gold.setdefault(item["file"], []).append(
            Gold(item["file"], text, item["kind"], item.get("speaker"))
        )
    return gold


def score_file(gold: list[Gold], predicted: Iterable[tuple[str, str | None]]) -> Score:
    """Greedy one-to-one matching of (text, speaker) predictions to gold quotes."""
    predicted = list(predicted)
    score = Score(gold=len(gold), predicted=len(predicted))
    pairs = []
    for g_i, g in enumerate(gold):
        for p_i, (text, _) in enumerate(predicted):
            value = overlap(normalise(g.text), normalise(text))
            if value >= MIN_OVERLAP:
                pairs.append((value, g_i, p_i))
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, g_i, p_i in sorted(pairs, reverse=True):
        if g_i in used_g or p_i in used_p:
            continue
        used_g.add(g_i)
        used_p.add(p_i)
        score.matched += 1
        if same_speaker(gold[g_i].speaker, predicted[p_i][1]):
            score.speaker_right += 1
        else:
            score.errors.append(
                f"speaker: gold {gold[g_i].speaker!r} got {predicted[p_i][1]!r}"
                f" ({len(gold[g_i].text)} chars)"
            )
    score.errors += [
        f"missed: {gold[i].kind} by {gold[i].speaker!r}"
        for i in range(len(gold))
        if i not in used_g
    ]
    score.errors += [
        f"extra: {predicted[i][0][:40]!r}" for i in range(len(predicted)) if i not in used_p
    ]
    return score


def predictions(
    paths: list[Path], manifest: Path, case_file: Path
) -> Iterator[tuple[str, list[tuple[str, str | None]]]]:
    """(file name, [(quote text, speaker)]) of the direct and partial quotes of each article,
    read with the manifest and parsed with the case pipeline."""
    from parley.articles.model import Article
    from parley.case import load_case
    from parley.extract.quotes import extract_quotes
    from parley.nlp import load_pipeline
    from parley.sources import read_articles

    case = load_case(case_file)
    nlp = load_pipeline(case)
    for article in read_articles(paths, manifest=manifest):
        if not isinstance(article, Article):
            print(f"skipped {article.source}: {getattr(article, 'reason', '?')}")
            continue
        quotes = extract_quotes(nlp(article.text), article, case)
        kept = [(q.text, q.speaker) for q in quotes if q.kind in ("direct", "partial")]
        yield Path(article.source).name, kept


def run(shared: Path, show_errors: bool = False) -> Score:
    seeds = shared / "seeds"
    gold = load_gold(seeds)
    case = shared / "cases" / "russia-ukraine-2025.yaml"
    total = Score()
    paths = sorted(seeds.glob("*.txt"))
    print(f"{'file':28} {'gold':>5} {'pred':>5} {'recall':>7} {'prec':>6} {'speaker':>8}")
    for name, predicted in predictions(paths, shared / "manifests" / "seeds.csv", case):
        score = score_file(gold.get(name, []), predicted)
        print(_row(name, score))
        if show_errors:
            for error in score.errors:
                print(f"    {error}")
        total.add(score)
    print(_row("overall", total))
    return total


def _row(name: str, score: Score) -> str:
    recall, precision, speaker = score.row()
    counts = f"{score.gold:5} {score.predicted:5}"
    return f"{name:28} {counts} {recall:7.3f} {precision:6.3f} {speaker:8.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--show-errors", action="store_true", help="list misses and extras")
    args = parser.parse_args(argv)
    if not (args.shared / "seeds").is_dir():
        print(f"no seeds at {args.shared / 'seeds'}; pass --shared", file=sys.stderr)
        return 2
    run(args.shared, args.show_errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
