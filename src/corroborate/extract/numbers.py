"""Figures in text: digits, number words, vague amounts, ranges, bounds, scales and units -> values.

The grammar (``figure_grammar``) is built from the language data; every word it knows (number words,
scale words, bound words, units) comes from there.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from corroborate.extract.data import load_lang
from corroborate.extract.figure_grammar import FigureGrammar
from corroborate.extract.folded import value_of
from corroborate.langdata import LastLoaded

__all__ = ["Exclusions", "Figure", "find_figures", "parse_number_words", "round_like"]


class Figure(NamedTuple):
    """One figure: ``start``/``end`` cover its words (bound, currency, unit); value in ``unit``.
    (A tuple: built for every figure of every sentence, a quarter of a frozen dataclass's
    build time.)"""

    start: int
    end: int
    low: float
    high: float
    bound: str
    unit: str | None  # canonical unit; None for a plain count
    vague: bool = False
    spelled: bool = False  # written in words ("three", "a dozen")


class _Atom(NamedTuple):  # a tuple: built for every number of every sentence
    start: int
    end: int
    value: float
    high: float
    bound: str
    scaled: bool
    kind: str  # digits | words | vague
    factor: float = 1.0  # the scale word's ("10 million": 1e6)


_WORD_BREAK = re.compile(r"[\s-]+")

_Grammar = FigureGrammar  # (the name the grammar's tests build it by)


_LAST_GRAMMAR: LastLoaded[FigureGrammar] = LastLoaded()  # asked once or more a sentence


def _grammar(code: str) -> FigureGrammar:
    return _LAST_GRAMMAR.get((code,), _cached_grammar)


@lru_cache(maxsize=8)
def _cached_grammar(code: str, _dirs: tuple[str, ...]) -> FigureGrammar:
    return FigureGrammar(load_lang(code))


def parse_number_words(words: str, lang: str = "en") -> float:
    """The value of a spelled-out number.

    >>> parse_number_words("two hundred and fifty-three")
    253.0
    """
    grammar = _grammar(lang)
    total = 0.0
    current = 0.0
    for token in _WORD_BREAK.split(words.lower()):
        if token in grammar.words:
            current += grammar.words[token]
        elif token in grammar.multipliers:
            factor = grammar.multipliers[token]
            if factor == 100:
                current = max(current, 1) * factor
            else:
                total += max(current, 1) * factor
                current = 0
    return total + current


def round_like(value: float, written: str) -> float:
    """Round a converted value to the significant digits of the figure as written, and at
    least three: "4,700 square miles" are 12,200 km2 (12,173), not 12,000, 1.4% off.

    >>> round_like(41.439808, "16"), round_like(12172.94, "4700")
    (41.4, 12200.0)
    """
    whole, _, fraction = written.partition(".")
    significant = whole.strip("0") + fraction if fraction else whole.strip("0")
    digits = max(3, sum(ch.isdigit() for ch in significant))
    if value == 0:
        return 0.0
    magnitude = math.floor(math.log10(abs(value)))
    return float(round(value, digits - 1 - magnitude))


class Exclusions(NamedTuple):
    """Spans that are no figures: ``known`` ones (a sentence's dates) and a ``search`` for the
    others (citations, page numbers, ...), run only when a number lies outside every known
    span: a sentence whose only numbers are its dates' needs none."""

    known: list[tuple[int, int]]
    search: Callable[[], list[tuple[int, int]]]


# spans that are no figures, or a function that finds them (called only if there is a number)
Excluded = list[tuple[int, int]] | Exclusions | \
    Callable[[], list[tuple[int, int]] | Exclusions]


def _reach(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The starts of ``spans`` sorted, and for each the furthest end of the spans up to it: a
    span (a, b) touches one of them if ``reach[bisect_left(starts, b) - 1] > a`` (a search, not
    a pass over every span: a sentence of a thousand dates and numbers stays linear)."""
    ordered = sorted(spans)
    return [s for s, _e in ordered], list(accumulate((e for _s, e in ordered), max))


def _outside(known: list[tuple[int, int]], matches: list[re.Match[str]], shift: int,
             lead: int) -> list[re.Match[str]]:
    """The matches (at ``shift``, their starts at ``lead`` more) that touch no known span."""
    if not known:
        return matches
    starts, reach = _reach(known)
    outside = []
    for match in matches:
        a, b = match.start() + shift + lead, match.end() + shift
        before = bisect_left(starts, b)  # known[:before] start before the match ends
        if not (before and reach[before - 1] > a):
            outside.append(match)
    return outside


def _atoms(text: str, start: int, end: int, grammar: FigureGrammar,
           excluded: Excluded) -> list[_Atom]:
    atoms: list[_Atom] = []
    found, shift, lead = grammar.scan.finditer_after_separator(text, start, end)
    matches = list(found)
    if not matches:  # most sentences: the exclusions need not be looked for
        return atoms
    spans = excluded() if callable(excluded) else excluded
    if isinstance(spans, Exclusions):
        matches = _outside(spans.known, matches, shift, lead)
        if not matches:  # numbers of the dates alone: the others need not be looked for
            return atoms
        spans = spans.search()  # (the matches left touch no known span)
    starts, reach = _reach(spans) if spans else ([], [])  # (most sentences have none)
    for match in matches:
        a, b = match.start() + shift + lead, match.end() + shift
        if starts:
            before = bisect_left(starts, b)  # spans[:before] start before the match ends
            if before and reach[before - 1] > a:  # one of them ends after it starts: overlap
                continue
        # the branch that matched: its group closes last (a scale's after the digits')
        kind = match.lastgroup
        if kind == "vague":
            low, high, bound = value_of(grammar.vague, match.group(kind))
            atoms.append(_Atom(a, b, low, high, bound, False, kind))
        elif kind == "words":
            value = parse_number_words(match.group(kind))
            atoms.append(_Atom(a, b, value, value, "exact", False, kind))
        else:
            digits = match.group("dig")
            # digits alone are read as written: no separator or decimal mark to rewrite
            value = float(digits) if digits.isdecimal() else float(grammar.plain(digits))
            factor = value_of(grammar.scales, match.group(kind)) if kind == "scale" else \
                value_of(grammar.glued_scales, match.group(kind)) if kind == "gscale" else 1.0
            atoms.append(_Atom(a, b, value * factor, value * factor, "exact", factor != 1.0,
                               "digits", factor))
    return atoms


def _range_with(text: str, first: _Atom, second: _Atom, grammar: FigureGrammar,
                line_start: int) -> bool:
    """Whether ``first`` and ``second`` are the two ends of one range."""
    if "vague" in (first.kind, second.kind):
        return False
    gap = text[first.end:second.start]
    unit = grammar.unit_after_re.match(gap) or grammar.glued.match(gap)
    if unit and text[second.end:second.end + len(unit.group(0))].lower() == \
            unit.group(0).lower():  # "5% to 10%", "15kHz and 17kHz": the unit said twice
        gap = gap[unit.end():]
    currency = grammar.currency_ending(gap)
    if currency:
        gap = gap[:currency.start()]
    if grammar.dash_gap.fullmatch(gap):
        return "\n" not in gap
    joined = grammar.word_gap.fullmatch(gap)
    if not joined:
        return False
    if joined.group("j").lower() in grammar.needs_opener:
        before = text[max(line_start, first.start - 14):first.start]
        currency = grammar.currency_ending(before)  # "between $62 and $68"
        return bool(grammar.opener_before.search(before[:currency.start()] if currency else before))
    return True


def find_figures(text: str, start: int = 0, end: int | None = None, lang: str = "en",
                 excluded: Excluded | None = None) -> list[Figure]:
    """Every figure in ``text[start:end]``, in order, skipping ``excluded`` spans (or the
    spans a function gives, called only when the text has a number at all).

    >>> [(f.low, f.high, f.bound) for f in find_figures("between 5,856 and 6,000 soldiers")]
    [(5856.0, 6000.0, 'range')]
    """
    grammar = _grammar(lang)
    end = len(text) if end is None else end
    atoms = _atoms(text, start, end, grammar, excluded or [])
    if not atoms:  # (most sentences)
        return []
    figures: list[Figure] = []
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        low, high, bound, last = atom.value, atom.high, atom.bound, atom
        if i + 1 < len(atoms) and _range_with(text, atom, atoms[i + 1], grammar, start):
            second = atoms[i + 1]
            first_value = atom.value
            if second.scaled and not atom.scaled and first_value <= second.value / second.factor:
                # "5 to 10 million": the scale is both ends'; "750,000 to 1 million": not
                first_value *= second.factor
            if first_value <= second.value:
                low, high, bound, last = first_value, second.value, "range", second
                i += 1
        figures.append(_finish(text, atom.start, last.end, low, high, bound, start, end,
                               grammar, vague=atom.kind == "vague",
                               spelled=atom.kind != "digits"))
        i += 1
    return _drop_conversions(figures)


def _finish(text: str, a: int, b: int, low: float, high: float, bound: str, lo: int, hi: int,
            grammar: FigureGrammar, *, vague: bool, spelled: bool) -> Figure:
    """Attach currency, unit, plus sign and bound words around the number words a..b."""
    unit: str | None = None
    written = text[a:b]
    before = text[max(lo, a - 30):a]
    currency = grammar.currency_ending(before)
    if currency:
        unit, factor = grammar.unit_before[currency.group("u")]
        a -= len(before) - currency.start()
        before = text[max(lo, a - 30):a]
    if b < hi and text[b] in grammar.plus_signs:
        plus = grammar.plus_after.match(text, b, hi)
        if plus and bound == "exact":
            bound, b = "at_least", plus.end()
    after = grammar.unit_after_re.match(text, b, hi)
    factor = 1.0
    if after and unit is None:
        form = (after.group("sym") or after.group("word")).lower()
        unit, factor = grammar.unit_after[form]
        b = after.end()
    if factor != 1.0:
        plain = grammar.plain(written)
        low, high = round_like(low * factor, plain), round_like(high * factor, plain)
    if bound == "exact" and b < hi and text[b].isspace():  # (the words after begin with one)
        bound_after = grammar.bound_after.match(text, b, hi)
        if bound_after:
            bound = value_of(grammar.bound_after_kind, bound_after.group("b"))
            b = bound_after.end()
    if bound in ("exact", "about") and grammar.may_end_in_bound(before):
        bound_before = grammar.bound_before.search(
            before, max(0, len(before.rstrip()) - grammar.bound_reach))
        if bound_before:
            kind = value_of(grammar.bound_kind, bound_before.group("b"))
            bound = kind if not vague else bound
            a -= len(before) - bound_before.start("b")
    # "8.2 million" is 8,200,000, not 8,199,999.999999999 (binary floats of a decimal times a scale)
    low, high = _clean(low), _clean(high)
    return Figure(a, b, low, high, bound, unit, vague=vague, spelled=spelled)


def _clean(value: float) -> float:
    """A value rid of the binary-float noise of decimal arithmetic: 12 significant digits (a
    whole number of at most 12 digits has none, and most figures are one)."""
    if value.__class__ is float and value.is_integer() and -1e12 < value < 1e12:
        return value
    return float(f"{value:.12g}")


def _drop_conversions(figures: list[Figure]) -> list[Figure]:
    """'41 square kilometres (16 sq mi)': the bracketed figure restates the first; keep one."""
    kept: list[Figure] = []
    for figure in figures:
        previous = kept[-1] if kept else None
        if (previous is not None and previous.unit is not None and figure.unit == previous.unit
                and 0 < figure.start - previous.end <= 3):
            continue
        kept.append(figure)
    return kept
