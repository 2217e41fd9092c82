"""CSV exports neutralise spreadsheet formulas; JSONL stays exact. Through `parley export`."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from typer.testing import CliRunner

FORMULAS = ("=1+2", "+SUM(A1)", "-2+3", "@cmd", "\tTAB", "\rCR")


@pytest.fixture(scope="module")
def formula_db(tmp_path_factory) -> str:
    """One article per formula-like title and outlet."""
    from parley.articles.model import Article
    from parley.extract.records import Extraction
    from parley.store import open_store

    db = str(tmp_path_factory.mktemp("csv") / "formulas.db")
    with open_store(db) as store:
        for n, text in enumerate(FORMULAS):
            article = Article(
                id=f"f{n}",
                source=f"in/f{n}.txt",
                text=f"Article {n} says little.",
                title=text,
                outlet=text,
                published=date(2025, 3, n + 1),
            )
            store.add_article(article, Extraction())
    return db


def export(db: str, fmt: str) -> str:
    from parley.present.cli import app

    result = CliRunner().invoke(app, ["export", "articles", "--db", db, "--format", fmt])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_csv_cells_starting_a_formula_get_an_apostrophe(formula_db):
    rows = list(csv.DictReader(io.StringIO(export(formula_db, "csv"), newline="")))
    assert sorted(r["title"] for r in rows) == sorted("'" + f for f in FORMULAS)
    assert sorted(r["outlet"] for r in rows) == sorted("'" + f for f in FORMULAS)
    assert all(r["words"].isdigit() for r in rows)  # numbers stay numbers


def test_jsonl_keeps_the_values_exact(formula_db):
    rows = [json.loads(line) for line in export(formula_db, "jsonl").splitlines()]
    assert sorted(r["title"] for r in rows) == sorted(FORMULAS)
