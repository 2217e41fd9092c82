"""The web app over a dossier: HTML pages and a JSON API (FastAPI), read-only.

`create_app(store, case)` builds the app; `parley serve` runs it with
uvicorn on 127.0.0.1 unless told otherwise. Pages and API read the same
`Dossier` (see `parley.present.report.dossier`); errors in a page come back
as an HTML page with the same status and message as the API's JSON.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

    from parley.case import Case
    from parley.store import Store

LOGGER = logging.getLogger(__name__)

MAX_RUNS = 500
"""Monte Carlo runs one forecast request may ask for (2000 takes seconds per model)."""

__all__ = ["MAX_RUNS", "create_app"]


def create_app(store: Store, case: Case | None = None, *, runs: int = 200) -> FastAPI:
    """The app over `store` (kept open while the app lives).

    `case` adds the case's actors, issues and positions; `runs` is the number
    of Monte Carlo runs behind each forecast interval.
    """
    from fastapi import FastAPI
    from fastapi.exceptions import RequestValidationError
    from starlette.exceptions import HTTPException as StarletteHTTPException

    from parley.present.web import api, pages
    from parley.present.web.state import DossierState

    app = FastAPI(
        title="Parley dossier",
        version="1",
        description="A sourced dossier of a negotiation: articles, quotes, events, stances "
        "and forecasts. Read-only.",
        docs_url=None,  # Swagger UI loads from a CDN; the app must work offline
        redoc_url=None,
    )
    app.state.dossier = DossierState(store, case, runs=runs)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    return app


def _wants_html(request: object) -> bool:
    path = request.url.path  # type: ignore[attr-defined]
    return not (
        path.startswith("/api") or path.startswith("/openapi") or path.startswith("/static")
    )


async def _http_error(request, exc):  # type: ignore[no-untyped-def]
    return _error(request, exc.status_code, exc.detail, getattr(exc, "headers", None))


async def _validation_error(request, exc):  # type: ignore[no-untyped-def]
    from fastapi.encoders import jsonable_encoder

    errors = jsonable_encoder(exc.errors())
    for error in errors:
        error.pop("ctx", None)
        error.pop("url", None)
    return _error(request, 422, errors)


def _error(request, status: int, detail: object, headers=None):  # type: ignore[no-untyped-def]
    from fastapi.responses import JSONResponse

    if not _wants_html(request):
        return JSONResponse({"detail": detail}, status_code=status, headers=headers)
    from parley.present.web.pages import render

    message = detail if isinstance(detail, str) else "; ".join(map(_describe, detail))  # type: ignore[call-overload]
    title = {404: "Not found", 503: "Busy"}.get(status, "Bad request")
    try:
        page = render(
            request,
            "app_section.html",
            status=status,
            section="error",
            title=title,
            heading=title,
            message=message,
        )
        page.headers.update(headers or {})
        return page
    except Exception:  # the dossier itself cannot be read: fall back to JSON
        LOGGER.exception("cannot render the error page")
        return JSONResponse({"detail": detail}, status_code=status, headers=headers)


def _describe(error: dict) -> str:  # type: ignore[type-arg]
    where = ".".join(str(p) for p in error.get("loc", ()) if p != "query")
    return f"{where}: {error.get('msg', 'invalid')} (got {error.get('input')!r})"
