"""Query parameters shared by the pages and the API, each validated once.

HTML forms send empty strings for blank fields; those mean "no filter". A bad
value is a 422 whose detail names the parameter, the value and what is valid.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Annotated, Literal

from fastapi import HTTPException, Query

from parley.present.report.dossier import DATE_PATTERN, Dossier

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


def bad(param: str, value: object, fix: str) -> HTTPException:
    """A 422 naming the parameter, its value and the fix."""
    return HTTPException(status_code=422, detail=f"{param}={value!r}: {fix}")


def blank(value: str | None) -> str | None:
    """None for a missing or blank form value, else the value stripped."""
    if value is None:
        return None
    value = value.strip()
    return value or None


@dataclass
class Filters:
    """Checked filters: actor and issue are case ids, outlet a known outlet, dates in order."""

    actor: str | None = None
    issue: str | None = None
    outlet: str | None = None
    speaker: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    q: str | None = None


def check_filters(dossier: Dossier, **raw: str | None) -> Filters:
    """Validate raw query values against the dossier; raises a 422 `HTTPException`."""
    values = {k: blank(v) for k, v in raw.items()}
    filters = Filters(**values)
    actors = [a["id"] for a in dossier.actors]
    if filters.actor and filters.actor not in actors:
        raise bad("actor", filters.actor, f"unknown actor; valid: {', '.join(actors) or 'none'}")
    issues = [i["id"] for i in dossier.issues]
    if filters.issue and filters.issue not in issues:
        raise bad("issue", filters.issue, f"unknown issue; valid: {', '.join(issues) or 'none'}")
    outlets = dossier.outlet_names
    if filters.outlet and filters.outlet not in outlets:
        raise bad("outlet", filters.outlet, f"unknown outlet; valid: {', '.join(outlets)}")
    for name in ("date_from", "date_to"):
        _check_date(name, getattr(filters, name))
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        raise bad("date_from", filters.date_from, f"must not be after date_to={filters.date_to}")
    return filters


def _check_date(name: str, value: str | None) -> None:
    if not value:
        return
    padded = value + "-01" * ((10 - len(value)) // 3)
    try:
        dt.date.fromisoformat(padded)
    except ValueError:
        raise bad(name, value, "not a real date; use YYYY, YYYY-MM or YYYY-MM-DD") from None
