"""The per-article work gives the same dossier in-process, in worker processes and on Dask."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
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


def test_started_workers_serve_every_build_until_closed(corpus, reference, tmp_path):
    from parley.case import load_case
    from parley.sample import CASE_PATH

    engine = make_engine(workers=2)
    engine.start(load_case(CASE_PATH))
    pool = engine._pool
    assert pool is not None
    try:
        workers = []
        for name in ("first.db", "second.db"):
            with open_store(tmp_path / name) as store:
                report = build([corpus], store, case=load_case(CASE_PATH), engine=engine)
            assert report.stored == 20 and os.getpid() not in report.workers
            assert dump(str(tmp_path / name)) == reference
            workers.append(report.workers)
            assert engine._pool is pool  # not stopped by the build
        assert workers[0] == workers[1]  # the same processes, started once
    finally:
        engine.close()
    assert engine._pool is None


def _two_worker_cluster(distributed):
    """A local Dask cluster of two single-threaded worker processes, no dashboard."""
    return distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    )


def test_dask_cluster_builds_the_same_dossier(corpus, reference, db):
    distributed = pytest.importorskip("distributed")
    from parley.case import load_case
    from parley.sample import CASE_PATH

    def profiling(dask_worker) -> bool:
        return dask_worker.periodic_callbacks["profile"].is_running()

    with (
        _two_worker_cluster(distributed) as cluster,
        distributed.Client(cluster) as client,
    ):
        assert list(client.run(profiling).values()) == [True, True]
        engine = make_engine(engine="dask", scheduler=cluster.scheduler_address)
        engine.start(load_case(CASE_PATH))
        assert list(client.run(profiling).values()) == [False, False]  # paused while connected
        assert build_with(engine, corpus, db) == reference
        engine.close()
        assert list(client.run(profiling).values()) == [True, True]


@pytest.mark.parametrize("count", [0, 5, 32, 64, 65, 96, 97, 200])
def test_batches_cover_the_input_once_the_last_ones_small(count: int):
    from parley.build import _batched

    batches = list(_batched(iter(range(count)), 32, 8))
    assert [i for batch in batches for i in batch] == list(range(count))
    sizes = [len(b) for b in batches]
    full = sizes.index(8) if 8 in sizes else len(sizes) - (1 if count % 32 else 0)
    small = sizes[full:]  # the end: more than one batch's worth, at most two, by 8
    assert all(size == 32 for size in sizes[:full])
    assert sum(small) == count if count <= 64 else 32 < sum(small) <= 64
    assert all(size == 8 for size in small[:-1]) and all(0 < size <= 8 for size in small)
    assert list(_batched(iter(range(count)), 32, 32)) == [
        list(range(i, min(i + 32, count))) for i in range(0, count, 32)
    ]


def cli_build(corpus: Path, db: str, *options: str) -> tuple[int, set[int], str]:
    """Run `parley build` as a user would; return its pid, the worker pids it printed, stdout."""
    from parley.sample import CASE_PATH

    command = [sys.executable, "-m", "parley", "build", str(corpus), "--case", str(CASE_PATH)]
    process = subprocess.Popen(
        [*command, "--db", db, *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "COLUMNS": "200"},
    )
    out, err = process.communicate(timeout=600)
    assert process.returncode == 0, err
    assert "Stored 20 new article(s)" in out, out
    found = re.search(
        r"Parsed in \d+ worker process\(es\) \(pids ([\d, ]+)\); stored by pid (\d+)", out
    )
    assert found, out
    assert int(found[2]) == process.pid
    return process.pid, {int(p) for p in found[1].split(", ")}, out


def test_cli_workers_run_the_work_in_other_processes(corpus, reference, tmp_path):
    db = str(tmp_path / "cli-workers.db")
    cli_pid, workers, _ = cli_build(corpus, db, "--workers", "2")
    assert workers and cli_pid not in workers and len(workers) <= 2
    assert dump(db) == reference


def test_cli_one_process_does_the_work_itself(corpus, tmp_path):
    from parley.sample import CASE_PATH

    db = str(tmp_path / "cli-one.db")
    command = [sys.executable, "-m", "parley", "build", str(corpus), "--case", str(CASE_PATH)]
    result = subprocess.run([*command, "--db", db], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Stored 20 new article(s)" in result.stdout
    assert "worker process" not in result.stdout


def test_cli_dask_engine_runs_the_work_on_the_cluster(corpus, reference, tmp_path):
    distributed = pytest.importorskip("distributed")
    with (
        _two_worker_cluster(distributed) as cluster,
        distributed.Client(cluster) as client,
    ):
        cluster_pids = set(client.run(os.getpid).values())
        db = str(tmp_path / "cli-dask.db")
        options = ("--engine", "dask", "--scheduler", cluster.scheduler_address)
        cli_pid, workers, _ = cli_build(corpus, db, *options)
    assert len(cluster_pids) == 2 and cli_pid not in cluster_pids
    assert workers and workers <= cluster_pids
    assert dump(db) == reference


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
