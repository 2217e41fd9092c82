"""Backtests on DEU III: forecast each issue with an outcome and score the error.

Usable issues have an outcome and at least `MIN_ACTORS` actors with a
position (351 on the shipped copy). Capabilities: `equal` (1 each), `votes`
(Council votes in force when each proposal was decided: Amsterdam for the
1996-2000 proposals, Nice after; `data/council_votes.yaml`), or `gdp` (row 2
of the DEU file).
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import Literal

import numpy as np
import yaml

from parley.bargain.inputs import DeuData, read_deu
from parley.bargain.models import model_names, run_batch
from parley.errors import ParleyError

LOGGER = logging.getLogger(__name__)

MIN_ACTORS = 3
HIT_POINTS = 10.0
Capability = Literal["equal", "votes", "gdp"]
Part = Literal["all", "tune", "held_out"]


@dataclass(frozen=True)
class Score:
    """One model's errors on a set of issues."""

    model: str
    mae: float
    median_ae: float
    hit_rate: float
    issues: int
    part: str
    capability: str

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def council_votes() -> list[tuple[int, dict[str, float]]]:
    """Council vote tables as (first proposal year, votes per DEU actor code), oldest first.

    The Commission and Parliament get the largest member's votes in each table
    (see `data/council_votes.yaml` for the sources and the reason).
    """
    text = resources.files("parley.bargain").joinpath("data/council_votes.yaml").read_text()
    data = yaml.safe_load(text)
    tables = []
    for table in data["tables"].values():
        votes = {str(k): float(v) for k, v in table["votes"].items()}
        top = max(votes.values())
        votes.update({str(actor): top for actor in data["institutions"]})
        tables.append((int(table["first_proposal_year"]), votes))
    return sorted(tables, key=lambda t: t[0])


def proposal_year(prnr: str) -> int:
    """The year a DEU proposal was introduced, from its id: d98191 -> 1998, d160288 -> 2016."""
    match = re.match(r"[a-z]+(\d\d)", prnr)
    if match is None:
        raise ParleyError(
            f"DEU proposal id {prnr!r} does not start with letters and a 2-digit year"
        )
    year = int(match.group(1))
    return year + (1900 if year >= 50 else 2000)


def vote_capabilities(data: DeuData) -> np.ndarray:
    """(actors, issues) Council votes of the table in force for each issue's proposal.

    Actors with no votes in that table (not yet members) get 0.
    """
    tables = council_votes()
    actors = data.table.actors
    missing = [a for a in actors if not any(a in votes for _, votes in tables)]
    if missing:
        raise ParleyError(f"council_votes.yaml has no votes for {', '.join(missing)}")
    out = np.zeros(data.table.position.shape)
    for col, prnr in enumerate(data.proposal):
        year = proposal_year(prnr)
        votes = [v for first, v in tables if first <= year][-1] if year >= tables[0][0] else {}
        out[:, col] = [votes.get(a, 0.0) for a in actors]
    return out


def capabilities(data: DeuData, kind: Capability) -> np.ndarray:
    """(actors, issues) capabilities for the DEU actors."""
    shape = data.table.position.shape
    if kind == "equal":
        return np.ones(shape)
    if kind == "gdp":
        return np.repeat(data.gdp[:, None], shape[1], axis=1)
    if kind == "votes":
        return vote_capabilities(data)
    raise ParleyError(f"unknown capability {kind!r}; valid: equal, votes, gdp")


def usable(data: DeuData) -> np.ndarray:
    """Mask of issues with an outcome and at least `MIN_ACTORS` positions."""
    count = (~np.isnan(data.table.position)).sum(axis=0)
    return ~np.isnan(data.outcome) & (count >= MIN_ACTORS)


def split_mask(data: DeuData, split: Path | None, part: Part) -> np.ndarray:
    """Issues in the requested part of a pre-registered split file (all issues without one)."""
    if part == "all":
        return np.ones(len(data.proposal), dtype=bool)
    if split is None:
        raise ParleyError(f"--part {part} needs --split FILE (e.g. benchmarks/deu3_split.json)")
    try:
        chosen = set(json.loads(Path(split).read_text(encoding="utf-8"))[part])
    except (OSError, ValueError, KeyError) as exc:
        raise ParleyError(f"{split}: cannot read split part {part!r} ({exc})") from None
    return np.array([p in chosen for p in data.proposal])


def score(model: str, forecasts: np.ndarray, outcome: np.ndarray, part: str, cap: str) -> Score:
    """Mean and median absolute error and hit rate (within `HIT_POINTS`) of forecasts."""
    err = np.abs(forecasts - outcome)
    return Score(
        model=model,
        mae=round(float(np.mean(err)), 4),
        median_ae=round(float(np.median(err)), 4),
        hit_rate=round(float(np.mean(err <= HIT_POINTS)), 4),
        issues=len(err),
        part=part,
        capability=cap,
    )


def backtest_deu(
    path: str | Path,
    model: str = "all",
    capability: Capability = "equal",
    split: Path | None = None,
    part: Part = "all",
    **options: object,
) -> list[Score]:
    """Score each model on the usable DEU III issues (optionally one part of a split)."""
    data = read_deu(path)
    mask = usable(data) & split_mask(data, split, part)
    table = data.table
    cap = capabilities(data, capability)
    scores = []
    for name in model_names(model):
        opts = options if name == model else {}
        out = run_batch(
            name,
            table.position.T[mask],
            table.salience.T[mask],
            cap.T[mask],
            table.status_quo[mask],
            **opts,
        )
        scores.append(score(name, out, data.outcome[mask], part, capability))
    return scores
