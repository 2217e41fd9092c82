"""Data embedded as JSON in a page cannot end or hide the page: `<`, `>` and `&` are escaped.

A sentence holding `<!--<script>` inside a chart's `<script>` data block used
to swallow the rest of the report and of `/timeline`; Chromium shows that the
content after the block renders.
"""

from __future__ import annotations

import json

import pytest

from tests.hostile import COMMENT, SENTENCE, TITLE


def test_script_json_has_no_angle_brackets_or_ampersands():
    from parley.present.report.templating import script_json

    value = {"text": f"a </script> b {COMMENT} c & d", "n": [1, 2.5]}
    text = str(script_json(value))
    assert not set("<>&") & set(text)
    assert json.loads(text) == value


@pytest.fixture(scope="module")
def hostile_report(hostile_db, tmp_path_factory):
    from parley.present.report import write_report
    from parley.store import open_store

    out = tmp_path_factory.mktemp("hostile-report") / "report.html"
    with open_store(hostile_db, create=False) as store:
        write_report(store, out, store.case(), runs=0)
    return out


pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def test_report_renders_past_the_chart_data(page, hostile_report):
    pytest.importorskip("playwright")
    page.goto(hostile_report.as_uri())
    assert page.locator("#timeline-chart-spec").count() == 1
    assert page.locator("#articles-h").is_visible()
    assert page.locator("#articles").get_by_text(TITLE).first.is_visible()
    assert page.locator("footer").is_visible()


def test_app_timeline_renders_past_the_chart_data(page, hostile_server):
    pytest.importorskip("playwright")
    page.goto(hostile_server + "/timeline")
    assert page.locator("#timeline-chart-spec").count() == 1
    assert page.locator("ol.events").get_by_text(SENTENCE).is_visible()
    assert page.locator("footer").is_visible()
