"""The web timeline in Debian's chromium: weeks and months drawn as spans among the days,
undated events listed apart."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("playwright", reason="playwright is not installed (pip install -e '.[test]')")
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

CORPUS = Path(__file__).parents[1] / "fixtures" / "timeline"
CHART_TIMEOUT = 30_000  # ms


@pytest.fixture(scope="module")
def timeline_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over two briefs of our own (a month, a week, two days, one undated event)."""
    from parley.build import build
    from parley.present.web import create_app
    from parley.store import open_store
    from tests.web.conftest import serving

    db = str(tmp_path_factory.mktemp("timeline-web") / "timeline.db")
    with open_store(db) as store:
        build([CORPUS], store, manifest=CORPUS / "manifest.csv")
        with serving(create_app(store, None, runs=0)) as url:
            yield url


def test_week_and_month_events_are_drawn_as_spans(page, timeline_server, screenshot):
    page.goto(f"{timeline_server}/timeline")
    page.wait_for_selector("#timeline-chart[data-ready]", timeout=CHART_TIMEOUT)
    traces = page.evaluate(
        "() => document.getElementById('timeline-chart').data"
        ".map(t => ({mode: t.mode, x: t.x.filter(v => v !== null)}))"
    )
    spans = [t for t in traces if t["mode"] == "lines+markers"]
    starts = sorted(x for t in spans for x in t["x"][::2])
    assert starts == ["2025-03-01", "2025-03-10"]
    days = sorted(x for t in traces if t["mode"] == "markers" for x in t["x"])
    assert days == ["2025-03-18", "2025-03-31"]
    drawn = page.locator("#timeline-chart .scatterlayer .trace .js-line")
    assert drawn.count() >= 2
    screenshot("timeline-spans")


def test_events_listed_in_date_order_and_undated_apart(page, timeline_server):
    page.goto(f"{timeline_server}/timeline")
    listed = page.locator("ol.events").first.locator("li > strong").all_inner_texts()
    assert listed == ["2025-03", "2025-W11", "2025-03-18", "2025-03-31"]
    assert page.locator("#timeline-undated").inner_text() == "Undated events (1)"
