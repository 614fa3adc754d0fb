"""When a document was published, from its own metadata: HTML (htmldate: the original date, not
the last change, from the page's metadata only) or PDF (the creation date). None when unknown."""

from __future__ import annotations

import io
import logging
from datetime import UTC, datetime

__all__ = ["metadata_date"]

logging.getLogger("htmldate").setLevel(logging.CRITICAL)

# Markup read for the date: the metadata sits in the head, long before this.
_HTML_HEAD = 1_000_000


def metadata_date(data: bytes, media_type: str) -> str | None:
    """YYYY-MM-DD from the document's metadata, or None. Never raises: a date is a bonus."""
    try:
        if media_type == "text/html":  # dates in metadata are ASCII whatever the encoding
            return _html_date(data[:_HTML_HEAD].decode("utf-8", errors="replace"))
        if media_type == "application/pdf":
            return _pdf_date(data)
    except Exception:  # third-party parsers fail in many ways on odd files
        return None
    return None


def _html_date(markup: str) -> str | None:
    from htmldate import find_date

    found = find_date(markup, extensive_search=False, original_date=True,
                      outputformat="%Y-%m-%d")
    return found or None


def _pdf_date(data: bytes) -> str | None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        reader.decrypt("")
    metadata = reader.metadata
    created = metadata.creation_date if metadata is not None else None
    if not isinstance(created, datetime):
        return None
    if created.year < 1000 or created.replace(tzinfo=created.tzinfo or UTC) > datetime.now(UTC):
        return None
    return created.date().isoformat()
