"""HTML pages of the app, rendered from the templates the report uses."""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response

from parley.present.report import charts
from parley.present.report.dossier import search
from parley.present.report.marks import article_spans
from parley.present.report.optional import PRIMARY_MODEL, input_value
from parley.present.report.templating import app_link, environment
from parley.present.web.api import ERRORS, ArticleId, forecast_payload, link_hits
from parley.present.web.params import (
    ARTICLE_FILTERS,
    EVENT_FILTERS,
    PAGING,
    QUOTE_FILTERS,
    STANCE_FILTERS,
    CurrentDossier,
    Filters,
    ModelName,
    Text,
    bad,
    blank,
    filters,
)
from parley.present.web.state import app_state

LOGGER = logging.getLogger(__name__)

router = APIRouter(tags=["pages"], default_response_class=HTMLResponse)

NAV = (
    ("/", "Overview"),
    ("/timeline", "Timeline"),
    ("/actors", "Actors"),
    ("/quotes", "Quotes"),
    ("/stances", "Stances"),
    ("/claims", "Claims"),
    ("/outlets", "Outlets"),
    ("/forecast", "Forecast"),
    ("/articles", "Articles"),
    ("/search", "Search"),
    ("/api", "API"),
)
Field = Annotated[str | None, Query(pattern=r"^(position|salience|capability)?$")]
ArticleFilters = Annotated[Filters, Depends(filters(*ARTICLE_FILTERS))]
QuoteFilters = Annotated[Filters, Depends(filters(*QUOTE_FILTERS, *PAGING))]
EventFilters = Annotated[Filters, Depends(filters(*EVENT_FILTERS))]
StanceFilters = Annotated[Filters, Depends(filters(*STANCE_FILTERS))]


def render(request: Request, template: str, *, status: int = 200, **context: Any) -> HTMLResponse:
    """A page: the template with the dossier, the navigation and app links."""
    d = app_state(request).dossier()
    html = (
        environment()
        .get_template(template)
        .render(
            dossier=d,
            nav=NAV,
            current=request.url.path,
            link=app_link,
            filters=context.pop("filters", {}),
            charts=any(context.get(k) for k in ("figure",)),
            **context,
        )
    )
    return HTMLResponse(html, status_code=status)


def section(request: Request, name: str, heading: str, **context: Any) -> HTMLResponse:
    return render(
        request, "app_section.html", section=name, title=heading, heading=heading, **context
    )


@router.get("/", summary="Overview page")
def overview(request: Request) -> HTMLResponse:
    d = app_state(request).dossier()
    heading = d.summary and "Dossier overview"
    return render(request, "app_overview.html", title="Overview", heading=heading)


@router.get("/timeline", summary="Timeline page", responses=ERRORS)
def timeline(request: Request, d: CurrentDossier, f: EventFilters) -> HTMLResponse:
    rows = f.events(d.events)
    span = (f.date_from or d.summary["first"], f.date_to or d.summary["last"])
    figure = charts.timeline_figure(
        rows, app_link, span if len(span[0] or "") == 10 else (None, None)
    )
    return section(request, "timeline", "Timeline", rows=rows, figure=figure, filters=f)


@router.get("/actors", summary="Actors page")
def actors(request: Request) -> HTMLResponse:
    return section(request, "actors", "Actors")


@router.get("/quotes", summary="Quotes page, one page of `limit` quotes", responses=ERRORS)
def quotes(request: Request, d: CurrentDossier, f: QuoteFilters) -> HTMLResponse:
    page = f.page(f.quotes(d.quotes))
    paging = {
        **page,
        "shown": len(page["items"]),
        "prev": _page_link(request, f, f.offset - f.limit) if f.offset > 0 else None,
        "next": _page_link(request, f, f.offset + f.limit)
        if f.offset + f.limit < page["total"]
        else None,
    }
    return section(request, "quotes", "Quotes", rows=page["items"], filters=f, paging=paging)


def _page_link(request: Request, f: Filters, offset: int) -> str:
    """This page's URL at another `offset`, with the same filters and page size."""
    from urllib.parse import urlencode

    kept = [(k, v) for k, v in request.query_params.multi_items() if k not in PAGING and v]
    return (
        f"{request.url.path}?{urlencode([*kept, ('offset', max(offset, 0)), ('limit', f.limit)])}"
    )


@router.get("/stances", summary="Stance matrix page", responses=ERRORS)
def stances(request: Request, d: CurrentDossier, f: StanceFilters) -> HTMLResponse:
    rows = f.stances(d.stances or [])
    figure = (
        charts.stance_figure(
            rows, [a["id"] for a in d.actors], [i["id"] for i in d.issues], app_link, d.labels
        )
        if rows
        else None
    )
    view = {"stances": rows or None, "notes": d.notes, "labels": d.labels}
    return section(request, "stances", "Stances", view=view, figure=figure, filters=f)


@router.get("/claims", summary="Claims page")
def claims(request: Request) -> HTMLResponse:
    return section(request, "claims", "Claims")


