"""`parley forecast` and `parley backtest deu`: bargaining forecasts and their backtests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from parley.present.cli.app import app
from parley.present.cli.options import DEFAULT_DB, DbOption, case_of, reading

ModelOption = Annotated[
    str,
    typer.Option("--model", "-m", help="compromise, median, nash, eum, anchor, or all."),
]
FormatOption = Annotated[str, typer.Option("--format", help="table or json.")]

backtest_app = typer.Typer(
    help="Score the bargaining models against recorded outcomes.", no_args_is_help=True
)
app.add_typer(backtest_app, name="backtest")


@app.command()
def forecast(
    case: Annotated[
        Path | None,
        typer.Option("--case", help="Case file with a 'positions' section.", dir_okay=False),
    ] = None,
    table: Annotated[
        Path | None,
        typer.Option(
            "--table",
            help="CSV/TSV: actor, issue, position, salience[, capability].",
            dir_okay=False,
        ),
    ] = None,
    model: ModelOption = "all",
    set_: Annotated[
        list[str] | None,
        typer.Option(
            "--set",
            help="What-if override, e.g. china.capability=2 or "
            "united_states.sanctions_on_russia.salience=90 (repeatable).",
        ),
    ] = None,
    runs: Annotated[
        int,
        typer.Option("--runs", help="Monte Carlo runs for the 90% interval (0: none).", min=0),
    ] = 200,
    trace: Annotated[
        str | None,
        typer.Option("--trace", help="Print the expected utility model's rounds for this issue."),
    ] = None,
    fmt: FormatOption = "table",
    from_evidence: Annotated[
        bool,
        typer.Option(
            "--from-evidence",
            help="Build positions and saliences from the dossier's stances (--db); the case "
            "file's explicit positions override them.",
        ),
    ] = False,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Forecast where each issue lands, per model, with the actors' positions for context.

    Each forecast reads as a place on the issue's scale (its labelled points);
    the interval is a 90% Monte Carlo interval (200 runs unless --runs says
    otherwise). With --from-evidence the inputs come from the dossier's stances:
    the command lists the evidence behind each input, the actor-issue pairs with
    no evidence, and where capabilities and status quo came from.

    Example: parley forecast --case case.yaml --model all --set china.capability=2 --runs 1000
    """
    from parley.bargain.inputs import positions_from_case, read_table
    from parley.bargain.report import forecast_report
    from parley.bargain.scenarios import apply_overrides
    from parley.case import load_case
    from parley.errors import ParleyError

    inputs, case_file = None, None
    if from_evidence:
        if table is not None:
            raise ParleyError("--from-evidence builds the table from the dossier: drop --table")
        evidence = _evidence_table(db, case)
        if evidence is None:
            return
        data, inputs, case_file = evidence
    elif (case is None) == (table is None):
        raise ParleyError("give exactly one of --case FILE or --table FILE (or --from-evidence)")
    else:
        data = positions_from_case(case) if case else read_table(table)  # type: ignore[arg-type]
        case_file = load_case(case) if case else None
    data = apply_overrides(data, set_ or [])
    if trace:
        _print_trace(data, trace)
        return
    rows = forecast_report(data, model, runs)
    if fmt == "json":
        forecasts = [_with_reading(r.to_dict(), case_file) for r in rows]
        if inputs is not None:
            typer.echo(json.dumps({"forecasts": forecasts, **inputs.to_dict()}, indent=2))
        else:
            typer.echo(json.dumps(forecasts, indent=2))
        return
    _check_format(fmt)
    if inputs is not None:
        _print_inputs(inputs)
    _print_forecasts(rows, case_file, runs)


def _evidence_table(db: str, case_path: Path | None) -> tuple[Any, Any, Any] | None:
    """Positions built from the dossier's stances with their inputs, or None (said why)."""
    from parley.analysis.coverage import stance_coverage
    from parley.analysis.positions import case_inputs, evidence_positions
    from parley.errors import ParleyError

    with reading(db) as store:
        case = case_of(store, case_path)
        if case is None:
            raise ParleyError(f"{db} was built without a case file: give --case FILE")
        table, citations = evidence_positions(store, case)
        if not citations:
            typer.echo("No forecast from evidence: no stance gives a position.")
            typer.echo("\n".join(stance_coverage(store, case).lines()))
            return None
        return table, case_inputs(citations, case), case


def _print_inputs(inputs: Any) -> None:
    """Which evidence each input came from, the pairs with none, capability and status quo."""
    from parley.present.render import print_table

    rows = []
    for citation in inputs.citations:
        row = citation.to_dict()
        first = row["evidence"][0] if row["evidence"] else None
        row["n"] = len(row["evidence"])
        row["first"] = _span_label(first) if first else ""
        rows.append(row)
    columns = [
        ("actor", "Actor", 14),
        ("issue", "Issue", 24),
        ("position", "Position", 8),
        ("salience", "Salience", 8),
        ("origin", "From", 8),
        ("n", "Evidence", 8),
        ("first", "First evidence (article:start-end)", 40),
    ]
    print_table(rows, columns, title="Inputs and their evidence")
    have = {c.issue for c in inputs.citations}
    by_issue: dict[str, list[str]] = {}
    for actor, issue in inputs.missing:
        by_issue.setdefault(issue, []).append(actor)
    if by_issue:
        typer.echo(f"No evidence for {len(inputs.missing)} actor-issue pair(s) (left out):")
        for issue, actors in by_issue.items():
            typer.echo(f"  {issue}: {', '.join(actors)}")
    silent = [i for i in dict.fromkeys(i for _a, i in inputs.missing) if i not in have]
    if silent:
        typer.echo(f"No forecast for issues with no evidence at all: {', '.join(silent)}.")
    typer.echo(f"Capabilities: {inputs.capability_source}.")
    typer.echo(f"Status quo: {inputs.status_quo_source}.\n")


