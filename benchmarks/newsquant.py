#!/usr/bin/env python3
"""Benchmark corroborate's quantity layer on NewsQuant, the public test set of CQE (EMNLP 2023).

Usage (from the repository root; needs nothing beyond the project):

    .venv/bin/python benchmarks/newsquant.py --data ../shared/benchmarks/newsquant --show-errors 20

What runs: every sentence is normalized (``corroborate.text.normalize_text``), its dates are found
(``find_dates``, with the sentence's own year as the context year when it gives one, as the
extractor does) and excluded together with the language's exclusion patterns (citations, clock
times, "Section 5", ...; ``corroborate.extract._excluded``), then ``find_figures`` gives every
figure with low, high, bound and unit.  That is the quantity layer *before* a measure is assigned:
no claim, no trigger word, no article-as-one ("an Azerbaijani civilian").  A year is no quantity
in NewsQuant either: the gold never tags one.

Scoring follows CQE's ``evaluate_models.py``: per sentence, a predicted quantity matches a gold one
when the values are ``np.isclose(gold, predicted, rtol=1e-5, atol=1e-8)``; a gold range "a-b" is
the tuple (a, b) and matches only a predicted range with both ends close, a single value only a
single value.  Matching is one-to-one and greedy (each gold quantity takes the first predicted one
left that matches); the three criteria are each matched on their own:

  * value         the value alone;
  * value+unit    and corroborate's unit, renamed to CQE's ``normalized_unit`` (``UNIT_NAMES``),
                  equals the gold one; a figure without a unit is "-" (CQE's "no unit");
  * value+change  and corroborate's bound, renamed (``CHANGE_NAMES``: exact and range "=",
                  about "~", at_least ">", at_most "<") equals the gold change; the gold "up" and
                  "down" (a change, not a bound) can never match.

Each criterion's pairs are an equivalence (value, or value and label), so greedy matching is a
maximum matching.  P = matched / predicted, R = matched / gold, in percent rounded to 0.1 as CQE
does.  ``--rule cqe-script`` counts instead as CQE's script literally does: a predicted quantity
leaves the pool only when its unit matches too, so one prediction with the wrong unit can match
several gold quantities of equal value (capped at the sentence's gold count).

The published rows (CQE-Numparser, quantulum3, ...) are read from ``published_scores/*.csv``.  The
four Recognizers-Text sets (currency, dimension, temperature, age) are scored on value only.
Exits 2 with one line when the data folder is absent, else 0.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_DATA = REPO / ".." / "shared" / "benchmarks" / "newsquant"

NEWSQUANT = "NewsQuant"
RECOGNIZERS = ("currency-model", "dimension-model", "temperature-model", "age-model")
CRITERIA = ("value", "value+unit", "value+change")
PUBLISHED_SYSTEMS = ("CQE-Numparser", "quantulum3")

# corroborate's canonical unit -> CQE's normalized_unit, where one names the other.  A unit not
# listed keeps its own name (and matches no gold unit); no unit is CQE's "-".
UNIT_NAMES = {None: "-", "percent": "percentage", "usd": "dollar", "km2": "square kilometre"}
# corroborate's bound -> CQE's change.
CHANGE_NAMES = {"exact": "=", "range": "=", "about": "~", "at_least": ">", "at_most": "<"}

Value = float | tuple[float, float]


# --------------------------------------------------------------------------- quantities


@dataclass(frozen=True)
class Quantity:
    """One quantity as CQE compares it: value (a number, or (low, high) for a range), unit, change."""

    value: Value
    unit: str = "-"
    change: str | None = None
    surface: str = ""  # the words, for error listings (predictions only)


def parse_value(text: str) -> Value:
    """A gold value as CQE's ``decode_dictionary`` reads it: "252.0-287.0" is a range.

    >>> parse_value("252.0-287.0"), parse_value("-5"), parse_value("19.0")
    ((252.0, 287.0), -5.0, 19.0)
    """
    if "E" not in text and not text.startswith("-") and "-" in text:
        low, high = text.split("-")[:2]
        return float(low), float(high)
    return float(text)


def close(gold: float, predicted: float) -> bool:
    """``np.isclose(gold, predicted, rtol=1e-05, atol=1e-08)``, without numpy."""
    return abs(gold - predicted) <= 1e-08 + 1e-05 * abs(predicted)


def values_match(gold: Value, predicted: Value) -> bool:
    """CQE's ``values_match``: a range matches a range end to end, a number a number."""
    if isinstance(gold, tuple) and isinstance(predicted, tuple):
        return close(gold[0], predicted[0]) and close(gold[1], predicted[1])
    if isinstance(gold, tuple) or isinstance(predicted, tuple):
        return False
    return close(gold, predicted)


def gold_quantities(item: dict) -> list[Quantity]:
    return [Quantity(parse_value(q["value"]), q.get("normalized_unit", "-").lower(), q.get("change"))
            for q in item["quantities"]]


# --------------------------------------------------------------------------- scoring


