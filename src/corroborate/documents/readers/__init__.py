"""Readers turn the bytes of one format into text; the format is sniffed, not taken on trust."""

from __future__ import annotations

from collections.abc import Callable

from corroborate.documents.readers.html import read_html
from corroborate.documents.readers.pdf import read_pdf
from corroborate.documents.readers.text import read_text

__all__ = ["READERS", "Reader", "sniff_media_type"]

# A reader takes (bytes, where, encoding) and returns (text, warnings).
Reader = Callable[[bytes, str, "str | None"], "tuple[str, list[str]]"]

READERS: dict[str, tuple[str, Reader]] = {
    "text/plain": ("corroborate.reader.text.v1", read_text),
    "text/markdown": ("corroborate.reader.text.v1", read_text),
    "text/html": ("corroborate.reader.html.v1", read_html),
    "application/pdf": ("corroborate.reader.pdf.v1", read_pdf),
}

_BY_SUFFIX = {
    ".txt": "text/plain", ".text": "text/plain", ".md": "text/markdown",
    ".markdown": "text/markdown", ".html": "text/html", ".htm": "text/html",
    ".xhtml": "text/html", ".pdf": "application/pdf",
}
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<body", b"<head", b"<p>", b"<div")


def sniff_media_type(data: bytes, name: str, declared: str | None = None) -> str | None:
    """The document's media type from its first bytes, then its declared type, then its name."""
    head = data[:2048].lstrip().lower()
    if head.startswith(b"%pdf-"):
        return "application/pdf"
    if any(marker in head for marker in _HTML_MARKERS):
        return "text/html"
    if declared:
        base = declared.split(";")[0].strip().lower()
        if base in READERS:
            return base
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name.rsplit("/", 1)[-1] else ""
    if suffix in _BY_SUFFIX:
        return _BY_SUFFIX[suffix]
    if suffix == "":
        return "text/plain"
    return None
