"""The built-in sample for `parley demo`: ten invented news briefs and their case file.

The briefs live in `ARTICLES_DIR` (JSONL records, HTML pages and plain-text
captures). `CASE_PATH` is the matching case file, with a `positions` section for
the bargaining models. `MANIFEST_PATH` gives the outlet of the plain-text
captures, whose text does not name one. README.md in this folder lists what
each brief exercises.
"""

from __future__ import annotations

from pathlib import Path

SAMPLE_DIR: Path = Path(__file__).resolve().parent
ARTICLES_DIR: Path = SAMPLE_DIR / "articles"
CASE_PATH: Path = SAMPLE_DIR / "case.yaml"
MANIFEST_PATH: Path = SAMPLE_DIR / "manifest.csv"

__all__ = ["ARTICLES_DIR", "CASE_PATH", "MANIFEST_PATH", "SAMPLE_DIR"]
