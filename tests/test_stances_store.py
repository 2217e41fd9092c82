"""Stances in the dossier: stored with their article, read back, shown and exported."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from typer.testing import CliRunner

from parley.articles.model import Article, article_id
from parley.extract.records import Extraction, Stance
from parley.present.cli import app

TEXTS = {
    "daily": "Southia agreed to a fishing ban on Monday.",
    "weekly": "On Monday Southia agreed to a fishing ban, officials said.",
}


def article(name: str) -> Article:
    text = TEXTS[name]
    return Article(
        id=article_id(text),
        source=f"/corpus/{name}.txt",
        text=text,
        outlet=name.title(),
        published=date(2025, 3, 19),
    )


def agreed(text: str) -> Stance:
    start = text.index("agreed")
    end = text.index("ban") + 3
    return Stance(start, end, "southia", "fishing_ban", "support", 0.9, "agree", 0, 7, False)


def fill(store) -> None:
    for name in TEXTS:
        a = article(name)
        store.add_article(a, Extraction(stances=[agreed(a.text)]))


@pytest.fixture
def dossier(tmp_path):
    from parley.store import open_store

    path = str(tmp_path / "dossier.db")
    with open_store(path) as store:
        fill(store)
    return path


def test_stances_are_stored_and_read_back_with_evidence(fresh_store):
    from parley.analysis.stances import stance_timeline

    fill(fresh_store)
    rows = list(stance_timeline(fresh_store))
    assert [r["evidence"] for r in rows] == ["agreed to a fishing ban", "agreed to a fishing ban"]
    assert {r["date"] for r in rows} == {"2025-03-19"}


def test_stances_filter_by_actor_and_issue(dossier):
    from parley.analysis.stances import stance_timeline
    from parley.store import open_store

    with open_store(dossier, create=False) as store:
        assert len(list(stance_timeline(store, actor="southia"))) == 2
        assert list(stance_timeline(store, issue="tariff_cut")) == []


def test_two_outlets_back_one_claim(dossier):
    from parley.analysis.claims import claims
    from parley.store import open_store

    with open_store(dossier, create=False) as store:
        (claim,) = claims(store)
    assert sorted(claim["sources"]) == ["daily.txt", "weekly.txt"]


def test_export_stances_has_exactly_the_contract_fields(dossier):
    result = CliRunner().invoke(app, ["export", "stances", "--db", dossier, "-f", "csv"])
    assert result.exit_code == 0, result.output
    header = next(csv.reader(io.StringIO(result.output)))
    assert header == [
        *("id", "article_id", "source", "actor", "issue"),
        *("stance", "confidence", "start", "end", "evidence"),
    ]


def test_export_claims_has_exactly_the_contract_fields(dossier):
    result = CliRunner().invoke(app, ["export", "claims", "--db", dossier])
    assert result.exit_code == 0, result.output
    record = json.loads(result.output.splitlines()[0])
    assert list(record) == ["id", "text", "sources", "contradicted_by"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["stances", "--actor", "southia"], "fishing_ban"),
        (["positions"], "100 (2)"),
        (["claims"], "southia supports fishing_ban"),
        (["outlets"], "Weekly"),
    ],
)
def test_commands_show_the_dossier(dossier, args, expected):
    result = CliRunner().invoke(app, [*args, "--db", dossier], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert expected in result.output


def test_contested_claims_are_empty_without_contradictions(dossier):
    result = CliRunner().invoke(app, ["claims", "--contested", "--db", dossier])
    assert result.exit_code == 0
    assert "southia" not in result.output
