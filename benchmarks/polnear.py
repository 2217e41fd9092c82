"""Speaker (source) precision and recall of `extract_quotes` on PolNeAR dev attributions.

Usage (from the repository root):

    .venv/bin/python benchmarks/polnear.py [--data ../shared/data/polnear-dev] [--limit N]

Gold: for each article the first annotator's `.ann` file (sorted by name), keeping the
attributions whose content holds double quotation marks and whose cue is a speech verb
(a cue token's lemma in the extractor's own speech-verb list, or "according to").
A predicted direct or partial quote matches a gold attribution when at least half of the
quote's characters fall inside the gold content. Source figures, over matched quotes:

- precision: predicted speakers whose span overlaps the gold Source span / predicted speakers
- recall: gold attributions with a matched quote whose speaker overlaps the Source / all
  gold attributions with a Source

PolNeAR marks a pronoun ("he said") as the source, while Parley points the speaker at the
pronoun's antecedent name, so a right antecedent counts as wrong in the strict figures; the
"named" rows score only gold sources that are not pronouns.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOUBLE_MARKS = re.compile(r"[\"“”]")
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who"}
ANCHORS = [
    ("CofeNet (BERT), source F1, PolNeAR test", "83.2"),
    ("BBC citron, source F1, PARC 3.0", "82.0"),
    ("GenderGapTracker (rule-based spaCy), speaker accuracy, own news set", "86.5-87.4"),
]

Ranges = list[tuple[int, int]]


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: Ranges
    cue: Ranges
    source: Ranges | None
    source_text: str | None


@dataclass(slots=True)
class Tally:
    gold: int = 0  # gold quoted speech attributions with a source
    found: int = 0  # of those, source found by a matched prediction
    predicted: int = 0  # matched predictions that name a speaker
    right: int = 0  # of those, speaker span overlaps the gold source
    quotes: int = 0  # all direct/partial predictions
    quotes_matched: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.right / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def parse_ann(path: Path) -> list[tuple[Ranges, Ranges, Ranges | None, str | None]]:
    """(content, cue, source, source text) for each attribution relation of a brat file."""
    spans: dict[str, tuple[str, Ranges, str]] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            kind, _, offsets = parts[1].partition(" ")
            ranges = [tuple(map(int, r.split())) for r in offsets.split(";")]
            spans[parts[0]] = (kind, [(a, b) for a, b in ranges], parts[2])
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    found = []
    for rel in relations:
        if "Content" not in rel or "Cue" not in rel:
            continue
        source = spans.get(rel.get("Source", ""))
        found.append(
            (
                spans[rel["Content"]][1],
                spans[rel["Cue"]][1],
                source[1] if source else None,
                source[2] if source else None,
            )
        )
    return found


def overlap(a: Ranges, b: Ranges) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def gold_for(text: str, doc, ann: Path, speech: frozenset[str]) -> list[GoldAttribution]:
    """Attributions whose content is in double quotation marks and whose cue is speech."""
    kept = []
    for content, cue, source, source_text in parse_ann(ann):
        content_text = " ".join(text[a:b] for a, b in content)
        if not DOUBLE_MARKS.search(content_text):
            continue
        lemmas = {
            t.lemma_.lower()
            for a, b in cue
            if (span := doc.char_span(a, b, alignment_mode="expand")) is not None
            for t in span
        }
        if lemmas & speech or "according" in {w.lower() for a, b in cue for w in text[a:b].split()}:
            kept.append(GoldAttribution(content, cue, source, source_text))
    return kept


def score_article(gold: list[GoldAttribution], quotes, strict: Tally, named: Tally) -> None:
    matched: dict[int, list] = {}
    for quote in quotes:
        strict.quotes += 1
        length = quote.end - quote.start
        best = max(
            range(len(gold)),
            key=lambda i: overlap([(quote.start, quote.end)], gold[i].content),
            default=None,
        )
        if best is None or overlap([(quote.start, quote.end)], gold[best].content) * 2 < length:
            continue
        strict.quotes_matched += 1
        matched.setdefault(best, []).append(quote)
    for i, attribution in enumerate(gold):
        is_named = attribution.source_text is not None and (
            attribution.source_text.strip().lower() not in PRONOUNS
        )
        tallies = [strict, named] if is_named else [strict]
        hits = []
        for quote in matched.get(i, []):
            if quote.speaker_start is None or attribution.source is None:
                continue
            right = overlap([(quote.speaker_start, quote.speaker_end)], attribution.source) > 0
            hits.append(right)
            for tally in tallies:
                tally.predicted += 1
                tally.right += right
        if attribution.source is not None:
            for tally in tallies:
                tally.gold += 1
                tally.found += any(hits)


def run(data: Path, limit: int | None) -> tuple[Tally, Tally, int]:
    from parley.extract.quotes import extract_quotes
    from parley.extract.quotes.lexicon import load_lexicon
    from parley.nlp import load_pipeline

    nlp = load_pipeline(None)
    speech = load_lexicon().speech_verbs
    strict, named = Tally(), Tally()
    texts = sorted((data / "text").glob("*.txt"))[:limit]
    articles = 0
    for text_path in texts:
        anns = sorted((data / "attributions").glob(f"{text_path.stem}_*.ann"))
        if not anns:
            continue
        text = text_path.read_text(encoding="utf-8")
        doc = nlp(text)
        gold = gold_for(text, doc, anns[0], speech)
        quotes = [q for q in extract_quotes(doc) if q.kind in ("direct", "partial")]
        score_article(gold, quotes, strict, named)
        articles += 1
    return strict, named, articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear-dev"
    )
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    args = parser.parse_args(argv)
    if not (args.data / "text").is_dir():
        print(f"no PolNeAR text at {args.data}; pass --data", file=sys.stderr)
        return 2
    strict, named, articles = run(args.data, args.limit)
    print(
        f"PolNeAR dev: {articles} articles, {strict.gold} quoted speech attributions with a source"
    )
    print(
        f"quotes predicted (direct+partial): {strict.quotes}, "
        f"inside a gold quoted attribution: {strict.quotes_matched}"
    )
    print(f"{'':44} {'P':>6} {'R':>6} {'F1':>6}")
    for label, tally in (
        ("Parley source, strict span overlap", strict),
        ("Parley source, named gold sources", named),
    ):
        p, r, f = tally.prf()
        print(f"{label:44} {100 * p:6.1f} {100 * r:6.1f} {100 * f:6.1f}")
    print("published anchors (not the same data or split):")
    for label, value in ANCHORS:
        print(f"  {label:66} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
