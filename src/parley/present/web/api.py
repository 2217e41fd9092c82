"""The JSON API: everything the pages show, under `/api`, read-only."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.types import DecoratedCallable

from parley.present.report.dossier import search
from parley.present.report.marks import article_spans
from parley.present.report.templating import app_link
from parley.present.web import MAX_RUNS, models
from parley.present.web.params import (
    ARTICLE_FILTERS,
    EVENT_FILTERS,
    PAGING,
    QUOTE_FILTERS,
    STANCE_FILTERS,
    CurrentDossier,
    Filters,
    Limit,
    ModelName,
    filters,
)
from parley.present.web.state import Busy, DossierState, app_state

LOGGER = logging.getLogger(__name__)

router = APIRouter(prefix="/api", tags=["api"])
ArticleId = Annotated[str, Path(pattern=r"^[A-Za-z0-9_-]{1,64}$", description="Article id")]
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": models.Problem, "description": "No such record"},
    422: {"model": models.Problem, "description": "A parameter is invalid"},
}
FORECAST_ERRORS: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    503: {"model": models.Problem, "description": "Forecasts are busy: retry after Retry-After"},
}


def route(path: str, model: Any, summary: str) -> Callable[[DecoratedCallable], DecoratedCallable]:
    """A GET route with parameters: its `model` and its 404 and 422 responses are documented."""
    return router.get(path, response_model=model, summary=summary, responses=ERRORS)


ArticleFilters = Annotated[Filters, Depends(filters(*ARTICLE_FILTERS, *PAGING))]
EntityFilters = Annotated[Filters, Depends(filters("actor", *PAGING))]
QuoteFilters = Annotated[Filters, Depends(filters(*QUOTE_FILTERS, *PAGING))]
EventFilters = Annotated[Filters, Depends(filters(*EVENT_FILTERS, *PAGING))]
StanceFilters = Annotated[Filters, Depends(filters(*STANCE_FILTERS))]


@router.get("/summary", response_model=models.Summary, summary="Counts and date range")
def summary(request: Request) -> dict[str, Any]:
    d = app_state(request).dossier()
    return {**d.summary, "outlet_names": d.outlet_names}


@route("/articles", models.ArticlePage, "Articles, newest first")
def articles(d: CurrentDossier, f: ArticleFilters) -> dict[str, Any]:
    return f.page([{**a, "href": app_link(a["id"])} for a in f.articles(d.articles)])


@route(
    "/articles/{article_id}",
    models.ArticleDetail,
    "One article with its text and highlighted spans",
)
def article(request: Request, article_id: ArticleId) -> dict[str, Any]:
    s = app_state(request)
    d = s.dossier()
    meta, text = d.article(article_id), s.texts(article_id)
    if meta is None or text is None:
        raise HTTPException(404, detail=f"article_id={article_id!r}: no such article")
    spans = article_spans(article_id, d.quotes, d.events, d.stances, d.claims)
    return {
        **meta,
        "href": app_link(article_id),
        "text": text,
        "spans": [vars(sp) for sp in sorted(spans, key=lambda sp: (sp.start, sp.end))],
    }


@route("/entities", models.EntityPage, "Canonical entities")
def entities(d: CurrentDossier, f: EntityFilters) -> dict[str, Any]:
    return f.page([e for e in d.entities if not f.actor or e["actor"] == f.actor])


@router.get("/actors", response_model=list[models.Actor], summary="Case actors")
def actors(request: Request) -> list[dict[str, Any]]:
    return app_state(request).dossier().actors


@route("/quotes", models.QuotePage, "Quotes, filtered")
def quotes(d: CurrentDossier, f: QuoteFilters) -> dict[str, Any]:
    return f.page([{**r, "href": span_link(r, "quote")} for r in f.quotes(d.quotes)])


@route("/events", models.EventPage, "Merged events in date order")
def events(d: CurrentDossier, f: EventFilters) -> dict[str, Any]:
    linked = [
        {**e, "sources": [{**s, "href": span_link(s, "event")} for s in e["sources"]]}
        for e in f.events(d.events)
    ]
    return f.page(linked)


@router.get("/outlets", response_model=list[models.Outlet], summary="Outlet comparison")
def outlets(request: Request) -> list[dict[str, Any]]:
    return app_state(request).dossier().outlets


def _records(d: Any, name: str, rows: list[dict[str, Any]] | None) -> dict[str, Any]:
    if rows is None:
        return {"available": False, "note": d.notes.get(name), "items": []}
    return {"available": True, "note": None, "items": rows}


@route("/stances", models.Records, "Stances of actors on issues")
def stances(d: CurrentDossier, f: StanceFilters) -> dict[str, Any]:
    return _records(d, "stances", None if d.stances is None else f.stances(d.stances))


@router.get("/claims", response_model=models.Records, summary="Claims and their corroboration")
def claims(request: Request) -> dict[str, Any]:
    d = app_state(request).dossier()
    return _records(d, "claims", d.claims)


@router.get("/framing", response_model=models.Records, summary="Outlet framing")
def framing(request: Request) -> dict[str, Any]:
    d = app_state(request).dossier()
    return _records(d, "framing", d.framing)


SetParam = Annotated[
    list[str] | None,
    Query(
        alias="set",
        max_length=20,
        description="What-if override, e.g. russia.immediate_ceasefire.salience=40 (repeatable)",
    ),
]


@router.get(
    "/forecast",
    response_model=models.Forecast,
    summary="Forecast per issue, optionally with what-if overrides",
    responses=FORECAST_ERRORS,
)
def forecast(
    request: Request,
    model: ModelName = "all",
    runs: Annotated[
        int, Query(ge=0, le=MAX_RUNS, description=f"Monte Carlo runs (at most {MAX_RUNS})")
    ] = 200,
    set_: SetParam = None,
) -> dict[str, Any]:
    return forecast_payload(app_state(request), model, runs, tuple(set_ or ()))


def forecast_payload(
    s: DossierState, model: str, runs: int, overrides: tuple[str, ...]
) -> dict[str, Any]:
    """The forecast as the API returns it; a bad override is a 422 naming it."""
    from parley.errors import ParleyError

    d = s.dossier()
    for text in overrides:
        if len(text) > 200:
            raise HTTPException(422, detail=f"set={text[:40]!r}...: too long")
    try:
        view = s.forecast(model, runs, overrides)
    except ParleyError as exc:
        raise HTTPException(422, detail=str(exc)) from None
    except Busy as exc:
        raise HTTPException(
            503,
            detail="every forecast slot is busy; retry in a few seconds",
            headers={"Retry-After": str(exc.retry_after)},
        ) from None
    if view is None:
        return {"available": False, "note": d.notes.get("forecast")}
    return {
        "available": True,
        "source": view.source,
        "runs": view.runs,
        "overrides": view.overrides,
        "rows": view.rows,
    }


@route("/search", list[models.SearchHit], "Full-text search over articles and quotes")
def search_api(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Words, all must match")],
    limit: Limit = 50,
) -> list[dict[str, Any]]:
    s = app_state(request)
    return link_hits(search(s.dossier(), s.all_texts(), q, limit=limit))


def link_hits(hits: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Search hits with the URL each one opens."""
    return [
        {**h, "href": span_link(h, "quote") if h["kind"] == "quote" else app_link(h["article_id"])}
        for h in hits
    ]


def span_link(row: dict[str, Any], kind: str) -> str:
    """The reader URL that opens `row`'s span (article_id, start, end) as a `kind` record."""
    return app_link(row["article_id"], kind=kind, start=row["start"], end=row["end"])
