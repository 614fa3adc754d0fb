#!/usr/bin/env python3
"""Time aligning a stored corpus again: every conflict of a SQLite store marked stale, then
``corroborate.pipeline.realign`` (what ``ingest`` does after storing), in this process.

Usage (from the repository root; the store is changed: its facts are written again):

    python benchmarks/scale.py --megabytes 1000 --skip pool dask --keep /tmp/scale-1g
    python benchmarks/realign.py /tmp/scale-1g/one.db

Reported: wall and CPU seconds, peak RSS, claims and the fact-claim rows written, and µs a claim.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path
from typing import Any


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path, help="a SQLite store written by corroborate ingest")
    parser.add_argument("--json", type=Path)
    options = parser.parse_args()
    if not options.db.is_file():
        raise SystemExit(f"{options.db}: no such store; write one with benchmarks/scale.py --keep")
    from corroborate.errors import CorroborateError

    try:
        result = _realign(options.db)
    except CorroborateError as exc:  # not a store, a newer schema, locked: one line
        raise SystemExit(exc.line()) from None
    print(json.dumps(result))
    if options.json:
        options.json.write_text(json.dumps(result, indent=1))


def _realign(db: Path) -> dict[str, Any]:
    """Mark every conflict of the store at ``db`` stale, align it again, and say how it went."""
    from corroborate.pipeline import realign
    from corroborate.store import open_store

    with open_store(db, create=False) as store:
        store.conn.execute("UPDATE alignment_state SET generation = generation + 1")
        claims = int(store.conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0])
        wall, cpu = time.perf_counter(), time.process_time()
        aligned = realign(store)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        rows = int(store.conn.execute("SELECT COALESCE(SUM(claim_count), 0) FROM facts")
                   .fetchone()[0])
    return {"store": str(db), "conflicts": len(aligned), "claims": claims,
            "fact_claim_rows": rows, "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
            "us_per_claim": round(1e6 * wall / max(claims, 1), 1),
            "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


if __name__ == "__main__":
    main()
