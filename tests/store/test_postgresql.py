"""Opening a PostgreSQL store: its tables made by named migrations, and every way it cannot be
used said in one line naming the database without its password."""

from __future__ import annotations

import hashlib
import socket

import pytest

from corroborate.errors import CorroborateError
from corroborate.model import Document, Source, Text
from corroborate.store import open_store, redacted_url
from corroborate.text import segment

pytest.importorskip("psycopg", reason="psycopg is not installed (pip install "
                                      "'corroborate[postgresql]')")

import psycopg

from corroborate.store.postgresql import PG_MIGRATIONS, PG_SCHEMA_VERSION

REPORT = Source(slug="report", title="report")
BODY = "In 1993, 4,000 soldiers were killed near Agdam.\n"


def text_of(body: str, location: str = "/reports/agdam.txt") -> Text:
    data = body.encode("utf-8")
    return segment(Document(source=REPORT, location=location, text=body,
                            content_hash=hashlib.sha256(data).hexdigest(),
                            media_type="text/plain", size_bytes=len(data)))


def tables(url: str) -> list[str]:
    with psycopg.connect(url) as conn:
        return [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")]


def test_an_empty_database_is_migrated_once(postgres_url: str) -> None:
    with open_store(postgres_url) as store:
        assert store.schema_version == PG_SCHEMA_VERSION == 4
        assert store.counts()["documents"] == 0
        unchanged = store.data_version()
    assert tables(postgres_url) == [
        "alignment_state", "claims", "corroborate_migrations", "documents", "fact_claims",
        "facts", "name_mentions", "places", "segments", "sources"]
    with open_store(postgres_url) as store:
        assert store.data_version() == unchanged
        store.save(text_of(BODY))
        assert store.save(text_of(BODY)) == "unchanged"
    with open_store(postgres_url, create=False, readonly=True) as store:
        assert [d["location"] for d in store.documents()] == ["/reports/agdam.txt"]
        assert store.data_version() == unchanged + 1
    with psycopg.connect(postgres_url) as conn:
        assert [r[0] for r in conn.execute("SELECT name FROM corroborate_migrations "
                                           "ORDER BY name")] == [
            "0001_initial", "0002_write_counter", "0003_search_without_accents", "0004_name_mentions"]


def test_a_database_of_migration_1_is_migrated_to_the_latest(postgres_url: str) -> None:
    first = PG_MIGRATIONS[0][1]()
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(first)
        conn.execute("CREATE TABLE corroborate_migrations (name TEXT PRIMARY KEY, "
                     "applied_at TEXT NOT NULL)")
        conn.execute("INSERT INTO corroborate_migrations VALUES ('0001_initial', 'then')")
    with open_store(postgres_url, create=False, readonly=True) as store:
        assert store.schema_version == PG_SCHEMA_VERSION
        assert store.data_version() == 1


def test_reading_an_empty_database_is_e305_and_makes_nothing(postgres_url: str) -> None:
    with pytest.raises(CorroborateError) as caught:
        open_store(postgres_url, create=False, readonly=True)
    assert caught.value.line() == (f"Error [E305] {postgres_url}: no database here; run "
                                   "`corroborate ingest` first or pass another --db")
    assert tables(postgres_url) == []


@pytest.mark.parametrize("create", [True, False])
def test_another_programs_database_is_e304_and_left_as_it_was(postgres_url: str,
                                                              create: bool) -> None:
    with psycopg.connect(postgres_url) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    with pytest.raises(CorroborateError) as caught:
        open_store(postgres_url, create=create)
    assert caught.value.line() == (f"Error [E304] {postgres_url}: not a corroborate database "
                                   "(it has tables invoices); pass another --db")
    assert tables(postgres_url) == ["invoices"]


def test_a_database_of_a_newer_corroborate_is_e302(postgres_url: str) -> None:
    open_store(postgres_url).close()
    with psycopg.connect(postgres_url) as conn:
        conn.execute("INSERT INTO corroborate_migrations VALUES ('0005_future', 'now')")
    with pytest.raises(CorroborateError) as caught:
        open_store(postgres_url, create=False, readonly=True)
    assert caught.value.line() == (f"Error [E302] {postgres_url}: the database was written by "
                                   "a newer corroborate (schema 5 > 4); upgrade")


def test_a_server_that_is_not_there_is_e301_without_the_password() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # free, and nothing listens on it once closed
    url = f"postgresql://reader:s3cret-pw@127.0.0.1:{port}/wars"
    with pytest.raises(CorroborateError) as caught:
        open_store(url, create=False, readonly=True, timeout=2)
    line = caught.value.line()
    assert line.startswith(f"Error [E301] postgresql://reader@127.0.0.1:{port}/wars: cannot "
                           "open the database (")
    assert "s3cret" not in line and "\n" not in line
    assert redacted_url(url) == f"postgresql://reader@127.0.0.1:{port}/wars"


def test_a_database_that_does_not_exist_is_e301(postgres_server: str) -> None:
    url = postgres_server.rpartition("/")[0] + "/no_such_wars"
    with pytest.raises(CorroborateError) as caught:
        open_store(url)
    line = caught.value.line()
    assert line.startswith(f"Error [E301] {url}: cannot open the database (")
    assert '"no_such_wars" does not exist' in line


def test_a_read_only_store_refuses_to_write_with_e307(postgres_url: str) -> None:
    open_store(postgres_url).close()
    with open_store(postgres_url, create=False, readonly=True) as store:
        with pytest.raises(CorroborateError) as caught:
            store.save(text_of(BODY))
        assert caught.value.line().startswith(f"Error [E307] {postgres_url}: the PostgreSQL "
                                              "server refused the write")
        assert store.documents() == []


def test_a_write_while_another_writer_holds_the_lock_is_e306(postgres_url: str) -> None:
    open_store(postgres_url).close()
    with psycopg.connect(postgres_url) as other, open_store(postgres_url, timeout=0.2) as store:
        other.execute("SELECT pg_advisory_xact_lock(%s)", (0x436F7272,))  # held until commit
        with pytest.raises(CorroborateError) as caught:
            store.save(text_of(BODY))
        assert caught.value.line() == (
            f"Error [E306] {postgres_url}: the database is locked: another corroborate process "
            "is writing (/reports/agdam.txt not written); retry when it ends")
        other.rollback()
        assert store.save(text_of(BODY)) == "added"


def test_a_long_segments_snippet_is_16_words_from_just_before_the_match() -> None:
    from corroborate.store.postgresql import _snippet

    sentence = ("On 12 June 1999 the first KFOR troops entered Kosovo from Macedonia and by the "
                "end of the month about 20,000 soldiers of the force were in the province")
    words = sentence.split()
    at = words.index("20,000")  # the 21st of 30 words
    words[at] = "\x02" + words[at] + "\x03"
    assert _snippet(" ".join(words)) == (
        "…by the end of the month about \x0220,000\x03 soldiers of the force were in the "
        "province")
    words = ["Casualties", "\x02near", "Agdam\x03", *[f"w{i}" for i in range(20)]]
    assert _snippet(" ".join(words)) == (
        "Casualties \x02near Agdam\x03 w0 w1 w2 w3 w4 w5 w6 w7 w8 w9 w10 w11 w12…")
    assert _snippet("The \x02Lachin\x03 \x02road\x03 then passed.") == (
        "The \x02Lachin road\x03 then passed.")
