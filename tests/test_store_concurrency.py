"""Several processes on one dossier: creating it, and building while views are refreshed."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

# Each process waits for the same moment, then opens (creates and migrates) the dossier.
OPEN_AT = """
import sys, time
from parley.store import open_store
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
with open_store(sys.argv[1]) as store:
    print(store.count("articles"))
"""


@pytest.mark.parametrize("attempt", range(3))
def test_processes_creating_the_same_new_dossier_all_succeed(db: str, attempt: int):
    start = time.time() + 4  # after every process has imported parley
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN_AT, db, str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    results = [(p.wait(timeout=120), *p.communicate()) for p in procs]
    assert [(code, out.strip()) for code, out, _err in results] == [(0, "0")] * 4, [
        err[-500:] for _c, _o, err in results
    ]


# -- corpus views and a build that stores an article while another refreshes them -------------

TEXT = "Anna Lind met Marco Rubio in Geneva on Monday. Talks were held there."


def _article_and_records(text: str):
    from parley.articles.model import Article, article_id
    from parley.extract.records import Event, Extraction, Mention

    article = Article(id=article_id(text), source=f"{article_id(text)}.txt", text=text)
    records = Extraction(
        mentions=[Mention(0, 9, "Anna Lind", "PERSON", "Anna Lind")],
        events=[Event(0, len(text), "meeting", text[:40], None, "none")],
    )
    return article, records


def test_an_article_stored_during_a_refresh_leaves_the_views_stale(db: str, monkeypatch):
    """Build A computes the views; build B stores an article; A writes its views; B checks."""
    import parley.analysis.views as views
    from parley.build import refresh_views
    from parley.store import open_store
    from parley.store.check import check_store

    with open_store(db) as a, open_store(db) as b:
        a.add_article(*_article_and_records(TEXT))
        late = _article_and_records(TEXT.replace("Geneva", "Riyadh"))
        computed = views.corpus_tables

        def then_b_stores(store, case, generation=None):
            tables = computed(store, case, generation)
            assert b.add_article(*late)  # B commits after A read the records
            return tables

        monkeypatch.setattr(views, "corpus_tables", then_b_stores)
        refresh_views(a, None)
        monkeypatch.setattr(views, "corpus_tables", computed)
        assert b.views_stale()  # so B refreshes instead of skipping
        problems = [str(p) for p in check_store(b)]
        assert f"event_mentions {late[0].id}:e0-{len(late[0].text)}-meeting" in " ".join(problems)
        refresh_views(b, None)
        assert not b.views_stale()
        assert check_store(b) == []
        assert {r["article_id"] for r in b.rows("event_sources")} == {
            _article_and_records(TEXT)[0].id,
            late[0].id,
        }


def test_an_older_refresh_never_replaces_newer_views(db: str):
    from parley.analysis.views import corpus_tables
    from parley.store import open_store

    with open_store(db) as store:
        store.add_article(*_article_and_records(TEXT))
        old_generation, old_tables = store.generation(), corpus_tables(store, None)
        store.add_article(*_article_and_records(TEXT.replace("Geneva", "Riyadh")))
        store.replace_derived(corpus_tables(store, None), store.generation())
        store.replace_derived(old_tables, old_generation)  # a slower build finishing last
        assert store.count("event_sources") == 2
        assert not store.views_stale()


def test_check_finds_articles_the_views_do_not_cover(db: str):
    """Views written with a generation that claims more than they hold (the race's result)."""
    from parley.analysis.views import corpus_tables
    from parley.store import open_store
    from parley.store.check import check_store

    with open_store(db) as store:
        store.add_article(*_article_and_records(TEXT))
        tables = corpus_tables(store, None)
        late, records = _article_and_records(TEXT.replace("Geneva", "Riyadh"))
        store.add_article(late, records)
        store.replace_derived(tables, store.generation())
        assert not store.views_stale()
        problems = {(p.table, p.row, p.problem) for p in check_store(store)}
        assert problems == {
            ("mentions", late.id, "article's entities are missing from the corpus views"),
            (
                "event_mentions",
                f"{late.id}:e0-{len(late.text)}-meeting",
                "event is missing from the corpus views",
            ),
        }
