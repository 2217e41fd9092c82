"""Each page says what it is once, every table column has a heading, dates say what they are."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

PAGES = ("/timeline", "/actors", "/quotes", "/stances", "/claims", "/outlets", "/articles")


def headings(html: str, level: str) -> list[str]:
    return [
        re.sub(r"<[^>]+>", "", h).strip()
        for h in re.findall(rf"<{level}[^>]*>(.*?)</{level}>", html, re.S)
    ]


@pytest.mark.parametrize("path", PAGES)
def test_page_heading_is_not_repeated(tiny_client, path):
    html = tiny_client.get(path).text
    [title] = headings(html, "h1")
    assert title not in headings(html, "h2"), path


def test_summary_labels_the_publication_range(tiny_client, hostile_db, tmp_path):
    page = tiny_client.get("/").text
    assert "<dt>Published from</dt><dd>2025-03-04</dd>" in page
    assert "<dt>Published to</dt><dd>2025-03-09</dd>" in page


def test_cli_tables_have_a_heading_for_every_column(hostile_db, monkeypatch):
    from parley.present import render
    from parley.present.cli import app

    monkeypatch.setattr(render.console, "_force_terminal", False)
    for command in ("claims", "stances", "outlets", "articles", "quotes", "timeline"):
        result = CliRunner().invoke(app, [command, "--db", hostile_db])
        assert result.exit_code == 0, result.output
        header = result.stdout.splitlines()[0].split("\t")
        assert len(header) > 2 and all(h.strip() for h in header), (command, header)
