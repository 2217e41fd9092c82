"""The one-file HTML report: highlighting, filters, sections and self-containment (no browser)."""

from __future__ import annotations

import re

import pytest

from parley.present.report.dossier import filter_quotes, in_range
from parley.present.report.marks import Span, highlight
from tests.web.helpers import CASE_PATH, fill_store


@pytest.fixture(scope="module")
def tiny_store(tmp_path_factory):
    from parley.store import open_store

    with open_store(tmp_path_factory.mktemp("r") / "tiny.db") as store:
        fill_store(store)
        yield store


@pytest.fixture(scope="module")
def report_html(tiny_store):
    from parley.case import load_case
    from parley.present.report import render_report

    return render_report(tiny_store, load_case(CASE_PATH), runs=20)


def test_highlight_marks_span_with_anchor_and_escapes():
    html = str(highlight("a <b> said", [Span(2, 5, "quote", "q-x-2-5")]))
    assert (
        html == 'a <mark class="mk mk-quote" id="q-x-2-5" data-span="q-x-2-5">&lt;b&gt;</mark> said'
    )


def test_highlight_nests_overlapping_spans_with_each_id_once():
    html = str(highlight("abcdef", [Span(0, 6, "event", "e1"), Span(2, 4, "quote", "q1")]))
    assert html.count('id="e1"') == 1 and html.count('id="q1"') == 1
    assert html.count('data-span="e1"') == 3
    assert re.sub(r"<[^>]+>", "", html) == "abcdef"


def test_highlight_drops_empty_and_outside_spans():
    html = str(highlight("abc", [Span(1, 1, "quote", "q1"), Span(7, 9, "quote", "q2")]))
    assert html == "abc"


@pytest.mark.parametrize(
    ("date", "start", "end", "inside"),
    [
        ("2025-03-04", "2025-03", "2025-03", True),
        ("2025-03", "2025-03-10", None, True),
        ("2025-02-28", "2025-03", None, False),
        ("2025-04-01", None, "2025-03-31", False),
        (None, "2025", None, False),
        (None, None, None, True),
    ],
)
def test_in_range_compares_partial_dates_by_prefix(date, start, end, inside):
    assert in_range(date, start, end) is inside


def test_filter_quotes_by_speaker_ignores_case():
    quotes = [
        {"speaker": "Ann Berg", "outlet": "A", "actor": None, "published": None, "text": "x"},
        {"speaker": "Bo Lind", "outlet": "B", "actor": None, "published": None, "text": "y"},
    ]
    assert [q["speaker"] for q in filter_quotes(quotes, speaker="ann")] == ["Ann Berg"]


def test_report_links_each_quote_to_its_marked_span(report_html):
    links = set(re.findall(r'href="#(q-[^"]+)"', report_html))
    assert len(links) == 2
    for anchor in links:
        assert f'id="{anchor}"' in report_html


def test_report_links_each_event_source_to_its_marked_span(report_html):
    links = set(re.findall(r'href="#(e-[^"]+)"', report_html))
    assert links and all(f'id="{a}"' in report_html for a in links)


def test_report_needs_no_network(report_html):
    assert not re.search(r'<(script|link|img|iframe)[^>]+(src|href)="(https?:)?//', report_html)


def test_report_embeds_plotly(report_html):
    assert (
        'id="plotly-packed"' in report_html and 'data-figure="timeline-chart-spec"' in report_html
    )


def test_report_says_when_stances_are_missing(report_html):
    assert "No stances in this dossier" in report_html


def test_report_forecasts_each_case_issue(report_html):
    rows = re.findall(r'<tr data-issue="([^"]+)"', report_html)
    assert rows == ["quota", "inspections"]


def test_report_without_case_explains_missing_forecast(tiny_store):
    from parley.present.report import render_report

    html = render_report(tiny_store, None, runs=0)
    assert "No forecast for this dossier: no case file given" in html


def test_report_command_writes_file(tiny_store, tmp_path, capsys):
    from typer.testing import CliRunner

    from parley.present.cli import app

    out = tmp_path / "d.html"
    db = tiny_store.url.removeprefix("sqlite:///")
    result = CliRunner().invoke(app, ["report", "--db", db, "--out", str(out), "--runs", "0"])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_report_command_missing_db_is_an_error(tmp_path):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "parley", "report", "--db", str(tmp_path / "none.db")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "no dossier here" in result.stderr
