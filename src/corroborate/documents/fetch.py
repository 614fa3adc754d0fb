"""http(s) URLs to bytes, within a total deadline, a size limit and a few redirects.

httpx's timeout bounds each read, so a server that trickles a byte now and then would keep a batch
waiting for ever; here the whole fetch (connecting, redirects, headers and body) has one budget.
When the budget runs out during the body, a watchdog shuts the socket so the blocked read returns.
"""

from __future__ import annotations

import codecs
import contextlib
import re
import socket
import threading
import time
from email.message import Message

import httpx

from corroborate.errors import CorroborateError, E

__all__ = ["MAX_REDIRECTS", "charset_of", "fetch_url", "is_url", "other_scheme"]

MAX_REDIRECTS = 5
_SCHEMES = ("http", "https")
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*)://")


def is_url(location: str) -> bool:
    return location.startswith(("http://", "https://"))


def other_scheme(location: str) -> str | None:
    """The scheme of a URL that is not http(s) ("ftp", "file"), None for http(s) and paths."""
    match = _SCHEME.match(location)
    return match.group(1).lower() if match and not is_url(location) else None


def charset_of(content_type: str | None) -> str | None:
    """The codec a Content-Type header names ("text/html; charset=windows-1252" -> "cp1252")."""
    if not content_type:
        return None
    message = Message()
    message["content-type"] = content_type
    charset = message.get_content_charset()
    if not charset:
        return None
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return None


def fetch_url(url: str, max_bytes: int, timeout: float) -> tuple[bytes, str | None]:
    """The body and Content-Type of ``url``; every problem is one CorroborateError line."""
    deadline = time.monotonic() + timeout
    late = CorroborateError(E.E108, url, reason=f"no complete response within {timeout:g} s")
    try:
        with httpx.Client(follow_redirects=False, timeout=timeout) as client:
            request = client.build_request("GET", url)
            for _hop in range(MAX_REDIRECTS + 1):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise late
                request.extensions["timeout"] = httpx.Timeout(remaining).as_dict()
                response = client.send(request, stream=True)
                try:
                    if response.next_request is None:
                        return _body(response, url, max_bytes, deadline, late)
                    request = response.next_request
                    if request.url.scheme not in _SCHEMES:
                        target = response.headers.get("location", str(request.url))[:100]
                        raise CorroborateError(
                            E.E108, url, reason=f"redirected to {target}, which is "
                                                "not http(s); fetch that address yourself if you trust it")
                finally:
                    response.close()
            raise CorroborateError(E.E108, url, reason=f"more than {MAX_REDIRECTS} redirects; pass the "
                                                       "final address instead")
    except httpx.TimeoutException as exc:
        raise late from exc
    except (httpx.HTTPError, httpx.InvalidURL) as exc:  # InvalidURL is no HTTPError
        if time.monotonic() >= deadline:  # the watchdog shut the socket
            raise late from exc
        raise CorroborateError(E.E108, url, reason=f"{type(exc).__name__}: {exc}"[:200]) from exc


def _body(response: httpx.Response, url: str, max_bytes: int, deadline: float,
          late: CorroborateError) -> tuple[bytes, str | None]:
    if response.status_code >= 400:
        raise CorroborateError(E.E108, url, reason=f"HTTP {response.status_code}")
    watchdog = _watchdog(response, deadline)
    try:
        chunks: list[bytes] = []
        total = 0
        for chunk in response.iter_bytes():
            if time.monotonic() >= deadline:
                raise late
            total += len(chunk)
            if total > max_bytes:
                raise CorroborateError(E.E105, url, size=f"more than {max_bytes}", limit=max_bytes)
            chunks.append(chunk)
        if time.monotonic() >= deadline:
            raise late
        return b"".join(chunks), response.headers.get("content-type")
    finally:
        if watchdog is not None:
            watchdog.cancel()


def _watchdog(response: httpx.Response, deadline: float) -> threading.Timer | None:
    """A timer that shuts the response's socket at the deadline, ending a blocked read."""
    stream = response.extensions.get("network_stream")
    sock = stream.get_extra_info("socket") if stream is not None else None
    if not isinstance(sock, socket.socket):
        return None  # the per-read timeout and the check between chunks still bound the wait

    def shut() -> None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)

    timer = threading.Timer(max(0.0, deadline - time.monotonic()), shut)
    timer.daemon = True
    timer.start()
    return timer
