"""Stage 5, store: where documents, segments and claims are kept.

Public surface: ``open_store(url_or_path)``: SQLite by default (a path, ``:memory:`` or
``sqlite:///path``); PostgreSQL for ``postgresql://`` URLs (the ``postgres`` extra).
"""

from __future__ import annotations

from pathlib import Path

from corroborate.store.sqlite import SCHEMA_VERSION, SearchHit, SQLiteStore

__all__ = ["SCHEMA_VERSION", "SQLiteStore", "SearchHit", "open_store"]


def open_store(target: str | Path) -> SQLiteStore:
    """Open (and create or migrate) the store at ``target``."""
    target = str(target)
    if target.startswith("sqlite:///"):
        target = target.removeprefix("sqlite:///")
    return SQLiteStore(target)
