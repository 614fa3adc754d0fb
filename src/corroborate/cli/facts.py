"""corroborate facts | disputes | report, and export facts|disputes: do the sources agree?"""

from __future__ import annotations

import json
import sys
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


def _select(facts: list[Fact], measure: str | None, place: str | None, side: str | None,
            verdict: str | None = None) -> list[Fact]:
    def keep(f: Fact) -> bool:
        key = f.key
        return ((measure is None or measure in (key.get("measure"), key.get("event_type")))
                and (place is None or key.get("place") == place)
                and (side is None or key.get("side") == side)
                and (verdict is None or f.verdict == verdict))
    return [f for f in facts if keep(f)]


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
              ) -> None:
    """Claims grouped into facts, each with its verdict: agree, disagree or single_source.
    A fact never holds claims of two conflicts."""
    from corroborate.pipeline import facts_of  # heavy imports, on use (a fast --help)

    with store_from(db) as store:
        facts = _select(facts_of(store, conflict_filter(store, conflict)), measure, place, side)
    _show(facts, fmt, "facts")


@app.command("disputes")
def disputes_cli(db: DbOption = None, measure: MeasureOption = None, place: PlaceOption = None,
                 side: SideOption = None, conflict: ConflictOption = None,
                 fmt: Annotated[str, typer.Option("--format", "-f", help="table or jsonl.")] = "table",
                 ) -> None:
    """Facts on which sources (or one source with itself) disagree."""
    from corroborate.pipeline import facts_of

    with store_from(db) as store:
        facts = _select(facts_of(store, conflict_filter(store, conflict)), measure, place, side,
                        verdict="disagree")
    _show(facts, fmt, "disputes")


def _show(facts: list[Fact], fmt: str, title: str) -> None:
    if fmt == "jsonl":
        write_records((f.record() for f in facts), "jsonl", sys.stdout)
    elif fmt == "table":
        _print_facts(facts, f"{len(facts)} {title}")
    else:
        fail_usage(f"--format must be table or jsonl, not {fmt!r}")


def _export(kind: str, db: str | None, fmt: str, output: Path | None,
            conflict: str | None) -> None:
    from corroborate.pipeline import facts_of, names_of

    with store_from(db) as store:
        scope = conflict_filter(store, conflict)
        facts = facts_of(store, scope) + names_of(store, scope)  # kind = "name" facts too
    if kind == "disputes":
        facts = [f for f in facts if f.verdict == "disagree"]
    emit_records([f.record() for f in facts], fmt, output, kind)


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
