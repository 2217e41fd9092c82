"""The per-article work gives the same dossier in-process, in worker processes and on Dask."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parley.build import build, make_engine
from parley.errors import ParleyError
from parley.store import open_store
from tests.test_durability import dump


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    from parley.sample import ARTICLES_DIR
    from parley.sources import read_articles

    texts = [a.text for a in read_articles([ARTICLES_DIR]) if hasattr(a, "text")]
    folder = tmp_path_factory.mktemp("engine-corpus")
    with open(folder / "briefs.jsonl", "w", encoding="utf-8") as out:
        for i, text in enumerate(texts * 2):
            out.write(
                json.dumps(
                    {
                        "title": f"Brief {i}",
                        "published": "2025-03-19",
                        "text": f"{text}\n\nNo. {i}.",
                    }
                )
                + "\n"
            )
    return folder


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory) -> dict:
    from parley.case import load_case
    from parley.sample import CASE_PATH

    db = tmp_path_factory.mktemp("reference") / "in-process.db"
    with open_store(db) as store:
        report = build([corpus], store, case=load_case(CASE_PATH))
    assert report.stored == 20
    return dump(str(db))


def build_with(engine, corpus: Path, db: str) -> dict:
    from parley.case import load_case
    from parley.sample import CASE_PATH

    with open_store(db) as store:
        report = build([corpus], store, case=load_case(CASE_PATH), engine=engine)
    assert report.stored == 20 and not report.rejected
    return dump(db)


def test_two_worker_processes_build_the_same_dossier(corpus, reference, db):
    assert build_with(make_engine(workers=2), corpus, db) == reference


def test_dask_cluster_builds_the_same_dossier(corpus, reference, db):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    ) as cluster:
        engine = make_engine(engine="dask", scheduler=cluster.scheduler_address)
        assert build_with(engine, corpus, db) == reference


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"workers": 0}, "--workers must be at least 1, not 0"),
        ({"engine": "dask"}, "--engine dask needs --scheduler ADDRESS"),
        ({"engine": "spark"}, "unknown engine 'spark'; valid: local, dask"),
    ],
)
def test_bad_engine_settings_are_clear_errors(kwargs, message):
    with pytest.raises(ParleyError, match=message):
        make_engine(**kwargs)


def test_unreachable_scheduler_is_a_clear_error(tmp_path: Path):
    engine = make_engine(engine="dask", scheduler="tcp://127.0.0.1:9")
    with pytest.raises(
        ParleyError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9"
    ):
        list(engine.run([[]], None))
