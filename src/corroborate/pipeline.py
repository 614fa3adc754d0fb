"""The main job: read documents, cut them into segments, extract claims, store them.

Each document is read, segmented, extracted and stored on its own, in one store transaction: one
bad document costs one error line and the batch goes on. A document's work is cut in two so that
it can also run apart from the store (corroborate.scale): ``prepare`` (read, segment, extract;
any process) and ``store_prepared`` (the one writer). Claims flow from the extractor to the
store as a generator, so memory holds a document's text and segments, not all its claims.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from corroborate.align import Fact, align, name_variants
from corroborate.align.scope import scoped
from corroborate.documents import DocumentRef, discover, read_document
from corroborate.documents.conflicts import UNKNOWN, canonical_conflict, infer_conflict
from corroborate.errors import CorroborateError
from corroborate.extract import EXTRACTOR_NAME, iter_claims
from corroborate.extract.mentions import NameMention, name_mentions
from corroborate.extract.resolve import place_hierarchy
from corroborate.model import Claim, Document, Source, Text
from corroborate.settings import load_settings
from corroborate.store import SQLiteStore
from corroborate.store._reading import NameRow
from corroborate.text import segment
from corroborate.text.normalize import normalize_text

__all__ = ["IngestOptions", "IngestReport", "Outcome", "Prepared", "conflict_label", "conflict_of",
           "extract_stored", "facts_of", "ingest", "ingest_one", "iter_facts", "names_of", "plan", "prepare",
           "prepare_item", "prepare_read", "realign", "store_prepared"]


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
    claims: Iterable[Claim] | None = None  # a list when it crosses processes
    names: list[NameMention] | None = None  # found with the claims, stored with them
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    conflict: tuple[str | None, bool] = (None, False)
    stored_location: str | None = None  # where an unchanged document is stored
    stored_source: Source | None = None


def prepare(ref: DocumentRef, options: IngestOptions, stored: dict[str, str] | None = None,
            *, streamed: bool = False) -> Prepared:
    """Read, segment and extract one document. ``stored`` maps a stored location to its content
    hash: a document whose content is stored already is not extracted again. ``streamed``: the
    claims stay a generator for the store to consume (in this process only; else a list)."""
    try:
        document = read_document(ref, max_bytes=options.max_bytes, encoding=options.encoding,
                                 timeout=options.timeout, published=options.published)
    except CorroborateError as exc:
        return Prepared(ref.location, ref.source.slug if ref.source else None, "failed",
                        error=exc.line())
    return prepare_read(document, options, stored, ref.location, streamed=streamed)


def prepare_read(document: Document, options: IngestOptions,
                 stored: dict[str, str] | None = None, where: str | None = None,
                 *, streamed: bool = False) -> Prepared:
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
        claims: Iterable[Claim] | None = None
        names: list[NameMention] | None = None
        if options.extract:
            claims = iter_claims(text) if streamed else list(iter_claims(text))
            names = name_mentions(text.text)
        return Prepared(where, document.source.slug, "ready", text=text, claims=claims,
                        names=names, warnings=warnings, conflict=found)
    except CorroborateError as exc:
        return Prepared(where, document.source.slug, "failed", error=exc.line(),
                        warnings=warnings)


def prepare_item(item: DocumentRef | Document | CorroborateError, options: IngestOptions,
                 stored: dict[str, str] | None = None, *, streamed: bool = False) -> Prepared:
    """``prepare`` for whatever a batch lists: a reference to read, a document read already (a
    JSON Lines record) or the one-line error of a record that could not be read."""
    if isinstance(item, CorroborateError):
        return Prepared(item.where or "?", None, "failed", error=item.line())
    if isinstance(item, Document):
        return prepare_read(item, options, stored, streamed=streamed)
    return prepare(item, options, stored, streamed=streamed)


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
                            EXTRACTOR_NAME if extract else None, prepared.names)
        location = prepared.text.document.location
        return replace(base, status=status,
                       claims=store.claim_count(location) if extract else None)
    except CorroborateError as exc:
        return replace(base, status="failed", error=exc.line())


def ingest_one(ref: DocumentRef, store: SQLiteStore, *, max_bytes: int,
               encoding: str | None = None, extract: bool = True,
               timeout: float = 20.0, conflict: str | None = None,
               published: str | None = None) -> Outcome:
    """Read, segment, extract and store one document; expected problems become ``failed``.

    ``conflict`` and ``published`` apply where the document's sources.toml gives none."""
    options = IngestOptions(max_bytes=max_bytes, encoding=encoding, extract=extract,
                            timeout=timeout, conflict=conflict, published=published)
    try:
        document = read_document(ref, max_bytes=max_bytes, encoding=encoding, timeout=timeout,
                                 published=published)
        stored = {document.location: document.content_hash} \
            if store.is_stored(document.location, document.content_hash) else None
    except CorroborateError as exc:
        slug = ref.source.slug if ref.source else None
        return Outcome(ref.location, slug, "failed", error=exc.line())
    return store_prepared(store, prepare_read(document, options, stored, ref.location,
                                              streamed=True))


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
        store.replace_claims(document_id, iter_claims(text), EXTRACTOR_NAME, text,
                             name_mentions(text.text))
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
        with _no_cycle_collection():
            claims = store.claims_with_ids(conflict=scope)
            names, kinds = _named(store, scope)
            facts = _aligned([claim for _id, claim in claims])
            if store.replace_facts(conflict, generation, facts, names, claims, kinds):
                done.append(conflict)
    return done


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while a conflict is aligned: it held millions of claims
    at once, and each full pass of the collector walked all of them (a fifth of aligning 92k
    claims, more at millions); claims and facts hold no cycles, so nothing waits for it."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


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


