"""The evaluation corpora and their gold annotations stay in the documented format."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CHECKER = Path(__file__).resolve().parents[1] / "benchmarks" / "corpora" / "check_annotations.py"


def test_every_corpus_and_annotation_file_is_valid() -> None:
    result = subprocess.run(
        [sys.executable, str(CHECKER)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    checked = [line for line in result.stdout.splitlines() if ": " in line]
    assert len(checked) >= 10, result.stdout
