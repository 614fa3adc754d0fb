"""Score extracted claims against gold claims: recall, precision inside annotated zones, per measure.

Gold format (JSON Lines, one expected claim a line; see docs/evaluation.md):
  {"source": slug, "kind": "quantity", "measure": "killed",
   "value": {"low": 28000, "high": 38000, "bound": "range"}, "unit": "people",
   "side": "Azerbaijan" | null, "group": "soldiers" | null, "place": "Kalbajar" | null,
   "time": {"start": "1988", "end": "1994"} | null, "evidence": {"start": 10234, "end": 10301}}
  {"source": slug, "kind": "event", "event_type": "capture", "date": "1992-05-08",
   "place": "Shusha" | null, "actor": "Armenia" | null, "evidence": {"start": .., "end": ..}}
A null field (or a missing one) is not compared. Zones (JSON): {slug: [[start, end], ...]}, the
spans annotated exhaustively; precision counts only extracted claims whose figure lies in a zone.

Matching: same source and kind; same measure or event type; the extracted evidence overlaps the
gold span; value low and high each within 1%; same unit, side, group and place where the gold gives
them; time: one interval contains the other; event date equal at the gold's precision.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corroborate.errors import CorroborateError, E
from corroborate.model import Claim

__all__ = ["DisputeScore", "Score", "load_gold", "load_gold_disputes", "load_zones", "matches",
           "score", "score_disputes"]

TOLERANCE = 0.01


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    in_zones: int = 0
    correct_in_zones: int = 0
    by_label: dict[str, dict[str, int]] = field(default_factory=dict)
    missed: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[Claim] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def precision(self) -> float:
        return self.correct_in_zones / self.in_zones if self.in_zones else 1.0

    def as_dict(self) -> dict[str, Any]:
        labels = {}
        for label, c in sorted(self.by_label.items()):
            labels[label] = {
                **c,
                "recall": round(c["found"] / c["gold"], 4) if c["gold"] else None,
                "precision": round(c["correct_in_zones"] / c["in_zones"], 4)
                if c["in_zones"] else None,
            }
        return {"gold": self.gold, "found": self.found, "recall": round(self.recall, 4),
                "extracted_in_zones": self.in_zones, "correct_in_zones": self.correct_in_zones,
                "precision": round(self.precision, 4), "by_label": labels}


def _read_text(path: Path) -> str:
    """The file's UTF-8 text; a missing, unreadable, binary or non-UTF-8 file is one E203 line."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorroborateError(E.E203, str(path), reason=exc.strerror or str(exc)) from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise CorroborateError(E.E203, f"{path}:{line}", reason=f"not UTF-8 text (byte "
                               f"0x{data[exc.start]:02x}); save it as UTF-8 JSON") from exc
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise CorroborateError(E.E203, f"{path}:{line}", reason="a NUL byte: binary, not JSON text")
    return text


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    lines = _read_text(path).splitlines()
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CorroborateError(E.E203, f"{path}:{number}", reason=exc.msg) from exc
        if not isinstance(record, dict):
            raise CorroborateError(E.E203, f"{path}:{number}", reason="a line must be an object")
        records.append(record)
    return records


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Gold claims, checked for the fields matching needs."""
    path = Path(path)
    gold = _read_jsonl(path)
    for number, record in enumerate(gold, 1):
        missing = [k for k in ("source", "kind", "evidence") if k not in record]
        label = record.get("measure") if record.get("kind") == "quantity" else record.get(
            "event_type")
        if missing or not label:
            what = ", ".join(missing) or ("measure" if record.get("kind") == "quantity"
                                          else "event_type")
            raise CorroborateError(E.E203, f"{path}: claim {number}", reason=f"missing {what}")
        problem = _shape_problem(record)
        if problem:
            raise CorroborateError(E.E203, f"{path}: claim {number}", reason=problem)
    return gold


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _span_problem(span: object) -> str | None:
    if not isinstance(span, dict) or not all(isinstance(span.get(k), int) and
                                             not isinstance(span.get(k), bool)
                                             for k in ("start", "end")):
        return "evidence must be {\"start\": integer, \"end\": integer}"
    return None


def _shape_problem(record: dict[str, Any]) -> str | None:
    """Why a gold claim's fields cannot be compared (a wrong type), or None."""
    span = _span_problem(record["evidence"])
    if span:
        return span
    if not isinstance(record["source"], str) or record["kind"] not in ("quantity", "event"):
        return "source must be a string and kind quantity or event"
    value = record.get("value")
    if value is not None and (not isinstance(value, dict) or not all(
            _is_number(value[k]) for k in ("low", "high") if k in value)):
        return "value must be {\"low\": number, \"high\": number}"
    time = record.get("time")
    if time is not None and (not isinstance(time, dict) or not all(
            isinstance(time.get(k), str | None) for k in ("start", "end"))):
        return "time must be {\"start\": text or null, \"end\": text or null}"
    for key in ("measure", "event_type", "date", "unit", "side", "group", "place", "actor"):
        if record.get(key) is not None and not isinstance(record[key], str):
            return f"{key} must be text or null"
    return None


