"""Plotly figures for the timeline, the stance matrix and the forecasts, as JSON-ready dicts.

Figures are plain Plotly specs (plotly.js draws them in the browser), so
building one costs no import of Plotly's Python graph objects. Each data point
carries in `customdata` the link to its evidence; the page's script follows it
on click. Every chart has a table or list beside it with the same facts, for
readers who cannot see the chart.
"""

from __future__ import annotations

import base64
import gzip
import logging
from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from typing import Any

LOGGER = logging.getLogger(__name__)

Link = Callable[..., str]
FONT = {"family": "system-ui, sans-serif", "size": 13}


def _layout(**extra: Any) -> dict[str, Any]:
    for axis in ("xaxis", "yaxis"):
        extra[axis] = {"automargin": True, **extra.get(axis, {})}
    return {
        "font": FONT,
        "margin": {"l": 20, "r": 20, "t": 30, "b": 40},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "hoverlabel": {"align": "left"},
        **extra,
    }


def _cut(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def timeline_figure(
    events: list[dict[str, Any]], link: Link, span: tuple[str | None, str | None] = (None, None)
) -> dict[str, Any] | None:
    """Dated events on a time axis, one row per event type: days as points (hollow when
    approximate), weeks and months as spans over the days they cover; None without dated
    events.

    `span` (first and last publication date) sets the initial view, so a few
    events dated years back do not squash the rest; zooming out shows them.
    """
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in events:
        if e["date"] and e.get("first_day") and e["sources"]:
            by_type[e["type"]].append(e)
    if not by_type:
        return None
    traces = []
    for kind, rows in sorted(by_type.items()):
        days = [e for e in rows if e["first_day"] == e["last_day"]]
        spans = [e for e in rows if e["first_day"] != e["last_day"]]
        if days:
            traces.append(_day_trace(kind, days, link))
        if spans:
            traces.append(_span_trace(kind, spans, link))
    xaxis: dict[str, Any] = {"type": "date"}
    if span[0] and span[1]:
        xaxis["range"] = [_shift(span[0], -21), _shift(span[1], 7)]
    return {
        "data": traces,
        "layout": _layout(
            height=120 + 40 * len(by_type),
            showlegend=False,
            xaxis=xaxis,
            yaxis={"type": "category"},
        ),
    }


def _hover(e: dict[str, Any]) -> str:
    when = f"~{e['date']} (approximate)" if e.get("approximate") else e["date"]
    return (
        f"{when} · {', '.join(e['actors']) or 'no actor'}<br>{_cut(e['summary'])}"
        f"<br>{len(e['sources'])} source(s): {', '.join(e['outlets'])}"
    )


def _day_trace(kind: str, rows: list[dict[str, Any]], link: Link) -> dict[str, Any]:
    """Events of one day: a point each, hollow when the day is approximate."""
    return {
        "type": "scatter",
        "mode": "markers",
        "name": kind,
        "x": [e["first_day"] for e in rows],
        "y": [kind] * len(rows),
        "marker": {
            "size": [8 + 3 * min(len(e["sources"]), 5) for e in rows],
            "symbol": ["circle-open" if e.get("approximate") else "circle" for e in rows],
        },
        "customdata": [_event_href(e, link) for e in rows],
        "text": [_hover(e) for e in rows],
        "hovertemplate": "%{text}<extra></extra>",
    }


def _span_trace(kind: str, rows: list[dict[str, Any]], link: Link) -> dict[str, Any]:
    """Events of a week or a month: a bar over their days (segments cut by gaps)."""
    x: list[str | None] = []
    y: list[str | None] = []
    data: list[str | None] = []
    text: list[str | None] = []
    for e in rows:
        href, hover = _event_href(e, link), _hover(e)
        x += [e["first_day"], _shift(e["last_day"], 1), None]
        y += [kind, kind, None]
        data += [href, href, None]
        text += [hover, hover, None]
    return {
        "type": "scatter",
        "mode": "lines+markers",
        "name": f"{kind} (week or month)",
        "x": x,
        "y": y,
        "line": {"width": 8},
        "marker": {"size": 4},
        "opacity": 0.6,
        "connectgaps": False,
        "customdata": data,
        "text": text,
        "hovertemplate": "%{text}<extra></extra>",
    }


def _shift(day: str, days: int) -> str:
    from datetime import date, timedelta

    try:
        return (date.fromisoformat(day) + timedelta(days=days)).isoformat()
    except ValueError:
        return day


def _event_href(event: dict[str, Any], link: Link) -> str:
    src = event["sources"][0]
    return link(src["article_id"], kind="event", start=src["start"], end=src["end"])


def stance_matrix(
    stances: list[dict[str, Any]], actors: list[str], issues: list[str]
) -> dict[tuple[str, str], dict[str, Any]]:
    """Per (actor, issue): support and oppose counts, net score (-1..1) and the evidence."""
    cells: dict[tuple[str, str], dict[str, Any]] = {}
    for s in stances:
        cell = cells.setdefault(
            (s["actor"], s["issue"]), {"support": 0, "oppose": 0, "evidence": []}
        )
        if s["stance"] in ("support", "oppose"):
            cell[s["stance"]] += 1
        cell["evidence"].append(s)
    for cell in cells.values():
        total = cell["support"] + cell["oppose"]
        cell["net"] = (cell["support"] - cell["oppose"]) / total if total else 0.0
    return cells


def stance_figure(
    stances: list[dict[str, Any]],
    actors: list[str],
    issues: list[str],
    link: Link,
    names: dict[str, str] | None = None,
) -> dict[str, Any] | None:
    """Heatmap of actors x issues coloured by net support; hover shows the evidence.

    `names` gives the label shown for each actor and issue id (the id by default).
    """
    names = names or {}
    cells = stance_matrix(stances, actors, issues)
    if not cells:
        return None
    actors = [a for a in actors if any((a, i) in cells for i in issues)] or sorted(
        {a for a, _ in cells}
    )
    issues = [i for i in issues if any((a, i) in cells for a in actors)] or sorted(
        {i for _, i in cells}
    )
    z, text, hrefs = [], [], []
    for a in actors:
        z.append([cells[(a, i)]["net"] if (a, i) in cells else None for i in issues])
        text.append([_cell_text(cells.get((a, i))) for i in issues])
        hrefs.append([_cell_href(cells.get((a, i)), link) for i in issues])
    trace = {
        "type": "heatmap",
        "x": [names.get(i, i) for i in issues],
        "y": [names.get(a, a) for a in actors],
        "z": z,
        "zmin": -1,
        "zmax": 1,
        "colorscale": "RdBu",
        "reversescale": True,  # plotly's RdBu runs blue to red; oppose (-1) should be red
        "text": text,
        "customdata": hrefs,
        "hovertemplate": "<b>%{y}</b> on <b>%{x}</b><br>%{text}<extra></extra>",
        "colorbar": {"title": {"text": "oppose … support"}},
    }
    return {
        "data": [trace],
        "layout": _layout(height=200 + 40 * len(actors), xaxis={"tickangle": -30}),
    }


def _cell_text(cell: dict[str, Any] | None) -> str:
    if cell is None:
        return "no evidence"
    lines = [f"{cell['support']} support, {cell['oppose']} oppose"]
    for s in cell["evidence"][:3]:
        lines.append("· " + _cut(s.get("text") or s.get("evidence") or "", 80))
    return "<br>".join(lines)


def _cell_href(cell: dict[str, Any] | None, link: Link) -> str:
    if not cell or not cell["evidence"]:
        return ""
    s = cell["evidence"][0]
    return link(s["article_id"], kind="stance", start=s["start"], end=s["end"])


def forecast_figure(
    rows: list[dict[str, Any]], title: str = "", names: dict[str, str] | None = None
) -> dict[str, Any] | None:
    """One model's forecast per issue with its interval, the status quo and actor positions.

    `names` gives the label shown for each actor and issue id (the id by default).
    """
    names = names or {}
    rows = [r for r in rows if r["forecast"] is not None]
    if not rows:
        return None
    issues = [names.get(r["issue"], r["issue"]) for r in rows]
    point = {
        "type": "scatter",
        "mode": "markers",
        "name": "forecast",
        "y": issues,
        "x": [r["forecast"] for r in rows],
        "marker": {"size": 13, "symbol": "diamond", "color": "#1f4e8c"},
        "hovertemplate": "%{y}: forecast %{x:.1f}<extra></extra>",
    }
    if all(r["low"] is not None for r in rows):
        point["error_x"] = {
            "type": "data",
            "symmetric": False,
            "array": [r["high"] - r["forecast"] for r in rows],
            "arrayminus": [r["forecast"] - r["low"] for r in rows],
            "color": "#1f4e8c",
        }
    status = {
        "type": "scatter",
        "mode": "markers",
        "name": "status quo",
        "y": issues,
        "x": [r["status_quo"] for r in rows],
        "marker": {"size": 10, "symbol": "line-ns-open", "color": "#b35c00", "line": {"width": 3}},
        "hovertemplate": "%{y}: status quo %{x:.0f}<extra></extra>",
    }
    positions = {
        "type": "scatter",
        "mode": "markers",
        "name": "actor positions",
        "y": [names.get(r["issue"], r["issue"]) for r in rows for _ in r["positions"]],
        "x": [p for r in rows for p in r["positions"].values()],
        "text": [names.get(a, a) for r in rows for a in r["positions"]],
        "marker": {"size": 7, "color": "rgba(90,90,90,0.45)"},
        "hovertemplate": "%{text}: %{x:.0f}<extra></extra>",
    }
    return {
        "data": [positions, status, point],
        "layout": _layout(
            title={"text": title},
            height=120 + 36 * len(rows),
            xaxis={"range": [-3, 103], "title": {"text": "issue scale (0-100)"}},
            yaxis={"type": "category", "autorange": "reversed"},
            legend={"orientation": "h", "y": -0.15 - 1.5 / max(len(rows), 4)},
        ),
    }


@lru_cache(maxsize=1)
def plotly_js() -> str:
    """The plotly.js bundle shipped with the `plotly` package (about 4.8 MB)."""
    from plotly.offline import get_plotlyjs

    return get_plotlyjs()


@lru_cache(maxsize=1)
def plotly_js_packed() -> str:
    """plotly.js gzipped and base64-encoded (about 2 MB) for the self-contained report.

    The report unpacks it with the browser's DecompressionStream; this keeps the
    seeds report well under 5 MB where the plain bundle alone takes 4.8 MB.
    """
    return base64.b64encode(gzip.compress(plotly_js().encode("utf-8"), 6, mtime=0)).decode()
