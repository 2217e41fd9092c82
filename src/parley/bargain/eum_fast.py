"""A round of the expected utility model with fewer array passes, for float32 Monte Carlo.

`parley.bargain.eum` evaluates the published equations term by term, in the
same order as the first implementation, so its float64 results are
reproducible bit for bit. This module computes the same round for the
default choices (Q = 1, each actor's own risk exponent, pairwise
probability) from equivalent closed forms, used when
`EumOptions(precision="float32")` asks for speed over the last bits:

- With U = 2 - 4 base^r the constant terms of the expected utility cancel,
  E / 4 = 0.5^r - lo^r - s_res (1 - P) (hi^r - lo^r), lo = 0.5 - 0.5 d,
  hi = 0.5 + 0.5 d. Every test on E (signs, E_ji > E_ij, E_ji > |E_ij|, the
  share |E_ij / E_ji|, the risk exponents) is unchanged by the factor 4.
- The pairwise probability satisfies 1 - P_ij = P_ji, so 1 - P is a
  transposed view, not a new array.
- In the danger pass (r = 1) E / 4 = d (0.5 - s_res (1 - P)), so the danger
  of i is two row sums: 0.5 sum_a d_ia - sum_a s_res d_ia P_ia.

Results agree with the float64 path to float32 rounding, except where two
offers tie to within that rounding (then the other may be taken).
"""

from __future__ import annotations

import logging

import numpy as np

LOGGER = logging.getLogger(__name__)

CONFLICT, COMPROMISE, CAPITULATION = 0, 1, 2


