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


# Inputs the fuzzers once crashed on, kept as replayed regression cases (`fuzz_*.py FILE`
# runs the target on each file given, as the docs tell a user to replay a crash).
CRASHES = ROOT / "tests" / "fuzz" / "crashes"


@pytest.mark.parametrize("crash", sorted(p.name for p in CRASHES.iterdir()), ids=lambda name: name)
def test_saved_crash_replays_clean(crash: str):
    """readers-manifest-header-newline: a CSV manifest whose header holds a quoted newline
    (with NULs) gave a two-line error."""
    pytest.importorskip("atheris", reason="atheris is not installed (pip install atheris)")
    target = "fuzz_" + crash.split("-")[0] + ".py"
    done = subprocess.run(
        [sys.executable, str(ROOT / "fuzz" / target), str(CRASHES / crash)],
        capture_output=True,
        text=True,
        errors="replace",
        timeout=240,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert re.search(r"^Executed .* in \d+ ms", done.stderr, re.MULTILINE), done.stderr[-2000:]


def test_the_manifest_header_crash_is_a_one_line_error(tmp_path: Path):
    """The same input, through the manifest reader without the fuzzer."""
    from parley.errors import InputError
    from parley.sources import load_manifest

    data = (CRASHES / "readers-manifest-header-newline").read_bytes()
    assert data[0] % 10 == 8  # the readers target's first byte: 8 picks ".csv"
    path = tmp_path / "manifest.csv"
    path.write_bytes(data[1:])
    with pytest.raises(InputError) as caught:
        load_manifest(path)
    assert "\n" not in str(caught.value)
    assert "manifest needs a `file` or `url` column" in caught.value.reason
