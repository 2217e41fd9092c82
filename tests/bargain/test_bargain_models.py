"""Each model against values worked out by hand on small cases."""

from __future__ import annotations

import numpy as np
import pytest

from parley.bargain import PositionTable, forecast
from parley.bargain.eum import EumOptions, trace_issue


def table(positions, saliences, capability=None, status_quo=None) -> PositionTable:
    n = len(positions)
    return PositionTable.from_arrays(
        [f"a{i}" for i in range(n)],
        ["issue"],
        [[p] for p in positions],
        [[s] for s in saliences],
        capability,
        status_quo,
    )


def test_compromise_is_capability_salience_weighted_mean() -> None:
    # weights 2*50=100, 1*100=100, 1*50=50 -> (100*80 + 100*20 + 50*50) / 250 = 50
    t = table([80, 20, 50], [50, 100, 50], capability=[2, 1, 1])
    assert forecast(t, "compromise")[0] == pytest.approx(50.0)


def test_compromise_ignores_actors_without_position() -> None:
    t = table([10, np.nan, 40], [50, 100, 50])
    assert forecast(t, "compromise")[0] == pytest.approx(25.0)


def test_median_is_weighted_majority_position() -> None:
    # weights 10, 10, 30 -> the actor at 90 holds a majority on its own
    t = table([0, 50, 90], [10, 10, 30])
    assert forecast(t, "median")[0] == pytest.approx(90.0)


def test_median_splits_exact_tie_at_midpoint() -> None:
    t = table([20, 60], [50, 50])
    assert forecast(t, "median")[0] == pytest.approx(40.0)


def test_median_lower_tie_option() -> None:
    t = table([20, 60], [50, 50])
    assert forecast(t, "median", ties="lower")[0] == pytest.approx(20.0)


def test_nash_two_opposed_actors_split_by_power() -> None:
    # maximise 2 log(1 - x/100) + log(x/100): x = 100/3
    t = table([0, 100], [100, 50])
    assert forecast(t, "nash", disagreement="worst")[0] == pytest.approx(100 / 3, abs=0.02)


def test_nash_with_status_quo_between_opposed_actors_stays_put() -> None:
    t = table([0, 100], [50, 50], status_quo=[50])
    assert forecast(t, "nash")[0] == pytest.approx(50.0)


def test_nash_status_quo_on_one_side() -> None:
    # sq 0; gains (40 - x)/100 and x/100 on [20, 40] -> product max at x = 20
    t = table([20, 80], [50, 50], status_quo=[0])
    assert forecast(t, "nash")[0] == pytest.approx(20.0, abs=0.02)


def test_pair_probabilities_match_brute_force_votes() -> None:
    from parley.bargain.eum_round import _probabilities

    rng = np.random.default_rng(1)
    x, w = rng.uniform(0, 100, 7), rng.uniform(0, 5, 7)
    x[3] = x[5]  # a tie: neither wins votes against the other
    votes = np.array(
        [
            [
                sum(max(0.0, w[k] * (abs(x[k] - x[j]) - abs(x[k] - x[i]))) for k in range(7))
                for j in range(7)
            ]
            for i in range(7)
        ]
    )
    np.fill_diagonal(votes, 0.0)
    with np.errstate(invalid="ignore"):
        brute = np.nan_to_num(votes / (votes + votes.T))
    prob = np.empty((7, 7))
    _probabilities(x, np.ones(7, dtype=bool), w, False, prob)
    assert brute[3, 5] == 0 and np.allclose(prob, brute, rtol=0, atol=1e-12)
    _probabilities(x, np.ones(7, dtype=bool), w, True, prob)
    assert np.allclose(prob, votes / (2 * votes.sum()), rtol=0, atol=1e-12)


def test_eum_weak_actor_moves_towards_strong_bloc() -> None:
    # Two strong, salient actors at 100 and one weak actor at 0: only the weak
    # actor expects to lose a contest, so only it moves, and towards 100.
    trace = trace_issue(
        np.array([0.0, 100, 100]),
        np.array([10.0, 90, 90]),
        np.array([1.0, 10, 10]),
        EumOptions(rounds=1),
    )
    final = trace.positions[-1]
    assert 0 < final[0] <= 100 and list(final[1:]) == [100, 100]


def test_eum_equal_positions_never_move() -> None:
    trace = trace_issue(np.array([30.0, 30, 30]), np.array([50.0, 50, 50]), np.ones(3))
    assert all(not moves for moves in trace.moves)


def test_anchor_pulls_mean_towards_nearest_position() -> None:
    # mean of 0, 30, 100 with equal weights = 43.33; nearest held position 30
    t = table([0, 30, 100], [50, 50, 50])
    expected = 0.7 * (130 / 3) + 0.3 * 30
    assert forecast(t, "anchor", pull=0.3)[0] == pytest.approx(expected)


def test_unknown_model_names_valid_ones() -> None:
    from parley.errors import ParleyError

    with pytest.raises(ParleyError, match="valid: compromise, median, nash, eum, anchor"):
        forecast(table([0, 100], [50, 50]), "oracle")


def random_batch(rows: int, actors: int, seed: int = 3) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(seed)
    position = rng.uniform(0, 100, (rows, actors))
    position[rng.uniform(size=position.shape) < 0.2] = np.nan
    return position, rng.uniform(5, 100, position.shape), rng.uniform(1, 10, position.shape)


def test_eum_does_not_depend_on_chunking_or_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    from parley.bargain import eum as module

    p, s, c = random_batch(12, 9)
    whole = module.eum(p, s, c)
    monkeypatch.setattr(module, "_ROWS", 2)
    assert np.array_equal(module.eum(p, s, c, workers=2), whole, equal_nan=True)
