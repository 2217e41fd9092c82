"""Shared fixtures: the spaCy pipeline (loaded once), a small case, and `../shared` when present."""

from __future__ import annotations

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
