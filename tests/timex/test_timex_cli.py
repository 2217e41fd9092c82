"""`parley dates` and `parley eval tempeval` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.errors import ParleyError
from parley.present.cli import app

MINI = Path(__file__).parent / "fixtures" / "mini.tml"
runner = CliRunner()


def test_dates_jsonl_uses_the_given_dct(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("The envoys met on Tuesday.", encoding="utf-8")
    result = runner.invoke(app, ["dates", str(article), "--dct", "2024-06-12", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    row = json.loads(result.output.splitlines()[0])
    assert (row["text"], row["value"], row["start"]) == ("Tuesday", "2024-06-11", 18)


def test_dates_reads_the_dct_of_a_timeml_file() -> None:
    result = runner.invoke(app, ["dates", str(MINI), "--format", "jsonl"])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows[0]["value"] == "2024-06-13"


def test_dates_rejects_a_bad_dct(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Tuesday.", encoding="utf-8")
    result = runner.invoke(app, ["dates", str(article), "--dct", "19/03/2025"])
    assert isinstance(result.exception, ParleyError)
    assert "write it as YYYY-MM-DD" in str(result.exception)


def test_eval_tempeval_prints_the_scores_table(tmp_path: Path) -> None:
    (tmp_path / "mini.tml").write_text(MINI.read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["eval", "tempeval", str(tmp_path)], env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.output
    assert "Parley (text)" in result.output and "HeidelTime" in result.output


@pytest.mark.shared
def test_tempeval_dev_reads_every_gold_tag(shared: Path) -> None:
    from parley.extract.timex.timeml import read_timeml_dir

    documents = read_timeml_dir(shared / "data" / "tempeval3-dev")
    assert sum(len(d.timexes) + (d.dct_timex is not None) for d in documents) == 79
