"""Anchored compromise: Parley's own model.

The compromise forecast (capability x salience weighted mean) pulled part of
the way towards the actor position nearest to it:

    forecast = (1 - pull) * mean + pull * nearest_position(mean)

Why: legislative outcomes tend to land on a formula some actor actually put on
the table, while the weighted mean often falls between proposals that nobody
holds. The pull is the only tuned number.
"""

from __future__ import annotations

import logging

import numpy as np

from parley.bargain.compromise import compromise

LOGGER = logging.getLogger(__name__)

# Tuned on the DEU III tuning part only (benchmarks/deu3_split.json), grid
# 0.0-1.0 step 0.1, equal capabilities; re-run `benchmarks/bargain_deu.py --tune`.
PULL = 0.3


def anchor(
    position: np.ndarray,
    salience: np.ndarray,
    capability: np.ndarray,
    status_quo: np.ndarray | None = None,
    *,
    pull: float = PULL,
) -> np.ndarray:
    """Anchored compromise per row of (batch, actors) arrays; `status_quo` is unused."""
    mean = compromise(position, salience, capability)
    gap = np.abs(position - mean[:, None])
    gap = np.where(np.isnan(gap), np.inf, gap)
    j = np.argmin(gap, axis=-1)
    nearest = np.take_along_axis(position, j[:, None], axis=-1)[:, 0]
    return np.where(np.isnan(mean), np.nan, (1 - pull) * mean + pull * nearest)
