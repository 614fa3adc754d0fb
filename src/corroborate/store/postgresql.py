"""The PostgreSQL store (psycopg 3): the same methods and one-line errors as the SQLite store,
on a server named by a ``postgresql://`` URL.

One document is one transaction, as in SQLite. Documents are written side by side (they share an
advisory lock per database); aligning, migrating and other writes take it alone (SQLite's one
writer at a time), waiting at most ``timeout`` seconds for it (then E306).
Migrations are named SQL files (store/pg_*.sql) recorded in corroborate_migrations.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from importlib import resources
from typing import Any

import psycopg
from psycopg import errors as pg_errors

from corroborate.errors import CorroborateError, E
from corroborate.store._claim_pages import ClaimPages
from corroborate.store._fact_store import FactStore
from corroborate.store._opening import APPLICATION_ID
from corroborate.store._pg_connection import PgConnection, connection_pool, session_settings
from corroborate.store._reading import Reading
from corroborate.store._writes import Writes, now, text_hash
from corroborate.store.sqlite import DEFAULT_TIMEOUT, MAX_LIMIT, SearchHit, marked_hit

__all__ = ["PG_MIGRATIONS", "PG_SCHEMA_VERSION", "PostgreSQLPool", "PostgreSQLStore",
           "ServerRefusedWrite"]


def _sql(name: str) -> Callable[[], str]:
    return lambda: resources.files("corroborate.store").joinpath(name).read_text("utf-8")


# Named migrations, applied in order and recorded in corroborate_migrations; append, never edit.
PG_MIGRATIONS: list[tuple[str, Callable[[], str]]] = [
    ("0001_initial", _sql("pg_0001_initial.sql")),
    ("0002_write_counter", _sql("pg_0002_write_counter.sql")),
    ("0003_search_without_accents", _sql("pg_0003_search_without_accents.sql")),
    ("0004_name_mentions", _sql("pg_0004_name_mentions.sql")),
]
PG_SCHEMA_VERSION = len(PG_MIGRATIONS)
_MIGRATIONS_TABLE = "corroborate_migrations"
# Errors of a write that another writer holds up, and of a write refused by the server.
_BUSY = (pg_errors.LockNotAvailable, pg_errors.SerializationFailure, pg_errors.DeadlockDetected)
_REFUSED = (pg_errors.ReadOnlySqlTransaction, pg_errors.InsufficientPrivilege)
# ts_headline marks every match of the whole segment with the characters SQLite's snippet uses
# (see sqlite.marked_hit); _snippet cuts it to SNIPPET_WORDS words, as SQLite's snippet does
_HEADLINE = 'StartSel="\x02", StopSel="\x03", HighlightAll=true'
SNIPPET_WORDS = 16
_POOL_WAIT_SECONDS = 10.0  # at most, for a request to get a connection


class PostgreSQLStore(Reading, FactStore, ClaimPages, Writes):
    """The server store at ``url`` (postgresql://user:password@host:port/database). The
    database must exist; its tables are created (and migrated) on first use. ``path`` is the
    URL without its password, as every line about it says it."""

    conn: PgConnection
    errors = (psycopg.Error,)
    query_errors = (psycopg.errors.SyntaxError,)

    def __init__(self, url: str, *, create: bool = True, readonly: bool = False,
                 timeout: float | None = None) -> None:
        from corroborate.store import redacted_url

        self.path = redacted_url(url)
        self.timeout = DEFAULT_TIMEOUT if timeout is None else timeout
        self.readonly = readonly
        try:
            self.conn = PgConnection(url, timeout=self.timeout)
        except psycopg.Error as exc:
            raise CorroborateError(E.E301, self.path, reason=_first_line(exc)) from exc
        try:
            lock_timeout, *read_only = session_settings(self.timeout, readonly)
            self.conn.execute(lock_timeout)
            self._refuse_foreign(create)
            if self.schema_version != PG_SCHEMA_VERSION:
                self._migrate()
            for statement in read_only:  # after migrating: an old schema is brought up to date
                self.conn.execute(statement)
        except psycopg.Error as exc:
            self.conn.close()
            if isinstance(exc, _BUSY + _REFUSED):
                raise self._failure(exc, "its schema", self.path) from exc
            raise CorroborateError(E.E301, self.path, reason=_first_line(exc)) from exc
        except BaseException:
            self.conn.close()
            raise

    @classmethod
    def on_connection(cls, conn: PgConnection, path: str, *, readonly: bool,
                      timeout: float) -> PostgreSQLStore:
        """A store over a connection already set up (a pool's, see PostgreSQLPool): no schema
        check, no migration, no lock; close() leaves the connection to its pool."""
        store = cls.__new__(cls)
        store.path, store.timeout, store.readonly, store.conn = path, timeout, readonly, conn
        return store

    # -- schema -------------------------------------------------------------------------------
    def _tables(self) -> list[str]:
        return [r[0] for r in self.conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
            "ORDER BY tablename")]

    def _refuse_foreign(self, create: bool) -> None:
        """Another program's tables (E304), or none when not creating (E305), before anything
        is written."""
        tables = self._tables()
        if _MIGRATIONS_TABLE in tables:
            return
        if not tables:
            if not create:
                raise CorroborateError(E.E305, self.path)
            return
        more = f" and {len(tables) - 5} more" if len(tables) > 5 else ""
        raise CorroborateError(E.E304, self.path,
                               reason=f"it has tables {', '.join(tables[:5])}{more}")

    @property
    def schema_version(self) -> int:
        if self.conn.execute("SELECT to_regclass(?)", (_MIGRATIONS_TABLE,)).fetchone()[0] is None:
            return 0
        return int(self.conn.execute(f"SELECT COUNT(*) FROM {_MIGRATIONS_TABLE}").fetchone()[0])

    def _migrate(self) -> None:
        with self._locked():
            found = self.schema_version  # again, under the lock: another process may have won
            if found > PG_SCHEMA_VERSION:
                raise CorroborateError(E.E302, self.path, found=found,
                                       supported=PG_SCHEMA_VERSION)
            self.conn.execute(f"CREATE TABLE IF NOT EXISTS {_MIGRATIONS_TABLE} "
                              "(name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
            for name, sql in PG_MIGRATIONS[found:]:
                self.conn.script(sql())
                self.conn.execute(f"INSERT INTO {_MIGRATIONS_TABLE} VALUES (?, ?)",
                                  (name, now()))

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> PostgreSQLStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------------
    @contextmanager
    def _locked(self, shared: bool = False) -> Iterator[None]:
        """A transaction holding the database's writer lock (``shared``: with other document
        writers, never with an aligning or migrating one); committed, or rolled back."""
        self.conn.execute("BEGIN")
        try:
            lock = "pg_advisory_xact_lock_shared" if shared else "pg_advisory_xact_lock"
            self.conn.execute(f"SELECT {lock}(?)", (APPLICATION_ID,))
            yield
            self.conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    def _failure(self, exc: Exception, what: str, where: str) -> CorroborateError:
        """The one line for a failed write: locked (E306), refused (E307) or else E303."""
        if isinstance(exc, _BUSY):
            return CorroborateError(E.E306, self.path, what=what)
        if isinstance(exc, _REFUSED):
            return refused(exc, self.path, what)
        return CorroborateError(E.E303, where, reason=_first_line(exc))

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            with suppress(psycopg.Error):  # the connection is gone already
                self.conn.execute("ROLLBACK")

    @contextmanager
    def _writing(self, what: str, where: str, shared: bool = False) -> Iterator[None]:
        """One write transaction: all of it is kept, or none of it and one line says why."""
        try:
            with self._locked(shared):
                self.conn.execute("SELECT nextval('corroborate_writes')")
                yield
        except psycopg.Error as exc:
            raise self._failure(exc, what, where) from exc

    def _document_writing(self, what: str, where: str) -> AbstractContextManager[None]:
        """Documents are stored side by side (many ingests or Dask workers into one database):
        they share the writers' lock, which aligning takes alone, and meet only on their
        source's and conflict's rows, written last (store/_writes.py)."""
        return self._writing(what, where, shared=True)

    # -- reading (the rest is in the mixins) --------------------------------------------------
    def data_version(self) -> int:
        """A number every committed write raises: answers read before are still right while it
        stays the same (what the file's size and time tell of a SQLite store)."""
        return int(self.conn.execute("SELECT last_value + CASE WHEN is_called THEN 1 ELSE 0 END "
                                     "FROM corroborate_writes").fetchone()[0])

    def _evidence_matching(self, text: str) -> tuple[str, tuple[list[str], list[Any]], str]:
        """Claims whose evidence has all of ``text``'s words, by the evidence_words index."""
        return ("claims c",
                (["c.evidence_words @@ plainto_tsquery('corroborate', ?)"], [text]), "c.seq")

    def search(self, query: str, limit: int = 20, raw: bool = False) -> list[SearchHit]:
        """Full-text search over segments: every word of ``query``, or (``raw``) a web search
        query ("a phrase", or, -word). Best matches first."""
        if limit < 1:
            raise CorroborateError(E.E403, "search", reason=f"the limit must be 1 or more, not "
                                                            f"{limit}; pass a positive --limit")
        if not query.split():
            raise CorroborateError(E.E401, "search", reason="the query is empty; give words")
        parse = "websearch_to_tsquery" if raw else "plainto_tsquery"
        rows = self.conn.execute(
            "SELECT d.source, d.location, d.id AS document_id, s.start, s.\"end\", s.kind, "
            "ts_headline('corroborate', s.text, q, ?) AS marked "
            f"FROM {parse}('corroborate', ?) q, "
            "segments s JOIN documents d ON d.id = s.document_id "
            "WHERE s.words @@ q ORDER BY ts_rank(s.words, q) DESC, s.id LIMIT ?",
            (_HEADLINE, query, min(limit, MAX_LIMIT))).fetchall()
        hits = []
        for row in rows:
            found = dict(row)
            found["marked"] = _snippet(found.pop("marked"))
            hits.append(marked_hit(found))
        return hits

    def check(self) -> list[str]:
        """Documents whose parts do not add up (the server keeps its own files whole)."""
        problems = []
        for row in self.conn.execute(
                "SELECT d.id, d.location, d.segment_count, d.text, d.text_hash, "
                "(SELECT COUNT(*) FROM segments s WHERE s.document_id = d.id) AS n FROM documents d"):
            if row["n"] != row["segment_count"] or text_hash(row["text"]) != row["text_hash"]:
                problems.append(f"{row['location']}: stored incompletely")
        return problems


class PostgreSQLPool:
    """The API's read-only connections to the database at ``url``: ``size`` of them, opened
    together by open() (one pool per server process), each lent to one request by store().
    Nothing is checked or migrated per request (the app opened the store once, at start-up),
    and no lock is taken: readers never wait for the writers' advisory lock."""

    def __init__(self, url: str, *, size: int, timeout: float | None = None) -> None:
        from corroborate.store import redacted_url

        self.path = redacted_url(url)
        self.size = size
        # a request waits this long for a free connection (or for the server to come back)
        self.timeout = min(DEFAULT_TIMEOUT if timeout is None else timeout, _POOL_WAIT_SECONDS)
        self._pool = connection_pool(url, size=size, timeout=self.timeout)

    def open(self) -> None:
        """Make the connections now (E301 when the server does not let them be made)."""
        from psycopg_pool import PoolTimeout

        try:
            self._pool.open(wait=True, timeout=self.timeout)
        except (PoolTimeout, psycopg.Error) as exc:
            self._pool.close()
            raise CorroborateError(E.E301, self.path, reason=(
                f"{self.size} connections not made in {self.timeout:g} s: "
                f"{_first_line(exc)}")) from exc

    @property
    def closed(self) -> bool:
        return bool(self._pool.closed)

    def close(self) -> None:
        self._pool.close()

    @contextmanager
    def store(self) -> Iterator[PostgreSQLStore]:
        """A store on a connection of the pool, given back when the block ends; a server that
        cannot be reached is one E301 line."""
        from psycopg_pool import PoolTimeout

        try:
            with self._pool.connection() as raw:
                yield PostgreSQLStore.on_connection(PgConnection(raw=raw), self.path,
                                                    readonly=True, timeout=self.timeout)
        except PoolTimeout as exc:
            raise CorroborateError(E.E301, self.path, reason=(
                f"no connection free or made in {self.timeout:g} s")) from exc
        except psycopg.OperationalError as exc:
            raise CorroborateError(E.E301, self.path, reason=_first_line(exc)) from exc


def _first_line(exc: BaseException) -> str:
    """The server's or driver's message, one line, with no password in it."""
    line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    return re.sub(r"(://[^:/@\s]*:)[^@\s]*@", r"\1***@", line)


# E307 in PostgreSQL's terms (E307's own words are about a file's permissions): why the server
# refused, its message, and what to do
_READ_ONLY = ("the PostgreSQL server refused the write in a read-only transaction ({detail}; "
              "{what} not written): the store was opened read-only, or the server is a standby "
              "or has default_transaction_read_only on; write to the primary or pass another "
              "--db")
_NOT_ALLOWED = ("the PostgreSQL user lacks a permission to write ({detail}; {what} not "
                "written): GRANT it INSERT, UPDATE and DELETE on corroborate's tables and USAGE "
                "on its sequences, or pass another --db")


class ServerRefusedWrite(CorroborateError):
    """E307 for a PostgreSQL store: a read-only transaction, or a permission the user lacks."""

    def __init__(self, where: str | None, template: str, **params: object) -> None:
        self.template = template  # before CorroborateError's __init__, which makes the line
        super().__init__(E.E307, where, **params)

    @property
    def reason(self) -> str:
        return self.template.format(**self.params)

    def __reduce__(self) -> tuple[object, ...]:
        # rebuilt as itself when it crosses to another process (CorroborateError's is by code)
        return (_refused_again, (self.where, self.template, self.params))


def _refused_again(where: str | None, template: str,
                   params: dict[str, object]) -> ServerRefusedWrite:
    return ServerRefusedWrite(where, template, **params)


def refused(exc: Exception, where: str, what: str) -> ServerRefusedWrite:
    """The E307 line for a write the server refused with ``exc``."""
    template = (_READ_ONLY if isinstance(exc, pg_errors.ReadOnlySqlTransaction)
                else _NOT_ALLOWED)
    return ServerRefusedWrite(where, template, what=what, detail=_first_line(exc))


def _snippet(marked: str) -> str:
    """A marked segment cut to SNIPPET_WORDS words from just before its first match, with …
    where it goes on; marks of neighbouring words run together ("[Lachin road]")."""
    marked = re.sub("\x03(\\s+)\x02", r"\1", marked)
    words = marked.split()
    if len(words) <= SNIPPET_WORDS:
        return marked
    first = next((i for i, w in enumerate(words) if "\x02" in w), 0)
    start = max(0, min(first - 2, len(words) - SNIPPET_WORDS))
    kept = words[start:start + SNIPPET_WORDS]
    opened = sum(w.count("\x02") - w.count("\x03") for w in words[:start])
    text = ("\x02" if opened > 0 else "") + " ".join(kept)
    if text.count("\x02") > text.count("\x03"):
        text += "\x03"
    return ("…" if start else "") + text + ("…" if start + SNIPPET_WORDS < len(words) else "")
