"""Blame and credit frames: target and agent from the parse; outlet framing from the frames."""

from __future__ import annotations

import pytest

from parley.analysis.framing import ArticleRecords, FrameRow, QuoteSpan, outlet_frames


def frames_of(case_nlp, case, text: str, quotes=()):  # type: ignore[no-untyped-def]
    from parley.extract.entities import extract_mentions
    from parley.extract.framing import extract_frames

    doc = case_nlp(text)
    mentions = extract_mentions(doc, None, case)
    return [
        (f.kind, f.target, f.agent, f.cue)
        for f in extract_frames(doc, None, case, mentions, quotes)
    ]


# Invented sentences, one per class of the lexicon.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Moscow blamed Kyiv for the collapse of the talks.",
         ("blame", "ukraine", "russia", "blame")),
        ("Kyiv was praised by Washington for its patience.",
         ("credit", "ukraine", "united_states", "praise")),
        ("Russia derailed the negotiations in April.", ("blame", "russia", "writer", "derail")),
        ("The talks stalled over Moscow's intransigence.",
         ("blame", "russia", "writer", "intransigence")),
        ("It was a reckless decision by Washington.",
         ("blame", "united_states", "writer", "reckless")),
        ("Analysts accused the Kremlin of stalling.", ("blame", "russia", "other", "accuse")),
        ("Ukraine deserves credit for the prisoner swap.",
         ("credit", "ukraine", "writer", "credit")),
    ],
)  # fmt: skip
def test_each_class_finds_its_target_and_agent(case_nlp, case, text, expected) -> None:
    assert frames_of(case_nlp, case, text) == [expected]


def test_a_negated_cue_is_no_frame(case_nlp, case) -> None:
    assert frames_of(case_nlp, case, "Washington did not blame Kyiv for the delay.") == []


def test_a_judged_thing_without_a_party_is_no_frame(case_nlp, case) -> None:
    assert frames_of(case_nlp, case, "The plan was reckless, officials said.") == []


def test_urging_a_quality_is_not_having_it(case_nlp, case) -> None:
    assert frames_of(case_nlp, case, "Washington urged restraint on Monday.") == []


def test_a_frame_inside_a_quote_is_the_speakers(case_nlp, case) -> None:
    from parley.extract.records import Quote

    text = "“Moscow sabotaged every round,” said Volodymyr Zelensky."
    quote = Quote(1, 30, text[1:30], "direct", "Volodymyr Zelensky", 37, 55)
    assert frames_of(case_nlp, case, text, [quote]) == [("blame", "russia", "ukraine", "sabotage")]


def test_own_voice_and_reported_frames_are_counted_apart() -> None:
    article = ArticleRecords(
        "Daily",
        [FrameRow("blame", "s", "writer"), FrameRow("blame", "s", "n"),
         FrameRow("credit", "n", "writer")],
        [],
    )  # fmt: skip
    (frame,) = outlet_frames([article])
    assert frame.blames == {"s": 1} and frame.reported_blames == {"s": 1}
    assert frame.credits == {"n": 1}


def test_quote_share_and_sources_per_outlet() -> None:
    quotes = [
        QuoteSpan(0, 1, "Anna Berg", "n"),
        QuoteSpan(2, 3, "Anna Berg", "n"),
        QuoteSpan(4, 5, "Maria Olsen", None),
        QuoteSpan(6, 7, None, None),
    ]
    (frame,) = outlet_frames([ArticleRecords("Daily", [], quotes)])
    assert frame.sources == {"Anna Berg": 2, "Maria Olsen": 1}
    assert frame.quote_share == {"n": 0.5, "other": 0.25, "unknown": 0.25}


def test_outlets_are_kept_apart() -> None:
    a = ArticleRecords("Daily", [FrameRow("blame", "s", "writer")], [])
    b = ArticleRecords("Weekly", [FrameRow("blame", "n", "writer")], [])
    frames = {f.outlet: f for f in outlet_frames([a, b])}
    assert frames["Daily"].blames == {"s": 1}
    assert frames["Weekly"].blames == {"n": 1}
