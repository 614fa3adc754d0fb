"""A PostgreSQL connection (psycopg 3) that reads like sqlite3's: ``?`` and ``?N`` parameters,
rows by name or position, ``in_transaction``; and a pool of them (psycopg_pool) for the API."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg import pq

if TYPE_CHECKING:
    from psycopg_pool import ConnectionPool

from corroborate.store._connection import Cursor

__all__ = ["PgConnection", "Row", "connection_pool", "session_settings"]

# a quoted literal or name (kept as it is), a parameter (? or ?N), or a % (doubled for psycopg)
_CONNECT_SECONDS = 10  # at most, to reach a server: an unreachable one is one line soon
_TOKEN = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|\?(\d*)|%")


@lru_cache(maxsize=512)
def _translated(sql: str) -> tuple[str, tuple[int, ...] | None]:
    """sqlite3's SQL as psycopg's: (the SQL with %s, which parameter each %s takes, None when
    they are taken in order)."""
    order: list[int] = []
    numbered = False
    pieces: list[str] = []
    at = 0
    for match in _TOKEN.finditer(sql):
        token = match.group(0)
        pieces.append(sql[at:match.start()])
        at = match.end()
        if token[0] in "'\"":  # psycopg reads % even in literals
            pieces.append(token.replace("%", "%%"))
            continue
        if token == "%":
            pieces.append("%%")
            continue
        pieces.append("%s")
        if match.group(1):
            numbered = True
            order.append(int(match.group(1)) - 1)
        else:
            order.append(len(order))
    pieces.append(sql[at:])
    return "".join(pieces), tuple(order) if numbered else None


def _bound(sql: str, parameters: Sequence[Any]) -> tuple[str, Sequence[Any]]:
    query, order = _translated(sql)
    return query, parameters if order is None else [parameters[i] for i in order]


class Row:
    """A row read by column name or position, iterated by value, as sqlite3.Row is."""

    __slots__ = ("_names", "_values")

    def __init__(self, names: dict[str, int], values: Sequence[Any]) -> None:
        self._names = names
        self._values = values

    def __getitem__(self, key: int | str) -> Any:
        return self._values[key if isinstance(key, int) else self._names[key]]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def keys(self) -> list[str]:
        return list(self._names)


def _rows(cursor: psycopg.Cursor[Any]) -> Callable[[Sequence[Any]], Row]:
    names = {column.name: i for i, column in enumerate(cursor.description or ())}
    return lambda values: Row(names, values)


def _connect_options(timeout: float) -> dict[str, Any]:
    """How every connection is made: autocommit (transactions are the store's BEGIN/COMMIT, as
    with sqlite3 in isolation_level=None), rows as Row, a bounded wait for the server."""
    return {"autocommit": True, "row_factory": _rows,
            "connect_timeout": min(max(1, int(timeout)), _CONNECT_SECONDS)}


def session_settings(timeout: float, readonly: bool) -> list[str]:
    """What a store sets on its connection: how long to wait for a lock (in milliseconds; 0
    would mean no limit, not "do not wait"), and read-only transactions when it only reads."""
    settings = [f"SET lock_timeout = {max(1, int(timeout * 1000))}"]
    if readonly:
        settings.append("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    return settings


def connection_pool(url: str, *, size: int, timeout: float,
                    readonly: bool = True) -> ConnectionPool[psycopg.Connection[Row]]:
    """A pool of ``size`` connections set up as a store's (session_settings), not opened yet.
    A connection is checked when taken (a server restarted meanwhile costs a reconnect, not
    an error), and one left inside a transaction is rolled back when given back."""
    from psycopg_pool import ConnectionPool  # only the API pools: the CLI needs psycopg alone

    def configure(conn: psycopg.Connection[Row]) -> None:
        for statement in session_settings(timeout, readonly):
            conn.execute(statement)

    return ConnectionPool(url, min_size=size, max_size=size, open=False, timeout=timeout,
                          kwargs=_connect_options(timeout), configure=configure,
                          check=ConnectionPool.check_connection, name="corroborate")


class PgConnection:
    """One psycopg connection in autocommit mode, made for ``url`` or (``raw``) taken from a
    pool, which then keeps it: close() leaves it open."""

    def __init__(self, url: str | None = None, *, timeout: float = _CONNECT_SECONDS,
                 raw: psycopg.Connection[Row] | None = None) -> None:
        self._owned = raw is None
        self.raw: psycopg.Connection[Row] = raw if raw is not None else psycopg.connect(
            url or "", **_connect_options(timeout))

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Cursor:
        query, bound = _bound(sql, parameters)
        return self.raw.execute(query, bound)

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Cursor:
        query, order = _translated(sql)
        rows = parameters if order is None else ([p[i] for i in order] for p in parameters)
        cursor = self.raw.cursor()
        cursor.executemany(query, rows)
        return cursor

    def script(self, sql: str) -> None:
        """Run several statements (a migration) at once."""
        self.raw.execute(sql)

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != pq.TransactionStatus.IDLE

    def close(self) -> None:
        if self._owned:
            self.raw.close()
