"""`parley serve` as a user starts it: a busy port is one clear line; "Serving" means listening."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request

from tests.web.conftest import free_port


def serve(db: str, port: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "parley", "serve", "--db", db, "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_busy_port_is_one_line_naming_it(tiny_db):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = serve(tiny_db, port)
        try:
            out, err = process.communicate(timeout=60)
        finally:
            process.kill()
    assert process.returncode == 1
    assert "Serving" not in out
    assert err.strip().splitlines() == [
        f"Error: cannot listen on 127.0.0.1:{port}: the port is in use; "
        f"try another one with --port {port + 1}"
    ]


def test_serving_is_printed_once_the_port_listens(tiny_db):
    port = free_port()
    process = serve(tiny_db, port)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # blocks until the command says it serves
        assert line.startswith(f"Serving {tiny_db} at http://127.0.0.1:{port}/")
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass  # connecting right after the line works: the port already listens
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/summary") as response:
                    assert response.status == 200
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
    finally:
        process.terminate()
        process.wait(timeout=20)
