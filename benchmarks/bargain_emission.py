"""BDM's EC emission-standards example, round by round, against Scholz et al. (2011).

Prints the weighted median position before each round for the Scholz preset
(`EumOptions.scholz()`) and Parley's default options, next to Scholz's
published medians and an independent re-implementation's (from
../shared/data/bdm/README.md).

Run: PYTHONPATH=src .venv/bin/python benchmarks/bargain_emission.py
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np

from parley.bargain.eum import EumOptions, trace_issue

DATA = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "bdm" / "emission_standards_1994.csv"
)
SCHOLZ = [8.4, 9.9, 9.9, 9.9, 9.9, 7.4, 8.8, 9.6]
REIMPLEMENTATION = [8.42, 9.61, 9.96, 9.96, 9.96, 7.47, 8.82, 9.67]


def main() -> None:
    rows = list(csv.DictReader(DATA.open(encoding="utf-8")))
    names = [r["Actor"] for r in rows]
    x = np.array([float(r["Position"]) for r in rows])
    c = np.array([float(r["Capability"]) for r in rows])
    s = np.array([float(r["Salience"]) * 100 for r in rows])
    runs = {
        "scholz preset": trace_issue(x, s, c, EumOptions.scholz(rounds=8)),
        "parley default": trace_issue(x, s, c, EumOptions(rounds=8)),
    }
    print("| round | Scholz 2011 | re-implementation | " + " | ".join(runs) + " |")
    print("|---|---|---|" + "---|" * len(runs))
    for t in range(8):
        cells = " | ".join(f"{tr.medians[t + 1]:.2f}" for tr in runs.values())
        print(f"| {t + 1} | {SCHOLZ[t]} | {REIMPLEMENTATION[t]} | {cells} |")
    print("\nScholz preset, moves per round:")
    for t, moves in enumerate(runs["scholz preset"].moves, start=1):
        shown = "; ".join(f"{names[i]}<-{names[j]} {k} {p:.2f}" for i, j, k, p in moves)
        print(f"  round {t}: {shown}")


if __name__ == "__main__":
    main()
