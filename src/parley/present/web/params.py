"""Query parameters shared by the pages and the API, each validated once.

HTML forms send empty strings for blank fields; those mean "no filter". A bad
value is a 422 whose detail names the parameter, the value and what is valid.
"""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import Depends, HTTPException, Query, Request

from parley.present.report.dossier import (
    DATE_PATTERN,
    Dossier,
    filter_events,
    filter_quotes,
    in_range,
)
from parley.present.web.state import app_state

ModelName = Literal["all", "compromise", "median", "nash", "eum", "anchor"]
"""`all` or one of `parley.bargain.MODEL_NAMES` (a test keeps the two in step)."""

Text = Annotated[str | None, Query(max_length=200)]
DateText = Annotated[
    str | None,
    Query(
        max_length=10,
        pattern=DATE_PATTERN.replace("^", "^(").replace("$", ")?$"),
        description="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)",
    ),
]
Limit = Annotated[int, Query(ge=1, le=1000, description="At most this many items")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Skip this many items")]


def current_dossier(request: Request) -> Dossier:
    """The app's dossier; as a dependency, read once per request (FastAPI caches it)."""
    return app_state(request).dossier()


CurrentDossier = Annotated[Dossier, Depends(current_dossier)]


def bad(param: str, value: object, fix: str) -> HTTPException:
    """A 422 naming the parameter, its value and the fix."""
    return HTTPException(status_code=422, detail=f"{param}={value!r}: {fix}")


def blank(value: str | None) -> str | None:
    """None for a missing or blank form value, else the value stripped."""
    if value is None:
        return None
    value = value.strip()
    return value or None


Row = dict[str, Any]

QUOTE_FILTERS = ("speaker", "outlet", "actor", "date_from", "date_to", "q")
EVENT_FILTERS = ("actor", "outlet", "date_from", "date_to", "q")
ARTICLE_FILTERS = ("outlet", "date_from", "date_to")
STANCE_FILTERS = ("actor", "issue")
PAGING = ("limit", "offset")
"""Parameter lists for `filters`: the filters each view applies, and paging for the API.

Paging goes in the same dependency so that a bad `limit` is rejected before the
filters are checked against the dossier (one 422 listing every malformed value)."""


@dataclass
class Filters:
    """Checked filters: actor and issue are case ids, outlet a known outlet, dates in order.

    `limit` and `offset` page the API's lists; the pages show every match.
    """

    actor: str | None = None
    issue: str | None = None
    outlet: str | None = None
    speaker: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    q: str | None = None
    limit: int = 100
    offset: int = 0

    def quotes(self, rows: list[Row]) -> list[Row]:
        """The quotes these filters keep."""
        return filter_quotes(
            rows,
            speaker=self.speaker,
            outlet=self.outlet,
            actor=self.actor,
            date_from=self.date_from,
            date_to=self.date_to,
            text=self.q,
        )

    def events(self, rows: list[Row]) -> list[Row]:
        """The merged events these filters keep."""
        return filter_events(
            rows,
            actor=self.actor,
            outlet=self.outlet,
            date_from=self.date_from,
            date_to=self.date_to,
            text=self.q,
        )

    def articles(self, rows: list[Row]) -> list[Row]:
        """The articles from the outlet published in the date range."""
        return [
            a
            for a in rows
            if (not self.outlet or a["outlet"] == self.outlet)
            and in_range(a["published"], self.date_from, self.date_to)
        ]

    def stances(self, rows: list[Row]) -> list[Row]:
        """The stances of the actor on the issue."""
        return [
            s
            for s in rows
            if (not self.actor or s.get("actor") == self.actor)
            and (not self.issue or s.get("issue") == self.issue)
        ]

    def page(self, items: list[Any]) -> dict[str, Any]:
        """One page of `items` as the API returns it."""
        return {
            "total": len(items),
            "offset": self.offset,
            "limit": self.limit,
            "items": items[self.offset : self.offset + self.limit],
        }


PARAMETERS: dict[str, tuple[Any, object]] = {
    "speaker": (Text, None),
    "outlet": (Text, None),
    "actor": (Text, None),
    "issue": (Text, None),
    "date_from": (DateText, None),
    "date_to": (DateText, None),
    "q": (Text, None),
    "limit": (Limit, 100),
    "offset": (Offset, 0),
}
"""Each query parameter `filters` can take: its annotated type and default."""


def filters(*names: str) -> Callable[..., Filters]:
    """A FastAPI dependency taking the query parameters `names`, in that order, checked.

    Use as `Annotated[Filters, Depends(filters(*QUOTE_FILTERS))]`. A route lists
    only the parameters it applies, so its OpenAPI parameters are exactly those;
    a bad value is a 422 (see `check_filters`).
    """
    unknown = [n for n in names if n not in PARAMETERS]
    if unknown:
        raise ValueError(f"unknown filter parameter(s) {unknown}; valid: {', '.join(PARAMETERS)}")

    def dependency(dossier: Dossier, **raw: Any) -> Filters:
        return check_filters(dossier, **raw)

    # FastAPI reads a dependency's query parameters from its signature.
    keyword = inspect.Parameter.KEYWORD_ONLY
    dependency.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [inspect.Parameter("dossier", keyword, annotation=CurrentDossier)]
        + [
            inspect.Parameter(n, keyword, annotation=PARAMETERS[n][0], default=PARAMETERS[n][1])
            for n in names
        ],
        return_annotation=Filters,
    )
    return dependency


def check_filters(
    dossier: Dossier, *, limit: int = 100, offset: int = 0, **raw: str | None
) -> Filters:
    """Validate raw query values against the dossier; raises a 422 `HTTPException`."""
    values = {k: blank(v) for k, v in raw.items()}
    checked = Filters(**values, limit=limit, offset=offset)
    actors = [a["id"] for a in dossier.actors]
    if checked.actor and checked.actor not in actors:
        raise bad("actor", checked.actor, f"unknown actor; valid: {', '.join(actors) or 'none'}")
    issues = [i["id"] for i in dossier.issues]
    if checked.issue and checked.issue not in issues:
        raise bad("issue", checked.issue, f"unknown issue; valid: {', '.join(issues) or 'none'}")
    outlets = dossier.outlet_names
    if checked.outlet and checked.outlet not in outlets:
        raise bad("outlet", checked.outlet, f"unknown outlet; valid: {', '.join(outlets)}")
    for name in ("date_from", "date_to"):
        _check_date(name, getattr(checked, name))
    if checked.date_from and checked.date_to and checked.date_from > checked.date_to:
        raise bad("date_from", checked.date_from, f"must not be after date_to={checked.date_to}")
    return checked


def _check_date(name: str, value: str | None) -> None:
    if not value:
        return
    padded = value + "-01" * ((10 - len(value)) // 3)
    try:
        dt.date.fromisoformat(padded)
    except ValueError:
        raise bad(name, value, "not a real date; use YYYY, YYYY-MM or YYYY-MM-DD") from None
