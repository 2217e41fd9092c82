"""Validate the us-eu-2025 corpus, its chrome file and its gold annotations.

Runs the checks of `benchmarks/corpora/gaza-2025/check.py` (manifest,
offsets, ids, enums, dates, nothing annotated inside page chrome, every span
in double quotation marks has a quote record) on this corpus.

Run from the project root:

    .venv/bin/python benchmarks/corpora/us-eu-2025/check.py
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent / "gaza-2025" / "check.py"


def main() -> int:
    spec = importlib.util.spec_from_file_location("corpus_check", SHARED)
    if spec is None or spec.loader is None:
        print(f"cannot load {SHARED}", file=sys.stderr)
        return 1
    checks: Any = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(checks)
    checks.HERE = HERE
    checks.NAME = HERE.name
    return int(checks.main())


if __name__ == "__main__":
    sys.exit(main())
