"""Quote recall and speaker accuracy of `extract_quotes` on PolNeAR attributions (dev or train).

Usage (from the repository root):

    .venv/bin/python benchmarks/polnear.py [--data ../shared/data/polnear-dev] [--limit N] [-v]

`--data` takes either split (`polnear-dev`, `polnear-train`); `-v` lists every speaker error
with its class; `--speed` times the quote and mention extractors against the parse instead.

Gold: for each article the first annotator's `.ann` file (sorted by name), keeping the
attributions whose content holds double quotation marks and whose cue reports speech: a cue
word whose lemma is in `GOLD_CUES` (a list owned by this benchmark, independent of the
extractor's lexicon), "according to", or a bare colon after the source ("Name: “...”", the
round-up and transcript formats). A predicted direct or partial quote matches a gold
attribution when at least half of the quote's characters fall inside the gold content.

Figures:

- quote recall: gold attributions matched by at least one predicted quote / all gold;
- right named speaker: of the predicted quotes matched to a gold attribution whose Source
  holds a name (not a pronoun, not a bare description), those whose speaker names that
  source (speaker span on the source's name, or the same name: equal, or one a shortening
  of the other, "Lee" for "Ann Lee", "Rami" for "Khalil al-Rami"); an empty
  speaker counts as wrong;
- the old source precision / recall / F1 (strict span overlap, and named gold sources);
- descriptor sources ("the newspaper", "a campaign aide"): right when the speaker span falls
  on the source, or the descriptor shares a word with it (a description resolved to a name
  keeps its words as the descriptor);
- attributions with a right speaker: of the gold attributions whose source is a name or a
  description, those with a predicted quote whose speaker is right (an attribution with
  no quote found counts as wrong: recall and attribution in one figure);
- error classes of the speaker errors, and two counts over all predictions: indirect quotes
  outside every annotated attribution (the writer's own voice taken for speech) and
  descriptors that are a clause or a coordination, not a role.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DOUBLE_MARKS = re.compile(r"[\"“”]")
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who"}
WORDS = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
FUNCTION_WORDS = {"the", "a", "an", "of", "for", "and", "in", "on", "at", "to", "s"}
# Reporting verbs (lemmas) whose attributions are speech; fixed here so that changing the
# extractor's lexicon does not change the gold.
GOLD_CUE_WORDS = (
    "say tell add write post tweet state declare announce insist claim argue warn note "
    "explain ask reply respond answer conclude confirm deny admit acknowledge concede "
    "suggest stress emphasize emphasise recall describe urge predict promise vow pledge "
    "threaten complain boast brag lament quip joke remark observe comment report repeat "
    "reiterate assert maintain contend caution counter retort testify blast criticize "
    "criticise accuse praise tout cite mention recount allege charge proclaim call label "
    "dub term characterize characterise put shout scream yell whisper exclaim advise "
    "recommend decry slam inform assure reassure brief quote reveal continue read chant "
)
GOLD_CUES = frozenset(GOLD_CUE_WORDS.split())
NAME_LABELS = {"PERSON", "ORG", "GPE", "FAC", "LOC", "WORK_OF_ART", "PRODUCT", "EVENT"}
PLACE_LABELS = {"GPE", "LOC", "FAC", "EVENT"}
DESCRIPTION_LABELS = {"NORP"}  # "a New Hampshire Democrat", "Republicans": descriptions
PARTICLES = {"al", "el", "bin", "ibn", "bint", "abu", "de", "del", "da", "di", "du", "van"}
PARTICLES |= {"von", "der", "den", "la", "le", "mr", "mrs", "ms", "dr", "sen", "rep", "gov"}
ERROR_CLASSES = (
    "place as speaker",
    "wrong clause",
    "continuation paragraphs",
    "descriptions and titles",
    "name variants",
    "round-up formats",
    "other",
)
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
    """The old source figures: speaker spans against gold Source spans."""

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


@dataclass(slots=True)
class Totals:
    """Everything the benchmark reports for one split."""

    articles: int = 0
    gold: int = 0
    gold_found: int = 0
    named: int = 0  # predicted quotes on gold attributions whose source has a name
    named_right: int = 0
    named_empty: int = 0
    nested: int = 0  # of the right ones, the inner source of a nested attribution
    sourced: int = 0  # gold attributions whose source is a name or a description
    sourced_right: int = 0  # of those, with a predicted quote whose speaker is right
    described: int = 0  # predicted quotes on gold attributions whose source is a description
    described_right: int = 0
    indirect: int = 0
    indirect_outside: int = 0
    descriptors: int = 0
    junk_descriptors: int = 0
    classes: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    strict: Tally = field(default_factory=Tally)
    old_named: Tally = field(default_factory=Tally)


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


def _span(doc: Any, ranges: Ranges) -> Any:
    return doc.char_span(ranges[0][0], ranges[0][1], alignment_mode="expand")


def gold_for(text: str, doc: Any, ann: Path) -> list[GoldAttribution]:
    """Attributions whose content is in double quotation marks and whose cue is speech."""
    kept = []
    for content, cue, source, source_text in parse_ann(ann):
        content_text = " ".join(text[a:b] for a, b in content)
        if not DOUBLE_MARKS.search(content_text):
            continue
        cue_text = " ".join(text[a:b] for a, b in cue)
        lemmas = {t.lemma_.lower() for a, b in cue if (s := _span(doc, [(a, b)])) for t in s}
        words = {w.lower() for w in cue_text.split()}
        if lemmas & GOLD_CUES or "according" in words or cue_text.strip() == ":":
            kept.append(GoldAttribution(content, cue, source, source_text))
    return kept


def all_contents(ann: Path) -> Ranges:
    """The content ranges of every attribution of the article, whatever its cue."""
    return [r for content, _, _, _ in parse_ann(ann) for r in content]


# -- the source's name ----------------------------------------------------------------------


def source_name(doc: Any, gold: GoldAttribution) -> tuple[str, Any]:
    """("pronoun" | "named" | "described", the name span or None) of a gold Source."""
    if gold.source is None or gold.source_text is None:
        return "none", None
    if gold.source_text.strip().lower() in PRONOUNS:
        return "pronoun", None
    span = _span(doc, gold.source)
    if span is None:
        return "described", None
    root = span.root
    if root.ent_type_ in DESCRIPTION_LABELS:
        return "described", None
    if _is_title(root):  # "Army Capt. Ann Lee" parsed with the title as the head
        person = next((t for t in span if t.i > root.i and t.ent_type_ == "PERSON"), None)
        root = person or root
    for token in (root, *(c for c in root.children if c.dep_ == "appos")):
        name = _name_at(span, token)
        if name is not None:
            return "named", name
    return "described", None


def _name_at(span: Any, token: Any) -> Any:
    """The entity or proper-noun run at `token`, cut to the source span."""
    if not (span.start <= token.i < span.end):
        return None
    if token.ent_type_ in NAME_LABELS:
        ent = next(e for e in token.doc.ents if e.start <= token.i < e.end)
        return token.doc[max(ent.start, span.start) : min(ent.end, span.end)]
    if token.pos_ != "PROPN" or not token.text[:1].isupper():
        return None
    start = token.i
    while start > span.start and token.doc[start - 1].pos_ == "PROPN":
        start -= 1
    return token.doc[start : token.i + 1]


def _is_title(token: Any) -> bool:
    from parley.extract.entities import name_words as lexicon

    return token.lower_.rstrip(".") in lexicon()["titles"]


def name_words(name: str) -> list[str]:
    from parley.case import name_key

    words = name_key(name.replace("-", " ")).split()
    return [w for w in words if w not in PARTICLES] or words


def names_match(predicted: str, gold: str) -> bool:
    """The same name, or one a shortening of the other (same surname, given names agree)."""
    from parley.extract.entities import given_compatible, surname_variant

    p, g = name_words(predicted), name_words(gold)
    if not p or not g:
        return False
    if p == g:
        return True
    if not surname_variant(p[-1], g[-1]) and p[-1] not in g and g[-1] not in p:
        return False
    shorter, longer = sorted((p[:-1], g[:-1]), key=len)
    return all(any(given_compatible(s, w) for w in longer) for s in shorter)


# -- scoring --------------------------------------------------------------------------------


def score_article(doc: Any, ann: Path, quotes: list[Any], totals: Totals, label: str = "") -> None:
    """Add one article's figures to `totals`."""
    text = doc.text
    gold = gold_for(text, doc, ann)
    direct = [q for q in quotes if q.kind in ("direct", "partial")]
    matched, found = _match(direct, gold)
    totals.articles += 1
    totals.gold += len(gold)
    totals.gold_found += found
    for i, attribution in enumerate(gold):
        kind, name = source_name(doc, attribution)
        hits = []
        for quote in matched.get(i, []):
            if kind == "named":
                hits.append(_judge_named(doc, attribution, name, quote, direct, totals, label))
            elif kind == "described":
                totals.described += 1
                right = _described_right(attribution, quote) or _nested(attribution, quote, direct)
                hits.append(right)
                if right:
                    totals.described_right += 1
                else:
                    snippet = " ".join(doc.text[quote.start : quote.start + 50].split())
                    totals.errors.append(
                        f"{label} @{quote.start} [descriptor source] gold "
                        f"{attribution.source_text!r} got {quote.speaker!r} / "
                        f"{quote.speaker_descriptor!r}: “{snippet}...”"
                    )
        if kind in ("named", "described"):
            totals.sourced += 1
            totals.sourced_right += any(hits)
    _old_figures(gold, direct, matched, totals)
    _precision_counts(doc, ann, quotes, totals)


