"""Corpus views brought up to date for new articles equal views built from the whole corpus.

Random corpora of made-up records (people whose surnames are spelling variants, labels
the model confuses, events on days, weeks and months of the same weeks, undated reports
that link to dated ones) are stored in parts, the views updated after each part, and
every derived table compared with a one-shot build; then a corpus of real briefs is
built with `parley build` in parts and compared the same way.
"""

from __future__ import annotations

import itertools
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from parley.articles.model import Article, article_id
from parley.extract.records import Event, Extraction, Mention
from parley.store import open_store, resolve_url
from parley.store.schema import DERIVED_TABLES, STATE_TABLES

GIVEN = ["Anna", "Jon", "J.", "Marta", "Omar"]
SURNAMES = ["Lindqvist", "Lindkvist", "Lindqvst", "Okafor", "Okafur", "Brandt", "al-Rami", "Rami"]
LABELS = ["PERSON"] * 6 + ["FAC", "LOC", "ORG", "NORP"]
ACTORS = ["north", "south", "west", None]
TYPES = ["call", "talks", "meeting", "statement", "rejection", "proposal", "walkout"]
WORDS = ["border", "ceasefire", "grain", "corridor", "summit", "Geneva", "prisoner", "tariff"]
# words rare enough to link an undated report to a dated one, and less so as the corpus grows
RARE = [f"{a}{b}" for a in ("kappa", "sigma", "delta", "omega", "theta") for b in "xyzvw"]
ORGS = ["North-South Forum", "North South Forum", "Grain Board", "Grain-Board"]
DATES = [
    ("2025-03-03", "day"),
    ("2025-03-04", "day"),
    ("2025-03-31", "day"),
    ("2025-04-01", "day"),
    ("2025-W10", "week"),
    ("2025-W14", "week"),
    ("2025-03", "month"),
    ("2025-04", "month"),
    ("2025", "year"),
    (None, "unknown"),
    (None, "unknown"),
]


def made_up_article(rng: random.Random, n: int) -> tuple[Article, Extraction, tuple]:
    text = f"Report number {n}. " + "Words of the report. " * 40
    mentions = []
    for i in range(rng.randint(0, 6)):
        surname = rng.choice(SURNAMES)
        name = f"{rng.choice(GIVEN)} {surname}" if rng.random() < 0.5 else surname
        label = rng.choice(LABELS)
        if rng.random() < 0.2:  # names whose ids collide ("north-south-forum", "-2")
            name, label = rng.choice(ORGS), "ORG"
        mentions.append(
            Mention(
                10 * i,
                10 * i + 5,
                name,
                label,
                name,
                rng.choice(ACTORS),
                rng.choice([None, "envoy", "minister"]),
            )
        )
    events = []
    for i in range(rng.randint(0, 5)):
        day, precision = rng.choice(DATES)
        actors = tuple(rng.sample(["north", "south", "west"], rng.randint(0, 3)))
        summary = " ".join([*rng.sample(WORDS, 2), rng.choice(RARE)])
        events.append(
            Event(
                start=100 + 20 * i,
                end=110 + 20 * i,
                type=rng.choice(TYPES),
                summary=summary,
                date=day,
                date_precision=precision,  # type: ignore[arg-type]
                actors=actors,
                trigger=rng.choice(["met", "said", "called"]),
                approximate=rng.random() < 0.2,
                dating=rng.choice(["timex", "lead", "vague"]) if day is None else "timex",
            )
        )
    article = Article(id=article_id(text), source=f"report-{n}.txt", text=text)
    return article, Extraction(mentions=mentions, events=events), ()


def derived(db: str) -> dict[str, list[str]]:
    engine = create_engine(resolve_url(db))
    with engine.connect() as conn:
        tables = {
            t.name: sorted(
                json.dumps(list(row), sort_keys=True, default=str)
                for row in conn.execute(select(t))
            )
            for t in (*DERIVED_TABLES, *STATE_TABLES)
        }
    engine.dispose()
    return tables


