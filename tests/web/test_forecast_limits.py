"""What-if forecasts cannot saturate the app: runs are bounded, forecasts queue for a few
slots (503 with Retry-After when none frees up), and equal requests are computed once."""

from __future__ import annotations

import pytest


@pytest.fixture
def client(tiny_db, tiny_case):
    from fastapi.testclient import TestClient

    from parley.present.web import create_app
    from parley.store import open_store

    with open_store(tiny_db, create=False) as store:
        yield TestClient(create_app(store, tiny_case, runs=20))


def test_runs_over_the_limit_is_422_naming_it(client):
    from parley.present.web import MAX_RUNS

    response = client.get("/api/forecast", params={"runs": MAX_RUNS + 1})
    assert response.status_code == 422
    assert str(MAX_RUNS) in str(response.json()["detail"])
    assert client.get("/api/forecast", params={"runs": MAX_RUNS}).status_code == 200


def test_a_forecast_waits_for_a_free_slot_else_503_with_retry_after(client):
    state = client.app.state.dossier
    state.wait = 0.2
    taken = 0
    while state.slots.acquire(blocking=False):  # every slot busy
        taken += 1
    assert taken >= 1
    try:
        response = client.get("/api/forecast", params={"set": "north.quota.salience=41"})
        assert response.status_code == 503
        assert int(response.headers["Retry-After"]) >= 1
        page = client.get(
            "/forecast",
            params={"actor": "north", "issue": "quota", "field": "salience", "value": 42},
        )
        assert page.status_code == 503 and "Retry-After" in page.headers
    finally:
        for _ in range(taken):
            state.slots.release()
    assert client.get("/api/forecast", params={"set": "north.quota.salience=41"}).status_code == 200


def test_equal_requests_are_computed_once(client):
    state = client.app.state.dossier
    before = state.computed
    for text in (
        "north.quota.salience=40",
        "north.quota.salience=40.0",
        " north.quota.salience = 40",
    ):
        response = client.get("/api/forecast", params={"set": text, "runs": 30})
        assert response.status_code == 200
        assert response.json()["overrides"] == ["north.quota.salience=40"]
    assert state.computed == before + 1
    client.get("/api/forecast", params={"set": "north.quota.salience=45", "runs": 30})
    assert state.computed == before + 2


def test_serve_runs_are_bounded_by_the_same_limit():
    from typer.testing import CliRunner

    from parley.present.cli import app
    from parley.present.web import MAX_RUNS

    result = CliRunner().invoke(app, ["serve", "--runs", str(MAX_RUNS + 1), "--db", "none.db"])
    assert result.exit_code == 2 and str(MAX_RUNS) in result.output
