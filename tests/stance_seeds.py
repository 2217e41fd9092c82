"""A dossier of the five seed articles, built once per test session for the stance tests."""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED_IDS = {"000": "000_e43210c030993c84.txt", "003": "003_eaa144cde30608a3.txt",
            "004": "004_de9c28211d720738.txt"}  # fmt: skip


@functools.cache
def seed_dossier() -> str:
    """Path of a SQLite dossier built from ../shared/seeds with the shared case and manifest."""
    from parley.build import build
    from parley.case import load_case
    from parley.store import open_store

    path = str(Path(tempfile.mkdtemp(prefix="parley-stance-seeds-")) / "seeds.db")
    rules = (
        Path(__file__).resolve().parents[1]
        / "benchmarks"
        / "rules"
        / "russia-ukraine-2025.rules.yaml"
    )
    case = load_case(SHARED / "cases" / "russia-ukraine-2025.yaml", rules=rules)
    with open_store(path) as store:
        build([SHARED / "seeds"], store, case=case, manifest=SHARED / "manifests" / "seeds.csv")
    return path
