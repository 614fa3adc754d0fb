"""What routes depend on: a read-only store opened for the request, closed after it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request

from corroborate.store import SQLiteStore, open_store

__all__ = ["ReadStore", "read_store"]


def read_store(request: Request) -> Iterator[SQLiteStore]:
    """One connection per request: sqlite3 objects are not shared between threads, and opening
    a read-only SQLite file costs well under a millisecond."""
    store = open_store(request.app.state.db, create=False, readonly=True)
    try:
        yield store
    finally:
        store.close()


ReadStore = Annotated[SQLiteStore, Depends(read_store)]
