"""A build killed with SIGKILL at any moment and run again ends with exactly the
dossier an uninterrupted build gives: no duplicate, no half-written article."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from parley.store import resolve_url
from parley.store.schema import metadata

KILLS = 20


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The sample briefs repeated with a numbered line: 40 articles to write."""
    from parley.sample import ARTICLES_DIR
    from parley.sources import read_articles

    texts = [a.text for a in read_articles([ARTICLES_DIR]) if hasattr(a, "text")]
    folder = tmp_path_factory.mktemp("corpus")
    with open(folder / "briefs.jsonl", "w", encoding="utf-8") as out:
        for i in range(40):
            record = {
                "title": f"Brief {i}",
                "published": "2025-03-19",
                "text": f"{texts[i % len(texts)]}\n\nNo. {i}.",
            }
            out.write(json.dumps(record) + "\n")
    return folder


def build_command(corpus: Path, db: str) -> list[str]:
    from parley.sample import CASE_PATH

    return [
        sys.executable,
        "-m",
        "parley",
        "build",
        str(corpus),
        "--case",
        str(CASE_PATH),
        "--db",
        db,
    ]


def stored_articles(db: str) -> int:
    engine = create_engine(resolve_url(db))
    try:
        with engine.connect() as conn:
            return int(
                conn.scalar(select(func.count()).select_from(metadata.tables["articles"])) or 0
            )
    except Exception:  # the dossier may not exist yet at the first poll
        return 0
    finally:
        engine.dispose()


def dump(db: str) -> dict[str, list[tuple]]:
    """Every row of every table, sorted, for a record-for-record comparison (less the order
    articles were stored in, `articles.seq`, which depends on which worker finished first)."""
    engine = create_engine(resolve_url(db))
    with engine.connect() as conn:
        tables = {
            name: sorted(
                tuple(json.dumps(v, sort_keys=True, default=str) for v in row)
                for row in conn.execute(select(*(c for c in table.c if c.name != "seq")))
            )
            for name, table in metadata.tables.items()
        }
    engine.dispose()
    return tables


def kill_during_build(corpus: Path, db: str, rng: random.Random) -> None:
    """Start a build and SIGKILL it once it has stored a random number of further articles."""
    target = stored_articles(db) + rng.randint(0, 6)
    process = subprocess.Popen(
        build_command(corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while process.poll() is None and stored_articles(db) < target and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(rng.random() * 0.05)  # land anywhere inside the next article's write
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait()


def test_killed_builds_resume_to_the_uninterrupted_dossier(corpus: Path, db: str, tmp_path: Path):
    reference = str(tmp_path / "reference.db")
    subprocess.run(build_command(corpus, reference), check=True, capture_output=True)
    rng = random.Random(7)
    for _ in range(KILLS):
        kill_during_build(corpus, db, rng)
    finished = subprocess.run(build_command(corpus, db), capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    resumed, expected = dump(db), dump(reference)
    for table in expected:
        missing = sorted(set(expected[table]) - set(resumed[table]))[:3]
        extra = sorted(set(resumed[table]) - set(expected[table]))[:3]
        assert resumed[table] == expected[table], f"{table}: missing {missing}, extra {extra}"
    check = subprocess.run(
        [sys.executable, "-m", "parley", "check", "--db", db], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr
