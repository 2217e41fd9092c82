"""End to end in Debian's chromium: the sample dossier's report and app, as a reader uses them.

Each test saves a screenshot under artifacts/screenshots/.
"""

from __future__ import annotations

import re

import pytest

pytest.importorskip("playwright", reason="playwright is not installed (pip install -e '.[test]')")
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

CHART_TIMEOUT = 30_000  # ms; plotly.js takes seconds to start on a busy 2-core machine


def shot(name: str):
    from tests.web.conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / f"{name}.png"


def expect_target_highlighted(page, prefix: str) -> None:
    """The URL fragment names a `prefix` span; that span is marked current and on screen."""
    page.wait_for_function(f"location.hash.startsWith('#{prefix}')")
    anchor = page.evaluate("decodeURIComponent(location.hash.slice(1))")
    mark = page.locator(f'mark[id="{anchor}"]')
    assert mark.evaluate("m => m.classList.contains('current')")
    assert mark.is_visible()
    box, height = mark.bounding_box(), page.viewport_size["height"]
    assert box is not None and 0 <= box["y"] <= height


def click_first_point(page, chart_id: str) -> None:
    """Click the first point drawn inside the plot area (points off the axis range exist too)."""
    page.wait_for_selector(f"#{chart_id}[data-ready]", timeout=CHART_TIMEOUT)
    page.locator(f"#{chart_id}").scroll_into_view_if_needed()
    area = page.locator(f"#{chart_id} .nsewdrag").first.bounding_box()
    for point in page.locator(f"#{chart_id} .scatterlayer .point").all():
        box = point.bounding_box()
        x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
        if area["x"] < x < area["x"] + area["width"] and area["y"] < y < area["y"] + area["height"]:
            page.mouse.click(x, y)
            return
    raise AssertionError(f"no point of #{chart_id} is inside its plot area")


# -- the one-file report ---------------------------------------------------------------
# One loaded report serves the tests that do not need a fresh page (plotly.js takes
# seconds to start on a busy machine); each test resets what it changes.


@pytest.fixture(scope="module")
def report_page(browser, demo_report):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.outside_requests = []
    page.on(
        "request",
        lambda r: (
            None if r.url.startswith(("file:", "data:")) else page.outside_requests.append(r.url)
        ),
    )
    page.goto(demo_report.as_uri())
    page.wait_for_selector("#timeline-chart[data-ready]", timeout=CHART_TIMEOUT)
    yield page
    page.close()


def test_report_timeline_point_opens_its_source_span(report_page):
    report_page.screenshot(path=str(shot("report-top")))
    click_first_point(report_page, "timeline-chart")
    expect_target_highlighted(report_page, "e-")
    report_page.screenshot(path=str(shot("report-event-source")))


def test_report_event_source_link_lands_on_span(report_page):
    link = report_page.locator("#timeline a.source").nth(1)
    target = link.get_attribute("href")
    link.click()
    report_page.wait_for_function(f"location.hash === '{target}'")
    expect_target_highlighted(report_page, "e-")


def test_report_quote_filter_by_speaker(report_page):
    page = report_page
    rows = page.locator("#quote-table tbody tr")
    total = rows.count()
    speaker = page.locator("#qf-speaker option").nth(1).get_attribute("value")
    page.select_option("#qf-speaker", speaker)
    visible = page.locator("#quote-table tbody tr:not([hidden]) td.speaker")
    names = {t.split("\n")[0].strip() for t in visible.all_inner_texts()}
    assert names == {speaker}
    assert 0 < visible.count() < total
    assert re.match(rf"{visible.count()} of {total} quotes shown", page.inner_text("#quote-count"))
    page.locator("#quotes").scroll_into_view_if_needed()
    page.screenshot(path=str(shot("report-quotes-filtered")))
    page.select_option("#qf-speaker", "")
    assert page.locator("#quote-table tbody tr[hidden]").count() == 0


def test_report_is_accessible_enough(report_page):
    page = report_page
    assert page.locator("h1").count() == 1
    for section in page.locator("main section").all():
        assert section.locator("h2").count() >= 1
    unlabeled = page.evaluate(
        """[...document.querySelectorAll('input, select')]
             .filter(e => !e.labels || e.labels.length === 0).length"""
    )
    assert unlabeled == 0
    assert page.locator("img:not([alt])").count() == 0
    for chart in page.locator("[data-figure]").all():
        assert chart.get_attribute("role") == "img" and chart.get_attribute("aria-label")


def test_report_makes_no_network_requests(report_page):
    report_page.wait_for_selector("#forecast-chart[data-ready]", timeout=CHART_TIMEOUT)
    assert report_page.outside_requests == []


def test_report_keyboard_skip_link_and_filters(page, demo_report):
    page.goto(demo_report.as_uri())
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.focus("#qf-speaker")
    page.keyboard.press("ArrowDown")
    assert page.locator("#quote-table tbody tr[hidden]").count() > 0


# -- the web app -------------------------------------------------------------------------


PAGES = (
    "/",
    "/timeline",
    "/actors",
    "/quotes",
    "/stances",
    "/claims",
    "/outlets",
    "/forecast",
    "/articles",
    "/search?q=ceasefire",
    "/api",
)


def test_every_page_renders_with_a_heading(page, demo_server, screenshot):
    for path in PAGES:
        response = page.goto(demo_server + path)
        assert response.status == 200, path
        assert page.locator("h1").count() == 1, path
        name = path.strip("/").split("?")[0] or "overview"
        screenshot(f"app-{name}")


def test_app_timeline_point_opens_highlighted_span(page, demo_server, screenshot):
    page.goto(demo_server + "/timeline")
    click_first_point(page, "timeline-chart")
    page.wait_for_url(re.compile(r"/articles/"))
    expect_target_highlighted(page, "e-")
    screenshot("app-article-event")


def test_app_quote_filter_by_speaker(page, demo_server, screenshot):
    page.goto(demo_server + "/quotes")
    total = page.locator("#quote-table tbody tr").count()
    speaker = page.locator("#qf-speaker option").nth(1).get_attribute("value")
    page.select_option("#qf-speaker", speaker)
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"speaker="))
    names = {t.split("\n")[0].strip() for t in page.locator("td.speaker").all_inner_texts()}
    assert names == {speaker}
    assert page.locator("#quote-table tbody tr").count() < total
    screenshot("app-quotes-filtered")


def test_app_quote_link_opens_highlighted_quote(page, demo_server):
    page.goto(demo_server + "/quotes")
    page.locator("#quote-table tbody a").first.click()
    expect_target_highlighted(page, "q-")


def test_app_whatif_changes_the_forecast(page, demo_server, screenshot):
    page.goto(demo_server + "/forecast")
    cell = "#forecast-table tr[data-issue='immediate_ceasefire'] td[data-model='compromise']"
    before = float(page.inner_text(cell).split()[0])
    page.select_option("#w-model", "compromise")
    page.select_option("#w-actor", "russia")
    page.select_option("#w-issue", "immediate_ceasefire")
    page.select_option("#w-field", "salience")
    page.fill("#w-value", "5")
    page.click("#whatif button[type=submit]")
    page.wait_for_selector("#whatif-status")
    after = float(page.inner_text(cell).split()[0])
    assert after != before
    assert page.locator(f"{cell} .delta-up, {cell} .delta-down").count() == 1
    screenshot("app-whatif")


def test_app_keyboard_reaches_navigation(page, demo_server):
    page.goto(demo_server + "/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "/"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/timeline$"))
