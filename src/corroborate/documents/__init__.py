"""Stage 1, documents: files, folders and URLs with their source metadata -> Document.

Public surface: ``discover`` lists what a batch will read, ``read_document`` reads one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from corroborate.documents.decode import http_charset_hint, looks_binary
from corroborate.documents.fetch import charset_of, fetch_url, is_url, other_scheme
from corroborate.documents.manifest import MANIFEST_NAME, derive_source, load_manifest, slugify
from corroborate.documents.readers import READERS, sniff_media_type
from corroborate.errors import CorroborateError, E
from corroborate.model import Document, Source

__all__ = ["DocumentRef", "discover", "load_manifest", "read_document", "slugify"]


@dataclass(frozen=True)
class DocumentRef:
    """One document a batch will read; ``problem`` is set when it is known to fail already."""

    location: str
    source: Source | None = None
    problem: CorroborateError | None = None


def discover(inputs: list[str], override: Source | None = None) -> tuple[list[DocumentRef], list[str]]:
    """Expand paths, folders and URLs into document references, with the manifest's metadata.

    Returns the references and notes (files a manifest does not name, manifest entries with no file).
    A manifest beside the documents comes first, then ``override`` (CLI flags), then the file name;
    an override with an empty slug gives only its other fields (slug and title from the name).
    """
    refs: list[DocumentRef] = []
    notes: list[str] = []
    for item in inputs:
        if is_url(item):
            refs.append(DocumentRef(item, override))
            continue
        if other_scheme(item):
            refs.append(DocumentRef(item, override, _not_http(item)))
            continue
        path = Path(item)
        if path.is_dir():
            refs.extend(_discover_folder(path, override, notes))
        elif path.is_file():
            refs.append(_ref_for_file(path, override))
        else:
            refs.append(DocumentRef(item, override, CorroborateError(E.E109, item)))
    return refs, notes


def _not_http(location: str) -> CorroborateError:
    return CorroborateError(E.E108, location, reason=f"only http(s) URLs are fetched, not "
                                                     f"{other_scheme(location)}; download the file "
                                                     "and pass its path")


def _manifest_for(folder: Path) -> tuple[dict[str, Source] | None, CorroborateError | None]:
    manifest = folder / MANIFEST_NAME
    if not manifest.is_file():
        return None, None
    try:
        return load_manifest(manifest), None
    except CorroborateError as exc:
        return None, exc


def _lookup(sources: dict[str, Source], path: Path) -> Source | None:
    return sources.get(path.name) or sources.get(path.stem)


def _ref_for_file(path: Path, override: Source | None) -> DocumentRef:
    sources, problem = _manifest_for(path.parent)
    if problem is not None:
        return DocumentRef(str(path), override, _manifest_problem(path, problem))
    source = _lookup(sources, path) if sources else None
    return DocumentRef(str(path), source or override)


def _manifest_problem(path: Path, problem: CorroborateError) -> CorroborateError:
    return CorroborateError(E.E111, str(path), reason=str(problem.where))


def _discover_folder(root: Path, override: Source | None, notes: list[str]) -> list[DocumentRef]:
    refs: list[DocumentRef] = []
    folders = [root, *sorted(p for p in root.rglob("*") if p.is_dir() and not _hidden(p, root))]
    for folder in folders:
        files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
        files = [p for p in files if p.name != MANIFEST_NAME]
        sources, problem = _manifest_for(folder)
        if problem is not None:
            refs.append(DocumentRef(str(folder / MANIFEST_NAME), None, problem))
            refs.extend(DocumentRef(str(p), None, _manifest_problem(p, problem)) for p in files)
            continue
        if sources is None:
            refs.extend(DocumentRef(str(p), override) for p in files)
            continue
        named = {key for key in sources}
        for path in files:
            source = _lookup(sources, path)
            if source is None:
                notes.append(f"{path}: not named in {folder / MANIFEST_NAME}; skipped")
            else:
                refs.append(DocumentRef(str(path), source))
        present = {p.name for p in files} | {p.stem for p in files}
        notes.extend(f"{folder / MANIFEST_NAME}: [{key}] names no file in {folder}"
                     for key in sorted(named - present))
    return refs


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def read_document(ref: DocumentRef, *, max_bytes: int, encoding: str | None = None,
                  timeout: float = 20.0) -> Document:
    """Read one document's bytes and decode its text; raises CorroborateError for bad input."""
    if ref.problem is not None:
        raise ref.problem
    where = ref.location
    if other_scheme(where):
        raise _not_http(where)
    declared: str | None = None
    if is_url(where):
        data, declared = fetch_url(where, max_bytes, timeout)
    else:
        data = _read_file(Path(where), max_bytes)
    if not data.strip():
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
    if not text.strip():
        raise CorroborateError(E.E104, where)
    source = ref.source or derive_source(where)
    if not source.slug:  # flags such as --kind without --source/--title: the name gives the rest
        derived = derive_source(where)
        source = replace(source, slug=derived.slug, title=derived.title,
                         url=source.url or derived.url)
    if ref.source is None and is_url(where):
        source = replace(source, url=where)
    location = where if is_url(where) else str(Path(where).resolve())
    return Document(source=source, location=location, text=text,
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
