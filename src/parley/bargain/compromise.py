"""Compromise model: the capability x salience weighted mean of positions.

The baseline every other model has to beat (Achen 2006; Thomson et al. 2006).
An actor with no position (NaN) or no salience (NaN) carries no weight: this
reproduces the published DEU III figure of 23.64 (see docs/bargaining.md).
When every weight on an issue is zero the forecast is the plain mean of the
positions taken.
"""

from __future__ import annotations

import logging

import numpy as np

LOGGER = logging.getLogger(__name__)


def weights(position: np.ndarray, salience: np.ndarray, capability: np.ndarray) -> np.ndarray:
    """Capability x salience per actor, 0 where the actor takes no position or salience."""
    w = capability * salience
    return np.where(np.isnan(position) | np.isnan(w), 0.0, w)


def compromise(
    position: np.ndarray,
    salience: np.ndarray,
    capability: np.ndarray,
    status_quo: np.ndarray | None = None,
) -> np.ndarray:
    """Weighted mean position per row of (batch, actors) arrays; NaN for rows without positions.

    `status_quo` is accepted for a uniform model signature and not used.
    """
    w = weights(position, salience, capability)
    x = np.nan_to_num(position)
    total = w.sum(axis=-1)
    has = ~np.isnan(position)
    count = has.sum(axis=-1)
    plain = np.where(count > 0, x.sum(axis=-1) / np.maximum(count, 1), np.nan)
    with np.errstate(invalid="ignore", divide="ignore"):
        weighted = (w * x).sum(axis=-1) / total
    return np.where(total > 0, weighted, plain)
