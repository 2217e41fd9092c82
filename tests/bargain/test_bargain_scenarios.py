"""What-if overrides, Monte Carlo intervals and sensitivity."""

from __future__ import annotations

import numpy as np
import pytest

from parley.bargain import PositionTable, forecast
from parley.bargain.scenarios import apply_overrides, monte_carlo, sensitivity
from parley.errors import ParleyError


@pytest.fixture
def small() -> PositionTable:
    return PositionTable.from_arrays(
        ["a", "b", "c"], ["x", "y"], [[0, 10], [100, 20], [50, np.nan]], [[50, 50]] * 3
    )


def test_override_salience_changes_forecast(small: PositionTable) -> None:
    moved = apply_overrides(small, ["b.x.salience=100"])
    # weights 50, 100, 50 -> (0 + 10000 + 2500) / 200
    assert forecast(moved, "compromise")[0] == pytest.approx(62.5)


def test_override_actor_capability_applies_to_every_issue(small: PositionTable) -> None:
    moved = apply_overrides(small, ["a.capability=3"])
    assert list(moved.capability[0]) == [3, 3]


def test_override_leaves_original_untouched(small: PositionTable) -> None:
    apply_overrides(small, ["a.capability=3"])
    assert small.capability[0, 0] == 1


def test_override_unknown_actor_lists_valid_ids(small: PositionTable) -> None:
    with pytest.raises(ParleyError, match="unknown actor 'z'; valid: a, b, c"):
        apply_overrides(small, ["z.capability=2"])


def test_override_out_of_range(small: PositionTable) -> None:
    with pytest.raises(ParleyError, match="salience must be between 0 and 100"):
        apply_overrides(small, ["a.x.salience=120"])


def test_monte_carlo_interval_brackets_forecast(small: PositionTable) -> None:
    band = monte_carlo(small, "compromise", runs=300, seed=1)
    point = forecast(small, "compromise")
    assert np.all(band.low <= point) and np.all(point <= band.high)


def test_monte_carlo_without_noise_has_zero_width(small: PositionTable) -> None:
    band = monte_carlo(small, "median", runs=20, position_sd=0, salience_sd=0)
    assert np.allclose(band.low, band.high)


def test_sensitivity_ranks_the_pivotal_input_first() -> None:
    # weights 25 and 75: moving b's position by 10 moves the mean by 7.5, a's by 2.5
    t = PositionTable.from_arrays(["a", "b"], ["y"], [[10], [20]], [[25], [75]])
    top = sensitivity(t, "compromise")[0]
    assert (top.actor, top.field, top.shift) == ("b", "position", pytest.approx(7.5))
