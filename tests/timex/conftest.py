"""Fixtures of the time-expression tests: `tag(text, dct)` over the shared pipeline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from parley.extract.records import Timex

Tag = Callable[[str, date | None], list[Timex]]


@pytest.fixture(scope="session")
def tag(nlp) -> Tag:
    """Parse `text` once with the shared pipeline and return its time expressions."""
    from parley.extract.timex import find_timexes

    def run(text: str, dct: date | None) -> list[Timex]:
        return find_timexes(nlp(text), dct)

    return run


@pytest.fixture(scope="session")
def one(tag: Tag) -> Callable[[str, str, date | None], Timex]:
    """The single expression whose text is `phrase` (fails when absent)."""

    def run(text: str, phrase: str, dct: date | None) -> Timex:
        found = [t for t in tag(text, dct) if t.text == phrase]
        assert found, f"{phrase!r} not tagged in {text!r}: {tag(text, dct)}"
        return found[0]

    return run
