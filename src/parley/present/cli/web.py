"""`parley report` and `parley serve`: the dossier as one HTML file, or as a local web app."""

from __future__ import annotations

import errno
import ipaddress
import socket
from pathlib import Path
from typing import Annotated

import typer

from parley.present.cli.app import app
from parley.present.cli.options import DEFAULT_DB, CaseOption, DbOption, case_of, reading
from parley.present.web import MAX_RUNS

RunsOption = Annotated[
    int,
    typer.Option("--runs", help="Monte Carlo runs for the forecast intervals.", min=0, max=5000),
]
ServeRunsOption = Annotated[
    int,
    typer.Option(
        "--runs",
        help=f"Monte Carlo runs for each forecast and what-if (at most {MAX_RUNS}).",
        min=0,
        max=MAX_RUNS,
    ),
]


@app.command()
def report(
    db: DbOption = DEFAULT_DB,
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Where to write the HTML file.", dir_okay=False)
    ] = Path("dossier.html"),
    case: CaseOption = None,
    runs: RunsOption = 200,
) -> None:
    """Write the dossier as one self-contained HTML file (opens offline; can be emailed).

    Sections: summary, timeline, actors, quotes (searchable), stances, claims,
    outlets and forecasts; every fact links to its highlighted span in the
    article. With --case, the case's actors, issues and positions are added.

    Example: parley report --db seeds.db --case case.yaml --out dossier.html
    """
    from parley.present.render import say
    from parley.present.report import write_report

    with reading(db) as store:
        path = write_report(store, out, case_of(store, case), runs=runs)
    size = path.stat().st_size / 1e6
    say(f"Wrote {path} ({size:.1f} MB). Open it in a browser: {path.resolve().as_uri()}")


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    case: CaseOption = None,
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (127.0.0.1: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)
    ] = 8000,
    runs: ServeRunsOption = 200,
) -> None:
    """Serve the dossier as a read-only web app with a JSON API (schema at /openapi.json).

    Pages: timeline, actors, quotes, stances, claims, outlets, forecast with a
    what-if form, an article reader and full-text search, with filters by
    actor, issue, outlet and dates. Listens on this machine only unless --host
    says otherwise; a port in use is an error naming it. Stop it with Ctrl-C.

    Example: parley serve --db seeds.db --case case.yaml --port 8000
    """
    import uvicorn

    from parley.present.render import say
    from parley.present.web import create_app

    if not _is_loopback(host):
        warning = f" listening on {host}: other machines can read this dossier"
        say(("note", "yellow"), warning, err=True)
    with reading(db) as store:
        web = create_app(store, case_of(store, case), runs=runs)
        web.state.dossier.dossier()  # read it now: a broken dossier fails before listening
        with _listen(host, port) as sock:
            say(f"Serving {db} at http://{_url_host(host)}:{port}/ (Ctrl-C to stop)")
            uvicorn.Server(uvicorn.Config(web, log_level="warning")).run(sockets=[sock])


def _listen(host: str, port: int) -> socket.socket:
    """A socket bound to `host:port` and listening; a clear `ParleyError` when it cannot be."""
    from parley.errors import ParleyError

    where = f"cannot listen on {host}:{port}"
    try:
        family, kind, proto, _name, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except socket.gaierror as exc:
        raise ParleyError(f"{where}: unknown address ({exc.strerror}); check --host") from None
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
    try:
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        raise ParleyError(f"{where}: {_bind_problem(exc, port)}") from None
    return sock


def _bind_problem(exc: OSError, port: int) -> str:
    other = port + 1 if port < 65535 else port - 1
    if exc.errno == errno.EADDRINUSE:
        return f"the port is in use; try another one with --port {other}"
    if exc.errno == errno.EACCES:
        return "permission denied (ports below 1024 need root); try --port 8000"
    if exc.errno == errno.EADDRNOTAVAIL:
        return "this machine has no such address; check --host"
    return exc.strerror or str(exc)


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def print_demo_report(db: str) -> None:
    """Write `parley-demo.html` beside the demo dossier and say how to open it and the app."""
    from parley.present.render import say
    from parley.present.report import write_report

    folder = Path.cwd() if "://" in db else Path(db).resolve().parent
    out = folder / "parley-demo.html"
    with reading(db) as store:
        write_report(store, out, store.case())
    say("Report: ", (str(out), "bold"), f" (open {out.as_uri()} in a browser)")
    say("App: ", (f"parley serve --db {db}", "bold"), " then open http://127.0.0.1:8000/")
