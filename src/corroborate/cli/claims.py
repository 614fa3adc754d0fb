"""corroborate extract | export | evaluate: claims out of the fact base, and their score."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress
from rich.table import Table

from corroborate.cli._app import (
    ConflictOption,
    DbOption,
    app,
    conflict_filter,
    emit_records,
    err,
    fail_usage,
    out,
    plain,
    store_from,
)
from corroborate.model import claim_to_record


@app.command("extract")
def extract_cli(
    db: DbOption = None,
    source: Annotated[str | None, typer.Option(help="Only this source's documents.")] = None,
) -> None:
    """Extract the claims of stored documents again (after editing language or gazetteer data)."""
    from corroborate.pipeline import extract_stored  # heavy imports, on use (fast --help)

    with store_from(db, readonly=False) as store:
        total = len(store.documents(source))
        count = 0
        with Progress(console=err, transient=True, disable=total < 4) as progress:
            task = progress.add_task("extracting", total=total)
            for _location, claims in extract_stored(store, source):
                count += claims
                progress.advance(task)
    out.print(f"{count} claims from {total} documents", markup=False)


export_app = typer.Typer(help="Write claims, facts or disputes as JSON Lines or CSV.",
                         no_args_is_help=True)
app.add_typer(export_app, name="export")


@export_app.command("claims")
def export_claims_cli(
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl or csv.")] = "jsonl",
    source: Annotated[str | None, typer.Option(help="Only this source's claims.")] = None,
    measure: Annotated[str | None, typer.Option(help="Only this measure.")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File (default stdout).")] = None,
    conflict: ConflictOption = None,
) -> None:
    """Write claims in the export contract (one JSON object a line, or CSV)."""
    with store_from(db) as store:
        records = [claim_to_record(c) for c in store.claims(
            source=source, measure=measure, conflict=conflict_filter(store, conflict))]
    emit_records(records, fmt, output, "claims")


@app.command("evaluate")
def evaluate_cli(
    gold: Annotated[Path, typer.Option(help="Gold claims, JSON Lines (docs/evaluation.md).")],
    zones: Annotated[Path | None, typer.Option(help="Exhaustively annotated spans (JSON).")] = None,
    corpus: Annotated[list[str] | None, typer.Option(
        help="Extract these documents in memory instead of reading --db.")] = None,
    db: DbOption = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    show_errors: Annotated[bool, typer.Option(
        "--show-errors", help="List misses and spurious claims.")] = False,
    disputes: Annotated[Path | None, typer.Option(
        help="Gold disputes, JSON Lines: also count how many the alignment finds.")] = None,
    conflict: ConflictOption = None,
) -> None:
    """Score extracted claims against gold: recall, precision inside zones, a table per measure.

    With --conflict, only the claims (and facts) of that conflict are scored: a database that
    holds several wars scores against one war's gold.
    """
    from corroborate.evaluate import (
        load_gold,
        load_gold_disputes,
        load_zones,
        score,
        score_disputes,
    )
    from corroborate.pipeline import facts_of, ingest
    from corroborate.settings import load_settings
    from corroborate.store import open_store

    if fmt not in ("text", "json"):
        fail_usage(f"--format must be text or json, not {fmt!r}")
    gold_records = load_gold(gold)
    zone_spans = load_zones(zones)
    gold_disputes = load_gold_disputes(disputes) if disputes else None
    if corpus:
        with open_store(":memory:") as store:
            report = ingest(corpus, store, max_bytes=load_settings().max_bytes)
            for failed in report.failed:
                err.print(failed.error or "", markup=False)
            wanted = conflict_filter(store, conflict)
            claims = store.claims(conflict=wanted)
            facts = facts_of(store, wanted) if gold_disputes is not None else []
    else:
        with store_from(db) as store:
            wanted = conflict_filter(store, conflict)
            claims = store.claims(conflict=wanted)
            facts = facts_of(store, wanted) if gold_disputes is not None else []
    result = score(claims, gold_records, zone_spans)
    found = score_disputes(facts, gold_disputes) if gold_disputes is not None else None
    if fmt == "json":
        scores = result.as_dict()
        if found is not None:
            scores["disputes"] = {"gold": found.gold, "found": found.found,
                                  "recall": round(found.recall, 4)}
        out.print(json.dumps(scores, indent=2), markup=False)
        return
    out.print(f"recall    {result.recall:.3f}  ({result.found} of {result.gold} gold claims found)",
              markup=False)
    out.print(f"precision {result.precision:.3f}  ({result.correct_in_zones} of {result.in_zones} "
              "extracted claims inside the annotated zones are right)", markup=False)
    if found is not None:
        out.print(f"disputes  {found.recall:.3f}  ({found.found} of {found.gold} gold disputes "
                  "found)", markup=False)
    table = Table(title_justify="left")
    for column in ("measure / event", "gold", "found", "recall", "in zones", "right", "precision"):
        table.add_column(column, justify="left" if column.startswith("measure") else "right")
    for label, c in result.as_dict()["by_label"].items():
        table.add_row(plain(label), str(c["gold"]), str(c["found"]),
                      "-" if c["recall"] is None else f"{c['recall']:.2f}", str(c["in_zones"]),
                      str(c["correct_in_zones"]),
                      "-" if c["precision"] is None else f"{c['precision']:.2f}")
    out.print(table)
    if show_errors:
        for missed in result.missed:
            out.print(f"missed: {json.dumps(missed, ensure_ascii=False)}", markup=False)
        for claim in result.spurious:
            record = claim_to_record(claim)
            record.pop("evidence")
            out.print(f"spurious: {json.dumps(record, ensure_ascii=False)}", markup=False)
