"""The figure grammar: the patterns ``numbers`` reads figures with (digits, number words, vague
amounts, scales, units, bounds, range gaps), built from the language data once per language."""

from __future__ import annotations

import re

from corroborate.extract.data import Lang, alternation, trie_alternation
from corroborate.extract.lowered import LoweredGrammar, all_end_in, lowered_word
from corroborate.text.guard import guarded

__all__ = ["FigureGrammar"]

# A figure is at most this long: a run of 200,000 digits or number words is no count, and an
# unbounded one would make one figure (and its claim's evidence) as long as the text.
_MAX_DIGITS = 15
_MAX_GROUPS = 5  # thousands groups: 999,999,999,999,999
_MAX_WORDS = 15  # "two hundred and fifty-three thousand ..."


class FigureGrammar:
    """The patterns and word tables of one language's figures."""

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
            re.IGNORECASE),
            # every match ends with a digit or a data word
            after_separator=all_end_in([*self.words, *self.multipliers, *self.vague,
                                        *self.scales, *self.glued_scales], r"[\w]"))
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
