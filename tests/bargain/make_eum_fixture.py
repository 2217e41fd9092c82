"""Write `fixtures/eum_regression.json`: expected utility forecasts and traces to keep.

The fixture holds the float64 forecasts of `parley.bargain.eum.eum` for
several sizes, seeds and option sets (random inputs with absent actors,
missing saliences and tied positions), and round-by-round traces of a few
rows. `test_eum_regression.py` checks today's code against it to 1e-9, so
a faster round must give the results the fixture was made with. Regenerate
only on purpose (a change of the model), never to make that test pass:

    PYTHONPATH=src .venv/bin/python tests/bargain/make_eum_fixture.py
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import numpy as np

from parley.bargain.eum import EumOptions, eum, trace_issue

FIXTURE = Path(__file__).parent / "fixtures" / "eum_regression.json"

# (actors, rows, seed); rows are issues x Monte Carlo draws, all independent.
SIZES = [(2, 30, 0), (3, 40, 1), (8, 60, 2), (25, 30, 3), (60, 8, 4), (100, 4, 5)]

OPTION_SETS: dict[str, dict[str, Any]] = {
    "default": {},
    "scholz": dataclasses.asdict(EumOptions.scholz()),
    "q_half": {"q": 0.5},
    "each": {"perspective": "each"},
    "challenger": {"resistance": "challenger"},
    "no_conflict_moves": {"conflict": "none"},
    "neutral_risk": {"risk": "neutral"},
    "mean_rounds5": {"outcome": "mean", "rounds": 5},
    "priority": {"offers": "priority"},
}


def inputs(actors: int, rows: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Random (rows, actors) inputs: some absent actors, some missing saliences, some ties."""
    rng = np.random.default_rng(seed)
    position = rng.uniform(0, 100, (rows, actors))
    tied = rng.random((rows, actors)) < 0.25
    position[tied] = np.round(position[tied] / 25) * 25
    position[rng.random((rows, actors)) < 0.1] = np.nan
    salience = rng.uniform(0, 100, (rows, actors))
    salience[rng.random((rows, actors)) < 0.05] = np.nan
    capability = rng.uniform(0.5, 10, (rows, actors))
    return position, salience, capability


def floats(values: np.ndarray) -> list[float | None]:
    return [None if np.isnan(v) else float(v) for v in np.asarray(values, dtype=float).ravel()]


def cases() -> list[dict[str, Any]]:
    out = []
    for name, fields in OPTION_SETS.items():
        options = EumOptions(**fields)
        for actors, rows, seed in SIZES:
            p, s, c = inputs(actors, rows, seed)
            forecast = eum(p, s, c, options=options)
            trace = trace_issue(p[0], s[0], c[0], options)
            out.append(
                {
                    "options": name,
                    "actors": actors,
                    "rows": rows,
                    "seed": seed,
                    "forecast": floats(forecast),
                    "trace_positions": [floats(x) for x in trace.positions],
                    "trace_medians": floats(np.array(trace.medians)),
                    "trace_moves": [[list(m) for m in moves] for moves in trace.moves],
                }
            )
    return out


def main() -> None:
    FIXTURE.write_text(json.dumps({"cases": cases()}, indent=None) + "\n", encoding="utf-8")
    print(f"wrote {FIXTURE}")


if __name__ == "__main__":
    main()
