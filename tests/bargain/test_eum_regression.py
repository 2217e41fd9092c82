"""The expected utility model gives the results recorded in `fixtures/eum_regression.json`.

The fixture was written by `make_eum_fixture.py` with the first float64
implementation; any faster round must reproduce it to 1e-9 (forecasts,
positions after each round, and every move: who, from whom, which kind).
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from parley.bargain.eum import EumOptions, eum, trace_issue
from tests.bargain.make_eum_fixture import FIXTURE, OPTION_SETS, floats, inputs

CASES = json.loads(FIXTURE.read_text(encoding="utf-8"))["cases"]


def close(got: list[float | None], want: list[float | None]) -> bool:
    a = np.array([np.nan if v is None else v for v in got])
    b = np.array([np.nan if v is None else v for v in want])
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=0, atol=1e-9, equal_nan=True))


def test_fixture_covers_every_option_set_and_size():
    assert {c["options"] for c in CASES} == set(OPTION_SETS)
    assert max(c["actors"] for c in CASES) == 100
    assert sum(len(m) for c in CASES for moves in [c["trace_moves"]] for m in moves) > 50


@pytest.mark.parametrize(
    "case", CASES, ids=[f"{c['options']}-{c['actors']}x{c['rows']}" for c in CASES]
)
def test_forecasts_and_traces_match_the_fixture(case):
    options = EumOptions(**OPTION_SETS[case["options"]])
    p, s, c = inputs(case["actors"], case["rows"], case["seed"])
    assert close(floats(eum(p, s, c, options=options)), case["forecast"])
    trace = trace_issue(p[0], s[0], c[0], options)
    assert len(trace.positions) == len(case["trace_positions"])
    for got, want in zip(trace.positions, case["trace_positions"], strict=True):
        assert close(floats(got), want)
    assert close(floats(np.array(trace.medians)), case["trace_medians"])
    for got_moves, want_moves in zip(trace.moves, case["trace_moves"], strict=True):
        assert [m[:3] for m in got_moves] == [tuple(m[:3]) for m in want_moves]
        assert close([m[3] for m in got_moves], [m[3] for m in want_moves])