def _span_label(span: dict[str, Any]) -> str:
    if span.get("article_id") is None:
        return span.get("source") or "case file"
    return f"{span['article_id']}:{span['start']}-{span['end']}"


@backtest_app.command("deu")
def backtest_deu(
    path: Annotated[
        Path, typer.Argument(help="The DEU III TSV (../shared/data/deu3/deu3.tsv).", dir_okay=False)
    ],
    model: ModelOption = "all",
    capability: Annotated[
        str,
        typer.Option(
            "--capability",
            help="equal, votes (Council votes in force when each proposal was decided) or gdp.",
        ),
    ] = "equal",
    split: Annotated[
        Path | None,
        typer.Option("--split", help="Pre-registered split file (JSON).", dir_okay=False),
    ] = None,
    part: Annotated[str, typer.Option("--part", help="all, tune or held_out.")] = "all",
    fmt: FormatOption = "table",
) -> None:
    """Mean and median absolute error and hit rate (within 10 points) per model on DEU III.

    Uses issues with an outcome and at least three actors. With --split, scores
    only one part (--part held_out by default when a split is given).

    Example: parley backtest deu ../shared/data/deu3/deu3.tsv --capability votes
    """
    from parley.bargain.backtest import backtest_deu as run

    if split is not None and part == "all":
        part = "held_out"
    scores = run(path, model, capability, split, part)  # type: ignore[arg-type]
    if fmt == "json":
        typer.echo(json.dumps([s.to_dict() for s in scores], indent=2))
        return
    _check_format(fmt)
    from parley.present.render import print_table

    rows = [
        {
            "model": s.model,
            "mae": f"{s.mae:.2f}",
            "median": f"{s.median_ae:.2f}",
            "hits": f"{s.hit_rate:.1%}",
            "issues": s.issues,
        }
        for s in scores
    ]
    columns = [
        ("model", "model", None),
        ("mae", "MAE", None),
        ("median", "median AE", None),
        ("hits", "hit rate", None),
        ("issues", "issues", None),
    ]
    print_table(rows, columns, title=f"DEU III backtest ({capability} capabilities, part: {part})")


def _check_format(fmt: str) -> None:
    from parley.errors import ParleyError

    if fmt != "table":
        raise ParleyError(f"unknown --format {fmt!r}; valid: table, json")


def _print_forecasts(rows: list, case: Any, runs: int) -> None:  # type: ignore[type-arg]
    from parley.present.render import print_table, say

    columns = [
        ("model", "model", None),
        ("forecast", "forecast", None),
        ("interval", f"90% interval ({runs} runs)" if runs else "interval", None),
        ("status_quo", "status quo", None),
        ("drivers", "moved most by", None),
    ]
    for issue in dict.fromkeys(r.issue for r in rows):
        mine = [r for r in rows if r.issue == issue]
        scale = _scale(case, issue)
        table = [
            {
                "model": r.model,
                "forecast": _reading(r.forecast, scale),
                "interval": f"{r.low:.1f}-{r.high:.1f}" if r.low is not None else "-",
                "status_quo": _fmt(r.status_quo) if r.status_quo is not None else "unknown",
                "drivers": ", ".join(_driver(d) for d in r.drivers),
            }
            for r in mine
        ]
        print_table(table, columns, title=_issue_title(case, issue))
        if scale:
            say("scale: " + "; ".join(f"{p}: {label}" for p, label in sorted(scale.items())))
        positions = ", ".join(f"{a} {p:g}" for a, p in mine[0].positions.items())
        say(f"positions: {positions}\n")


def _driver(driver: dict[str, Any]) -> str:
    return f"{driver['actor']}.{driver['field']} ({driver['shift']})"


def _scale(case: Any, issue: str) -> dict[int, str]:
    if case is None or issue not in case.issue_ids:
        return {}
    return dict(next(i for i in case.issues if i.id == issue).scale)


def _issue_title(case: Any, issue: str) -> str:
    if case is None or issue not in case.issue_ids:
        return issue
    label = next(i for i in case.issues if i.id == issue).label
    return f"{issue}: {label}" if label else issue


def _reading(value: float | None, scale: dict[int, str]) -> str:
    from parley.analysis.positions import scale_reading

    return "-" if value is None else scale_reading(value, scale)


def _with_reading(row: dict[str, Any], case: Any) -> dict[str, Any]:
    from parley.analysis.positions import scale_reading

    value, scale = row.get("forecast"), _scale(case, str(row["issue"]))
    return row | {"reading": scale_reading(value, scale) if value is not None else None}


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def _print_trace(data, issue: str) -> None:  # type: ignore[no-untyped-def]
    from parley.bargain.eum import trace_issue
    from parley.errors import ParleyError

    try:
        j = data.issue_index(issue)
    except KeyError as exc:
        raise ParleyError(str(exc.args[0])) from None
    result = trace_issue(data.position[:, j], data.salience[:, j], data.capability[:, j])
    for t, positions in enumerate(result.positions):
        shown = ", ".join(f"{a} {p:.1f}" for a, p in zip(data.actors, positions, strict=True))
        typer.echo(f"round {t}: median {result.medians[t]:.2f} | {shown}")
        for receiver, proposer, kind, new in result.moves[t] if t < len(result.moves) else []:
            typer.echo(
                f"  {data.actors[receiver]} <- {data.actors[proposer]}: {kind}, moves to {new:.1f}"
            )