def _match(quotes: list[Any], gold: list[GoldAttribution]) -> tuple[dict[int, list[Any]], int]:
    """Each quote under the gold attribution it falls in, the innermost when they nest
    ("“...,” X said, according to Y": X's, not Y's); and how many gold attributions hold
    at least half of some quote (the found ones)."""
    matched: dict[int, list[Any]] = {}
    found: set[int] = set()
    for quote in quotes:
        here = [(quote.start, quote.end)]
        inside = [
            i
            for i in range(len(gold))
            if overlap(here, gold[i].content) * 2 >= quote.end - quote.start
        ]
        if not inside:
            continue
        found.update(inside)
        best = max(inside, key=lambda i: (overlap(here, gold[i].content), -_length(gold[i])))
        matched.setdefault(best, []).append(quote)
    return matched, len(found)


def _length(gold: GoldAttribution) -> int:
    return sum(b - a for a, b in gold.content)


def _nested(gold: GoldAttribution, quote: Any, quotes: list[Any]) -> bool:
    """The gold content holds its own attribution ("“...,” X said, according to Y" annotated
    with Y as the source): a speaker named in the writer's words inside the content is the
    inner source, and right."""
    if quote.speaker_start is None:
        return False
    speaker = [(quote.speaker_start, quote.speaker_end)]
    if overlap(speaker, gold.content) < quote.speaker_end - quote.speaker_start:
        return False
    return not any(overlap(speaker, [(q.start, q.end)]) for q in quotes)


