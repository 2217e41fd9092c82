"""The JSON API answers the same over SQLite and PostgreSQL dossiers of the same articles."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

PATHS = [
    "/api/summary",
    "/api/articles",
    "/api/entities",
    "/api/actors",
    "/api/quotes?limit=500",
    "/api/quotes?speaker=Rubio",
    "/api/events?limit=500",
    "/api/outlets",
    "/api/stances?limit=500",
    "/api/claims",
    "/api/framing",
    "/api/search?q=ceasefire",
]


def sample_answers(db: str) -> dict[str, Any]:
    """Every answer of the API over the sample dossier built at `db`."""
    from parley.build import build
    from parley.case import load_case
    from parley.present.web import create_app
    from parley.sample import ARTICLES_DIR, CASE_PATH, MANIFEST_PATH
    from parley.store import open_store

    case = load_case(CASE_PATH)
    with open_store(db) as store:
        build([ARTICLES_DIR], store, case=case, manifest=MANIFEST_PATH)
        client = TestClient(create_app(store, case, runs=0))
        responses = {path: client.get(path) for path in PATHS}
    assert all(r.status_code == 200 for r in responses.values()), responses
    return {path: r.json() for path, r in responses.items()}


def test_api_answers_match_across_backends(tmp_path: Path, postgres_url: str):
    from tests.postgres import create_database

    on_sqlite = sample_answers(str(tmp_path / "sample.db"))
    on_postgres = sample_answers(create_database(postgres_url, "parity_sample"))
    assert on_sqlite["/api/summary"]["articles"] == 10
    for path in PATHS:
        assert on_postgres[path] == on_sqlite[path], path
