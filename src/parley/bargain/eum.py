"""Bueno de Mesquita's expected utility model, as read by Scholz, Calbert & Smith (2011).

Each round, for every ordered pair of actors (i challenges j):

1. Votes. Actor k's vote for x_i against x_j is c_k s_k (|x_k - x_j| - |x_k - x_i|);
   V_ij sums the positive votes. The sums over all k come from sorted
   cumulative weights, so a round costs O(n^2) per issue, never O(n^3).
2. Probability of success P_ij = V_ij / (V_ij + V_ji) (`probability="pair"`,
   the paper's equation) or V_ij over the votes of all pairs
   (`probability="all_pairs"`, Scholz's program as re-implemented publicly).
3. Expected utility of i challenging j, with risk exponent r and the median
   voter position mu:
   E = s_res [P U_s + (1 - P) U_f] + (1 - s_res) U_s - Q U_sq - (1 - Q)[T U_b + (1 - T) U_w]
   with U_s = 2 - 4 (0.5 - 0.5 d)^r, U_f = 2 - 4 (0.5 + 0.5 d)^r, U_sq = 2 - 4 (0.5)^r,
   U_b / U_w = 2 -/+ ... (0.5 -/+ 0.25 |e|)^r, d = |x_i - x_j| / range,
   e = (|x_i - mu| - |x_i - x_j|) / range and T = 1 when e > 0 (j's position
   is better for i than the median) else 0.
4. Risk exponents in two passes: pass one with r = 1 gives each actor's
   danger (the sum of the others' expected utilities of challenging it);
   R_i = (2 danger_i - max - min) / (max - min) and r_i = (1 - R_i/3) / (1 + R_i/3);
   pass two recomputes the expected utilities with r_i.
5. Offers. Actor i, looking at j through its own eyes (E_ij: i challenges j;
   E_ji: j challenges i), finds itself in one region:
   conflict (both > 0), compromise (E_ji > 0 > E_ij and E_ji > |E_ij|: i moves
   towards x_j by the share |E_ij / E_ji|), capitulation (E_ji > 0 > E_ij and
   E_ji <= |E_ij|: i moves to x_j) or stalemate (both < 0: nothing). Every
   actor then takes one offer and all move at once.

The open choices are fields of `EumOptions`; each field's comment says the
default and why. The forecast is the weighted median of the final positions.

Speed: the round (`parley.bargain.eum_round.play_round`) is compiled with
Numba and runs row by row (each row an issue or a Monte Carlo draw) with no
(rows, n, n) array; the vote sums come from sorted cumulative weights walked
with one pointer, so a round costs O(n^2) per row after an O(n log n) sort.
Rows are cut into chunks that `workers` threads share (the compiled round
releases the GIL).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from parley.bargain.compromise import weights
from parley.bargain.eum_round import CAPITULATION, COMPROMISE, CONFLICT, play_round
from parley.bargain.median import weighted_median

LOGGER = logging.getLogger(__name__)

_ROWS = 256  # rows per chunk handed to a thread
OFFER_NAMES = {CONFLICT: "conflict", COMPROMISE: "compromise", CAPITULATION: "capitulation"}


@dataclass(frozen=True)
class EumOptions:
    """The choices the published equations leave open; defaults and reasons per field."""

    # Rounds of offers. Scholz shows the model never settles; 3 rounds was the
    # best of 1, 3, 5 on the DEU III tuning part (benchmarks/bargain_deu.py).
    rounds: int = 3
    # Probability the status quo holds when i does not challenge. Scholz's
    # Table 2 uses Q = 1.0, which also removes U_b/U_w, the least clear terms.
    q: float = 1.0
    # Whose salience is the probability that a challenge is resisted: the
    # target's ("target", BDM's text: j resists with probability s_j) or the
    # challenger's. Default follows the text.
    resistance: Literal["target", "challenger"] = "target"
    # "pair": P = V_ij / (V_ij + V_ji), the paper's equation (P_ij + P_ji = 1).
    # "all_pairs": divide by the votes of all pairs, as Scholz's program does;
    # it tracks Scholz's emission-standards medians (see `scholz()`) but
    # forecasts DEU III worse (MAE 34 against 28), so the default follows the paper.
    probability: Literal["pair", "all_pairs"] = "pair"
    # "smallest_move": the offer asking the smallest change of position,
    # whatever its kind (BDM's text). "priority": a conflict offer beats a
    # compromise beats a capitulation, then the smallest move (Scholz's program).
    offers: Literal["priority", "smallest_move"] = "smallest_move"
    # Whether a conflict moves the actor expecting to lose it to the winner's
    # position ("loser_moves", Scholz) or moves nobody ("none").
    conflict: Literal["loser_moves", "none"] = "loser_moves"
    # Whose risk exponent prices j's challenge of i in i's eyes: i's own
    # ("own", Scholz: everything is seen from the perceiver) or j's ("each").
    perspective: Literal["own", "each"] = "own"
    # "two_pass": risk exponents from the danger pass; "neutral": r = 1.
    risk: Literal["two_pass", "neutral"] = "two_pass"
    # The forecast: weighted median ("median") or weighted mean ("mean") of
    # the final positions. The median is BDM's reading of the outcome.
    outcome: Literal["median", "mean"] = "median"

    @classmethod
    def scholz(cls, rounds: int = 8) -> EumOptions:
        """Scholz's program as read publicly: all-pairs probability, offers by priority."""
        return cls(rounds=rounds, probability="all_pairs", offers="priority")


