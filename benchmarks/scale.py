#!/usr/bin/env python3
"""Benchmark end-to-end ingest on one core, on every core, and on a Dask LocalCluster.

Usage (from the repository root):

    python benchmarks/scale.py --megabytes 100 [--workers 2] [--format parquet] [--json out.json]

The corpus is generated: the documents of ``--corpus`` (default: the shared corpus, ../shared/corpus,
else the bundled examples, examples/*/), each copied with its figures shifted, until
``--megabytes`` MB (10^6 bytes of UTF-8) are reached, written once as a JSON Lines file (a
document per line, its source and conflict as metadata), or with ``--format parquet`` as a Parquet
file of the same records (row groups of about ``--row-group-mb`` MB: the Dask parts).
Each run is a fresh ``corroborate ingest`` process into a fresh SQLite file (in a scratch folder
removed at the end, or ``--keep DIR``):

  * ``one job``: ``--jobs 1``;
  * ``pool``: ``--jobs N`` (a process pool on this machine, one writer);
  * ``dask``: ``--engine dask --scheduler local --jobs N`` (a LocalCluster of N worker processes;
    the same code runs against a remote scheduler's address).

Reported: wall seconds, MB/s, MB/s per core used, speed-up over one job, peak RSS of the writer
and of the largest worker (VmHWM via ``getrusage(RUSAGE_CHILDREN)`` of a wrapper process), and
whether the three stores hold the same claims (their sorted claim export hashes).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MB = 1_000_000
NUMBER = re.compile(r"\b\d{2,5}\b")
TIMINGS = re.compile(r"read, extracted and stored in ([\d.]+) s; aligned in ([\d.]+) s")

WRAPPER = """
import resource, subprocess, sys, json
code = subprocess.call(sys.argv[1:])
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": code, "max_rss_kb": usage.ru_maxrss}), file=sys.stderr)
"""


SHARED_CORPUS = REPO.parent / "shared" / "corpus"
CONFLICTS = {"karabakh": "Nagorno-Karabakh conflict", "corpus": "Nagorno-Karabakh conflict",
             "falklands": "Falklands War (1982)", "kosovo": "Kosovo War (1998–1999)"}


def records(megabytes: float, corpus: Path | None = None) -> Iterator[dict[str, str]]:
    """Records of about ``megabytes`` MB of JSON Lines from ``corpus``'s *.txt (the bundled
    examples when None), each text with its figures shifted."""
    texts = sorted(corpus.glob("*.txt")) if corpus else sorted((REPO / "examples").glob("*/*.txt"))
    written, serial = 0, 0
    while written < megabytes * MB:
        for path in texts:
            serial += 1
            shift = serial % 7
            text = NUMBER.sub(lambda m, s=shift: str(int(m.group()) + s), path.read_text("utf-8"))
            record = {"id": f"{path.stem}-{serial}", "source": f"{path.stem}-{serial % 50}",
                      "conflict": CONFLICTS.get(path.parent.name, "unknown"), "text": text}
            yield record
            written += len(json.dumps(record, ensure_ascii=False).encode("utf-8")) + 1
            if written >= megabytes * MB:
                break


def generate(target: Path, megabytes: float, corpus: Path | None = None) -> int:
    """A JSON Lines corpus of about ``megabytes`` MB; returns its size in bytes."""
    written = 0
    with open(target, "w", encoding="utf-8") as out:
        for record in records(megabytes, corpus):
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
    return written


def generate_parquet(target: Path, megabytes: float, corpus: Path | None = None,
                     row_group_mb: float = 4) -> int:
    """The same records as ``generate``, as a Parquet file written a row group at a time;
    returns the records' size as JSON Lines (the MB/s stay comparable)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = ("id", "source", "conflict", "text")
    schema = pa.schema([(c, pa.string()) for c in columns])
    written, pending, pending_bytes = 0, [], 0
    with pq.ParquetWriter(target, schema) as out:
        for record in records(megabytes, corpus):
            size = len(json.dumps(record, ensure_ascii=False).encode("utf-8")) + 1
            pending.append(record)
            pending_bytes += size
            written += size
            if pending_bytes >= row_group_mb * MB:
                out.write_table(pa.Table.from_pylist(pending, schema))  # one row group
                pending, pending_bytes = [], 0
        if pending:
            out.write_table(pa.Table.from_pylist(pending, schema))
    return written


