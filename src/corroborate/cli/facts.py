"""corroborate facts | disputes | report, and export facts|disputes: do the sources agree?"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
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
from corroborate.cli.claims import export_app
from corroborate.export import write_records

if TYPE_CHECKING:
    from corroborate.align import Fact

MeasureOption = Annotated[str | None, typer.Option(help="Only this measure (or event type).")]
PlaceOption = Annotated[str | None, typer.Option(help="Only facts about this canonical place.")]
SideOption = Annotated[str | None, typer.Option(help="Only facts about this side.")]


# A table is read by a person: past this many rows it says how to see the rest.
TABLE_ROWS = 100
LimitOption = Annotated[int | None, typer.Option(
    min=0, help=f"At most this many (0: all). Default: all with --format jsonl (streamed), "
                f"{TABLE_ROWS} in a table.")]


def _select(facts: Iterable[Fact], measure: str | None, place: str | None, side: str | None,
            verdict: str | None = None) -> Iterator[Fact]:
    def keep(f: Fact) -> bool:
        key = f.key
        return ((measure is None or measure in (key.get("measure"), key.get("event_type")))
                and (place is None or key.get("place") == place)
                and (side is None or key.get("side") == side)
                and (verdict is None or f.verdict == verdict))
    return (f for f in facts if keep(f))


def _print_facts(facts: list[Fact], title: str) -> None:
    table = Table(title=title, title_justify="left")
    several = len({f.key.get("conflict") for f in facts}) > 1
    for column in ("verdict", *(["conflict"] if several else []), "about", "sources",
                   "claims: source = value"):
        table.add_column(column)
    for fact in facts:
        key = fact.key
        scope = [plain(key.get("conflict") or "unknown")] if several else []
        about = " · ".join(str(v) for v in (
            key.get("measure") or key.get("event_type"), key.get("side"), key.get("group"),
            key.get("place"), _period(key.get("time")) or key.get("date"),
            f"counts: {key['counts']}" if key.get("counts") else None) if v)
        if fact.relations:  # figures set beside this fact, not compared with it
            about += "\n" + "; ".join(f"{r['relation']} {r['fact']}" for r in fact.relations)
        said = "; ".join(f"{c.source} = {_said(c)}" for c in fact.claims)
        style = {"disagree": "red", "agree": "green"}.get(fact.verdict, "")
        table.add_row(plain(fact.verdict, style=style), *scope, plain(about),
                      str(len(fact.sources)), plain(said))
    out.print(table)


def _period(time: dict[str, str] | None) -> str:
    from corroborate.export.report import period_text

    return period_text(time.get("start"), time.get("end")) if time else ""


def _said(claim: object) -> str:
    from corroborate.model import Claim
    assert isinstance(claim, Claim)
    if claim.value is None:
        return claim.date or "?"
    v = claim.value
    figure = f"{v.low:,.10g}" if v.low == v.high else f"{v.low:,.10g}–{v.high:,.10g}"
    return f"{figure} ({v.bound})" if v.bound not in ("exact", "range") else figure


@app.command("facts")
def facts_cli(db: DbOption = None, measure: MeasureOption = None, place: PlaceOption = None,
              side: SideOption = None, conflict: ConflictOption = None,
              fmt: Annotated[str, typer.Option("--format", "-f", help="table or jsonl.")] = "table",
              limit: LimitOption = None) -> None:
    """Claims grouped into facts, each with its verdict: agree, disagree or single_source.
    A fact never holds claims of two conflicts."""
    _facts("facts", db, measure, place, side, conflict, fmt, limit)


@app.command("disputes")
def disputes_cli(db: DbOption = None, measure: MeasureOption = None, place: PlaceOption = None,
                 side: SideOption = None, conflict: ConflictOption = None,
                 fmt: Annotated[str, typer.Option("--format", "-f", help="table or jsonl.")] = "table",
                 limit: LimitOption = None) -> None:
    """Facts on which sources (or one source with itself) disagree."""
    _facts("disputes", db, measure, place, side, conflict, fmt, limit, verdict="disagree")


def _facts(title: str, db: str | None, measure: str | None, place: str | None,
           side: str | None, conflict: str | None, fmt: str, limit: int | None,
           verdict: str | None = None) -> None:
    """Facts streamed from the store a page at a time (the first at once at a million claims),
    as a table (the first ``TABLE_ROWS`` unless ``limit`` says) or JSON lines (all unless it
    says)."""
    if fmt not in ("table", "jsonl"):
        fail_usage(f"--format must be table or jsonl, not {fmt!r}")
    with store_from(db) as store:
        scope = conflict_filter(store, conflict)
        if store.is_stale(scope):  # aligning needs the pipeline's heavy imports
            from corroborate.pipeline import iter_facts

            stored = iter_facts(store, scope, verdict=verdict, measure=measure)
        else:  # up to date: read from the store alone, without importing extraction (0.5 s)
            stored = store.iter_facts(scope, verdict=verdict, subject=measure)
        facts = _select(stored, None, place, side)
        if fmt == "jsonl":
            shown = islice(facts, limit) if limit else facts
            write_records((f.record() for f in shown), "jsonl", sys.stdout)
            return
        rows = limit or (None if limit == 0 else TABLE_ROWS)
        first = list(islice(facts, rows + 1)) if rows else list(facts)
        if rows is None or len(first) <= rows:
            _print_facts(first, f"{len(first)} {title}")
            return
        counted = place is None and side is None and not store.is_stale(scope)
        total = store.fact_count(scope, verdict=verdict, subject=measure) if counted else None
        of = f" of {total:,}" if total is not None else ""
        _print_facts(first[:rows], f"{rows}{of} {title} (--limit 0 shows all; --format jsonl "
                                   "streams them)")


def _export(kind: str, db: str | None, fmt: str, output: Path | None,
            conflict: str | None) -> None:
    """Every fact, then the name facts (kind = "name"), streamed from the store (JSON lines in
    constant memory; CSV gathers its rows for their columns)."""
    from corroborate.pipeline import iter_facts, names_of

    verdict = "disagree" if kind == "disputes" else None
    with store_from(db) as store:
        scope = conflict_filter(store, conflict)
        facts = chain(iter_facts(store, scope, verdict=verdict),
                      _name_facts(names_of, store, scope, verdict))
        emit_records((f.record() for f in facts), fmt, output, kind)


def _name_facts(names_of: Callable[..., list[Fact]], store: object, scope: str | None,
                verdict: str | None) -> Iterator[Fact]:
    """The name facts, read when the other facts have been written (not before them)."""
    yield from (f for f in names_of(store, scope) if verdict is None or f.verdict == verdict)


@export_app.command("facts")
def export_facts_cli(db: DbOption = None,
                     fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl or csv.")] = "jsonl",
                     output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
                     conflict: ConflictOption = None) -> None:
    """Write every fact with its verdict, claims and relations, and the name facts (which names
    each source uses for one place or side)."""
    _export("facts", db, fmt, output, conflict)


@export_app.command("disputes")
def export_disputes_cli(db: DbOption = None,
                        fmt: Annotated[str, typer.Option("--format", "-f",
                                                         help="jsonl or csv.")] = "jsonl",
                        output: Annotated[Path | None, typer.Option("--output", "-o")] = None,
                        conflict: ConflictOption = None) -> None:
    """Write the facts whose verdict is disagree, name facts (sources naming one place or side
    differently) included."""
    _export("disputes", db, fmt, output, conflict)


@app.command("report")
def report_cli(db: DbOption = None,
               fmt: Annotated[str, typer.Option("--format", "-f", help="md, html or json.")] = "md",
               output: Annotated[Path | None, typer.Option(
                   "--output", "-o", help="File (default stdout).")] = None,
               conflict: ConflictOption = None,
               ) -> None:
    """A self-contained report: summary, disputes side by side, names and event words per source."""
    from corroborate.align import framing
    from corroborate.export.report import build_report, render_html, render_markdown
    from corroborate.pipeline import facts_of, names_of

    if fmt not in ("md", "html", "json"):
        fail_usage(f"--format must be md, html or json, not {fmt!r}")
    with store_from(db) as store:
        scope = conflict_filter(store, conflict)
        claims = store.claims(conflict=scope)
        sources = store.sources()
        if scope is not None:
            kept = {d["source"] for d in store.documents(conflict=scope)}
            sources = [s for s in sources if s["slug"] in kept]
        report = build_report(sources, claims, facts_of(store, scope), names_of(store, scope),
                              framing(claims), conflict=scope)
    if fmt == "json":
        text = json.dumps(report, ensure_ascii=False, indent=2)
    else:
        text = render_markdown(report) if fmt == "md" else render_html(report)
    if output:
        output.write_text(text, encoding="utf-8")
        err.print(f"report written to {output}", markup=False)
    else:
        sys.stdout.write(text)
