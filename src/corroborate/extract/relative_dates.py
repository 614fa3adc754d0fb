"""Relative dates: "on Saturday", "yesterday", "last week" against the source's publication date;
"the following day", "two days later" against the last date the text named (#9 item 4).

Every word comes from ``dates.toml`` (weekdays, days and periods from publication, days from the
last date, counted units); the grammar is here. A relative date whose anchor is unknown, or not
precise enough (a weekday needs a publication day), is dropped, never guessed.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from corroborate.extract.data import Lang, alternation, load_lang, trie_alternation
from corroborate.extract.dates import DateMention
from corroborate.extract.folded import value_of
from corroborate.extract.lowered import LoweredGrammar, holds_a_key
from corroborate.langdata import LastLoaded
from corroborate.text.guard import guarded

__all__ = ["find_relative_dates", "parse_day"]


class _Grammar:
    def __init__(self, lang: Lang, *, lead_guard: bool = True) -> None:
        d = lang.dates
        self.weekday = {w.lower(): int(n) for n, names in d.weekdays.items() for w in names}
        self.published_days = {k.lower(): v for k, v in d.days_from_published.items()}
        self.periods = {k.lower(): v for k, v in d.periods_from_published.items()}
        self.previous_days = {k.lower(): v for k, v in d.days_from_previous.items()}
        self.units = {k.lower(): v for k, v in d.counted_units.items()}
        self.sign = {**{w.lower(): 1 for w in d.counted_later},
                     **{w.lower(): -1 for w in d.counted_earlier}}
        self.number_words = {k.lower(): v for k, v in lang.numbers.words.items()}
        self.number_words.update({a.lower(): 1 for a in lang.numbers.indefinite_articles})
        parts = []
        if self.weekday:
            parts.append(rf"(?P<weekday>{alternation(list(self.weekday))})")
        if self.published_days:
            parts.append(rf"(?P<pub>{alternation(list(self.published_days))})")
        if self.periods:
            parts.append(rf"(?P<period>{alternation(list(self.periods))})")
        if self.previous_days:
            parts.append(rf"(?P<prev>{alternation(list(self.previous_days))})")
        if self.units and self.sign:
            count = alternation(list(self.number_words))
            parts.append(rf"(?P<counted>(?P<n>\d{{1,2}}|{count})\s+(?P<unit>"
                         rf"{alternation(list(self.units))})\s+(?P<sign>"
                         rf"{alternation(list(self.sign))})\b)")
        # Every match begins with a digit or a whole word of its own: checked before the
        # branches are entered (a search runs in every sentence that holds a key word).
        lead = [*self.weekday, *self.published_days, *self.periods, *self.previous_days,
                *self.number_words]
        starts = rf"(?=\d|{trie_alternation(lead)})" if lead_guard and lead else ""
        # and its twin run over the lowered sentence (``lowered``)
        self.scan = LoweredGrammar(guarded(starts + "(?:" + "|".join(parts) + ")",
                                           re.IGNORECASE)) if parts else None
        self.pattern = None if self.scan is None else self.scan.blind
        # every relative date holds one of these words: a segment with none is not searched
        phrases = [*self.weekday, *self.published_days, *self.periods, *self.previous_days]
        self.keys = tuple({p.split()[-1] for p in phrases} | set(self.units))
        # a text holds a key if it holds one of those holding no other ("day" is in "friday",
        # "days", "today"): a few substring tests, cheaper than one search of them all (their
        # first letters are most letters)
        self.key_parts = tuple(sorted(k for k in self.keys
                                      if not any(o != k and o in k for o in self.keys)))


@lru_cache(maxsize=8)
def _cached_grammar(code: str, _dirs: tuple[str, ...]) -> _Grammar:
    return _Grammar(load_lang(code))


_LAST_GRAMMAR: LastLoaded[_Grammar] = LastLoaded()  # asked every sentence


def _grammar(code: str) -> _Grammar:
    return _LAST_GRAMMAR.get((code,), _cached_grammar)


def parse_day(iso: str | None) -> date | None:
    """A day from an ISO 8601 prefix that names one ("1982-06-14"); None for a year or month."""
    if iso is None or len(iso) != 10:
        return None
    try:
        return date.fromisoformat(iso)
    except ValueError:
        return None


def _period(kind: str, offset: int, day: date) -> tuple[str, str]:
    if kind == "week":
        monday = day - timedelta(days=day.weekday()) + timedelta(weeks=offset)
        return monday.isoformat(), (monday + timedelta(days=6)).isoformat()
    if kind == "month":
        months = day.year * 12 + day.month - 1 + offset
        iso = f"{months // 12:04d}-{months % 12 + 1:02d}"
        return iso, iso
    iso = f"{day.year + offset:04d}"
    return iso, iso


def _period_of_year(kind: str, offset: int, published: str) -> tuple[str, str] | None:
    """A month or year period needs only the publication's month or year."""
    if kind == "year" and len(published) >= 4:
        iso = f"{int(published[:4]) + offset:04d}"
        return iso, iso
    if kind == "month" and len(published) >= 7:
        return _period(kind, offset, date(int(published[:4]), int(published[5:7]), 1))
    return None


def find_relative_dates(text: str, start: int, end: int, lang: str, published: str | None,
                        previous: str | None, named: list[DateMention]) -> list[DateMention]:
    """Relative dates in ``text[start:end]``, as dates (``year_given`` True: they are exact).

    ``previous`` is the last day named before the span; ``named`` the span's own dates (a day
    named earlier in the sentence anchors "two days later" after it).

    >>> [(d.start_iso, d.end_iso) for d in find_relative_dates(
    ...     "Stanley fell on Monday evening.", 0, 31, "en", "1982-06-16", None, [])]
    [('1982-06-14', '1982-06-14')]
    """
    g = _grammar(lang)
    if g.scan is None or not g.key_parts:
        return []
    # the lowered sentence the date and figure grammars read too (or the span folded as the
    # engine matches it, if it could not be lowered)
    if not holds_a_key(text, start, end, g.key_parts):
        return []
    anchor = parse_day(published)
    found: list[DateMention] = []
    matches, shift = g.scan.finditer(text, start, end)
    for match in matches:
        a, b = match.start() + shift, match.end() + shift
        if any(d.start < b and a < d.end for d in named):
            continue
        span: tuple[str, str] | None = None
        if match.group("weekday") and anchor is not None:
            back = (anchor.weekday() - value_of(g.weekday, match.group("weekday"))) % 7
            day = (anchor - timedelta(days=back)).isoformat()
            span = (day, day)
        elif match.group("pub") and anchor is not None:
            day = (anchor + timedelta(days=value_of(g.published_days, match.group("pub")))).isoformat()
            span = (day, day)
        elif match.group("period") and published:
            kind, offset = value_of(g.periods, match.group("period"))
            span = _period(kind, offset, anchor) if anchor is not None else \
                _period_of_year(kind, offset, published)
        elif match.group("prev") or match.group("counted"):
            earlier = sorted((d for d in [*named, *found] if d.end <= a), key=lambda d: d.end)
            base = parse_day(earlier[-1].end_iso if earlier else previous)
            if base is None:
                continue
            if match.group("prev"):
                days = value_of(g.previous_days, match.group("prev"))
            else:
                n = match.group("n")
                count = int(n) if n.isdigit() else value_of(g.number_words, n)
                days = count * value_of(g.units, match.group("unit")) * \
                    value_of(g.sign, match.group("sign"))
            day = (base + timedelta(days=days)).isoformat()
            span = (day, day)
        if span is not None:
            found.append(DateMention(a, b, span[0], span[1], True))
    return found
