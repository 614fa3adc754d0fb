"""Request parameters: ISO date prefixes, limits, cursors and enumerations.

A malformed value is an ``HTTPException(422)`` with one line, never a 500.
"""

from __future__ import annotations

import calendar
import re
from enum import Enum
from typing import Annotated

from fastapi import HTTPException, Query

__all__ = [
    "ClaimKind", "CursorParam", "ExportFormat", "FactKind", "LimitParam", "Verdict", "first_day",
    "iso_prefix", "last_day", "unprocessable",
]

DEFAULT_LIMIT = 50
MAX_LIMIT = 500

LimitParam = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page (1..500).")]
CursorParam = Annotated[str | None, Query(max_length=1000,
                                          description="The next_cursor of the previous page.")]


class ClaimKind(str, Enum):  # noqa: UP042  (an Enum FastAPI documents as the allowed values)
    quantity = "quantity"
    event = "event"


FactKind = ClaimKind


class Verdict(str, Enum):  # noqa: UP042
    agree = "agree"
    disagree = "disagree"
    single_source = "single_source"


class ExportFormat(str, Enum):  # noqa: UP042
    json = "json"
    csv = "csv"
    jsonl = "jsonl"


def unprocessable(message: str) -> HTTPException:
    return HTTPException(status_code=422, detail=message)


_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def iso_prefix(value: str | None, name: str) -> str | None:
    """``value`` checked as an ISO 8601 prefix (YYYY, YYYY-MM, YYYY-MM-DD of a real day)."""
    if value is None:
        return None
    match = _ISO.fullmatch(value)
    if match is None or (match[2] and not 1 <= int(match[2]) <= 12) or (
            match[3] and not 1 <= int(match[3]) <= calendar.monthrange(int(match[1]),
                                                                       int(match[2]))[1]):
        raise unprocessable(f"{name} must be a date written YYYY, YYYY-MM or YYYY-MM-DD, "
                            f"not {value[:40]!r}")
    return value


def first_day(iso: str | None) -> str | None:
    """The first day an ISO prefix covers: 1993 -> 1993-01-01, 1993-04 -> 1993-04-01."""
    match = _ISO.match(iso or "")
    if match is None:
        return None
    return f"{match[1]}-{match[2] or '01'}-{match[3] or '01'}"


def last_day(iso: str | None) -> str | None:
    """The last day an ISO prefix covers: 1993 -> 1993-12-31, 1993-02 -> 1993-02-28."""
    match = _ISO.match(iso or "")
    if match is None:
        return None
    month = int(match[2] or 12)
    day = match[3] or f"{calendar.monthrange(int(match[1]), month)[1]:02d}"
    return f"{match[1]}-{month:02d}-{day}"
