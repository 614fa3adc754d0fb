"""Facts kept in the store: aligned when claims change, one conflict at a time, and read back
from tables (the same facts, in the same order, as aligning in memory)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from corroborate.align import Fact
from corroborate.model import claim_to_record
from corroborate.pipeline import (
    _aligned,
    _named,
    extract_stored,
    facts_of,
    ingest,
    names_of,
    realign,
)
from corroborate.store import SCHEMA_VERSION, ClaimQuery, SQLiteStore, open_store
from corroborate.store.sqlite import MIGRATIONS

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = [ROOT / "examples" / name for name in ("karabakh", "falklands", "kosovo")]
KARABAKH, FALKLANDS = "Nagorno-Karabakh conflict", "Falklands War (1982)"

AGDAM_LOW = ("Casualties of the war\n\n"
             "In 1993, 4,000 soldiers were killed near Agdam. Shusha was captured on 8 May 1992.\n")
AGDAM_HIGH = ("Casualties\n\n"
              "In 1993, 6,000 soldiers were killed near Agdam. Shusha was captured on 9 May 1992.\n")
STANLEY = ("The Falklands War\n\n"
           "In 1982, 649 Argentine soldiers were killed. Port Stanley was captured on 14 June "
           "1982.\n")


def write(folder: Path, name: str, body: str) -> str:
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return str(path)


def take_in(store: SQLiteStore, paths: list[str], conflict: str) -> None:
    report = ingest(paths, store, max_bytes=1_000_000, conflict=conflict)
    assert not report.failed, [o.error for o in report.failed]


def fact_rows(store: SQLiteStore, scope: str) -> list[tuple[object, ...]]:
    return [tuple(r) for r in store.conn.execute(
        "SELECT seq, id, aligned_at, verdict FROM facts WHERE scope = ? ORDER BY seq", (scope,))]


def records(facts: list[Fact]) -> list[dict[str, object]]:
    return [f.record() for f in facts]


@pytest.fixture
def two_wars(tmp_path: Path, store: SQLiteStore) -> tuple[SQLiteStore, Path]:
    """Two Karabakh reports that disagree (4,000 and 6,000 killed at Agdam in 1993) and one
    Falklands report."""
    take_in(store, [write(tmp_path, "low.txt", AGDAM_LOW), write(tmp_path, "high.txt", AGDAM_HIGH)],
            KARABAKH)
    take_in(store, [write(tmp_path, "stanley.txt", STANLEY)], FALKLANDS)
    return store, tmp_path


# -- 1. ingest stores facts; reads answer from them ----------------------------------------------

def test_ingest_stores_the_facts_of_each_conflict(two_wars: tuple[SQLiteStore, Path]) -> None:
    store, _ = two_wars
    assert store.stale_conflicts() == []
    stored = {(r[0], r[1], r[2]) for r in store.conn.execute(
        "SELECT scope, kind, verdict FROM facts WHERE is_name = 0")}
    assert stored == {(KARABAKH, "quantity", "disagree"), (KARABAKH, "event", "disagree"),
                      (FALKLANDS, "quantity", "single_source"),
                      (FALKLANDS, "event", "single_source")}
    disputes, _ = store.fact_page(verdict="disagree", order="spread")
    assert [(d["kind"], d["why"]) for d in disputes] == [
        ("quantity", "no value is allowed by every source: 4,000 (low) against 6,000 (high)"),
        ("event", "the dates do not fit together: 1992-05-08 (low) against 1992-05-09 (high)")]
    assert disputes[0]["spread"] == pytest.approx(0.5)
    assert [c["figure"]["text"] for c in disputes[0]["claims"]] == ["6,000", "4,000"]  # by source
    assert store.counts() == {"sources": 3, "documents": 3, "claims": 6, "facts": 4,
                              "disputes": 2, "names": store.counts()["names"]}
    assert store.counts(KARABAKH)["disputes"] == 2
    assert store.counts(FALKLANDS)["disputes"] == 0


def test_facts_of_reads_stored_facts_equal_to_aligning_in_memory(
        two_wars: tuple[SQLiteStore, Path]) -> None:
    store, _ = two_wars
    assert records(facts_of(store)) == records(_aligned(store.claims()))
    assert records(facts_of(store, KARABAKH)) == records(_aligned(store.claims(conflict=KARABAKH)))
    assert records(names_of(store)) == records(_named(store, None)[0])
    assert records(names_of(store, FALKLANDS)) == records(_named(store, FALKLANDS)[0])


# -- 2. re-alignment touches only what changed ---------------------------------------------------

def test_reingesting_a_document_realigns_only_its_conflict(
        two_wars: tuple[SQLiteStore, Path]) -> None:
    store, folder = two_wars
    falklands_before = fact_rows(store, FALKLANDS)
    karabakh_before = fact_rows(store, KARABAKH)
    # the higher report now agrees: 4,000 killed
    take_in(store, [write(folder, "high.txt", AGDAM_HIGH.replace("6,000", "4,000"))], KARABAKH)
    assert fact_rows(store, FALKLANDS) == falklands_before  # same rows, same aligned_at
    karabakh_after = fact_rows(store, KARABAKH)
    assert min(r[0] for r in karabakh_after) > max(r[0] for r in karabakh_before)  # new rows
    verdicts = {r[0]: r[1] for r in store.conn.execute(
        "SELECT kind, verdict FROM facts WHERE scope = ? AND is_name = 0", (KARABAKH,))}
    assert verdicts == {"quantity": "agree", "event": "disagree"}


def test_an_unchanged_reingest_aligns_nothing(two_wars: tuple[SQLiteStore, Path]) -> None:
    store, folder = two_wars
    before = fact_rows(store, KARABAKH) + fact_rows(store, FALKLANDS)
    take_in(store, [str(folder / "low.txt"), str(folder / "high.txt")], KARABAKH)
    assert realign(store) == []
    assert fact_rows(store, KARABAKH) + fact_rows(store, FALKLANDS) == before


def test_a_document_moved_to_another_conflict_realigns_both(
        two_wars: tuple[SQLiteStore, Path]) -> None:
    store, folder = two_wars
    take_in(store, [str(folder / "high.txt")], FALKLANDS)  # same content, conflict given anew
    assert store.stale_conflicts() == []
    karabakh = [f for f in facts_of(store, KARABAKH) if f.kind == "quantity"]
    assert [(f.verdict, f.sources) for f in karabakh] == [("single_source", ["low"])]
    falklands = [f for f in facts_of(store, FALKLANDS) if f.key.get("place") == "Agdam"]
    assert [(f.verdict, f.sources) for f in falklands] == [("single_source", ["high"])]
    assert {r[0] for r in store.conn.execute(
        "SELECT conflict FROM claims WHERE document_id = (SELECT id FROM documents WHERE "
        "location LIKE '%high.txt')")} == {FALKLANDS}


def test_a_change_marks_its_conflict_stale_in_the_same_transaction(
        two_wars: tuple[SQLiteStore, Path]) -> None:
    store, _folder = two_wars
    document_id = store.conn.execute("SELECT id FROM documents WHERE location LIKE "
                                     "'%stanley.txt'").fetchone()[0]
    store.replace_claims(document_id, [], "test.v1")
    assert [c for c, _g in store.stale_conflicts()] == [FALKLANDS]
    assert realign(store) == [FALKLANDS]
    assert [f for f in facts_of(store, FALKLANDS)] == []


def test_an_older_alignment_never_replaces_a_newer_one(two_wars: tuple[SQLiteStore, Path]) -> None:
    store, _ = two_wars
    generation = store.conn.execute("SELECT aligned FROM alignment_state WHERE scope = ?",
                                    (KARABAKH,)).fetchone()[0]
    assert store.replace_facts(KARABAKH, generation, [], [], []) is False
    assert len(facts_of(store, KARABAKH)) == 2


# -- 3. read-only and old databases ---------------------------------------------------------------

def schema_3_database(path: Path, folder: Path) -> None:
    """A database as corroborate wrote it before facts were stored (schema 3)."""
    with open_store(folder / "new.db") as new:
        take_in(new, [write(folder, "low.txt", AGDAM_LOW), write(folder, "high.txt", AGDAM_HIGH)],
                KARABAKH)
        claims = [(d, c) for d, c in new.claims_with_ids()]
    with sqlite3.connect(path) as conn:
        for _name, sql in MIGRATIONS[:3]:
            conn.executescript(sql())
        conn.executescript(
            "CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL);"
            "INSERT INTO _migrations VALUES ('0001_initial', '2024-01-01'), "
            "('0002_claims_by_document', '2024-01-01'), "
            "('0003_conflict_and_published', '2024-01-01'); PRAGMA user_version = 3;")
        conn.execute("INSERT INTO sources (slug, title) VALUES ('low', 'low'), ('high', 'high')")
        for document_id, name, body in ((1, "low", AGDAM_LOW), (2, "high", AGDAM_HIGH)):
            conn.execute("INSERT INTO documents (id, source, location, content_hash, text_hash, "
                         "media_type, size_bytes, text, segment_count, claim_count, ingested_at, "
                         "conflict) VALUES (?, ?, ?, 'x', 'y', 'text/plain', 1, ?, 0, 2, "
                         "'2024-01-01', ?)",
                         (document_id, name, str(folder / f"{name}.txt"), body, KARABAKH))
        for document_id, claim in claims:
            record = claim_to_record(claim)
            del record["conflict"]
            conn.execute("INSERT INTO claims (document_id, id, source, kind, measure, event_type, "
                         "side, place, position, evidence_start, evidence_end, figure_start, "
                         "figure_end, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         (document_id, claim.id, claim.source, claim.kind, claim.measure,
                          claim.event_type, claim.side, claim.place,
                          (claim.figure or claim.evidence).start, claim.evidence.start,
                          claim.evidence.end, claim.figure.start if claim.figure else None,
                          claim.figure.end if claim.figure else None, json.dumps(record)))


def test_a_schema_3_database_migrates_and_its_facts_are_computed(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    schema_3_database(path, tmp_path)
    with open_store(path, create=False, readonly=True) as store:  # as read commands open it
        assert store.schema_version == SCHEMA_VERSION == 5
        assert store.is_stale(KARABAKH)
        in_memory = records(facts_of(store, KARABAKH))  # computed: nothing can be stored
        assert [(f["kind"], f["verdict"]) for f in in_memory] == [
            ("event", "disagree"), ("quantity", "disagree")]
        assert store.conn.execute("SELECT COUNT(*) FROM facts").fetchone()[0] == 0
        # the evidence words were filled in: the evidence index finds them
        page, _ = store.claim_page(ClaimQuery(text="Agdam soldiers"))
        assert sorted(c["value"]["low"] for c in page) == [4000.0, 6000.0]
        assert {c["time"]["start"] for c in page} == {"1993"}
        assert {tuple(r) for r in store.conn.execute(
            "SELECT time_start, time_end FROM claims WHERE kind = 'quantity'")} == {
            ("1993-01-01", "1993-12-31")}
    with open_store(path, create=False) as store:  # a writing command aligns it
        assert records(facts_of(store, KARABAKH)) == in_memory
        assert not store.is_stale()
        assert store.conn.execute("SELECT COUNT(*) FROM facts WHERE is_name = 0").fetchone()[0] \
            == 2


def test_a_read_only_store_with_stale_facts_computes_them(
        tmp_path: Path) -> None:
    path = tmp_path / "facts.db"
    with open_store(path) as store:
        take_in(store, [write(tmp_path, "low.txt", AGDAM_LOW),
                        write(tmp_path, "high.txt", AGDAM_HIGH)], KARABAKH)
        store.conn.execute("UPDATE alignment_state SET generation = generation + 1")
        store.conn.execute("DELETE FROM facts")  # what is stored is out of date
    with open_store(path, create=False, readonly=True) as store:
        assert [f.verdict for f in facts_of(store, KARABAKH)] == ["disagree", "disagree"]


# -- 4. the bundled examples: stored == aligned in memory ----------------------------------------

@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def examples_db(request: pytest.FixtureRequest,
                tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The three examples in a SQLite file, then in a PostgreSQL database."""
    with ExitStack() as stack:
        if request.param == "sqlite":
            target = str(tmp_path_factory.mktemp("examples") / "examples.db")
        else:
            from tests.store.postgres_cluster import database

            target = stack.enter_context(database(request.getfixturevalue("postgres_server")))
        with open_store(target) as store:
            report = ingest([str(p) for p in EXAMPLES], store, max_bytes=50_000_000)
            assert len(report.outcomes) == 15 and not report.failed
        yield target


