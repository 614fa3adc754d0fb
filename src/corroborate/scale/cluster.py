"""Corpora beyond one machine: read, segment and extract on a Dask cluster, store in one writer.

The corpus is cut into parts (a few documents of a folder tree, a byte range of a JSON Lines
file or a run of row groups of a Parquet file, which every worker reads itself); each part is
prepared on a worker and sent back; this process, the one writer, stores each document in its
own transaction as its part arrives. Into PostgreSQL, which takes many writers, each worker
stores its own part's documents instead, and only their outcomes come back. A worker lost
mid-run has its parts run again elsewhere by Dask; if a part still fails, its documents get one
error line each and the rest of the batch goes on. A rerun skips what is stored (same location,
same content) and stores the rest: nothing is lost or stored twice, since documents are keyed
by location and claims by (document, id).

Workers need corroborate installed, at the same version, and the corpus at the same path.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corroborate.documents import DocumentRef, discover
from corroborate.documents.parquet_records import (
    PARQUET_SUFFIXES,
    RowGroupRange,
    read_row_groups,
    row_group_ranges,
)
from corroborate.documents.records import RecordRange, read_records, record_ranges
from corroborate.errors import CorroborateError, E
from corroborate.model import Document, Source
from corroborate.pipeline import IngestOptions, Outcome, Prepared, prepare, prepare_item, store_prepared
from corroborate.store import SQLiteStore, open_store

__all__ = ["CorpusPart", "ingest_on_dask", "part_items", "plan_parts", "prepare_part",
           "store_part"]

RECORD_SUFFIXES = (".jsonl", ".ndjson")


@dataclass(frozen=True)
class CorpusPart:
    """What one task prepares: some documents of a tree, one range of a JSON Lines file or
    some row groups of a Parquet file."""

    refs: tuple[DocumentRef, ...] = ()
    records: RecordRange | None = None
    rows: RowGroupRange | None = None

    @property
    def label(self) -> str:
        if self.records is not None:
            return f"{self.records.path} from line {self.records.first_line}"
        if self.rows is not None:
            return f"{self.rows.path} from row {self.rows.first_row}"
        return self.refs[0].location if self.refs else "(empty)"

    @property
    def in_corpus_file(self) -> bool:
        """Records of a JSON Lines or Parquet file (read by the part), not references."""
        return self.records is not None or self.rows is not None

    @property
    def documents(self) -> int:
        """How many documents (or error lines) it gives."""
        if self.records is not None:
            return self.records.lines
        return self.rows.rows if self.rows is not None else len(self.refs)


def plan_parts(inputs: Sequence[str], override: Source | None = None, *,
               documents_per_part: int = 16, part_bytes: int = 32 << 20,
               workers: int = 1) -> tuple[list[CorpusPart], list[str]]:
    """Cut the inputs into parts: JSON Lines files by byte ranges and Parquet files by runs of
    row groups (at most ``part_bytes``, and small enough to give each of ``workers`` a few), the
    rest by document count."""
    parts: list[CorpusPart] = []
    others = [i for i in inputs if not i.lower().endswith(RECORD_SUFFIXES + PARQUET_SUFFIXES)]
    for name in inputs:
        if name.lower().endswith(RECORD_SUFFIXES):
            target = _target(_size(name), part_bytes, workers)
            parts.extend(CorpusPart(records=r) for r in record_ranges(name, target))
        elif name.lower().endswith(PARQUET_SUFFIXES):
            groups = row_group_ranges(name, part_bytes)
            target = _target(sum(g.size for g in groups), part_bytes, workers)
            parts.extend(CorpusPart(rows=r) for r in row_group_ranges(name, target))
    refs, notes = discover(others, override) if others else ([], [])
    for first in range(0, len(refs), documents_per_part):
        parts.append(CorpusPart(refs=tuple(refs[first:first + documents_per_part])))
    return parts, notes


def part_items(part: CorpusPart, options: IngestOptions
               ) -> Iterator[DocumentRef | Document | CorroborateError]:
    """What a part lists, for the local engine: its references, or its records read."""
    if part.records is not None:
        yield from read_records(part.records, options.max_bytes, options.published)
    elif part.rows is not None:
        yield from read_row_groups(part.rows, options.max_bytes, options.published)
    else:
        yield from part.refs


def prepare_part(part: CorpusPart, options: IngestOptions,
                 stored: dict[str, str] | None = None) -> list[Prepared]:
    """Prepare every document of a part (runs on a worker: it reads its records itself)."""
    if not part.in_corpus_file:
        return [prepare(ref, options, stored) for ref in part.refs]
    return [prepare_item(item, options, stored) for item in part_items(part, options)]


def store_part(part: CorpusPart, options: IngestOptions, stored: dict[str, str] | None,
               target: str) -> list[Outcome]:
    """Prepare every document of a part and store it from the worker itself into the store at
    ``target`` (a PostgreSQL URL: documents are written side by side), one transaction each."""
    with open_store(target) as store:
        return [store_prepared(store, prepared)
                for prepared in prepare_part(part, options, stored)]


def ingest_on_dask(parts: Sequence[CorpusPart], store: SQLiteStore, options: IngestOptions,
                   scheduler: str, *, workers: int = 2,
                   on_outcome: Callable[[Outcome], None] | None = None,
                   writers: str | None = None) -> list[Outcome]:
    """Prepare ``parts`` on the Dask scheduler at ``scheduler`` ("local": a LocalCluster of
    ``workers`` processes on this machine) and store each document as its part comes back.

    ``writers``: the store's URL (PostgreSQL, which takes many writers): each worker stores
    its own part's documents, and only their outcomes come back (the one writer of a SQLite
    store caps the run; a PostgreSQL server does not, until it is busy itself)."""
    stored = {d["location"]: d["content_hash"] for d in store.documents()}
    outcomes: list[Outcome] = []
    with _client(scheduler, workers) as (client, distributed):
        shared = client.scatter(stored, broadcast=True) if stored else None
        if writers:
            futures = {client.submit(store_part, part, options, shared, writers, pure=False): part
                       for part in parts}
        else:
            futures = {client.submit(prepare_part, part, options, shared, pure=False): part
                       for part in parts}
        for future in distributed.as_completed(futures):
            for result in _results(future, futures[future]):
                outcome = result if isinstance(result, Outcome) else store_prepared(store, result)
                outcomes.append(outcome)
                if on_outcome:
                    on_outcome(outcome)
            future.release()
    return outcomes


def _results(future: Any, part: CorpusPart) -> Iterator[Prepared | Outcome]:
    try:
        yield from future.result()
    except Exception as exc:  # a lost worker, a broken part: its documents fail, the batch goes on
        first = str(exc).splitlines()[0] if str(exc) else ""
        reason = f"the Dask task failed: {type(exc).__name__}" + (f": {first}" if first else "")
        line = CorroborateError(E.E101, part.label, reason=reason).line()
        line += "; run the same ingest again to retry what was not stored"
        if part.in_corpus_file or not part.refs:
            yield Prepared(part.label, None, "failed", error=line)
        for ref in part.refs:
            yield Prepared(ref.location, ref.source.slug if ref.source else None, "failed",
                           error=line)


def _target(size: int, part_bytes: int, workers: int) -> int:
    """Bytes a part should hold: at most ``part_bytes``, and four parts a worker at least, but
    not under 64 kB (a task's overhead) unless ``part_bytes`` says so."""
    return max(min(64 << 10, part_bytes), min(part_bytes, size // (4 * max(1, workers)) + 1))


def _size(name: str) -> int:
    try:
        return Path(name).stat().st_size
    except OSError:
        return 0  # record_ranges names the file and the reason


@contextmanager
def _client(scheduler: str, workers: int) -> Iterator[tuple[Any, Any]]:
    try:
        distributed: Any = importlib.import_module("dask.distributed")  # untyped: held as Any
    except ImportError as exc:
        raise CorroborateError(E.E114, "--engine dask",
                               reason="dask; install it with: pip install 'corroborate[dask]'") from exc
    if scheduler == "local":
        cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1,
                                           processes=True, dashboard_address=None)
        client = distributed.Client(cluster)
        try:
            yield client, distributed
        finally:
            client.close()
            cluster.close()
        return
    try:
        client = distributed.Client(scheduler, timeout="10s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise CorroborateError(E.E403, scheduler,
                               reason=f"cannot reach the Dask scheduler ({exc}); check --scheduler") from exc
    try:
        yield client, distributed
    finally:
        client.close()
