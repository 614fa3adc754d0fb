"""corroborate ingest: read documents into the fact base."""

from __future__ import annotations

from typing import Annotated

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
from corroborate.documents import parse_published
from corroborate.model import Source
from corroborate.pipeline import Outcome, ingest_one, plan
from corroborate.settings import load_settings


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
) -> None:
    """Read documents (.txt .md .html .pdf, folders, URLs) and store their text and claims.

    Source metadata comes from a sources.toml beside the documents, else from --source/--title/
    --publisher/--kind, else from the file name. The conflict comes from sources.toml, else
    --conflict, else the text (shown as inferred: correct it with either). Exit status 1 if any
    document failed.
    """
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
    refs, notes = plan(inputs, override)
    outcomes: list[Outcome] = []
    with store_from(db, create=True, readonly=False) as store:
        show_bar = len(refs) >= settings.progress_threshold and not quiet
        try:
            with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                          console=err, disable=not show_bar, transient=True) as progress:
                task = progress.add_task("ingesting", total=len(refs))
                for ref in refs:
                    progress.update(task, description=f"ingesting {escaped(ref.location[-40:])}")
                    outcome = ingest_one(ref, store, max_bytes=max_bytes or settings.max_bytes,
                                         encoding=encoding, extract=not no_extract,
                                         timeout=settings.url_timeout, conflict=conflict,
                                         published=published)
                    outcomes.append(outcome)
                    if outcome.error:
                        progress.console.print(outcome.error, markup=False, style="red")
                    for warning in outcome.warnings:
                        progress.console.print(f"Warning: {warning}", markup=False,
                                               style="yellow")
                    progress.advance(task)
        except (KeyboardInterrupt, Interrupted):
            # Click would turn Ctrl-C into "Aborted!" and exit 1; each document is stored in one
            # transaction, so the one being read when Ctrl-C came is rolled back, the rest stay.
            done = sum(o.status != "failed" for o in outcomes)
            err.print(f"Interrupted; {done} document{'' if done == 1 else 's'} stored completely, "
                      "the one being read was not kept", markup=False)
            raise typer.Exit(130) from None
        for note in notes:
            if not quiet:
                err.print(f"Note: {note}", markup=False)
        _summary(outcomes, store.path, quiet)
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