def fast_round(
    x: np.ndarray,
    present: np.ndarray,
    s: np.ndarray,
    w: np.ndarray,
    *,
    target_resists: bool,
    two_pass: bool,
    priority: bool,
    conflict_moves: bool,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One round for (B, n) positions: new positions, offer kind (-1 none), proposer.

    The round runs with each row's actors sorted by position (absent actors
    parked at the top), so the vote search walks ascending queries and no
    (B, n, n) array has to be permuted; only the (B, n) results are put back.
    """
    top = np.where(present, x, -np.inf).max(-1, keepdims=True)
    order = np.argsort(np.where(present, x, np.inf), axis=-1)
    xs = np.take_along_axis(np.where(present, x, np.where(np.isfinite(top), top, 0)), order, -1)
    ps, ss, ws = (np.take_along_axis(a, order, -1) for a in (present, s, w))
    new, kind, proposer = _sorted_round(
        xs, ps, ss, ws, target_resists, two_pass, priority, conflict_moves
    )
    out = [np.empty_like(a) for a in (new, kind, proposer)]
    proposer = np.where(proposer >= 0, np.take_along_axis(order, np.maximum(proposer, 0), -1), -1)
    for dest, src in zip(out, (new, kind, proposer), strict=True):
        np.put_along_axis(dest, order, src, -1)
    return np.where(present, out[0], x), out[1], out[2]


def _sorted_round(
    x: np.ndarray,
    present: np.ndarray,
    s: np.ndarray,
    w: np.ndarray,
    target_resists: bool,
    two_pass: bool,
    priority: bool,
    conflict_moves: bool,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """`fast_round` on rows whose positions are ascending."""
    gap = x[:, None, :] - x[:, :, None]  # x_j - x_i
    dist = np.abs(gap)
    dist /= _span(x, present)
    everyone = bool(present.all())
    pair = None
    if not everyone:
        pair = present[:, :, None] & present[:, None, :]
        dist *= pair  # absent actors neither threaten nor are threatened
    prob = _probability(x, w, present, gap)  # P_ij; 1 - P_ij is prob_t
    prob_t = np.swapaxes(prob, 1, 2)
    s_i, s_j = s[:, :, None], s[:, None, :]
    s_ij, s_ji = (s_j, s_i) if target_resists else (s_i, s_j)  # resisting i's / j's challenge
    risk = _risk(dist, prob, s, target_resists, present) if two_pass else None
    lo = 0.5 - 0.5 * dist
    hi = 1.0 - lo
    h5: np.ndarray | np.float32
    if risk is None:
        lr, hr, h5 = lo, hi, np.float32(0.5)
    else:
        r = risk[:, :, None].astype(x.dtype)
        lr, hr, h5 = lo**r, hi**r, np.float32(0.5) ** r
    hr -= lr  # hi^r - lo^r
    base = h5 - lr  # 0.5^r - lo^r
    e_ij = prob_t * hr
    e_ij *= s_ij
    np.subtract(base, e_ij, out=e_ij)
    e_ji = prob * hr
    e_ji *= s_ji
    np.subtract(base, e_ji, out=e_ji)
    valid = gap != 0
    if pair is not None:
        valid &= pair
    return _offers(x, gap, valid, e_ij, e_ji, priority, conflict_moves)


def _span(x: np.ndarray, present: np.ndarray) -> np.ndarray:
    hi = np.where(present, x, -np.inf).max(-1)
    lo = np.where(present, x, np.inf).min(-1)
    span = hi - lo
    return np.where(np.isfinite(span) & (span > 0), span, 1.0).astype(x.dtype)[:, None, None]


def _probability(x: np.ndarray, w: np.ndarray, present: np.ndarray, gap: np.ndarray) -> np.ndarray:
    """P_ij = V_ij / (V_ij + V_ji) for ascending rows x, votes from cumulative weights.

    V_ij = 2 [G(mid) - G(x_i)] + max(0, x_i - x_j) sum_k w_k, G(t) = sum_k
    w_k max(0, t - x_k). The search runs in float64 (row offsets would eat
    float32's digits) over ascending queries; G is evaluated relative to the
    lowest position.
    """
    b = x.shape[0]
    low = x.min(-1, keepdims=True)
    rel = x - low
    ws = np.where(present, w, 0)
    zero = np.zeros((b, 1), dtype=x.dtype)
    cw = np.concatenate([zero, np.cumsum(ws, -1)], -1).ravel()
    cwx = np.concatenate([zero, np.cumsum(ws * rel, -1)], -1).ravel()
    offset = np.arange(b, dtype=np.float64)[:, None] * (float(rel.max(initial=0.0)) + 1.0)
    flat = (rel + offset).ravel()

    def g(t: np.ndarray) -> np.ndarray:
        idx = np.searchsorted(flat, (t.reshape(b, -1) + offset).ravel()).reshape(t.shape)
        idx += np.arange(b).reshape((b,) + (1,) * (t.ndim - 1))  # rows of n + 1 sums
        return t * cw[idx] - cwx[idx]

    mid = rel[:, :, None] + rel[:, None, :]
    mid *= 0.5
    votes = g(mid)
    votes -= g(rel)[:, :, None]
    votes *= 2
    upper = np.maximum(-gap, 0)  # x_i - x_j where positive
    upper *= ws.sum(-1)[:, None, None]
    votes += upper
    np.maximum(votes, 0, out=votes)  # rounding can leave tiny negatives for ties
    denom = votes + np.swapaxes(votes, 1, 2)
    return np.divide(votes, denom, out=np.full_like(votes, 0.5), where=denom > 0)


def _risk(
    dist: np.ndarray, prob: np.ndarray, s: np.ndarray, target_resists: bool, present: np.ndarray
) -> np.ndarray:
    """Risk exponents from the danger pass; dist is 0 for absent actors' pairs."""
    dp = dist * prob  # d_ia P_ia = d_ai (1 - P_ai)
    threat = s * dp.sum(-1) if target_resists else np.einsum("bij,bj->bi", dp, s)
    danger = 0.5 * dist.sum(-1) - threat
    hi = np.where(present, danger, -np.inf).max(-1, keepdims=True)
    lo = np.where(present, danger, np.inf).min(-1, keepdims=True)
    spread = hi - lo
    with np.errstate(invalid="ignore", divide="ignore"):
        big_r = np.where(present & (spread > 0), (2 * danger - hi - lo) / spread, 0.0)
    return (1 - big_r / 3) / (1 + big_r / 3)


def _offers(
    x: np.ndarray,
    gap: np.ndarray,
    valid: np.ndarray,
    e_ij: np.ndarray,
    e_ji: np.ndarray,
    priority: bool,
    conflict_moves: bool,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each receiver takes its smallest-move offer (conflict, compromise or capitulation)."""
    challenged = valid & (e_ji > 0)
    conflict = challenged & (e_ij > 0) & (e_ji > e_ij) if conflict_moves else None
    upper_hand = challenged & (e_ij < 0)
    neg = -e_ij
    compromise = upper_hand & (e_ji > neg)
    share = np.divide(neg, e_ji, out=np.ones_like(e_ij), where=compromise)
    key = np.abs(gap)
    key *= share
    if priority:
        key += 1e6 * compromise + 2e6 * (upper_hand & ~compromise)
    offered = upper_hand if conflict is None else upper_hand | conflict
    key[~offered] = np.inf
    j = np.argmin(key, axis=-1)[:, :, None]

    def at_j(a: np.ndarray) -> np.ndarray:
        return np.take_along_axis(a, j, -1)[:, :, 0]

    took, is_comp = at_j(key) < np.inf, at_j(compromise)
    kind = np.where(is_comp, COMPROMISE, CAPITULATION)
    if conflict is not None:
        kind = np.where(at_j(conflict), CONFLICT, kind)
    target = x + at_j(gap) * at_j(share)
    return np.where(took, target, x), np.where(took, kind, -1), np.where(took, j[:, :, 0], -1)
