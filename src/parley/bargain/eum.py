"""Bueno de Mesquita's expected utility model, as read by Scholz, Calbert & Smith (2011).

Each round, for every ordered pair of actors (i challenges j):

1. Votes. Actor k's vote for x_i against x_j is c_k s_k (|x_k - x_j| - |x_k - x_i|);
   V_ij sums the positive votes. The sums over all k are computed for every
   pair at once from sorted cumulative weights (see `_pair_votes`), so a
   round costs O(n^2 log n), never O(n^3), and no Python loop runs over pairs.
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

Speed: every row (issue x Monte Carlo run) is independent, so rows are
batched as the leading array dimension and cut into cache-sized chunks; the
per-chunk masks and weights are built once and reused in every round, the
expected utilities are evaluated in place, and the vote search runs over
ascending queries. The float64 path evaluates every term in the order of the
first implementation, so its results are identical bit for bit (the
emission-standards trace depends on this: from round 6 offers that differ by
1e-14 decide who moves). `EumOptions(precision="float32")` runs the closed
forms of `eum_fast` instead, for Monte Carlo.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Literal

import numpy as np

from parley.bargain.compromise import weights
from parley.bargain.eum_fast import CAPITULATION, COMPROMISE, CONFLICT, fast_round
from parley.bargain.median import weighted_median

LOGGER = logging.getLogger(__name__)

_CELLS = 65_536  # pair cells per chunk: a (chunk, n, n) float64 array is 512 KB, cache-sized
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
    # "float64": the equations term by term, reproducible bit for bit.
    # "float32": the same round from closed forms in single precision
    # (`eum_fast`), for Monte Carlo runs where the last digits do not matter.
    # It covers q = 1, perspective "own" and probability "pair"; other
    # choices run in float64 whatever this says.
    precision: Literal["float64", "float32"] = "float64"

    def fast(self) -> bool:
        """Whether rounds run in `eum_fast` (float32 closed forms)."""
        return (
            self.precision == "float32"
            and self.q >= 1
            and self.perspective == "own"
            and self.probability == "pair"
        )

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

    Rows (issues x Monte Carlo runs) are processed in chunks of about `_CELLS`
    pair cells, so memory stays a few MB for any batch size and each round's
    arrays stay in the CPU cache. `workers` > 1 runs chunks in that many
    threads (NumPy releases the GIL inside its loops); results do not depend on it.
    """
    opts = options or EumOptions()
    step = max(1, _CELLS // max(1, position.shape[-1] ** 2))
    out = np.empty(position.shape[0])
    chunks = [slice(start, start + step) for start in range(0, position.shape[0], step)]

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


@dataclass(frozen=True)
class _Fixed:
    """Per-chunk arrays that stay the same in every round (computed once)."""

    present: np.ndarray  # (B, n) actor takes a position
    pair: np.ndarray  # (B, n, n) both present and i != j
    s: np.ndarray  # (B, n) salience on 0-1
    w: np.ndarray  # (B, n) capability x salience for the votes, 0 when absent
    s_res: np.ndarray  # whose salience resists i's challenge of j: (B, 1, n) or (B, n, 1)

    @classmethod
    def build(cls, present: np.ndarray, s: np.ndarray, c: np.ndarray, opt: EumOptions) -> _Fixed:
        pair = present[:, :, None] & present[:, None, :]
        pair &= ~np.eye(present.shape[1], dtype=bool)
        s_res = s[:, None, :] if opt.resistance == "target" else s[:, :, None]
        return cls(present, pair, s, np.where(present, c * s, 0.0), s_res)


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
    w = weights(position, salience, capability)
    if options.fast():
        x, s, c = (a.astype(np.float32) for a in (x, s, c))
    fixed = _Fixed.build(present, s, c, options)
    trace = EumTrace() if trace_row is not None else None
    for _ in range(options.rounds):
        # the median voter position enters only through U_b / U_w (Q < 1) and the trace
        mu = None
        if options.q < 1 or trace is not None:
            mu = weighted_median(np.where(present, x, np.nan), w)
        if trace is not None and mu is not None:
            trace.positions.append(x[trace_row].copy())
            trace.medians.append(float(mu[trace_row]))
        new, kind, proposer = _round(x, fixed, mu, options)
        if trace is not None:
            trace.moves.append(
                _moves(x[trace_row], new[trace_row], kind[trace_row], proposer[trace_row])
            )
        x = new
    xs = np.where(present, x, np.nan)
    if trace is not None:
        trace.positions.append(x[trace_row].copy())
        trace.medians.append(float(weighted_median(xs, w)[trace_row]))
    if options.outcome == "mean":
        total = w.sum(-1)
        with np.errstate(invalid="ignore", divide="ignore"):
            final = np.where(total > 0, (w * x).sum(-1) / total, np.nanmean(xs, -1))
        return np.where(present.any(-1), final, np.nan), trace
    return weighted_median(xs, w), trace


def _round(
    x: np.ndarray, fx: _Fixed, mu: np.ndarray | None, opt: EumOptions
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One round for all rows: new positions, the kind of offer taken (-1 none), its proposer."""
    if opt.fast():
        return fast_round(
            x,
            fx.present,
            fx.s,
            fx.w,
            target_resists=opt.resistance == "target",
            two_pass=opt.risk == "two_pass",
            priority=opt.offers == "priority",
            conflict_moves=opt.conflict == "loser_moves",
        )
    gap = x[:, None, :] - x[:, :, None]  # x_j - x_i
    dist = x[:, :, None] - x[:, None, :]
    np.abs(dist, out=dist)
    dist /= _span(x, fx.present)
    np.minimum(dist, 1.0, out=dist)  # absent rows exceed 1
    prob = _probability(_pair_votes(x, fx.w, fx.present), fx.pair, opt.probability)
    one_minus = 1 - prob
    lo = 0.5 * dist
    hi = lo + 0.5  # 0.5 + 0.5 d
    np.subtract(0.5, lo, out=lo)  # 0.5 - 0.5 d
    better = None if opt.q >= 1 else _better(x, gap, mu, fx.present)
    s_res = fx.s_res
    risk = np.ones_like(x)
    if opt.risk == "two_pass":
        u1 = {"s": 2 - 4 * lo, "f": 2 - 4 * hi, "sq": 0.0}
        if better is not None:
            u1.update(_better_worse(better, 1.0))
        risk = _risk(_eu(prob, one_minus, s_res, u1, better, opt.q), fx)
    u_own = _utilities(lo, hi, better, risk[:, :, None], opt.q)
    e_ij = _eu(prob, one_minus, s_res, u_own, better, opt.q)
    r_other = risk[:, :, None]
    u_other = u_own  # the perceiver's own exponent: j's utilities equal i's (d is symmetric)
    if opt.perspective == "each":
        r_other = risk[:, None, :]
        u_other = _utilities(lo, hi, better, r_other, opt.q)
    better_t = None if better is None else np.swapaxes(better, 1, 2)
    if better_t is not None:  # U_b/U_w depend on the challenger's distance to the median
        u_other = {**u_other, **_better_worse(better_t, r_other)}
    prob_t, one_minus_t = np.swapaxes(prob, 1, 2), np.swapaxes(one_minus, 1, 2)
    e_ji = _eu(prob_t, one_minus_t, np.swapaxes(s_res, 1, 2), u_other, better_t, opt.q)
    return _take_offers(x, gap, fx.pair, e_ij, e_ji, opt)


def _span(x: np.ndarray, present: np.ndarray) -> np.ndarray:
    """(B, 1, 1) range of the present positions of each row (1 where it is 0 or empty)."""
    xp = np.where(present, x, np.nan)
    span = np.nanmax(xp, -1, initial=-np.inf) - np.nanmin(xp, -1, initial=np.inf)
    return np.where(np.isfinite(span) & (span > 0), span, 1.0)[:, None, None]


def _better(
    x: np.ndarray, gap: np.ndarray, mu: np.ndarray | None, present: np.ndarray
) -> np.ndarray:
    """e[b, i, j] = (|x_i - mu| - |x_i - x_j|) / range, clipped to [-1, 1] (Q < 1 only)."""
    assert mu is not None
    dist = np.abs(x[:, :, None] - x[:, None, :])
    better = (np.abs(x - mu[:, None])[:, :, None] - dist) / _span(x, present)
    return np.clip(better, -1.0, 1.0)


def _pair_votes(x: np.ndarray, w: np.ndarray, present: np.ndarray) -> np.ndarray:
    """V[b, i, j]: the weighted votes for x_i over x_j, for all pairs at once.

    For lo = min(x_i, x_j) and mid = (x_i + x_j) / 2 the votes for the lower
    position are 2 [G(mid) - G(lo)] with G(t) = sum_k w_k max(0, t - x_k); the
    upper position's are the mirror image with H(t) = sum_k w_k max(0, x_k - t)
    = G(t) + sum_k w_k x_k - t sum_k w_k. G is piecewise linear, evaluated from
    sorted cumulative sums (`_Cumulative`), so a round is O(n^2 log n) per row
    and no Python loop runs over rows, actors or pairs.
    """
    g = _Cumulative(x, w, present)
    g_mid = g.at_mids()
    g_mid -= g(x)[:, :, None]
    xi, xj = x[:, :, None], x[:, None, :]
    upper = (xi - (xi + xj) / 2) * np.where(present, w, 0.0).sum(-1)[:, None, None]
    upper += g_mid
    votes = np.where(xi > xj, upper, g_mid)
    votes *= 2
    votes[xi == xj] = 0.0
    return votes


class _Cumulative:
    """G(t) = sum_k w_k max(0, t - x_k) per row, from sorted cumulative sums.

    Queries are located with one `searchsorted` over all rows at once: each
    row's sorted positions are shifted by a stride so rows do not mix.
    """

    def __init__(self, x: np.ndarray, w: np.ndarray, present: np.ndarray) -> None:
        b = x.shape[0]
        low = np.nanmin(np.where(present, x, np.nan)) if present.any() else 0.0
        top = np.where(present, x, -np.inf).max(-1, keepdims=True)
        top = np.where(np.isfinite(top), top, low)
        xs = np.where(present, x, top)  # absent actors weigh 0; park them at the top
        self.order = np.argsort(xs, axis=-1)
        self.xs = xs = np.take_along_axis(xs, self.order, -1)
        ws = np.take_along_axis(np.where(present, w, 0.0), self.order, -1)
        zero = np.zeros((b, 1), dtype=x.dtype)
        self.cw = np.concatenate([zero, np.cumsum(ws, -1)], -1).ravel()
        self.cwx = np.concatenate([zero, np.cumsum(ws * xs, -1)], -1).ravel()
        stride = (np.nanmax(np.where(present, x, np.nan)) - low + 1.0) if present.any() else 1.0
        self.low, self.offset = low, (np.arange(b) * stride)[:, None]
        self.flat = (xs - low + self.offset).ravel()
        self.shift = np.arange(b)[:, None]  # row r's cumulative sums start at r (n + 1)

    def __call__(self, t: np.ndarray) -> np.ndarray:
        """G at (B, m) query points t."""
        idx = np.searchsorted(self.flat, (t - self.low + self.offset).ravel(), side="left")
        idx = idx.reshape(t.shape)
        idx += self.shift
        return t * self.cw[idx] - self.cwx[idx]

    def at_mids(self) -> np.ndarray:
        """G((x_i + x_j) / 2) as (B, n, n) in the actors' order.

        The midpoints are built between sorted positions, so each row of
        queries is ascending and `searchsorted` walks the array in order
        (several times faster than random queries); the result is then put
        back in the actors' order. Values are the same either way.
        """
        b, n = self.xs.shape
        mids = (self.xs[:, :, None] + self.xs[:, None, :]) / 2
        g = self(mids.reshape(b, n * n)).reshape(b, n, n)
        rank = np.empty_like(self.order)
        np.put_along_axis(rank, self.order, np.arange(n)[None, :], -1)
        g = np.take_along_axis(g, rank[:, :, None], 1)
        return np.take_along_axis(g, rank[:, None, :], 2)


def _probability(votes: np.ndarray, pair: np.ndarray, mode: str) -> np.ndarray:
    """P[b, i, j]: probability that i wins a challenge against j."""
    votes = np.where(pair, votes, 0.0)
    if mode == "all_pairs":
        denom = 2 * votes.sum((-1, -2), keepdims=True)
    else:
        denom = votes + np.swapaxes(votes, 1, 2)
    with np.errstate(invalid="ignore", divide="ignore"):
        votes /= denom
    return np.where(denom > 0, votes, 0.0)


def _utilities(
    lo: np.ndarray, hi: np.ndarray, better: np.ndarray | None, r: np.ndarray, q: float
) -> dict[str, np.ndarray | float]:
    """U_s = 2 - 4 lo^r, U_f = 2 - 4 hi^r, U_sq (and U_b, U_w when Q < 1) for exponents r."""
    u: dict[str, np.ndarray | float] = {}
    for name, base in (("s", lo), ("f", hi)):
        v = base**r
        v *= -4
        v += 2
        u[name] = v
    u["sq"] = 2 - 4 * 0.5**r
    if better is not None and q < 1:
        u.update(_better_worse(better, r))
    return u


def _better_worse(better: np.ndarray, r: np.ndarray | float) -> dict[str, np.ndarray]:
    return {
        "b": 2 - 4 * (0.5 - 0.25 * np.abs(better)) ** r,
        "w": 2 - 4 * (0.5 + 0.25 * np.abs(better)) ** r,
    }


def _eu(
    prob: np.ndarray,
    one_minus: np.ndarray,
    s_res: np.ndarray,
    u: dict[str, np.ndarray | float],
    better: np.ndarray | None,
    q: float,
) -> np.ndarray:
    """Expected utility of challenging, step 3 of the module docstring.

    E = s_res [P U_s + (1 - P) U_f] + (1 - s_res) U_s - Q U_sq - (1 - Q) U_b|w,
    evaluated in this order (in place) so every round gives the same bits.
    """
    eu = prob * u["s"]
    eu += one_minus * u["f"]
    eu *= s_res
    eu += (1 - s_res) * u["s"]
    eu -= q * u["sq"]
    if better is not None and q < 1:
        eu -= (1 - q) * np.where(better > 0, u["b"], u["w"])
    return eu


def _risk(eu1: np.ndarray, fx: _Fixed) -> np.ndarray:
    """Risk exponents r_i from the danger pass (step 4)."""
    danger = np.where(fx.pair, eu1, 0.0).sum(axis=1)  # sum over challengers of E[a, i]
    hi = np.where(fx.present, danger, -np.inf).max(-1, keepdims=True)
    lo = np.where(fx.present, danger, np.inf).min(-1, keepdims=True)
    spread = hi - lo
    with np.errstate(invalid="ignore", divide="ignore"):
        big_r = np.where(spread > 0, (2 * danger - hi - lo) / spread, 0.0)
    big_r = np.where(fx.present, big_r, 0.0)
    return (1 - big_r / 3) / (1 + big_r / 3)


def _take_offers(
    x: np.ndarray,
    gap: np.ndarray,
    pair: np.ndarray,
    e_ij: np.ndarray,
    e_ji: np.ndarray,
    opt: EumOptions,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every receiver i takes one offer from some proposer j (step 5); returns new x, kind, j.

    An offer's key is how far it moves i, |target - x_i|; with
    `offers="priority"` a conflict offer (kind 0) comes before a compromise
    (1) before a capitulation (2).
    """
    xi = x[:, :, None]
    challenged = pair & (gap != 0) & (e_ji > 0)  # j expects to gain from challenging i
    conflict = challenged & (e_ij > 0) & (e_ji > e_ij)
    if opt.conflict == "none":
        conflict[...] = False
    upper_hand = challenged & (e_ij < 0)
    abs_ij = np.abs(e_ij)
    compromise = upper_hand & (e_ji > abs_ij)
    share = np.divide(abs_ij, e_ji, out=np.ones_like(e_ij), where=compromise)
    key = np.abs(gap)
    moved = gap * share
    moved += xi  # a compromise's target, x_i + (x_j - x_i) share
    moved -= xi
    np.copyto(key, np.abs(moved, out=moved), where=compromise)
    if opt.offers == "priority":
        key += 1e6 * compromise + 2e6 * (upper_hand & ~compromise)
    key[~(conflict | upper_hand)] = np.inf
    j = np.argmin(key, axis=-1)[:, :, None]

    def at_j(a: np.ndarray) -> np.ndarray:
        return np.take_along_axis(a, j, -1)[:, :, 0]

    took, is_comp = at_j(key) < np.inf, at_j(compromise)
    kind = np.where(at_j(conflict), CONFLICT, np.where(is_comp, COMPROMISE, CAPITULATION))
    target = np.where(is_comp, x + at_j(gap) * at_j(share), np.take_along_axis(x, j[:, :, 0], -1))
    return np.where(took, target, x), np.where(took, kind, -1), np.where(took, j[:, :, 0], -1)


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
