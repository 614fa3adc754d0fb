"""create_app: the FastAPI application over one database, with the web page at "/"."""

from __future__ import annotations

import json
import os
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.trustedhost import TrustedHostMiddleware

from corroborate.api.docs_page import render_docs
from corroborate.api.middleware import HeadAsGet, SecurityHeaders, install_error_handlers
from corroborate.api.queries import realign_stale
from corroborate.api.routes import catalog, claims, ingest, maps
from corroborate.store import POSTGRESQL_SCHEMES, open_store

__all__ = ["DEFAULT_MAX_UPLOAD_BYTES", "DEFAULT_POOL_SIZE", "LOOPBACK_HOSTS", "SERVE_SETTINGS",
           "STATIC", "app_from_environment", "create_app"]

STATIC = Path(__file__).resolve().parent.parent / "web" / "static"
DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024
# The names a browser on this machine uses for a loopback server (any port).
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]", "::1"]
# What `serve --workers N` hands its worker processes: create_app's arguments, as JSON.
SERVE_SETTINGS = "CORROBORATE_SERVE_SETTINGS"
# PostgreSQL connections per server process: requests answered at once (each holds one while its
# route runs); more than the cores of a small server mostly queue inside PostgreSQL instead
DEFAULT_POOL_SIZE = 8

class _OptionalStatic(StaticFiles):
    """Static files of a folder that may not be installed: without it every path is a 404."""

    async def check_config(self) -> None:
        if self.directory is not None and Path(self.directory).is_dir():
            await super().check_config()


_NO_PAGE = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>corroborate"
            "</title></head><body><h1>corroborate</h1><p>The web page is not installed. The API "
            "is described at <a href=\"/docs\">/docs</a>.</p></body></html>")


def create_app(db: str | Path, *, allow_ingest: bool = False, token: str | None = None,
               max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
               allowed_hosts: list[str] | None = None,
               pool_size: int = DEFAULT_POOL_SIZE) -> FastAPI:
    """The API over the database ``db``, read-only; ``allow_ingest`` with a ``token`` enables
    POST /api/ingest for requests bearing that token. ``allowed_hosts``: the Host headers
    answered (others get 400), so a web page elsewhere cannot reach a loopback server by
    rebinding its own name to 127.0.0.1; None answers any. ``pool_size``: the connections
    of a PostgreSQL database's pool, opened when the app starts (each server process's
    start-up), closed when it stops.

    A missing database is one E305 line; ``allow_ingest`` without a token is refused. Facts
    out of date (a database of an older corroborate) are aligned once, here.

    >>> app = create_app("corroborate.db")  # doctest: +SKIP
    """
    if allow_ingest and not token:
        raise ValueError("allow_ingest needs a token")
    open_store(db, create=False, readonly=True).close()  # E305/E304 now, not on a request
    stale = realign_stale(str(db))
    app = FastAPI(title="corroborate", version="1",
                  description="Claims, facts and disputes of a corroborate database (read-only).",
                  docs_url=None, redoc_url=None, lifespan=_pooled(str(db), pool_size))
    app.state.db = str(db)
    app.state.pool = None  # a PostgreSQL database's, while the app runs (_pooled)
    app.state.allow_ingest = allow_ingest
    app.state.token = token
    app.state.max_upload_bytes = max_upload_bytes
    app.state.stale_warning = stale  # a line serve prints: facts could not be brought up to date
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders)  # added last: outermost, so on every answer
    install_error_handlers(app)
    for module in (catalog, claims, maps, ingest):
        app.include_router(module.router)

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return HTMLResponse(render_docs(app.openapi()))

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        page = STATIC / "index.html"
        if page.is_file():
            return FileResponse(page, media_type="text/html; charset=utf-8")
        return HTMLResponse(_NO_PAGE)

    app.mount("/static", _OptionalStatic(directory=STATIC, check_dir=False), name="static")
    return app


def _pooled(db: str, size: int) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """The app's lifespan: a PostgreSQL database's connection pool in app.state.pool (routes
    take their store from it, api/deps.py) while the app runs; nothing for a SQLite file."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if not db.startswith(POSTGRESQL_SCHEMES):
            yield
            return
        from corroborate.store.postgresql import PostgreSQLPool

        pool = PostgreSQLPool(db, size=size)
        pool.open()  # E301 when the server does not let them be made: the server stops
        app.state.pool = pool
        try:
            yield
        finally:
            app.state.pool = None
            pool.close()

    return lifespan


def app_from_environment() -> FastAPI:
    """The app each worker process of `corroborate serve --workers N` builds (uvicorn imports
    it by name in every worker): create_app with the arguments serve put in SERVE_SETTINGS."""
    settings = json.loads(os.environ[SERVE_SETTINGS])
    return create_app(settings["db"], allow_ingest=settings["allow_ingest"],
                      token=settings["token"], max_upload_bytes=settings["max_upload_bytes"],
                      allowed_hosts=settings["allowed_hosts"],
                      pool_size=settings.get("pool_size", DEFAULT_POOL_SIZE))
