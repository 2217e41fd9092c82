"""`parley stances | positions | claims | outlets`: who wants what, who agrees, who tells it how."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any

import typer

from parley.present.cli.app import app
from parley.present.cli.options import (
    DEFAULT_DB,
    CaseOption,
    DbOption,
    LimitOption,
    actor_ids,
    case_of,
    check_id,
    issue_ids,
    names_of,
    reading,
    with_id,
)

if TYPE_CHECKING:
    from parley.case import Case
    from parley.store import Store

ActorOption = Annotated[str | None, typer.Option("--actor", help="Only this case actor id.")]
IssueOption = Annotated[str | None, typer.Option("--issue", help="Only this case issue id.")]


@app.command()
def stances(
    db: DbOption = DEFAULT_DB,
    actor: ActorOption = None,
    issue: IssueOption = None,
    limit: LimitOption = 0,
) -> None:
    """Show each actor's position timeline: its stances per issue in date order, with evidence.

    The date is the reported event's where the article gives one, else the
    publication date. "support" pushes the issue towards 100, "oppose" towards 0.

    Example: parley stances --db seeds.db --actor united_states --issue us_mediation
    """
    from parley.analysis.stances import stance_timeline
    from parley.labels import outlet_label
    from parley.present.render import print_table

    with reading(db) as store:
        check_id("actor", actor, actor_ids(store))
        check_id("issue", issue, issue_ids(store))
        if _no_stances(store, case_of(store, None), actor=actor, issue=issue):
            return
        names = names_of(store.case())
        rows = (
            {
                **row,
                "actor": with_id(names, row["actor"]),
                "issue": with_id(names, row["issue"]),
                "outlet": outlet_label(row["outlet"]),
            }
            for row in stance_timeline(store, actor=actor, issue=issue)
        )
        columns = [
            ("actor", "Actor", 24),
            ("issue", "Issue", 30),
            ("date", "Date", 10),
            ("stance", "Stance", 7),
            ("confidence", "Conf.", 5),
            ("evidence", "Evidence", 70),
            ("outlet", "Outlet", 22),
        ]
        print_table(rows, columns, title="Stances", limit=limit)


@app.command()
def positions(db: DbOption = DEFAULT_DB, case: CaseOption = None) -> None:
    """Show the actor-by-issue matrix of positions built from the stances, with evidence counts.

    Each cell reads `position (n)`: 0-100 from the balance of support and
    oppose, n stances behind it; `*` marks a position the case file sets.

    Example: parley positions --db seeds.db --case ../shared/cases/russia-ukraine-2025.yaml
    """
    from parley.analysis.positions import position_rows
    from parley.present.render import print_table

    with reading(db) as store:
        loaded = case_of(store, case)
        if _no_stances(store, loaded, explicit=_has_case_positions(loaded)):
            return
        rows = position_rows(store, loaded)
    issues = list(loaded.issue_ids) if loaded else sorted({r["issue"] for r in rows})
    actors = list(loaded.actor_ids) if loaded else sorted({r["actor"] for r in rows})
    names = names_of(loaded)
    cells = {(r["actor"], r["issue"]): _cell(r) for r in rows}
    matrix = [
        {"issue": names.get(i, i), "id": i, **{a: cells.get((a, i), "") for a in actors}}
        for i in issues
    ]
    columns = [
        ("issue", "Issue", 24),
        ("id", "Id", 24),
        *((a, names.get(a, a), 14) for a in actors),
    ]
    print_table(matrix, columns, title="Positions from evidence: position (stances)")


def _cell(row: dict[str, Any]) -> str:
    mark = "*" if row["origin"] == "case" else ""
    return f"{row['position']:.0f}{mark} ({row['evidence_count']})"


@app.command()
def claims(
    db: DbOption = DEFAULT_DB,
    case: CaseOption = None,
    contested: Annotated[
        bool, typer.Option("--contested", help="Only contradicted claims and corrections.")
    ] = False,
    limit: LimitOption = 0,
) -> None:
    """List claims made by several articles, with outlets, contradictions and one-outlet flags.

    Claims come from stances, from events that several articles report and from
    quoted words that several articles report; a conflict says where they
    disagree (another date, another speaker, other words).

    Example: parley claims --db seeds.db --contested
    """
    from parley.analysis.claims import claims as claim_rows
    from parley.present.render import print_table

    def rows() -> Iterator[dict[str, Any]]:
        for claim in claim_rows(store, loaded, contested=contested):
            yield {
                **claim,
                "n": len(claim["articles"]),
                "flag": "one outlet" if claim["single_outlet"] else "",
                "when": claim["first"] or "undated",
                "against": [*claim["contradicted_by"], *filter(None, [claim["conflict"]])],
            }

    with reading(db) as store:
        loaded = case_of(store, case)
        columns = [
            ("when", "Date", 10),
            ("kind", "Kind", 9),
            ("text", "Claim", 70),
            ("n", "Articles", 8),
            ("outlets", "Outlets", 30),
            ("flag", "Note", 10),
            ("against", "Contradicted by / conflict", 60),
        ]
        print_table(rows(), columns, title="Claims", limit=limit)


@app.command()
def outlets(db: DbOption = DEFAULT_DB) -> None:
    """Compare outlets side by side: whom their own voice blames and credits, whom they quote.

    Blame and credit count the frames whose agent is the writer ("a reckless
    move by X"); "reported" counts those the outlet reports others making ("Y
    blamed X"). Sources and quote shares come from the quotes.

    Example: parley outlets --db seeds.db
    """
    from parley.analysis.framing import outlet_rows
    from parley.present.render import print_table

    with reading(db) as store:
        frames = outlet_rows(store)
        names = names_of(store.case())
    rows = [
        {
            **f,
            "blames": _top(f["blames"], names=names),
            "credits": _top(f["credits"], names=names),
            "reported": _top(f["reported_blames"], names=names),
            "sources": _top(f["sources"], 4),
            "quote_share": ", ".join(
                f"{names.get(a, a)} {s:.0%}" for a, s in list(f["quote_share"].items())[:4]
            ),
        }
        for f in frames
    ]
    columns = [
        ("outlet", "Outlet", 24),
        ("articles", "Art.", 4),
        ("blames", "Blames (own voice)", 34),
        ("credits", "Credits (own voice)", 30),
        ("reported", "Blame reported", 30),
        ("sources", "Quotes most", 34),
        ("quotes", "Quotes", 6),
        ("quote_share", "Quote share by actor", 36),
    ]
    print_table(rows, columns, title="Outlets")


def _top(counts: dict[str, int], n: int = 3, names: dict[str, str] | None = None) -> str:
    return ", ".join(f"{(names or {}).get(k, k)} {v}" for k, v in list(counts.items())[:n])


def _has_case_positions(case: Case | None) -> bool:
    return bool(case is not None and (case.raw.get("positions") or {}).get("actors"))


def _no_stances(
    store: Store,
    case: Case | None,
    *,
    actor: str | None = None,
    issue: str | None = None,
    explicit: bool = False,
) -> bool:
    """Say so, and return True, when there is nothing to show (ids are checked before)."""
    from parley.analysis.coverage import HELP, stance_coverage
    from parley.store.stance_queries import stance_counts

    counts = stance_counts(store)
    if explicit or any((actor in (None, a)) and (issue in (None, i)) for a, i in counts):
        return False
    if counts:
        only = " and ".join(f"{k} {v}" for k, v in (("actor", actor), ("issue", issue)) if v)
        typer.echo(f"No stances for {only} in this dossier.")
        return True
    if case is None:
        typer.echo(f"No stances in this dossier: it was built without a case file. {HELP}")
        return True
    typer.echo("\n".join(stance_coverage(store, case).lines()))
    return True
