"""The main job: read documents, cut them into segments, extract claims, store them.

Each document is read, segmented, extracted and stored on its own, in one store transaction: one
bad document costs one error line and the batch goes on. Claims flow from the extractor to the
store as a generator, so memory holds a document's text and segments, not all its claims.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from corroborate.align import Fact, align, name_variants
from corroborate.documents import DocumentRef, discover, read_document
from corroborate.errors import CorroborateError
from corroborate.extract import EXTRACTOR_NAME, iter_claims
from corroborate.extract.resolve import find_actors, find_places, place_hierarchy
from corroborate.model import Claim, Source
from corroborate.settings import load_settings
from corroborate.store import SQLiteStore
from corroborate.text import segment

__all__ = ["IngestReport", "Outcome", "extract_stored", "facts_of", "ingest", "names_of", "plan"]


@dataclass
class Outcome:
    location: str
    source: str | None
    status: str  # added | replaced | unchanged | failed
    error: str | None = None
    claims: int | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class IngestReport:
    outcomes: list[Outcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]


def plan(inputs: list[str], override: Source | None = None) -> tuple[list[DocumentRef], list[str]]:
    """What a batch will read, before reading it."""
    return discover(inputs, override)


class _Counted:
    """Claims passed through on their way to the store, counted as they go."""

    def __init__(self, claims: Iterable[Claim]) -> None:
        self.claims = claims
        self.count = 0

    def __iter__(self) -> Iterator[Claim]:
        for claim in self.claims:
            self.count += 1
            yield claim


def ingest_one(ref: DocumentRef, store: SQLiteStore, *, max_bytes: int,
               encoding: str | None = None, extract: bool = True,
               timeout: float = 20.0) -> Outcome:
    """Read, segment, extract and store one document; expected problems become ``failed``."""
    try:
        document = read_document(ref, max_bytes=max_bytes, encoding=encoding, timeout=timeout)
        if store.is_stored(document.location, document.content_hash):
            store.update_source(document.source)
            return Outcome(ref.location, document.source.slug, "unchanged",
                           warnings=list(document.warnings))
        text = segment(document)
        document = text.document  # the normalized text only: the raw one can go
        claims = _Counted(iter_claims(text)) if extract else None
        status = store.save(text, claims, EXTRACTOR_NAME if extract else None)
        return Outcome(ref.location, document.source.slug, status,
                       claims=None if claims is None else claims.count,
                       warnings=list(document.warnings))
    except CorroborateError as exc:
        slug = ref.source.slug if ref.source else None
        return Outcome(ref.location, slug, "failed", error=exc.line())


def ingest(inputs: list[str], store: SQLiteStore, *, override: Source | None = None,
           max_bytes: int, encoding: str | None = None, extract: bool = True,
           timeout: float = 20.0,
           on_outcome: Callable[[Outcome], None] | None = None) -> IngestReport:
    """Ingest every document the inputs name; the report lists each outcome."""
    refs, notes = plan(inputs, override)
    report = IngestReport(notes=notes)
    for ref in refs:
        outcome = ingest_one(ref, store, max_bytes=max_bytes, encoding=encoding,
                             extract=extract, timeout=timeout)
        report.outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)
    return report


def extract_stored(store: SQLiteStore, source: str | None = None) -> Iterator[tuple[str, int]]:
    """Segment and extract stored documents again (after the language data changed); yields
    (location, claim count) per document. Normalization is idempotent, so offsets stay."""
    for document_id, stored in list(store.texts(source)):
        text = segment(stored.document)
        claims = _Counted(iter_claims(text))
        store.replace_claims(document_id, claims, EXTRACTOR_NAME, text)
        yield text.document.location, claims.count


def facts_of(store: SQLiteStore) -> list[Fact]:
    """Align every stored claim into facts, with the thresholds of the settings."""
    settings = load_settings()
    return align(store.claims(), about_tolerance=settings.about_tolerance,
                 event_window_years=settings.event_window_years,
                 period_overlap=settings.period_overlap,
                 event_windows=settings.event_windows, place_events=settings.place_events,
                 state_measures=settings.state_measures,
                 state_window_days=settings.state_window_days,
                 nested_measures=settings.nested_measures, within=place_hierarchy())


def names_of(store: SQLiteStore) -> list[Fact]:
    """Which names each source uses for each canonical place and actor, over its whole text."""
    mentions: list[tuple[str, str, str, str]] = []
    for _id, text in store.texts():
        slug = text.document.source.slug
        mentions.extend((slug, "place", m.canonical, m.written) for m in find_places(text.text))
        mentions.extend((slug, "actor", m.canonical, m.written) for m in find_actors(text.text)
                        if m.role == "name")
    return name_variants(mentions)