def _judge_named(
    doc: Any,
    gold: GoldAttribution,
    name: Any,
    quote: Any,
    quotes: list[Any],
    totals: Totals,
    label: str,
) -> bool:
    totals.named += 1
    if quote.speaker is None:
        totals.named_empty += 1
    elif overlap(
        [(quote.speaker_start, quote.speaker_end)], [(name.start_char, name.end_char)]
    ) or names_match(quote.speaker, name.text):
        totals.named_right += 1
        return True
    elif _nested(gold, quote, quotes):
        totals.named_right += 1
        totals.nested += 1
        return True
    error = error_class(doc, gold, name, quote)
    totals.classes[error] += 1
    snippet = " ".join(doc.text[quote.start : quote.start + 50].split())
    totals.errors.append(
        f"{label} @{quote.start} [{error}] gold {gold.source_text!r} ({name.text}) got "
        f"{quote.speaker!r} / {quote.speaker_descriptor!r}: “{snippet}...”"
    )
    return False


def _described_right(gold: GoldAttribution, quote: Any) -> bool:
    """The speaker span falls on the description, or the descriptor repeats its words (a
    description resolved to a name keeps its words as the descriptor)."""
    assert gold.source is not None and gold.source_text is not None
    speaker = [(quote.speaker_start, quote.speaker_end)]
    if quote.speaker_start is not None and overlap(speaker, gold.source) > 0:
        return True
    descriptor = set(WORDS.findall((quote.speaker_descriptor or "").lower()))
    return bool(descriptor & set(WORDS.findall(gold.source_text.lower())) - FUNCTION_WORDS)


def error_class(doc: Any, gold: GoldAttribution, name: Any, quote: Any) -> str:
    """Which of the known error classes a speaker error belongs to (first that applies)."""
    assert gold.source is not None
    text = doc.text
    cue_text = " ".join(text[a:b] for a, b in gold.cue).strip()
    source_start, source_end = gold.source[0][0], gold.source[-1][1]
    if quote.speaker_start is not None:
        speaker = doc.char_span(quote.speaker_start, quote.speaker_end, alignment_mode="expand")
        if speaker is not None and any(t.ent_type_ in PLACE_LABELS for t in speaker):
            return "place as speaker"
    if cue_text in (":", "-", "—") and text[source_start:source_end].strip():
        return "round-up formats"
    if "\n" in text[source_end : quote.start] and source_end < quote.start:
        return "continuation paragraphs"
    if quote.speaker is not None and (set(name_words(quote.speaker)) & set(name_words(name.text))):
        return "name variants"
    if quote.speaker_start is not None and source_start <= quote.speaker_start < source_end:
        return "descriptions and titles"
    if quote.speaker is None and quote.speaker_descriptor:
        return "descriptions and titles"
    if quote.speaker_start is not None and _same_paragraph(text, quote.speaker_start, quote.start):
        return "wrong clause"
    return "other"


