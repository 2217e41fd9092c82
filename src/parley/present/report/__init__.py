"""The one-file HTML dossier: `render_report` and `write_report`.

The report holds everything it shows (text, charts, plotly.js) so it opens
with no network and can be emailed. Its sections: summary, timeline, actors,
quotes (filterable in the page), stances, claims, outlets, forecast, and the
articles with every record's span highlighted and anchored.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

if TYPE_CHECKING:
    from parley.case import Case
    from parley.present.report.dossier import Dossier
    from parley.store import Store

LOGGER = logging.getLogger(__name__)

__all__ = ["article_bodies", "figures", "render_report", "write_report"]


def article_bodies(
    store: Store, dossier: Dossier, ids: list[str] | None = None
) -> dict[str, Markup]:
    """Highlighted HTML of each article's text (all articles, or only `ids`)."""
    from parley.present.report.marks import article_spans, highlight

    wanted = set(ids) if ids is not None else None
    bodies: dict[str, Markup] = {}
    for row in store.rows("articles", ["id", "text"]):
        if wanted is not None and row["id"] not in wanted:
            continue
        spans = article_spans(
            row["id"], dossier.quotes, dossier.events, dossier.stances, dossier.claims
        )
        bodies[row["id"]] = highlight(row["text"], spans)
    return bodies


def figures(dossier: Dossier, link: Any) -> dict[str, dict[str, Any] | None]:
    """The timeline, stance and forecast figures of a dossier (None where there is no data)."""
    from parley.present.report import charts

    actor_ids = [a["id"] for a in dossier.actors]
    issue_ids = [i["id"] for i in dossier.issues]
    return {
        "timeline": charts.timeline_figure(
            dossier.events, link, (dossier.summary["first"], dossier.summary["last"])
        ),
        "stances": (
            charts.stance_figure(dossier.stances, actor_ids, issue_ids, link, dossier.labels)
            if dossier.stances
            else None
        ),
        "forecast": charts.forecast_figure(dossier.forecast.primary(), names=dossier.labels)
        if dossier.forecast
        else None,
    }


def render_report(store: Store, case: Case | None = None, *, runs: int = 200) -> str:
    """The whole dossier as one HTML document (see the module docstring for its sections)."""
    from parley.present.report.charts import plotly_js_packed
    from parley.present.report.dossier import load_dossier
    from parley.present.report.templating import REPORT_SECTIONS, environment, report_link

    dossier = load_dossier(store, case, runs=runs)
    title = f"Dossier: {case.title}" if case else "Parley dossier"
    figs = figures(dossier, report_link)
    return (
        environment()
        .get_template("report.html")
        .render(
            title=title,
            made=datetime.now().strftime("%Y-%m-%d %H:%M"),
            dossier=dossier,
            nav=[(f"#{key}", label) for key, label in REPORT_SECTIONS],
            current=None,
            link=report_link,
            figures=figs,
            bodies=article_bodies(store, dossier),
            plotly_packed=plotly_js_packed() if any(figs.values()) else None,
        )
    )


def write_report(
    store: Store, out: str | Path, case: Case | None = None, *, runs: int = 200
) -> Path:
    """Write the report to `out` (UTF-8) and return its path."""
    path = Path(out)
    html = render_report(store, case, runs=runs)
    path.write_text(html, encoding="utf-8")
    LOGGER.info("wrote %s (%d bytes)", path, path.stat().st_size)
    return path
