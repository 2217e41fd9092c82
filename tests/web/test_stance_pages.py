"""The forecast and claims pages on a dossier whose positions come from stances."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from tests.test_stance_views import fill


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from parley.present.web import create_app
    from parley.store import open_store

    path = str(Path(tmp_path_factory.mktemp("views")) / "dossier.db")
    with open_store(path) as store:
        fill(store)
    with open_store(path, create=False) as store:
        yield TestClient(create_app(store, store.case(), runs=50))


def test_the_forecast_page_reads_each_forecast_on_the_scale(client) -> None:
    page = client.get("/forecast", params={"model": "compromise"}).text
    assert "(between 50: seasonal closure and 100: reef closed)" in page
    assert "On the scale (compromise)" in page


def test_the_forecast_page_says_what_the_inputs_rest_on_and_lack(client) -> None:
    page = client.get("/forecast").text
    assert "capabilities from the case file (actors&#39; capability" in page
    assert "no evidence for 7 actor-issue pair(s)" in page


def test_the_claims_page_flags_words_given_to_two_speakers(client) -> None:
    page = client.get("/claims").text
    assert "attributed to Ann Berg by A; Bo Lind by B" in page