def _same_paragraph(text: str, a: int, b: int) -> bool:
    lo, hi = sorted((a, b))
    return "\n" not in text[lo:hi]


def _old_figures(
    gold: list[GoldAttribution], quotes: list[Any], matched: dict[int, list[Any]], totals: Totals
) -> None:
    strict, named = totals.strict, totals.old_named
    strict.quotes += len(quotes)
    strict.quotes_matched += sum(len(v) for v in matched.values())
    for i, attribution in enumerate(gold):
        if attribution.source is None:
            continue
        is_named = attribution.source_text is not None and (
            attribution.source_text.strip().lower() not in PRONOUNS
        )
        tallies = [strict, named] if is_named else [strict]
        hits = [
            overlap([(q.speaker_start, q.speaker_end)], attribution.source) > 0
            for q in matched.get(i, [])
            if q.speaker_start is not None
        ]
        for tally in tallies:
            tally.predicted += len(hits)
            tally.right += sum(hits)
            tally.gold += 1
            tally.found += any(hits)


def _precision_counts(doc: Any, ann: Path, quotes: list[Any], totals: Totals) -> None:
    """Indirect quotes outside every annotated attribution; clause or coordination descriptors."""
    contents = all_contents(ann)
    for quote in quotes:
        if quote.kind == "indirect":
            totals.indirect += 1
            inside = overlap([(quote.start, quote.end)], contents)
            totals.indirect_outside += inside * 2 < quote.end - quote.start
        if quote.speaker_descriptor:
            totals.descriptors += 1
            totals.junk_descriptors += is_junk_descriptor(doc, quote)


