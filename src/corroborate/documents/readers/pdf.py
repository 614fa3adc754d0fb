"""PDF: text of every page by pypdf, pages separated by a blank line."""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader
from pypdf.errors import DependencyError, PdfReadError, PyPdfError

from corroborate.errors import CorroborateError, E

__all__ = ["read_pdf"]

logging.getLogger("pypdf").setLevel(logging.CRITICAL)


def read_pdf(data: bytes, where: str, encoding: str | None = None) -> tuple[str, list[str]]:
    warnings: list[str] = []
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        # Many PDFs are encrypted with an empty user password (only printing or copying is
        # restricted): every viewer opens them, and so do we.
        if reader.is_encrypted and not reader.decrypt(""):
            raise CorroborateError(E.E107, where, reason="encrypted with a password; decrypt it first")
        pages = [page.extract_text() or "" for page in reader.pages]
    except CorroborateError:
        raise
    except DependencyError as exc:  # AES needs cryptography; an odd filter may need Pillow
        raise CorroborateError(E.E114, where, reason=str(exc)[:200]) from exc
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, AttributeError,
            IndexError, OSError, RecursionError, NotImplementedError) as exc:  # a mangled /Filter
        raise CorroborateError(E.E107, where, reason=f"{type(exc).__name__}: {exc}"[:200]) from exc
    if not any(page.strip() for page in pages):
        raise CorroborateError(E.E107, where, reason="no text layer (a scanned PDF needs OCR first)")
    return "\n\n".join(page.strip("\n") for page in pages), warnings
