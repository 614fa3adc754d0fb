"""The report a journalist could attach: a summary, each dispute with every source's figure and
words side by side, and the framing table (names and event words each source uses)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from importlib import resources
from typing import Any

import jinja2

from corroborate.align import Fact
from corroborate.export.safe import http_link, markdown_cell, markdown_text
from corroborate.model import Claim

__all__ = ["build_report", "period_text", "render_html", "render_markdown"]


def _value_text(claim: Claim) -> str:
    if claim.kind == "event":
        return claim.date or ""
    assert claim.value is not None
    v = claim.value
    low, high = f"{v.low:,.10g}", f"{v.high:,.10g}"
    figure = low if v.low == v.high else f"{low}–{high}"
    prefix = {"about": "about ", "at_least": "at least ", "at_most": "at most "}.get(v.bound, "")
    return f"{prefix}{figure} {claim.unit or ''}".strip()


def period_text(start: str | None, end: str | None) -> str:
    """"2021–2022", "2016" (one end given twice is written once), "" for no time."""
    return "–".join(dict.fromkeys(x for x in (start, end) if x))


def _joined(*parts: object) -> str:
    return " · ".join(str(p) for p in parts if p)


def _key_text(fact: Fact) -> str:
    key = fact.key
    if fact.kind == "event":
        return _joined(key.get("event_type"), key.get("place"))
    time = key.get("time") or {}
    return _joined(key.get("measure"), key.get("side"), key.get("group"), key.get("place"),
                   period_text(time.get("start"), time.get("end")))


# Why a dispute that compares different facts is one (the fact key's "check").
_CHECKS = {
    "parts_exceed_total": "In one table row, the total is smaller than the sum of its sides' figures.",
    "narrower_exceeds_wider": "The first figure counts a wider fact (every side, all people, a "
                              "longer period or a larger place), yet it is smaller than the "
                              "figures that follow, for facts inside it.",
}


# How a figure set apart from a fact relates to it (align/relations.py), as the report says it.
_RELATED = {
    "part_of": "The first figure counts one episode inside the period the second counts whole.",
    "earlier_count_of": "The first figure is a count so far; the second is a later count.",
    "subset_of": "The first figure counts a part of what the second counts.",
    "in_addition_to": "The first figure is counted in addition to the second.",
    "share_of_other_thing": "The first figure is a share of something other than territory.",
}


def _related(facts: list[Fact]) -> list[dict[str, Any]]:
    """Each pair of facts that count different things, with both sides' figures and words."""
    by_id = {f.id: f for f in facts}
    return [{"relation": r["relation"], "why": _RELATED[r["relation"]], "about": _key_text(f),
             "conflict": f.key.get("conflict"), "fact": f.id, "other": r["fact"],
             "claims": [_claim_row(c) for c in f.claims],
             "other_claims": [_claim_row(c) for c in by_id[r["fact"]].claims]}
            for f in facts for r in f.relations
            if r["relation"] in _RELATED and r["fact"] in by_id]


def _counts_text(claim: Claim) -> str:
    """What one claim counts, in its own qualifiers: "Armenia · soldiers · 2022-09-13"."""
    if claim.kind == "event":
        return _joined(claim.event_type, claim.place, claim.actor)
    time = claim.time
    return _joined(claim.measure, claim.side, claim.group, claim.place,
                   period_text(time.start, time.end) if time else "")


def _claim_row(claim: Claim) -> dict[str, Any]:
    evidence = claim.evidence.text
    figure = claim.figure
    before, marked, after = evidence, "", ""
    if figure is not None and claim.evidence.start <= figure.start and \
            figure.end <= claim.evidence.end:
        a, b = figure.start - claim.evidence.start, figure.end - claim.evidence.start
        before, marked, after = evidence[:a], evidence[a:b], evidence[b:]
    return {"source": claim.source, "document": claim.document, "value": _value_text(claim),
            "counts": _counts_text(claim),
            "words": figure.text if figure else evidence, "before": before, "marked": marked,
            "after": after, "start": claim.evidence.start, "end": claim.evidence.end,
            "names": ", ".join(x for x in (claim.side_as_written, claim.place_as_written,
                                           claim.event_as_written) if x)}