def is_junk_descriptor(doc: Any, quote: Any) -> bool:
    """A descriptor that names no role: a clause ("the fact that ..."), a coordination of
    names ("the minister and Ann Lee"), page markup, or no noun at all ("Mr.", "39")."""
    anchor = quote.speaker_start if quote.speaker_start is not None else quote.start
    text = doc.text
    lo = max(0, anchor - 400)
    at = text.find(quote.speaker_descriptor, lo, anchor + 400 + len(quote.speaker_descriptor))
    if at < 0:
        return False
    span = doc.char_span(at, at + len(quote.speaker_descriptor), alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if re.search(r"[<>=@{}|]", span.text) or root.pos_ in ("VERB", "AUX"):
        return True
    words = [t for t in span if t.pos_ in ("NOUN", "PROPN") and len(t.text.strip(".")) > 1]
    if not [t for t in words if t.lower_.rstrip(".") not in ("mr", "mrs", "ms", "miss")]:
        return True
    inside = range(span.start, span.end)
    names = [c for c in root.children if c.dep_ == "conj" and c.i in inside]
    if any(c.ent_type_ in ("PERSON", "ORG", "GPE") or c.pos_ == "PROPN" for c in names):
        return True
    clause = ("ccomp", "advcl")
    return any(t.dep_ in clause and t.head.i == root.i for t in span) or (
        root.lower_ == "fact" and any(t.dep_ == "acl" for t in root.children)
    )


# -- running --------------------------------------------------------------------------------


def articles(data: Path, limit: int | None) -> Iterator[tuple[str, str, Path]]:
    """(name, text, first annotator's file) of each annotated article of a split."""
    for text_path in sorted((data / "text").glob("*.txt"))[:limit]:
        anns = sorted((data / "attributions").glob(f"{text_path.stem}_*.ann"))
        if anns:
            yield text_path.stem, text_path.read_text(encoding="utf-8"), anns[0]


def score(items: Iterable[tuple[str, Any, Path]]) -> Totals:
    """Totals over (name, parsed doc, annotation file) triples."""
    from parley.extract.quotes import extract_quotes

    totals = Totals()
    for name, doc, ann in items:
        score_article(doc, ann, extract_quotes(doc), totals, name)
    return totals


def run(data: Path, limit: int | None) -> Totals:
    from parley.nlp import load_pipeline

    nlp = load_pipeline(None)
    found = list(articles(data, limit))
    docs = nlp.pipe((text for _, text, _ in found), batch_size=32)
    return score((name, doc, ann) for (name, _, ann), doc in zip(found, docs, strict=True))


def speed(data: Path, limit: int | None) -> None:
    """CPU seconds of the bare parse and of the quote and mention extractors, per 1,000
    articles of the split, in one process (the best of two passes over the parsed docs)."""
    from parley.articles.model import Article
    from parley.extract.entities import extract_mentions
    from parley.extract.quotes import extract_quotes
    from parley.nlp import load_pipeline

    nlp = load_pipeline(None)
    texts = [text for _, text, _ in articles(data, limit)]
    started = time.process_time()
    docs = list(nlp.pipe(texts, batch_size=32))
    parse = time.process_time() - started
    items = [
        (doc, Article(id=str(i), source=str(i), text=t))
        for i, (doc, t) in enumerate(zip(docs, texts, strict=True))
    ]
    per = 1000 / len(docs)
    print(f"{len(docs)} articles; bare parse {parse * per:.1f} s per 1,000 articles")
    for label, extract in (("quotes", extract_quotes), ("mentions", extract_mentions)):
        best = min(_timed(extract, items) for _ in range(2))
        print(
            f"{label:9} {best * per:6.2f} s per 1,000 articles, "
            f"{100 * best / parse:4.1f}% of the parse"
        )


def _timed(extract: Any, items: list[tuple[Any, Any]]) -> float:
    started = time.process_time()
    for doc, article in items:
        extract(doc, article)
    return time.process_time() - started


def report(totals: Totals, split: str, verbose: bool = False) -> None:
    """Print the figures (and with `verbose` every speaker error)."""
    t = totals
    recall = t.gold_found / t.gold if t.gold else 0.0
    right = t.named_right / t.named if t.named else 0.0
    described = t.described_right / t.described if t.described else 0.0
    print(f"PolNeAR {split}: {t.articles} articles, {t.gold} quoted speech attributions")
    print(f"quote recall                      {recall:.3f}  ({t.gold_found} of {t.gold})")
    print(
        f"right named speaker, of found     {right:.3f}  ({t.named_right} of {t.named}; "
        f"{t.named_empty} empty, {t.named - t.named_right - t.named_empty} wrong; "
        f"{t.nested} right as the inner source of a nested attribution)"
    )
    print(
        f"descriptor sources, right         {described:.3f}  ({t.described_right} of {t.described})"
    )
    both, both_right = t.named + t.described, t.named_right + t.described_right
    print(
        f"right speaker, any non-pronoun    {both_right / both if both else 0.0:.3f}  "
        f"({both_right} of {both})"
    )
    print(
        f"attributions with a right speaker {t.sourced_right / t.sourced if t.sourced else 0.0:.3f}"
        f"  ({t.sourced_right} of {t.sourced} with a non-pronoun source, missed ones wrong)"
    )
    print("speaker errors by class:")
    for name in ERROR_CLASSES:
        print(f"  {name:32} {t.classes[name]:5}")
    print(
        f"writer's own voice: indirect quotes outside every attribution "
        f"{t.indirect_outside} of {t.indirect}"
    )
    print(
        f"junk descriptors: clause, coordination or no noun {t.junk_descriptors} of {t.descriptors}"
    )
    print(
        f"old figures: quotes predicted {t.strict.quotes}, inside a gold attribution "
        f"{t.strict.quotes_matched}"
    )
    print(f"{'':44} {'P':>6} {'R':>6} {'F1':>6}")
    for label, tally in (
        ("Parley source, strict span overlap", t.strict),
        ("Parley source, non-pronoun gold sources", t.old_named),
    ):
        p, r, f = tally.prf()
        print(f"{label:44} {100 * p:6.1f} {100 * r:6.1f} {100 * f:6.1f}")
    print("published anchors (not the same data or split):")
    for label, value in ANCHORS:
        print(f"  {label:66} {value}")
    if verbose:
        print("speaker errors:")
        for line in t.errors:
            print(f"  {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, default=ROOT.parent / "shared" / "data" / "polnear-dev"
    )
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every speaker error")
    parser.add_argument(
        "--speed", action="store_true", help="time the extractors against the parse instead"
    )
    args = parser.parse_args(argv)
    if not (args.data / "text").is_dir():
        print(f"no PolNeAR text at {args.data}; pass --data", file=sys.stderr)
        return 2
    if args.speed:
        speed(args.data, args.limit)
        return 0
    report(run(args.data, args.limit), args.data.name.removeprefix("polnear-"), args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
