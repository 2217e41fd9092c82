"""The atheris fuzz targets run for a bounded time without finding a crash or a hang.

`PARLEY_FUZZ_SECONDS` sets the time per target (20 s by default). Skipped where atheris
is not installed (it ships wheels for Linux only).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECONDS = int(os.environ.get("PARLEY_FUZZ_SECONDS", "20"))


@pytest.mark.parametrize("target", ["fuzz_readers.py", "fuzz_extractors.py"])
def test_fuzz_target_runs_clean(tmp_path: Path, target: str):
    pytest.importorskip("atheris", reason="atheris is not installed (pip install atheris)")
    command = [
        sys.executable,
        str(ROOT / "fuzz" / target),
        f"-max_total_time={SECONDS}",
        f"-artifact_prefix={tmp_path}/",
        str(tmp_path / "corpus"),
    ]
    (tmp_path / "corpus").mkdir()
    done = subprocess.run(
        command,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        errors="replace",
        timeout=SECONDS + 240,
    )
    crashes = sorted(p.name for p in tmp_path.iterdir() if p.name != "corpus")
    assert done.returncode == 0 and not crashes, f"{crashes}\n{done.stderr[-3000:]}"
    runs = re.search(r"^Done (\d+) runs", done.stderr, re.MULTILINE)
    assert runs and int(runs.group(1)) > 20, done.stderr[-2000:]