def test_stored_facts_of_the_examples_equal_aligning_in_memory(examples_db: str) -> None:
    with open_store(examples_db, create=False, readonly=True) as store:
        assert not store.is_stale()
        stored = records(facts_of(store))
        assert stored == records(_aligned(store.claims()))
        assert records(names_of(store)) == records(_named(store, None)[0])
        for conflict in ("Nagorno-Karabakh conflict", "Falklands War (1982)",
                         "Kosovo War (1998–1999)"):
            assert records(facts_of(store, conflict)) == records(
                _aligned(store.claims(conflict=conflict)))
        disputes = [f for f in stored if f["verdict"] == "disagree"]
        assert store.counts()["disputes"] == len(disputes) > 50


def test_fact_pages_walk_every_fact_once_in_either_order(examples_db: str) -> None:
    with open_store(examples_db, create=False, readonly=True) as store:
        expected = [f.id for f in facts_of(store)]
        for order in ("key", "spread"):
            seen, cursor = [], None
            while True:
                page, cursor = store.fact_page(cursor=cursor, limit=7, order=order)
                seen.extend(page)
                if cursor is None:
                    break
            ids = [f["id"] for f in seen]
            if order == "key":
                assert ids == expected
            else:
                assert sorted(ids) == sorted(expected)
                spreads = [f.get("spread", 0.0) for f in seen]
                assert spreads == sorted(spreads, reverse=True)
        disputes, _ = store.fact_page(verdict="disagree", order="spread", limit=3)
        assert all(d["why"] and d["spread"] > 0 for d in disputes)
        one = store.fact(disputes[0]["id"])
        assert one == disputes[0]
        claim = one["claims"][0] if one else {}
        assert disputes[0]["id"] in store.facts_of_claim(claim["document_id"], claim["id"])
        assert store.claim(claim["document_id"], claim["id"]) == claim
        assert store.fact("f-none") is None and store.claim(1, "c-none") is None


