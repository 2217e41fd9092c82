"""A full disk: one line naming the dossier, its own exit status, and nothing stored lost.

The dossier lies on a small tmpfs mounted in a private mount namespace of the build's
process (so nothing outlives the test); that needs root, as in CI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from parley.sample import ARTICLES_DIR

# Room for some of the sample's articles (with the write-ahead log), not all ten.
TMPFS_SIZE = "600k"


def _build_on_a_small_disk(disk: Path, out: Path) -> subprocess.CompletedProcess[str]:
    script = (
        f'mount -t tmpfs -o size={TMPFS_SIZE} tmpfs "$1" || exit 99\n'
        f'"$2" -m parley build "$3" --db "$1/d.db"; code=$?\n'
        'cp "$1"/d.db* "$4"/; exit $code\n'
    )
    args = [str(disk), sys.executable, str(ARTICLES_DIR), str(out)]
    return subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c", script, "sh", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_full_disk_is_one_line_and_exit_3_and_keeps_what_was_stored(tmp_path: Path):
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("mounting a small tmpfs needs root and unshare (CI runs as root)")
    disk, out = tmp_path / "disk", tmp_path / "out"
    disk.mkdir()
    out.mkdir()
    result = _build_on_a_small_disk(disk, out)
    if result.returncode == 99:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    assert result.returncode == 3, result.stderr[-2000:]
    assert result.stderr.strip() == f"Error: no space left on device while writing {disk}/d.db"

    from parley.store import open_store

    with open_store(out / "d.db") as store:
        kept = store.article_ids()
    assert 0 < len(kept) < 10
    resumed = subprocess.run(
        [sys.executable, "-m", "parley", "build", str(ARTICLES_DIR), "--db", str(out / "d.db")],
        capture_output=True,
        text=True,
    )
    assert resumed.returncode == 0, resumed.stderr
    assert f"Stored {10 - len(kept)} new article(s); {len(kept)} already" in resumed.stdout
    check = subprocess.run(
        [sys.executable, "-m", "parley", "check", "--db", str(out / "d.db")],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stdout + check.stderr
