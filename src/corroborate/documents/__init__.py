"""Stage 1, documents: files, folders and URLs with their source metadata -> Document.

Public surface: ``discover`` lists what a batch will read, ``read_document`` reads one.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from corroborate.documents.discovery import DocumentRef, discover
    from corroborate.documents.manifest import load_manifest, parse_published, slugify
    from corroborate.documents.reading import document_from_bytes, read_document

__all__ = ["DocumentRef", "discover", "document_from_bytes", "load_manifest", "parse_published",
           "read_document", "slugify"]

# Imported when first used: the readers pull in trafilatura, lxml, pypdf and httpx, which
# commands that only read the store (and `corroborate --help`) should not pay for.
_HOMES = {"DocumentRef": "discovery", "discover": "discovery", "load_manifest": "manifest",
          "parse_published": "manifest", "slugify": "manifest",
          "document_from_bytes": "reading", "read_document": "reading"}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'corroborate.documents' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"corroborate.documents.{home}"), name)
    globals()[name] = value
    return value
