"""Outlet framing: credit and blame in the outlet's own voice, sources and quote shares."""

from __future__ import annotations

from parley.analysis.framing import (
    ArticleRecords,
    NamedSpan,
    QuoteSpan,
    credit_and_blame,
    outlet_frames,
)


def names_in(text: str, **actors: str) -> list[NamedSpan]:
    spans = []
    for name, actor in actors.items():
        start = text.index(name)
        spans.append(NamedSpan(start, start + len(name), actor))
    return spans


def test_blame_goes_to_the_actor_named_before_it():
    text = "Southia is the main obstacle to a deal, Northland says."
    blames, _credits = credit_and_blame(text, names_in(text, Southia="s", Northland="n"), [])
    assert blames == {"s": 1}


def test_blame_inside_a_quote_is_the_sources_not_the_outlets():
    text = "“Southia is the obstacle,” said Anna Berg."
    quote = QuoteSpan(1, 25, "Anna Berg", "n")
    blames, _credits = credit_and_blame(text, names_in(text, Southia="s"), [quote])
    assert not blames


def test_credit_is_counted_apart_from_blame():
    text = "Northland made real progress at the talks."
    blames, credits = credit_and_blame(text, names_in(text, Northland="n"), [])
    assert credits == {"n": 1} and not blames


def test_quote_share_and_sources_per_outlet():
    quotes = [
        QuoteSpan(0, 1, "Anna Berg", "n"),
        QuoteSpan(2, 3, "Anna Berg", "n"),
        QuoteSpan(4, 5, "Maria Olsen", None),
        QuoteSpan(6, 7, None, None),
    ]
    (frame,) = outlet_frames([ArticleRecords("Daily", "x" * 10, [], quotes)])
    assert frame.sources == {"Anna Berg": 2, "Maria Olsen": 1}
    assert frame.quote_share == {"n": 0.5, "other": 0.25, "unknown": 0.25}


def test_outlets_are_kept_apart():
    a = ArticleRecords("Daily", "Southia failed.", [NamedSpan(0, 7, "s")], [])
    b = ArticleRecords("Weekly", "Northland failed.", [NamedSpan(0, 9, "n")], [])
    frames = {f.outlet: f for f in outlet_frames([a, b])}
    assert frames["Daily"].blames == {"s": 1}
    assert frames["Weekly"].blames == {"n": 1}