@dataclass
class Counts:
    gold: int = 0
    predicted: int = 0
    matched: int = 0

    def prf(self) -> tuple[float, float, float]:
        """P, R, F1 in percent, rounded to 0.1 as CQE's ``get_fscores`` does."""
        p = self.matched / self.predicted if self.predicted else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return round(p * 100, 1), round(r * 100, 1), round(f1 * 100, 1)


Predicate = Callable[[Quantity, Quantity], bool]

PREDICATES: dict[str, Predicate] = {
    "value": lambda g, p: values_match(g.value, p.value),
    "value+unit": lambda g, p: values_match(g.value, p.value) and g.unit == p.unit,
    "value+change": lambda g, p: values_match(g.value, p.value) and g.change == p.change,
}


def match_sentence(gold: Sequence[Quantity], predicted: Sequence[Quantity],
                   same: Predicate) -> list[tuple[int, int]]:
    """One-to-one greedy matching: (gold index, predicted index) pairs."""
    free = list(range(len(predicted)))
    pairs = []
    for g, quantity in enumerate(gold):
        for k, p in enumerate(free):
            if same(quantity, predicted[p]):
                pairs.append((g, p))
                del free[k]
                break
    return pairs


def cqe_script_counts(gold: Sequence[Quantity], predicted: Sequence[Quantity]) -> dict[str, int]:
    """Matches in one sentence counted as CQE's ``calculate_metrics`` counts them, loop for loop."""
    tags = sorted(predicted, key=lambda q: q.unit)
    left = len(gold)
    counts = dict.fromkeys(CRITERIA, 0)
    for g in sorted(gold, key=lambda q: q.unit):
        for p in tags:
            if not values_match(g.value, p.value):
                continue
            if left > 0:
                counts["value"] += 1
                left -= 1
            if p.change == g.change:
                counts["value+change"] += 1
            if p.unit == g.unit:
                counts["value+unit"] += 1
                tags.remove(p)
                tags.sort(key=lambda q: q.unit)
                break
    return counts


@dataclass
class Result:
    counts: dict[str, Counts] = field(default_factory=lambda: {c: Counts() for c in CRITERIA})
    missed: list[tuple[str, Quantity]] = field(default_factory=list)  # by the value criterion
    spurious: list[tuple[str, Quantity]] = field(default_factory=list)


def score(sentences: Iterable[tuple[str, Sequence[Quantity], Sequence[Quantity]]],
          rule: str = "one-to-one") -> Result:
    """Score (text, gold, predicted) triples by every criterion; keep the value errors."""
    result = Result()
    for text, gold, predicted in sentences:
        script = cqe_script_counts(gold, predicted) if rule == "cqe-script" else None
        for criterion in CRITERIA:
            counts = result.counts[criterion]
            counts.gold += len(gold)
            counts.predicted += len(predicted)
            pairs = match_sentence(gold, predicted, PREDICATES[criterion])
            counts.matched += script[criterion] if script is not None else len(pairs)
            if criterion == "value":
                found = {g for g, _ in pairs}
                used = {p for _, p in pairs}
                result.missed.extend((text, q) for i, q in enumerate(gold) if i not in found)
                result.spurious.extend((text, q) for i, q in enumerate(predicted) if i not in used)
    return result


# --------------------------------------------------------------------------- corroborate


class QuantityLayer:
    """corroborate's figures for one sentence, dates and exclusion patterns left out."""

    def __init__(self, lang: str = "en", context_year: int | None = None) -> None:
        from corroborate.extract import _excluded
        from corroborate.extract.dates import find_dates
        from corroborate.extract.numbers import find_figures
        from corroborate.extract.vocab import load_vocab
        from corroborate.text import normalize_text

        self.lang = lang
        self.context_year = context_year
        self.vocab = load_vocab(lang)
        self._excluded = _excluded
        self._find_dates = find_dates
        self._find_figures = find_figures
        self._normalize = normalize_text

    def figures(self, sentence: str) -> tuple[str, list]:
        text = self._normalize(sentence)
        end = len(text)
        dates = self._find_dates(text, 0, end, self.lang, context_year=self.context_year,
                                 not_year_after=self.vocab.not_year_after)
        if self.context_year is None and any(d.year_given for d in dates):
            # as the extractor does: the sentence's own year dates its year-less dates
            year = int(next(d for d in dates if d.year_given).end_iso[:4])
            dates = self._find_dates(text, 0, end, self.lang, context_year=year,
                                     not_year_after=self.vocab.not_year_after)
        excluded = self._excluded(self.vocab, text, 0, end, dates)
        return text, self._find_figures(text, 0, end, self.lang, excluded)

    def quantities(self, sentence: str) -> list[Quantity]:
        text, figures = self.figures(sentence)
        return [Quantity((f.low, f.high) if f.high != f.low else f.low,
                         UNIT_NAMES.get(f.unit, f.unit or "-"), CHANGE_NAMES.get(f.bound, f.bound),
                         text[f.start:f.end])
                for f in figures]


# --------------------------------------------------------------------------- data and output


def load_set(data: Path, name: str) -> list[dict]:
    with (data / "gold" / f"{name}.json").open(encoding="utf-8") as handle:
        return json.load(handle)


