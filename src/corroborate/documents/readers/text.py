"""Plain text and Markdown: decoded as they are (Markdown syntax is kept; offsets stay true)."""

from __future__ import annotations

from corroborate.documents.decode import decode_bytes

__all__ = ["read_text"]


def read_text(data: bytes, where: str, encoding: str | None = None) -> tuple[str, list[str]]:
    return decode_bytes(data, where, encoding)
