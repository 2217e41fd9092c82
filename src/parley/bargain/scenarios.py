"""What-if overrides, Monte Carlo intervals and a sensitivity ranking.

Overrides use dotted paths (`--set` on the command line):

- `ACTOR.ISSUE.position=70`, `ACTOR.ISSUE.salience=90`, `ACTOR.ISSUE.capability=2`
- `ACTOR.capability=2` (every issue of that actor)
- `ISSUE.status_quo=40`
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

from parley.bargain.models import run_batch
from parley.bargain.table import PositionTable
from parley.errors import ParleyError

LOGGER = logging.getLogger(__name__)

ACTOR_ISSUE_FIELDS = ("position", "salience", "capability")


def apply_overrides(table: PositionTable, overrides: list[str]) -> PositionTable:
    """A copy of `table` with each `path=value` override applied; `ParleyError` on a bad one."""
    table = table.copy()
    for text in overrides:
        path, value = _split(text)
        try:
            _apply(table, path, value, text)
        except KeyError as exc:
            raise ParleyError(f"--set {text}: {exc.args[0]}") from None
    return table


def _split(text: str) -> tuple[list[str], float]:
    if "=" not in text:
        raise ParleyError(f"--set {text}: expected PATH=VALUE, e.g. united_states.capability=2")
    path, raw = text.split("=", 1)
    try:
        value = float(raw)
    except ValueError:
        raise ParleyError(f"--set {text}: {raw!r} is not a number") from None
    return path.strip().split("."), value


def _apply(table: PositionTable, path: list[str], value: float, text: str) -> None:
    if len(path) == 3 and path[2] in ACTOR_ISSUE_FIELDS:
        i, j = table.actor_index(path[0]), table.issue_index(path[1])
        _check(text, path[2], value)
        getattr(table, path[2])[i, j] = value
    elif len(path) == 2 and path[1] == "capability":
        _check(text, "capability", value)
        table.capability[table.actor_index(path[0]), :] = value
    elif len(path) == 2 and path[1] == "status_quo":
        _check(text, "status_quo", value)
        table.status_quo[table.issue_index(path[0])] = value
    else:
        raise ParleyError(
            f"--set {text}: unknown path; use ACTOR.ISSUE.(position|salience|capability), "
            "ACTOR.capability or ISSUE.status_quo"
        )


def _check(text: str, field: str, value: float) -> None:
    if field == "capability" and value <= 0:
        raise ParleyError(f"--set {text}: capability must be above 0")
    if field != "capability" and not 0 <= value <= 100:
        raise ParleyError(f"--set {text}: {field} must be between 0 and 100")


@dataclass(frozen=True)
class Interval:
    """Monte Carlo forecast per issue: the low and high quantiles and the mean of the draws."""

    low: np.ndarray
    high: np.ndarray
    mean: np.ndarray
    runs: int


def monte_carlo(
    table: PositionTable,
    model: str,
    runs: int = 1000,
    *,
    position_sd: float = 10.0,
    salience_sd: float = 10.0,
    level: float = 0.9,
    seed: int = 0,
    **options: object,
) -> Interval:
    """Draw every position and salience around its value (normal, clipped to 0-100) and forecast.

    Returns the central `level` interval of the forecasts per issue.
    """
    rng = np.random.default_rng(seed)
    pos = table.position.T[None]  # (1, issues, actors)
    sal = table.salience.T[None]
    shape = (runs, *pos.shape[1:])
    pos = np.clip(pos + rng.normal(0.0, position_sd, shape), 0, 100)
    sal = np.clip(sal + rng.normal(0.0, salience_sd, shape), 0, 100)
    cap = np.broadcast_to(table.capability.T, shape)
    sq = np.broadcast_to(table.status_quo, shape[:2])
    draws = run_batch(model, pos, sal, cap, sq, **options)  # (runs, issues)
    tail = (1 - level) / 2
    with np.errstate(all="ignore"):
        low, high = np.nanquantile(draws, [tail, 1 - tail], axis=0)
    return Interval(low=low, high=high, mean=np.nanmean(draws, axis=0), runs=runs)


@dataclass(frozen=True)
class Sensitivity:
    """One input that moves a forecast: who, what, and by how many points."""

    issue: str
    actor: str
    field: str
    shift: float


def sensitivity(
    table: PositionTable, model: str, *, delta: float = 10.0, top: int = 5, **options: object
) -> list[Sensitivity]:
    """Rank actor-issue inputs by how far a +/-`delta` change moves their issue's forecast.

    Every position and salience is moved up and down by `delta` (clipped to
    0-100) in one batch; the shift is the larger of the two moves. Returns the
    `top` inputs per issue, largest shift first.
    """
    base = run_batch(
        model, table.position.T, table.salience.T, table.capability.T, table.status_quo, **options
    )
    results: list[Sensitivity] = []
    n_act = len(table.actors)
    for field in ("position", "salience"):
        values = getattr(table, field).T  # (issues, actors)
        eye = np.eye(n_act)[:, None, :]  # (actors, 1, actors): perturb one actor per row
        moved = []
        for sign in (1.0, -1.0):
            trial = {
                f: np.broadcast_to(getattr(table, f).T, (n_act, *values.shape)).copy()
                for f in ("position", "salience", "capability")
            }
            trial[field] = np.clip(trial[field] + sign * delta * eye, 0, 100)
            sq = np.broadcast_to(table.status_quo, (n_act, len(table.issues)))
            out = run_batch(
                model, trial["position"], trial["salience"], trial["capability"], sq, **options
            )
            moved.append(np.abs(out - base[None, :]))  # (actors, issues)
        shift = np.fmax(*moved)
        for i, j in zip(*np.nonzero(~np.isnan(table.position)), strict=True):
            results.append(Sensitivity(table.issues[j], table.actors[i], field, float(shift[i, j])))
    ranked = sorted(results, key=lambda s: -s.shift)
    per_issue: dict[str, list[Sensitivity]] = {}
    for item in ranked:
        per_issue.setdefault(item.issue, [])
        if len(per_issue[item.issue]) < top:
            per_issue[item.issue].append(item)
    return [s for issue in table.issues for s in per_issue.get(issue, [])]
