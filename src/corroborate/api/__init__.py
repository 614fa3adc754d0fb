"""Stage 6, the REST API: claims, facts, disputes, names, places and control over one database.

Public surface: ``create_app(db, *, allow_ingest=False, token=None, max_upload_bytes=...)``; the
routes are in docs/api.md and the HTTP contract; ``corroborate serve`` runs it with uvicorn.
"""

from __future__ import annotations

from corroborate.api.app import create_app

__all__ = ["create_app"]
