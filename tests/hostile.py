"""A small dossier whose data tries to be markup: rich tags, links and HTML comments.

Written record by record (no parsing), like `tests/web/helpers.py`. Every
string a reader sees (title, outlet, quote, speaker, event summary, evidence,
file name) carries one of the hostile fragments below; one article has no
title and no outlet.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from parley.articles.model import Article
from parley.extract.records import Event, Extraction, Mention, Quote, Stance

CLOSE = "[/]"
LINK = "[link=https://example.invalid/]here[/link]"
COMMENT = "<!--<script>"
CASE_PATH = Path(__file__).resolve().parent / "web" / "fixtures" / "case.yaml"

TITLE = f"Harbour talks {CLOSE} stall"
OUTLET = f"{LINK} Gazette"
SOURCE = f"corpus/{CLOSE}notes [bold].txt"
QUOTED = f"We reject {CLOSE} the {LINK} offer {COMMENT} now,"
SENTENCE = f"Northland met Southland [/] {COMMENT} on 3 March 2025."
TEXT = f'{SENTENCE} "{QUOTED}" said Ann Berg. Northland wants a bigger quota [/] this year.'
UNTITLED_TEXT = (
    'Southland refused to move on the quota on 8 March 2025. "Inspections must come first," '
    "said Bo Lind, Southland's envoy."
)


def _span(text: str, words: str) -> tuple[int, int]:
    at = text.index(words)
    return at, at + len(words)


def _hostile_article() -> tuple[Article, Extraction, list[str | None]]:
    article = Article(
        id="h1", source=SOURCE, text=TEXT, title=TITLE, outlet=OUTLET, published=date(2025, 3, 4)
    )
    q, s, e = _span(TEXT, QUOTED), _span(TEXT, "Ann Berg"), _span(TEXT, SENTENCE)
    wants = _span(TEXT, "Northland wants a bigger quota [/] this year.")
    extraction = Extraction(
        mentions=[
            Mention(*s, "Ann Berg", "PERSON", "ann berg", "north"),
            Mention(0, 9, "Northland", "GPE", "northland", "north"),
        ],
        quotes=[Quote(*q, QUOTED, "direct", "Ann Berg", *s, None, "said")],
        events=[Event(*e, "meeting", SENTENCE, "2025-03-03", "day", ("north", "south"), "met")],
        stances=[Stance(*wants, "north", "quota", "support", 0.9, "wants", 39, 48)],
    )
    return article, extraction, ["ann berg"]


def _untitled_article() -> tuple[Article, Extraction, list[str | None]]:
    text = UNTITLED_TEXT
    article = Article(id="u2", source="corpus/plain.txt", text=text, published=date(2025, 3, 9))
    q = _span(text, "Inspections must come first,")
    s = _span(text, "Bo Lind")
    e = _span(text, "Southland refused to move on the quota on 8 March 2025.")
    extraction = Extraction(
        mentions=[Mention(*s, "Bo Lind", "PERSON", "bo lind", "south")],
        quotes=[Quote(*q, text[q[0] : q[1]], "direct", "Bo Lind", *s, None, "said")],
        events=[
            Event(*e, "rejection", text[e[0] : e[1]], "2025-03-08", "day", ("south",), "refused")
        ],
        stances=[Stance(*e, "south", "quota", "oppose", 0.8, "refused", 0, 9)],
    )
    return article, extraction, ["bo lind"]


def fill_hostile(store) -> None:  # type: ignore[no-untyped-def]
    """Write the two articles, the case, and rebuild the corpus views."""
    from parley.build import refresh_views
    from parley.case import load_case

    case = load_case(CASE_PATH)
    for article, extraction, keys in (_hostile_article(), _untitled_article()):
        store.add_article(article, extraction, keys)
    store.save_case(case)
    refresh_views(store, case)