def test_place_summary_counts_the_claims_of_each_place(examples_db: str) -> None:
    with open_store(examples_db, create=False, readonly=True) as store:
        claims = [c for c in store.claims() if c.place]
        summary = store.place_summary()
        assert sum(p["claims"] for p in summary) == len(claims)
        top = summary[0]
        at_top = [c for c in claims if c.place == top["place"]]
        assert top["claims"] == len(at_top)
        assert len(top["claim_refs"]) == min(20, len(at_top))
        one_source = at_top[0].source
        mine = {p["place"]: p["claims"] for p in store.place_summary(source=one_source)}
        assert mine[top["place"]] == sum(c.source == one_source for c in at_top)
        karabakh = {p["place"] for p in store.place_summary(conflict=KARABAKH)}
        assert "Shusha" in karabakh and "Stanley" not in karabakh


def test_counts_per_conflict(two_wars: tuple[SQLiteStore, Path]) -> None:
    store, folder = two_wars
    take_in(store, [write(folder, "none.txt", "Notes\n\nIn 2001, 12 people were killed.\n")],
            "unknown")
    rows = [{k: v for k, v in c.items() if k != "names"} for c in store.conflict_counts()]
    assert rows == [
        {"name": FALKLANDS, "sources": 1, "documents": 1, "claims": 2, "facts": 2,
         "disputes": 0, "stale": False},
        {"name": KARABAKH, "sources": 2, "documents": 2, "claims": 4, "facts": 2,
         "disputes": 2, "stale": False},
        {"name": None, "sources": 1, "documents": 1, "claims": 1, "facts": 1, "disputes": 0,
         "stale": False}]
    assert store.counts("unknown")["documents"] == 1
    assert store.counts()["documents"] == 4
    assert [f.key["conflict"] for f in facts_of(store, "unknown")] == [None]