@dataclass
class EumTrace:
    """What happened in each round of one issue (batch row).

    positions[t] holds the positions before round t+1 (positions[0] are the
    inputs); `moves[t]` lists (receiver, proposer, kind, new position) for the
    offers taken in round t+1; `medians[t]` is the weighted median of positions[t].
    """

    positions: list[np.ndarray] = field(default_factory=list)
    medians: list[float] = field(default_factory=list)
    moves: list[list[tuple[int, int, str, float]]] = field(default_factory=list)


def eum(
    position: np.ndarray,
    salience: np.ndarray,
    capability: np.ndarray,
    status_quo: np.ndarray | None = None,
    *,
    options: EumOptions | None = None,
    workers: int = 1,
) -> np.ndarray:
    """Expected utility forecast per row of (batch, actors) arrays; saliences on 0-100.

    Rows (issues x Monte Carlo runs) are independent; `workers` > 1 runs
    chunks of `_ROWS` rows in that many threads. Results do not depend on it.
    """
    opts = options or EumOptions()
    out = np.empty(position.shape[0])
    chunks = [slice(start, start + _ROWS) for start in range(0, position.shape[0], _ROWS)]

    def run(rows: slice) -> None:
        out[rows], _ = simulate(position[rows], salience[rows], capability[rows], opts)

    if workers > 1 and len(chunks) > 1:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(workers) as pool:
            list(pool.map(run, chunks))
    else:
        for rows in chunks:
            run(rows)
    return out


def simulate(
    position: np.ndarray,
    salience: np.ndarray,
    capability: np.ndarray,
    options: EumOptions,
    trace_row: int | None = None,
) -> tuple[np.ndarray, EumTrace | None]:
    """Run the rounds for every row; return forecasts and, if asked, the trace of one row."""
    present = ~np.isnan(position)
    x = np.where(present, position, 0.0)
    s = np.where(present, np.nan_to_num(salience) / 100.0, 0.0)
    c = np.where(present, np.nan_to_num(capability), 0.0)
    votes = np.where(present, c * s, 0.0)  # capability x salience, the votes' weights
    w = weights(position, salience, capability)
    flags = np.array(
        [
            options.resistance == "target",
            options.probability == "all_pairs",
            options.offers == "priority",
            options.conflict == "loser_moves",
            options.perspective == "each",
            options.risk == "two_pass",
        ]
    )
    trace = EumTrace() if trace_row is not None else None
    kind = np.empty(x.shape, dtype=np.int64)
    proposer = np.empty(x.shape, dtype=np.int64)
    for _ in range(options.rounds):
        # the median voter position enters only through U_b / U_w (Q < 1) and the trace
        mu = np.zeros(x.shape[0])
        if options.q < 1 or trace is not None:
            mu = weighted_median(np.where(present, x, np.nan), w)
        if trace is not None and trace_row is not None:
            trace.positions.append(x[trace_row].copy())
            trace.medians.append(float(mu[trace_row]))
        new = np.empty_like(x)
        play_round(x, present, s, votes, mu, float(options.q), flags, new, kind, proposer)
        if trace is not None and trace_row is not None:
            trace.moves.append(
                _moves(x[trace_row], new[trace_row], kind[trace_row], proposer[trace_row])
            )
        x = new
    xs = np.where(present, x, np.nan)
    if trace is not None and trace_row is not None:
        trace.positions.append(x[trace_row].copy())
        trace.medians.append(float(weighted_median(xs, w)[trace_row]))
    if options.outcome == "mean":
        total = w.sum(-1)
        with np.errstate(invalid="ignore", divide="ignore"):
            final = np.where(total > 0, (w * x).sum(-1) / total, np.nanmean(xs, -1))
        return np.where(present.any(-1), final, np.nan), trace
    return weighted_median(xs, w), trace


def _moves(
    before: np.ndarray, after: np.ndarray, kind: np.ndarray, proposer: np.ndarray
) -> list[tuple[int, int, str, float]]:
    return [
        (i, int(proposer[i]), OFFER_NAMES[int(kind[i])], float(after[i]))
        for i in range(len(before))
        if kind[i] >= 0
    ]


def trace_issue(
    position: np.ndarray,
    salience: np.ndarray,
    capability: np.ndarray,
    options: EumOptions | None = None,
) -> EumTrace:
    """Round-by-round trace for one issue given (actors,) arrays: positions, medians, moves."""
    _, trace = simulate(
        position[None, :], salience[None, :], capability[None, :], options or EumOptions(), 0
    )
    assert trace is not None
    return trace
