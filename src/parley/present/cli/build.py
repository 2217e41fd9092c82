"""`parley build` and `parley demo`: make a dossier from articles."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from parley.present.cli.app import app
from parley.present.cli.options import DEFAULT_DB, CaseOption, DbOption, ManifestOption

if TYPE_CHECKING:
    from parley.build.engines import Engine
    from parley.case import Case
    from parley.store import Store


@app.command()
def build(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or folders of articles (read recursively).")
    ],
    case: CaseOption = None,
    manifest: ManifestOption = None,
    db: DbOption = DEFAULT_DB,
    workers: Annotated[
        int, typer.Option("--workers", "-w", help="Parse and extract in this many processes.")
    ] = 1,
    engine: Annotated[
        str,
        typer.Option("--engine", help="Where the work runs: local, or dask (needs --scheduler)."),
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786."),
    ] = None,
    follow_links: Annotated[
        bool,
        typer.Option(
            "--follow-links",
            help="Follow symbolic links that lead out of the folders given (skipped otherwise).",
        ),
    ] = False,
    rules: Annotated[
        Path | None,
        typer.Option(
            "--rules",
            help="Stance rules file refining the case "
            "(default: `<case stem>.rules.yaml` beside it).",
        ),
    ] = None,
) -> None:
    """Read articles, extract entities, quotes and events, and store them in a dossier.

    Articles already in the dossier are skipped, so re-running a build only adds
    what is new. Unreadable inputs are reported and skipped. Exit status: 0 nothing
    failed; 1 some inputs failed (or an error stopped the build); 2 no article was
    read (every input failed, or there was none); 3 the disk holding the dossier is
    full (what was stored is kept: free space and build again).

    Example: parley build ../shared/seeds --case ../shared/cases/russia-ukraine-2025.yaml
    --manifest ../shared/manifests/seeds.csv --db seeds.db
    """
    from parley.build import make_engine

    runner = make_engine(workers, engine, scheduler)
    raise typer.Exit(
        _run_build(
            [str(p) for p in paths],
            case,
            manifest,
            db,
            runner,
            rules,
            follow_links=follow_links,
        )
    )


@app.command()
def demo(
    db: Annotated[
        str, typer.Option("--db", help="Where to write the demo dossier.")
    ] = "parley-demo.db",
) -> None:
    """Build a dossier from the built-in sample articles and print its summary.

    Example: parley demo --db demo.db
    """
    from parley.present.cli.web import print_demo_report
    from parley.sample import ARTICLES_DIR, CASE_PATH, MANIFEST_PATH
    from parley.store import staged

    with staged(db) as target:  # a demo that crashes leaves no half-built dossier
        code = _run_build([str(ARTICLES_DIR)], CASE_PATH, MANIFEST_PATH, target, label=db)
    print_demo_report(db)
    raise typer.Exit(code)


def _run_build(
    paths: list[str],
    case_path: Path | None,
    manifest: Path | None,
    db: str,
    engine: Engine | None = None,
    rules: Path | None = None,
    label: str | None = None,
    follow_links: bool = False,
) -> int:
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from parley.build import build as run
    from parley.case import load_case
    from parley.present.render import (
        console,
        print_build_report,
        print_next_steps,
        print_summary,
    )
    from parley.sources import load_manifest
    from parley.store import open_store

    if rules is not None and case_path is None:
        raise typer.BadParameter("--rules refines a case: give --case too", param_hint="--rules")
    case = load_case(case_path, rules=rules) if case_path else None
    if manifest:
        load_manifest(manifest)  # fail early and clearly on a broken manifest
    with (
        open_store(db) as store,
        Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.completed} inputs"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        ) as progress,
    ):
        task = progress.add_task("Building", total=None)
        report = run(
            paths,
            store,
            case=case,
            manifest=manifest,
            engine=engine,
            on_article=lambda _s: progress.advance(task),
            follow_links=follow_links,
        )
        progress.stop()
        print_build_report(report)
        summary = store.summary()
        print_summary(summary, label or db)
        if case is not None:
            print_coverage(store, case)
    if summary["articles"]:
        print_next_steps(label or db)
    return report.exit_code


def print_coverage(store: Store, case: Case) -> None:
    """Which case actors and issues got no stance, and why."""
    from parley.analysis.coverage import stance_coverage
    from parley.present.render import say

    for line in stance_coverage(store, case).lines():
        say(line)