def build_report(sources: list[dict[str, Any]], claims: list[Claim], facts: list[Fact],
                 names: list[Fact], framing: dict[str, dict[str, dict[str, int]]],
                 conflict: str | None = None) -> dict[str, Any]:
    """Everything the report shows, as plain data (also the JSON format of the report).
    ``conflict`` names the one conflict the report was limited to, if it was."""
    disputes = [f for f in facts if f.verdict == "disagree"]
    verdicts = Counter(f.verdict for f in facts)
    conflicts = sorted({c.conflict or "unknown" for c in claims})
    return {
        "generated": datetime.now(UTC).isoformat(timespec="seconds"),
        "conflict": conflict,
        "conflicts": conflicts,
        "summary": {"sources": len(sources), "claims": len(claims), "facts": len(facts),
                    "agree": verdicts.get("agree", 0), "disagree": verdicts.get("disagree", 0),
                    "single_source": verdicts.get("single_source", 0)},
        "sources": [{k: s.get(k) for k in ("slug", "title", "publisher", "kind", "url",
                                           "published")}
                    for s in sources],
        "disputes": [{"id": f.id, "kind": f.kind, "about": _key_text(f), "key": f.key,
                      "conflict": f.key.get("conflict"),
                      "within_one_source": len(f.sources) == 1,
                      "why": _CHECKS.get(str(f.key.get("check", "")), ""),
                      "claims": [_claim_row(c) for c in f.claims]} for f in disputes],
        "related": _related(facts),
        "names": [{"entity": n.key["entity"], "conflict": n.key.get("conflict"),
                   "variants": getattr(n, "variants", {})}
                  for n in names if n.verdict == "disagree"],
        "framing": framing,
    }


def render_markdown(report: dict[str, Any]) -> str:
    """The report as Markdown; every value from documents or metadata passes ``markdown_*``
    (export/safe.py), so a title or evidence cannot add HTML, links or table cells."""
    t, c = markdown_text, markdown_cell
    s = report["summary"]
    lines = ["# Where the sources agree and disagree", "",
             f"{s['sources']} sources, {s['claims']} claims, {s['facts']} facts: {s['agree']} agree, "
             f"{s['disagree']} disagree, {s['single_source']} from a single source.", ""]
    if report.get("conflicts"):
        lines += [f"Conflicts: {t(', '.join(report['conflicts']))}. Facts never join claims of "
                  "two conflicts.", ""]
    lines += ["## Sources", ""]
    for x in report["sources"]:
        link = http_link(x.get("url"))
        where = f" <{link}>" if link else (f" {t(x['url'])}" if x.get("url") else "")
        published = f", published {t(x['published'])}" if x.get("published") else ""
        lines.append(f"- {t(x['slug'])}: {t(x['title'])} ({t(x['publisher'] or 'publisher unknown')}"
                     f"{published}){where}")
    lines += ["", f"## Disputes ({len(report['disputes'])})", ""]
    for dispute in report["disputes"]:
        scope = " (inside one source)" if dispute["within_one_source"] else ""
        if len(report.get("conflicts", ())) > 1:
            scope += f" — {t(dispute.get('conflict') or 'unknown')}"
        lines += [f"### {t(' '.join(str(dispute['about']).split()))}{scope}", ""]
        if dispute["why"]:
            lines += [t(dispute["why"]), ""]
        lines += ["| source | says | counts | words |", "|---|---|---|---|"]
        for row in dispute["claims"]:
            marked = f"**{c(row['marked'])}**" if row["marked"].strip() else c(row["marked"])
            words = f"{c(row['before'][-80:])}{marked}{c(row['after'][:80])}"
            lines.append(f"| {c(row['source'])} | {c(row['value'])} | {c(row['counts'])} | "
                         f"{words.strip()} |")
        lines.append("")
    lines += _related_markdown(report.get("related", []))
    lines += ["## Names each source uses", "", "| entity | source | names (times used) |",
              "|---|---|---|"]
    for name in report["names"]:
        for source, variants in name["variants"].items():
            used = ", ".join(f"{c(w)} ({n})" for w, n in variants.items())
            lines.append(f"| {c(name['entity'])} | {c(source)} | {used} |")
    lines += ["", "## Words each source uses for events", "", "| event | source | words |",
              "|---|---|---|"]
    for event_type, by_source in report["framing"].items():
        for source, words in by_source.items():
            used = ", ".join(f"{c(w)} ({n})" for w, n in words.items())
            lines.append(f"| {c(event_type)} | {c(source)} | {used} |")
    return "\n".join(lines) + "\n"


def _related_markdown(related: list[dict[str, Any]]) -> list[str]:
    """The section of figures that count different things: set side by side, not disputed."""
    t, c = markdown_text, markdown_cell
    lines = [f"## Figures that count different things ({len(related)})", "",
             "Not disputes: each pair is shown side by side, with the words that tell them apart.",
             ""]
    for pair in related:
        lines += [f"### {t(' '.join(str(pair['about']).split()))}", "", t(pair["why"]), "",
                  "| | source | says | words |", "|---|---|---|---|"]
        for which, rows in (("first", pair["claims"]), ("second", pair["other_claims"])):
            for row in rows:
                marked = f"**{c(row['marked'])}**" if row["marked"].strip() else c(row["marked"])
                words = f"{c(row['before'][-80:])}{marked}{c(row['after'][:80])}"
                lines.append(f"| {which} | {c(row['source'])} | {c(row['value'])} | "
                             f"{words.strip()} |")
        lines.append("")
    return lines


def render_html(report: dict[str, Any]) -> str:
    """A self-contained HTML page (no scripts, no external files)."""
    template_text = resources.files("corroborate.export").joinpath(
        "templates/report.html").read_text("utf-8")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return env.from_string(template_text).render(report=report, link=http_link)