def published(data: Path, name: str) -> list[dict]:
    """The paper's rows for ``name`` (systems in PUBLISHED_SYSTEMS), from its tab-separated CSV."""
    path = data / "published_scores" / f"{name}.csv"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [r for r in rows if r.get("model") in PUBLISHED_SYSTEMS]


def run_set(layer: QuantityLayer, items: list[dict], rule: str) -> Result:
    return score(((item["text"], gold_quantities(item), layer.quantities(item["text"]))
                  for item in items), rule)


def fmt_value(value: Value) -> str:
    if isinstance(value, tuple):
        return f"{value[0]:g}-{value[1]:g}"
    return f"{value:g}"


def table(name: str, result: Result, criteria: Sequence[str], rows: list[dict],
          system: str) -> str:
    out = [f"{name}", "",
           "| system | criterion | P | R | F1 | gold | predicted | matched |",
           "|---|---|---:|---:|---:|---:|---:|---:|"]
    for criterion in criteria:
        c = result.counts[criterion]
        p, r, f1 = c.prf()
        out.append(f"| {system} | {criterion} | {p:.1f} | {r:.1f} | {f1:.1f} | {c.gold} | "
                   f"{c.predicted} | {c.matched} |")
    for row in rows:
        if row["type"] in criteria:
            out.append(f"| {row['model']} (published) | {row['type']} | {float(row['P']):.1f} | "
                       f"{float(row['R']):.1f} | {float(row['F1']):.1f} | - | - | - |")
    return "\n".join(out)


def ceilings(items: list[dict]) -> str:
    """How much of the gold the renamings can reach at all."""
    gold = [q for item in items for q in gold_quantities(item)]
    named = set(UNIT_NAMES.values())
    units = sum(q.unit in named for q in gold)
    changes = sum(q.change in set(CHANGE_NAMES.values()) for q in gold)
    return (f"reachable: value+unit {units} of {len(gold)} gold quantities (unit one of "
            f"{', '.join(sorted(named))}); value+change {changes} of {len(gold)} (not up/down)")


def show_errors(result: Result, n: int) -> str:
    out = [f"missed (gold value not found), first {n} of {len(result.missed)}:"]
    for text, q in result.missed[:n]:
        out.append(f"  - {fmt_value(q.value)} [{q.unit}, {q.change}]  {text}")
    out.append(f"spurious (predicted value not in gold), first {n} of {len(result.spurious)}:")
    for text, q in result.spurious[:n]:
        out.append(f"  + {fmt_value(q.value)} \"{q.surface}\" [{q.unit}, {q.change}]  {text}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA,
                    help="folder with gold/ and published_scores/ (default ../shared/benchmarks/newsquant)")
    ap.add_argument("--sets", default=",".join((NEWSQUANT, *RECOGNIZERS)),
                    help="comma-separated test sets (default: NewsQuant and the four Recognizers-Text sets)")
    ap.add_argument("--rule", choices=["one-to-one", "cqe-script"], default="one-to-one",
                    help="how matches are counted (see the module docstring)")
    ap.add_argument("--context-year", type=int,
                    help="year for dates that give none ('March 29'); default: none, as for a "
                         "sentence with no dated context, so their day numbers count as figures")
    ap.add_argument("--show-errors", type=int, default=0, metavar="N",
                    help="print N missed and N spurious NewsQuant values")
    ap.add_argument("--json", type=Path, help="also write the counts and scores here")
    args = ap.parse_args(argv)

    data = args.data
    if not (data / "gold").is_dir():
        print(f"SKIP newsquant: no data folder {data}/gold (pass --data DIR)")
        return 2
    names = [s for s in args.sets.split(",") if s]
    unknown = [s for s in names if s not in (NEWSQUANT, *RECOGNIZERS)]
    if unknown:
        ap.error(f"unknown set(s): {', '.join(unknown)}")

    layer = QuantityLayer(context_year=args.context_year)
    system = "corroborate find_figures"
    report: dict[str, dict] = {}
    print(f"rule: {args.rule}; units: " + ", ".join(f"{k} -> {v}" for k, v in UNIT_NAMES.items())
          + "; bounds: " + ", ".join(f"{k} -> {v}" for k, v in CHANGE_NAMES.items()))
    for name in names:
        path = data / "gold" / f"{name}.json"
        if not path.is_file():
            print(f"\nSKIP {name}: {path} not found")
            continue
        items = load_set(data, name)
        result = run_set(layer, items, args.rule)
        criteria = CRITERIA if name == NEWSQUANT else ("value",)
        print()
        print(table(f"{name} ({len(items)} sentences)", result, criteria, published(data, name),
                    system))
        if name == NEWSQUANT:
            print()
            print(ceilings(items))
        if name == NEWSQUANT and args.show_errors:
            print()
            print(show_errors(result, args.show_errors))
        report[name] = {c: {"gold": result.counts[c].gold, "predicted": result.counts[c].predicted,
                            "matched": result.counts[c].matched,
                            **dict(zip(["P", "R", "F1"], result.counts[c].prf(), strict=True))}
                        for c in criteria}
    if args.json:
        args.json.write_text(json.dumps({"rule": args.rule, "context_year": args.context_year,
                                         "sets": report}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