def run(name: str, args: list[str], db: Path, compare: bool = True) -> dict[str, object]:
    # --timings: its last line says how long storing and aligning took
    command = [sys.executable, "-c", WRAPPER, sys.executable, "-m", "corroborate", "ingest",
               *args, "--db", str(db), "--quiet", "--timings"]
    started = time.perf_counter()
    finished = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - started
    tail = json.loads(finished.stderr.strip().splitlines()[-1])
    if tail["code"] not in (0, 1):
        raise SystemExit(f"{name}: ingest failed ({tail['code']}): {finished.stderr[-500:]}")
    if compare:
        exported = subprocess.run([sys.executable, "-m", "corroborate", "export", "claims",
                                   "--db", str(db), "--format", "jsonl"],
                                  capture_output=True, text=True)
        lines = sorted(line for line in exported.stdout.splitlines() if line.startswith("{"))
        claims, claims_hash = len(lines), hashlib.sha256("\n".join(lines).encode()).hexdigest()[:16]
    else:  # one run: nothing to compare it with (exporting millions of claims takes minutes)
        with sqlite3.connect(db) as conn:
            claims, claims_hash = conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0], "-"
    split = TIMINGS.search(finished.stderr)
    return {"run": name, "wall_s": round(wall, 1), "claims": claims, "claims_hash": claims_hash,
            "max_rss_mb": round(tail["max_rss_kb"] / 1024),
            "stored_s": float(split.group(1)) if split else None,
            "aligned_s": float(split.group(2)) if split else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--corpus", type=Path, default=SHARED_CORPUS if SHARED_CORPUS.is_dir() else None,
                        help="a folder of .txt documents (default: ../shared/corpus, else examples/)")
    parser.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl",
                        help="the generated corpus's format (parquet: the dask extra's pyarrow)")
    parser.add_argument("--row-group-mb", type=float, default=4,
                        help="with --format parquet: MB of records a row group")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--skip", nargs="*", default=[], choices=["one", "pool", "dask"])
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="write the corpus and the stores into DIR and keep them (e.g. to "
                             "time aligning again with benchmarks/realign.py)")
    options = parser.parse_args()
    if options.keep:
        options.keep.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        work = options.keep or Path(scratch)
        corpus = work / f"corpus.{options.format}"
        if options.format == "parquet":
            size = generate_parquet(corpus, options.megabytes, options.corpus, options.row_group_mb)
        else:
            size = generate(corpus, options.megabytes, options.corpus)
        on_disk = corpus.stat().st_size
        n = str(options.workers)
        runs = {"one": ["one job", [str(corpus), "--jobs", "1"]],
                "pool": [f"pool, {n} jobs", [str(corpus), "--jobs", n]],
                "dask": [f"dask LocalCluster, {n} workers",
                         [str(corpus), "--engine", "dask", "--scheduler", "local", "--jobs", n]]}
        results = []
        for key, (name, args) in runs.items():
            if key in options.skip:
                continue
            result = run(str(name), list(args), work / f"{key}.db",
                         compare=len(runs) - len(options.skip) > 1)
            cores = 1 if key == "one" else options.workers
            result["mb_per_s"] = round(size / MB / float(result["wall_s"]), 3)  # type: ignore[arg-type]
            result["mb_per_s_per_core"] = round(float(result["mb_per_s"]) / cores, 3)  # type: ignore[arg-type]
            results.append(result)
            print(json.dumps(result), flush=True)
    base = next((r for r in results if r["run"] == "one job"), None)
    print(f"\ncorpus: {size / MB:.1f} MB ({options.format}, {on_disk / MB:.1f} MB on disk) "
          f"from {options.corpus or 'examples/'}, {options.workers} workers; "
          f"machine cores: {len(__import__('os').sched_getaffinity(0))}")
    print(f"{'run':32} {'wall s':>8} {'stored':>8} {'aligned':>8} {'MB/s':>7} {'/core':>7} "
          f"{'speed-up':>8} {'RSS MB':>7} claims")
    for r in results:
        speedup = f"{float(base['wall_s']) / float(r['wall_s']):.2f}x" if base else "-"  # type: ignore[arg-type]
        print(f"{r['run']:32} {r['wall_s']:>8} {r['stored_s']!s:>8} {r['aligned_s']!s:>8} "
              f"{r['mb_per_s']:>7} {r['mb_per_s_per_core']:>7} "
              f"{speedup:>8} {r['max_rss_mb']:>7} {r['claims']} ({r['claims_hash']})")
    if len({r["claims_hash"] for r in results}) > 1:
        print("the runs stored different claims", file=sys.stderr)
        raise SystemExit(1)
    if options.json:
        options.json.write_text(json.dumps({"megabytes": size / MB, "format": options.format,
                                            "results": results}, indent=1))


if __name__ == "__main__":
    main()
