"""`PositionTable`: the actors x issues arrays every bargaining model reads.

A table holds, for each actor and issue, a position on the issue's 0-100 scale
(NaN where the actor takes no position), a salience (0-100) and a capability
(> 0), plus an optional status quo per issue (NaN where unknown). It is the one
input type of `parley.bargain.forecast`; build it from a case file
(`positions_from_case`), a CSV/TSV (`read_table`), DEU III (`read_deu`), or
directly from other stages' output.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

LOGGER = logging.getLogger(__name__)


@dataclass(frozen=True)
class PositionTable:
    """Actors x issues inputs of the bargaining models.

    Attributes:
        actors: actor ids, one per row.
        issues: issue ids, one per column.
        position: (actors, issues) positions on 0-100; NaN = no position.
        salience: (actors, issues) saliences on 0-100 (ignored where position is NaN).
        capability: (actors, issues) capabilities, > 0 where a position is given.
        status_quo: (issues,) status quo on 0-100; NaN = unknown.

    Example:
        >>> import numpy as np
        >>> t = PositionTable.from_arrays(["a", "b"], ["tax"], [[0], [100]], [[50], [50]])
        >>> t.position.shape
        (2, 1)
    """

    actors: tuple[str, ...]
    issues: tuple[str, ...]
    position: np.ndarray
    salience: np.ndarray
    capability: np.ndarray
    status_quo: np.ndarray

    def __post_init__(self) -> None:
        shape = (len(self.actors), len(self.issues))
        for name in ("position", "salience", "capability"):
            if getattr(self, name).shape != shape:
                raise ValueError(
                    f"PositionTable.{name} has shape {getattr(self, name).shape}, "
                    f"expected (actors, issues) = {shape}"
                )
        if self.status_quo.shape != (len(self.issues),):
            raise ValueError(
                f"PositionTable.status_quo has shape {self.status_quo.shape}, "
                f"expected (issues,) = ({len(self.issues)},)"
            )

    @classmethod
    def from_arrays(
        cls,
        actors: list[str] | tuple[str, ...],
        issues: list[str] | tuple[str, ...],
        position: object,
        salience: object,
        capability: object | None = None,
        status_quo: object | None = None,
    ) -> PositionTable:
        """Build a table from array-likes; capability may be per actor (actors,) or full.

        Missing capability means equal capabilities (1.0); missing status quo is NaN.
        """
        import numpy as np

        pos = np.asarray(position, dtype=float)
        sal = np.asarray(salience, dtype=float)
        shape = (len(actors), len(issues))
        if capability is None:
            cap = np.ones(shape)
        else:
            cap = np.asarray(capability, dtype=float)
            if cap.shape == (len(actors),):
                cap = np.repeat(cap[:, None], len(issues), axis=1)
        sq = np.full(len(issues), np.nan) if status_quo is None else np.asarray(status_quo, float)
        return cls(tuple(actors), tuple(issues), pos, sal, cap, sq)

    def actor_index(self, actor: str) -> int:
        """Row of an actor; raises `KeyError` naming the valid ids."""
        try:
            return self.actors.index(actor)
        except ValueError:
            raise KeyError(f"unknown actor {actor!r}; valid: {', '.join(self.actors)}") from None

    def issue_index(self, issue: str) -> int:
        """Column of an issue; raises `KeyError` naming the valid ids."""
        try:
            return self.issues.index(issue)
        except ValueError:
            raise KeyError(f"unknown issue {issue!r}; valid: {', '.join(self.issues)}") from None

    def copy(self) -> PositionTable:
        """A deep copy whose arrays can be edited freely."""
        return replace(
            self,
            position=self.position.copy(),
            salience=self.salience.copy(),
            capability=self.capability.copy(),
            status_quo=self.status_quo.copy(),
        )

    def subset(self, issues: list[int]) -> PositionTable:
        """The table restricted to some issue columns."""
        return replace(
            self,
            issues=tuple(self.issues[j] for j in issues),
            position=self.position[:, issues],
            salience=self.salience[:, issues],
            capability=self.capability[:, issues],
            status_quo=self.status_quo[issues],
        )
