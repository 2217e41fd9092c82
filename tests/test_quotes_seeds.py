"""Quote recall on the seed articles against our annotations (needs ../shared)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ANNOTATIONS = (
    Path(__file__).resolve().parents[1] / "benchmarks" / "annotations" / "seed_quotes.jsonl"
)


def _overlaps(gold: tuple[int, int], found: tuple[int, int]) -> bool:
    shared = min(gold[1], found[1]) - max(gold[0], found[0])
    return shared * 2 >= max(gold[1] - gold[0], found[1] - found[0])


@pytest.mark.shared
def test_seed_quote_recall_stays_above_090(shared, seed_nlp):
    from parley.extract.quotes import extract_quotes

    gold: dict[str, list[tuple[int, int]]] = {}
    for line in ANNOTATIONS.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        gold.setdefault(item["file"], []).append((item["start"], item["end"]))
    found = 0
    for name, spans in gold.items():
        doc = seed_nlp((shared / "seeds" / name).read_text(encoding="utf-8"))
        quotes = [(q.start, q.end) for q in extract_quotes(doc) if q.kind != "indirect"]
        found += sum(any(_overlaps(g, q) for q in quotes) for g in spans)
    total = sum(len(spans) for spans in gold.values())
    assert found / total >= 0.9, f"recall {found}/{total}"
