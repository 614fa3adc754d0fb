"""Reading one document: bytes from a file or URL, decoded into text with its source."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from corroborate.documents.decode import http_charset_hint, looks_binary
from corroborate.documents.discovery import DocumentRef, not_http
from corroborate.documents.fetch import charset_of, fetch_url, is_url, other_scheme
from corroborate.documents.manifest import derive_source
from corroborate.documents.published import metadata_date
from corroborate.documents.readers import READERS, sniff_media_type
from corroborate.errors import CorroborateError, E
from corroborate.model import Document, Source

__all__ = ["document_from_bytes", "read_document"]


def read_document(ref: DocumentRef, *, max_bytes: int, encoding: str | None = None,
                  timeout: float = 20.0, published: str | None = None) -> Document:
    """Read one document's bytes and decode its text; raises CorroborateError for bad input.

    The source's publication date: its manifest's, else ``published`` (--published), else the
    document's own metadata (HTML, PDF), else none."""
    if ref.problem is not None:
        raise ref.problem
    where = ref.location
    if other_scheme(where):
        raise not_http(where)
    declared: str | None = None
    if is_url(where):
        data, declared = fetch_url(where, max_bytes, timeout)
    else:
        data = _read_file(Path(where), max_bytes)
    location = where if is_url(where) else str(Path(where).resolve())
    return document_from_bytes(data, where, source=ref.source, declared=declared,
                               encoding=encoding, published=published, location=location)


def document_from_bytes(data: bytes, where: str, *, source: Source | None = None,
                        declared: str | None = None, encoding: str | None = None,
                        published: str | None = None, location: str | None = None) -> Document:
    """Decode a document's bytes, however they were obtained (a file, a URL, a record of a JSON
    Lines corpus); ``declared`` is a media type (an HTTP Content-Type) that overrides the name's
    suffix. Raises CorroborateError naming ``where`` for bad input."""
    if not data or data.isspace():  # not data.strip(): that would copy the whole document
        raise CorroborateError(E.E104, where)
    media_type = sniff_media_type(data, where, declared)
    if media_type != "application/pdf" and encoding is None:  # a given encoding may well have NULs
        binary = looks_binary(data)
        if binary:
            raise CorroborateError(E.E102, where, reason=binary)
    if media_type is None:
        raise CorroborateError(E.E110, where, reason=f"'{Path(where).suffix}'")
    hint, hint_warning = (None, None) if encoding else http_charset_hint(data, charset_of(declared))
    _reader_name, reader = READERS[media_type]
    text, warnings = reader(data, where, encoding or hint)
    if hint_warning:
        warnings.insert(0, f"{where}: {hint_warning}")
    if not text or text.isspace():
        raise CorroborateError(E.E104, where)
    given = source
    source = source or derive_source(where)
    if not source.slug:  # flags such as --kind without --source/--title: the name gives the rest
        derived = derive_source(where)
        source = replace(source, slug=derived.slug, title=derived.title,
                         url=source.url or derived.url)
    if given is None and is_url(where):
        source = replace(source, url=where)
    if source.published is None:
        found = published or metadata_date(data, media_type)
        if found:
            source = replace(source, published=found)
    return Document(source=source, location=location or where, text=text,
                    content_hash=hashlib.sha256(data).hexdigest(), media_type=media_type,
                    size_bytes=len(data), warnings=tuple(warnings))


def _read_file(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise CorroborateError(E.E105, str(path), size=size, limit=max_bytes)
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise CorroborateError(E.E109, str(path)) from exc
    except OSError as exc:
        raise CorroborateError(E.E101, str(path), reason=exc.strerror or str(exc)) from exc
