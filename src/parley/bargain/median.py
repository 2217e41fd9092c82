"""Weighted median model: the position a capability x salience weighted majority prefers.

With single-peaked, symmetric preferences on one dimension, the weighted
median position beats every other position in a pairwise weighted vote (the
median voter theorem), so it is the Condorcet winner. When the cumulative
weight reaches exactly half at one position, the majority is indifferent
between it and the next position up; the forecast is then their midpoint
(`ties="midpoint"`, default, reproduces the published DEU III 28.37 to 0.02)
or the lower one (`ties="lower"`).
"""

from __future__ import annotations

import logging
from typing import Literal

import numpy as np

from parley.bargain.compromise import weights

LOGGER = logging.getLogger(__name__)

Ties = Literal["midpoint", "lower"]


def weighted_median(x: np.ndarray, w: np.ndarray, ties: Ties = "midpoint") -> np.ndarray:
    """Weighted median of each row of (batch, n) positions `x` (NaN = absent) with weights `w`.

    Rows whose weights are all zero use equal weights over present positions;
    rows without positions give NaN.
    """
    present = ~np.isnan(x)
    w = np.where(present, w, 0.0)
    w = np.where((w.sum(axis=-1, keepdims=True) > 0), w, present.astype(float))
    order = np.argsort(np.where(present, x, np.inf), axis=-1, kind="stable")
    xs = np.take_along_axis(x, order, axis=-1)
    ws = np.take_along_axis(w, order, axis=-1)
    cum = np.cumsum(ws, axis=-1)
    half = cum[..., -1:] / 2
    k = np.argmax(cum >= half * (1 - 1e-12), axis=-1)[..., None]
    low = np.take_along_axis(xs, k, axis=-1)[..., 0]
    if ties == "midpoint":
        at_half = np.isclose(np.take_along_axis(cum, k, axis=-1)[..., 0], half[..., 0])
        # the next position that carries weight, not a zero-weight actor in between
        nxt = np.argmax(cum > half * (1 + 1e-12), axis=-1)[..., None]
        up = np.take_along_axis(xs, nxt, axis=-1)[..., 0]
        up = np.where(np.isnan(up) | np.isinf(up), low, up)
        low = np.where(at_half, (low + up) / 2, low)
    return np.where(present.any(axis=-1), low, np.nan)


def median(
    position: np.ndarray,
    salience: np.ndarray,
    capability: np.ndarray,
    status_quo: np.ndarray | None = None,
    *,
    ties: Ties = "midpoint",
) -> np.ndarray:
    """Weighted median position per row of (batch, actors) arrays; `status_quo` is unused."""
    return weighted_median(position, weights(position, salience, capability), ties=ties)
