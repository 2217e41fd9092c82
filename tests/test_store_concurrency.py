"""Several processes on one dossier: creating it, and building while views are refreshed."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

# Each process waits for the same moment, then opens (creates and migrates) the dossier.
OPEN_AT = """
import sys, time
from parley.store import open_store
time.sleep(max(0.0, float(sys.argv[2]) - time.time()))
with open_store(sys.argv[1]) as store:
    print(store.count("articles"))
"""


@pytest.mark.parametrize("attempt", range(3))
def test_processes_creating_the_same_new_dossier_all_succeed(db: str, attempt: int):
    start = time.time() + 4  # after every process has imported parley
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", OPEN_AT, db, str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    results = [(p.wait(timeout=120), *p.communicate()) for p in procs]
    assert [(code, out.strip()) for code, out, _err in results] == [(0, "0")] * 4, [
        err[-500:] for _c, _o, err in results
    ]
