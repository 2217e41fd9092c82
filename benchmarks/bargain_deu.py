"""DEU III backtest table: every model side by side on the same issues.

Prints MAE / median AE / hit rate for all usable issues and for the
pre-registered tune and held-out parts (benchmarks/deu3_split.json), with
equal, Council-vote and GDP capabilities. `--tune` re-runs the tuning of the
anchor model's pull and the EUM round count, on the tune part only.

Run: PYTHONPATH=src .venv/bin/python benchmarks/bargain_deu.py [--tune]
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from parley.bargain.backtest import backtest_deu, capabilities, split_mask, usable
from parley.bargain.eum import EumOptions
from parley.bargain.inputs import read_deu
from parley.bargain.models import run_batch

HERE = Path(__file__).resolve().parent
DEU = HERE.parent.parent / "shared" / "data" / "deu3" / "deu3.tsv"
SPLIT = HERE / "deu3_split.json"


def table() -> None:
    print("| capability | part | model | MAE | median AE | hit rate (<=10) | issues |")
    print("|---|---|---|---|---|---|---|")
    for cap in ("equal", "votes", "gdp"):
        for part in ("all", "tune", "held_out"):
            for s in backtest_deu(DEU, "all", cap, SPLIT, part):  # type: ignore[arg-type]
                print(
                    f"| {cap} | {part} | {s.model} | {s.mae:.2f} | {s.median_ae:.2f} "
                    f"| {s.hit_rate:.1%} | {s.issues} |"
                )


def tune() -> None:
    data = read_deu(DEU)
    mask = usable(data) & split_mask(data, SPLIT, "tune")
    t = data.table
    cap = capabilities(data, "equal").T[mask]
    args = (t.position.T[mask], t.salience.T[mask], cap, t.status_quo[mask])
    outcome = data.outcome[mask]
    for pull in np.arange(0.0, 1.01, 0.1):
        mae = np.mean(np.abs(run_batch("anchor", *args, pull=pull) - outcome))
        print(f"anchor pull={pull:.1f}: tune MAE {mae:.3f}")
    for rounds in (1, 3, 5):
        out = run_batch("eum", *args, options=EumOptions(rounds=rounds))
        print(f"eum rounds={rounds}: tune MAE {np.mean(np.abs(out - outcome)):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tune", action="store_true", help="re-run tuning on the tune part")
    if not DEU.exists():
        raise SystemExit(f"{DEU} not found: ../shared must sit beside the checkout")
    if parser.parse_args().tune:
        tune()
    else:
        table()


if __name__ == "__main__":
    main()
