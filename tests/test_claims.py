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


# -- claims from merged events and from statements several articles report -----------

ARTICLES = {
    aid: {"id": aid, "source": f"/corpus/{aid}.txt", "outlet": outlet, "published": day,
          "text": text}
    for aid, outlet, day, text in (
        ("a1", "Daily", "2025-03-19", "Northland and Southia spoke by phone on Tuesday. "
         "“We will not sign any deal that gives away the bay,” Anna Berg said."),
        ("a2", "Weekly", "2025-03-20", "The leaders spoke by phone on March 18. Tomas Ruiz said: "
         "“We will not sign any deal that gives away the bay.”"),
        ("a3", "Herald", "2025-03-21", "The two leaders held a call on March 17."),
    )
}  # fmt: skip


def event(eid: str, day: str, sources: list[tuple[str, str]], actors=("north", "south")):
    spans = []
    for aid, words in sources:
        start = ARTICLES[aid]["text"].index(words)
        spans.append({"article_id": aid, "source": ARTICLES[aid]["source"], "start": start,
                      "end": start + len(words)})  # fmt: skip
    return {"id": eid, "date": day, "date_precision": "day", "type": "call",
            "actors": list(actors), "summary": "a call", "sources": spans}  # fmt: skip


def test_an_event_two_articles_report_is_a_claim_listing_both_outlets():
    from parley.analysis.claims import event_claims

    events = [event("e1", "2025-03-18", [("a1", "spoke by phone"), ("a2", "spoke by phone")])]
    (claim,) = event_claims(events, ARTICLES)
    assert claim.kind == "event" and claim.outlets == ["Daily", "Weekly"]
    assert [s.evidence for s in claim.statements] == ["spoke by phone", "spoke by phone"]


def test_an_event_one_article_reports_is_no_claim():
    from parley.analysis.claims import event_claims

    assert event_claims([event("e1", "2025-03-18", [("a1", "spoke by phone")])], ARTICLES) == []


def test_the_same_call_dated_a_day_apart_by_other_articles_is_a_contradiction():
    from parley.analysis.claims import event_claims

    events = [
        event("e1", "2025-03-18", [("a1", "spoke by phone"), ("a2", "spoke by phone")]),
        event("e2", "2025-03-17", [("a3", "held a call")]),
    ]
    claims = {c.id: c for c in event_claims(events, ARTICLES)}
    assert claims["event:e1"].contradicted_by == ["event:e2"]
    assert claims["event:e2"].conflict == "dated 2025-03-17 here, 2025-03-18 by other articles"


def test_calls_between_other_parties_do_not_contradict():
    from parley.analysis.claims import event_claims

    events = [
        event("e1", "2025-03-18", [("a1", "spoke by phone"), ("a2", "spoke by phone")]),
        event("e2", "2025-03-17", [("a3", "held a call")], actors=("north", "east")),
    ]
    assert all(not c.contradicted_by for c in event_claims(events, ARTICLES))


def quote(aid: str, words: str, speaker: str | None):
    start = ARTICLES[aid]["text"].index(words)
    return {"article_id": aid, "start": start, "end": start + len(words), "text": words,
            "speaker": speaker, "actor": None}  # fmt: skip


def test_the_same_words_in_two_articles_are_one_statement_claim():
    from parley.analysis.claims import statement_claims

    words = "We will not sign any deal that gives away the bay"
    (claim,) = statement_claims(
        [quote("a1", words, "Anna Berg"), quote("a2", words, "Anna Berg")], ARTICLES
    )
    assert claim.kind == "statement" and claim.outlets == ["Daily", "Weekly"]
    assert claim.text == f"Anna Berg: “{words}”" and claim.conflict is None


def test_words_given_to_different_speakers_are_flagged():
    from parley.analysis.claims import statement_claims

    words = "We will not sign any deal that gives away the bay"
    (claim,) = statement_claims(
        [quote("a1", words, "Anna Berg"), quote("a2", words, "Tomas Ruiz")], ARTICLES
    )
    assert claim.conflict == "attributed to Anna Berg by Daily; Tomas Ruiz by Weekly"


def test_short_common_phrases_are_no_statement():
    from parley.analysis.claims import statement_claims

    assert statement_claims([quote("a1", "We will not", "A"), quote("a2", "We will not", "B")],
                            ARTICLES) == []  # fmt: skip
