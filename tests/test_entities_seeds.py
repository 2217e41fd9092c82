"""Entity mentions on the real seed articles (skipped without ../shared)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def seed_mentions(shared, seed_nlp, seed_case):
    from parley.extract.entities import extract_mentions

    text = next((shared / "seeds").glob("000_*.txt")).read_text(encoding="utf-8")
    return extract_mentions(seed_nlp(text), None, seed_case)


def test_every_surname_of_the_president_keys_to_the_full_name(seed_mentions):
    keys = {m.key for m in seed_mentions if m.text == "Putin"}
    assert keys == {"Vladimir Putin"}


def test_appositive_descriptor_on_a_seed(seed_mentions):
    hill = [m for m in seed_mentions if m.key == "Fiona Hill" and m.descriptor]
    assert hill and "senior director" in hill[0].descriptor


def test_zelenskyy_spelling_links_to_ukraine(seed_mentions):
    assert {m.actor for m in seed_mentions if "Zelensk" in m.text} == {"ukraine"}
