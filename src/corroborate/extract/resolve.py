"""Names to canonical places and actors through the gazetteer, keeping the words as written."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from corroborate.extract.data import alternation, load_gazetteer
from corroborate.langdata import data_dirs

__all__ = ["Mention", "find_actors", "find_places", "place_hierarchy", "place_kind"]


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    canonical: str
    written: str
    role: str  # place | name | adjective | people


class _Matcher:
    def __init__(self, forms: dict[str, tuple[str, str]]) -> None:
        self.forms = forms
        self.pattern = re.compile(alternation(list(forms)))

    def find(self, text: str, start: int, end: int) -> list[Mention]:
        found = []
        for match in self.pattern.finditer(text, start, end):
            canonical, role = self.forms[match.group(0)]
            found.append(Mention(match.start(), match.end(), canonical, match.group(0), role))
        return found


def _places() -> _Matcher:
    return _cached_places(data_dirs())


@lru_cache(maxsize=8)
def _cached_places(_dirs: tuple[str, ...]) -> _Matcher:
    forms: dict[str, tuple[str, str]] = {}
    for name, place in load_gazetteer().places.items():
        for form in (name, *place.aliases, *place.as_region):
            forms.setdefault(form, (name, "place"))
    return _Matcher(forms)


def _actors() -> _Matcher:
    return _cached_actors(data_dirs())


@lru_cache(maxsize=8)
def _cached_actors(_dirs: tuple[str, ...]) -> _Matcher:
    forms: dict[str, tuple[str, str]] = {}
    for name, actor in load_gazetteer().actors.items():
        for role, words in (("name", [name, *actor.names]), ("adjective", actor.adjectives),
                            ("people", actor.people)):
            for form in words:
                forms.setdefault(form, (name, role))
    return _Matcher(forms)


def find_places(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Place names in the span, longest alias first.

    >>> [(m.canonical, m.written) for m in find_places("Khankandi and Shushi")]
    [('Stepanakert', 'Khankandi'), ('Shusha', 'Shushi')]
    """
    return _places().find(text, start, len(text) if end is None else end)


def find_actors(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Actor names, adjectives and people words in the span ("Karabakh Armenian" -> Artsakh)."""
    return _actors().find(text, start, len(text) if end is None else end)


def place_kind(name: str) -> str | None:
    place = load_gazetteer().places.get(name)
    return None if place is None else place.kind


def place_hierarchy() -> dict[str, str]:
    """Each gazetteer place that lies within a larger one, mapped to it (Shusha -> Nagorno-Karabakh)."""
    return {name: place.within for name, place in load_gazetteer().places.items()
            if place.within is not None}
