"""Views a dossier may lack: stances, claims, outlet framing and forecasts.

Each reader returns `None` (and the dossier gets a note saying why) when the
data is not there: an older dossier without stance tables, a case without a
`positions` section, or a stage not installed. The pages then say "no stances
in this dossier" instead of failing.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from parley.errors import ParleyError

if TYPE_CHECKING:
    from parley.bargain.table import PositionTable
    from parley.case import Case
    from parley.present.report.dossier import Dossier
    from parley.store import Store

LOGGER = logging.getLogger(__name__)

PRIMARY_MODEL = "compromise"
"""The model the forecast chart shows; the table lists every model."""


@dataclass
class ForecastView:
    """Forecasts per issue and model, with the inputs they came from."""

    source: str
    table: PositionTable
    rows: list[dict[str, Any]]
    runs: int
    overrides: list[str] = field(default_factory=list)

    def primary(self, model: str = PRIMARY_MODEL) -> list[dict[str, Any]]:
        """One model's rows, in issue order."""
        return [r for r in self.rows if r["model"] == model]

    @property
    def models(self) -> list[str]:
        return list(dict.fromkeys(r["model"] for r in self.rows))


def attach(dossier: Dossier, store: Store, case: Case | None, *, runs: int) -> None:
    """Fill the dossier's optional views, noting why each missing one is missing."""
    for name, reader in (("stances", read_stances), ("claims", read_claims)):
        rows, note = _guarded(reader, store, case)
        setattr(dossier, name, rows)
        if note:
            dossier.notes[name] = note
    rows, note = _guarded(read_framing, store, case)
    dossier.framing = rows
    if note:
        dossier.notes["framing"] = note
    table, source = positions_table(store, case)
    if table is None:
        dossier.notes["forecast"] = source
    else:
        dossier.forecast = forecast_view(table, source, runs=runs, case=case)


def _guarded(reader: Any, store: Store, case: Case | None) -> tuple[Any, str | None]:
    """Run an optional reader; a missing stage or table becomes a note, not an error."""
    try:
        rows = reader(store, case)
    except (ImportError, AttributeError) as exc:
        LOGGER.info("%s unavailable: %s", reader.__name__, exc)
        return None, "this version of Parley does not compute this view yet"
    except Exception as exc:  # a dossier built before the view's tables existed
        from sqlalchemy.exc import SQLAlchemyError

        if not isinstance(exc, SQLAlchemyError | ParleyError):
            raise
        LOGGER.info("%s unavailable: %s", reader.__name__, exc)
        return None, "this dossier was built without this view; rebuild it to add it"
    if not rows:
        return None, None
    return rows, None


def read_stances(store: Store, case: Case | None) -> list[dict[str, Any]]:
    """Stance records (actor, issue, stance, evidence span) from the store."""
    from parley.analysis.stances import stance_timeline

    return list(stance_timeline(store))


def read_claims(store: Store, case: Case | None) -> list[dict[str, Any]]:
    """Claims with their corroborating and contradicting sources."""
    from parley.analysis.claims import claims

    return [_claim_row(c) for c in claims(store, case)]


def _claim_row(claim: dict[str, Any]) -> dict[str, Any]:
    """A claim with its backing statements as evidence links, one per article."""
    evidence = list({s["article_id"]: s for s in claim.get("statements") or []}.values())
    return {
        **claim,
        "evidence": evidence,
        "corroborating": len(claim.get("outlets") or []),
        "contradicting": len(claim.get("contradicted_by") or []) + bool(claim.get("conflict")),
    }


def read_framing(store: Store, case: Case | None) -> list[dict[str, Any]]:
    """Per outlet framing: how each outlet reports actors and issues."""
    from parley.analysis.framing import outlet_rows

    return outlet_rows(store)


# -- forecasts ----------------------------------------------------------------


def positions_table(store: Store | None, case: Case | None) -> tuple[PositionTable | None, str]:
    """Bargaining inputs: the case file's `positions` section, else positions from evidence.

    Returns (table, where it came from) or (None, why there is none).
    """
    if case is not None and "positions" in case.raw and case.path is not None:
        from parley.bargain import positions_from_case

        try:
            return positions_from_case(case.path), f"positions section of {case.path.name}"
        except ParleyError as exc:
            LOGGER.warning("cannot read positions: %s", exc)
            return None, f"the case file's positions section cannot be read: {exc}"
    if store is not None and case is not None:
        table, inputs = _evidence_positions(store, case)
        if table is not None:
            return table, f"positions estimated from the dossier's stances ({inputs})"
    if case is None:
        return None, "no case file given (use --case CASE.yaml to add issues and positions)"
    return None, "the case file has no positions section and the dossier has no stances"


def _evidence_positions(store: Store, case: Case) -> tuple[PositionTable | None, str]:
    """The table from evidence, and a sentence on what it rests on and what it lacks."""
    from parley.analysis.positions import case_inputs, evidence_positions

    try:
        table, citations = evidence_positions(store, case)
    except (ParleyError, ValueError, ImportError) as exc:
        LOGGER.info("no positions from evidence: %s", exc)
        return None, ""
    if table is None or not _has_positions(table):
        return None, ""
    inputs = case_inputs(citations, case)
    return table, (
        f"capabilities {inputs.capability_source}; status quo {inputs.status_quo_source}; "
        f"no evidence for {len(inputs.missing)} actor-issue pair(s)"
    )


def _has_positions(table: PositionTable) -> bool:
    return any(not math.isnan(v) for v in table.position.ravel())


def forecast_view(
    table: PositionTable,
    source: str,
    *,
    model: str = "all",
    runs: int = 200,
    overrides: list[str] | None = None,
    case: Case | None = None,
) -> ForecastView:
    """Forecast every issue with `model` (or all), with 90% Monte Carlo intervals.

    `overrides` are what-if changes (`ACTOR.ISSUE.salience=90`); a bad one
    raises `ParleyError` naming it.
    """
    from parley.analysis.positions import scale_reading
    from parley.bargain.report import forecast_report
    from parley.bargain.scenarios import apply_overrides

    changed = apply_overrides(table, list(overrides or []))
    scales = {i.id: i.scale for i in case.issues} if case is not None else {}
    rows = []
    for r in forecast_report(changed, model, runs):
        scale = scales.get(r.issue)
        reading = scale_reading(r.forecast, scale) if r.forecast is not None and scale else None
        rows.append(r.to_dict() | {"reading": reading})
    return ForecastView(
        source=source, table=changed, rows=rows, runs=runs, overrides=list(overrides or [])
    )


def input_value(table: PositionTable, actor: str, issue: str, field_name: str) -> float | None:
    """One input of the table (position, salience or capability), None where NaN."""
    value = float(getattr(table, field_name)[table.actor_index(actor), table.issue_index(issue)])
    return None if math.isnan(value) else value