def iter_facts(store: SQLiteStore, conflict: str | None = None, *, verdict: str | None = None,
               measure: str | None = None) -> Iterator[Fact]:
    """``facts_of``'s facts (of one ``verdict``; about one measure or event type), streamed from
    the store a page at a time: the first come at once at a million claims. A stale read-only
    store is aligned in memory, as ``facts_of`` does."""
    if store.is_stale(conflict):
        if store.readonly:
            yield from (f for f in _aligned(store.claims(conflict=conflict))
                        if (verdict is None or f.verdict == verdict)
                        and (measure is None or measure in (f.key.get("measure"),
                                                            f.key.get("event_type"))))
            return
        realign(store)
    yield from store.iter_facts(conflict, verdict=verdict, subject=measure)


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
    or an "actor". Each document's mentions are read from the store; those of a document stored
    without them (by an older corroborate, or a backend that keeps none) are found in its text,
    and kept when the store is writable."""
    rows: list[NameRow] = []
    missing: set[int] | None = None
    if store.stores_name_mentions:
        rows = store.name_mentions(conflict)
        missing = store.names_missing(conflict)
    if missing is None or missing:
        for document_id, text in store.texts(conflict=conflict, only=missing):
            found = name_mentions(text.text)
            if missing is not None and not store.readonly:
                store.store_names(document_id, found)
            document = text.document
            rows.extend((document.source.slug, document.location, document.conflict, *m)
                        for m in found)
        rows.sort(key=lambda r: (r[0], r[1]))  # stable: each document's keep their order
    mentions: dict[str | None, list[tuple[str, str, str, str, int]]] = {}
    for slug, _location, own, kind, canonical, written, times in rows:
        mentions.setdefault(own, []).append((slug, kind, canonical, written, times))
    facts = []
    kinds: dict[str, str] = {}
    for own, said in mentions.items():
        for _source, kind, canonical, _written, _times in said:
            kinds.setdefault(canonical, kind)
        for fact in name_variants(said):
            fact_id, key = scoped(fact.kind, fact.id, fact.key, own)
            facts.append(replace(fact, id=fact_id, key=key))
    return sorted(facts, key=lambda f: (f.key["entity"], f.key["conflict"] or "")), kinds
