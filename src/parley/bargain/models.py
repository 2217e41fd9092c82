"""The model registry and `forecast`, the library entry point other stages call.

A model is a function `(position, salience, capability, status_quo) -> forecast`
over (batch, actors) arrays (NaN position = no position) returning (batch,).
`forecast` turns a `PositionTable` (actors x issues) into those arrays.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from parley.errors import ParleyError

if TYPE_CHECKING:
    import numpy as np

    from parley.bargain.table import PositionTable

LOGGER = logging.getLogger(__name__)

Model = Callable[..., "np.ndarray"]
MODEL_NAMES = ("compromise", "median", "nash", "eum", "anchor")


def get_model(name: str) -> Model:
    """The model function registered under `name`; raises `ParleyError` naming the valid ones."""
    from parley.bargain.anchor import anchor
    from parley.bargain.compromise import compromise
    from parley.bargain.eum import eum
    from parley.bargain.median import median
    from parley.bargain.nash import nash

    models: dict[str, Model] = {
        "compromise": compromise,
        "median": median,
        "nash": nash,
        "eum": eum,
        "anchor": anchor,
    }
    if name not in models:
        raise ParleyError(f"unknown model {name!r}; valid: {', '.join(MODEL_NAMES)}, all")
    return models[name]


def model_names(name: str) -> tuple[str, ...]:
    """Expand `all` to every model; check a single name."""
    if name == "all":
        return MODEL_NAMES
    get_model(name)
    return (name,)


def forecast(table: PositionTable, model: str = "compromise", **options: object) -> np.ndarray:
    """Forecast each issue of `table` with one model; returns (issues,) on the 0-100 scale.

    Issues where no actor takes a position give NaN. Extra keyword options go to
    the model (e.g. `options=EumOptions(rounds=5)` for `eum`, `ties="lower"`
    for `median`).

    Example:
        >>> t = PositionTable.from_arrays(["a", "b"], ["tax"], [[0], [100]], [[50], [100]])
        >>> float(forecast(t, "compromise")[0])
        66.66666666666667
    """
    return run_batch(
        model, table.position.T, table.salience.T, table.capability.T, table.status_quo, **options
    )


def run_batch(
    model: str,
    position: np.ndarray,
    salience: np.ndarray,
    capability: np.ndarray,
    status_quo: np.ndarray,
    **options: object,
) -> np.ndarray:
    """Run a model on arrays shaped (..., actors) with status quo (...,); any leading shape."""
    fn = get_model(model)
    lead = position.shape[:-1]
    n = position.shape[-1]
    out = fn(
        position.reshape(-1, n),
        salience.reshape(-1, n),
        capability.reshape(-1, n),
        status_quo.reshape(-1),
        **options,
    )
    return out.reshape(lead)
