"""What routes depend on: a read-only store for the request, given back when its route ends.

SQLite: one connection per request (sqlite3 objects are not shared between threads, and opening
a read-only file costs well under a millisecond). PostgreSQL: a connection of the app's pool
(app.py opens it at start-up), so concurrent requests do not queue on one connection and none
pays for connecting; an app whose start-up did not run (a TestClient outside ``with``) opens one
per request instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from inspect import signature
from typing import Annotated, Any

from fastapi import Depends, Request

from corroborate.store import SQLiteStore, open_store

__all__ = ["ReadStore", "read_store"]

# The connection goes back when the route function returns, before the answer is encoded and
# sent (FastAPI >= 0.121; older ones end it after sending).
_UNTIL_ROUTE_ENDS: dict[str, Any] = (
    {"scope": "function"} if "scope" in signature(Depends).parameters else {})


def read_store(request: Request) -> Iterator[SQLiteStore]:
    pool = getattr(request.app.state, "pool", None)
    if pool is not None:
        with pool.store() as pooled:
            yield pooled
        return
    store = open_store(request.app.state.db, create=False, readonly=True)
    try:
        yield store
    finally:
        store.close()


ReadStore = Annotated[SQLiteStore, Depends(read_store, **_UNTIL_ROUTE_ENDS)]
