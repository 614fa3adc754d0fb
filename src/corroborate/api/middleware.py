"""Security headers on every response, and errors as one line: {"detail": "..."}."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from corroborate.errors import CorroborateError, E

__all__ = ["CSP", "HeadAsGet", "SecurityHeaders", "install_error_handlers"]

CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")

_HEADERS = [(b"content-security-policy", CSP.encode("ascii")),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer")]

log = logging.getLogger("corroborate.api")


class SecurityHeaders:
    """Pure ASGI middleware (no body buffering): adds the CSP and nosniff to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *(h for h in _HEADERS if h[0] not in names)]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    """HEAD answered as the GET of the same path, without its body (FastAPI routes take GET
    only; uptime checks and `curl -I` send HEAD)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)


# A CorroborateError's code decides its status: a bad query 422, a missing thing 404, a busy or
# read-only database 503; anything else the server's fault.
_STATUS = {E.E401: 422, E.E403: 422, E.E402: 404, E.E306: 503, E.E307: 503}


def _one_line(text: str) -> str:
    return " ".join(str(text).split())[:500]


def _validation_line(exc: RequestValidationError) -> str:
    """The first problem FastAPI found, as "query parameter 'limit': ..."."""
    errors = exc.errors()
    if not errors:
        return "invalid request"
    first = errors[0]
    where = [str(p) for p in first.get("loc", ())]
    place = f"{where[0]} parameter {where[-1]!r}" if len(where) >= 2 else ".".join(where)
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return _one_line(f"{place}: {first.get('msg', 'invalid')}{more}")


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": _validation_line(exc)}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"detail": _one_line(str(exc.detail))}, status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(CorroborateError)
    async def corroborate_error(_request: Request, exc: CorroborateError) -> JSONResponse:
        status = _STATUS.get(exc.code, 500)
        return JSONResponse({"detail": _one_line(exc.line())}, status_code=status)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s", request.url.path)
        # answered by Starlette's outermost middleware, outside SecurityHeaders: headers here
        return JSONResponse({"detail": "internal error; see the server's log"}, status_code=500,
                            headers={k.decode(): v.decode() for k, v in _HEADERS})

