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
    from concurrent.futures import Future, ProcessPoolExecutor

    from parley.articles.model import Article
    from parley.case import Case

LOGGER = logging.getLogger(__name__)

Batch = Sequence["Article"]
Results = list[Processed | Failed]

# Batches in flight per worker: one being parsed, the next waiting, one more for a batch
# that takes longer than the rest.
IN_FLIGHT = 3


class Engine(Protocol):
    parallel: bool  # whether batches run side by side

    def start(self, case: Case | None) -> None: ...

    def run(self, batches: Iterable[Batch], case: Case | None) -> Iterator[Results]: ...

    def close(self) -> None: ...


class InProcess:
    """Batches run one after another in this process."""

    parallel = False

    def start(self, case: Case | None) -> None:
        """Load the pipeline and the extractors' data now rather than in the first batch."""
        warm_up(case)

    def run(self, batches: Iterable[Batch], case: Case | None) -> Iterator[Results]:
        for batch in batches:
            yield process_batch(batch, case)

    def close(self) -> None:
        pass


class LocalProcesses:
    """Batches run in `workers` processes on this machine (one model load each).

    The processes start with the first `run` and stop at its end, unless `start` started
    them before (they then serve every `run` until `close`)."""

    parallel = True

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._warming: list[Future[int]] = []

    def start(self, case: Case | None) -> None:
        """Start the workers and wait until each has loaded its pipeline."""
        for future in self._open(case):
            future.result()

    def _open(self, case: Case | None) -> list[Future[int]]:
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # forkserver: workers start clean (no copied threads or open database handles).
            context = multiprocessing.get_context("forkserver")
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context)
            # Each worker loads the model while the writer reads the first inputs.
            self._warming = [self._pool.submit(warm_up, case) for _ in range(self.workers)]
        return self._warming

    def run(self, batches: Iterable[Batch], case: Case | None) -> Iterator[Results]:
        started_here = self._pool is None
        self._open(case)
        pool = self._pool
        assert pool is not None
        try:
            submit = lambda b: pool.submit(process_batch, b, case)  # noqa: E731
            yield from _bounded(submit, batches, IN_FLIGHT * self.workers, _wait_local)
        finally:
            if started_here:
                self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
            self._pool = None


class DaskCluster:
    """Batches run on an existing Dask cluster (`scheduler` is its address, e.g. tcp://host:8786).

    While connected, the workers' statistical profiler (a diagnostic of Dask's dashboard) is
    paused: it wakes the worker's event loop every 10 ms to sample the task's stack, each
    time taking the GIL from the parse. It resumes when the build disconnects."""

    parallel = True

    def __init__(self, scheduler: str) -> None:
        self.scheduler = scheduler
        self._client: Any = None
        self._paused: dict[str, list[str]] = {}
        self._warming: list[Any] = []

    def start(self, case: Case | None) -> None:
        """Connect, and wait until every worker has loaded its pipeline."""
        self._connect(case).gather(self._warming)

    def _connect(self, case: Case | None) -> Any:
        if self._client is None:
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
            self._client = client
            self._paused = client.run(_pause_diagnostics)
            self._warming = [  # each worker loads the model while the first inputs are read
                client.submit(warm_up, case, workers=[address], pure=False)
                for address in client.scheduler_info().get("workers", {})
            ]
        return self._client

    def run(self, batches: Iterable[Batch], case: Case | None) -> Iterator[Results]:
        started_here = self._client is None
        client = self._connect(case)
        try:
            submit = lambda b: client.submit(process_batch, b, case, pure=False)  # noqa: E731
            limit = IN_FLIGHT * max(1, len(self._warming))
            yield from _bounded(submit, batches, limit, _wait_dask)
        finally:
            if started_here:
                self.close()

    def close(self) -> None:
        if self._client is not None:
            for address, names in self._paused.items():
                try:
                    if names:
                        self._client.run(_resume_diagnostics, names, workers=[address])
                except Exception as exc:  # a worker that left: nothing to resume there
                    LOGGER.info("profiler not resumed on %s: %s", address, exc)
            self._client.close()
            self._client = None


# The periodic callbacks of a Dask worker's statistical profiler.
_DIAGNOSTICS = ("profile", "profile-cycle")


def _pause_diagnostics(dask_worker: Any) -> list[str]:
    """Stop a Dask worker's running diagnostic callbacks; the names of those stopped."""
    stopped = []
    for name in _DIAGNOSTICS:
        callback = dask_worker.periodic_callbacks.get(name)
        if callback is not None and callback.is_running():
            callback.stop()
            stopped.append(name)
    return stopped


def _resume_diagnostics(names: list[str], dask_worker: Any) -> None:
    for name in names:
        callback = dask_worker.periodic_callbacks.get(name)
        if callback is not None:
            callback.start()


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
