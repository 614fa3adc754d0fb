"""Opening a database: ours is marked, another program's is refused untouched, read commands never
create one, and a read-only opening really only reads."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from corroborate.errors import CorroborateError
from corroborate.model import Document, Source, Text
from corroborate.store import SCHEMA_VERSION, SQLiteStore, open_store
from corroborate.store.sqlite import APPLICATION_ID, MIGRATIONS
from corroborate.text import segment

BODY = "Shusha was captured on 8 May 1992.\n"


def text_of(body: str = BODY, location: str = "/r/shusha.txt") -> Text:
    data = body.encode("utf-8")
    return segment(Document(source=Source("hrw", "HRW"), location=location, text=body,
                            content_hash=hashlib.sha256(data).hexdigest(),
                            media_type="text/plain", size_bytes=len(data)))


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


# -- 5. a database that is not ours ---------------------------------------------------------------

def birds_db(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.executescript("CREATE TABLE birds (name TEXT); CREATE TABLE nests (bird TEXT);"
                           "INSERT INTO birds VALUES ('hoopoe');")
    sqlite3.connect(path).close()


@pytest.mark.parametrize(("create", "readonly"), [(True, False), (False, False), (False, True)])
def test_another_programs_database_is_refused_and_left_as_it_was(tmp_path: Path, create: bool,
                                                                 readonly: bool) -> None:
    path = tmp_path / "birds.db"
    birds_db(path)
    before = files_of(tmp_path)
    with pytest.raises(CorroborateError) as caught:
        open_store(path, create, readonly=readonly)
    assert caught.value.line() == (f"Error [E304] {path}: not a corroborate database (it has "
                                   "tables birds, nests); pass another --db")
    assert files_of(tmp_path) == before
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_a_database_marked_by_another_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA application_id = 1234")
    with pytest.raises(CorroborateError) as caught:
        open_store(path)
    assert caught.value.line() == (f"Error [E304] {path}: not a corroborate database (its "
                                   "application id is 1234); pass another --db")


def test_our_databases_are_marked_and_older_ones_recognised(tmp_path: Path) -> None:
    path = tmp_path / "ours.db"
    with open_store(path) as store:
        assert store.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    old = tmp_path / "old.db"  # schema 1, written before the mark
    with sqlite3.connect(old) as conn:
        conn.executescript(MIGRATIONS[0][1]())
        conn.executescript("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT);"
                           "INSERT INTO _migrations VALUES ('0001_initial', '2024-01-01');"
                           "PRAGMA user_version = 1;")
    with open_store(old) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


# -- 6. read commands never create a database ---------------------------------------------------

def test_without_create_a_missing_database_is_e305_and_nothing_is_made(tmp_path: Path) -> None:
    path = tmp_path / "karabkah.db"
    for readonly in (False, True):
        with pytest.raises(CorroborateError) as caught:
            open_store(path, create=False, readonly=readonly)
        assert caught.value.line() == (f"Error [E305] {path}: no database here; run `corroborate "
                                       "ingest` first or pass another --db")
    assert list(tmp_path.iterdir()) == []


def test_without_create_an_empty_file_is_e305_and_stays_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    with pytest.raises(CorroborateError, match=r"^Error \[E305\] .*empty\.db: no database here"):
        open_store(path, create=False)
    assert files_of(tmp_path) == {"empty.db": b""}


def test_a_read_only_store_reads_and_refuses_to_write(tmp_path: Path) -> None:
    path = tmp_path / "karabakh.db"
    with open_store(path) as store:
        store.save(text_of())
    with open_store(path, create=False, readonly=True) as store:
        assert [d["location"] for d in store.documents()] == ["/r/shusha.txt"]
        assert [h["snippet"] for h in store.search("Shusha")] == [
            "[Shusha] was captured on 8 May 1992."]
        with pytest.raises(CorroborateError) as caught:
            store.save(text_of("Lachin fell on 18 May 1992.\n", "/r/lachin.txt"))
        assert caught.value.line() == (
            f"Error [E307] {path}: the database file is read-only (/r/lachin.txt not written); "
            "check its permissions or pass another --db")
        assert not store.conn.in_transaction
    with open_store(path, create=False) as store:
        assert [d["location"] for d in store.documents()] == ["/r/shusha.txt"]


def test_reading_a_database_of_an_older_schema_migrates_it_first(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(MIGRATIONS[0][1]())
        conn.executescript("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT);"
                           "INSERT INTO _migrations VALUES ('0001_initial', '2024-01-01');"
                           "PRAGMA user_version = 1;")
    with open_store(path, create=False, readonly=True) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.claims() == []


def test_a_newer_database_opened_read_only_is_e302(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    open_store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(CorroborateError, match=r"^Error \[E302\] "):
        open_store(path, create=False, readonly=True)


# -- 8. search limits -----------------------------------------------------------------------------

def test_a_search_limit_beyond_sqlite_integers_means_no_limit(store: SQLiteStore) -> None:
    store.save(text_of())
    for limit in (2**63 - 1, 2**63, 10**30):
        assert [h["location"] for h in store.search("Shusha", limit=limit)] == ["/r/shusha.txt"]


@pytest.mark.parametrize("limit", [0, -1, -(2**70)])
def test_a_search_limit_below_one_is_e403(store: SQLiteStore, limit: int) -> None:
    with pytest.raises(CorroborateError) as caught:
        store.search("Shusha", limit=limit)
    assert caught.value.line() == (f"Error [E403] search: invalid option: the limit must be 1 or "
                                   f"more, not {limit}; pass a positive --limit")
