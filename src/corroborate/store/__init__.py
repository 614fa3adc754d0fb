"""Stage 5, store: where documents, segments and claims are kept.

Public surface: ``open_store(path)``: SQLite (a path, ``:memory:`` or ``sqlite:///path``);
``ClaimQuery``, the filters of ``SQLiteStore.claim_page``.
PostgreSQL is not there yet: a ``postgresql://`` URL is refused with one clear line.
"""

from __future__ import annotations

from pathlib import Path

from corroborate.errors import CorroborateError, E
from corroborate.store._claim_pages import ClaimQuery
from corroborate.store.sqlite import SCHEMA_VERSION, SearchHit, SQLiteStore

__all__ = ["SCHEMA_VERSION", "ClaimQuery", "SQLiteStore", "SearchHit", "open_store"]


def open_store(target: str | Path, create: bool = True, *, readonly: bool = False,
               timeout: float | None = None) -> SQLiteStore:
    """Open (and create or migrate) the store at ``target``.

    ``create=False`` (read commands) never creates a database: a missing file is one E305 line.
    ``readonly`` opens it read-only; ``timeout`` is the seconds to wait for another writer.
    """
    target = str(target)
    if target.startswith(("postgresql://", "postgres://")):
        raise CorroborateError(E.E301, target.split("@")[-1],
                               reason="PostgreSQL is not supported yet; use a SQLite file")
    if target.startswith("sqlite:///"):
        target = target.removeprefix("sqlite:///")
    return SQLiteStore(target, create=create, readonly=readonly, timeout=timeout)
