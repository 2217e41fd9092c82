"""Speed of the expected utility model: 100 actors, 50 issues, 1,000 Monte Carlo runs.

Times `scenarios.monte_carlo(table, "eum", runs)` (default options: 3 rounds,
two risk passes) in both precisions: `float64` (the equations term by term,
bit for bit) and `float32` (`eum_fast` closed forms, for Monte Carlo). Also
times a smaller batch at 10, 25, 50 and 100 actors to show how a run grows
with the number of actors (one round is O(n^2 log n) per issue). Prints wall
and CPU seconds and the machine's load average: other processes share the
cores, so wall time depends on them.

Run: PYTHONPATH=src .venv/bin/python benchmarks/bargain_eum_speed.py
         [--runs 1000] [--growth-runs 20] [--precision float32 float64] [--workers 1]
"""

from __future__ import annotations

import argparse
import os
import time

import numpy as np

from parley.bargain.eum import EumOptions
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


def timed(actors: int, issues: int, runs: int, precision: str, workers: int) -> tuple[float, float]:
    """(wall, CPU) seconds of one Monte Carlo forecast."""
    table = random_table(actors, issues)
    options = EumOptions(precision=precision)  # type: ignore[arg-type]
    wall, cpu = time.perf_counter(), time.process_time()
    monte_carlo(table, "eum", runs, options=options, workers=workers)
    return time.perf_counter() - wall, time.process_time() - cpu


def load() -> str:
    return "load average " + " ".join(f"{v:.1f}" for v in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=1000)
    parser.add_argument("--growth-runs", type=int, default=20)
    parser.add_argument("--precision", nargs="+", default=["float32", "float64"])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--skip-full", action="store_true")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores, {load()}, workers {args.workers}")
    for precision in args.precision:
        print(f"{precision}: growth (50 issues, {args.growth_runs} runs)")
        base = None
        for n in (10, 25, 50, 100):
            wall, cpu = timed(n, 50, args.growth_runs, precision, args.workers)
            base = base or cpu
            print(
                f"  {n:3d} actors: wall {wall:7.2f} s  cpu {cpu:7.2f} s"
                f"  ({cpu / base:5.1f}x the 10-actor cpu)  {load()}"
            )
    for precision in [] if args.skip_full else args.precision:
        wall, cpu = timed(100, 50, args.runs, precision, args.workers)
        print(
            f"{precision} full: 100 actors, 50 issues, {args.runs} runs: "
            f"wall {wall:.1f} s, cpu {cpu:.1f} s, {load()}"
        )


if __name__ == "__main__":
    main()
