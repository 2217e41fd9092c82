"""HTML pages: body, title, outlet, authors and date via trafilatura and htmldate."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from parley.sources import Rejected, read_articles

PAGE = Path(__file__).parent / "fixtures" / "inputs" / "corpus" / "page.html"


def read_page():
    (article,) = read_articles([PAGE])
    return article


def test_html_body_without_navigation_or_footer():
    text = read_page().text
    assert text.startswith("Negotiators for the two coastal states")
    assert "Home" not in text
    assert "Copyright" not in text


def test_html_title_not_repeated_in_body():
    article = read_page()
    assert article.title == "Harbour fee deal within reach"
    assert "Harbour fee deal within reach" not in article.text


def test_html_metadata():
    article = read_page()
    assert (article.outlet, article.authors, article.published) == (
        "The Coastal Courier",
        ("Ida Vance", "Tomas Berg"),
        date(2025, 4, 3),
    )


def test_html_paragraphs_separated_by_blank_lines():
    assert len(read_page().text.split("\n\n")) == 3


def test_htmldate_fallback_finds_date(tmp_path: Path):
    page = tmp_path / "dated.html"
    body = (
        "<p>" + "Harbour talks went on through the night in Lisbon, officials said. " * 5 + "</p>"
    )
    page.write_text(
        '<html><head><meta name="date" content="2025-02-11"></head>'
        f"<body><article>{body}</article></body></html>",
        encoding="utf-8",
    )
    (article,) = read_articles([page])
    assert article.published == date(2025, 2, 11)


def test_html_with_empty_body_rejected(tmp_path: Path):
    page = tmp_path / "empty.html"
    page.write_text("<html><head><title>T</title></head><body>  </body></html>", encoding="utf-8")
    assert list(read_articles([page])) == [
        Rejected(str(page), "no article text found in the HTML body")
    ]


def test_unknown_extension_sniffed_as_html(tmp_path: Path):
    page = tmp_path / "saved.page"
    page.write_bytes(PAGE.read_bytes())
    (article,) = read_articles([page])
    assert article.title == "Harbour fee deal within reach"