@router.get("/outlets", summary="Outlet comparison page")
def outlets(request: Request) -> HTMLResponse:
    return section(request, "outlets", "Outlets")


@router.get("/articles", summary="Article list page", responses=ERRORS)
def articles(request: Request, d: CurrentDossier, f: ArticleFilters) -> HTMLResponse:
    return section(request, "articles", "Articles", rows=f.articles(d.articles), filters=f)


@router.get("/articles/{article_id}", summary="Article reader page", responses=ERRORS)
def article(request: Request, article_id: ArticleId) -> HTMLResponse:
    s = app_state(request)
    d = s.dossier()
    meta, body = d.article(article_id), s.body(article_id)
    if meta is None or body is None:
        raise HTTPException(404, detail=f"article_id={article_id!r}: no such article")
    spans = sorted(
        article_spans(article_id, d.quotes, d.events, d.stances, d.claims),
        key=lambda sp: (sp.start, sp.end),
    )
    records = list({sp.anchor: sp for sp in spans}.values())
    return render(
        request,
        "app_article.html",
        title=meta["label"],
        article=meta,
        body=body,
        records=records,
    )


@router.get("/search", summary="Search page", responses=ERRORS)
def search_page(
    request: Request, q: Annotated[str | None, Query(max_length=200)] = None
) -> HTMLResponse:
    s = app_state(request)
    words = blank(q)
    hits = link_hits(search(s.dossier(), s.all_texts(), words, limit=200)) if words else []
    return section(request, "search", "Search", rows=hits, filters={"q": words})


@router.get("/forecast", summary="Forecast and what-if page", responses=ERRORS)
def forecast(
    request: Request,
    model: ModelName = PRIMARY_MODEL,  # type: ignore[assignment]
    actor: Text = None,
    issue: Text = None,
    field: Field = None,
    value: Annotated[float | None, Query(ge=0, le=1000)] = None,
) -> HTMLResponse:
    s = app_state(request)
    baseline_payload = forecast_payload(s, model, s.runs, ())
    if not baseline_payload["available"]:
        return render(request, "app_forecast.html", title="Forecast", heading="Forecast", view=None)
    baseline = s.forecast(model, s.runs, ())
    form = {
        "model": model,
        "actor": blank(actor),
        "issue": blank(issue),
        "field": blank(field),
        "value": value,
    }
    change, current, view = _whatif(s, baseline, form)
    figure = charts.forecast_figure(
        view.primary(model if model != "all" else PRIMARY_MODEL),
        names=app_state(request).dossier().labels,
    )
    return render(
        request,
        "app_forecast.html",
        title="Forecast",
        heading="Forecast and what-if",
        view=view,
        baseline=baseline if change else None,
        figure=figure,
        form=_defaults(form, view),
        change=change,
        old_value=current,
        models=("all", "compromise", "median", "nash", "eum", "anchor"),
    )


def _whatif(s: Any, baseline: Any, form: dict[str, Any]) -> tuple[str | None, float | None, Any]:
    """(description of the change, the input's old value, the view after the change)."""
    given = [form[k] is not None for k in ("actor", "issue", "field", "value")]
    if not any(given):
        return None, None, baseline
    if not all(given):
        raise bad("what-if", "incomplete", "give actor, issue, field and value together")
    table = baseline.table
    if form["actor"] not in table.actors:
        raise bad("actor", form["actor"], f"valid: {', '.join(table.actors)}")
    if form["issue"] not in table.issues:
        raise bad("issue", form["issue"], f"valid: {', '.join(table.issues)}")
    override = f"{form['actor']}.{form['issue']}.{form['field']}={form['value']:g}"
    payload = forecast_payload(s, form["model"], s.runs, (override,))
    if not payload["available"]:
        return None, None, baseline
    current = input_value(table, form["actor"], form["issue"], form["field"])
    view = s.forecast(form["model"], s.runs, (override,))
    change = f"{form['actor']}'s {form['field']} on {form['issue']} were {form['value']:g}"
    return change, current, view


def _defaults(form: dict[str, Any], view: Any) -> dict[str, Any]:
    table = view.table
    return {
        **form,
        "actor": form["actor"] or table.actors[0],
        "issue": form["issue"] or table.issues[0],
        "field": form["field"] or "salience",
    }


@router.get("/api", summary="API index page")
def api_index(request: Request) -> HTMLResponse:
    schema = request.app.openapi()
    rows = [
        {
            "path": path,
            "summary": op["get"].get("summary", ""),
            "params": [p["name"] for p in op["get"].get("parameters", [])],
        }
        for path, op in schema["paths"].items()
        if path.startswith("/api/") and "get" in op
    ]
    return section(request, "api", "JSON API", rows=rows)


@router.get("/static/plotly.js", summary="The plotly.js library", response_class=Response)
def plotly_js() -> Response:
    return Response(
        charts.plotly_js(),
        media_type="text/javascript",
        headers={"Cache-Control": "public, max-age=86400"},
    )
