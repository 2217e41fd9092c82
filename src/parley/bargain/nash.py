"""Nash bargaining solution over the actors' utilities.

Each actor's utility falls linearly with distance from its position,
u_i(x) = 1 - |x - x_i| / 100, and its bargaining power is capability x
salience, w_i. The forecast maximises the asymmetric Nash product
prod_i (u_i(x) - d_i) ** w_i over the 0-100 scale, where d_i is the utility of
the disagreement point:

- `disagreement="status_quo"` (default): d_i = u_i(status quo) where the
  status quo is known, else as `"worst"`. Only agreements that leave every
  counted actor better off than the status quo are feasible; when there are
  none, the forecast is the status quo itself (nobody can be bought in).
- `disagreement="worst"`: d_i = 0, the utility of the far end of the scale.

Actors that sit exactly on the status quo cannot gain from any agreement; they
are left out of the product (under majority voting they cannot block it).
The product is log-concave in x, so a grid search followed by one local
refinement finds the maximum to within 0.01 points.
"""

from __future__ import annotations

import logging
from typing import Literal

import numpy as np

from parley.bargain.compromise import weights

LOGGER = logging.getLogger(__name__)

Disagreement = Literal["status_quo", "worst"]
_CHUNK = 2048


def nash(
    position: np.ndarray,
    salience: np.ndarray,
    capability: np.ndarray,
    status_quo: np.ndarray | None = None,
    *,
    disagreement: Disagreement = "status_quo",
) -> np.ndarray:
    """Nash bargaining forecast per row of (batch, actors) arrays; NaN where no positions."""
    w = weights(position, salience, capability)
    sq = np.full(position.shape[0], np.nan) if status_quo is None else status_quo
    if disagreement == "worst":
        sq = np.full_like(sq, np.nan)
    out = np.empty(position.shape[0])
    for start in range(0, position.shape[0], _CHUNK):
        rows = slice(start, start + _CHUNK)
        out[rows] = _solve(position[rows], w[rows], sq[rows])
    return out


def _solve(x: np.ndarray, w: np.ndarray, sq: np.ndarray) -> np.ndarray:
    present = ~np.isnan(x)
    d = np.where(np.isnan(sq)[:, None], 0.0, 1 - np.abs(np.nan_to_num(x) - sq[:, None]) / 100)
    can_gain = present & (1 - d > 1e-12)
    w = np.where(can_gain, w, 0.0)
    w = np.where(w.sum(-1, keepdims=True) > 0, w, can_gain.astype(float))
    xs = np.nan_to_num(x)
    _, best = _search(xs, w, d, np.linspace(0.0, 100.0, 401)[None, :])
    fine = np.clip(best[:, None] + np.linspace(-0.25, 0.25, 51)[None, :], 0, 100)
    value, best = _search(xs, w, d, fine)
    fallback = np.where(np.isnan(sq), np.nanmean(np.where(present, x, np.nan), axis=-1), sq)
    result = np.where(np.isfinite(value), best, fallback)
    return np.where(present.any(-1), result, np.nan)


def _search(
    x: np.ndarray, w: np.ndarray, d: np.ndarray, grid: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Best value and grid point per row of sum_i w_i log(u_i(x) - d_i); -inf if a gain <= 0."""
    grid = np.broadcast_to(grid, (x.shape[0], grid.shape[-1]))
    gain = 1 - np.abs(grid[:, :, None] - x[:, None, :]) / 100 - d[:, None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(w[:, None, :] > 0, w[:, None, :] * np.log(np.maximum(gain, 0)), 0.0)
    objective = terms.sum(-1)
    k = np.argmax(objective, axis=-1)[:, None]
    return np.take_along_axis(objective, k, -1)[:, 0], np.take_along_axis(grid, k, -1)[:, 0]
