"""Several processes at one database: opening a new one at once, and writing while another writes
or where nothing may be written. Every failure is one line and nothing is half-written."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from corroborate.documents import DocumentRef
from corroborate.errors import CorroborateError
from corroborate.model import Document, Source, Text
from corroborate.pipeline import ingest, ingest_one
from corroborate.store import SQLiteStore, open_store
from corroborate.text import segment

HRW = Source("hrw", "HRW")
SHUSHA = "Shusha was captured on 8 May 1992.\n"
LACHIN = "In May 1992, 40 soldiers were killed near Lachin.\n"
PROCESSES = 8

# Each process waits for the go file, then opens the new database and ingests its own report.
OPEN_AND_INGEST = """
import pathlib, sys, time
from corroborate.pipeline import ingest
from corroborate.store import open_store
db, report, go = sys.argv[1:4]
pathlib.Path(report + ".ready").touch()
while not pathlib.Path(go).exists():
    time.sleep(0.001)
with open_store(db) as store:
    outcomes = ingest([report], store, max_bytes=10**6).outcomes
print(*[o.error or o.status for o in outcomes])
"""


def text_of(body: str, location: str) -> Text:
    data = body.encode("utf-8")
    return segment(Document(source=HRW, location=location, text=body,
                            content_hash=hashlib.sha256(data).hexdigest(),
                            media_type="text/plain", size_bytes=len(data)))


# -- 4. opening a new database at once ------------------------------------------------------------

@pytest.mark.slow
def test_processes_opening_a_new_database_at_once_all_succeed(tmp_path: Path) -> None:
    db, go = tmp_path / "karabakh.db", tmp_path / "go"
    reports = []
    for n in range(PROCESSES):
        reports.append(tmp_path / f"report-{n}.txt")
        reports[-1].write_text(f"In 199{n}, {n + 10} soldiers were killed near Lachin.\n",
                               encoding="utf-8")
    processes = [subprocess.Popen([sys.executable, "-c", OPEN_AND_INGEST, str(db), str(r),
                                   str(go)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True) for r in reports]
    try:
        while not all(Path(f"{r}.ready").exists() for r in reports):
            assert all(p.poll() is None for p in processes), [p.communicate() for p in processes]
            time.sleep(0.01)
        go.touch()
        results = [p.communicate(timeout=120) for p in processes]
    finally:
        for p in processes:
            if p.poll() is None:
                p.kill()
                p.wait()
    assert [(p.returncode, out.strip(), err) for p, (out, err) in zip(processes, results,
                                                                     strict=True)] == [
        (0, "added", "")] * PROCESSES
    with open_store(db, create=False) as store:
        assert store.check() == []
        assert sorted(d["location"] for d in store.documents()) == sorted(map(str, reports))
        assert [d["claim_count"] for d in store.documents()] == [1] * PROCESSES
        assert [r[0] for r in store.conn.execute("SELECT name FROM _migrations")] == [
            "0001_initial", "0002_claims_by_document", "0003_conflict_and_published",
            "0004_stored_facts", "0005_name_mentions"]
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


# -- 7. locked and read-only ----------------------------------------------------------------------

@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "karabakh.db"
    with open_store(path) as store:
        store.save(text_of(SHUSHA, "/r/shusha.txt"))
    return path


@pytest.fixture
def writer(db: Path) -> Iterator[sqlite3.Connection]:
    """Another process's write transaction, held for the whole test."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO sources (slug, title) VALUES ('other', 'Other')")
    yield conn
    conn.execute("ROLLBACK")
    conn.close()


def test_every_write_while_another_process_writes_is_e306(db: Path,
                                                          writer: sqlite3.Connection) -> None:
    locked = (f"Error [E306] {db}: the database is locked: another corroborate process is "
              "writing ({} not written); retry when it ends")
    with open_store(db, timeout=0.05) as store:
        assert store.is_stored("/r/shusha.txt", "x") is False  # reading goes on in WAL mode
        with pytest.raises(CorroborateError) as caught:
            store.save(text_of(LACHIN, "/r/lachin.txt"))
        assert caught.value.line() == locked.format("/r/lachin.txt")
        with pytest.raises(CorroborateError) as caught:
            store.update_source(Source("hrw", "Human Rights Watch"))
        assert caught.value.line() == locked.format("source hrw")
        [(document_id, text)] = list(store.texts())
        with pytest.raises(CorroborateError) as caught:
            store.replace_claims(document_id, [], "test.v1", text)
        assert caught.value.line() == locked.format("claims of /r/shusha.txt")
        assert not store.conn.in_transaction
    writer.execute("ROLLBACK")
    writer.execute("BEGIN IMMEDIATE")  # for the fixture's own rollback
    with open_store(db, create=False) as store:
        assert [(d["location"], d["claim_count"]) for d in store.documents()] == [
            ("/r/shusha.txt", None)]
        assert [s["title"] for s in store.sources()] == ["HRW"]
        assert store.check() == []


def test_opening_a_new_database_another_process_holds_is_e306(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(CorroborateError) as caught:
            open_store(path, timeout=0.05)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert caught.value.line() == (f"Error [E306] {path}: the database is locked: another "
                                   "corroborate process is writing (its schema not written); "
                                   "retry when it ends")


def test_a_batch_goes_on_past_a_locked_database(db: Path, writer: sqlite3.Connection,
                                               tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    for name, body in (("lachin.txt", LACHIN), ("shusha.txt", SHUSHA)):
        (tmp_path / "docs" / name).write_text(body, encoding="utf-8")
    with open_store(db, timeout=0.05) as store:
        report = ingest([str(tmp_path / "docs")], store, max_bytes=10**6)
    assert [(Path(o.location).name, o.status, o.error) for o in report.outcomes] == [
        (name, "failed", f"Error [E306] {db}: the database is locked: another corroborate "
         f"process is writing ({tmp_path}/docs/{name} not written); retry when it ends")
        for name in ("lachin.txt", "shusha.txt")]


def test_ingesting_into_a_read_only_database_is_e307_per_document(db: Path, tmp_path: Path) -> None:
    report = tmp_path / "lachin.txt"
    report.write_text(LACHIN, encoding="utf-8")
    with open_store(db, create=False, readonly=True) as store:
        outcome = ingest_one(DocumentRef(str(report)), store, max_bytes=10**6)
        assert (outcome.status, outcome.error) == (
            "failed", f"Error [E307] {db}: the database file is read-only ({report} not "
            "written); check its permissions or pass another --db")
        with pytest.raises(CorroborateError, match=r"^Error \[E307\] .*\(source hrw not written\)"):
            store.update_source(HRW)
    with open_store(db, create=False) as store:
        assert [d["location"] for d in store.documents()] == ["/r/shusha.txt"]


def test_a_write_error_midway_rolls_back_and_is_one_line(store: SQLiteStore,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    store.save(text_of(SHUSHA, "/r/shusha.txt"))

    def full(*_args: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store, "_upsert_source", full)
    with pytest.raises(CorroborateError) as caught:
        store.update_source(HRW)
    assert caught.value.line() == ("Error [E303] hrw: the store failed while writing (database "
                                   "or disk is full); nothing of this document was kept")
    assert not store.conn.in_transaction