def test_names_are_stored_with_each_sources_spelling(two_wars: tuple[SQLiteStore, Path]) -> None:
    store, _ = two_wars
    assert store.names(KARABAKH) == [
        {"entity": "Agdam", "kind": "place", "conflict": KARABAKH,
         "variants": [{"source": "high", "written": ["Agdam"]},
                      {"source": "low", "written": ["Agdam"]}]},
        {"entity": "Shusha", "kind": "place", "conflict": KARABAKH,
         "variants": [{"source": "high", "written": ["Shusha"]},
                      {"source": "low", "written": ["Shusha"]}]}]
    names, cursor = store.fact_page(kind="name", conflict=KARABAKH)
    assert cursor is None
    assert [(n["key"]["entity"], n["verdict"], n["variants"]) for n in names] == [
        ("Agdam", "agree", {"high": {"Agdam": 1}, "low": {"Agdam": 1}}),
        ("Shusha", "agree", {"high": {"Shusha": 1}, "low": {"Shusha": 1}})]


def test_extracting_again_realigns_at_the_end(two_wars: tuple[SQLiteStore, Path]) -> None:
    store, _ = two_wars
    before = fact_rows(store, KARABAKH)
    assert sorted(location.rsplit("/", 1)[-1] for location, _n in extract_stored(store)) == [
        "high.txt", "low.txt", "stanley.txt"]
    assert store.stale_conflicts() == []
    after = fact_rows(store, KARABAKH)
    assert after and min(r[0] for r in after) > max(r[0] for r in before)
    assert [r[1] for r in after] == [r[1] for r in before]  # the same facts, aligned anew


