"""Stances through the command line: the seeds on day one (no rules), and `--rules`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"

BRIEF = """Harbour talks stall

Northland rejected the fishing ban on Monday. Southia welcomed the harbour levy.
"""


def parley(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "parley", *args], capture_output=True, text=True)


def exported(db: Path) -> list[dict]:
    out = parley("export", "stances", "--db", str(db), "--format", "jsonl")
    assert out.returncode == 0, out.stderr
    return [json.loads(line) for line in out.stdout.splitlines() if line]


@pytest.mark.shared
def test_the_seeds_on_day_one_give_stances(shared, tmp_path):
    """The seed case file with every rule stripped, under an id no rules file matches."""
    data = yaml.safe_load((shared / "cases" / "russia-ukraine-2025.yaml").read_text())
    data["case"] = "seeds-day-one"
    for issue in data["issues"]:
        issue.pop("rules", None)
    case = tmp_path / "case.yaml"
    case.write_text(yaml.safe_dump(data), encoding="utf-8")
    db = tmp_path / "seeds.db"
    args = ("--case", str(case), "--manifest", str(shared / "manifests" / "seeds.csv"))
    built = parley("build", str(shared / "seeds"), *args, "--db", str(db))
    assert built.returncode == 0, built.stderr
    rows = exported(db)
    assert len(rows) >= 30
    tuples = {(r["actor"], r["issue"], r["stance"]) for r in rows}
    for known in [
        ("russia", "immediate_ceasefire", "oppose"),
        ("russia", "partial_truce", "support"),
        ("united_states", "sanctions_on_russia", "support"),
        ("ukraine", "partial_truce", "oppose"),
    ]:
        assert known in tuples


def test_rules_given_with_the_option_refine_the_case(tmp_path):
    """An issue no word of the case names is found once a rules file names it."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "talks.txt").write_text(BRIEF, encoding="utf-8")
    rules = tmp_path / "extra.yaml"
    rules.write_text(
        yaml.safe_dump({"issues": {"port_fees": {"against": ["harbour levy"]}}}), encoding="utf-8"
    )
    case = str(FIXTURES / "dayone_case.yaml")
    plain, refined = tmp_path / "plain.db", tmp_path / "refined.db"
    assert parley("build", str(folder), "--case", case, "--db", str(plain)).returncode == 0
    out = parley("build", str(folder), "--case", case, "--rules", str(rules), "--db", str(refined))
    assert out.returncode == 0, out.stderr
    before = {(r["actor"], r["issue"], r["stance"]) for r in exported(plain)}
    after = {(r["actor"], r["issue"], r["stance"]) for r in exported(refined)}
    assert ("northland", "fishing_ban", "oppose") in before & after
    assert ("southia", "port_fees", "oppose") in after - before


def test_rules_without_a_case_are_refused(tmp_path):
    rules = tmp_path / "extra.yaml"
    rules.write_text("issues: {}\n", encoding="utf-8")
    out = parley("build", str(tmp_path), "--rules", str(rules), "--db", str(tmp_path / "x.db"))
    assert out.returncode == 2
    assert "--rules refines a case" in out.stderr