def load_gold_disputes(path: str | Path) -> list[dict[str, Any]]:
    """Gold disputes (docs/evaluation.md): each names at least two claims by source and span."""
    path = Path(path)
    disputes = _read_jsonl(path)
    for number, record in enumerate(disputes, 1):
        claims = record.get("claims")
        if not isinstance(claims, list) or len(claims) < 2:
            raise CorroborateError(E.E203, f"{path}: dispute {number}",
                                   reason="needs a list of at least two claims")
        for claim in claims:
            span = claim.get("evidence") if isinstance(claim, dict) else None
            if not isinstance(claim, dict) or "source" not in claim or _span_problem(span):
                raise CorroborateError(E.E203, f"{path}: dispute {number}",
                                       reason="each claim needs a source and an evidence span")
            value = claim.get("value")
            if value is not None and (not isinstance(value, dict) or not all(
                    _is_number(value.get(k)) for k in ("low", "high"))):
                raise CorroborateError(E.E203, f"{path}: dispute {number}",
                                       reason="value must be {\"low\": number, \"high\": number}")
    return disputes


def load_zones(path: str | Path | None) -> dict[str, list[tuple[int, int]]]:
    if path is None:
        return {}
    path = Path(path)
    text = _read_text(path)
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CorroborateError(E.E203, f"{path}:{exc.lineno}", reason=exc.msg) from exc
    shape = 'zones must be {"source": [[start, end], ...]} with integer offsets'
    if not isinstance(raw, dict):
        raise CorroborateError(E.E203, str(path), reason=shape)
    zones: dict[str, list[tuple[int, int]]] = {}
    for slug, spans in raw.items():
        if not isinstance(spans, list) or not all(
                isinstance(p, list) and len(p) == 2 and all(
                    isinstance(x, int) and not isinstance(x, bool) for x in p) for p in spans):
            raise CorroborateError(E.E203, f"{path}: {slug}", reason=shape)
        zones[slug] = [(a, b) for a, b in spans]
    return zones


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b), 1.0)


def _time_fits(claim: Claim, gold_time: dict[str, Any]) -> bool:
    if claim.time is None:
        return False
    g_start, g_end = gold_time.get("start"), gold_time.get("end")
    c_start, c_end = claim.time.start, claim.time.end

    def inside(a1: str | None, a2: str | None, b1: str | None, b2: str | None) -> bool:
        return (b1 is None or (a1 is not None and a1[:len(b1)] >= b1)) and \
               (b2 is None or (a2 is not None and a2[:len(b2)] <= b2))

    return inside(c_start, c_end, g_start, g_end) or inside(g_start, g_end, c_start, c_end)


