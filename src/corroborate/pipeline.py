"""The main job: read documents, cut them into segments, extract claims, store them.

Each document is read, segmented, extracted and stored on its own, in one store transaction: one
bad document costs one error line and the batch goes on. Claims flow from the extractor to the
store as a generator, so memory holds a document's text and segments, not all its claims.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace

from corroborate.align import Fact, align, name_variants
from corroborate.align.scope import scoped
from corroborate.documents import DocumentRef, discover, read_document
from corroborate.documents.conflicts import UNKNOWN, canonical_conflict, infer_conflict
from corroborate.errors import CorroborateError
from corroborate.extract import EXTRACTOR_NAME, iter_claims
from corroborate.extract.resolve import find_actors, find_places, place_hierarchy
from corroborate.model import Claim, Document, Source
from corroborate.settings import load_settings
from corroborate.store import SQLiteStore
from corroborate.text import segment
from corroborate.text.normalize import normalize_text

__all__ = ["IngestReport", "Outcome", "conflict_label", "conflict_of", "extract_stored",
           "facts_of", "ingest", "names_of", "plan", "realign"]


@dataclass
class Outcome:
    location: str
    source: str | None
    status: str  # added | replaced | unchanged | failed
    error: str | None = None
    claims: int | None = None
    warnings: list[str] = field(default_factory=list)
    conflict: str | None = None
    conflict_inferred: bool = False

    @property
    def conflict_label(self) -> str:
        return conflict_label(self.conflict, self.conflict_inferred)


def conflict_label(conflict: str | None, inferred: bool) -> str:
    """"Kosovo War (1998–1999) (inferred)", "Falklands War (1982)" or "unknown"."""
    if conflict is None:
        return UNKNOWN
    return f"{conflict} (inferred)" if inferred else conflict


@dataclass
class IngestReport:
    outcomes: list[Outcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]


def conflict_of(document: Document, text: str, given: str | None = None) -> tuple[str | None, bool]:
    """(conflict, inferred): the source's conflict (sources.toml), else ``given`` (--conflict),
    each under its canonical name ("unknown" says none, and nothing is inferred); else the one
    ``text`` names, inferred (None when it names none, or two as much)."""
    named = document.source.conflict or given
    if named:
        canonical = canonical_conflict(named)
        return (None if canonical.lower() == UNKNOWN else canonical), False
    return infer_conflict(text), True


def plan(inputs: list[str], override: Source | None = None) -> tuple[list[DocumentRef], list[str]]:
    """What a batch will read, before reading it."""
    return discover(inputs, override)


def ingest_one(ref: DocumentRef, store: SQLiteStore, *, max_bytes: int,
               encoding: str | None = None, extract: bool = True,
               timeout: float = 20.0, conflict: str | None = None,
               published: str | None = None) -> Outcome:
    """Read, segment, extract and store one document; expected problems become ``failed``.

    ``conflict`` and ``published`` apply where the document's sources.toml gives none."""
    try:
        document = read_document(ref, max_bytes=max_bytes, encoding=encoding, timeout=timeout,
                                 published=published)
        if store.is_stored(document.location, document.content_hash):
            # an edited sources.toml (or --conflict) reaches the stored document and its claims
            found = conflict_of(document, normalize_text(document.text), conflict)
            store.update_source(document.source, document.location, found)
            return Outcome(ref.location, document.source.slug, "unchanged",
                           warnings=list(document.warnings), conflict=found[0],
                           conflict_inferred=found[1])
        text = segment(document)
        found = conflict_of(text.document, text.text, conflict)
        document = replace(text.document, conflict=found[0], conflict_inferred=found[1])
        text = replace(text, document=document)  # the normalized text only: the raw one can go
        claims = iter_claims(text) if extract else None
        status = store.save(text, claims, EXTRACTOR_NAME if extract else None)
        return Outcome(ref.location, document.source.slug, status,
                       claims=store.claim_count(document.location) if extract else None,
                       warnings=list(document.warnings), conflict=found[0],
                       conflict_inferred=found[1])
    except CorroborateError as exc:
        slug = ref.source.slug if ref.source else None
        return Outcome(ref.location, slug, "failed", error=exc.line())


