"""Forecast reports: every model's forecast per issue with intervals, as plain records.

The command line renders these; other callers can use `forecast_report`
directly and get `IssueForecast` records with `to_dict()` for JSON.
"""

from __future__ import annotations

import logging
import math
from dataclasses import asdict, dataclass, field

from parley.bargain.models import forecast, model_names
from parley.bargain.scenarios import Sensitivity, monte_carlo, sensitivity
from parley.bargain.table import PositionTable

LOGGER = logging.getLogger(__name__)


@dataclass
class IssueForecast:
    """One model's forecast for one issue, with its Monte Carlo interval and the inputs."""

    issue: str
    model: str
    forecast: float | None
    low: float | None = None
    high: float | None = None
    status_quo: float | None = None
    positions: dict[str, float] = field(default_factory=dict)
    drivers: list[dict[str, object]] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def forecast_report(
    table: PositionTable,
    model: str = "all",
    runs: int = 0,
    *,
    top: int = 3,
    seed: int = 0,
) -> list[IssueForecast]:
    """Forecast every issue with each model; with `runs` > 0 add 90% Monte Carlo intervals.

    Steps: expand `model` (`all` = every model); forecast; draw `runs` Monte
    Carlo samples; rank the `top` inputs that move each forecast most.
    """
    rows: list[IssueForecast] = []
    for name in model_names(model):
        point = forecast(table, name)
        interval = monte_carlo(table, name, runs, seed=seed) if runs > 0 else None
        drivers = _by_issue(sensitivity(table, name, top=top))
        for j, issue in enumerate(table.issues):
            rows.append(
                IssueForecast(
                    issue=issue,
                    model=name,
                    forecast=_num(point[j]),
                    low=_num(interval.low[j]) if interval else None,
                    high=_num(interval.high[j]) if interval else None,
                    status_quo=_num(table.status_quo[j]),
                    positions={
                        a: float(table.position[i, j])
                        for i, a in enumerate(table.actors)
                        if not math.isnan(table.position[i, j])
                    },
                    drivers=drivers.get(issue, []),
                )
            )
    return rows


def _by_issue(items: list[Sensitivity]) -> dict[str, list[dict[str, object]]]:
    out: dict[str, list[dict[str, object]]] = {}
    for s in items:
        out.setdefault(s.issue, []).append(
            {"actor": s.actor, "field": s.field, "shift": round(s.shift, 2)}
        )
    return out


def _num(value: float) -> float | None:
    return None if math.isnan(float(value)) else round(float(value), 2)
