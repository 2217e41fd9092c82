"""Shared fixtures: the spaCy pipeline (loaded once), a small case, and `../shared` when present."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def shared() -> Path:
    """The `../shared` folder beside the checkout; tests that need it skip without it."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not beside this checkout (seeds, cases and data live there)")
    return SHARED


@pytest.fixture(scope="session")
def case_path() -> Path:
    return FIXTURES / "case.yaml"


@pytest.fixture(scope="session")
def case(case_path: Path):
    from parley.case import load_case

    return load_case(case_path)


@pytest.fixture(scope="session")
def nlp():
    """The bare model pipeline, no case."""
    from parley.nlp import load_pipeline

    return load_pipeline(None)


@pytest.fixture(scope="session")
def case_nlp(case):
    """The pipeline with the test case's names added."""
    from parley.nlp import load_pipeline

    return load_pipeline(case)


@pytest.fixture(scope="session")
def seed_case(shared: Path):
    """The real case file for the seeds."""
    from parley.case import load_case

    return load_case(shared / "cases" / "russia-ukraine-2025.yaml")


@pytest.fixture(scope="session")
def seed_nlp(seed_case):
    from parley.nlp import load_pipeline

    return load_pipeline(seed_case)


# -- dossier databases: every store test runs on SQLite and on a real PostgreSQL server --------

BACKENDS = ("sqlite", "postgresql")
_DATABASE_NUMBERS = itertools.count(1)


@pytest.fixture(scope="session")
def postgres_url():
    """URL of a PostgreSQL server started for this test session."""
    from tests.postgres import postgres_bin, postgres_server

    if postgres_bin() is None:
        pytest.skip("PostgreSQL is not installed here (./dev test installs it with apt)")
    with postgres_server() as url:
        yield url


@pytest.fixture(params=BACKENDS)
def db(request, tmp_path: Path) -> str:
    """A fresh, empty dossier location: a SQLite file path or a PostgreSQL database URL."""
    if request.param == "sqlite":
        return str(tmp_path / "dossier.db")
    from tests.postgres import create_database

    server = request.getfixturevalue("postgres_url")
    return create_database(server, f"dossier_{next(_DATABASE_NUMBERS)}")


@pytest.fixture
def fresh_store(db: str):
    """An empty dossier, open for writing, on each backend."""
    from parley.store import open_store

    with open_store(db) as store:
        yield store


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A small dossier whose strings try to be markup (see `tests/hostile.py`), with its case."""
    from parley.store import open_store
    from tests.hostile import fill_hostile

    db = str(tmp_path_factory.mktemp("hostile") / "hostile.db")
    with open_store(db) as store:
        fill_hostile(store)
    return db
