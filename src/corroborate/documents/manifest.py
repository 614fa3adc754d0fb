"""sources.toml: source metadata for the documents beside it."""

from __future__ import annotations

import re
import tomllib
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from corroborate.errors import CorroborateError, E
from corroborate.model import Source

__all__ = ["MANIFEST_NAME", "derive_source", "load_manifest", "parse_published", "slugify"]

MANIFEST_NAME = "sources.toml"


class _SourceEntry(BaseModel):
    model_config = ConfigDict(extra="allow")

    title: str
    publisher: str | None = None
    url: str | None = None
    kind: str | None = None
    license: str | None = None
    note: str | None = None
    file: str | None = None  # a document name that differs from the slug
    conflict: str | None = None
    published: Any = None  # a string, TOML's bare 2024-04-01 (a date) or 1982 (a year)


_PUBLISHED = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_published(value: object) -> str | None:
    """An ISO 8601 prefix of a real date (YYYY, YYYY-MM or YYYY-MM-DD), else None.

    >>> parse_published("1982-06-14"), parse_published("1999"), parse_published("14 June 1982")
    ('1982-06-14', '1999', None)
    """
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    match = _PUBLISHED.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        return None
    year, month, day = match.groups()
    if int(year) < 1000:
        return None
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return match.group()


def slugify(name: str) -> str:
    """A source slug from a file name or title.

    >>> slugify("Occupation in Figures (2011).html")
    'occupation-in-figures-2011-html'
    """
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug or "document"


def load_manifest(path: Path) -> dict[str, Source]:
    """Read a sources.toml into {document stem or file name: Source}; errors name file and line."""
    try:
        content = path.read_text(encoding="utf-8")
        raw = tomllib.loads(content)
    except UnicodeDecodeError as exc:
        raise CorroborateError(E.E201, str(path), reason=f"not UTF-8 ({exc.reason})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise CorroborateError(E.E201, str(path), reason=str(exc)) from exc
    except OSError as exc:
        raise CorroborateError(E.E201, str(path), reason=exc.strerror or str(exc)) from exc
    sources: dict[str, Source] = {}
    for slug, entry in raw.items():
        if not isinstance(entry, dict):
            raise CorroborateError(
                E.E201, str(path), reason=f"'{slug}' should be a table [{slug}] with a title"
                f"{_at_line(content, slug)}"
            )
        if slugify(slug) != slug:
            raise CorroborateError(
                E.E201, str(path),
                reason=f"'{slug}' is not a slug (use lower-case letters, digits and '-')"
                f"{_at_line(content, slug)}",
            )
        try:
            parsed = _SourceEntry.model_validate(entry)
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(p) for p in first["loc"])
            line = _at_line(content, slug, str(first["loc"][0]) if first["loc"] else None)
            raise CorroborateError(
                E.E201, str(path), reason=f"[{slug}] {field}: {first['msg'].lower()}{line}"
            ) from exc
        _check_published(path, content, slug, parsed)
        source = _to_source(slug, parsed)
        sources[parsed.file or slug] = source
    return sources


def _at_line(content: str, table: str, key: str | None = None) -> str:
    """' (at line N)' where a table starts (or a key inside it is set); '' if not found."""
    name = "|".join(re.escape(f"{quote}{table}{quote}") for quote in ("", '"', "'"))
    header = re.compile(rf"\s*\[\s*(?:{name})\s*\]")
    top_key = re.compile(rf"\s*(?:{name})\s*=")  # only before the first [table]
    lines = content.splitlines()
    found, in_tables = None, False
    for number, line in enumerate(lines):
        if header.match(line) or (not in_tables and top_key.match(line)):
            found = number
            break
        in_tables = in_tables or line.lstrip().startswith("[")
    if found is None:
        return ""
    if key is not None:
        setting = re.compile(rf"\s*[\"']?{re.escape(key)}[\"']?\s*=")
        for number in range(found + 1, len(lines)):
            if lines[number].lstrip().startswith("["):
                break
            if setting.match(lines[number]):
                found = number
                break
    return f" (at line {found + 1})"


def _check_published(path: Path, content: str, slug: str, entry: _SourceEntry) -> None:
    if entry.published is None or parse_published(entry.published) is not None:
        return
    raise CorroborateError(
        E.E201, str(path), reason=f"[{slug}] published: {_shown(entry.published)} is not a date; "
        f"write YYYY-MM-DD, YYYY-MM or YYYY{_at_line(content, slug, 'published')}")


def _shown(value: object) -> str:
    """A value as the manifest wrote it, cut short."""
    text = repr(value) if isinstance(value, str) else str(value).replace("\n", " ")
    return text if len(text) <= 60 else text[:57] + "..."


def _to_source(slug: str, entry: _SourceEntry) -> Source:
    extra: dict[str, Any] = dict(entry.model_extra or {})
    conflict = " ".join(entry.conflict.split()) if entry.conflict else None
    return Source(slug=slug, title=entry.title, publisher=entry.publisher, url=entry.url,
                  kind=entry.kind, license=entry.license, note=entry.note, extra=extra,
                  conflict=conflict or None, published=parse_published(entry.published))


def derive_source(location: str) -> Source:
    """Metadata from a file name or URL when nothing else gives it."""
    name = location.rstrip("/").rsplit("/", 1)[-1] or location
    stem = name.rsplit(".", 1)[0] if "." in name else name
    return Source(slug=slugify(stem), title=stem.replace("-", " ").replace("_", " "),
                  url=location if "://" in location else None)
