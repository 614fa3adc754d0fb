"""corroborate ingest: read documents into the fact base."""

from __future__ import annotations

import time
from contextlib import nullcontext
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from corroborate.cli._app import (
    DbOption,
    Interrupted,
    app,
    err,
    escaped,
    fail_usage,
    out,
    plain,
    store_from,
)
from corroborate.model import Source
from corroborate.settings import load_settings

if TYPE_CHECKING:
    from corroborate.pipeline import Outcome


@app.command("ingest")
def ingest_cli(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders (recursive) or http(s) URLs.",
                                                show_default=False)],
    db: DbOption = None,
    source: Annotated[str | None, typer.Option(help="Source slug, when no sources.toml names it.")] = None,
    title: Annotated[str | None, typer.Option(help="Source title (with --source).")] = None,
    publisher: Annotated[str | None, typer.Option(help="Source publisher (with --source).")] = None,
    kind: Annotated[str | None, typer.Option(help="Source kind: encyclopedia, government, ...")] = None,
    conflict: Annotated[str | None, typer.Option(
        help="The conflict the documents are about, where no sources.toml says; else it is "
             "inferred from their text ('unknown': none).")] = None,
    published: Annotated[str | None, typer.Option(
        help="Publication date YYYY-MM-DD, YYYY-MM or YYYY, where no sources.toml says; else "
             "from HTML or PDF metadata.")] = None,
    encoding: Annotated[str | None, typer.Option(help="Decode text with this encoding.")] = None,
    max_bytes: Annotated[int | None, typer.Option(help="Refuse documents larger than this.")] = None,
    no_extract: Annotated[bool, typer.Option("--no-extract", help="Store text only.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors and the summary.")] = False,
    timings: Annotated[bool, typer.Option(
        "--timings", help="Say how long reading+extracting+storing and aligning took (a batch "
                          "with a progress bar always says it).")] = False,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, help="Processes extracting at once (default: the cores).")] = None,
    engine: Annotated[str, typer.Option(
        help="local (this machine's cores) or dask (a Dask cluster: --scheduler).")] = "local",
    scheduler: Annotated[str | None, typer.Option(
        help="With --engine dask: the scheduler's address (tcp://host:8786), or 'local' for a "
             "cluster of --jobs workers on this machine.")] = None,
) -> None:
    """Read documents (.txt .md .html .pdf, folders, URLs) and store their text and claims.

    Source metadata comes from a sources.toml beside the documents, else from --source/--title/
    --publisher/--kind, else from the file name. The conflict comes from sources.toml, else
    --conflict, else the text (shown as inferred: correct it with either). Exit status 1 if any
    document failed. A .jsonl file is a corpus of one document per line, a .parquet file one
    of a document per row (docs/scale.md).
    """
    # the pipeline's imports (readers, extraction) are heavy: on use, so that --help is fast
    from corroborate.documents import parse_published
    from corroborate.pipeline import realign
    from corroborate.scale import IngestOptions, default_jobs, prepare_all, store_prepared
    from corroborate.scale.cluster import ingest_on_dask, part_items, plan_parts
    from corroborate.store import POSTGRESQL_SCHEMES

    settings = load_settings()
    if published is not None and parse_published(published) is None:
        fail_usage(f"--published must be a date written YYYY-MM-DD, YYYY-MM or YYYY, not "
                   f"{published!r}")
    published = parse_published(published)
    override = None
    if source or title or publisher or kind:
        from corroborate.documents import slugify
        # Without --source/--title the slug stays empty: each file's name gives slug and title.
        slug = slugify(source or title or "") if source or title else ""
        override = Source(slug=slug, title=title or slug, publisher=publisher, kind=kind)
    if engine not in ("local", "dask"):
        fail_usage(f"--engine must be local or dask, not {engine!r}")
    if (scheduler is not None) != (engine == "dask"):
        fail_usage("--scheduler goes with --engine dask, and --engine dask needs --scheduler "
                   "(an address, or 'local')")
    options = IngestOptions(max_bytes=max_bytes or settings.max_bytes, encoding=encoding,
                            extract=not no_extract, timeout=settings.url_timeout,
                            conflict=conflict, published=published)
    workers = jobs or default_jobs()
    parts, notes = plan_parts(inputs, override, workers=workers)
    total = sum(p.documents for p in parts)
    outcomes: list[Outcome] = []
    started = time.perf_counter()
    with store_from(db, create=True, readonly=False) as store:
        show_bar = total >= settings.progress_threshold and not quiet
        try:
            with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                          console=err, disable=not show_bar, transient=True) as progress:
                task = progress.add_task("ingesting", total=total)

                def report(outcome: Outcome) -> None:
                    outcomes.append(outcome)
                    progress.update(task, description=f"stored {escaped(outcome.location[-40:])}")
                    if outcome.error:
                        progress.console.print(outcome.error, markup=False, style="red")
                    for warning in outcome.warnings:
                        progress.console.print(f"Warning: {warning}", markup=False,
                                               style="yellow")
                    progress.advance(task)

                if engine == "dask":
                    # a PostgreSQL store takes many writers: each worker stores its own part
                    target = db or settings.db
                    writers = target if target.startswith(POSTGRESQL_SCHEMES) else None
                    ingest_on_dask(parts, store, options, scheduler or "local", workers=workers,
                                   on_outcome=report, writers=writers)
                else:
                    stored = {d["location"]: d["content_hash"] for d in store.documents()}
                    items = (item for part in parts for item in part_items(part, options))
                    many = total > 1 or any(p.in_corpus_file for p in parts)
                    for prepared in prepare_all(items, options, jobs=workers if many else 1,
                                                stored=stored):
                        report(store_prepared(store, prepared))
        except (KeyboardInterrupt, Interrupted):
            # Click would turn Ctrl-C into "Aborted!" and exit 1; each document is stored in one
            # transaction, so the one being read when Ctrl-C came is rolled back, the rest stay.
            done = sum(o.status != "failed" for o in outcomes)
            several = engine == "dask" or (workers > 1 and total > 1)
            being_read = ("the ones being read were not kept" if several
                          else "the one being read was not kept")
            err.print(f"Interrupted; {done} document{'' if done == 1 else 's'} stored completely, "
                      + being_read, markup=False)
            raise typer.Exit(130) from None
        stored_at = time.perf_counter()
        if store.is_stale(None):
            # facts are kept in the store: align again the conflicts whose claims changed; an
            # interruption here leaves them stale, and the next command aligns them
            with err.status("aligning", spinner="dots") if show_bar else nullcontext():
                realign(store)
        for note in notes:
            if not quiet:
                err.print(f"Note: {note}", markup=False)
        _summary(outcomes, store.path, quiet)
        if show_bar or timings:  # where a long run's time went: workers and writer, aligning
            err.print(f"read, extracted and stored in {stored_at - started:.1f} s; aligned in "
                      f"{time.perf_counter() - stored_at:.1f} s", markup=False)
    if any(o.status == "failed" for o in outcomes):
        raise typer.Exit(1)


def _summary(outcomes: list[Outcome], db: str, quiet: bool) -> None:
    if not quiet and outcomes:
        table = Table(title=plain(f"ingested into {db}"), title_justify="left")
        for column in ("document", "source", "conflict", "status", "claims"):
            table.add_column(column)
        for o in outcomes:
            conflict = "-" if o.status == "failed" else o.conflict_label
            table.add_row(plain(o.location), plain(o.source or "-"),
                          plain(conflict, style="yellow" if o.conflict_inferred else ""),
                          plain(o.status, style="red" if o.status == "failed" else ""),
                          "-" if o.claims is None else str(o.claims))
        out.print(table)
    counts: dict[str, int] = {}
    for o in outcomes:
        counts[o.status] = counts.get(o.status, 0) + 1
    parts = [f"{counts[k]} {k}" for k in ("added", "replaced", "unchanged", "failed") if k in counts]
    out.print(f"{len(outcomes)} documents: " + (", ".join(parts) or "none"), markup=False)
