"""Stances, claims, framing and evidence-built forecasts on the real seed articles (../shared)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from tests.stance_seeds import SEED_IDS, seed_dossier

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def dossier(shared, seed_case):
    from parley.store import open_store

    with open_store(seed_dossier(), create=False) as store:
        yield store


def _file(source: str) -> str:
    return Path(source).name


def test_both_march_articles_back_the_energy_truce_claim(dossier, seed_case):
    from parley.analysis.claims import claims as claim_rows

    claims = list(claim_rows(dossier, seed_case))
    truce = [
        c for c in claims
        if (c["actor"], c["issue"], c["stance"]) == ("russia", "partial_truce", "support")
        and (c["first"] or "").startswith("2025-03")
    ]  # fmt: skip
    assert len(truce) == 1
    assert {SEED_IDS["000"], SEED_IDS["004"]} <= set(truce[0]["sources"])


def test_the_opinion_piece_blames_others_than_the_news_reports(dossier):
    from parley.analysis.framing import dossier_frames

    frames = dossier_frames(dossier)
    by_outlet = {f.outlet: f for f in frames}
    from parley.labels import UNKNOWN_OUTLET

    opinion = by_outlet[UNKNOWN_OUTLET].blames  # the only seed whose outlet nobody gave
    news = by_outlet["The Wall Street Journal"].blames + by_outlet["Financial Times"].blames
    assert opinion.most_common(1)[0][0] != news.most_common(1)[0][0]


def test_evidence_forecasts_fall_on_the_side_of_the_evidence(dossier, seed_case):
    from parley.analysis.positions import evidence_positions
    from parley.bargain import forecast

    table, citations = evidence_positions(dossier, seed_case)
    balance: dict[str, float] = defaultdict(float)
    for c in citations:
        balance[c.issue] += c.support - c.oppose
    result = forecast(table, "compromise")
    for j, issue in enumerate(table.issues):
        if balance[issue]:
            assert (result[j] > 50) == (balance[issue] > 0), issue
    assert all(c.evidence for c in citations)


def test_stance_evidence_is_text_of_its_article(dossier):
    from parley.analysis.stances import stance_timeline

    for row in stance_timeline(dossier):
        text = dossier.article(row["article_id"]).text
        assert text[row["start"] : row["end"]] == row["evidence"]