# -- 5. a large alignment rebuilds the claim index instead of writing into it ---------------------

def _claim_index_rows(store: SQLiteStore) -> list[tuple[object, ...]]:
    """fact_claims read through the (document, claim) index, as facts_of_claim reads it."""
    return [tuple(r) for r in store.conn.execute(
        "SELECT document_id, claim_id, fact, position FROM fact_claims "
        "INDEXED BY fact_claims_claim ORDER BY document_id, claim_id, fact, position")]


def _realign_all(store: SQLiteStore, conflict: str) -> None:
    store.conn.execute("UPDATE alignment_state SET generation = generation + 1 WHERE scope = ?",
                       (conflict,))
    assert realign(store) == [conflict]


def test_a_large_alignment_rebuilds_the_claim_index_with_the_same_rows(
        two_wars: tuple[SQLiteStore, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    store, _ = two_wars
    before, facts_before = _claim_index_rows(store), fact_rows(store, KARABAKH)
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    monkeypatch.setattr("corroborate.store._fact_store.REBUILD_CLAIM_INDEX_ROWS", 1)
    _realign_all(store, KARABAKH)
    store.conn.set_trace_callback(None)
    assert "DROP INDEX fact_claims_claim" in statements  # Karabakh's rows outnumber Falklands'
    after = _claim_index_rows(store)
    # the same claims in the same facts (fact seqs are new: the facts were written again)
    assert sorted((d, c, p) for d, c, _f, p in after) == sorted((d, c, p) for d, c, _f, p in before)
    assert [r[1] for r in fact_rows(store, KARABAKH)] == [r[1] for r in facts_before]
    index_sql = store.conn.execute("SELECT sql FROM sqlite_master WHERE name = "
                                   "'fact_claims_claim'").fetchone()[0]
    assert index_sql == "CREATE INDEX fact_claims_claim ON fact_claims(document_id, claim_id)"
    document_id, claim_id = after[0][0], after[0][1]
    assert store.facts_of_claim(document_id, claim_id)  # found through the rebuilt index


def test_a_small_alignment_writes_into_the_index(
        two_wars: tuple[SQLiteStore, Path]) -> None:
    store, _ = two_wars
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    _realign_all(store, KARABAKH)  # a handful of rows: below REBUILD_CLAIM_INDEX_ROWS
    store.conn.set_trace_callback(None)
    assert not any(s.startswith("DROP INDEX") for s in statements)


def test_a_failed_alignment_keeps_the_index_and_the_facts(
        two_wars: tuple[SQLiteStore, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    store, _ = two_wars
    before, facts_before = _claim_index_rows(store), fact_rows(store, KARABAKH)
    monkeypatch.setattr("corroborate.store._fact_store.REBUILD_CLAIM_INDEX_ROWS", 1)

    def fail(*_args: object) -> None:
        raise RuntimeError("the disk is gone")

    monkeypatch.setattr(SQLiteStore, "_insert_fact", fail)
    store.conn.execute("UPDATE alignment_state SET generation = generation + 1 WHERE scope = ?",
                       (KARABAKH,))
    with pytest.raises(RuntimeError, match="the disk is gone"):
        realign(store)
    assert _claim_index_rows(store) == before  # the index dropped in it came back with the rollback
    assert fact_rows(store, KARABAKH) == facts_before
