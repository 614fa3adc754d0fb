"""What opening a database checks and sets before the store uses it."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator

from corroborate.errors import CorroborateError, E

__all__ = ["APPLICATION_ID", "BUSY", "refuse_foreign", "statements", "use_wal"]

# PRAGMA application_id of corroborate databases ("Corr"); databases from before the mark are
# recognised by their _migrations table.
APPLICATION_ID = 0x436F7272
BUSY = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def refuse_foreign(conn: sqlite3.Connection, path: str, create: bool) -> None:
    """Refuse another program's database before anything is written to it (E304), and an empty
    one when not creating (E305). Only reads: the file stays byte for byte as it was."""
    app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
    if app_id == APPLICATION_ID:
        return
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    if app_id == 0 and "_migrations" in tables:
        return  # ours, from before the mark
    if app_id == 0 and not tables:
        if not create and path != ":memory:":
            raise CorroborateError(E.E305, path)
        return
    if tables:
        more = f" and {len(tables) - 5} more" if len(tables) > 5 else ""
        reason = f"it has tables {', '.join(tables[:5])}{more}"
    else:
        reason = f"its application id is {app_id}"
    raise CorroborateError(E.E304, path, reason=reason)


def use_wal(conn: sqlite3.Connection, timeout: float) -> None:
    """Switch to WAL (kept in the file, so once). Several processes opening a new database at
    once may find it locked for a moment even with a busy timeout: retry until ``timeout``."""
    if conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
        return
    deadline = time.monotonic() + timeout
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            return
        except sqlite3.OperationalError as exc:
            if exc.sqlite_errorcode & 0xFF not in BUSY or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def statements(script: str) -> Iterator[str]:
    """The statements of an SQL script, one at a time (triggers and comments kept whole), so a
    migration runs inside a transaction the caller holds (executescript would commit it)."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n\t;"):
                yield pending
            pending = ""
    if pending.strip(" \n\t;"):
        yield pending
