"""Reading positions: case files (with file:line errors), CSV/TSV."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from parley.bargain.inputs import positions_from_case, read_table
from parley.errors import CaseFileError, InputError

FIXTURE = Path(__file__).parent / "fixtures" / "case_positions.yaml"


def test_case_positions_are_read() -> None:
    t = positions_from_case(FIXTURE)
    i, j = t.actor_index("south"), t.issue_index("quota")
    assert (t.position[i, j], t.salience[i, j], t.capability[i, j]) == (20, 100, 1)


def test_per_issue_capability_overrides_actor_capability() -> None:
    t = positions_from_case(FIXTURE)
    assert t.capability[t.actor_index("south"), t.issue_index("inspections")] == 3


def test_missing_entry_is_nan() -> None:
    t = positions_from_case(FIXTURE)
    assert np.isnan(t.position[t.actor_index("east"), t.issue_index("inspections")])


def edited(tmp_path: Path, old: str, new: str) -> Path:
    text = FIXTURE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "case.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def test_unknown_actor_names_file_and_line(tmp_path: Path) -> None:
    path = edited(tmp_path, "    east:\n", "    west:\n")
    with pytest.raises(
        CaseFileError, match=rf"case.yaml:{line_of(path, 'west:')}: unknown actor id 'west'"
    ):
        positions_from_case(path)


def test_unknown_issue_names_file_and_line(tmp_path: Path) -> None:
    path = edited(tmp_path, "      inspections: {position: 20", "      checks: {position: 20")
    with pytest.raises(
        CaseFileError, match=rf":{line_of(path, 'checks:')}: unknown issue id 'checks'"
    ):
        positions_from_case(path)


def test_out_of_range_value_names_line(tmp_path: Path) -> None:
    path = edited(tmp_path, "quota: {position: 80", "quota: {position: 180")
    with pytest.raises(
        CaseFileError, match=rf":{line_of(path, '180')}: position = 180 is out of range"
    ):
        positions_from_case(path)


def test_missing_capability_names_actor(tmp_path: Path) -> None:
    path = edited(
        tmp_path, "capability: {north: 2, south: 1, east: 1}", "capability: {north: 2, south: 1}"
    )
    with pytest.raises(CaseFileError, match="missing capability for actor 'east'"):
        positions_from_case(path)


def test_case_without_positions_says_how_to_add_them(tmp_path: Path) -> None:
    text = FIXTURE.read_text(encoding="utf-8").split("positions:")[0]
    path = tmp_path / "bare.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CaseFileError, match="no 'positions' section; add a 'positions' section"):
        positions_from_case(path)


def test_csv_table_is_read(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("actor,issue,position,salience,capability\na,x,10,50,2\nb,x,90,50,1\n")
    t = read_table(path)
    assert t.capability[0, 0] == 2 and t.position[1, 0] == 90


def test_tsv_bad_number_names_line(tmp_path: Path) -> None:
    path = tmp_path / "p.tsv"
    path.write_text("actor\tissue\tposition\tsalience\na\tx\t10\t50\nb\tx\tlots\t50\n")
    with pytest.raises(InputError, match="line 3: position must be a number, got 'lots'"):
        read_table(path)


def test_csv_missing_column_is_named(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("actor,issue,position\na,x,10\n")
    with pytest.raises(InputError, match="missing column\\(s\\) salience"):
        read_table(path)
