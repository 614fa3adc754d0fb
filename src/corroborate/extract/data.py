"""Language data for the extractor: loaded, merged (base < language), validated, compiled (the
gazetteer's, ``gazetteer_data``, imported from here as before).

Every word the extractor knows comes from here; the other modules hold grammar, not vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

# the gazetteer's loaders live apart and are imported from here as before, with its schemas:
# every data file's schema is in reach here (their keys are the identifiers the engine names)
from corroborate.extract.gazetteer_data import (  # noqa: F401
    Gazetteer,
    _Actor,
    _Actors,
    _Place,
    _Places,
    _Scope,
    _Sides,
    load_gazetteer,
    load_scopes,
)
from corroborate.extract.tries import alternation, trie_alternation
from corroborate.langdata import data_dirs, data_path, load_toml, merge_data, validated

__all__ = ["Gazetteer", "Lang", "Unit", "alternation", "load_gazetteer", "load_lang", "load_names",
           "load_scopes", "trie_alternation"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Unit(_Strict):
    canonical: str | None = None
    factor: float | None = None
    before: list[str] = []
    after: list[str] = []
    # what a figure of a measure in this unit does (measures.toml gives each measure a unit)
    counts_people: bool = False  # needs a people noun, a trigger beside it or a vague amount
    counted_by_noun: bool = False  # a measure noun after the figure names the measure ("72 tanks")
    one_by_article: bool = False  # "a tank was destroyed": an article before its noun is one
    takes_side_before: bool = False  # a side word before the figure is its side
    side_carries_over: bool = False  # a later clause of the sentence keeps the earlier side
    keeps_group: bool = False  # its claims keep a group (soldiers, civilians; for, against)


Unit = _Unit


class _Units(_Strict):
    units: dict[str, _Unit]


class _Symbols(_Strict):
    range_dashes: list[str]
    plus_signs: list[str]
    thousands_separators: list[str]
    decimal_marks: list[str]


class _Numbers(_Strict):
    words: dict[str, int]
    multipliers: dict[str, int]
    scales: dict[str, float]
    joiners: list[str]
    vague: dict[str, tuple[float, float, str]]
    indefinite_articles: list[str]
    glued_scales: dict[str, float] = {}  # written right after the digits only: "25k", "$13.6M"
    glued_suffixes: list[str] = []  # units outside the contract that may touch digits: "256GB"


class _BoundWords(_Strict):
    at_least: list[str] = []
    at_most: list[str] = []
    about: list[str] = []


class _RangeWords(_Strict):
    openers: list[str]
    joiners: list[str]
    joiners_without_opener: list[str] = []  # "28,000 to 38,000"; the others need "between"


class _Bounds(_Strict):
    before: _BoundWords
    after: _BoundWords
    range: _RangeWords


class _Measure(_Strict):
    unit: str
    also_units: list[str] = []  # other units a figure of it may be in, kept on the claim ("gbp")
    nouns: list[str]
    triggers: list[str] = Field(min_length=1)
    # triggers only when a name follows: "24,000 Roma left Kosovo" (not "left 30 dead")
    name_triggers: list[str] = []
    requires_trigger: bool = False
    any_figure_with_unit: bool = False
    timeless: bool = False
    has_side: bool = True
    possessor: Literal["side", "place"] = "side"


class _Measures(_Strict):
    measures: dict[str, _Measure]
    groups: dict[str, list[str]]
    people_nouns: list[str]
    clause_breaks: list[str] = Field(min_length=1)
    not_counts_after: list[str]
    possessives: list[str] = []
    side_phrases: list[str] = []
    owner_phrases: list[str] = []
    relative_markers: list[str] = []
    place_prepositions: list[str] = []
    place_articles: list[str] = []
    reference_prepositions: list[str] = []  # "Koriša, near Prizren": Prizren only locates it
    restating_asides: list[str] = []  # "12,000 deaths (range 5,500–18,300)": the same measure
    done_to: list[str] = []  # verbs whose subject did it to those counted ("killing")
    np_fillers: list[str] = []
    coordinators: list[str] = []
    as_of_publication: list[str] = []  # "X remain missing": an undated figure stands at publication
    people_groups: list[str] = []  # groups of people a singular noun counts as one ("a civilian")
    plural_endings: list[str] = Field(min_length=1)  # a noun without one is singular
    of_words: list[str] = []  # "a result of the ...": an article before such a phrase is no "one"


class _Exclusions(_Strict):
    patterns: list[str]

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, value: list[str]) -> list[str]:
        for pattern in value:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"pattern {pattern!r} does not compile: {exc}") from exc
        return value


class _Dates(_Strict):
    months: dict[str, list[str]]
    seasons: dict[str, tuple[int, int]]
    year_parts: dict[str, tuple[int, int]]
    range_openers: list[str]
    range_joiners: list[str]
    range_joiners_after_opener: list[str]
    list_joiners: list[str]
    respectively: list[str]
    fillers: list[str]
    ordinal_suffixes: list[str] = []  # "27th": a day's number may take one
    decade_suffixes: list[str] = []  # "the 1990s": a year may take one
    not_context_before: list[str] = []
    not_event_date_before: list[str] = []
    # words before a month alone that make it a date of the context's year ("in May")
    month_openers: list[str] = []
    # words before a date that open a span from it: "have died since 1982" is from 1982 on
    open_start_before: list[str] = []
    # relative dates: read against the publication date or the last date named
    weekdays: dict[str, list[str]] = {}
    days_from_published: dict[str, int] = {}
    periods_from_published: dict[str, tuple[Literal["week", "month", "year"], int]] = {}
    days_from_previous: dict[str, int] = {}
    counted_units: dict[str, int] = {}
    counted_later: list[str] = []
    counted_earlier: list[str] = []


class _EventType(_Strict):
    triggers: list[str] = Field(min_length=1)
    heading_triggers: list[str] = []
    place_before: bool = False
    lists_places: bool = False  # "captured Agdam, Fizuli and Jabrayil": a place list, no country
    objects: list[str] = []
    list_triggers: list[str] = []


class _Events(_Strict):
    events: dict[str, _EventType]
    place_list_fillers: list[str] = []  # words between listed places ("Agdam and Fizuli districts")
    named_by_place: list[str] = []  # triggers a town right before names ("the Minsk Protocol")


class _Names(_Strict):
    common_words: list[str] = Field(min_length=1)
    side_nouns: list[str] = Field(min_length=1)
    name_heads: list[str] = []
    sentence_openers: list[str] = []


@dataclass(frozen=True)
class Names:
    common_words: frozenset[str]
    side_nouns: frozenset[str]
    name_heads: frozenset[str] = frozenset()
    sentence_openers: frozenset[str] = frozenset()


def _load(name: str, lang: str) -> dict[str, object]:
    return merge_data(load_toml("lang", "base", name), load_toml("lang", lang, name))


@dataclass(frozen=True)
class Lang:
    """One language's compiled data."""

    code: str
    units: dict[str, _Unit]
    symbols: _Symbols
    numbers: _Numbers
    bounds: _Bounds
    measures: _Measures
    dates: _Dates
    events: _Events
    exclusions: _Exclusions


