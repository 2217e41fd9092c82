"""The real seed captures in ../shared/seeds (skipped when ../shared is absent)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from parley.articles.chrome import load_rules
from parley.articles.model import Article
from parley.articles.plaintext import split_glued
from parley.sources import read_articles

pytestmark = pytest.mark.shared


def seed(shared: Path, prefix: str) -> Path:
    (path,) = (shared / "seeds").glob(f"{prefix}_*.txt")
    return path


def read_seed(shared: Path, prefix: str) -> Article:
    (article,) = read_articles([seed(shared, prefix)])
    assert isinstance(article, Article)
    return article


def test_seed_000_title_is_first_line_without_hash(shared: Path):
    first_line = seed(shared, "000").read_text("utf-8").splitlines()[0]
    assert read_seed(shared, "000").title == first_line.removeprefix("# ")


def test_seed_000_byline_authors(shared: Path):
    authors = read_seed(shared, "000").authors
    assert authors == ("James Politi", "Felicia Schwartz", "Max Seddon")


def test_seed_000_tags_from_trailing_blob(shared: Path):
    raw = seed(shared, "000").read_text("utf-8")
    blob = json.loads(raw[raw.index('{"contentId"') :])
    expected = [(a["type"], a["prefLabel"]) for a in blob["annotations"]]
    assert [(t.type, t.label) for t in read_seed(shared, "000").tags] == expected


def test_seed_000_body_has_no_blob_or_header_chrome(shared: Path):
    text = read_seed(shared, "000").text
    for leftover in ("prefLabel", "annotations", "Print this page", "newsletter", "Published"):
        assert leftover not in text
    assert text.startswith("Donald Trump")


def test_seed_000_glued_sentences_become_paragraphs(shared: Path):
    paragraphs = read_seed(shared, "000").text.split("\n\n")
    assert len(paragraphs) > 10
    assert all(split_glued(p) == [p] for p in paragraphs)


def test_seed_001_outlet_from_repeated_line_and_no_player_or_podcast_chrome(shared: Path):
    article = read_seed(shared, "001")
    assert article.outlet == "Navigating the Vortex"
    for leftover in ("0:00", "-6:59", "Podcasts", "Spotify", "Discussion about this episode"):
        assert leftover not in article.text
    assert article.title is not None and article.title not in article.text


def test_seed_002_date_from_updated_line(shared: Path):
    assert read_seed(shared, "002").published == date(2025, 5, 22)


def test_seed_002_no_credit_cross_links_or_comment_form(shared: Path):
    article = read_seed(shared, "002")
    assert article.authors == ()
    for leftover in ("AFP / Getty", "\n\nRead: ", "Leave a Reply", "Required fields", "Updated at"):
        assert leftover not in article.text


def test_seed_003_without_title_keeps_first_paragraph(shared: Path):
    raw_first = seed(shared, "003").read_text("utf-8").splitlines()[0]
    article = read_seed(shared, "003")
    assert article.title is None
    assert article.text.startswith(raw_first)


def test_seed_004_authors_from_write_to_line(shared: Path):
    article = read_seed(shared, "004")
    assert article.authors == ("Alexander Ward", "Alan Cullison", "Matthew Luxmoore")
    assert "Write to" not in article.text and "@" not in article.text


def test_no_seed_body_has_a_chrome_paragraph(shared: Path):
    rules = load_rules()
    for article in read_articles([shared / "seeds"]):
        assert [p for p in article.text.split("\n\n") if rules.chrome_rule(p)] == []


def test_seed_read_twice_has_same_id(shared: Path):
    path = seed(shared, "000")
    first, second = read_articles([path, path])
    assert first.id == second.id


def test_seed_manifest_supplies_outlet_and_date(shared: Path):
    manifest = shared / "manifests" / "seeds.csv"
    articles = {Path(a.source).name[:3]: a for a in read_articles([shared / "seeds"], manifest)}
    assert (articles["004"].outlet, articles["004"].published) == (
        "The Wall Street Journal",
        date(2025, 3, 19),
    )
    assert articles["003"].outlet is None
