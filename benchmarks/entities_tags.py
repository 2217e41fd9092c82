"""Benchmark: do Parley's entities cover the people, organisations and places a publisher tagged?

Seed 000 ends with its publisher's tag blob, which the articles stage exposes
as `Article.tags`. For every PERSON, ORGANISATION and LOCATION tag whose label
occurs in the article body (the full label, or a person's surname), the tag is
covered when `EntityIndex.entity_for(article_id, label)` finds an entity that
is mentioned in that article. Entities are merged over all seeds, as a build
would.

Run from the project root:

    .venv/bin/python benchmarks/entities_tags.py [-v]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
TARGET = 0.90
TAG_TYPES = {"PERSON", "ORGANISATION", "LOCATION"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=SHARED / "seeds")
    parser.add_argument("--manifest", type=Path, default=SHARED / "manifests" / "seeds.csv")
    parser.add_argument("--case", type=Path, default=SHARED / "cases" / "russia-ukraine-2025.yaml")
    parser.add_argument("--no-case", action="store_true", help="run the model alone")
    parser.add_argument("-v", "--verbose", action="store_true", help="show every tag")
    args = parser.parse_args(argv)
    if not args.seeds.is_dir():
        print(f"no seeds at {args.seeds}: ../shared must sit beside the checkout", file=sys.stderr)
        return 2
    articles, index, mentioned = build_index(
        args.seeds, args.manifest, None if args.no_case else args.case
    )
    checked = covered = 0
    for article in articles:
        for tag in article.tags:
            if tag.type not in TAG_TYPES or not occurs(tag, article.text):
                continue
            entity = index.entity_for(article.id, normalise_label(tag.label))
            ok = entity is not None and entity.id in mentioned[article.id]
            checked += 1
            covered += ok
            if args.verbose:
                name = f"-> {entity.name} ({entity.type})" if ok and entity else ""
                print(f"{'ok  ' if ok else 'MISS'} {tag.type:12} {tag.label} {name}")
    share = covered / checked if checked else 0.0
    print(
        f"tags in the body covered by entities: {covered}/{checked} = {share:.2f} (target {TARGET})"
    )
    return 0 if share >= TARGET else 1


def build_index(
    seeds: Path, manifest: Path, case_path: Path | None
) -> tuple[list[Any], Any, dict[str, set[str]]]:
    """Articles, the merged entity index, and the entity ids mentioned in each article."""
    from parley.analysis.entities import merge_entities
    from parley.case import load_case
    from parley.extract.entities import extract_mentions
    from parley.nlp import load_pipeline
    from parley.sources import read_articles

    case = load_case(case_path) if case_path else None
    nlp = load_pipeline(case)
    articles = [
        a
        for a in read_articles(sorted(seeds.glob("*.txt")), manifest=manifest)
        if hasattr(a, "text")
    ]
    pairs = []
    for article in articles:
        doc = nlp(article.text)
        pairs += [(article.id, m) for m in extract_mentions(doc, article, case)]
    index = merge_entities(pairs, case)
    mentioned: dict[str, set[str]] = {a.id: set() for a in articles}
    for article_id, mention in pairs:
        entity = index.entity_for(article_id, mention.key)
        if entity is not None:
            mentioned[article_id].add(entity.id)
    return [a for a in articles if a.tags], index, mentioned


def normalise_label(label: str) -> str:
    return label.replace("&", "and")


def occurs(tag: Any, text: str) -> bool:
    """The tag's label, or a person's surname, appears in the body as whole words."""
    label = normalise_label(tag.label)
    names = [label] + ([label.split()[-1]] if tag.type == "PERSON" else [])
    return any(re.search(rf"\b{re.escape(n)}\b", text, flags=re.IGNORECASE) for n in names)


if __name__ == "__main__":
    sys.exit(main())
