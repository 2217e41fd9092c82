"""One round of the expected utility model, compiled with Numba: the model's only round.

`play_round` runs steps 1-5 of `parley.bargain.eum`'s docstring for every
row (issue x Monte Carlo draw) of (rows, actors) arrays, one row at a time,
with O(n) scratch per row besides one (n, n) table of probabilities:

- Votes for every pair from sorted cumulative weights: walking the actors in
  ascending position, the midpoint (x_i + x_j) / 2 only grows with j, so one
  pointer finds G(mid) for every pair in O(n^2) per row.
- The danger pass accumulates each target's danger as it goes; the offers
  pass evaluates E_ij and E_ji for each (receiver, proposer) pair and keeps
  the receiver's best offer, so no (n, n) array of utilities exists.

Every expression keeps the operand order of the equations as first written
with NumPy arrays, including NumPy's pairwise summation where that version
summed along a row; powers are exp(r log b), with the logs shared by the two
members of a pair. Results agree with that version to about 1e-12 (the
regression fixture in `tests/bargain/` holds its results; it is checked to
1e-9). Only a decision that hinges on a difference of 1e-14 between two
offers can go the other way, as it can between two machines whose `pow`
differs in the last bit.
"""

from __future__ import annotations

import math

import numpy as np
from numba import njit

CONFLICT, COMPROMISE, CAPITULATION = 0, 1, 2


@njit(cache=True, nogil=True, error_model="numpy")
def pairwise_sum(a: np.ndarray) -> float:
    """Sum of a 1-d array in NumPy's order (pairwise, eight accumulators per block of 128)."""
    n = a.size
    if n < 8:
        res = 0.0
        for i in range(n):
            res += a[i]
        return res
    if n <= 128:
        r = a[:8].copy()
        i = 8
        while i < n - n % 8:
            for k in range(8):
                r[k] += a[i + k]
            i += 8
        res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
        while i < n:
            res += a[i]
            i += 1
        return res
    half = n // 2
    half -= half % 8
    return pairwise_sum(a[:half]) + pairwise_sum(a[half:])


@njit(cache=True, nogil=True, error_model="numpy")
def _eu(
    p: float,
    resist: float,
    u_s: float,
    u_f: float,
    u_sq: float,
    q: float,
    better: float,
    u_b: float,
    u_w: float,
) -> float:
    """E = s_res [P U_s + (1 - P) U_f] + (1 - s_res) U_s - Q U_sq - (1 - Q) U_b|w."""
    eu = p * u_s
    eu += (1 - p) * u_f
    eu *= resist
    eu += (1 - resist) * u_s
    eu -= q * u_sq
    if q < 1:
        eu -= (1 - q) * (u_b if better > 0 else u_w)
    return eu


@njit(cache=True, nogil=True, error_model="numpy")
def _better(x: np.ndarray, i: int, j: int, mu: float, span: float) -> float:
    """e_ij = (|x_i - mu| - |x_i - x_j|) / range, clipped to [-1, 1] (Q < 1 only)."""
    e = (abs(x[i] - mu) - abs(x[i] - x[j])) / span
    return min(max(e, -1.0), 1.0)


@njit(cache=True, nogil=True, error_model="numpy")
def _span(x: np.ndarray, present: np.ndarray) -> float:
    hi, lo = -np.inf, np.inf
    for i in range(x.size):
        if present[i]:
            hi = max(hi, x[i])
            lo = min(lo, x[i])
    span = hi - lo
    return span if np.isfinite(span) and span > 0 else 1.0


