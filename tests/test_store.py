"""The dossier store: one transaction per article, idempotent writes, rejects, URLs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from parley.articles.model import Article, Tag, article_id
from parley.errors import StoreError
from parley.extract.records import Event, Extraction, Mention, Quote, Timex
from parley.store import open_store, queries, resolve_url

TEXT = 'Anna Lind said the plan "is fair". Talks were held on Monday.'


def at(piece: str) -> int:
    return TEXT.index(piece)


def make_article(text: str = TEXT) -> Article:
    return Article(
        id=article_id(text),
        source="brief.txt",
        text=text,
        title="Plan",
        outlet="Wire",
        authors=("A. Writer",),
        published=date(2025, 3, 19),
        tags=(Tag("PERSON", "about", "Anna Lind"),),
    )


def make_extraction() -> Extraction:
    return Extraction(
        mentions=[Mention(0, 9, "Anna Lind", "PERSON", "Anna Lind")],
        quotes=[Quote(at("is fair"), at("is fair") + 7, "is fair", "partial", "Anna Lind", 0, 9)],
        timexes=[Timex(at("Monday"), at("Monday") + 6, "Monday", "DATE", "2025-03-17")],
        events=[Event(at("Talks"), len(TEXT) - 1, "talks", "Talks were held", "2025-03-17", "day")],
    )


def test_article_and_records_round_trip(fresh_store):
    article = make_article()
    assert fresh_store.add_article(article, make_extraction(), ["Anna Lind"])
    assert fresh_store.article(article.id) == article
    assert fresh_store.count("mentions") == 1
    assert fresh_store.count("event_mentions") == 1
    quote = next(fresh_store.rows("quotes"))
    assert article.text[quote["start"] : quote["end"]] == quote["text"]


def test_same_article_twice_is_stored_once(fresh_store):
    article = make_article()
    assert fresh_store.add_article(article, make_extraction())
    assert not fresh_store.add_article(article, make_extraction())
    assert fresh_store.count("articles") == 1
    assert fresh_store.count("quotes") == 1


def test_failed_write_leaves_no_half_article(fresh_store):
    bad = Extraction(mentions=[Mention(0, 9, "Anna Lind", "PERSON", None)])  # key is NOT NULL
    with pytest.raises(IntegrityError):
        fresh_store.add_article(make_article(), bad)
    assert fresh_store.count("articles") == 0
    assert fresh_store.count("mentions") == 0


def test_reject_is_replaced_and_cleared_when_the_source_is_stored(fresh_store):
    fresh_store.add_reject("brief.txt", "empty file")
    fresh_store.add_reject("brief.txt", "not UTF-8")
    assert [r["reason"] for r in fresh_store.rows("rejects")] == ["not UTF-8"]
    fresh_store.add_article(make_article(), Extraction())
    assert fresh_store.count("rejects") == 0


def test_quote_speaker_resolves_through_entity_keys(fresh_store):
    article = make_article()
    fresh_store.add_article(article, make_extraction(), ["Anna Lind"])
    fresh_store.replace_derived(
        {
            "entities": [
                {
                    "id": "anna-lind",
                    "name": "Anna Lind",
                    "type": "PERSON",
                    "aliases": ["Lind"],
                    "descriptors": [],
                    "actor": None,
                    "mentions": 1,
                }
            ],
            "entity_keys": [
                {"article_id": article.id, "key": "Anna Lind", "entity_id": "anna-lind"}
            ],
        },
        fresh_store.generation(),
    )
    [quote] = queries.quotes(fresh_store, speaker="lind")
    assert quote["speaker"] == "Anna Lind"
    assert list(queries.quotes(fresh_store, speaker="Nobody")) == []


def test_summary_counts_and_dates(fresh_store):
    fresh_store.add_article(make_article(), make_extraction())
    summary = fresh_store.summary()
    assert (summary["articles"], summary["quotes"], summary["first"]) == (1, 1, "2025-03-19")


def test_paths_become_sqlite_and_postgres_urls_get_a_driver():
    assert resolve_url("x/d.db") == "sqlite:///x/d.db"
    assert resolve_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"


def test_reading_a_missing_dossier_is_a_clear_error(tmp_path: Path):
    with pytest.raises(StoreError, match=r"no dossier here\. Build one first"):
        open_store(tmp_path / "missing.db", create=False)


def test_check_finds_a_record_of_any_article_table_outside_its_article(fresh_store):
    from parley.extract.records import Stance
    from parley.store.check import check_store

    article = make_article()
    beyond = len(article.text) + 5
    fresh_store.add_article(
        article,
        Extraction(stances=[Stance(0, beyond, "russia", "immediate_ceasefire", "oppose", 0.9)]),
    )
    problems = [str(p) for p in check_store(fresh_store)]
    assert (
        f"stances {article.id}:s0-{beyond}-russia-immediate_ceasefire: span outside its article"
        in problems
    )
