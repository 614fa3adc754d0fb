"""corroborate serve: the REST API and the web page over one database, read-only by default."""

from __future__ import annotations

import ipaddress
import json
import os
import secrets
from typing import Annotated

import typer

from corroborate.cli._app import DbOption, app, err, fail_usage, out
from corroborate.settings import load_settings


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost: only this machine can connect."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@app.command("serve")
def serve_cli(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback: this machine only).")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    allow_ingest: Annotated[bool, typer.Option(
        "--allow-ingest", help="Accept POST /api/ingest (needs --token).")] = False,
    token: Annotated[str | None, typer.Option(
        envvar="CORROBORATE_TOKEN",
        help="Bearer token POST /api/ingest requires; with --allow-ingest and none, one is "
             "generated and printed.")] = None,
    max_upload_bytes: Annotated[int, typer.Option(help="Largest upload POST /api/ingest takes.",
                                                  min=1)] = 20 * 1024 * 1024,
    workers: Annotated[int, typer.Option(
        min=1, help="Server processes answering requests (one per core serves more clients at "
                    "once).")] = 1,
    pool_size: Annotated[int, typer.Option(
        min=1, max=1000, envvar="CORROBORATE_POOL_SIZE",
        help="PostgreSQL connections each server process keeps open (requests answered at "
             "once per process).")] = 8,  # api.app.DEFAULT_POOL_SIZE (not imported for --help)
) -> None:
    """Serve the REST API (/api, described at /docs) and the web page (/) over the database.

    The database is opened read-only; only --allow-ingest with a token lets requests add to it.
    """
    # imported here: `corroborate --help` must not pay for (or need) the web stack
    import uvicorn

    from corroborate.api import create_app
    from corroborate.api.app import LOOPBACK_HOSTS, SERVE_SETTINGS

    if token is not None and not allow_ingest:
        fail_usage("--token is only used with --allow-ingest")
    if allow_ingest and token is not None and len(token) < 16:
        fail_usage("--token must be at least 16 characters")
    if allow_ingest and token is None:
        token = secrets.token_urlsafe(24)
        err.print(f"Ingest token (send it as Authorization: Bearer ...): {token}", markup=False)
    # on loopback, only this machine's names for it are answered (no DNS rebinding)
    hosts = sorted({*LOOPBACK_HOSTS, host}) if is_loopback(host) else None
    application = create_app(db or load_settings().db, allow_ingest=allow_ingest, token=token,
                             max_upload_bytes=max_upload_bytes, allowed_hosts=hosts,
                             pool_size=pool_size)
    if application.state.stale_warning:
        err.print(f"Warning: {application.state.stale_warning}", markup=False, style="yellow")
    if not is_loopback(host):
        err.print(f"Warning: listening on {host}: other machines can reach this server; "
                  "corroborate has no user accounts.", markup=False, style="yellow")
    shown = f"[{host}]" if ":" in host else host
    out.print(f"Serving {application.state.db} at http://{shown}:{port}/ "
              f"(API docs at /docs{', ingest enabled' if allow_ingest else ', read-only'}); "
              "Ctrl-C stops it", markup=False)
    if workers == 1:
        uvicorn.run(application, host=host, port=port, log_level="warning")
        return
    # uvicorn starts each worker from an import string: they build the same app from settings
    # passed in the environment (this process checked them above, and aligned stale facts once)
    os.environ[SERVE_SETTINGS] = json.dumps({
        "db": application.state.db, "allow_ingest": allow_ingest, "token": token,
        "max_upload_bytes": max_upload_bytes, "allowed_hosts": hosts, "pool_size": pool_size})
    uvicorn.run("corroborate.api.app:app_from_environment", factory=True, workers=workers,
                host=host, port=port, log_level="warning")