@njit(cache=True, nogil=True, error_model="numpy")
def _probabilities(
    x: np.ndarray, present: np.ndarray, w: np.ndarray, all_pairs: bool, prob: np.ndarray
) -> None:
    """prob[i, j]: the chance that i wins a challenge against j (0 unless both are present).

    V_ij, the votes for x_i over x_j, from G(t) = sum_k w_k max(0, t - x_k):
    2 [G(mid) - G(x_i)] for the lower position and that plus 2 (x_i - mid) W
    for the upper, W = sum_k w_k.
    """
    n = x.size
    prob[:, :] = 0.0
    order = np.argsort(np.where(present, x, np.inf), kind="mergesort")
    m = int(present.sum())
    xs = np.empty(m)
    cw = np.zeros(m + 1)
    cwx = np.zeros(m + 1)
    first = np.empty(m, dtype=np.int64)  # first sorted index with the same position
    for a in range(m):
        k = order[a]
        xs[a] = x[k]
        cw[a + 1] = cw[a] + w[k]
        cwx[a + 1] = cwx[a] + w[k] * x[k]
        first[a] = a if a == 0 or xs[a - 1] < xs[a] else first[a - 1]
    total = 0.0 + pairwise_sum(w)
    g_at = np.empty(m)
    for a in range(m):
        g_at[a] = xs[a] * cw[first[a]] - cwx[first[a]]
    for a in range(m):
        i = order[a]
        k = first[a]
        for b in range(a + 1, m):
            j = order[b]
            if xs[a] == xs[b]:
                continue
            mid = (xs[a] + xs[b]) / 2
            while k < m and xs[k] < mid:
                k += 1
            g_mid = mid * cw[k] - cwx[k]
            prob[i, j] = (g_mid - g_at[a]) * 2  # votes for the lower position
            prob[j, i] = ((xs[b] - mid) * total + (g_mid - g_at[b])) * 2
    if all_pairs:
        denom = 2 * (0.0 + pairwise_sum(prob.ravel()))
        for i in range(n):
            for j in range(n):
                prob[i, j] = prob[i, j] / denom if denom > 0 else 0.0
        return
    for i in range(n):
        for j in range(i + 1, n):
            denom = prob[i, j] + prob[j, i]
            if denom > 0:
                prob[i, j], prob[j, i] = prob[i, j] / denom, prob[j, i] / denom
            else:
                prob[i, j] = prob[j, i] = 0.0


@njit(cache=True, nogil=True, error_model="numpy")
def _risk(
    x: np.ndarray,
    present: np.ndarray,
    s: np.ndarray,
    prob: np.ndarray,
    span: float,
    mu: float,
    q: float,
    target_resists: bool,
) -> np.ndarray:
    """Risk exponents r_i from the danger pass (r = 1): danger_i sums E[a, i] over challengers a."""
    n = x.size
    danger = np.zeros(n)
    for a in range(n):
        if not present[a]:
            continue
        for i in range(n):
            if i == a or not present[i]:
                continue
            d = min(abs(x[a] - x[i]) / span, 1.0)
            lo = 0.5 * d
            better = _better(x, a, i, mu, span) if q < 1 else 0.0
            u_b = 2 - 4 * (0.5 - 0.25 * abs(better))
            u_w = 2 - 4 * (0.5 + 0.25 * abs(better))
            resist = s[i] if target_resists else s[a]
            danger[i] += _eu(
                prob[a, i], resist, 2 - 4 * (0.5 - lo), 2 - 4 * (lo + 0.5), 0.0, q, better, u_b, u_w
            )
    hi, lo = -np.inf, np.inf
    for i in range(n):
        if present[i]:
            hi = max(hi, danger[i])
            lo = min(lo, danger[i])
    spread = hi - lo
    risk = np.ones(n)
    for i in range(n):
        big_r = (2 * danger[i] - hi - lo) / spread if present[i] and spread > 0 else 0.0
        risk[i] = (1 - big_r / 3) / (1 + big_r / 3)
    return risk


@njit(cache=True, nogil=True, error_model="numpy")
def _log_bases(x: np.ndarray, present: np.ndarray, span: float, logs: np.ndarray) -> None:
    """logs[0 | 1, i, j] = log(lo | hi) with lo = 0.5 - 0.5 d_ij, hi = 0.5 + 0.5 d_ij.

    lo^r and hi^r are then exp(r log lo) and exp(r log hi): the logs are shared
    by both members of a pair, and exp costs half of pow.
    """
    n = x.size
    for i in range(n):
        for j in range(i + 1, n):
            if present[i] and present[j]:
                d = min(abs(x[i] - x[j]) / span, 1.0)
                logs[0, i, j] = logs[0, j, i] = math.log(0.5 - 0.5 * d)
                logs[1, i, j] = logs[1, j, i] = math.log(0.5 * d + 0.5)


