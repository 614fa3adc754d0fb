#!/usr/bin/env python3
"""Benchmark ``corroborate.align.align``: does its time grow as n log n with the claims?

Usage (from the repository root, with the project's interpreter):

    .venv/bin/python benchmarks/alignment.py                       # 10k, 100k and 1M claims
    .venv/bin/python benchmarks/alignment.py --sizes 2000,5000,10000 --json /tmp/align.json

The base claims are those of the bundled examples (examples/karabakh, falklands and kosovo),
ingested once through the real pipeline into a SQLite file (``--db``, kept between runs) and
read back with their conflicts. Claims of size n are copies of them, each copy with its own
source and document, and keys varied so that copies are not one another's twins:

* values times a factor from 0.8 to 1.25 (a 100 keeps its shape: 80 to 125);
* times (and event dates) shifted by a whole number of years, from -20 to +20;
* places and sides renamed into one of ``sqrt(copies)`` variants (the place hierarchy is
  renamed with them, so "Shusha~3" lies in "Nagorno-Karabakh~3");
* conflicts renamed into one of ``--conflicts`` variants of each base conflict (default
  ``ceil(sqrt(n / 1000))``: claims per conflict grow as sqrt(n), as in a store that gathers more
  conflicts and more documents on each; ``--conflicts 1`` keeps the three base conflicts).

What was None stays None: a total without side or place stays one, so what is wider than what
keeps the shape of real text. Each size runs in a fresh subprocess (``--timeout``, default 1800
s) that builds the claims, then times ``align`` alone; "RSS before" is the process with its claims
built, before ``align``, and peak RSS (VmHWM) the whole process's.
The fitted exponent is the slope of log(CPU seconds) against log(claims) between the sizes
(CPU time of the one process, so that other work on the machine weighs less than on wall time):
1.0 is linear, 2.0 quadratic. "nested" counts the narrower_exceeds_wider facts and "in nested"
the claims they hold: that output alone can grow faster than the claims (see the README).
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import pickle
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ("karabakh", "falklands", "kosovo")
DEFAULT_DB = Path(tempfile.gettempdir()) / "corroborate-alignment-bench.db"


def _base(db: Path) -> tuple[list, dict[str, str], dict]:  # type: ignore[type-arg]
    """The examples' claims (read back from ``db``, ingested when missing), the gazetteer's
    place hierarchy and the alignment settings."""
    from corroborate.extract.resolve import place_hierarchy
    from corroborate.pipeline import ingest
    from corroborate.settings import load_settings
    from corroborate.store import open_store

    cache = db.with_suffix(".claims.pickle")
    if not cache.is_file():
        with open_store(str(db)) as store:
            if not store.claims():
                ingest([str(ROOT / "examples" / name) for name in EXAMPLES], store,
                       max_bytes=load_settings().max_bytes)
            cache.write_bytes(pickle.dumps(store.claims()))
    settings = load_settings()
    options = {"about_tolerance": settings.about_tolerance,
               "event_window_years": settings.event_window_years,
               "period_overlap": settings.period_overlap,
               "event_windows": settings.event_windows, "place_events": settings.place_events,
               "state_measures": settings.state_measures,
               "state_window_days": settings.state_window_days,
               "nested_measures": settings.nested_measures}
    return pickle.loads(cache.read_bytes()), place_hierarchy(), options


def _shift(iso: str | None, years: int) -> str | None:
    if not iso:
        return iso
    head, _, tail = iso.partition("-")
    return f"{int(head) + years:04d}" + (f"-{tail}" if tail else "")


def generate(base: list, within: dict[str, str], size: int,  # type: ignore[type-arg]
             conflicts: int | None, seed: int = 7,
             per_conflict_claims: int | None = None) -> tuple[list, dict[str, str]]:  # type: ignore[type-arg]
    """``size`` claims copied from ``base`` with varied keys, and the renamed place hierarchy.
    ``conflicts`` variants of each base conflict, or enough variants for about
    ``per_conflict_claims`` claims each, or (neither) ``ceil(sqrt(size / 1000))``."""
    from corroborate.model import TimeSpan, Value

    rng = random.Random(seed)
    copies = math.ceil(size / len(base))
    variants = max(1, math.isqrt(copies))
    bases = len({c.conflict for c in base})
    per_conflict = conflicts or (math.ceil(size / (bases * per_conflict_claims))
                                 if per_conflict_claims else math.ceil(math.sqrt(size / 1000)))
    claims = []
    for copy in range(copies):
        years = rng.randint(-20, 20)
        name_variant = rng.randrange(variants)
        conflict_variant = rng.randrange(per_conflict)
        source = f"source-{copy % (variants * 3)}"
        for claim in base:
            if len(claims) == size:
                break
            value = claim.value
            if value is not None:
                factor = rng.uniform(0.8, 1.25)
                value = Value(round(value.low * factor), round(value.high * factor), value.bound)
            time_span = claim.time and TimeSpan(_shift(claim.time.start, years),
                                                _shift(claim.time.end, years))
            claims.append(replace(
                claim, id=f"{claim.id}-{copy}", source=f"{source}/{claim.source}",
                document=f"{claim.document}#{copy}", value=value, time=time_span,
                date=_shift(claim.date, years),
                place=claim.place and f"{claim.place}~{name_variant}",
                side=claim.side and f"{claim.side}~{name_variant}",
                conflict=claim.conflict and f"{claim.conflict} #{conflict_variant}"))
    renamed = {f"{child}~{v}": f"{parent}~{v}" for child, parent in within.items()
               for v in range(variants)} if variants * len(within) < 5_000_000 else {}
    return claims, renamed


def _worker(size: int, db: Path, conflicts: int | None,
            per_conflict_claims: int | None) -> dict[str, float | int]:
    from corroborate.align import align

    base, within, options = _base(db)
    claims, renamed = generate(base, within, size, conflicts,
                               per_conflict_claims=per_conflict_claims)
    before_mb = _rss_mb("VmRSS:")
    started, cpu_started = time.perf_counter(), time.process_time()
    facts = align(claims, within=renamed, **options)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    checks = [f for f in facts if f.key.get("check") == "narrower_exceeds_wider"]
    return {"claims": len(claims), "conflicts": len({c.conflict for c in claims}),
            "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2), "facts": len(facts),
            "disputes": sum(f.verdict == "disagree" for f in facts),
            "narrower_exceeds_wider": len(checks),
            "claims_in_checks": sum(len(f.claims) for f in checks),
            "rss_before_mb": round(before_mb, 1), "peak_rss_mb": round(_rss_mb("VmHWM:"), 1)}


def _rss_mb(field: str) -> float:
    """VmRSS (now) or VmHWM (peak) of this process, in MB (Linux; 0 elsewhere)."""
    status = Path("/proc/self/status")
    for line in status.read_text().splitlines() if status.is_file() else []:
        if line.startswith(field):
            return int(line.split()[1]) / 1024
    return 0.0


def _slopes(rows: list[dict[str, float | int]]) -> list[float]:
    return [math.log(b["cpu_seconds"] / a["cpu_seconds"]) / math.log(b["claims"] / a["claims"])
            for a, b in itertools.pairwise(rows) if a["cpu_seconds"] > 0 and b["cpu_seconds"] > 0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--db", type=Path, default=DEFAULT_DB)
    parser.add_argument("--conflicts", type=int, default=None,
                        help="variants of each base conflict (default ceil(sqrt(n/1000)))")
    parser.add_argument("--claims-per-conflict", type=int, default=None,
                        help="instead of --conflicts: as many variants as give about this many "
                             "claims per conflict")
    parser.add_argument("--timeout", type=float, default=1800)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--worker", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker is not None:
        print(json.dumps(_worker(args.worker, args.db, args.conflicts,
                                 args.claims_per_conflict)))
        return 0
    _base(args.db)  # ingest once, before any timed run
    rows: list[dict[str, float | int]] = []
    print(f"{'claims':>9} {'conflicts':>9} {'seconds':>9} {'CPU s':>9} {'facts':>8} {'disputes':>8} "
          f"{'nested':>7} {'in nested':>9} {'RSS before':>10} {'peak RSS MB':>11}")
    for size in (int(s) for s in args.sizes.split(",")):
        command = [sys.executable, __file__, "--worker", str(size), "--db", str(args.db)]
        if args.conflicts is not None:
            command += ["--conflicts", str(args.conflicts)]
        if args.claims_per_conflict is not None:
            command += ["--claims-per-conflict", str(args.claims_per_conflict)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=args.timeout,
                                  check=True)
        except subprocess.TimeoutExpired:
            print(f"{size:>9} timed out after {args.timeout:.0f} s")
            break
        except subprocess.CalledProcessError as exc:
            print(f"{size:>9} failed: {exc.stderr.strip().splitlines()[-1:]}")
            return 1
        row = json.loads(done.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(f"{row['claims']:>9} {row['conflicts']:>9} {row['seconds']:>9.2f} "
              f"{row['cpu_seconds']:>9.2f} {row['facts']:>8} "
              f"{row['disputes']:>8} "
              f"{row['narrower_exceeds_wider']:>7} {row['claims_in_checks']:>9} "
              f"{row['rss_before_mb']:>10.1f} {row['peak_rss_mb']:>11.1f}", flush=True)
    slopes = _slopes(rows)
    if slopes:
        print("log-log slope of CPU seconds between sizes: " +
              ", ".join(f"{s:.2f}" for s in slopes))
    if len(rows) > 1 and rows[0]["cpu_seconds"] > 0:
        first, last = rows[0], rows[-1]
        overall = math.log(last["cpu_seconds"] / first["cpu_seconds"]) / \
            math.log(last["claims"] / first["claims"])
        print(f"fitted exponent {first['claims']}..{last['claims']}: {overall:.2f}")
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "slopes": slopes}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
