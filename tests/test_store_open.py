"""Opening a dossier: read-only for reading commands, and clear errors for what is not one."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine

from parley.errors import StoreError
from parley.store import open_store, resolve_url
from parley.store.opening import migration_config
from tests.test_cli_build import BRIEF

READING = [
    ["articles"],
    ["quotes"],
    ["timeline"],
    ["check"],
    ["export", "quotes"],
    ["report", "--out", "{out}/report.html"],
]


def parley(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "parley", *args], capture_output=True, text=True)


@pytest.fixture(scope="module")
def dossier(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("built")
    (folder / "geneva.txt").write_text(BRIEF, encoding="utf-8")
    db = folder / "dossier" / "d.db"
    db.parent.mkdir()
    result = parley("build", str(folder / "geneva.txt"), "--db", str(db))
    assert result.returncode == 0, result.stderr
    return db


def _as_old_dossier(db: Path) -> None:
    """A dossier written by the release before the last migration."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(migration_config()).get_current_head()
    previous = ScriptDirectory.from_config(migration_config()).get_revision(head).down_revision
    engine = create_engine(resolve_url(db))
    with engine.begin() as conn:
        config = migration_config()
        config.attributes["connection"] = conn
        command.upgrade(config, str(previous))
    engine.dispose()


def _on_read_only_media(folder: Path, commands: list[list[str]]) -> list[tuple[int, str]]:
    """Run parley commands with `folder` bind-mounted read-only (in a private mount namespace)."""
    if os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("a read-only bind mount needs root and unshare (CI runs as root)")
    out = folder.parent / f"{folder.name}-out"
    out.mkdir(exist_ok=True)
    runs = "\n".join(
        f'"$2" -m parley {" ".join(args)} --db "$1/d.db" >"$3/{i}.out" 2>&1; echo $? >"$3/{i}.rc"'
        for i, args in enumerate(commands)
    ).replace("{out}", str(out))
    script = f'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" || exit 99\n{runs}\n'
    unshare = ["unshare", "--mount", "--propagation", "private", "sh", "-c", script, "sh"]
    result = subprocess.run(
        [*unshare, str(folder), sys.executable, str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    if result.returncode == 99:
        pytest.skip(f"cannot make a read-only bind mount here: {result.stderr.strip()}")
    return [
        (int((out / f"{i}.rc").read_text()), (out / f"{i}.out").read_text())
        for i in range(len(commands))
    ]


def test_every_reading_command_reads_a_dossier_on_read_only_media(dossier: Path):
    results = _on_read_only_media(dossier.parent, READING)
    assert [code for code, _ in results] == [0] * len(READING), results
    assert '"speaker": "Anna Lind"' in results[4][1]  # export quotes


def test_reading_opens_read_only_and_writes_nothing(dossier: Path):
    with open_store(dossier, create=False, readonly=True) as store:
        assert store.count("articles") == 1
        with pytest.raises(StoreError, match="read-only"):
            store.add_reject("x.txt", "a write through a read-only store")


def test_an_old_dossier_on_read_only_media_says_to_open_it_writable_once(tmp_path: Path):
    folder = tmp_path / "old"
    folder.mkdir()
    _as_old_dossier(folder / "d.db")
    [(code, output)] = _on_read_only_media(folder, [["articles"]])
    assert code == 1
    assert output.strip().startswith(f"Error: {folder / 'd.db'}: ")
    assert "open it once where it can be written" in output
    assert len(output.strip().splitlines()) == 1


def test_an_old_writable_dossier_is_upgraded_when_read(tmp_path: Path):
    _as_old_dossier(tmp_path / "d.db")
    result = parley("articles", "--db", str(tmp_path / "d.db"))
    assert result.returncode == 0, result.stderr
    with open_store(tmp_path / "d.db", create=False, readonly=True) as store:
        assert store.generation() == 0


@pytest.mark.parametrize("command", [["articles"], ["build", "{folder}"]])
def test_a_file_that_is_not_a_dossier_is_a_one_line_error(tmp_path: Path, command: list[str]):
    (tmp_path / "a.txt").write_text(BRIEF, encoding="utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_text("Shopping: bread, milk.\n", encoding="utf-8")
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    args = [a.replace("{folder}", str(tmp_path / "a.txt")) for a in command]
    for db, problem in (
        (notes, "not a dossier (not a database file)"),
        (other, "not a dossier (a database with other tables: recipes)"),
    ):
        before = db.read_bytes()
        result = parley(*args, "--db", str(db))
        assert result.returncode == 1
        assert result.stderr.strip() == f"Error: {db}: {problem}"
        assert db.read_bytes() == before


def test_an_empty_database_file_read_is_not_a_dossier(tmp_path: Path):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    with pytest.raises(StoreError, match=r"not a dossier \(an empty database\)"):
        open_store(empty, create=False, readonly=True)
