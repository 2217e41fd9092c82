"""A tiny dossier written record by record (no parsing), for fast report and app tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from parley.articles.model import Article
from parley.extract.records import Event, Extraction, Mention, Quote

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CASE_PATH = FIXTURES / "case.yaml"

# Invented sentences: (id, outlet, published, title, text, speaker, quoted words, event sentence).
ARTICLES = (
    (
        "a1",
        "Test Gazette",
        date(2025, 3, 4),
        "Talks in Harbor Town",
        'Northland and Southland met in Harbor Town on 3 March 2025. "We want a bigger quota '
        'now," said Ann Berg, the Northland minister. Southland rejected the offer <at once>.',
        "Ann Berg",
        "We want a bigger quota now,",
        "Northland and Southland met in Harbor Town on 3 March 2025.",
    ),
    (
        "b2",
        "Coast Courier",
        date(2025, 3, 9),
        "Southland holds firm",
        'Southland refused to move on the quota on 8 March 2025. "Inspections must come first," '
        "said Bo Lind, Southland's envoy.",
        "Bo Lind",
        "Inspections must come first,",
        "Southland refused to move on the quota on 8 March 2025.",
    ),
)


def _records(text: str, speaker: str, words: str, sentence: str, event_day: str) -> Extraction:
    q = text.index(words)
    s = text.index(speaker)
    actor = "north" if speaker == "Ann Berg" else "south"
    mentions = [
        Mention(s, s + len(speaker), speaker, "PERSON", speaker.lower(), actor, None),
    ]
    for name, actor_id in (("Northland", "north"), ("Southland", "south")):
        at = text.find(name)
        if at >= 0:
            mentions.append(Mention(at, at + len(name), name, "GPE", name.lower(), actor_id))
    quote = Quote(q, q + len(words), words, "direct", speaker, s, s + len(speaker), None, "say")
    e = text.index(sentence)
    event = Event(
        e, e + len(sentence), "meeting", sentence, event_day, "day", ("north", "south"), "met"
    )
    return Extraction(mentions=mentions, quotes=[quote], events=[event])


def fill_store(store) -> None:  # type: ignore[no-untyped-def]
    """Write the two invented articles and rebuild the corpus views."""
    from parley.build import refresh_views, speaker_keys
    from parley.case import load_case

    case = load_case(CASE_PATH)
    for aid, outlet, published, title, text, speaker, words, sentence in ARTICLES:
        article = Article(
            id=aid,
            source=f"tiny/{aid}.txt",
            text=text,
            title=title,
            outlet=outlet,
            published=published,
        )
        day = (published.replace(day=published.day - 1)).isoformat()
        extraction = _records(text, speaker, words, sentence, day)
        store.add_article(article, extraction, speaker_keys(extraction.quotes, extraction.mentions))
    refresh_views(store, case)
