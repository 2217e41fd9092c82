"""RSS and Atom feed files: one article per item; a bad item does not stop the others."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from parley.articles.model import Article
from parley.sources import Rejected, read_articles

INPUTS = Path(__file__).parent / "fixtures" / "inputs"
RSS = INPUTS / "corpus" / "feed.rss"


def test_rss_items_become_articles_with_item_sources():
    items = list(read_articles([RSS]))
    assert [i.source for i in items if isinstance(i, Article)] == [f"{RSS}#1", f"{RSS}#3"]


def test_rss_item_without_content_rejected_alone():
    items = list(read_articles([RSS]))
    assert Rejected(f"{RSS}#item 2", "feed item has no content or summary text") in items


def test_rss_item_metadata_and_channel_as_outlet():
    first = next(iter(read_articles([RSS])))
    assert (first.title, first.outlet, first.authors, first.published, first.url) == (
        "Northern side tables new fee plan",
        "Strait Radio News",
        ("Ida Vance",),
        date(2025, 4, 7),
        "https://radio.example/c1",
    )


def test_rss_html_content_becomes_paragraphs():
    first = next(iter(read_articles([RSS])))
    assert first.text == (
        "The northern delegation tabled a new fee plan on Monday morning."
        "\n\nOfficials from the south said they would study it."
    )


def test_atom_entry():
    (entry,) = read_articles([INPUTS / "corpus" / "feed.atom"])
    assert (entry.title, entry.outlet, entry.authors, entry.published, entry.url) == (
        "Talks pause for the holiday",
        "Harbour Watch",
        ("Lena Ortiz",),
        date(2025, 4, 9),
        "https://watch.example/d1",
    )


def test_malformed_item_rejected_and_the_others_read():
    path = INPUTS / "broken" / "bad_item.rss"
    items = list(read_articles([path]))
    assert items[0] == Rejected(
        str(path), "malformed XML (line 10: xmlParseEntityRef: no name); the other items are read"
    )
    assert items[2] == Rejected(f"{path}#item 2", "feed item broken by the XML error")
    assert [i.title for i in items if isinstance(i, Article)] == [
        "Talks open in Lisbon",
        "Second day ends early",
    ]


def test_truncated_feed_keeps_complete_items():
    path = INPUTS / "broken" / "truncated.rss"
    items = list(read_articles([path]))
    assert [i.source for i in items if isinstance(i, Article)] == [f"{path}#1"]
    assert Rejected(f"{path}#item 2", "feed item broken by the XML error") in items


def test_entity_declarations_refused():
    path = INPUTS / "broken" / "entities.xml"
    assert list(read_articles([path])) == [
        Rejected(str(path), "XML declares entities (refused: entity expansion is not allowed)")
    ]


def test_external_entity_not_resolved(tmp_path: Path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET", encoding="utf-8")
    feed = tmp_path / "x.rss"
    feed.write_text(
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file://{secret}">]>'
        "<rss><channel><item><description>&e;</description></item></channel></rss>",
        encoding="utf-8",
    )
    items = list(read_articles([feed]))
    assert items and all(isinstance(i, Rejected) for i in items)
    assert not any("SECRET" in i.reason for i in items)


def test_feed_sniffed_from_unknown_extension(tmp_path: Path):
    path = tmp_path / "feed.download"
    path.write_bytes(RSS.read_bytes())
    assert len([i for i in read_articles([path]) if isinstance(i, Article)]) == 2
