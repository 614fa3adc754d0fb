"""Shares of the people a measure counts: "40 per cent of those killed were civilians",
"two-thirds of the victims were women". Fractions in words become percent figures; a percent
figure followed by one of ``of_words`` and a word of a people-counting measure is that measure's,
in percent. All words come from ``lang/<code>/shares.toml`` and the measures' nouns and triggers.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from corroborate.extract.data import alternation, load_lang, raise_e202, trie_alternation
from corroborate.extract.folded import value_of
from corroborate.extract.lowered import holds_a_key, key_words
from corroborate.extract.numbers import Figure
from corroborate.extract.vocab import Vocab
from corroborate.langdata import LastLoaded, data_path, load_toml, merge_data, validated

__all__ = ["Shares", "find_fractions", "load_shares", "share_measure", "share_of_earlier"]


class _SharesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    unit: str = Field(min_length=1)
    of_words: list[str] = Field(min_length=1)
    back_references: list[str] = Field(min_length=1)
    fractions: dict[str, float] = Field(min_length=1)


@dataclass(frozen=True)
class Shares:
    unit: str  # the unit of a share's figures
    of_words: re.Pattern[str]  # matches right after a figure: " of those", " of the"
    fractions: dict[str, float]
    fraction: re.Pattern[str]
    # a word of every fraction, lower-cased: a lowered sentence holding none has no fraction
    fraction_keys: tuple[str, ...]
    back_reference: re.Pattern[str]  # matches right after of_words: "them"


_LAST_SHARES: LastLoaded[Shares] = LastLoaded()  # asked every sentence


def load_shares(code: str = "en") -> Shares:
    """The share words of one language, validated and compiled once."""
    return _LAST_SHARES.get((code,), _load_shares)


@lru_cache(maxsize=8)
def _load_shares(code: str, _dirs: tuple[str, ...]) -> Shares:
    raw = merge_data(load_toml("lang", "base", "shares.toml"), load_toml("lang", code, "shares.toml"))
    found = validated(_SharesFile, raw, data_path("lang", code, "shares.toml"))
    if found.unit not in load_lang(code).units:
        raise_e202(f"unit: {found.unit!r} is not a unit of units.toml", "shares.toml", code)
    fractions = {k.lower(): v for k, v in found.fractions.items()}
    return Shares(
        unit=found.unit,
        of_words=re.compile(r"\s+(?:" + alternation(found.of_words) + r")\s+", re.IGNORECASE),
        fractions=fractions,
        # scanned over every sentence: a trie whose few first letters are consumed first, so
        # the engine skips to them (``scan_first``)
        fraction=re.compile(trie_alternation(list(fractions), scan_first=True, ignorecase=True),
                            re.IGNORECASE),
        back_reference=re.compile(alternation(found.back_references), re.IGNORECASE),
        fraction_keys=key_words(fractions),
    )


def find_fractions(vocab: Vocab, text: str, start: int, end: int,
                   figures: list[Figure]) -> list[Figure]:
    """The figures with the fractions in words that come before a share's words ("two-thirds of
    the victims") among them, as percent figures, in text order."""
    shares = load_shares(vocab.lang.code)
    # the sentence lowered for the figures already (its few characters before the span may hold
    # a key: the search then finds nothing)
    if not holds_a_key(text, start, end, shares.fraction_keys):
        return figures
    starts = [f.start for f in figures]
    found = []
    for match in shares.fraction.finditer(text, start, end):
        a, b = match.span()
        inside = bisect_right(starts, a) - 1  # figures never overlap
        if inside >= 0 and a < figures[inside].end:
            continue
        if not shares.of_words.match(text, b, end):
            continue
        value = value_of(shares.fractions, text[a:b])
        found.append(Figure(a, b, value, value, "exact", shares.unit, spelled=True))
    return sorted(figures + found, key=lambda f: f.start) if found else figures


def share_measure(vocab: Vocab, text: str, figure: Figure, limit: int) -> tuple[str, int] | None:
    """The people-counting measure a percent figure is a share of, and where its word ends:
    "40% of those killed" -> ("killed", end of "killed")."""
    if figure.unit is None:  # most figures: no share (a share's unit is a name)
        return None
    shares = load_shares(vocab.lang.code)
    if figure.unit != shares.unit:
        return None
    of = shares.of_words.match(text, figure.end, limit)
    if of is None:
        return None
    word = vocab.np_pattern.match(text, of.end(), limit) or \
        vocab.trigger_pattern.match(text, of.end(), limit)
    if word is None:
        return None
    key = word.group(0).lower()
    measures = [value for category, value in vocab.np_words.get(key, [])
                if category == "measure_noun"] or list(vocab.triggers.get(key, []))
    counted = [m for m in measures if vocab.measure_unit[m].counts_people]
    return (counted[0], word.end()) if counted else None


def share_of_earlier(vocab: Vocab, text: str, figure: Figure, limit: int) -> int | None:
    """Where "of them" ends after a percent figure ("82% of them were ethnic Albanians"): a share
    of what the sentence counted before; None when the figure is no such share."""
    if figure.unit is None:
        return None
    shares = load_shares(vocab.lang.code)
    if figure.unit != shares.unit:
        return None
    of = shares.of_words.match(text, figure.end, limit)
    back = None if of is None else shares.back_reference.match(text, of.end(), limit)
    return None if back is None else back.end()
