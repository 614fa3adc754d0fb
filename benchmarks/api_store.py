#!/usr/bin/env python3
"""Benchmark the store's API reads on a large fact base: are pages answered from indexes?

Usage (from the repository root, with the project's interpreter):

    .venv/bin/python benchmarks/api_store.py                       # 1,000,000 claims
    .venv/bin/python benchmarks/api_store.py --claims 100000 --calls 200 --out /tmp/r.json

The fact base is built once in ``--db`` (default under /tmp; reused when it already holds the
asked number of claims, unless ``--rebuild``): the bundled examples (Karabakh, Falklands, Kosovo)
are ingested and aligned for real, then their documents, claims and facts are copied in SQL
(no extraction) until there are ``--claims`` claims: each copy of a document gets its own id,
location and one of 20 variants of its source; each copy of a claim its own id, a place and side
rotated over those the examples name and its value scaled by 1.0-1.4; each copy of a fact the
copied claims. Copied documents hold no text (pages read the evidence words kept with each claim;
a figure outside its evidence, rare, would read as empty), so the file stays small. Places are
summarised from every claim, as alignment does. Then each read is
called ``--calls`` times (first pages and pages deep into the listing, with filters) and the
table gives p50 / p95 / p99 milliseconds. Nothing is written into the repository, only ``--db``
and ``--out``.

PostgreSQL: ``--db postgresql://user@host/database`` (an empty database, or one this loaded
before), or ``--backend postgresql`` (a throwaway cluster from the server's binaries, as the
tests start: tests/store/postgres_cluster.py, removed at the end). The fact base is built in
SQLite as above (``--sqlite-db``, cached), then bulk-loaded with COPY (``load_postgresql``):
secondary indexes dropped meanwhile and built once at the end, then VACUUM (ANALYZE).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from corroborate.errors import CorroborateError  # noqa: E402
from corroborate.pipeline import ingest  # noqa: E402
from corroborate.store import ClaimQuery, SQLiteStore, open_store  # noqa: E402
from corroborate.store._cursor import encode_cursor  # noqa: E402
from corroborate.store._fact_store import PLACE_REFS  # noqa: E402

EXAMPLES = [ROOT / "examples" / name for name in ("karabakh", "falklands", "kosovo")]
SOURCE_VARIANTS = 20
COPY_STRIDE = 1000  # document ids of copy k: base id + k * COPY_STRIDE
BATCH = 100  # copies made by one statement
# what load_postgresql copies, parents before children (foreign keys)
PG_TABLES = ("sources", "documents", "segments", "claims", "facts", "fact_claims",
             "alignment_state", "places")
PG_IDENTITIES = (("documents", "id"), ("segments", "id"), ("claims", "seq"), ("facts", "seq"))


def build(path: Path, claims: int) -> None:
    """The fact base: the examples ingested, then copied in SQL up to ``claims`` claims."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    with open_store(path) as store:
        report = ingest([str(p) for p in EXAMPLES], store, max_bytes=50_000_000)
        assert not report.failed, [o.error for o in report.failed]
        base = store.conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
        copies = max(1, -(-claims // base))
        print(f"examples: {base} claims; {copies} copies", file=sys.stderr)
        _copy(store, copies, claims)
        _places(store)
        store.conn.execute("ANALYZE")
    print(f"built {path} in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def _copy(store: SQLiteStore, copies: int, wanted: int) -> None:
    """Copies 1..copies-1 of the examples' documents, claims and facts, BATCH copies a statement,
    with the indexes and the evidence index dropped meanwhile and built once at the end."""
    conn = store.conn
    conn.execute("PRAGMA cache_size = -500000")
    conn.execute("CREATE TEMP TABLE bench_places AS SELECT ROW_NUMBER() OVER (ORDER BY place) - 1 "
                 "AS idx, place, country, point FROM (SELECT place, "
                 "MIN(json_extract(record, '$.place_country')) AS country, "
                 "MIN(json_extract(record, '$.place_point')) AS point FROM claims "
                 "WHERE place IS NOT NULL GROUP BY place)")
    conn.execute("CREATE TEMP TABLE bench_sides AS SELECT ROW_NUMBER() OVER (ORDER BY side) - 1 "
                 "AS idx, side FROM (SELECT DISTINCT side FROM claims WHERE side IS NOT NULL)")
    conn.execute("CREATE TEMP TABLE base_claims AS SELECT * FROM claims")
    conn.execute("CREATE TEMP TABLE base_documents AS SELECT * FROM documents")
    conn.execute("CREATE TEMP TABLE base_facts AS SELECT ROW_NUMBER() OVER (ORDER BY seq) - 1 "
                 "AS rank, * FROM facts")
    conn.execute("CREATE TEMP TABLE base_fact_claims AS SELECT * FROM fact_claims")
    conn.execute("CREATE TEMP TABLE ks (k INTEGER PRIMARY KEY)")
    places = conn.execute("SELECT COUNT(*) FROM bench_places").fetchone()[0]
    sides = conn.execute("SELECT COUNT(*) FROM bench_sides").fetchone()[0]
    base_claims = conn.execute("SELECT COUNT(*) FROM base_claims").fetchone()[0]
    base_facts = conn.execute("SELECT COUNT(*) FROM base_facts").fetchone()[0]
    for v in range(1, SOURCE_VARIANTS):
        conn.execute("INSERT INTO sources (slug, title, publisher, url, kind, license, note, "
                     "extra, published) SELECT slug || ?, title, publisher, url, kind, license, "
                     "note, extra, published FROM sources WHERE slug NOT LIKE '%-_' "
                     "AND slug NOT LIKE '%-__'", (f"-{v}",))
    saved = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND "
        "tbl_name IN ('claims', 'facts', 'fact_claims') AND sql IS NOT NULL").fetchall()
    for kind, name, _sql in saved:
        conn.execute(f"DROP {kind.upper()} {name}")
    variant = (f"CASE WHEN ks.k % {SOURCE_VARIANTS} = 0 THEN {{0}}.source ELSE {{0}}.source "
               f"|| '-' || (ks.k % {SOURCE_VARIANTS}) END")
    scale = "(1 + (ks.k % 5) / 10.0)"
    for first in range(1, copies, BATCH):
        last = min(copies, first + BATCH) - 1
        conn.execute("BEGIN")
        conn.execute("DELETE FROM ks")
        conn.executemany("INSERT INTO ks VALUES (?)", [(k,) for k in range(first, last + 1)])
        conn.execute(
            "INSERT INTO documents (id, source, location, content_hash, text_hash, media_type, "
            "size_bytes, text, segment_count, claim_count, extracted_with, ingested_at, conflict, "
            f"conflict_inferred) SELECT d.id + ks.k * {COPY_STRIDE}, {variant.format('d')}, "
            "d.location || '#' || ks.k, d.content_hash, d.text_hash, d.media_type, d.size_bytes, "
            "'', 0, d.claim_count, d.extracted_with, d.ingested_at, d.conflict, "
            "d.conflict_inferred FROM ks, base_documents d ORDER BY ks.k, d.id")
        conn.execute(
            "INSERT INTO claims (document_id, id, source, conflict, kind, measure, event_type, "
            "side, grp, place, time_start, time_end, position, evidence_start, evidence_end, "
            "figure_start, figure_end, evidence_text, record) "
            f"SELECT c.document_id + ks.k * {COPY_STRIDE}, c.id || '-' || ks.k, "
            f"{variant.format('c')}, c.conflict, c.kind, c.measure, c.event_type, "
            f"CASE WHEN c.side IS NULL THEN NULL ELSE (SELECT side FROM bench_sides "
            f"WHERE idx = (c.seq + ks.k) % {sides}) END, c.grp, p.place, c.time_start, "
            "c.time_end, c.position, c.evidence_start, c.evidence_end, c.figure_start, "
            "c.figure_end, c.evidence_text, json_set(c.record, '$.id', c.id || '-' || ks.k, "
            f"'$.source', {variant.format('c')}, '$.place', p.place, "
            "'$.place_country', p.country, '$.place_point', json(p.point), "
            f"'$.value.low', json_extract(c.record, '$.value.low') * {scale}, "
            f"'$.value.high', json_extract(c.record, '$.value.high') * {scale}) "
            "FROM ks, base_claims c "
            f"LEFT JOIN bench_places p ON c.place IS NOT NULL AND p.idx = (c.seq + ks.k) % "
            f"{places} WHERE ks.k * ? + c.seq <= ? ORDER BY ks.k, c.seq",
            (base_claims, wanted))
        top = conn.execute("SELECT coalesce(MAX(seq), 0) FROM facts").fetchone()[0]
        conn.execute(
            "INSERT INTO facts (seq, id, scope, conflict, kind, is_name, verdict, subject, "
            "entity_kind, sort_key, key, record, claim_count, spread, why, aligned_at) "
            f"SELECT {top + 1} + (ks.k - {first}) * {base_facts} + f.rank, f.id || '-' || ks.k, "
            "f.scope, f.conflict, f.kind, f.is_name, f.verdict, f.subject, f.entity_kind, "
            "f.sort_key || printf('%07d', ks.k), f.key, json_set(f.record, '$.id', "
            "f.id || '-' || ks.k), f.claim_count, f.spread * (1 + (ks.k % 13) / 10.0), f.why, "
            "f.aligned_at FROM ks, base_facts f")
        conn.execute(
            "INSERT INTO fact_claims (fact, position, document_id, claim_id) "
            f"SELECT {top + 1} + (ks.k - {first}) * {base_facts} + f.rank, fc.position, "
            f"fc.document_id + ks.k * {COPY_STRIDE}, fc.claim_id || '-' || ks.k "
            "FROM ks, base_fact_claims fc JOIN base_facts f ON f.seq = fc.fact")
        conn.execute("COMMIT")
        print(f"  copies {first}-{last} of {copies - 1}", file=sys.stderr)
    clock = time.perf_counter()
    with conn:
        # the last copy may be cut short: its documents count what they hold
        conn.execute("UPDATE documents SET claim_count = (SELECT COUNT(*) FROM claims c "
                     "WHERE c.document_id = documents.id) WHERE id >= ?",
                     ((copies - 1) * COPY_STRIDE,))
        for _kind, _name, sql in saved:
            conn.execute(sql)
        conn.execute("INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')")
        conn.execute("UPDATE alignment_state SET facts = (SELECT COUNT(*) FROM facts WHERE "
                     "is_name = 0 AND scope = alignment_state.scope), disputes = (SELECT "
                     "COUNT(*) FROM facts WHERE is_name = 0 AND verdict = 'disagree' AND "
                     "scope = alignment_state.scope)")
    print(f"  indexes built in {time.perf_counter() - clock:.0f} s", file=sys.stderr)


def _places(store: SQLiteStore) -> None:
    """The places table from every claim, as replace_facts makes it per conflict."""
    table: dict[tuple[str, str, str], dict[str, Any]] = {}
    rows = store.conn.execute(
        "SELECT source, coalesce(conflict, ''), place, coalesce(measure, event_type), "
        "document_id, id, json_extract(record, '$.place_country'), "
        "json_extract(record, '$.place_point') FROM claims WHERE place IS NOT NULL")
    for source, scope, place, what, document_id, claim_id, country, point in rows:
        for who in (source, ""):
            entry = table.setdefault((who, scope, place), {
                "country": country, "point": point, "claims": 0, "measures": Counter(),
                "refs": []})
            entry["claims"] += 1
            if what:
                entry["measures"][what] += 1
            if len(entry["refs"]) < PLACE_REFS:
                entry["refs"].append([document_id, claim_id])
    with store.conn:
        store.conn.execute("DELETE FROM places")
        store.conn.executemany(
            "INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(who, scope, place, e["country"], e["point"], e["claims"],
              json.dumps(dict(e["measures"])), json.dumps(e["refs"]))
             for (who, scope, place), e in table.items()])


