"""Response models of the JSON API: the OpenAPI schema is generated from these."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class Summary(BaseModel):
    """Counts and date range of the dossier."""

    articles: int
    outlets: int
    entities: int
    quotes: int
    events: int
    rejects: int
    first: str | None = Field(description="Earliest publication date (YYYY-MM-DD)")
    last: str | None = Field(description="Latest publication date (YYYY-MM-DD)")
    outlet_names: list[str]


class Article(BaseModel):
    id: str
    source: str
    title: str | None
    outlet: str | None
    authors: list[str]
    published: str | None
    words: int
    label: str = Field(
        description="The title shown to readers: the title, or one made from the text"
    )
    href: str = Field(description="The article reader page")


class Span(BaseModel):
    """A highlighted record in an article: a quote, an event source or a stance."""

    kind: str
    anchor: str = Field(description="HTML id of the span in the reader page")
    start: int
    end: int
    title: str


class ArticleDetail(Article):
    text: str
    spans: list[Span]


class Entity(BaseModel):
    id: str
    name: str
    type: str
    aliases: list[str]
    descriptors: list[str]
    actor: str | None
    mentions: int


class Actor(BaseModel):
    id: str
    name: str
    type: str | None
    mentions: int
    quotes: int
    descriptors: list[str]


class Quote(BaseModel):
    id: str
    article_id: str
    source: str
    outlet: str
    published: str | None
    speaker: str | None
    speaker_descriptor: str | None
    actor: str | None
    text: str
    kind: str
    cue: str | None
    start: int
    end: int
    href: str = Field(description="The quote's span in the article reader")


class EventSource(BaseModel):
    article_id: str
    source: str
    start: int
    end: int
    href: str


class Event(BaseModel):
    id: str
    date: str | None
    date_precision: str
    approximate: bool = False
    first_day: str | None = None
    last_day: str | None = None
    type: str
    actors: list[str]
    summary: str
    outlets: list[str]
    sources: list[EventSource]


class Outlet(BaseModel):
    outlet: str
    articles: int
    words: int
    quotes: int
    events: int
    top_speakers: list[dict[str, Any]]


class Records(BaseModel):
    """Records of an optional view; `available` is false (with a note) when the dossier lacks it."""

    available: bool
    note: str | None = None
    items: list[dict[str, Any]]


class ForecastRow(BaseModel):
    issue: str
    model: str
    forecast: float | None
    low: float | None
    high: float | None
    status_quo: float | None
    positions: dict[str, float]
    drivers: list[dict[str, Any]]


class Forecast(BaseModel):
    """Forecasts per issue and model; `overrides` are the what-if changes applied."""

    available: bool
    note: str | None = None
    source: str | None = None
    runs: int = 0
    overrides: list[str] = []
    rows: list[ForecastRow] = []


class SearchHit(BaseModel):
    kind: str
    id: str
    article_id: str
    title: str
    snippet: str
    start: int | None
    end: int | None
    href: str


class Page(BaseModel):
    """One page of results: `total` matches, `items` from `offset`."""

    total: int
    offset: int
    limit: int


class QuotePage(Page):
    items: list[Quote]


class EventPage(Page):
    items: list[Event]


class ArticlePage(Page):
    items: list[Article]


class EntityPage(Page):
    items: list[Entity]


class Problem(BaseModel):
    """An error: what was wrong with the request."""

    detail: Any
