"""The SQLite store: idempotent saves, whole-document replacement, full-text search, schema checks."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from corroborate.errors import CorroborateError
from corroborate.model import Document, Source, Text
from corroborate.pipeline import ingest
from corroborate.store import SCHEMA_VERSION, SQLiteStore, open_store
from corroborate.text import segment

HRW = Source(slug="hrw-1994", title="Seven Years of Conflict in Nagorno-Karabakh",
             publisher="Human Rights Watch", kind="ngo", extra={"pages": 130})
ICG = Source(slug="icg-2005", title="Viewing the Conflict from the Ground",
             publisher="International Crisis Group", kind="think-tank")

FIRST = ("The Lachin corridor\n"
         "The Lachin corridor links Goris with Stepanakert. Armenian forces opened it in May 1992.\n")
SECOND = ("Şuşa was retaken on 8 November 2020.\n"
          "The Lachin road then passed under Russian peacekeepers.\n")
REVISED = "Kalbajar was returned to Azerbaijan on 25 November 2020.\n"


def text_of(body: str, location: str = "/reports/lachin.txt", source: Source = HRW) -> Text:
    data = body.encode("utf-8")
    return segment(Document(source=source, location=location, text=body,
                            content_hash=hashlib.sha256(data).hexdigest(),
                            media_type="text/plain", size_bytes=len(data)))


def count(store: SQLiteStore, table: str) -> int:
    return int(store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def fts_ok(store: SQLiteStore) -> None:
    """FTS5's own check that the index matches the segments table (raises if not)."""
    store.conn.execute("INSERT INTO segments_fts(segments_fts) VALUES ('integrity-check')")


def test_a_saved_document_is_listed_with_its_segments(store: SQLiteStore) -> None:
    text = text_of(FIRST)
    assert store.save(text) == "added"
    [document] = store.documents()
    assert {k: document[k] for k in ("source", "location", "media_type", "chars",
                                     "segment_count", "claim_count")} == {
        "source": "hrw-1994", "location": "/reports/lachin.txt", "media_type": "text/plain",
        "chars": len(FIRST), "segment_count": 3, "claim_count": None}
    rows = store.conn.execute(
        'SELECT kind, start, "end", text FROM segments ORDER BY seq').fetchall()
    assert [tuple(r) for r in rows] == [
        ("heading", 0, 19, "The Lachin corridor"),
        ("sentence", 20, 69, "The Lachin corridor links Goris with Stepanakert."),
        ("sentence", 70, 108, "Armenian forces opened it in May 1992."),
    ]
    assert store.check() == []


def test_sources_and_documents_listings(store: SQLiteStore) -> None:
    store.save(text_of(FIRST))
    store.save(text_of(SECOND, "/reports/shusha.txt"))
    store.save(text_of(REVISED, "/icg/kalbajar.txt", ICG))
    assert [(s["slug"], s["publisher"], s["kind"], s["documents"], s["extra"])
            for s in store.sources()] == [
        ("hrw-1994", "Human Rights Watch", "ngo", 2, {"pages": 130}),
        ("icg-2005", "International Crisis Group", "think-tank", 1, {}),
    ]
    assert [d["location"] for d in store.documents()] == [
        "/reports/lachin.txt", "/reports/shusha.txt", "/icg/kalbajar.txt"]
    assert [d["location"] for d in store.documents("icg-2005")] == ["/icg/kalbajar.txt"]
    assert store.documents("no-such-source") == []


def test_stored_texts_come_back_as_they_were_saved(store: SQLiteStore) -> None:
    original = text_of(FIRST)
    store.save(original)
    [(_id, rebuilt)] = list(store.texts())
    assert rebuilt.text == original.text
    assert rebuilt.segments == original.segments
    assert rebuilt.document.source == HRW
    assert rebuilt.document.content_hash == original.document.content_hash


def test_identical_content_is_unchanged_and_adds_no_rows(store: SQLiteStore) -> None:
    assert store.save(text_of(FIRST)) == "added"
    before = {t: count(store, t) for t in ("documents", "segments", "sources", "claims")}
    stamp = store.documents()[0]["ingested_at"]
    assert store.save(text_of(FIRST)) == "unchanged"
    assert {t: count(store, t) for t in before} == before
    assert store.documents()[0]["ingested_at"] == stamp


