"""The JSON API and the pages over a tiny invented dossier (no browser)."""

from __future__ import annotations

import typing

import pytest


def test_quotes_filter_by_speaker(tiny_client):
    body = tiny_client.get("/api/quotes", params={"speaker": "bo"}).json()
    assert [q["speaker"] for q in body["items"]] == ["Bo Lind"]


def test_quotes_filter_by_outlet_and_dates(tiny_client):
    body = tiny_client.get(
        "/api/quotes",
        params={"outlet": "Test Gazette", "date_from": "2025-03", "date_to": "2025-03-05"},
    ).json()
    assert [q["outlet"] for q in body["items"]] == ["Test Gazette"]


def test_quote_links_to_its_span(tiny_client):
    quote = tiny_client.get("/api/quotes", params={"speaker": "Ann"}).json()["items"][0]
    assert quote["href"] == f"/articles/a1#q-a1-{quote['start']}-{quote['end']}"


def test_unknown_actor_is_422_naming_the_valid_ones(tiny_client):
    response = tiny_client.get("/api/events", params={"actor": "westland"})
    assert response.status_code == 422
    assert "valid: north, south" in response.json()["detail"]


@pytest.mark.parametrize("value", ["2025-13", "2025-02-30", "March", "20250301"])
def test_bad_date_is_422(tiny_client, value):
    assert tiny_client.get("/api/quotes", params={"date_from": value}).status_code == 422


def test_reversed_date_range_is_422(tiny_client):
    response = tiny_client.get("/api/events", params={"date_from": "2025-04", "date_to": "2025-03"})
    assert response.status_code == 422
    assert "must not be after date_to" in response.json()["detail"]


def test_blank_form_values_mean_no_filter(tiny_client):
    body = tiny_client.get("/api/quotes", params={"speaker": "", "date_from": ""}).json()
    assert body["total"] == 2


def test_limit_out_of_range_is_422(tiny_client):
    assert tiny_client.get("/api/quotes", params={"limit": 0}).status_code == 422


def test_unknown_article_is_404(tiny_client):
    assert tiny_client.get("/api/articles/nope").status_code == 404


def test_article_has_text_and_anchored_spans(tiny_client):
    body = tiny_client.get("/api/articles/a1").json()
    kinds = {s["kind"] for s in body["spans"]}
    assert kinds == {"quote", "event"}
    quote = next(s for s in body["spans"] if s["kind"] == "quote")
    assert body["text"][quote["start"] : quote["end"]].startswith("We want")


def test_forecast_override_moves_the_forecast(tiny_client):
    base = tiny_client.get("/api/forecast", params={"model": "compromise", "runs": 0}).json()
    moved = tiny_client.get(
        "/api/forecast",
        params={"model": "compromise", "runs": 0, "set": "south.quota.salience=5"},
    ).json()
    quota = [r["forecast"] for r in (base["rows"][0], moved["rows"][0])]
    assert moved["overrides"] == ["south.quota.salience=5"]
    assert quota[1] > quota[0]


def test_bad_override_is_422_naming_it(tiny_client):
    response = tiny_client.get("/api/forecast", params={"set": "west.quota.salience=5"})
    assert response.status_code == 422
    assert "west" in response.json()["detail"]


def test_search_finds_articles_and_quotes(tiny_client):
    hits = tiny_client.get("/api/search", params={"q": "quota"}).json()
    assert {h["kind"] for h in hits} == {"article", "quote"}


def test_missing_view_says_so(tiny_client):
    body = tiny_client.get("/api/stances").json()
    assert body["available"] is False and body["items"] == []


def test_stances_page_degrades(tiny_client):
    assert "No stances in this dossier" in tiny_client.get("/stances").text


def test_page_error_is_html_with_the_reason(tiny_client):
    response = tiny_client.get("/quotes", params={"actor": "westland"})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    assert "unknown actor" in response.text


def test_quotes_page_filters_by_speaker(tiny_client):
    text = tiny_client.get("/quotes", params={"speaker": "Bo Lind"}).text
    assert "Inspections must come first" in text and "bigger quota" not in text


def test_whatif_page_shows_the_change(tiny_client):
    params = {
        "model": "compromise",
        "actor": "south",
        "issue": "quota",
        "field": "salience",
        "value": "5",
    }
    text = tiny_client.get("/forecast", params=params).text
    assert "What if south&#39;s salience on quota were 5?" in text
    assert "delta-up" in text


def test_whatif_needs_every_field(tiny_client):
    assert tiny_client.get("/forecast", params={"actor": "south"}).status_code == 422


def test_app_is_read_only(tiny_client):
    assert tiny_client.post("/api/quotes").status_code == 405


def test_api_paths_in_schema(tiny_client):
    paths = tiny_client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/summary",
        "/api/quotes",
        "/api/events",
        "/api/forecast",
        "/api/search",
        "/api/articles/{article_id}",
        "/api/stances",
        "/api/claims",
    ):
        assert path in paths


def test_model_names_in_step_with_bargain():
    from parley.bargain import MODEL_NAMES
    from parley.present.web.params import ModelName

    assert set(typing.get_args(ModelName)) == {"all", *MODEL_NAMES}


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("localhost", True), ("::1", True), ("0.0.0.0", False)],
)
def test_loopback_hosts(host, loopback):
    from parley.present.cli.web import _is_loopback

    assert _is_loopback(host) is loopback


def test_serve_binds_localhost_by_default():
    import inspect

    from parley.present.cli.web import serve

    assert inspect.signature(serve).parameters["host"].default == "127.0.0.1"
