"""What readers see: one title rule, one outlet rule, and case labels instead of snake_case ids.

Over the hostile dossier (`tests/hostile.py`): article `u2` has no title and
no outlet; the case names actors `north`/`south` "Northland"/"Southland" and
its issues have labels made from their ids ("Quota").
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

UNTITLED = "(untitled) Southland refused to move on the quota on…"


def cli(*args: str) -> list[list[str]]:
    """`parley ARGS` with piped output, as rows of tab-separated cells."""
    from parley.present.cli import app

    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return [line.split("\t") for line in result.stdout.splitlines()]


def column(rows: list[list[str]], heading: str) -> list[str]:
    at = rows[0].index(heading)
    return [row[at] for row in rows[1:]]


@pytest.fixture(scope="module")
def client(hostile_db):
    from fastapi.testclient import TestClient

    from parley.present.web import create_app
    from parley.store import open_store

    with open_store(hostile_db, create=False) as store:
        yield TestClient(create_app(store, store.case(), runs=0))


# -- titles and outlets: one rule ---------------------------------------------------


def test_cli_articles_title_and_outlet_rule(hostile_db):
    rows = cli("articles", "--db", hostile_db)
    assert UNTITLED in column(rows, "Title")
    assert "unknown" in column(rows, "Outlet")


def test_cli_stances_and_outlets_say_unknown_not_the_file(hostile_db):
    assert "unknown" in column(cli("stances", "--db", hostile_db), "Outlet")
    outlets = column(cli("outlets", "--db", hostile_db), "Outlet")
    assert "unknown" in outlets and "plain.txt" not in outlets


def test_app_pages_use_the_title_rule(client):
    listing = client.get("/articles").text
    assert UNTITLED in listing and "corpus/plain.txt" not in listing
    reader = client.get("/articles/u2").text
    assert f'<h1 id="art-u2-h">{UNTITLED}</h1>' in reader
    hits = client.get("/api/search", params={"q": "inspections"}).json()
    assert UNTITLED in [h["title"] for h in hits if h["kind"] == "article"]


def test_app_outlets_are_unknown_everywhere(client):
    articles = client.get("/api/articles").json()["items"]
    assert {a["id"]: a["outlet"] for a in articles}["u2"] == "unknown"
    assert "unknown" in client.get("/api/summary").json()["outlet_names"]
    quotes = client.get("/api/quotes", params={"outlet": "unknown"}).json()["items"]
    assert [q["speaker"] for q in quotes] == ["Bo Lind"]
    assert "unknown outlet" not in client.get("/outlets").text


def test_report_uses_the_title_rule(hostile_db, tmp_path):
    from parley.present.report import write_report
    from parley.store import open_store

    with open_store(hostile_db, create=False) as store:
        html = write_report(store, tmp_path / "r.html", store.case(), runs=0).read_text()
    assert f">{UNTITLED}</h3>" in html and "corpus/plain.txt</h3>" not in html


# -- case labels, with the id at hand --------------------------------------------


def test_cli_stances_show_labels_with_ids(hostile_db):
    rows = cli("stances", "--db", hostile_db)
    assert column(rows, "Actor") == ["Northland (north)", "Southland (south)"]
    assert column(rows, "Issue") == ["Quota (quota)", "Quota (quota)"]


def test_cli_positions_show_labels(hostile_db):
    rows = cli("positions", "--db", hostile_db)
    assert rows[0][:4] == ["Issue", "Id", "Northland", "Southland"]
    assert column(rows, "Issue") == ["Quota", "Inspections"]
    assert column(rows, "Id") == ["quota", "inspections"]


def test_app_stances_show_labels_with_ids_in_tooltips(client):
    page = client.get("/stances").text
    assert '<span title="north">Northland</span>' in page
    assert '<span title="quota">Quota</span>' in page


def test_app_forecast_shows_labels(client):
    page = client.get("/forecast").text
    assert '<th scope="row"><span title="quota">Quota</span></th>' in page
    assert '<option value="north" selected>Northland</option>' in page