@njit(cache=True, nogil=True, error_model="numpy")
def _row(
    x: np.ndarray,
    present: np.ndarray,
    s: np.ndarray,
    w: np.ndarray,
    mu: float,
    q: float,
    flags: np.ndarray,
    prob: np.ndarray,
    logs: np.ndarray,
    new: np.ndarray,
    kind: np.ndarray,
    proposer: np.ndarray,
) -> None:
    """One round of one row: each receiver i takes its best offer from some proposer j."""
    target_resists, all_pairs, priority, loser_moves, each, two_pass = (
        flags[0],
        flags[1],
        flags[2],
        flags[3],
        flags[4],
        flags[5],
    )
    n = x.size
    span = _span(x, present)
    _probabilities(x, present, w, all_pairs, prob)
    risk = _risk(x, present, s, prob, span, mu, q, target_resists) if two_pass else np.ones(n)
    _log_bases(x, present, span, logs)
    for i in range(n):
        new[i], kind[i], proposer[i] = x[i], -1, -1
        if not present[i]:
            continue
        r = risk[i]
        sq_own = 2 - 4 * 0.5**r
        best, best_j, best_kind, best_target = np.inf, -1, -1, 0.0
        for j in range(n):
            gap = x[j] - x[i]
            if j == i or not present[j] or gap == 0:
                continue
            log_lo, log_hi = logs[0, i, j], logs[1, i, j]
            u_s = math.exp(r * log_lo) * -4 + 2  # U_s = 2 - 4 lo^r
            u_f = math.exp(r * log_hi) * -4 + 2
            r_o, u_s_o, u_f_o, sq_o = r, u_s, u_f, sq_own
            if each:
                r_o = risk[j]
                u_s_o = math.exp(r_o * log_lo) * -4 + 2
                u_f_o = math.exp(r_o * log_hi) * -4 + 2
                sq_o = 2 - 4 * 0.5**r_o
            b_ij = b_ji = u_b = u_w = u_b_o = u_w_o = 0.0
            if q < 1:
                b_ij, b_ji = _better(x, i, j, mu, span), _better(x, j, i, mu, span)
                u_b = 2 - 4 * (0.5 - 0.25 * abs(b_ij)) ** r
                u_w = 2 - 4 * (0.5 + 0.25 * abs(b_ij)) ** r
                u_b_o = 2 - 4 * (0.5 - 0.25 * abs(b_ji)) ** r_o
                u_w_o = 2 - 4 * (0.5 + 0.25 * abs(b_ji)) ** r_o
            resist_ij, resist_ji = (s[j], s[i]) if target_resists else (s[i], s[j])
            e_ij = _eu(prob[i, j], resist_ij, u_s, u_f, sq_own, q, b_ij, u_b, u_w)
            e_ji = _eu(prob[j, i], resist_ji, u_s_o, u_f_o, sq_o, q, b_ji, u_b_o, u_w_o)
            if e_ji <= 0:
                continue  # j does not expect to gain from challenging i
            conflict = loser_moves and e_ij > 0 and e_ji > e_ij
            upper_hand = e_ij < 0
            if not (conflict or upper_hand):
                continue
            compromise = upper_hand and e_ji > abs(e_ij)
            share = abs(e_ij) / e_ji if compromise else 1.0
            key = abs(gap)
            if compromise:
                moved = gap * share
                moved += x[i]
                moved -= x[i]
                key = abs(moved)
            if priority:
                key += 1e6 * compromise + 2e6 * (upper_hand and not compromise)
            if key < best:
                best, best_j = key, j
                best_kind = CONFLICT if conflict else COMPROMISE if compromise else CAPITULATION
                best_target = x[i] + gap * share if compromise else x[j]
        if best_j >= 0:
            new[i], kind[i], proposer[i] = best_target, best_kind, best_j


@njit(cache=True, nogil=True, error_model="numpy")
def play_round(
    x: np.ndarray,
    present: np.ndarray,
    s: np.ndarray,
    w: np.ndarray,
    mu: np.ndarray,
    q: float,
    flags: np.ndarray,
    new: np.ndarray,
    kind: np.ndarray,
    proposer: np.ndarray,
) -> None:
    """One round for every row of (rows, n) arrays, written into `new`, `kind` and `proposer`.

    `x`: positions (0 where absent); `present`: actor takes a position; `s`:
    salience on 0-1; `w`: capability x salience, 0 where absent; `mu`: the
    median voter position per row (read only when q < 1). `flags`, booleans
    in this order: target resists, all-pairs probability, offers by
    priority, the conflict's loser moves, each actor's own exponent for the
    other's challenge ("each"), two risk passes. `kind` is the offer taken
    (`CONFLICT`, `COMPROMISE`, `CAPITULATION`, -1 none), `proposer` its maker.
    """
    n = x.shape[1]
    prob = np.empty((n, n))
    logs = np.empty((2, n, n))
    for b in range(x.shape[0]):
        _row(
            x[b], present[b], s[b], w[b], mu[b], q, flags, prob, logs, new[b], kind[b], proposer[b]
        )


__all__ = ["CAPITULATION", "COMPROMISE", "CONFLICT", "play_round"]
