"""What the app holds between requests: the open store, the case, and the dossier read from them.

The dossier is read once and re-read when the store changes (a build added
articles, so the article count or the corpus views moved on); at most one
check per `RECHECK_SECONDS`. Article texts are read on demand.

Forecasts cost CPU (a what-if with Monte Carlo runs takes about half a second),
so they are bounded: at most `MAX_RUNS` runs a request, at most
`FORECAST_SLOTS` computed at once (a request waits `FORECAST_WAIT` seconds for
a slot, then gets `Busy`), and the last `FORECAST_CACHE` results are kept,
keyed by the normalised request.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from parley.present.report.dossier import Dossier, load_dossier
from parley.present.report.optional import ForecastView, forecast_view

if TYPE_CHECKING:
    from fastapi import Request
    from markupsafe import Markup

    from parley.case import Case
    from parley.store import Store

LOGGER = logging.getLogger(__name__)

RECHECK_SECONDS = 2.0
FORECAST_SLOTS = 2
"""Forecasts computed at the same time (one per core of a small machine)."""
FORECAST_WAIT = 5.0
"""Seconds a forecast request waits for a free slot before it is turned away."""
FORECAST_CACHE = 256
"""Forecast results kept, most recently used first."""

ForecastKey = tuple[str, int, tuple[str, ...]]


class Busy(Exception):
    """Every forecast slot stayed busy for `FORECAST_WAIT` seconds: retry later."""

    retry_after = 2
    """Seconds to suggest in the `Retry-After` header."""


def normal_override(text: str) -> str:
    """An override written one way: `a.b.salience = 40.0` -> `a.b.salience=40`.

    Text that is not `PATH=NUMBER` is kept as it is (the forecast rejects it).
    """
    path, sep, raw = text.partition("=")
    try:
        value = float(raw)
    except ValueError:
        return text
    return f"{path.strip()}{sep}{value:g}"


def app_state(request: Request) -> DossierState:
    """The state of the app serving `request`."""
    return request.app.state.dossier  # type: ignore[no-any-return]


class DossierState:
    """The app's read-only view of one dossier."""

    def __init__(self, store: Store, case: Case | None, *, runs: int = 200) -> None:
        self.store, self.case, self.runs = store, case, runs
        self._lock = threading.Lock()
        self._dossier: Dossier | None = None
        self._stamp: tuple[Any, ...] | None = None
        self._checked = 0.0
        self.slots = threading.BoundedSemaphore(FORECAST_SLOTS)
        self.wait = FORECAST_WAIT
        self.computed = 0
        self._forecasts: OrderedDict[ForecastKey, ForecastView | None] = OrderedDict()
        self._forecasts_lock = threading.Lock()

    def dossier(self) -> Dossier:
        """The current dossier, re-read if the store changed since it was read."""
        with self._lock:
            now = time.monotonic()
            if self._dossier is None or now - self._checked > RECHECK_SECONDS:
                self._checked = now
                stamp = self._stamp_now()
                if stamp != self._stamp or self._dossier is None:
                    LOGGER.info("reading the dossier (%s)", stamp)
                    self._dossier = load_dossier(self.store, self.case, runs=self.runs)
                    self._stamp = stamp
                    self.texts.cache_clear()
                    with self._forecasts_lock:
                        self._forecasts.clear()
            return self._dossier

    def _stamp_now(self) -> tuple[Any, ...]:
        summary = self.store.summary()
        views = next(self.store.rows("meta", ["value"], key="views"), {}).get("value")
        return (summary["articles"], summary["quotes"], summary["events"], views)

    @lru_cache(maxsize=256)  # noqa: B019  (one state object lives as long as the app)
    def texts(self, article_id: str) -> str | None:
        """The text of one article, or None."""
        row = next(self.store.rows("articles", ["text"], id=article_id), None)
        return row["text"] if row else None

    def all_texts(self) -> dict[str, str]:
        """Every article's text (for full-text search)."""
        return {r["id"]: r["text"] for r in self.store.rows("articles", ["id", "text"])}

    def body(self, article_id: str) -> Markup | None:
        """An article's text as HTML with its records highlighted."""
        from parley.present.report.marks import article_spans, highlight

        text = self.texts(article_id)
        if text is None:
            return None
        d = self.dossier()
        return highlight(text, article_spans(article_id, d.quotes, d.events, d.stances, d.claims))

    def forecast(
        self, model: str = "all", runs: int | None = None, overrides: tuple[str, ...] = ()
    ) -> ForecastView | None:
        """The forecast for `model` with what-if `overrides` (None without positions).

        Cached by the normalised request; computing one waits for a free slot
        and raises `Busy` when none frees up in `self.wait` seconds.
        """
        self.dossier()
        key = (model, self.runs if runs is None else runs, tuple(map(normal_override, overrides)))
        found, view = self._cached(key)
        if found:
            return view
        if not self.slots.acquire(timeout=self.wait):
            raise Busy()
        try:
            found, view = self._cached(key)  # another request may have computed it meanwhile
            if not found:
                view = self._compute(*key)
                self.computed += 1
                with self._forecasts_lock:
                    self._forecasts[key] = view
                    while len(self._forecasts) > FORECAST_CACHE:
                        self._forecasts.popitem(last=False)
        finally:
            self.slots.release()
        return view

    def _cached(self, key: ForecastKey) -> tuple[bool, ForecastView | None]:
        with self._forecasts_lock:
            if key not in self._forecasts:
                return False, None
            self._forecasts.move_to_end(key)
            return True, self._forecasts[key]

    def _compute(self, model: str, runs: int, overrides: tuple[str, ...]) -> ForecastView | None:
        if self.dossier().forecast is None:
            return None
        from parley.present.report.optional import positions_table

        table, source = positions_table(self.store, self.case)
        if table is None:
            return None
        return forecast_view(
            table, source, model=model, runs=runs, overrides=list(overrides), case=self.case
        )
