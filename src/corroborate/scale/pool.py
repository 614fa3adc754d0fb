"""Every core of one machine: documents prepared in a process pool, stored by one writer in order.

Results come back in the order of the batch, so the store sees the same writes, in the same
order, as with one job: the same claims, ids and outcomes (tests/scale). At most a few
documents per worker are in flight, so memory holds a bounded number of prepared documents.
A worker that dies (killed, out of memory) costs the documents it held one error line each; the
pool is started again for the rest, so nothing waits for a result that will never come.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from corroborate.documents import DocumentRef
from corroborate.errors import CorroborateError, E
from corroborate.model import Document
from corroborate.pipeline import IngestOptions, Prepared, prepare_item

__all__ = ["default_jobs", "prepare_all"]

IN_FLIGHT_PER_JOB = 2
Item = DocumentRef | Document | CorroborateError


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not every platform has sched_getaffinity
        return max(1, multiprocessing.cpu_count())


def prepare_all(items: Iterable[Item], options: IngestOptions, *, jobs: int = 1,
                stored: dict[str, str] | None = None) -> Iterator[Prepared]:
    """Prepare every document (a reference, a record read already, or a record's error), in
    the batch's order, on ``jobs`` processes (1: in this one)."""
    if jobs <= 1:  # in this process: claims stay a generator, as pipeline.ingest_one keeps them
        for item in items:
            yield prepare_item(item, options, stored, streamed=True)
        return
    pool = _Pool(jobs)
    pending: deque[tuple[Item, Future[Prepared]]] = deque()
    finished = False
    try:
        for item in items:
            pending.append((item, pool.submit(item, options, stored)))
            if len(pending) >= jobs * IN_FLIGHT_PER_JOB:
                yield _result(*pending.popleft())
        while pending:
            yield _result(*pending.popleft())
        finished = True
    finally:
        pool.close(wait=finished)


class _Pool:
    """A forkserver process pool that starts again when a worker dies."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # forkserver: workers do not inherit this process's threads (the progress bar's) or locks
        return ProcessPoolExecutor(max_workers=self.jobs,
                                   mp_context=multiprocessing.get_context("forkserver"),
                                   initializer=_ignore_interrupts)

    def submit(self, item: Item, options: IngestOptions,
               stored: dict[str, str] | None) -> Future[Prepared]:
        try:
            return self.executor.submit(prepare_item, item, options, stored)
        except BrokenProcessPool:
            self.close(wait=False)
            self.executor = self._start()
            return self.executor.submit(prepare_item, item, options, stored)

    def close(self, *, wait: bool) -> None:
        if not wait:  # Ctrl-C or an early stop: a worker may be stuck on a slow URL
            for process in list(getattr(self.executor, "_processes", {}).values()):
                process.terminate()
        self.executor.shutdown(wait=wait, cancel_futures=True)


def _result(item: Item, future: Future[Prepared]) -> Prepared:
    try:
        return future.result()
    except BrokenProcessPool:
        where = item.where if isinstance(item, CorroborateError) else item.location
        line = CorroborateError(E.E101, where or "?", reason="the worker process reading it "
                                "stopped (killed, or out of memory); run the same ingest again "
                                "to retry it").line()
        return Prepared(where or "?", None, "failed", error=line)


def _ignore_interrupts() -> None:
    # Ctrl-C goes to the whole process group: the writer decides, workers just stop when told
    signal.signal(signal.SIGINT, signal.SIG_IGN)
