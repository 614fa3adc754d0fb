#!/usr/bin/env python3
"""Benchmark the REST API over HTTP on a large fact base: latency under concurrent clients.

Usage (from the repository root, with the project's interpreter):

    .venv/bin/python benchmarks/api.py                                  # 1,000,000 claims
    .venv/bin/python benchmarks/api.py --claims 100000 --requests 1000 --json /tmp/api.json
    .venv/bin/python benchmarks/api.py --db /tmp/my.db --check          # exit 1 over --target-ms
    .venv/bin/python benchmarks/api.py --backend both --requests 1000   # SQLite, then PostgreSQL
    .venv/bin/python benchmarks/api.py --db postgresql://me@host/bench  # a server of your own

The fact base is made by benchmarks/api_store.py's generator (the examples ingested, then copied
in SQL) into ``--db`` (default /tmp/corroborate-api-bench-<claims>.db), and reused when it holds
``--claims`` claims. The real server (``corroborate serve``) is started on a free loopback port
in a subprocess; this process then drives it with ``--clients`` concurrent httpx clients (split
over ``--client-processes`` processes when one Python client is the bottleneck), endpoint after
endpoint, ``--requests`` requests each, over a mix of what the web page asks: claims (first pages
and the following ones by next_cursor, with and without filters, and pages from 90% deep),
disputes (first and following pages) and places.geojson (all, one conflict). Each endpoint is
preceded by one unmeasured request per variant. Output: p50/p95/p99 ms, requests/s and errors
(any non-2xx, printed) per endpoint and per variant, the CPU the client and the server used
(100% = one core), the server's CPU milliseconds per request (what a request costs, whatever
else runs on the machine) and the server's peak RSS.

PostgreSQL (``--backend postgresql`` or ``both``, or ``--db postgresql://...``): the same
SQLite fact base is bulk-loaded with COPY (api_store.load_postgresql) into the database at
``--db``, or without one into a throwaway cluster started from the server's binaries and removed
at the end; ``corroborate serve`` then answers from its connection pool (``--pool-size``). The
same requests are asked of both backends; "db CPU" is the PostgreSQL server's processes' CPU
(a local server's), counted apart from the API server's. The load average of the machine is
printed before and after: on a busy machine latencies are inflated, CPU per request is not.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import api_store  # noqa: E402  (the generator of the fact base)

from corroborate.store import open_store  # noqa: E402
from corroborate.store._cursor import encode_cursor  # noqa: E402

ENDPOINTS = ("claims", "disputes", "places.geojson")
PAGES_FOLLOWED = 4  # a session reads its first page, then up to this many by next_cursor
READY_SECONDS = 900.0  # create_app aligns a database whose stored facts are out of date


@dataclass(frozen=True)
class Session:
    """What one client asks in a row: a first page, then ``follow`` pages by next_cursor."""

    endpoint: str
    variant: str
    path: str
    params: dict[str, str | int] = field(default_factory=dict)
    follow: int = 0


@dataclass
class Sample:
    endpoint: str
    variant: str
    status: int  # 0: no HTTP answer
    ms: float
    error: str = ""


def default_db(claims: int) -> Path:
    return Path(tempfile.gettempdir()) / f"corroborate-api-bench-{claims}.db"


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} ({os.cpu_count()} CPUs)"


def pg_fact_base(url: str, lite: Path, claims: int, rebuild: bool = False) -> None:
    """The PostgreSQL database at ``url`` loaded from the SQLite fact base ``lite``, unless it
    holds ``claims`` claims already."""
    if rebuild or api_store.stored_claims(url) != claims:
        api_store.load_postgresql(lite, url)


def database_pids(url: str) -> list[int]:
    """The processes of the PostgreSQL server at ``url`` when it runs on this machine (its
    postmaster and every child), so that its CPU is counted; [] when that cannot be told."""
    try:
        import psutil
        import psycopg

        with psycopg.connect(url) as conn:
            [(backend,)] = conn.execute("SELECT pg_backend_pid()").fetchall()
            postmaster = psutil.Process(backend).parent()
            if postmaster is None:
                return []
            return [postmaster.pid, *(c.pid for c in postmaster.children(recursive=True))]
    except Exception:  # a remote server, another user's, no psutil: not counted
        return []


def fact_base(db: Path, claims: int, rebuild: bool = False, given: bool = False) -> None:
    """``db`` built by api_store with ``claims`` claims, unless it exists and was ``given``
    (used as it is) or holds that many (a cached build)."""
    if db.exists() and not rebuild:
        if given:
            return
        with open_store(db, create=False, readonly=True) as store:
            if store.counts()["claims"] == claims:
                return
    api_store.build(db, claims)


def variants(db: str | Path) -> dict[str, list[Session]]:
    """Each endpoint's mix, with filter values read from the fact base."""
    with open_store(db, create=False, readonly=True) as store:
        one = store.conn.execute
        top = one("SELECT MAX(seq) FROM claims").fetchone()[0]
        conflict = one("SELECT conflict FROM claims WHERE conflict IS NOT NULL AND "
                       "measure = 'killed' ORDER BY seq LIMIT 1").fetchone()[0]
        side = one("SELECT side FROM claims WHERE side IS NOT NULL GROUP BY side "
                   "ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
        place = one("SELECT place FROM claims WHERE place IS NOT NULL GROUP BY place "
                    "ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
    deep = encode_cursor("claims", int(top * 0.9))  # what next_cursor is 90% into the listing
    claims = "/api/claims"
    return {
        "claims": [
            Session("claims", "no filter", claims, {"limit": 50}, PAGES_FOLLOWED),
            Session("claims", "deep (90%)", claims, {"limit": 50, "cursor": deep},
                    PAGES_FOLLOWED),
            Session("claims", "measure=killed", claims, {"measure": "killed", "limit": 50},
                    PAGES_FOLLOWED),
            Session("claims", "conflict+measure", claims,
                    {"conflict": conflict, "measure": "killed", "limit": 50}, PAGES_FOLLOWED),
            Session("claims", "side", claims, {"side": side, "limit": 50}, PAGES_FOLLOWED),
            Session("claims", "place", claims, {"place": place, "limit": 50}, PAGES_FOLLOWED),
            Session("claims", "time 1992-05..1993", claims,
                    {"time_from": "1992-05", "time_to": "1993", "limit": 50}, PAGES_FOLLOWED),
            Session("claims", "q=killed", claims, {"q": "killed", "limit": 50}, PAGES_FOLLOWED),
        ],
        # the web page asks 20 disputes a page; 50 is the API's default
        "disputes": [
            Session("disputes", "limit 20", "/api/disputes", {"limit": 20}, PAGES_FOLLOWED),
            Session("disputes", "limit 50", "/api/disputes", {"limit": 50}, PAGES_FOLLOWED),
            Session("disputes", "conflict", "/api/disputes", {"conflict": conflict, "limit": 20},
                    PAGES_FOLLOWED),
        ],
        "places.geojson": [
            Session("places.geojson", "all", "/api/places.geojson"),
            Session("places.geojson", "one conflict", "/api/places.geojson",
                    {"conflict": conflict}),
        ],
    }


def sessions(mix: list[Session], requests: int, seed: int) -> list[Session]:
    """Sessions of ``mix`` in turn until they plan ``requests`` requests, shuffled."""
    planned: list[Session] = []
    total = 0
    while total < requests:
        for session in mix:
            if total >= requests:
                break
            pages = min(session.follow, requests - total - 1)
            planned.append(Session(session.endpoint, session.variant, session.path,
                                   session.params, pages))
            total += 1 + pages
    random.Random(seed).shuffle(planned)
    return planned


async def _run_session(client: httpx.AsyncClient, session: Session, out: list[Sample]) -> None:
    """The session's requests, exactly ``1 + follow`` of them: a listing that ends before is
    read again from its first page (so the number of requests stays what was planned)."""
    params, first = dict(session.params), True
    for page in range(session.follow + 1):
        variant = session.variant if first else f"{session.variant}, next pages"
        started = time.perf_counter()
        try:
            response = await client.get(session.path, params=params)
            body = response.content
        except httpx.HTTPError as exc:
            out.append(Sample(session.endpoint, variant, 0,
                              (time.perf_counter() - started) * 1000, repr(exc)[:200]))
            continue
        ms = (time.perf_counter() - started) * 1000
        if not response.is_success:
            out.append(Sample(session.endpoint, variant, response.status_code, ms,
                              body[:200].decode("utf-8", "replace")))
            continue
        out.append(Sample(session.endpoint, variant, response.status_code, ms))
        if page == session.follow:
            return
        following = json.loads(body).get("next_cursor")
        params, first = ((dict(session.params), True) if following is None
                         else ({**params, "cursor": following}, False))


async def drive(base: str, planned: list[Session], clients: int) -> list[Sample]:
    """``planned`` run by ``clients`` concurrent clients (each takes the next session)."""
    queue: asyncio.Queue[Session] = asyncio.Queue()
    for session in planned:
        queue.put_nowait(session)
    out: list[Sample] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=120) as client:

        async def one_client() -> None:
            while not queue.empty():
                await _run_session(client, queue.get_nowait(), out)

        await asyncio.gather(*(one_client() for _ in range(clients)))
    return out


def _drive_in_process(job: tuple[str, list[Session], int]) -> tuple[list[Sample], float, float]:
    cpu, started = time.process_time(), time.perf_counter()
    samples = asyncio.run(drive(*job))
    return samples, time.process_time() - cpu, time.perf_counter() - started


def drive_all(base: str, planned: list[Session], clients: int,
              processes: int) -> tuple[list[Sample], float, float]:
    """The samples, the client CPU seconds and the wall seconds of driving (not of starting
    client processes); the clients split over ``processes``."""
    if processes <= 1:
        return _drive_in_process((base, planned, clients))
    jobs = [(base, planned[i::processes], max(1, clients // processes + (i < clients % processes)))
            for i in range(processes)]
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        results = pool.map(_drive_in_process, jobs)
    return ([s for samples, _, _ in results for s in samples], sum(r[1] for r in results),
            max(r[2] for r in results))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _proc_status(pid: int, key: str) -> float | None:
    """A /proc/PID/status size in MB (VmHWM: peak RSS, VmRSS: now); None off Linux."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def server_pids(pid: int) -> list[int]:
    """The server process and, with --server-workers, its worker processes."""
    try:
        import psutil
    except ImportError:
        return [pid]
    try:
        return [pid, *(child.pid for child in psutil.Process(pid).children(recursive=True))]
    except psutil.Error:
        return [pid]


def tree_cpu_seconds(pid: int) -> float:
    """CPU seconds of the server and its workers so far."""
    return sum(cpu_seconds(one) for one in server_pids(pid))


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far (0 off Linux)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def server(db: str | Path, workers: int = 1,
           pool_size: int | None = None) -> Iterator[tuple[str, int]]:
    """``corroborate serve`` over ``db`` on a free loopback port: its base URL and pid."""
    port = free_port()
    pool = [] if pool_size is None else ["--pool-size", str(pool_size)]
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "corroborate", "serve", "--db", str(db), "--port", str(port),
             "--workers", str(workers), *pool],
            stdout=log, stderr=subprocess.STDOUT, cwd=ROOT,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        try:
            base = _wait_until_answering(process, port, log)
            yield base, process.pid
        finally:
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _wait_until_answering(process: subprocess.Popen[bytes], port: int, log: Any) -> str:
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + READY_SECONDS
    while True:
        if process.poll() is not None:
            log.seek(0)
            raise SystemExit("corroborate serve stopped: "
                             + log.read().decode("utf-8", "replace")[-2000:])
        try:
            if httpx.get(base + "/openapi.json", timeout=5).is_success:
                return base
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            raise SystemExit(f"corroborate serve did not answer in {READY_SECONDS:.0f} s")
        time.sleep(0.2)


def percentiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) == 1:
        return values[0], values[0], values[0]
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return cuts[49], cuts[94], cuts[98]


def summary(samples: list[Sample], wall: float, **extra: Any) -> dict[str, Any]:
    """p50/p95/p99 of answered requests, requests/s over ``wall``, errors counted."""
    answered = [s.ms for s in samples if s.status]
    p50, p95, p99 = percentiles(answered) if answered else (0.0, 0.0, 0.0)
    return {**extra, "requests": len(samples),
            "errors": sum(1 for s in samples if not 200 <= s.status < 300),
            "p50_ms": p50, "p95_ms": p95, "p99_ms": p99,
            "requests_per_s": len(samples) / wall if wall else 0.0}


def run(db: str | Path, requests: int, clients: int, processes: int = 1,
        endpoints: tuple[str, ...] = ENDPOINTS, seed: int = 1, server_workers: int = 1,
        asked_of: str | Path | None = None, pool_size: int | None = None) -> dict[str, Any]:
    """Serve ``db`` and measure each endpoint in turn; the results as a JSON-ready dict. The
    filter values are read from ``asked_of`` (default ``db``): the SQLite fact base a
    PostgreSQL one was loaded from, so that both are asked the same."""
    mixes = variants(asked_of or db)
    rows: list[dict[str, Any]] = []
    detail: list[dict[str, Any]] = []
    errors: list[Sample] = []
    load_before = load_average()
    with server(db, server_workers, pool_size) as (base, pid):
        # after start-up: the pool's connections are among them
        database = database_pids(str(db)) if api_store.is_postgresql(db) else []
        rss_ready = max(_proc_status(one, "VmRSS") or 0 for one in server_pids(pid))
        for endpoint in endpoints:
            warm = asyncio.run(drive(base, [Session(s.endpoint, s.variant, s.path, s.params)
                                            for s in mixes[endpoint]], 1))
            errors.extend(s for s in warm if not 200 <= s.status < 300)
            planned = sessions(mixes[endpoint], requests, seed)
            server_cpu, db_cpu = tree_cpu_seconds(pid), sum(map(cpu_seconds, database))
            samples, client_cpu, wall = drive_all(base, planned, clients, processes)
            server_cpu = tree_cpu_seconds(pid) - server_cpu
            db_cpu = sum(map(cpu_seconds, database)) - db_cpu
            rows.append(summary(samples, wall, endpoint=endpoint, wall_s=wall,
                                client_cpu_pct=100 * client_cpu / wall,
                                server_cpu_pct=100 * server_cpu / wall,
                                server_cpu_ms_per_request=1000 * server_cpu / max(1, len(samples)),
                                db_cpu_ms_per_request=(1000 * db_cpu / max(1, len(samples))
                                                       if database else None)))
            by_variant: dict[str, list[Sample]] = defaultdict(list)
            for sample in samples:
                by_variant[sample.variant].append(sample)
            detail.extend(summary(found, wall, endpoint=endpoint, variant=name)
                          for name, found in by_variant.items())
            errors.extend(s for s in samples if not 200 <= s.status < 300)
        peak = max(_proc_status(one, "VmHWM") or 0 for one in server_pids(pid))
    with open_store(db, create=False, readonly=True) as store:
        counts = store.counts()
    return {"db": api_store.redacted(db), "backend": "postgresql" if database or
            api_store.is_postgresql(db) else "sqlite", "load_before": load_before,
            "load_after": load_average(), "pool_size": pool_size,
            "counts": counts, "clients": clients, "client_processes": processes,
            "requests_per_endpoint": requests, "cpus": os.cpu_count(),
            "server_rss_ready_mb": rss_ready, "server_peak_rss_mb": peak,
            "endpoints": rows, "variants": detail, "errors": [asdict(e) for e in errors]}


def table(result: dict[str, Any]) -> str:
    counts = result["counts"]
    lines = [f"{result['backend']} ({result['db']}): {counts['claims']:,} claims, "
             f"{counts['facts']:,} facts ({counts['disputes']:,} disputes); {result['clients']} "
             f"clients in {result['client_processes']} process(es); before: "
             f"{result['load_before']}, after: {result['load_after']}",
             f"{'endpoint':16} {'requests':>8} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} "
             f"{'p99 ms':>8} {'req/s':>7} {'client CPU':>10} {'server CPU':>10} {'CPU ms/req':>10}"
             f" {'db CPU ms/req':>13}"]
    for row in result["endpoints"]:
        db_cpu = row.get("db_cpu_ms_per_request")
        lines.append(f"{row['endpoint']:16} {row['requests']:8} {row['errors']:6} "
                     f"{row['p50_ms']:8.1f} {row['p95_ms']:8.1f} {row['p99_ms']:8.1f} "
                     f"{row['requests_per_s']:7.0f} {row['client_cpu_pct']:9.0f}% "
                     f"{row['server_cpu_pct']:9.0f}% {row['server_cpu_ms_per_request']:10.1f} "
                     f"{'-' if db_cpu is None else f'{db_cpu:.1f}':>13}")
    peak = result["server_peak_rss_mb"]
    lines.append(f"server peak RSS: {'n/a' if peak is None else f'{peak:,.0f} MB'}")
    lines.append("")
    lines.append(f"{'endpoint, variant':50} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} "
                 f"{'p99 ms':>8}")
    for row in result["variants"]:
        name = f"{row['endpoint']}, {row['variant']}"
        lines.append(f"{name:50} {row['requests']:8} {row['p50_ms']:8.1f} {row['p95_ms']:8.1f} "
                     f"{row['p99_ms']:8.1f}")
    return "\n".join(lines)


def comparison(results: list[dict[str, Any]]) -> str:
    """One row per backend and endpoint: what the README's table shows."""
    lines = [f"{'backend':11} {'endpoint':16} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
             f"{'req/s':>7} {'errors':>6}"]
    for result in results:
        for row in result["endpoints"]:
            lines.append(f"{result['backend']:11} {row['endpoint']:16} {row['p50_ms']:8.1f} "
                         f"{row['p95_ms']:8.1f} {row['p99_ms']:8.1f} "
                         f"{row['requests_per_s']:7.0f} {row['errors']:6}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="sqlite",
                        help="postgresql (or both) without a postgresql:// --db: a throwaway "
                             "cluster, removed at the end")
    parser.add_argument("--db", help="a SQLite fact base (used as it is when it exists; "
                        "default: /tmp/corroborate-api-bench-<claims>.db, built when missing) "
                        "or a postgresql:// URL (loaded from the SQLite one unless it holds "
                        "--claims claims)")
    parser.add_argument("--sqlite-db", type=Path,
                        help="the SQLite fact base a PostgreSQL --db is loaded from")
    parser.add_argument("--rebuild", action="store_true", help="build the fact base again")
    parser.add_argument("--requests", type=int, default=2000, help="requests per endpoint")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--client-processes", type=int, default=1)
    parser.add_argument("--server-workers", type=int, default=1,
                        help="corroborate serve --workers N (processes answering requests)")
    parser.add_argument("--pool-size", type=int,
                        help="corroborate serve --pool-size N (PostgreSQL connections a process)")
    parser.add_argument("--endpoints", default=",".join(ENDPOINTS))
    parser.add_argument("--target-ms", type=float, default=20.0)
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when an endpoint's p95 is over --target-ms")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    endpoints = tuple(e.strip() for e in args.endpoints.split(",") if e.strip())
    unknown = set(endpoints) - set(ENDPOINTS)
    if unknown:
        parser.error(f"unknown endpoints {sorted(unknown)}; known: {', '.join(ENDPOINTS)}")
    url = args.db if args.db and api_store.is_postgresql(args.db) else None
    backends = (["sqlite", "postgresql"] if args.backend == "both"
                else ["postgresql"] if url else [args.backend])
    if url and args.backend == "sqlite":
        backends = ["postgresql"]
    given = args.db is not None and url is None
    lite = args.sqlite_db or (Path(args.db) if given else default_db(args.claims))
    fact_base(lite, args.claims, args.rebuild, given=given or args.sqlite_db is not None)
    print(f"start: {load_average()}", flush=True)
    results = []
    for backend in backends:
        options: dict[str, Any] = {"requests": args.requests, "clients": args.clients,
                   "processes": args.client_processes, "endpoints": endpoints,
                   "server_workers": args.server_workers, "pool_size": args.pool_size}
        if backend == "sqlite":
            results.append(run(lite, **options))
        else:
            with api_store.postgresql_server(url) as server_url:
                pg_fact_base(server_url, lite, args.claims, args.rebuild)
                results.append(run(server_url, asked_of=lite, **options))
        print(table(results[-1]), flush=True)
        print(flush=True)
    print(comparison(results))
    errors = [e for result in results for e in result["errors"]]
    for error in errors[:20]:
        print(f"error: {error['status']} {error['endpoint']}, {error['variant']}: "
              f"{error['error']}")
    if args.json:
        # one backend: its result as it always was; both: each in "runs"
        written = ({**results[0], "target_ms": args.target_ms} if len(results) == 1
                   else {"target_ms": args.target_ms, "runs": results})
        args.json.write_text(json.dumps(written, indent=2), encoding="utf-8")
    slow = [f"{result['backend']} {r['endpoint']}" for result in results
            for r in result["endpoints"] if r["p95_ms"] > args.target_ms]
    if slow:
        print(f"p95 over {args.target_ms:g} ms: {', '.join(slow)}")
    return 1 if args.check and slow else 0


if __name__ == "__main__":
    sys.exit(main())
