"""Fixtures for the report and web app tests: dossiers, a live server, and the browser.

Browser tests drive Debian's /usr/bin/chromium through Playwright (never a
downloaded browser) and skip when it is missing. Servers bind 127.0.0.1 on a
free port and stop at the end of the session.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.web.helpers import CASE_PATH, fill_store

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


@pytest.fixture(scope="session")
def tiny_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Two invented articles with quotes and events, and a case with positions."""
    from parley.store import open_store

    db = str(tmp_path_factory.mktemp("tiny") / "tiny.db")
    with open_store(db) as store:
        fill_store(store)
    return db


@pytest.fixture(scope="session")
def tiny_case():
    from parley.case import load_case

    return load_case(CASE_PATH)


@pytest.fixture(scope="session")
def tiny_client(tiny_db: str, tiny_case):
    """A TestClient over the app on the tiny dossier."""
    from fastapi.testclient import TestClient

    from parley.present.web import create_app
    from parley.store import open_store

    with open_store(tiny_db, create=False) as store:
        yield TestClient(create_app(store, tiny_case, runs=50))


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The dossier `parley demo` builds from the built-in sample (about 15 s, once)."""
    from parley.build import build
    from parley.case import load_case
    from parley.sample import ARTICLES_DIR, MANIFEST_PATH
    from parley.sample import CASE_PATH as SAMPLE_CASE
    from parley.store import open_store

    db = str(tmp_path_factory.mktemp("demo") / "demo.db")
    with open_store(db) as store:
        build([ARTICLES_DIR], store, case=load_case(SAMPLE_CASE), manifest=MANIFEST_PATH)
    return db


@pytest.fixture(scope="session")
def demo_case():
    from parley.case import load_case
    from parley.sample import CASE_PATH as SAMPLE_CASE

    return load_case(SAMPLE_CASE)


@pytest.fixture(scope="session")
def demo_report(demo_db: str, demo_case, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample dossier's one-file report."""
    from parley.present.report import write_report
    from parley.store import open_store

    out = tmp_path_factory.mktemp("report") / "demo.html"
    with open_store(demo_db, create=False) as store:
        write_report(store, out, demo_case, runs=100)
    return out


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serving(app) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """Serve `app` with uvicorn on 127.0.0.1 in a thread; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def demo_server(demo_db: str, demo_case) -> Iterator[str]:
    """The app over the sample dossier, served by uvicorn on 127.0.0.1; yields its base URL."""
    from parley.present.web import create_app
    from parley.store import open_store

    with open_store(demo_db, create=False) as store:
        app = create_app(store, demo_case, runs=100)
        app.state.dossier.dossier()
        with serving(app) as url:
            yield url


@pytest.fixture(scope="session")
def hostile_server(hostile_db: str) -> Iterator[str]:
    """The app over the hostile dossier, on 127.0.0.1; yields its base URL."""
    from parley.present.web import create_app
    from parley.store import open_store

    with open_store(hostile_db, create=False) as store:
        app = create_app(store, store.case(), runs=20)
        with serving(app) as url:
            yield url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Launch Debian's chromium (from apt), never a downloaded browser; skip without it."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (./dev test installs it with apt)")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture
def screenshot(page):
    """Save a full-page screenshot under artifacts/screenshots/NAME.png."""

    def save(name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save
