"""E307 on a PostgreSQL store says what the server refused in PostgreSQL's terms (a read-only
transaction, a permission the user lacks), in one line naming the database without its
password; the line survives a trip to another process."""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterator

import pytest

from corroborate.errors import CorroborateError, E
from corroborate.model import Document, Source, Text
from corroborate.store import open_store
from corroborate.text import segment

pytest.importorskip("psycopg", reason="psycopg is not installed (pip install "
                                      "'corroborate[postgresql]')")

import psycopg

from corroborate.store.postgresql import ServerRefusedWrite

REPORT = Source(slug="report", title="report")
BODY = "In 1993, 4,000 soldiers were killed near Agdam.\n"
LOCATION = "/reports/agdam.txt"


def text_of(body: str) -> Text:
    data = body.encode("utf-8")
    return segment(Document(source=REPORT, location=LOCATION, text=body,
                            content_hash=hashlib.sha256(data).hexdigest(),
                            media_type="text/plain", size_bytes=len(data)))


@pytest.fixture
def reader(postgres_url: str) -> Iterator[str]:
    """The URL of the store at ``postgres_url`` for a user who may only read it (and whose
    password is in the URL)."""
    open_store(postgres_url).close()
    role = f"reader_{postgres_url.rsplit('_', 2)[-2]}_{postgres_url.rsplit('_', 1)[-1]}"
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute(f"CREATE ROLE {role} LOGIN PASSWORD 's3cret-pw'")
        admin.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}")
        admin.execute(f"GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO {role}")
    try:
        yield postgres_url.replace("postgresql://postgres@", f"postgresql://{role}:s3cret-pw@")
    finally:
        with psycopg.connect(postgres_url, autocommit=True) as admin:
            admin.execute(f"DROP OWNED BY {role}")
            admin.execute(f"DROP ROLE {role}")


def test_a_store_opened_read_only_says_read_only_transaction(postgres_url: str) -> None:
    open_store(postgres_url).close()
    with open_store(postgres_url, create=False, readonly=True) as store:
        with pytest.raises(CorroborateError) as caught:
            store.save(text_of(BODY))
        assert store.documents() == []
    assert caught.value.code is E.E307
    assert caught.value.line() == (
        f"Error [E307] {postgres_url}: the PostgreSQL server refused the write in a read-only "
        "transaction (cannot execute nextval() in a read-only transaction; /reports/agdam.txt "
        "not written): the store was opened read-only, or the server is a standby or has "
        "default_transaction_read_only on; write to the primary or pass another --db")


def test_a_database_read_only_by_default_says_so(postgres_url: str) -> None:
    open_store(postgres_url).close()
    name = postgres_url.rsplit("/", 1)[1]
    with psycopg.connect(postgres_url, autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on')
    with open_store(postgres_url, create=False) as store, \
            pytest.raises(CorroborateError) as caught:
        store.save(text_of(BODY))
    line = caught.value.line()
    assert line.startswith(f"Error [E307] {postgres_url}: the PostgreSQL server refused the "
                           "write in a read-only transaction (cannot execute ")
    assert "database file" not in line


def test_a_user_who_may_only_read_says_permission_denied_without_the_password(
        reader: str) -> None:
    shown = reader.replace(":s3cret-pw@", "@")
    with open_store(reader, create=False) as store, pytest.raises(CorroborateError) as caught:
        store.save(text_of(BODY))
    line = caught.value.line()
    assert caught.value.code is E.E307
    assert line.startswith(f"Error [E307] {shown}: the PostgreSQL user lacks a permission to "
                           "write (permission denied for ")
    assert line.endswith("; /reports/agdam.txt not written): GRANT it INSERT, UPDATE and "
                         "DELETE on corroborate's tables and USAGE on its sequences, or pass "
                         "another --db")
    assert "s3cret" not in line and "\n" not in line


def test_the_line_is_the_same_in_another_process(postgres_url: str) -> None:
    open_store(postgres_url).close()
    with open_store(postgres_url, create=False, readonly=True) as store, \
            pytest.raises(ServerRefusedWrite) as caught:
        store.save(text_of(BODY))
    again = pickle.loads(pickle.dumps(caught.value))
    assert isinstance(again, ServerRefusedWrite)
    assert again.line() == caught.value.line() and again.code is E.E307