def matches(claim: Claim, gold: dict[str, Any]) -> bool:
    """Whether an extracted claim is the gold claim (see the module docstring)."""
    if claim.source != gold["source"] or claim.kind != gold["kind"]:
        return False
    span = gold["evidence"]
    if not (claim.evidence.start < span["end"] and span["start"] < claim.evidence.end):
        return False
    for key in ("unit", "side", "group", "place", "actor"):
        if gold.get(key) is not None and getattr(claim, key) != gold[key]:
            return False
    if gold["kind"] == "quantity":
        value = gold.get("value") or {}
        if claim.measure != gold.get("measure") or claim.value is None:
            return False
        if "low" in value and not _close(claim.value.low, float(value["low"])):
            return False
        if "high" in value and not _close(claim.value.high, float(value["high"])):
            return False
        return not gold.get("time") or _time_fits(claim, gold["time"])
    if claim.event_type != gold.get("event_type"):
        return False
    date = gold.get("date")
    return not date or (claim.date is not None and claim.date[:len(date)] == date)


def _label(record: Claim | dict[str, Any]) -> str:
    if isinstance(record, Claim):
        return record.measure or record.event_type or "?"
    return str(record.get("measure") or record.get("event_type"))


def score(claims: Iterable[Claim], gold: list[dict[str, Any]],
          zones: dict[str, list[tuple[int, int]]] | None = None) -> Score:
    """Match claims to gold one to one (each gold claim takes the first free claim that fits)."""
    zones = zones or {}
    claims = list(claims)
    sources = {g["source"] for g in gold}
    result = Score(gold=len(gold))
    used: set[int] = set()
    by_source: dict[str, list[int]] = {}
    for index, claim in enumerate(claims):
        by_source.setdefault(claim.source, []).append(index)
    for record in gold:
        counts = result.by_label.setdefault(_label(record), _zero())
        counts["gold"] += 1
        for index in by_source.get(record["source"], []):
            if index not in used and matches(claims[index], record):
                used.add(index)
                result.found += 1
                counts["found"] += 1
                break
        else:
            result.missed.append(record)
    for index, claim in enumerate(claims):
        if claim.source not in sources:
            continue
        anchor = claim.figure or claim.evidence
        if not any(a <= anchor.start and anchor.end <= b for a, b in zones.get(claim.source, [])):
            continue
        counts = result.by_label.setdefault(_label(claim), _zero())
        result.in_zones += 1
        counts["in_zones"] += 1
        if index in used:
            result.correct_in_zones += 1
            counts["correct_in_zones"] += 1
        else:
            result.spurious.append(claim)
    return result


def _zero() -> dict[str, int]:
    return {"gold": 0, "found": 0, "in_zones": 0, "correct_in_zones": 0}


@dataclass
class DisputeScore:
    gold: int = 0
    found: int = 0
    missed: list[dict[str, Any]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0


def _claim_fits(claim: Claim, record: dict[str, Any]) -> bool:
    span = record["evidence"]
    if claim.source != record["source"] or not (
            claim.evidence.start < span["end"] and span["start"] < claim.evidence.end):
        return False
    if "value" in record and record["value"] is not None:
        value = record["value"]
        return claim.value is not None and _close(claim.value.low, float(value["low"])) and \
            _close(claim.value.high, float(value["high"]))
    date = record.get("date")
    return isinstance(date, str) and claim.date is not None and claim.date[:len(date)] == date


def score_disputes(facts: Iterable[Any], gold: list[dict[str, Any]]) -> DisputeScore:
    """A gold dispute is found when one reported dispute holds claims fitting two of its claims
    that disagree (two sources, or two places in one source)."""
    disputes = [f for f in facts if getattr(f, "verdict", None) == "disagree"]
    result = DisputeScore(gold=len(gold))
    for record in gold:
        wanted = record.get("claims", [])
        hit = False
        for fact in disputes:
            fitting = [i for i, w in enumerate(wanted)
                       if any(_claim_fits(c, w) for c in fact.claims)]
            if len(fitting) >= 2:
                hit = True
                break
        if hit:
            result.found += 1
        else:
            result.missed.append(record)
    return result