def test_reingesting_a_folder_is_a_no_op(tmp_path: Path, store: SQLiteStore) -> None:
    (tmp_path / "lachin.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "shusha.md").write_text(SECOND, encoding="utf-8")
    first = ingest([str(tmp_path)], store, max_bytes=10**6, extract=False)
    assert [o.status for o in first.outcomes] == ["added", "added"]
    rows = {t: count(store, t) for t in ("documents", "segments", "sources")}
    max_id = store.conn.execute("SELECT MAX(id) FROM segments").fetchone()[0]
    second = ingest([str(tmp_path)], store, max_bytes=10**6, extract=False)
    assert [o.status for o in second.outcomes] == ["unchanged", "unchanged"]
    assert {t: count(store, t) for t in rows} == rows
    assert store.conn.execute("SELECT MAX(id) FROM segments").fetchone()[0] == max_id


def test_a_changed_document_replaces_its_old_version(tmp_path: Path, store: SQLiteStore) -> None:
    path = tmp_path / "lachin.txt"
    path.write_text(FIRST, encoding="utf-8")
    assert [o.status for o in ingest([str(path)], store, max_bytes=10**6,
                                     extract=False).outcomes] == ["added"]
    assert store.search("Goris")
    path.write_text(REVISED, encoding="utf-8")
    assert [o.status for o in ingest([str(path)], store, max_bytes=10**6,
                                     extract=False).outcomes] == ["replaced"]
    assert count(store, "documents") == 1
    segments = [r[0] for r in store.conn.execute("SELECT text FROM segments")]
    assert segments == ["Kalbajar was returned to Azerbaijan on 25 November 2020."]
    assert store.search("Goris") == []
    assert store.search("Stepanakert") == []
    [hit] = store.search("Kalbajar")
    assert hit["snippet"] == "[Kalbajar] was returned to Azerbaijan on 25 November 2020."
    fts_ok(store)
    assert store.check() == []


def test_a_replacement_that_fails_keeps_the_old_version(store: SQLiteStore,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    store.save(text_of(FIRST))

    def broken(document_id: int, text: Text) -> None:
        store.conn.execute("INSERT INTO segments (document_id, seq, kind, start, \"end\", text) "
                           "VALUES (?, 0, 'sentence', 0, 8, 'Kalbajar')", (document_id,))
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store, "_insert_segments", broken)
    with pytest.raises(CorroborateError) as caught:
        store.save(text_of(REVISED))
    assert caught.value.line() == ("Error [E303] /reports/lachin.txt: the store failed while "
                                   "writing (disk I/O error); nothing of this document was kept")
    assert not store.conn.in_transaction
    assert [r[0] for r in store.conn.execute("SELECT text FROM segments ORDER BY seq")][1] == (
        "The Lachin corridor links Goris with Stepanakert.")
    assert store.search("Kalbajar") == []
    assert len(store.search("Goris")) == 1
    assert store.check() == []


def test_search_returns_hits_with_highlighted_snippets(store: SQLiteStore) -> None:
    store.save(text_of(FIRST))
    store.save(text_of(SECOND, "/reports/shusha.txt"))
    hits = store.search("Lachin")
    assert {h["snippet"] for h in hits} == {
        "The [Lachin] corridor",
        "The [Lachin] corridor links Goris with Stepanakert.",
        "The [Lachin] road then passed under Russian peacekeepers.",
    }
    for hit in hits:
        [document] = [d for d in store.documents() if d["id"] == hit["document_id"]]
        stored = store.document(hit["document_id"])
        assert stored is not None and document["location"] == hit["location"]
        assert "Lachin" in stored["text"][hit["start"]:hit["end"]]
    assert len(store.search("Lachin", limit=2)) == 2
    # Every word must match; diacritics do not matter; FTS syntax in plain queries is literal.
    assert [h["snippet"] for h in store.search("Lachin Goris")] == [
        "The [Lachin] corridor links [Goris] with Stepanakert."]
    assert [h["start"] for h in store.search("Susa")] == [0]
    assert store.search("Lachin NOT") == []
    assert len(store.search('"corridor')) == 2


def test_raw_queries_use_fts5_syntax(store: SQLiteStore) -> None:
    store.save(text_of(FIRST))
    store.save(text_of(SECOND, "/reports/shusha.txt"))
    assert len(store.search("Lachin NOT Goris", raw=True)) == 2
    assert [h["snippet"] for h in store.search('"Lachin road"', raw=True)] == [
        "The [Lachin road] then passed under Russian peacekeepers."]
    assert len(store.search("Stepan*", raw=True)) == 1


@pytest.mark.parametrize(("query", "raw"), [("", False), ("   ", False), ("", True)])
def test_an_empty_query_is_e401(store: SQLiteStore, query: str, raw: bool) -> None:
    with pytest.raises(CorroborateError) as caught:
        store.search(query, raw=raw)
    assert caught.value.line() == "Error [E401] search: malformed query: the query is empty; give words"


@pytest.mark.parametrize("query", ['"Lachin AND', "Lachin OR", "(Shusha", "NEAR(", "*"])
def test_a_malformed_raw_query_is_e401(store: SQLiteStore, query: str) -> None:
    store.save(text_of(FIRST))
    with pytest.raises(CorroborateError) as caught:
        store.search(query, raw=True)
    line = caught.value.line()
    assert line.startswith(f"Error [E401] search {query!r}: malformed query: ")
    assert "\n" not in line


def test_a_new_database_is_migrated_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "karabakh.db"
    with open_store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        names = [r[0] for r in store.conn.execute("SELECT name FROM _migrations ORDER BY name")]
        assert names[0] == "0001_initial" and len(names) == SCHEMA_VERSION
        store.save(text_of(FIRST))
    with open_store(f"sqlite:///{path}") as store:
        assert len(store.documents()) == 1
        assert count(store, "_migrations") == SCHEMA_VERSION


def test_a_database_from_a_newer_version_is_e302(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    open_store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(CorroborateError) as caught:
        open_store(path)
    assert caught.value.line() == (
        f"Error [E302] {path}: the database was written by a newer corroborate (schema "
        f"{SCHEMA_VERSION + 1} > {SCHEMA_VERSION}); upgrade")


@pytest.mark.parametrize("content", [
    b"Shusha, Lachin, Kalbajar: a list, not a database.\n" * 40, bytes(4096)])
def test_a_file_that_is_no_database_is_e304_and_stays_as_it_was(tmp_path: Path,
                                                                content: bytes) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(CorroborateError) as caught:
        open_store(path)
    assert caught.value.line() == (f"Error [E304] {path}: not a corroborate database (it is not "
                                   "a SQLite database file); pass another --db")
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


def test_a_database_in_a_missing_folder_is_e301(tmp_path: Path) -> None:
    with pytest.raises(CorroborateError) as caught:
        open_store(tmp_path / "no" / "such" / "folder.db")
    assert caught.value.line() == (f"Error [E301] {tmp_path}/no/such/folder.db: cannot open the "
                                   "database (unable to open database file)")


def test_check_finds_a_document_stored_incompletely(store: SQLiteStore) -> None:
    store.save(text_of(FIRST))
    assert store.check() == []
    store.conn.execute("DELETE FROM segments WHERE seq = 2")
    assert store.check() == ["/reports/lachin.txt: stored incompletely"]


def test_manifest_edit_reaches_unchanged_documents(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "report.txt").write_text("In 1993, 40 soldiers were killed near Agdam.\n",
                                       encoding="utf-8")
    manifest = folder / "sources.toml"
    manifest.write_text('[report]\ntitle = "Field report"\npublisher = "Old name"\n',
                        encoding="utf-8")
    with open_store(tmp_path / "db.sqlite") as db:
        ingest([str(folder)], db, max_bytes=10_000)
        manifest.write_text('[report]\ntitle = "Field report"\npublisher = "New name"\n',
                            encoding="utf-8")
        report = ingest([str(folder)], db, max_bytes=10_000)
        assert [o.status for o in report.outcomes] == ["unchanged"]
        assert [s["publisher"] for s in db.sources()] == ["New name"]
