"""Speed of the expected utility model: 100 actors, 50 issues, 1,000 Monte Carlo runs.

Also times a smaller batch at 10, 25, 50 and 100 actors to show how a run grows
with the number of actors (one round is O(n^2 log n) per issue).

Run: PYTHONPATH=src .venv/bin/python benchmarks/bargain_eum_speed.py [--runs 1000]
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from parley.bargain.scenarios import monte_carlo
from parley.bargain.table import PositionTable


def random_table(actors: int, issues: int, seed: int = 0) -> PositionTable:
    rng = np.random.default_rng(seed)
    return PositionTable.from_arrays(
        [f"a{i}" for i in range(actors)],
        [f"i{j}" for j in range(issues)],
        rng.uniform(0, 100, (actors, issues)),
        rng.uniform(10, 100, (actors, issues)),
        rng.uniform(1, 10, actors),
    )


def timed(actors: int, issues: int, runs: int) -> float:
    table = random_table(actors, issues)
    start = time.perf_counter()
    monte_carlo(table, "eum", runs)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--growth-runs", type=int, default=20)
    args = parser.parse_args()
    print(f"growth (50 issues, {args.growth_runs} runs):")
    base = None
    for n in (10, 25, 50, 100):
        seconds = timed(n, 50, args.growth_runs)
        base = base or seconds
        print(f"  {n:3d} actors: {seconds:7.2f} s  ({seconds / base:5.1f}x the 10-actor time)")
    seconds = timed(100, 50, args.runs)
    print(f"full: 100 actors, 50 issues, {args.runs} runs: {seconds:.1f} s")


if __name__ == "__main__":
    main()
