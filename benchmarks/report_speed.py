"""Size and opening time of the seeds report in headless Chromium (targets: < 5 MB, < 2 s).

Builds the seeds dossier (unless --db is given), writes its report, then opens
the file `--runs` times in Debian's /usr/bin/chromium and prints, per run and
as medians:

- load: navigation start to the load event (the whole document parsed and
  painted: every section, quote and article readable);
- fcp: first contentful paint;
- charts: until every Plotly chart is drawn (plotly.js is unpacked and run
  after the page shows).

Run: .venv/bin/python benchmarks/report_speed.py [--db seeds.db] [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
MAX_BYTES = 5_000_000
MAX_SECONDS = 2.0


def build_seeds(folder: Path) -> str:
    from parley.build import build
    from parley.case import load_case
    from parley.store import open_store

    db = str(folder / "seeds.db")
    with open_store(db) as store:
        build(
            [SHARED / "seeds"],
            store,
            case=load_case(SHARED / "cases" / "russia-ukraine-2025.yaml"),
            manifest=SHARED / "manifests" / "seeds.csv",
        )
    return db


def write(db: str, out: Path) -> Path:
    from parley.case import load_case
    from parley.present.report import write_report
    from parley.store import open_store

    with open_store(db, create=False) as store:
        return write_report(store, out, load_case(SHARED / "cases" / "russia-ukraine-2025.yaml"))


def measure(path: Path, runs: int) -> list[dict[str, float]]:
    from playwright.sync_api import sync_playwright

    timings = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _ in range(runs):
            page = browser.new_page()
            started = time.perf_counter()
            page.goto(path.as_uri(), wait_until="load")
            page.wait_for_function(
                "document.querySelectorAll('[data-figure]').length === "
                "document.querySelectorAll('[data-ready]').length",
                timeout=60_000,
            )
            charts = time.perf_counter() - started
            nav = page.evaluate(
                "(() => { const n = performance.getEntriesByType('navigation')[0];"
                " const p = performance.getEntriesByName('first-contentful-paint')[0];"
                " return [n.loadEventEnd, p ? p.startTime : NaN]; })()"
            )
            timings.append({"load": nav[0] / 1000, "fcp": nav[1] / 1000, "charts": charts})
            page.close()
        browser.close()
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an existing seeds dossier (default: build one)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if not (SHARED / "seeds").is_dir():
        print("../shared/seeds is missing: nothing to measure", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or build_seeds(Path(tmp))
        path = write(db, Path(tmp) / "seeds.html")
        size = path.stat().st_size
        timings = measure(path, args.runs)
    for i, t in enumerate(timings, 1):
        print(f"run {i}: load {t['load']:.2f} s, fcp {t['fcp']:.2f} s, charts {t['charts']:.2f} s")
    med = {k: statistics.median(t[k] for t in timings) for k in ("load", "fcp", "charts")}
    print(f"size: {size / 1e6:.2f} MB (target < {MAX_BYTES / 1e6:.0f} MB)")
    print(
        f"median: load {med['load']:.2f} s, first paint {med['fcp']:.2f} s, "
        f"all charts drawn {med['charts']:.2f} s (target: opens < {MAX_SECONDS:.0f} s)"
    )
    return 0 if size < MAX_BYTES and med["load"] < MAX_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