def load_lang(code: str = "en") -> Lang:
    """The language's data, validated; a broken file is one E202 line naming file, key, reason."""
    return _load_lang(code, data_dirs())


@lru_cache(maxsize=8)
def _load_lang(code: str, _dirs: tuple[str, ...]) -> Lang:
    def check(model: type[BaseModel], name: str) -> BaseModel:
        return validated(model, _load(name, code), data_path("lang", code, name))

    units = check(_Units, "units.toml")
    assert isinstance(units, _Units)
    for name, unit in units.units.items():
        if unit.canonical is None or unit.factor is None:
            raise_e202(f"units.{name}: canonical and factor are required", "units.toml", code)
    symbols = check(_Symbols, "symbols.toml")
    numbers = check(_Numbers, "numbers.toml")
    bounds = check(_Bounds, "bounds.toml")
    measures = check(_Measures, "measures.toml")
    dates = check(_Dates, "dates.toml")
    events = check(_Events, "events.toml")
    exclusions = check(_Exclusions, "exclusions.toml")
    assert isinstance(measures, _Measures)
    for name, measure in measures.measures.items():
        for accepted in (measure.unit, *measure.also_units):
            if accepted not in units.units:
                raise_e202(f"measures.{name}: unit {accepted!r} is not in units.toml",
                           "measures.toml", code)
    assert isinstance(symbols, _Symbols) and isinstance(numbers, _Numbers)
    assert isinstance(bounds, _Bounds) and isinstance(measures, _Measures)
    assert isinstance(dates, _Dates) and isinstance(events, _Events)
    assert isinstance(exclusions, _Exclusions)
    return Lang(code, units.units, symbols, numbers, bounds, measures, dates, events, exclusions)


def raise_e202(reason: str, name: str, code: str) -> None:
    from corroborate.errors import CorroborateError, E

    raise CorroborateError(E.E202, data_path("lang", code, name), reason=reason)


def load_names(code: str = "en") -> Names:
    """The language's capitalised common words (never a place alone) and the nouns beside which
    a demonym names a side (lang/<code>/names.toml)."""
    return _load_names(code, data_dirs())


@lru_cache(maxsize=8)
def _load_names(code: str, _dirs: tuple[str, ...]) -> Names:
    names = validated(_Names, load_toml("lang", code, "names.toml"),
                      data_path("lang", code, "names.toml"))
    return Names(frozenset(names.common_words), frozenset(w.lower() for w in names.side_nouns),
                 frozenset(names.name_heads), frozenset(names.sentence_openers))
