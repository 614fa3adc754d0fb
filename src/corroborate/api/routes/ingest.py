"""POST /api/ingest: a document (uploaded, or a URL) into the database; only when the server
was started with --allow-ingest, and only for a request bearing its token."""

from __future__ import annotations

import hashlib
import hmac
import re
import shutil
import tempfile
import threading
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.types import Message

from corroborate.api.models import IngestResult
from corroborate.pipeline import ingest as ingest_inputs
from corroborate.settings import load_settings
from corroborate.store import open_store

router = APIRouter(prefix="/api", tags=["ingest"])

# One writer at a time in this process; another process writing is E306 for the document.
_writing = threading.Lock()
_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_REQUEST_BODY = {"content": {"multipart/form-data": {"schema": {
    "type": "object",
    "properties": {"file": {"type": "string", "format": "binary"},
                   "url": {"type": "string", "description": "An http(s) URL to fetch instead"}},
}}}}


def _refuse_unless_allowed(request: Request) -> None:
    """404 when ingest is off; 401 without a bearer token, 403 with another one."""
    state = request.app.state
    if not state.allow_ingest:
        raise HTTPException(404, "ingest is not enabled; start the server with --allow-ingest")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise HTTPException(401, "an Authorization: Bearer <token> header is required",
                            headers={"WWW-Authenticate": "Bearer"})
    if not hmac.compare_digest(given.strip().encode("utf-8"), str(state.token).encode("utf-8")):
        raise HTTPException(403, "the token is not the server's")


async def _body_within(request: Request, limit: int) -> bytes:
    """The request's body, refused (413) as soon as it is over ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"the request is {declared} bytes, over the limit of {limit}")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"the request is over the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _replayed(request: Request, body: bytes) -> Request:
    """The request again, its body read from ``body`` (the stream is consumed)."""
    async def receive() -> Message:
        return {"type": "http.request", "body": body, "more_body": False}
    return Request(request.scope, receive)


@router.post("/ingest", response_model=IngestResult, summary="Ingest an uploaded file or a URL",
             openapi_extra={"requestBody": _REQUEST_BODY})
async def ingest(request: Request) -> dict[str, Any]:
    """Multipart "file" (a .txt, .md, .html or .pdf) or form field "url" (http or https).
    Needs the server's --allow-ingest and the header Authorization: Bearer <token>."""
    _refuse_unless_allowed(request)
    limit = int(request.app.state.max_upload_bytes)
    body = await _body_within(request, limit)
    form = await _replayed(request, body).form(max_files=1, max_fields=4)
    upload, url = form.get("file"), form.get("url")
    if isinstance(upload, UploadFile):
        data = await upload.read()
        return await run_in_threadpool(_ingest_upload, request.app.state.db,
                                       upload.filename or "", data, limit)
    if isinstance(url, str) and url.strip():
        if not re.match(r"https?://", url.strip(), re.IGNORECASE):
            raise HTTPException(422, "url must start with http:// or https://")
        return await run_in_threadpool(_ingest_inputs, request.app.state.db, url.strip(), limit)
    raise HTTPException(422, 'send a multipart "file" or a form field "url"')


def _ingest_upload(db: str, filename: str, data: bytes, limit: int) -> dict[str, Any]:
    """Save the upload where the same bytes under the same name always go (so sending it again
    is "unchanged", not a second document), ingest it, then remove the copy."""
    name = _SAFE_NAME.sub("-", Path(filename).name).strip("-.")[:100] or "upload.txt"
    folder = (Path(tempfile.gettempdir()) / "corroborate-uploads"
              / hashlib.sha256(data).hexdigest()[:16])
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    try:
        path.write_bytes(data)
        return _ingest_inputs(db, str(path), limit)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _ingest_inputs(db: str, target: str, limit: int) -> dict[str, Any]:
    settings = load_settings()
    with _writing, open_store(db, create=False, readonly=False) as store:
        report = ingest_inputs([target], store, max_bytes=limit, timeout=settings.url_timeout)
    return {"outcomes": [{"location": o.location, "status": o.status, "error": o.error,
                          "claims": o.claims} for o in report.outcomes]}


