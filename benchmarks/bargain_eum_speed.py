"""Speed of the expected utility model: 100 actors, 50 issues, 1,000 Monte Carlo runs.

Times `scenarios.monte_carlo(table, "eum", runs, workers=W)` (default
options: 3 rounds, two risk passes) on a random table, after one small run
that loads the compiled round. Also times a smaller batch at 10, 25, 50 and
100 actors to show how a run grows with the number of actors (one round is
O(n^2) per issue). Prints wall and CPU seconds and the machine's load
average: other processes share the cores, so wall time depends on them.

Run: PYTHONPATH=src .venv/bin/python benchmarks/bargain_eum_speed.py
         [--runs 1000] [--growth-runs 20] [--workers 2]
"""

from __future__ import annotations

import argparse
import os
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


def timed(actors: int, issues: int, runs: int, workers: int) -> tuple[float, float]:
    """(wall, CPU) seconds of one Monte Carlo forecast."""
    table = random_table(actors, issues)
    wall, cpu = time.perf_counter(), time.process_time()
    monte_carlo(table, "eum", runs, workers=workers)
    return time.perf_counter() - wall, time.process_time() - cpu


def load() -> str:
    return "load average " + " ".join(f"{v:.1f}" for v in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--growth-runs", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--skip-full", action="store_true")
    args = parser.parse_args()
    timed(10, 2, 2, 1)  # load the compiled round (compiled once, then cached on disk)
    print(f"{os.cpu_count()} cores, {load()}, workers {args.workers}")
    print(f"growth (50 issues, {args.growth_runs} runs)")
    base = None
    for n in (10, 25, 50, 100):
        wall, cpu = timed(n, 50, args.growth_runs, args.workers)
        base = base or cpu
        print(
            f"  {n:3d} actors: wall {wall:7.2f} s  cpu {cpu:7.2f} s"
            f"  ({cpu / base:5.1f}x the 10-actor cpu)  {load()}"
        )
    if not args.skip_full:
        wall, cpu = timed(100, 50, args.runs, args.workers)
        print(
            f"full: 100 actors, 50 issues, {args.runs} runs: "
            f"wall {wall:.1f} s, cpu {cpu:.1f} s, {load()}"
        )


if __name__ == "__main__":
    main()
