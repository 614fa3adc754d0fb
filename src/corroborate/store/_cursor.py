"""Opaque paging cursors: where a keyset page ended, as URL-safe text."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from corroborate.errors import CorroborateError, E

__all__ = ["MAX_PAGE", "check_limit", "decode_cursor", "encode_cursor"]

MAX_PAGE = 500


def check_limit(limit: int) -> int:
    """A page's size, 1..MAX_PAGE; else one E403 line."""
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_PAGE:
        raise CorroborateError(E.E403, "limit",
                               reason=f"the limit must be 1 to {MAX_PAGE}, not {limit!r}")
    return limit


def encode_cursor(listing: str, *values: Any) -> str:
    """The cursor after a row: the listing's name and the row's ordering values."""
    raw = json.dumps([listing, *values], separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str, listing: str, types: tuple[type, ...]) -> list[Any]:
    """The ordering values of a cursor of ``listing`` whose values are of ``types``; anything
    else (garbled, or another listing's) is one E403 line."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8"))
    except (ValueError, UnicodeError, binascii.Error):
        values = None
    ok = (isinstance(values, list) and len(values) == len(types) + 1 and values[0] == listing
          and all(isinstance(v, t) and not isinstance(v, bool)
                  for v, t in zip(values[1:], types, strict=True)))
    if not ok:
        raise CorroborateError(E.E403, "cursor", reason="not a cursor of this listing; pass the "
                               "next_cursor a page gave, or none for the first page")
    assert isinstance(values, list)
    return values[1:]