def assert_same(built: dict[str, list[str]], expected: dict[str, list[str]]) -> None:
    assert expected["events"] and expected["entities"]
    for table, rows in expected.items():
        missing = sorted(set(rows) - set(built[table]))[:2]
        extra = sorted(set(built[table]) - set(rows))[:2]
        assert built[table] == rows, f"{table}: missing {missing}, extra {extra}"


@pytest.mark.parametrize("seed", range(6))
def test_views_updated_part_by_part_equal_views_built_at_once(tmp_path: Path, seed: int):
    from parley.analysis.views import update_views

    rng = random.Random(seed)
    items = [made_up_article(rng, n) for n in range(60)]
    whole, parts = str(tmp_path / "whole.db"), str(tmp_path / "parts.db")
    with open_store(whole) as store:
        store.add_articles(items)
        assert update_views(store, None).startswith("rebuilt")
    cuts = [0, 36, 44, 45, 52, 60]
    with open_store(parts) as store:
        done = []
        for start, end in itertools.pairwise(cuts):
            store.add_articles(items[start:end])
            done.append(update_views(store, None))
    assert done[0].startswith("rebuilt") and all(d.startswith("updated") for d in done[1:]), done
    assert_same(derived(parts), derived(whole))


def test_adding_nothing_new_leaves_the_views_current(tmp_path: Path):
    from parley.analysis.views import update_views

    rng = random.Random(1)
    with open_store(tmp_path / "d.db") as store:
        store.add_articles([made_up_article(rng, n) for n in range(5)])
        assert update_views(store, None).startswith("rebuilt")
        assert update_views(store, None) == "current"


# -- real briefs, built in parts with `parley build`, on both backends -----------------------------


@pytest.fixture(scope="module")
def brief_parts(tmp_path_factory) -> list[Path]:
    """The sample briefs' paragraphs as dated wire items, in three folders."""
    from parley.sample import ARTICLES_DIR
    from parley.sources import read_articles

    texts = [a.text for a in read_articles([ARTICLES_DIR]) if hasattr(a, "text")]
    paragraphs = [p for t in texts for p in t.split("\n\n") if len(p.split()) >= 12]
    root = tmp_path_factory.mktemp("briefs")
    folders = [root / name for name in ("one", "two", "three")]
    cuts = [0, len(paragraphs) * 6 // 10, len(paragraphs) * 8 // 10, len(paragraphs)]
    for folder, start, end in zip(folders, cuts, cuts[1:], strict=False):
        folder.mkdir()
        with open(folder / "items.jsonl", "w", encoding="utf-8") as out:
            for i in range(start, end):
                day = f"2025-03-{1 + i % 28:02d}"
                out.write(
                    json.dumps({"title": f"Item {i}", "published": day, "text": paragraphs[i]})
                    + "\n"
                )
    return folders


def build(paths: list[Path], db: str) -> subprocess.CompletedProcess:
    from parley.sample import CASE_PATH

    command = [sys.executable, "-m", "parley", "build", *map(str, paths), "--case", str(CASE_PATH)]
    result = subprocess.run([*command, "--db", db], capture_output=True, text=True, env=_env())
    assert result.returncode == 0, result.stderr
    return result


def _env() -> dict[str, str]:
    import os

    return {**os.environ, "PARLEY_LOG": "info"}


def test_a_dossier_built_in_parts_has_the_views_of_one_built_at_once(
    brief_parts, db: str, tmp_path
):
    whole = str(tmp_path / "whole.db")
    build(brief_parts, whole)
    logs = [build([folder], db).stderr for folder in brief_parts]
    assert "views rebuilt" in logs[0]
    assert all("views updated" in log for log in logs[1:]), logs
    assert_same(derived(db), derived(whole))
    check = subprocess.run(
        [sys.executable, "-m", "parley", "check", "--db", db], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
