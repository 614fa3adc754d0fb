"""Stage 5, store: where documents, segments and claims are kept.

Public surface: ``open_store(path)``: SQLite (a path, ``:memory:`` or ``sqlite:///path``);
or PostgreSQL (a ``postgresql://`` URL: store/postgresql.py, with psycopg installed);
``ClaimQuery``, the filters of ``SQLiteStore.claim_page``.
"""

from __future__ import annotations

from pathlib import Path
from typing import cast
from urllib.parse import urlsplit, urlunsplit

from corroborate.errors import CorroborateError, E
from corroborate.store._claim_pages import ClaimQuery
from corroborate.store.sqlite import SCHEMA_VERSION, SearchHit, SQLiteStore

__all__ = ["POSTGRESQL_SCHEMES", "SCHEMA_VERSION", "ClaimQuery", "SQLiteStore", "SearchHit",
           "open_store", "redacted_url"]

POSTGRESQL_SCHEMES = ("postgresql://", "postgres://")


def redacted_url(url: str) -> str:
    """A database URL without its password."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    return urlunsplit(parts._replace(
        netloc=f"{parts.username or ''}@{parts.netloc.rsplit('@', 1)[1]}"))


def open_store(target: str | Path, create: bool = True, *, readonly: bool = False,
               timeout: float | None = None) -> SQLiteStore:
    """Open (and create or migrate) the store at ``target``: a SQLite file, or a PostgreSQL
    database by its URL (which must exist; its tables are made on first use).

    ``create=False`` (read commands) never creates a database: a missing file is one E305 line.
    ``readonly`` opens it read-only; ``timeout`` is the seconds to wait for another writer.
    """
    target = str(target)
    if target.startswith(POSTGRESQL_SCHEMES):
        try:
            from corroborate.store.postgresql import PostgreSQLStore
        except ImportError as exc:  # psycopg is an optional extra
            raise CorroborateError(E.E301, redacted_url(target), reason=(
                "PostgreSQL needs psycopg: pip install 'corroborate[postgresql]'")) from exc
        found = PostgreSQLStore(target, create=create, readonly=readonly, timeout=timeout)
        # the same methods as SQLiteStore's; callers name the type SQLiteStore
        return cast(SQLiteStore, found)
    if target.startswith("sqlite:///"):
        target = target.removeprefix("sqlite:///")
    return SQLiteStore(target, create=create, readonly=readonly, timeout=timeout)