def ingest(inputs: list[str], store: SQLiteStore, *, override: Source | None = None,
           max_bytes: int, encoding: str | None = None, extract: bool = True,
           timeout: float = 20.0, conflict: str | None = None, published: str | None = None,
           on_outcome: Callable[[Outcome], None] | None = None) -> IngestReport:
    """Ingest every document the inputs name; the report lists each outcome."""
    refs, notes = plan(inputs, override)
    report = IngestReport(notes=notes)
    for ref in refs:
        outcome = ingest_one(ref, store, max_bytes=max_bytes, encoding=encoding,
                             extract=extract, timeout=timeout, conflict=conflict,
                             published=published)
        report.outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)
    try:
        realign(store)
    except CorroborateError as exc:  # the documents are kept; their facts wait for the next run
        report.notes.append(exc.line())
    return report


def extract_stored(store: SQLiteStore, source: str | None = None) -> Iterator[tuple[str, int]]:
    """Segment and extract stored documents again (after the language data changed); yields
    (location, claim count) per document. Normalization is idempotent, so offsets stay."""
    for document_id, stored in list(store.texts(source)):
        text = segment(stored.document)
        store.replace_claims(document_id, iter_claims(text), EXTRACTOR_NAME, text)
        yield text.document.location, store.claim_count(text.document.location) or 0
    realign(store)


def realign(store: SQLiteStore) -> list[str | None]:
    """Align again each conflict whose claims, texts or documents changed since its facts were
    stored (the store marks it stale in the transaction making the change), and store its facts,
    name facts and places at once; other conflicts' rows are left as they are. Returns the
    conflicts aligned (None: claims of no known conflict)."""
    done: list[str | None] = []
    for conflict, generation in store.stale_conflicts():
        scope = UNKNOWN if conflict is None else conflict
        claims = store.claims_with_ids(conflict=scope)
        names, kinds = _named(store, scope)
        facts = _aligned([claim for _id, claim in claims])
        if store.replace_facts(conflict, generation, facts, names, claims, kinds):
            done.append(conflict)
    return done


def facts_of(store: SQLiteStore, conflict: str | None = None) -> list[Fact]:
    """The facts of every stored claim (of one ``conflict``, when given; "unknown" for those of
    none), as align() makes them with the thresholds of the settings, in its order.

    They are read from the store. Where they are stale (claims changed since they were stored),
    a writable store aligns the stale conflicts first (``realign``); a read-only one (read
    commands open it so) aligns every claim in memory instead, as before facts were stored, so a
    database written by an older corroborate still answers."""
    if store.is_stale(conflict):
        if store.readonly:
            return _aligned(store.claims(conflict=conflict))
        realign(store)
    return store.stored_facts(conflict)


def _aligned(claims: list[Claim]) -> list[Fact]:
    settings = load_settings()
    return align(claims, about_tolerance=settings.about_tolerance,
                 event_window_years=settings.event_window_years,
                 period_overlap=settings.period_overlap,
                 event_windows=settings.event_windows, place_events=settings.place_events,
                 state_measures=settings.state_measures,
                 state_window_days=settings.state_window_days,
                 nested_measures=settings.nested_measures, within=place_hierarchy())


def names_of(store: SQLiteStore, conflict: str | None = None) -> list[Fact]:
    """Which names each source uses for each canonical place and actor, over its whole text,
    inside each conflict (of one ``conflict``, when given). Read from the store, or computed
    as ``facts_of`` says when stale."""
    if store.is_stale(conflict):
        if store.readonly:
            return _named(store, conflict)[0]
        realign(store)
    return store.stored_facts(conflict, names=True)


def _named(store: SQLiteStore, conflict: str | None) -> tuple[list[Fact], dict[str, str]]:
    """Name facts of the stored texts (of one conflict) and whether each entity is a "place"
    or an "actor"."""
    mentions: dict[str | None, list[tuple[str, str, str, str]]] = {}
    for _id, text in store.texts(conflict=conflict):
        own = text.document.conflict
        slug = text.document.source.slug
        found = mentions.setdefault(own, [])
        found.extend((slug, "place", m.canonical, m.written) for m in find_places(text.text))
        found.extend((slug, "actor", m.canonical, m.written) for m in find_actors(text.text)
                     if m.role == "name")
    facts = []
    kinds: dict[str, str] = {}
    for own, said in mentions.items():
        for _source, kind, canonical, _written in said:
            kinds.setdefault(canonical, kind)
        for fact in name_variants(said):
            fact_id, key = scoped(fact.kind, fact.id, fact.key, own)
            facts.append(replace(fact, id=fact_id, key=key))
    return sorted(facts, key=lambda f: (f.key["entity"], f.key["conflict"] or "")), kinds
