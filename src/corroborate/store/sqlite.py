"""The SQLite store: WAL mode, foreign keys, named migrations, one transaction per document.

Opening checks the file is ours before anything is written to it; every write error becomes one
line (locked, read-only, or E303) with the transaction rolled back.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from importlib import resources
from pathlib import Path
from typing import Any

from corroborate.errors import CorroborateError, E
from corroborate.store._backfill import AFTER_MIGRATION
from corroborate.store._claim_pages import ClaimPages
from corroborate.store._fact_store import FactStore
from corroborate.store._opening import APPLICATION_ID, BUSY, refuse_foreign, statements, use_wal
from corroborate.store._reading import Reading
from corroborate.store._writes import Writes, now, text_hash

__all__ = ["APPLICATION_ID", "MIGRATIONS", "SCHEMA_VERSION", "SQLiteStore", "SearchHit",
           "marked_hit"]


def _sql(name: str) -> Callable[[], str]:
    return lambda: resources.files("corroborate.store").joinpath(name).read_text("utf-8")


# Named migrations, applied in order and recorded in _migrations; append, never edit.
# Each is SQL run inside the one transaction that also records it.
MIGRATIONS: list[tuple[str, Callable[[], str]]] = [
    ("0001_initial", _sql("schema.sql")),
    ("0002_claims_by_document", _sql("0002_claims_by_document.sql")),
    ("0003_conflict_and_published", _sql("0003_conflict_and_published.sql")),
    ("0004_stored_facts", _sql("0004_stored_facts.sql")),
    ("0005_name_mentions", _sql("0005_name_mentions.sql")),
]
SCHEMA_VERSION = len(MIGRATIONS)

# Seconds to wait for another process's write lock before saying the database is locked.
DEFAULT_TIMEOUT = 30.0
MAX_LIMIT = 2**63 - 1


class SearchHit(dict[str, Any]):
    """A search result: source, location, segment offsets, snippet with [highlighted] words."""


class SQLiteStore(Reading, FactStore, ClaimPages, Writes):
    """The embedded store. ``path`` may be ``:memory:``.

    ``create=False`` refuses a missing file (E305) instead of creating one; ``readonly`` opens
    the file read-only (an older schema is migrated first); ``timeout`` is how long to wait for
    another process's write lock (default ``DEFAULT_TIMEOUT``). ``readonly`` tells whether it
    was opened read-only (then stale facts are computed, not stored: see pipeline.facts_of).
    """

    rebuilds_claim_index = True  # one writer, readers see the last commit: see FactStore

    def __init__(self, path: str | Path, *, create: bool = True, readonly: bool = False,
                 timeout: float | None = None) -> None:
        self.path = str(path)
        self.timeout = DEFAULT_TIMEOUT if timeout is None else timeout
        memory = self.path == ":memory:"
        if not memory and not create and not Path(self.path).exists():
            raise CorroborateError(E.E305, self.path)
        readonly = readonly and not memory
        self.readonly = readonly
        try:
            if not self._open(readonly=readonly, create=create):
                # an older schema, opened to read: migrate it first, then read it read-only
                self.conn.close()
                self._open(readonly=False, create=False)
                self.conn.close()
                self._open(readonly=True, create=False)
        except sqlite3.Error as exc:
            self._close_quietly()
            code = getattr(exc, "sqlite_errorcode", 0)
            if code == sqlite3.SQLITE_NOTADB:
                raise CorroborateError(E.E304, self.path,
                                       reason="it is not a SQLite database file") from exc
            if code & 0xFF in (*BUSY, sqlite3.SQLITE_READONLY):
                raise self._failure(exc, "its schema", self.path) from exc
            raise CorroborateError(E.E301, self.path, reason=str(exc)) from exc
        except BaseException:
            self._close_quietly()
            raise

    def _open(self, *, readonly: bool, create: bool) -> bool:
        """Connect; False when opened read-only on a schema that needs migrating."""
        uri = self.path != ":memory:" and (readonly or not create)
        target = self.path
        if uri:  # a URI's mode never creates the file; "ro" never writes to it
            target = Path(self.path).absolute().as_uri() + ("?mode=ro" if readonly else "?mode=rw")
        self.conn = sqlite3.connect(target, timeout=self.timeout, isolation_level=None,
                                    check_same_thread=False, uri=uri)
        self.conn.row_factory = sqlite3.Row
        refuse_foreign(self.conn, self.path, create)
        self.conn.execute("PRAGMA foreign_keys = ON")
        if readonly:
            found = self.schema_version
            if found > SCHEMA_VERSION:
                raise CorroborateError(E.E302, self.path, found=found, supported=SCHEMA_VERSION)
            return found == SCHEMA_VERSION
        if self.path != ":memory:":
            use_wal(self.conn, self.timeout)
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self._migrate()
        return True

    def _close_quietly(self) -> None:
        conn = getattr(self, "conn", None)
        if conn is not None:
            conn.close()

    # -- schema -------------------------------------------------------------------------------
    def _migrate(self) -> None:
        if self.schema_version == SCHEMA_VERSION:
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            found = self.schema_version  # again, under the lock: another process may have won
            if found > SCHEMA_VERSION:
                raise CorroborateError(E.E302, self.path, found=found, supported=SCHEMA_VERSION)
            if found < SCHEMA_VERSION:
                self.conn.execute("CREATE TABLE IF NOT EXISTS _migrations "
                                  "(name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
                for name, sql in MIGRATIONS[found:]:
                    for statement in statements(sql()):
                        self.conn.execute(statement)
                    if name in AFTER_MIGRATION:
                        AFTER_MIGRATION[name](self.conn)
                    self.conn.execute("INSERT INTO _migrations VALUES (?, ?)", (name, now()))
                self.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self.conn.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------------
    conn: sqlite3.Connection
    errors = (sqlite3.Error,)
    query_errors = (sqlite3.OperationalError,)

    def _text_param(self, text: str) -> object:
        # bound as UTF-8 bytes: a str parameter would keep its UTF-8 copy cached on the text
        # for as long as the text lives (the document's size again, until it is stored)
        return text.encode("utf-8")

    def _failure(self, exc: Exception, what: str, where: str) -> CorroborateError:
        """The one line for a failed write: locked (E306), read-only (E307) or else E303."""
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        if code in BUSY:
            return CorroborateError(E.E306, self.path, what=what)
        if code == sqlite3.SQLITE_READONLY:
            return CorroborateError(E.E307, self.path, what=what)
        return CorroborateError(E.E303, where, reason=str(exc))

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            with suppress(sqlite3.Error):  # the transaction is gone already
                self.conn.execute("ROLLBACK")

    @contextmanager
    def _writing(self, what: str, where: str) -> Iterator[None]:
        """One write transaction: all of it is kept, or none of it and one line says why."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self._failure(exc, what, where) from exc
        try:
            yield
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise self._failure(exc, what, where) from exc
        except BaseException:
            self._rollback()
            raise

    # -- reading (the rest is in _reading.py) -----------------------------------------------
    def search(self, query: str, limit: int = 20, raw: bool = False) -> list[SearchHit]:
        """Full-text search over segments; words are matched as plain terms unless ``raw``.
        A limit beyond SQLite's integers is no limit."""
        if limit < 1:
            raise CorroborateError(E.E403, "search", reason=f"the limit must be 1 or more, not "
                                                            f"{limit}; pass a positive --limit")
        match = query if raw else " ".join(
            '"' + word.replace('"', '""') + '"' for word in query.split())
        if not match.strip():
            raise CorroborateError(E.E401, "search", reason="the query is empty; give words")
        try:
            rows = self.conn.execute(
                "SELECT d.source, d.location, d.id AS document_id, s.start, s.\"end\", s.kind, "
                "snippet(segments_fts, 0, char(2), char(3), '…', 16) AS marked "
                "FROM segments_fts JOIN segments s ON s.id = segments_fts.rowid "
                "JOIN documents d ON d.id = s.document_id "
                "WHERE segments_fts MATCH ? ORDER BY rank LIMIT ?",
                (match, min(limit, MAX_LIMIT))).fetchall()
        except sqlite3.OperationalError as exc:
            raise CorroborateError(E.E401, f"search {query!r}", reason=str(exc)) from exc
        return [marked_hit(dict(r)) for r in rows]

    def check(self) -> list[str]:
        """Integrity problems: SQLite's own check and documents whose parts do not add up."""
        problems = [r[0] for r in self.conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        for row in self.conn.execute(
                "SELECT d.id, d.location, d.segment_count, d.text, d.text_hash, "
                "(SELECT COUNT(*) FROM segments s WHERE s.document_id = d.id) AS n FROM documents d"):
            if row["n"] != row["segment_count"] or text_hash(row["text"]) != row["text_hash"]:
                problems.append(f"{row['location']}: stored incompletely")
        return problems


def marked_hit(row: dict[str, Any]) -> SearchHit:
    """A row with its snippet three ways: ``snippet`` with [brackets] around matches (easy to
    read), ``text`` plain and ``highlights`` as [start, end] offsets into it (exact, even where
    the document itself has brackets). Normalized text has no control characters, so the
    markers \x02 and \x03 can only be the ones SQLite put there."""
    marked = row.pop("marked")
    text, highlights, opened = [], [], 0
    length = 0
    for piece in re.split("([\x02\x03])", marked):
        if piece == "\x02":
            opened = length
        elif piece == "\x03":
            highlights.append([opened, length])
        else:
            text.append(piece)
            length += len(piece)
    row["snippet"] = marked.replace("\x02", "[").replace("\x03", "]")
    row["text"] = "".join(text)
    row["highlights"] = highlights
    return SearchHit(row)
