"""Council vote capabilities for the DEU backtest: which treaty's table, and the institutions."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from parley.bargain.backtest import backtest_deu, proposal_year, vote_capabilities
from parley.bargain.inputs import DeuData
from parley.bargain.table import PositionTable
from parley.errors import ParleyError


def deu(actors: list[str], proposals: list[str]) -> DeuData:
    shape = (len(actors), len(proposals))
    table = PositionTable.from_arrays(
        actors, [f"{p}i1" for p in proposals], np.full(shape, 50.0), np.full(shape, 50.0)
    )
    return DeuData(
        table=table,
        outcome=np.full(len(proposals), 50.0),
        proposal=tuple(proposals),
        procedure=("COD",) * len(proposals),
        gdp=np.ones(len(actors)),
    )


@pytest.mark.parametrize(("prnr", "year"), [("d98191", 1998), ("n03318", 2003), ("d160288", 2016)])
def test_proposal_year_from_id(prnr: str, year: int) -> None:
    assert proposal_year(prnr) == year


def test_proposal_year_rejects_other_ids() -> None:
    with pytest.raises(ParleyError, match="2-digit year"):
        proposal_year("12345")


def test_votes_follow_the_treaty_in_force() -> None:
    # Germany 10 of 87 under Amsterdam (1999 proposal), 29 of 352 under Nice (2005)
    caps = vote_capabilities(deu(["de", "lu"], ["d99127", "d05007"]))
    assert caps.tolist() == [[10, 29], [2, 4]]


def test_institutions_weigh_as_the_largest_member() -> None:
    caps = vote_capabilities(deu(["com", "ep", "mt"], ["d99127", "d05007"]))
    assert caps[:2].tolist() == [[10, 29], [10, 29]] and caps[2].tolist() == [0, 3]


def test_unknown_actor_code_names_it() -> None:
    with pytest.raises(ParleyError, match="no votes for xx"):
        vote_capabilities(deu(["de", "xx"], ["d05007"]))


@pytest.mark.shared
def test_votes_reproduce_published_compromise(shared: Path) -> None:
    path = shared / "data" / "deu3" / "deu3.tsv"
    (score,) = backtest_deu(path, "compromise", "votes")
    assert score.issues == 351 and abs(score.mae - 22.99) < 0.05
