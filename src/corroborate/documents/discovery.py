"""What a batch will read: files, folders (walked, with each folder's manifest) and URLs.

A folder that cannot be listed or a broken or looping symbolic link is one reference with its
problem, so the batch reports it in one line and goes on. Files that would take the same source
slug from their names alone get their folder's name in front ("2023-report", "2024-report").
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass, replace
from pathlib import Path

from corroborate.documents.fetch import is_url, other_scheme
from corroborate.documents.manifest import MANIFEST_NAME, derive_source, load_manifest, slugify
from corroborate.errors import CorroborateError, E
from corroborate.model import Source

__all__ = ["DocumentRef", "discover"]


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
            refs.append(DocumentRef(item, override, not_http(item)))
            continue
        path = Path(item)
        if path.is_dir():
            refs.extend(_discover_folder(path, override, notes))
        elif path.is_file():
            refs.append(_ref_for_file(path, override))
        elif path.is_symlink():
            refs.append(DocumentRef(item, override, _bad_link(path)))
        else:
            refs.append(DocumentRef(item, override, CorroborateError(E.E109, item)))
    return _disambiguate(refs), notes


def not_http(location: str) -> CorroborateError:
    return CorroborateError(E.E108, location, reason=f"only http(s) URLs are fetched, not "
                                                     f"{other_scheme(location)}; download the file "
                                                     "and pass its path")


def _bad_link(path: Path) -> CorroborateError:
    try:
        target = os.readlink(path)
    except OSError as exc:
        return CorroborateError(E.E101, str(path), reason=exc.strerror or str(exc))
    try:
        path.resolve(strict=True)
    except RuntimeError:  # Python 3.11-3.12 raise it for a loop
        return CorroborateError(E.E113, str(path), reason=f"a loop through {target}")
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return CorroborateError(E.E113, str(path), reason=f"a loop through {target}")
        return CorroborateError(E.E113, str(path), reason=f"it points to {target}, which does not exist")
    return CorroborateError(E.E113, str(path), reason=f"it points to {target}, which is no file")


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
    _walk(root, override, notes, refs, ancestors=[])
    return refs


def _walk(folder: Path, override: Source | None, notes: list[str], refs: list[DocumentRef],
          ancestors: list[Path]) -> None:
    """One folder's documents, then its subfolders' in name order (hidden ones skipped)."""
    real = folder.resolve()
    if real in ancestors:
        refs.append(DocumentRef(str(folder), None, CorroborateError(
            E.E113, str(folder), reason=f"a loop back to {real}")))
        return
    try:
        entries = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    except OSError as exc:
        refs.append(DocumentRef(str(folder), None, CorroborateError(
            E.E112, str(folder), reason=exc.strerror or type(exc).__name__)))
        return
    files, folders = [], []
    for entry in entries:
        if entry.is_dir():
            folders.append(entry)
        elif entry.is_file():
            if entry.name != MANIFEST_NAME:
                files.append(entry)
        elif entry.is_symlink():
            refs.append(DocumentRef(str(entry), None, _bad_link(entry)))
    _add_files(folder, files, override, notes, refs)
    for sub in folders:
        _walk(sub, override, notes, refs, [*ancestors, real])


def _add_files(folder: Path, files: list[Path], override: Source | None, notes: list[str],
               refs: list[DocumentRef]) -> None:
    sources, problem = _manifest_for(folder)
    if problem is not None:
        refs.append(DocumentRef(str(folder / MANIFEST_NAME), None, problem))
        refs.extend(DocumentRef(str(p), None, _manifest_problem(p, problem)) for p in files)
        return
    if sources is None:
        refs.extend(DocumentRef(str(p), override) for p in files)
        return
    for path in files:
        source = _lookup(sources, path)
        if source is None:
            notes.append(f"{path}: not named in {folder / MANIFEST_NAME}; skipped")
        else:
            refs.append(DocumentRef(str(path), source))
    present = {p.name for p in files} | {p.stem for p in files}
    notes.extend(f"{folder / MANIFEST_NAME}: [{key}] names no file in {folder}"
                 for key in sorted(set(sources) - present))


def _disambiguate(refs: list[DocumentRef]) -> list[DocumentRef]:
    """Give different documents whose names alone would make the same slug their folders' names."""
    by_name = [i for i, r in enumerate(refs) if r.problem is None and not (r.source and r.source.slug)]
    parts = {i: _name_parts(refs[i].location) for i in by_name}
    depth = {i: 0 for i in by_name}
    for _round in range(8):
        slugs: dict[str, set[str]] = {}
        for i in by_name:
            slugs.setdefault(_slug(parts[i], depth[i]), set()).add(_identity(refs[i].location))
        clashing = [i for i in by_name if len(slugs[_slug(parts[i], depth[i])]) > 1
                    and depth[i] < len(parts[i]) - 1]
        if not clashing:
            break
        for i in clashing:
            depth[i] += 1
    out = list(refs)
    for i in by_name:
        if depth[i]:
            stem = derive_source(refs[i].location).title
            where = " / ".join(parts[i][-depth[i] - 1:-1])
            base = refs[i].source or Source(slug="", title="")
            out[i] = replace(refs[i], source=replace(base, slug=_slug(parts[i], depth[i]),
                                                     title=f"{stem} ({where})"))
    return out


def _name_parts(location: str) -> list[str]:
    """The folders and the stem of a path or URL path: "a/2023/report.txt" -> [a, 2023, report]."""
    path = location.split("://", 1)[1].split("?", 1)[0] if is_url(location) else location
    parts = [p for p in path.replace("\\", "/").split("/") if p and p not in (".", "..")]
    if not parts:
        return [location]
    stem = derive_source(location).slug or parts[-1]
    return [*parts[:-1], stem]


def _slug(parts: list[str], depth: int) -> str:
    return slugify("-".join(parts[-depth - 1:]))


def _identity(location: str) -> str:
    return location if is_url(location) else str(Path(location).resolve())
