"""Claims: statements grouped across articles, contradictions, single outlets, corrections."""

from __future__ import annotations

from parley.analysis.claims import correction_claims, group_claims
from parley.analysis.stances import DatedStance


def statement(article: str, date: str | None, stance: str = "support", outlet: str = "A"):
    return DatedStance(
        article_id=article,
        source=f"/corpus/{article}.txt",
        outlet=outlet,
        date=date,
        date_source="published" if date else None,
        actor="southia",
        issue="fishing_ban",
        stance=stance,
        confidence=0.9,
        start=0,
        end=10,
        evidence="agreed to a fishing ban",
    )


def test_two_articles_reporting_the_same_stance_make_one_claim():
    (claim,) = group_claims(
        [statement("a1", "2025-03-19"), statement("a2", "2025-03-20", outlet="B")]
    )
    assert claim.sources == ["/corpus/a1.txt", "/corpus/a2.txt"]
    assert not claim.single_outlet


def test_reports_weeks_apart_are_different_claims():
    claims = group_claims([statement("a1", "2025-03-19"), statement("a2", "2025-05-07")])
    assert len(claims) == 2


def test_opposite_reports_in_the_same_window_contradict():
    claims = group_claims(
        [statement("a1", "2025-03-19"), statement("a2", "2025-03-19", "oppose", outlet="B")]
    )
    support = next(c for c in claims if c.stance == "support")
    oppose = next(c for c in claims if c.stance == "oppose")
    assert support.contradicted_by == [oppose.id]
    assert oppose.contradicted_by == [support.id]


def test_opposite_reports_in_one_article_do_not_contradict():
    claims = group_claims([statement("a1", "2025-03-19"), statement("a1", "2025-03-19", "oppose")])
    assert len(claims) == 2
    assert all(not c.contradicted_by for c in claims)


def test_a_claim_from_one_outlet_is_flagged():
    (claim,) = group_claims([statement("a1", "2025-03-19"), statement("a2", "2025-03-19")])
    assert claim.single_outlet


def test_undated_reports_group_together_apart_from_dated_ones():
    claims = group_claims(
        [statement("a1", None), statement("a2", None), statement("a3", "2025-03-19")]
    )
    undated = next(c for c in claims if c.first is None)
    assert len(undated.sources) == 2


def test_a_correction_note_becomes_a_correction_claim():
    text = "Body text.\nThis article originally misstated the date of the talks.\n"
    (claim,) = correction_claims("a1", "/corpus/a1.txt", "A", "2025-05-22", text)
    assert claim.kind == "correction"
    assert claim.text == "This article originally misstated the date of the talks."


def test_text_without_a_correction_has_none():
    assert correction_claims("a1", "s", None, None, "The talks were corrected course.") == []
