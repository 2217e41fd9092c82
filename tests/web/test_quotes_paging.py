"""`/quotes` comes in pages, as the API does, with next and previous links that keep filters."""

from __future__ import annotations

import re
from datetime import date
from html import unescape

import pytest

SPEAKERS = ("Ann Berg", "Bo Lind")
QUOTES = 230


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    """One invented article with 230 short quotes, alternating between two speakers."""
    from fastapi.testclient import TestClient

    from parley.articles.model import Article
    from parley.extract.records import Extraction, Quote
    from parley.present.web import create_app
    from parley.store import open_store

    parts, quotes, at = [], [], 0
    for n in range(QUOTES):
        words, speaker = f"Point {n} stands,", SPEAKERS[n % 2]
        sentence = f'"{words}" said {speaker}. '
        quotes.append(Quote(at + 1, at + 1 + len(words), words, "direct", speaker, None, None))
        parts.append(sentence)
        at += len(sentence)
    article = Article(id="m1", source="many.txt", text="".join(parts), title="Many points",
                      outlet="Test Gazette", published=date(2025, 3, 4))  # fmt: skip
    db = str(tmp_path_factory.mktemp("many") / "many.db")
    with open_store(db) as store:
        store.add_article(article, Extraction(quotes=quotes), [None] * QUOTES)
    with open_store(db, create=False) as store:
        yield TestClient(create_app(store, None, runs=0))


def rows(html: str) -> list[str]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(r'<td class="speaker">([^<]*)', body)


def link(html: str, rel: str) -> str | None:
    found = re.search(rf'<a rel="{rel}" href="([^"]+)"', html)
    return unescape(found.group(1)) if found else None


def test_quotes_page_shows_one_page_with_a_next_link(client):
    html = client.get("/quotes").text
    assert len(rows(html)) == 100
    assert "1–100 of 230 quotes" in html
    assert link(html, "prev") is None
    assert link(html, "next") == "/quotes?offset=100&limit=100"


def test_next_links_keep_the_filters_to_the_last_page(client):
    html = client.get("/quotes", params={"speaker": "Ann Berg", "limit": 50}).text
    seen = rows(html)
    pages = 1
    while (following := link(html, "next")) is not None:
        assert "speaker=Ann+Berg" in following and "limit=50" in following
        html = client.get(following).text
        seen += rows(html)
        pages += 1
    assert pages == 3 and len(seen) == QUOTES // 2 and set(seen) == {"Ann Berg"}
    assert "101–115 of 115 quotes" in html
    back = client.get(link(html, "prev")).text
    assert "51–100 of 115 quotes" in back


def test_a_page_size_out_of_range_is_422(client):
    assert client.get("/quotes", params={"limit": 5000}).status_code == 422
