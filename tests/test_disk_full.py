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

# Free room on the small disk beyond the dossier already there: enough to open it (write-ahead
# log and shared-memory index), not enough for the articles still to store.
SPARE = 96 * 1024


def _build_on_a_small_disk(stored: Path, disk: Path, out: Path) -> subprocess.CompletedProcess[str]:
    """Copy the dossier `stored` onto a tmpfs with little room left and build the whole sample."""
    size = (stored.stat().st_size + SPARE) // 4096 * 4096
    script = (
        f'mount -t tmpfs -o size={size} tmpfs "$1" || exit 99\n'
        'cp "$5" "$1/d.db" || exit 99\n'
        '"$2" -m parley build "$3" --db "$1/d.db"; code=$?\n'
        'cp "$1"/d.db* "$4"/; exit $code\n'
    )
    args = [str(disk), sys.executable, str(ARTICLES_DIR), str(out), str(stored)]
    return subprocess.run(
        ["unshare", "--mount", "--propagation", "private", "sh", "-c", script, "sh", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def _store_some(tmp_path: Path) -> tuple[Path, set[str]]:
    """A dossier of the sample's single-article files (not its feed), built on an ordinary disk."""
    some = tmp_path / "some"
    some.mkdir()
    for path in sorted(ARTICLES_DIR.iterdir()):
        if path.suffix in (".txt", ".html"):
            shutil.copy(path, some / path.name)
    db = tmp_path / "stored.db"
    subprocess.run(
        [sys.executable, "-m", "parley", "build", str(some), "--db", str(db)],
        capture_output=True,
        check=True,
    )
    from parley.store import open_store

    with open_store(db) as store:
        return db, set(store.article_ids())


def test_a_full_disk_is_one_line_and_exit_3_and_keeps_what_was_stored(tmp_path: Path):
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("mounting a small tmpfs needs root and unshare (CI runs as root)")
    stored, before = _store_some(tmp_path)
    assert 0 < len(before) < 10
    disk, out = tmp_path / "disk", tmp_path / "out"
    disk.mkdir()
    out.mkdir()
    result = _build_on_a_small_disk(stored, disk, out)
    if result.returncode == 99:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    assert result.returncode == 3, result.stderr[-2000:]
    assert result.stderr.strip() == f"Error: no space left on device while writing {disk}/d.db"

    from parley.store import open_store

    with open_store(out / "d.db") as store:
        kept = set(store.article_ids())
    assert before <= kept and len(kept) < 10
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
