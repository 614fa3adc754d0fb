"""A corpus as one JSON Lines file: a document per line, its text with its source's metadata.

    {"id": "afp-2023-0412", "text": "...", "source": "afp", "title": "AFP wires",
     "published": "2023-04-12", "conflict": "...", "url": "...", "media_type": "text/html"}

Only ``text`` is required. A document's location is the record's ``url`` or ``location``, else
``FILE#ID`` (``FILE#LINE`` without an id), so that the same record ingested twice is the same
document. Big files are cut into byte ranges that start at a line, so that many processes or
machines can read their own part of a file they all see.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corroborate.documents.manifest import parse_published, slugify
from corroborate.documents.reading import document_from_bytes
from corroborate.errors import CorroborateError, E
from corroborate.model import Document, Source

__all__ = ["RecordRange", "document_from_record", "read_records", "record_ranges"]

SOURCE_FIELDS = ("title", "publisher", "url", "kind", "license", "note")


@dataclass(frozen=True)
class RecordRange:
    """Lines ``first_line``... of ``path`` that start in bytes [start, end); ``lines`` of them."""

    path: str
    start: int
    end: int
    first_line: int
    lines: int = 0


def record_ranges(path: str | Path, target_bytes: int = 32 << 20) -> list[RecordRange]:
    """Cut a JSON Lines file into ranges of about ``target_bytes``, each starting at a line."""
    where = str(path)
    ranges: list[RecordRange] = []
    try:
        with open(path, "rb") as handle:
            start, line_no, first_line = 0, 1, 1
            position = 0
            for line in handle:
                position += len(line)
                line_no += 1
                if position - start >= target_bytes:
                    ranges.append(RecordRange(where, start, position, first_line,
                                              line_no - first_line))
                    start, first_line = position, line_no
            if position > start:
                ranges.append(RecordRange(where, start, position, first_line,
                                          line_no - first_line))
    except OSError as exc:
        raise CorroborateError(E.E101, where, reason=exc.strerror or str(exc)) from exc
    return ranges


def read_records(part: RecordRange, max_bytes: int,
                 published: str | None = None) -> Iterator[Document | CorroborateError]:
    """The documents of one range, in order; a bad line gives its one-line error, not a stop."""
    try:
        with open(part.path, "rb") as handle:
            handle.seek(part.start)
            data = handle.read(part.end - part.start)
    except OSError as exc:
        yield CorroborateError(E.E101, part.path, reason=exc.strerror or str(exc))
        return
    for offset, raw in enumerate(data.splitlines()):
        line_no = part.first_line + offset
        where = f"{part.path}:{line_no}"
        if not raw.strip():
            continue
        try:
            yield document_from_record(_record(raw, where, max_bytes), where, part.path, line_no,
                                       published)
        except CorroborateError as exc:
            yield exc


def document_from_record(record: dict[str, Any], where: str, path: str, ordinal: int,
                         published: str | None = None) -> Document:
    """The document of one record (a JSON Lines line, a Parquet row): ``where`` names it in
    errors (``FILE:LINE``), ``ordinal`` is its location in ``path`` when it has no id or url."""
    text = record.get("text")
    if not isinstance(text, str):
        raise CorroborateError(E.E201, where, reason='a record needs "text", a string')
    if not text or text.isspace():  # named by its line or row: a url or id alone is hard to find
        raise CorroborateError(E.E104, where)
    location = _location(record, path, ordinal)
    source = _source(record, where)
    declared = record.get("media_type") if isinstance(record.get("media_type"), str) else None
    return document_from_bytes(text.encode("utf-8"), location, source=source,
                               declared=declared or "text/plain", published=published,
                               location=location)


def _record(raw: bytes, where: str, max_bytes: int) -> dict[str, Any]:
    if len(raw) > max_bytes:
        raise CorroborateError(E.E105, where, size=len(raw), limit=max_bytes)
    try:
        record = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise CorroborateError(E.E201, where, reason=f"not a JSON object ({exc})") from exc
    if not isinstance(record, dict):
        raise CorroborateError(E.E201, where, reason="a line must be a JSON object")
    return record


def _location(record: dict[str, object], path: str, ordinal: int) -> str:
    for key in ("url", "location"):
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    ident = record.get("id")
    return f"{Path(path).resolve()}#{ident if ident not in (None, '') else ordinal}"


def _source(record: dict[str, object], where: str) -> Source:
    fields = {k: v for k, v in record.items() if k in SOURCE_FIELDS and isinstance(v, str)}
    slug = slugify(str(record.get("source") or fields.get("title") or Path(where).stem))
    published = record.get("published")
    date = parse_published(published) if isinstance(published, str) else None
    if published is not None and date is None:
        raise CorroborateError(E.E201, where,
                               reason=f'"published" must be YYYY-MM-DD, YYYY-MM or YYYY, not {published!r}')
    conflict = record.get("conflict")
    return Source(slug=slug, title=fields.get("title", slug), publisher=fields.get("publisher"),
                  url=fields.get("url"), kind=fields.get("kind"), license=fields.get("license"),
                  note=fields.get("note"), published=date,
                  conflict=conflict if isinstance(conflict, str) and conflict else None)
