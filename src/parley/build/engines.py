"""Where batches run: in this process, in local worker processes, or on a Dask cluster.

Every engine maps `process_batch` over a stream of batches and yields results
as they complete, with a bounded number of batches in flight so memory stays
flat however large the corpus.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from parley.build.work import Failed, Processed, process_batch, warm_up
from parley.errors import ParleyError

if TYPE_CHECKING:
    from parley.articles.model import Article
    from parley.case import Case

LOGGER = logging.getLogger(__name__)

Batch = Sequence["Article"]
Results = list[Processed | Failed]

# Batches in flight per worker: one being parsed, the next waiting, one more for a batch
# that takes longer than the rest.
IN_FLIGHT = 3


class Engine(Protocol):
    def run(self, batches: Iterable[Batch], case: Case | None) -> Iterator[Results]: ...


class InProcess:
    """Batches run one after another in this process."""

    def run(self, batches: Iterable[Batch], case: Case | None) -> Iterator[Results]:
        for batch in batches:
            yield process_batch(batch, case)


class LocalProcesses:
    """Batches run in `workers` processes on this machine (one model load each)."""

    def __init__(self, workers: int) -> None:
        self.workers = workers

    def run(self, batches: Iterable[Batch], case: Case | None) -> Iterator[Results]:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # forkserver: workers start clean (no copied threads or open database handles).
        context = multiprocessing.get_context("forkserver")
        with ProcessPoolExecutor(self.workers, mp_context=context) as pool:
            for _ in range(self.workers):  # load the model while the first inputs are read
                pool.submit(warm_up, case)
            submit = lambda b: pool.submit(process_batch, b, case)  # noqa: E731
            yield from _bounded(submit, batches, IN_FLIGHT * self.workers, _wait_local)


class DaskCluster:
    """Batches run on an existing Dask cluster (`scheduler` is its address, e.g. tcp://host:8786)."""

    def __init__(self, scheduler: str) -> None:
        self.scheduler = scheduler

    def run(self, batches: Iterable[Batch], case: Case | None) -> Iterator[Results]:
        try:
            from distributed import Client
        except ImportError:
            raise ParleyError(
                "the Dask engine needs dask.distributed: pip install 'dask[distributed]'"
            ) from None
        try:
            client = Client(self.scheduler, timeout="10s")
        except OSError as exc:
            raise ParleyError(
                f"cannot reach the Dask scheduler at {self.scheduler} ({exc})"
            ) from None
        with client:
            addresses = list(client.scheduler_info().get("workers", {}))
            for address in addresses:  # load the model while the first inputs are read
                client.submit(warm_up, case, workers=[address], pure=False)
            submit = lambda b: client.submit(process_batch, b, case, pure=False)  # noqa: E731
            limit = IN_FLIGHT * max(1, len(addresses))
            yield from _bounded(submit, batches, limit, _wait_dask)


def _bounded(submit: Any, batches: Iterable[Batch], limit: int, wait_any: Any) -> Iterator[Results]:
    """Submit batches keeping at most `limit` in flight; yield each batch's results as soon as
    it is done (whatever the order), so that a long batch holds up no other.

    `wait_any(futures)` returns the futures done, once one at least is."""
    pending: set[Any] = set()
    for batch in batches:
        pending.add(submit(batch))
        while len(pending) >= limit:
            yield from _collect(pending, wait_any)
    while pending:
        yield from _collect(pending, wait_any)


def _collect(pending: set[Any], wait_any: Any) -> Iterator[Results]:
    for future in wait_any(pending):
        pending.discard(future)
        yield future.result()


def _wait_local(futures: set[Any]) -> set[Any]:
    from concurrent.futures import FIRST_COMPLETED, wait

    return wait(futures, return_when=FIRST_COMPLETED).done


def _wait_dask(futures: set[Any]) -> set[Any]:
    from distributed import wait

    return set(wait(list(futures), return_when="FIRST_COMPLETED").done)


def make_engine(workers: int = 1, engine: str = "local", scheduler: str | None = None) -> Engine:
    """The engine for the command line's `--workers`, `--engine` and `--scheduler`."""
    if engine == "dask":
        if not scheduler:
            raise ParleyError(
                "--engine dask needs --scheduler ADDRESS (for example tcp://127.0.0.1:8786)"
            )
        return DaskCluster(scheduler)
    if engine != "local":
        raise ParleyError(f"unknown engine {engine!r}; valid: local, dask")
    if workers < 1:
        raise ParleyError(f"--workers must be at least 1, not {workers}")
    return InProcess() if workers == 1 else LocalProcesses(workers)
