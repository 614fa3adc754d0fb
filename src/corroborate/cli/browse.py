"""corroborate sources | documents | search: look at what is stored."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from corroborate.cli._app import (
    DbOption,
    FormatOption,
    app,
    emit_records,
    fail_usage,
    out,
    plain,
    printed_as_json,
    store_from,
)
from corroborate.cli.claims import export_app

MAX_HITS = 2**63 - 1  # SQLite's largest integer


def _emit(rows: list[dict[str, object]], columns: list[str], fmt: str, title: str) -> None:
    if printed_as_json(rows, fmt):
        return
    table = Table(title=title, title_justify="left")
    for column in columns:
        table.add_column(column)
    for row in rows:
        table.add_row(*(plain(row.get(c)) for c in columns))
    out.print(table)


@app.command("sources")
def sources_cli(db: DbOption = None, fmt: FormatOption = "table") -> None:
    """List the sources in the fact base."""
    with store_from(db) as store:
        rows = store.sources()
    dated = ["published"] if any(r.get("published") for r in rows) else []  # a column when known
    _emit(rows, ["slug", "title", "publisher", "kind", *dated, "documents"], fmt, "sources")


@export_app.command("sources")
def export_sources_cli(
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl or csv.")] = "jsonl",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File (default stdout).")] = None,
) -> None:
    """Write every source with its metadata, publication date and number of documents."""
    with store_from(db) as store:
        records = store.sources()
    emit_records(records, fmt, output, "sources")


@app.command("documents")
def documents_cli(
    db: DbOption = None,
    source: Annotated[str | None, typer.Option(help="Only this source's documents.")] = None,
    fmt: FormatOption = "table",
) -> None:
    """List the stored documents."""
    with store_from(db) as store:
        rows = store.documents(source)
    if fmt == "table":  # "Kosovo War (1998–1999) (inferred)"; JSON keeps both fields
        for row in rows:
            row["conflict"] = _conflict_label(row["conflict"], row["conflict_inferred"])
    _emit(rows, ["id", "source", "location", "media_type", "chars", "segment_count", "claim_count",
                 "conflict"], fmt, "documents")


@app.command("search")
def search_cli(
    query: Annotated[str, typer.Argument(help='Words to find, e.g. "Lachin corridor".')],
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="At most this many hits.")] = 20,
    raw: Annotated[bool, typer.Option("--raw", help="Use SQLite FTS5 query syntax.")] = False,
    fmt: FormatOption = "table",
) -> None:
    """Full-text search over stored sentences, with highlighted snippets."""
    if not 1 <= limit <= MAX_HITS:
        fail_usage(f"--limit must be a whole number from 1 to {MAX_HITS}, not {limit}")
    with store_from(db) as store:
        hits = store.search(query, limit=limit, raw=raw)
    if fmt == "json":
        out.print(json.dumps(hits, ensure_ascii=False, indent=2), markup=False)
        return
    if not hits:
        out.print(f"no match for {query!r}", markup=False)
        return
    for hit in hits:
        snippet = plain(f"{hit['source']} [{hit['start']}:{hit['end']}]  ", style="dim")
        snippet.append_text(highlight(hit["text"], hit["highlights"]))
        out.print(snippet)


def highlight(text: str, highlights: list[list[int]]) -> Text:
    """The snippet as Text with its matched words in bold, from the store's offsets: the
    snippet's own brackets stay as they are and nothing in it is read as rich markup."""
    shown = plain(text)
    for start, end in highlights:
        shown.stylize("bold yellow", start, end)
    return shown


def _conflict_label(conflict: str | None, inferred: bool) -> str:
    from corroborate.pipeline import conflict_label  # the pipeline's imports are heavy: on use

    return conflict_label(conflict, inferred)