def is_postgresql(db: str | Path) -> bool:
    return str(db).startswith(("postgresql://", "postgres://"))


@contextmanager
def postgresql_server(url: str | None) -> Iterator[str]:
    """``url`` itself, or (None) a throwaway cluster's maintenance database, removed after."""
    if url:
        yield url
        return
    sys.path.insert(0, str(ROOT))
    from tests.store.postgres_cluster import binaries, cluster

    found = binaries()
    if found is None:
        raise SystemExit("PostgreSQL's initdb and pg_ctl are not installed (apt-get install "
                         "postgresql); or pass --db postgresql://...")
    with cluster(found) as started:
        yield started


def stored_claims(db: str | Path) -> int | None:
    """The claims the store at ``db`` holds; None when there is none yet."""
    if not is_postgresql(db) and not Path(db).exists():
        return None
    try:
        with open_store(db, create=False, readonly=True) as store:
            return int(store.counts()["claims"])
    except CorroborateError:  # none there yet, or not a corroborate database: build it
        return None


def load_postgresql(sqlite_db: Path, url: str) -> None:
    """The SQLite fact base copied into the PostgreSQL database at ``url`` with COPY: its
    corroborate tables emptied first, secondary indexes dropped during the copy and built after,
    identity sequences moved past the copied ids, then VACUUM (ANALYZE)."""
    import sqlite3

    import psycopg

    started = time.perf_counter()
    open_store(url).close()  # the tables, by the store's own migrations
    source = sqlite3.connect(f"file:{sqlite_db}?mode=ro", uri=True)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"TRUNCATE {', '.join(PG_TABLES)} CASCADE")
        indexes = conn.execute(
            "SELECT indexname, indexdef FROM pg_indexes i WHERE schemaname = current_schema() "
            "AND tablename = ANY(%s) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE "
            "c.conname = i.indexname)", (list(PG_TABLES),)).fetchall()
        for name, _definition in indexes:
            conn.execute(f'DROP INDEX "{name}"')
        # no foreign-key checks row by row (a superuser's setting; else they run)
        with suppress(psycopg.errors.InsufficientPrivilege):
            conn.execute("SET session_replication_role = replica")
        for table in PG_TABLES:
            wanted = {r[0] for r in conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                "current_schema() AND table_name = %s AND is_generated = 'NEVER'", (table,))}
            columns = [r[1] for r in source.execute(f"PRAGMA table_info({table})")
                       if r[1] in wanted]
            names = ", ".join(f'"{c}"' for c in columns)
            clock, rows = time.perf_counter(), 0
            with conn.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in source.execute(f"SELECT {names} FROM {table}"):
                    copy.write_row(row)
                    rows += 1
            print(f"  COPY {table}: {rows:,} rows in {time.perf_counter() - clock:.0f} s",
                  file=sys.stderr)
        conn.execute("SET session_replication_role = DEFAULT")
        clock = time.perf_counter()
        conn.execute("SET maintenance_work_mem = '512MB'")
        for _name, definition in indexes:
            conn.execute(definition)
        for table, column in PG_IDENTITIES:
            conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "
                         f"(SELECT coalesce(MAX({column}), 0) + 1 FROM {table}), false)")
        # vacuumed now, not by autovacuum in the middle of a measurement; the visibility map set
        # lets counts read their indexes alone, as on a database that has settled
        conn.execute("VACUUM (ANALYZE)")
        print(f"  {len(indexes)} indexes built, vacuumed and analysed in "
              f"{time.perf_counter() - clock:.0f} s", file=sys.stderr)
    source.close()
    print(f"loaded {redacted(url)} in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def redacted(db: str | Path) -> str:
    from corroborate.store import redacted_url

    return redacted_url(str(db))


def timed(call: Callable[[], object], calls: int) -> tuple[float, float, float]:
    """p50, p95, p99 in milliseconds of ``calls`` calls (after one warm-up call)."""
    call()
    spent = []
    for _ in range(calls):
        started = time.perf_counter()
        call()
        spent.append((time.perf_counter() - started) * 1000)
    cuts = statistics.quantiles(spent, n=100, method="inclusive")
    return cuts[49], cuts[94], cuts[98]


def reads(store: SQLiteStore) -> list[tuple[str, Callable[[], object]]]:
    """The reads the API makes, first pages and deep ones."""
    top = store.conn.execute("SELECT MAX(seq) FROM claims").fetchone()[0]
    deep = encode_cursor("claims", int(top * 0.9))
    conflict = store.conn.execute("SELECT conflict FROM documents WHERE conflict IS NOT NULL "
                                  "ORDER BY id LIMIT 1").fetchone()[0]
    source = store.conn.execute("SELECT source FROM documents ORDER BY id DESC "
                                "LIMIT 1").fetchone()[0]
    place = store.place_summary()[0]["place"]
    document = store.conn.execute("SELECT document_id FROM claims WHERE seq = ?",
                                  (top // 2,)).fetchone()[0]
    deep_fact = store.fact_page(verdict="disagree", limit=500)[1]
    deep_spread = store.fact_page(verdict="disagree", limit=500, order="spread")[1]
    q = ClaimQuery
    return [
        ("claim_page first, no filter", lambda: store.claim_page(q(), None, 50)),
        ("claim_page deep (90%), no filter", lambda: store.claim_page(q(), deep, 50)),
        ("claim_page conflict+measure", lambda: store.claim_page(
            q(conflict=conflict, measure="killed"), None, 50)),
        ("claim_page conflict+measure deep", lambda: store.claim_page(
            q(conflict=conflict, measure="killed"), deep, 50)),
        ("claim_page place", lambda: store.claim_page(q(place=place), None, 50)),
        ("claim_page source", lambda: store.claim_page(q(source=source), None, 50)),
        ("claim_page document", lambda: store.claim_page(q(document_id=document), None, 50)),
        ("claim_page time 1992-05..1993", lambda: store.claim_page(
            q(time_from="1992-05", time_to="1993"), None, 50)),
        ("claim_page kind+side+time", lambda: store.claim_page(
            q(kind="quantity", side="Azerbaijan", time_from="1991", time_to="1994"), None, 50)),
        ("claim_page text 'killed'", lambda: store.claim_page(q(text="killed"), None, 50)),
        ("claim_page text deep", lambda: store.claim_page(q(text="killed"), deep, 50)),
        ("claim_page limit 500", lambda: store.claim_page(q(), None, 500)),
        ("fact_page disagree", lambda: store.fact_page(verdict="disagree")),
        ("fact_page disagree deep", lambda: store.fact_page(verdict="disagree",
                                                            cursor=deep_fact)),
        ("fact_page disagree by spread", lambda: store.fact_page(verdict="disagree",
                                                                 order="spread")),
        ("fact_page by spread deep", lambda: store.fact_page(verdict="disagree", order="spread",
                                                             cursor=deep_spread)),
        ("fact_page conflict+measure", lambda: store.fact_page(conflict=conflict,
                                                               measure="killed")),
        ("place_summary", lambda: store.place_summary()),
        ("place_summary conflict", lambda: store.place_summary(conflict=conflict)),
        ("place_summary source", lambda: store.place_summary(source=source)),
        ("counts", lambda: store.counts()),
        ("conflict_counts", lambda: store.conflict_counts()),
    ]


def measure(db: str | Path, calls: int) -> tuple[dict[str, int], list[dict[str, Any]]]:
    """The store's counts and each read's p50/p95/p99, printed as a table as they come."""
    results = []
    with open_store(db, create=False, readonly=True) as store:
        counts = store.counts()
        size = "" if is_postgresql(db) else f", {Path(db).stat().st_size / 1e9:.2f} GB"
        print(f"{redacted(db)}: {counts['claims']:,} claims, {counts['documents']:,} documents, "
              f"{counts['facts']:,} facts ({counts['disputes']:,} disputes){size}")
        print(f"{'read':40} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
        for name, call in reads(store):
            p50, p95, p99 = timed(call, calls)
            results.append({"read": name, "p50_ms": p50, "p95_ms": p95, "p99_ms": p99})
            print(f"{name:40} {p50:8.2f} {p95:8.2f} {p99:8.2f}", flush=True)
    return counts, results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite",
                        help="postgresql without --db: a throwaway cluster")
    parser.add_argument("--db", help="a SQLite file or a postgresql:// URL (default: a file "
                        "under /tmp)")
    parser.add_argument("--sqlite-db", type=Path,
                        default=Path(tempfile.gettempdir()) / "corroborate-api-store-bench.db",
                        help="the SQLite fact base a PostgreSQL one is loaded from")
    parser.add_argument("--rebuild", action="store_true", help="build the fact base again")
    parser.add_argument("--out", type=Path, help="also write the results as JSON here")
    args = parser.parse_args()
    postgresql = args.backend == "postgresql" or is_postgresql(args.db or "")
    lite = Path(args.db) if args.db and not postgresql else args.sqlite_db
    if args.rebuild or stored_claims(lite) != args.claims:
        build(lite, args.claims)
    if postgresql:
        with postgresql_server(args.db) as url:
            if args.rebuild or stored_claims(url) != args.claims:
                load_postgresql(lite, url)
            counts, results = measure(url, args.calls)
    else:
        counts, results = measure(lite, args.calls)
    if args.out:
        args.out.write_text(json.dumps({"counts": counts, "reads": results}, indent=2),
                            encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
