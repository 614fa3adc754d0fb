"""Figures in text: digits, number words, vague amounts, ranges, bounds, scales and units -> values.

The grammar is here; every word it knows (number words, scale words, bound words, units) comes from
the language data.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from corroborate.extract.data import Lang, alternation, load_lang, trie_alternation
from corroborate.extract.folded import value_of
from corroborate.extract.lowered import LoweredGrammar, lowered_word
from corroborate.langdata import data_dirs
from corroborate.text.guard import guarded

__all__ = ["Figure", "find_figures", "parse_number_words", "round_like"]


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


# A figure is at most this long: a run of 200,000 digits or number words is no count, and an
# unbounded one would make one figure (and its claim's evidence) as long as the text.
_MAX_DIGITS = 15
_MAX_GROUPS = 5  # thousands groups: 999,999,999,999,999
_MAX_WORDS = 15  # "two hundred and fifty-three thousand ..."
_WORD_BREAK = re.compile(r"[\s-]+")


class _Grammar:
    def __init__(self, lang: Lang, *, lead_guard: bool = True) -> None:
        numbers = lang.numbers
        self.words = {k.lower(): v for k, v in numbers.words.items()}
        self.multipliers = {k.lower(): v for k, v in numbers.multipliers.items()}
        self.scales = {k.lower(): v for k, v in numbers.scales.items()}
        self.vague = {k.lower(): v for k, v in numbers.vague.items()}
        # tries: the engine enters every branch of a case-blind alternation, a trie's by letter
        word = trie_alternation([*self.words, *self.multipliers], words=False)
        mult = list(self.multipliers)
        and_after_multiplier = "(?:" + "|".join(f"(?<={re.escape(m)})" for m in mult) + ")"
        joiners = alternation(numbers.joiners, words=False)
        scales = trie_alternation(list(self.scales), words=False)
        self.glued_scales = {k.lower(): v for k, v in numbers.glued_scales.items()}
        glued_scales = alternation(list(self.glued_scales) or ["(?!)"], words=False)
        unit_forms = [f.lower() for unit in lang.units.values() for f in unit.after]
        # what may touch the digits and leave them a number: "256GB", "24pc", "5km2"
        self.glued = re.compile(
            rf"(?:{_blind_trie([*numbers.glued_suffixes, *unit_forms])})(?![\w])",
            re.IGNORECASE)
        end = r"(?![\w/]|[.,]\d)"
        ends = rf"(?:{end}|(?={self.glued.pattern}))"
        # thousands groups: "28,000", "28 000" (one separator per figure; a first group of one
        # to three digits, so "in 1992 2,000" stays a year and a count)
        seps = lang.symbols.thousands_separators
        grouped = "|".join(rf"\d{{1,3}}(?:{re.escape(sep)}\d{{3}}){{1,{_MAX_GROUPS}}}"
                           for sep in seps)
        self.separator = re.compile(rf"(?<=\d)(?:{alternation(seps, words=False)})(?=\d)")
        self.decimal_marks = lang.symbols.decimal_marks
        decimal = alternation(self.decimal_marks, words=False)
        # Every match begins, after no word character, with a digit or a whole number or
        # vague word: checked before the branches are entered, as most words start with a
        # letter some number word starts with.
        lead = trie_alternation([*self.words, *self.multipliers, *self.vague], words=False)
        starts = rf"(?=\d|{lead}(?![\w]))" if lead_guard else ""
        # behind a lookahead on its first characters: scanned over every sentence (the look
        # behind first: a position inside a word is then left at once)
        # (and a twin of it run over the lower-cased sentence: ``lowered``)
        self.scan = LoweredGrammar(r"(?<![\w])" * lead_guard + guarded(
            rf"{starts}(?:(?P<vague>{trie_alternation(list(self.vague))})"
            rf"|(?<![\w/.,§])(?<![A-Za-z]-)"
            rf"(?P<dig>(?:{grouped}|\d{{1,{_MAX_DIGITS}}})"
            rf"(?:{decimal}\d{{1,{_MAX_DIGITS}}})?)"
            rf"(?:\s?(?P<scale>{scales}){ends}|(?P<gscale>{glued_scales}){end}|{ends})"
            rf"|(?<![\w-])(?P<words>{word}(?:(?:\s+|-|{and_after_multiplier}\s+{joiners}\s+){word}){{0,{_MAX_WORDS}}})"
            rf"(?![\w-]))",
            re.IGNORECASE))
        self.atom = self.scan.blind
        dashes = "".join(re.escape(d) for d in lang.symbols.range_dashes)
        range_joiners = alternation(lang.bounds.range.joiners, words=False)
        self.dash_gap = re.compile(rf"\s*[{dashes}]\s*$")
        self.word_gap = re.compile(rf"\s+(?P<j>{range_joiners})\s+$", re.IGNORECASE)
        self.opener_before = re.compile(
            rf"(?:^|\s|\()(?P<o>{alternation(lang.bounds.range.openers, words=False)})\s+$",
            re.IGNORECASE)
        self.needs_opener = {j.lower() for j in lang.bounds.range.joiners} - \
            {j.lower() for j in lang.bounds.range.joiners_without_opener}
        unit_before: dict[str, tuple[str, float]] = {}
        unit_after: dict[str, tuple[str, float]] = {}
        for unit in lang.units.values():
            assert unit.canonical is not None and unit.factor is not None
            for form in unit.before:
                unit_before[form] = (unit.canonical, unit.factor)
            for form in unit.after:
                unit_after[form.lower()] = (unit.canonical, unit.factor)
        self.unit_before = unit_before
        self.unit_after = unit_after
        # searched in the 30 characters before every figure, but a match ends at their end
        # (but for a space and a line break): searched from where the longest form could begin
        self.currency_before = re.compile(rf"(?P<u>{trie_alternation(list(unit_before), words=False)})"
                                          r"\s?$")
        self.currency_reach = 2 + max(map(len, unit_before))
        # a match ends within the last three characters (a space, and "$" before a final line
        # break, may follow it): a text whose last three hold no form's last character holds none
        self.currency_last = frozenset(form[-1] for form in unit_before)
        symbol_units = [u for u in unit_after if not u[0].isalpha()]
        word_units = [u for u in unit_after if u[0].isalpha()]
        # matched after every figure: tries (a case-blind alternation's every branch is entered)
        self.unit_after_re = re.compile(
            rf"(?:\s?(?P<sym>{_blind_trie(symbol_units)})"
            rf"|\s?(?P<word>{_blind_trie(word_units)})(?![\w]))",
            re.IGNORECASE)
        self.plus_signs = frozenset("".join(lang.symbols.plus_signs))  # (a class of them)
        plus = "".join(re.escape(p) for p in lang.symbols.plus_signs)
        self.plus_after = re.compile(rf"[{plus}](?![\w])")
        bounds_before = [(p, kind) for kind in ("at_least", "at_most", "about")
                         for p in getattr(lang.bounds.before, kind)]
        self.bound_kind = {p.lower(): kind for p, kind in bounds_before}
        self.bound_before = re.compile(
            rf"(?:^|(?<=[\s(\"“]))(?P<b>{_blind_trie([p for p, _ in bounds_before])})"
            r"\s+$", re.IGNORECASE)
        # a match ends where the trailing spaces begin: searched from the longest word before
        self.bound_reach = max(len(p) for p, _ in bounds_before)
        # what lowered text ending in a bound word ends with (an ASCII text is searched only
        # if it ends so)
        self.bound_endings = tuple(lowered_word(p).rstrip() for p, _ in bounds_before)
        bounds_after = [(p, kind) for kind in ("at_least", "at_most", "about")
                        for p in getattr(lang.bounds.after, kind)]
        self.bound_after_kind = {p.lower(): kind for p, kind in bounds_after}
        self.bound_after = re.compile(
            rf"\s+(?P<b>{_blind_trie([p for p, _ in bounds_after])})(?![\w])",
            re.IGNORECASE)
        self.parenthesis = re.compile(r"\s*\(([^()\n]{1,40})\)")


    def currency_ending(self, text: str) -> re.Match[str] | None:
        """The currency form that ends ``text`` (but for a space), searched from where the
        longest could begin."""
        if self.currency_last.isdisjoint(text[-3:]):
            return None
        return self.currency_before.search(text, max(0, len(text) - self.currency_reach))

    def may_end_in_bound(self, before: str) -> bool:
        """Whether ``before`` may end in a bound word and spaces (``bound_before``): it ends
        in a space, and, in ASCII, its lowered words end with one."""
        if not before or not before[-1].isspace():
            return False
        return not before.isascii() or before.rstrip().lower().endswith(self.bound_endings)

    def plain(self, written: str) -> str:
        """Digits as Python reads them: no thousands separators, "." as the decimal mark."""
        plain = self.separator.sub("", written)
        for mark in self.decimal_marks:
            plain = plain.replace(mark, ".")
        return plain


def _blind_trie(phrases: list[str]) -> str:
    """A trie of phrases for a case-blind pattern (no word boundaries)."""
    return trie_alternation(phrases, words=False, ignorecase=True)


# the last grammar asked for, by the data folders' tuple (the same object while they are
# unchanged): asked once or more a sentence, where an ``lru_cache`` call hashes its key tuple
_last_grammar: tuple[str, tuple[str, ...], _Grammar] | None = None


def _grammar(code: str) -> _Grammar:
    global _last_grammar
    dirs, last = data_dirs(), _last_grammar
    if last is not None and last[1] is dirs and last[0] == code:
        return last[2]
    grammar = _cached_grammar(code, dirs)
    _last_grammar = (code, dirs, grammar)
    return grammar


@lru_cache(maxsize=8)
def _cached_grammar(code: str, _dirs: tuple[str, ...]) -> _Grammar:
    return _Grammar(load_lang(code))


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


# spans that are no figures, or a function that finds them (called only if there is a number)
Excluded = list[tuple[int, int]] | Callable[[], list[tuple[int, int]]]


def _atoms(text: str, start: int, end: int, grammar: _Grammar,
           excluded: Excluded) -> list[_Atom]:
    atoms: list[_Atom] = []
    found, shift = grammar.scan.finditer(text, start, end)
    matches = list(found)
    if not matches:  # most sentences: the exclusions need not be looked for
        return atoms
    spans = excluded() if callable(excluded) else excluded
    starts: list[int] = []
    reach: list[int] = []  # reach[i]: the furthest end of spans[:i + 1]
    if spans:  # (most sentences have none)
        spans = sorted(spans)
        starts = [s for s, _e in spans]
        for _s, e in spans:
            reach.append(max(e, reach[-1]) if reach else e)
    for match in matches:
        a, b = match.start() + shift, match.end() + shift
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


def _range_with(text: str, first: _Atom, second: _Atom, grammar: _Grammar,
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
            grammar: _Grammar, *, vague: bool, spelled: bool) -> Figure:
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
