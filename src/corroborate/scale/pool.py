"""Every core of one machine: documents prepared in a process pool, stored by one writer in order.

Results come back in the order of the batch, so the store sees the same writes, in the same
order, as with one job: the same claims, ids and outcomes (tests/scale). At most a few
documents per worker are in flight, so memory holds a bounded number of prepared documents.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.pool import AsyncResult

from corroborate.documents import DocumentRef
from corroborate.errors import CorroborateError
from corroborate.model import Document
from corroborate.scale.work import IngestOptions, Prepared, prepare_item

__all__ = ["default_jobs", "prepare_all"]

IN_FLIGHT_PER_JOB = 2


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        import os

        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not every platform has sched_getaffinity
        return max(1, multiprocessing.cpu_count())


def prepare_all(items: Iterable[DocumentRef | Document | CorroborateError],
                options: IngestOptions, *, jobs: int = 1,
                stored: dict[str, str] | None = None) -> Iterator[Prepared]:
    """Prepare every document (a reference, a record read already, or a record's error), in
    the batch's order, on ``jobs`` processes (1: in this one)."""
    if jobs <= 1:
        for item in items:
            yield prepare_item(item, options, stored)
        return
    # forkserver: workers do not inherit this process's threads (the progress bar's) or locks
    context = multiprocessing.get_context("forkserver")
    pending: deque[AsyncResult[Prepared]] = deque()
    pool = context.Pool(processes=jobs, initializer=_ignore_interrupts)
    finished = False
    try:
        for item in items:
            pending.append(pool.apply_async(prepare_item, (item, options, stored)))
            if len(pending) >= jobs * IN_FLIGHT_PER_JOB:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()
        finished = True
    finally:
        if finished:
            pool.close()
            pool.join()
        else:  # Ctrl-C or an early stop: a worker may be stuck on a slow URL; do not wait for it
            pool.terminate()


def _ignore_interrupts() -> None:
    # Ctrl-C goes to the whole process group: the writer decides, workers just stop when told
    signal.signal(signal.SIGINT, signal.SIG_IGN)
