#!/usr/bin/env python3
"""Benchmark the one writer alone: how many MB of prepared documents a store absorbs per second.

Usage (from the repository root):

    python benchmarks/writer.py --megabytes 20 [--postgresql URL | --postgresql-cluster] [--json out.json]

``ingest --jobs N`` and ``--engine dask`` spread reading, segmenting and extracting over
processes and machines, but one process stores every document and then aligns the claims
(docs/scale.md). Its rate is the ceiling of any number of workers: with workers of W MB/s each,
about writer / W of them keep it busy, and more add nothing. This measures that ceiling.

The corpus is ``benchmarks/scale.py``'s (the shared corpus, else the bundled examples, with
figures shifted, as JSON Lines records). Every document is prepared first (read, segment,
extract, name mentions: on every core, not timed as the writer), kept in memory, and then
stored into a fresh store with ``store_prepared`` one document a transaction, as ``ingest``
does; then ``realign`` stores the facts. Reported per store: seconds and CPU seconds of this
process for storing and for aligning, and the writer's MB/s (MB over storing + aligning wall
seconds). ``--postgresql URL`` adds a PostgreSQL store (an empty database you own: its tables
are created); ``--postgresql-cluster`` starts a throwaway cluster from Debian's postgresql
binaries as the tests do.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from corroborate.documents.records import read_records, record_ranges  # noqa: E402
from corroborate.pipeline import IngestOptions, Prepared, realign, store_prepared  # noqa: E402
from corroborate.scale.pool import default_jobs, prepare_all  # noqa: E402
from corroborate.store import open_store  # noqa: E402
from scale import MB, SHARED_CORPUS, generate  # noqa: E402


def prepared_corpus(path: Path, jobs: int) -> list[Prepared]:
    options = IngestOptions(max_bytes=100_000_000)
    items = (item for part in record_ranges(path) for item in read_records(part, options.max_bytes))
    # jobs > 1 gives lists of claims (as they cross processes); one job would stream them
    return list(prepare_all(items, options, jobs=max(jobs, 2)))


@contextmanager
def timed() -> Iterator[dict[str, float]]:
    spent: dict[str, float] = {}
    wall, cpu = time.perf_counter(), time.process_time()
    yield spent
    spent["wall"] = time.perf_counter() - wall
    spent["cpu"] = time.process_time() - cpu


def measure(target: str, prepared: list[Prepared], size: int) -> dict[str, object]:
    with open_store(target) as store:
        with timed() as storing:
            failed = [o.error for p in prepared if (o := store_prepared(store, p)).error]
        with timed() as aligning:
            realign(store)
        claims = store.counts()["claims"]
    total = storing["wall"] + aligning["wall"]
    return {"store": target.split("://")[0] if "://" in target else "sqlite",
            "claims": claims, "failed": len(failed),
            "store_s": round(storing["wall"], 2), "store_cpu_s": round(storing["cpu"], 2),
            "align_s": round(aligning["wall"], 2), "align_cpu_s": round(aligning["cpu"], 2),
            "writer_mb_per_s": round(size / MB / total, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=20)
    parser.add_argument("--corpus", type=Path,
                        default=SHARED_CORPUS if SHARED_CORPUS.is_dir() else None)
    parser.add_argument("--jobs", type=int, default=default_jobs(),
                        help="processes preparing the documents (not timed)")
    parser.add_argument("--postgresql", help="also a PostgreSQL store at this URL (emptied first)")
    parser.add_argument("--postgresql-cluster", action="store_true",
                        help="also a PostgreSQL store, on a throwaway cluster (Debian's binaries)")
    parser.add_argument("--json", type=Path)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch, ExitStack() as stack:
        corpus = Path(scratch) / "corpus.jsonl"
        size = generate(corpus, options.megabytes, options.corpus)
        started = time.perf_counter()
        prepared = prepared_corpus(corpus, options.jobs)
        print(f"prepared {len(prepared)} documents ({size / MB:.1f} MB) on {max(options.jobs, 2)} "
              f"processes in {time.perf_counter() - started:.1f} s", flush=True)
        targets = [str(Path(scratch) / "writer.db")]
        if options.postgresql:
            targets.append(options.postgresql)
        if options.postgresql_cluster:
            from tests.store.postgres_cluster import binaries, cluster

            found = binaries()
            if found is None:
                raise SystemExit("no PostgreSQL binaries (apt-get install postgresql)")
            targets.append(stack.enter_context(cluster(found)))
        results = []
        for target in targets:
            result = measure(target, prepared, size)
            results.append(result)
            print(json.dumps(result), flush=True)
    print(f"\n{size / MB:.1f} MB, {len(prepared)} documents; load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'store':12} {'claims':>8} {'store s':>8} {'(CPU)':>7} {'align s':>8} {'(CPU)':>7} "
          f"{'writer MB/s':>11}")
    for r in results:
        print(f"{r['store']!s:12} {r['claims']!s:>8} {r['store_s']!s:>8} {r['store_cpu_s']!s:>7} "
              f"{r['align_s']!s:>8} {r['align_cpu_s']!s:>7} {r['writer_mb_per_s']!s:>11}")
    if options.json:
        options.json.write_text(json.dumps({"megabytes": size / MB, "results": results}, indent=1))


if __name__ == "__main__":
    main()
