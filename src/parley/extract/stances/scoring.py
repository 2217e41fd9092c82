"""Confidence and polarity: how a cue, a holder and an issue phrase become a `Stance`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from parley.extract.records import Stance, StanceRoute
from parley.extract.stances.cues import cue_key

if TYPE_CHECKING:
    from spacy.tokens import Token

    from parley.extract.stances.context import Context, Holder
    from parley.extract.stances.issues import IssueMatch
    from parley.extract.stances.lexicon import Cue

# Confidence of a plain report, and the factors for weaker evidence. Set by hand
# on the seed articles; they order evidence, they are not calibrated probabilities.
BASE_CONFIDENCE = 0.9
HEDGED_FACTOR = 0.6
PRONOUN_FACTOR = 0.85
REPORTED_FACTOR = 0.9


def confidence(holder: Holder, cue: Cue, hedged: bool) -> float:
    """0.9, lowered for a hedged report, a pronoun holder, a stance passed on by "said"."""
    value = BASE_CONFIDENCE
    if hedged:
        value *= HEDGED_FACTOR
    if holder.pronoun and not holder.quoted:
        value *= PRONOUN_FACTOR
    if cue.reporting:
        value *= REPORTED_FACTOR
    return round(value, 3)


def route(ctx: Context, tok: Token, holder: Holder, match: IssueMatch) -> StanceRoute:
    """What found the stance: a case rule's phrase, the actor's own quote, or a generic frame."""
    if match.route == "rule":
        return "rule"
    own = any(ctx.quote_at(t) == (True, holder.actor) for t in (tok, match.root))
    return "quote" if holder.quoted or own else "frame"


def make_stance(
    ctx: Context,
    tok: Token,
    holder: Holder,
    sign: int,
    match: IssueMatch,
    hedged: bool,
    cue: Cue,
) -> Stance:
    """The stance record: evidence from the cue to the issue words, the holder's span."""
    return Stance(
        start=min(tok.idx, match.start),
        end=max(tok.idx + len(tok.text), match.end),
        actor=holder.actor,
        issue=match.issue,
        stance="support" if sign > 0 else "oppose",
        confidence=confidence(holder, cue, hedged),
        cue=cue_key(tok, ctx.lex),
        holder_start=holder.start,
        holder_end=holder.end,
        hedged=hedged,
        route=route(ctx, tok, holder, match),
    )
