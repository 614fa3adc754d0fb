"""One document's work, cut in two so that it can run apart from the store.

``prepare`` (read, segment, find the conflict, extract) needs no store and runs in any process or
on any machine; ``store_prepared`` (one transaction) runs in the one process that writes. What
crosses between them is a picklable ``Prepared``: the text, its claims as a list, or one error
line (never an exception object, which need not survive pickling).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from corroborate.documents import DocumentRef, read_document
from corroborate.errors import CorroborateError
from corroborate.extract import EXTRACTOR_NAME, iter_claims
from corroborate.model import Claim, Document, Source, Text
from corroborate.pipeline import Outcome, conflict_of
from corroborate.store import SQLiteStore
from corroborate.text import segment
from corroborate.text.normalize import normalize_text

__all__ = ["IngestOptions", "Prepared", "prepare", "prepare_item", "prepare_read", "store_prepared"]


@dataclass(frozen=True)
class IngestOptions:
    """What every document of a batch is read with (the ingest command's flags)."""

    max_bytes: int
    encoding: str | None = None
    extract: bool = True
    timeout: float = 20.0
    conflict: str | None = None
    published: str | None = None


@dataclass
class Prepared:
    """A document read and extracted, waiting for the writer; ``status`` is "ready",
    "unchanged" (the store holds this content already) or "failed" (``error`` says why)."""

    location: str
    source: str | None
    status: str
    text: Text | None = None
    claims: list[Claim] | None = None
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    conflict: tuple[str | None, bool] = (None, False)
    stored_location: str | None = None  # where an unchanged document is stored
    stored_source: Source | None = None


def prepare(ref: DocumentRef, options: IngestOptions,
            stored: dict[str, str] | None = None) -> Prepared:
    """Read, segment and extract one document. ``stored`` maps a stored location to its content
    hash: a document whose content is stored already is not extracted again."""
    try:
        document = read_document(ref, max_bytes=options.max_bytes, encoding=options.encoding,
                                 timeout=options.timeout, published=options.published)
    except CorroborateError as exc:
        return Prepared(ref.location, ref.source.slug if ref.source else None, "failed",
                        error=exc.line())
    return prepare_read(document, options, stored, ref.location)


def prepare_read(document: Document, options: IngestOptions,
                 stored: dict[str, str] | None = None, where: str | None = None) -> Prepared:
    """``prepare`` for a document already read (a record of a JSON Lines corpus, say)."""
    where = where or document.location
    warnings = list(document.warnings)
    try:
        if stored and stored.get(document.location) == document.content_hash:
            found = conflict_of(document, normalize_text(document.text), options.conflict)
            return Prepared(where, document.source.slug, "unchanged", warnings=warnings,
                            conflict=found, stored_location=document.location,
                            stored_source=document.source)
        text = segment(document)
        found = conflict_of(text.document, text.text, options.conflict)
        text = replace(text, document=replace(text.document, conflict=found[0],
                                              conflict_inferred=found[1]))
        claims = list(iter_claims(text)) if options.extract else None
        return Prepared(where, document.source.slug, "ready", text=text, claims=claims,
                        warnings=warnings, conflict=found)
    except CorroborateError as exc:
        return Prepared(where, document.source.slug, "failed", error=exc.line(),
                        warnings=warnings)


def prepare_item(item: DocumentRef | Document | CorroborateError, options: IngestOptions,
                 stored: dict[str, str] | None = None) -> Prepared:
    """``prepare`` for whatever a batch lists: a reference to read, a document read already (a
    JSON Lines record) or the one-line error of a record that could not be read."""
    if isinstance(item, CorroborateError):
        return Prepared(item.where or "?", None, "failed", error=item.line())
    if isinstance(item, Document):
        return prepare_read(item, options, stored)
    return prepare(item, options, stored)


def store_prepared(store: SQLiteStore, prepared: Prepared) -> Outcome:
    """Write one prepared document in one transaction; a store error fails this document only."""
    conflict, inferred = prepared.conflict
    base = Outcome(prepared.location, prepared.source, prepared.status, error=prepared.error,
                   warnings=prepared.warnings, conflict=conflict, conflict_inferred=inferred)
    try:
        if prepared.status == "unchanged" and prepared.stored_source is not None:
            # an edited sources.toml (or --conflict) reaches the stored document and its claims
            store.update_source(prepared.stored_source, prepared.stored_location,
                                prepared.conflict)
            return base
        if prepared.status != "ready" or prepared.text is None:
            return base
        extract = prepared.claims is not None
        status = store.save(prepared.text, prepared.claims,
                            EXTRACTOR_NAME if extract else None)
        location = prepared.text.document.location
        return replace(base, status=status,
                       claims=store.claim_count(location) if extract else None)
    except CorroborateError as exc:
        return replace(base, status="failed", error=exc.line())
