"""Positions and saliences from stances, case positions overriding, and the bargaining table."""

from __future__ import annotations

import math

import pytest

from parley.analysis.positions import (
    apply_case_positions,
    citations_from_stances,
    position_table,
)
from parley.analysis.stances import DatedStance
from parley.case import case_from_dict

CASE = {
    "case": "stance-test",
    "actors": [{"id": "north"}, {"id": "south"}],
    "issues": [{"id": "ban"}, {"id": "tariff"}],
}


def stance(actor: str, issue: str, value: str, confidence: float = 0.9, start: int = 0):
    return DatedStance(
        "a1", "/corpus/a1.txt", "Daily", "2025-03-19", "published", actor, issue, value,
        confidence, start, start + 5, "words",
    )  # fmt: skip


def test_position_is_the_balance_of_support_and_oppose():
    (c,) = citations_from_stances(
        [stance("north", "ban", "support"), stance("north", "ban", "support", start=9),
         stance("north", "ban", "oppose", start=20)]
    )  # fmt: skip
    assert c.position == pytest.approx(200 / 3)


def test_salience_grows_with_the_weight_of_evidence():
    one = citations_from_stances([stance("north", "ban", "support")])[0]
    three = citations_from_stances([stance("north", "ban", "support", start=s) for s in (0, 9, 20)])
    assert 0 < one.salience < three[0].salience < 100


def test_every_input_cites_its_evidence_spans():
    (c,) = citations_from_stances([stance("north", "ban", "oppose")])
    assert c.origin == "evidence"
    assert [(e.article_id, e.start, e.end) for e in c.evidence] == [("a1", 0, 5)]


def test_case_positions_override_the_evidence():
    case = case_from_dict(
        CASE | {"positions": {"actors": {"north": {"ban": {"position": 20, "salience": 70}}}}}
    )
    cites = apply_case_positions(citations_from_stances([stance("north", "ban", "support")]), case)
    (c,) = cites
    assert (c.position, c.salience, c.origin) == (20.0, 70.0, "case")
    assert c.evidence[0].article_id is None and c.evidence[1].article_id == "a1"


def test_the_table_has_no_position_where_there_is_no_evidence():
    case = case_from_dict(CASE)
    table = position_table(citations_from_stances([stance("north", "ban", "support")]), case)
    assert table.position[0, 0] == 100.0
    assert math.isnan(table.position[1, 0]) and math.isnan(table.position[0, 1])


def test_the_compromise_forecast_follows_the_weight_of_evidence():
    from parley.bargain import forecast

    case = case_from_dict(CASE)
    evidence = [stance("north", "ban", "support", start=s) for s in (0, 9, 20)]
    evidence.append(stance("south", "ban", "oppose"))
    table = position_table(citations_from_stances(evidence), case)
    assert forecast(table, "compromise")[0] > 50
