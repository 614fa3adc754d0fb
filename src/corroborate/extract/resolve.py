"""Names to canonical places and actors through the gazetteer, keeping the words as written.

Places come from two matchers. The overlays (places.toml, regions.toml, sites.toml: a few hundred
names) are one regex, as before. The world gazetteer (``world.py``: about 150,000 names) is never a
regex: each run of capitalised words is looked up in a dict, longest first, so matching stays
linear. A world name is a place only when it stands alone as a proper name (not inside a longer
run of capitalised words, not a common word: ``lang/<code>/names.toml``) and one of its places is
either in the countries the document is about (smaller places too, first country first) or large
enough to be meant anywhere (``world.toml``), the most populous first.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from corroborate.extract.data import alternation, load_gazetteer, load_names, load_scopes
from corroborate.extract.vocab import load_vocab
from corroborate.extract.world import Place, load_world, world_settings
from corroborate.langdata import data_dirs

__all__ = ["DocumentScope", "Mention", "document_scope", "find_actors", "find_places",
           "place_hierarchy", "place_kind"]

# Characters of a document read for the countries it names most, when its conflict gives none.
SAMPLE = 200_000
_GAP = re.compile(r"[ \t]+")
_WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    canonical: str
    written: str
    role: str  # place | name | adjective | people
    country: str | None = None  # ISO 3166-1 alpha-2, for a place
    point: tuple[float, float] | None = None  # (lon, lat), for a place


@dataclass(frozen=True)
class DocumentScope:
    """What a document is about: its countries (main theatre first) and how its conflict reads
    side words ({canonical: side} for adjectives and for people words)."""

    countries: tuple[str, ...] = ()
    adjectives: dict[str, str] = field(default_factory=dict)
    people: dict[str, str] = field(default_factory=dict)


NOWHERE = DocumentScope()


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


def document_scope(conflict: str | None, text: str = "") -> DocumentScope:
    """The countries and side readings of a document's conflict; a document of no known
    conflict is about the (at most two) countries it names most."""
    scope = load_scopes().get(conflict or "")
    if scope is not None and scope.countries:
        return DocumentScope(tuple(scope.countries), dict(scope.sides.adjectives),
                             dict(scope.sides.people))
    codes = load_gazetteer().countries
    named = Counter(codes[m.canonical] for m in _actors().find(text, 0, min(len(text), SAMPLE))
                    if m.canonical in codes)
    return DocumentScope(tuple(code for code, _ in named.most_common(2)))


def _world_place(form: str, scope: DocumentScope) -> Place | None:
    """The place a world name means in this document, or None."""
    world = load_world()
    best: tuple[int, int, Place] | None = None
    for rank, code in enumerate(scope.countries):
        places, forms = world.local(code)
        for index in forms.get(form, ()):
            candidate = (rank, -places[index].population, places[index])
            best = candidate if best is None or candidate[:2] < best[:2] else best
    for index in world.forms.get(form, ()):
        place = world.places[index]
        rank = scope.countries.index(place.country) if place.country in scope.countries \
            else len(scope.countries)
        large = place.kind == "country" or place.capital or \
            place.population >= world_settings().match.world_population
        foreign = place.kind == "country" and scope.countries and rank == len(scope.countries)
        if (rank < len(scope.countries) or large) and not foreign:
            candidate = (rank, -place.population if place.kind != "country" else -10**12, place)
            best = candidate if best is None or candidate[:2] < best[:2] else best
    return None if best is None else best[2]


def _world_places(text: str, start: int, end: int, scope: DocumentScope,
                  taken: list[tuple[int, int]]) -> list[Mention]:
    """Runs of capitalised words looked up in the world gazetteer, longest first."""
    world = load_world()
    common = load_names().common_words
    longest = world_settings().build.max_name_words
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
    found: list[Mention] = []
    i = 0
    while i < len(words):
        first = words[i]
        if not text[first[0]].isupper() or any(s < first[1] and first[0] < e for s, e in taken):
            i += 1
            continue
        for count in range(min(longest, len(words) - i), 0, -1):
            last = words[i + count - 1]
            form = text[first[0]:last[1]]
            if not text[last[0]].isupper() or (form not in world.forms and not any(
                    form in world.local(code)[1] for code in scope.countries)):
                continue
            place = _world_place(form, scope)
            if place is None or not _stands_alone(text, words, i, i + count, common, place):
                continue
            found.append(Mention(first[0], first[0] + len(form), place.name, form, "place",
                                 place.country, (place.lon, place.lat)))
            i += count - 1
            break
        i += 1
    return found


def _stands_alone(text: str, words: list[tuple[int, int]], first: int, stop: int,
                  common: frozenset[str], place: Place) -> bool:
    """A name that is a proper name of its own: not made of common words only ("March",
    "Reading") unless a country's, not followed by another capitalised word ("Kosovo
    Liberation Army") nor preceded by one that is not a common word ("Bill Clinton")."""
    tokens = [text[s:e] for s, e in words[first:stop]]
    if place.kind != "country" and all(t in common for t in tokens):
        return False
    if stop < len(words):
        after = words[stop]
        gap = text[words[stop - 1][1]:after[0]]
        if gap == " " and text[after[0]].isupper():
            return False
    if first > 0:
        before = words[first - 1]
        gap = text[before[1]:words[first][0]]
        word = text[before[0]:before[1]]
        if gap == " " and word[0].isupper() and word not in common:
            return False
    return True


def _overlay_point(name: str) -> tuple[str | None, tuple[float, float] | None]:
    place = load_gazetteer().places.get(name)
    if place is None:
        return None, None
    return place.country, None if place.lonlat is None else (place.lonlat[0], place.lonlat[1])


def find_places(text: str, start: int = 0, end: int | None = None,
                scope: DocumentScope = NOWHERE) -> list[Mention]:
    """Place names in the span: the overlays' longest alias first, then the world's.

    >>> [(m.canonical, m.written) for m in find_places("Khankandi and Shushi")]
    [('Stepanakert', 'Khankandi'), ('Shusha', 'Shushi')]
    """
    stop = len(text) if end is None else end
    found = []
    for mention in _places().find(text, start, stop):
        country, point = _overlay_point(mention.canonical)
        found.append(Mention(mention.start, mention.end, mention.canonical, mention.written,
                             "place", country, point))
    spans = [(m.start, m.end) for m in found]
    found.extend(_world_places(text, start, stop, scope, spans))
    return sorted(found, key=lambda m: m.start)


def _beside_group(text: str, end: int, stop: int, lang: str) -> bool:
    """A group, people or counted noun within the next three words ("Argentine marine
    soldiers", "British casualties"), before any punctuation."""
    vocab = load_vocab(lang)
    nouns = load_names(lang).side_nouns
    pos = end
    for _ in range(3):
        gap = _GAP.match(text, pos, stop)
        if gap is None:
            return False
        match = vocab.np_pattern.match(text, gap.end(), stop)
        if match and any(c in ("group", "people", "measure_noun")
                         for c, _ in vocab.np_words[match.group(0).lower()]):
            return True
        word = _WORD.match(text, gap.end(), stop)
        if word is None:
            return False
        if word.group(0).lower() in nouns:
            return True
        pos = word.end()
    return False


def find_actors(text: str, start: int = 0, end: int | None = None,
                scope: DocumentScope = NOWHERE, lang: str = "en") -> list[Mention]:
    """Actor names, adjectives and people words in the span ("Karabakh Armenian" -> Artsakh);
    the document's conflict may read a side word otherwise ("Serbian police" in Kosovo, 1999).
    A demonym found beyond actors.toml is a side only beside a group noun ("British troops",
    not "French intelligence")."""
    stop = len(text) if end is None else end
    found_adjectives = load_gazetteer().found_adjectives
    found = [m for m in _actors().find(text, start, stop)
             if m.role != "adjective" or m.written not in found_adjectives
             or _beside_group(text, m.end, stop, lang)]
    if not (scope.adjectives or scope.people):
        return found
    reading = {"adjective": scope.adjectives, "people": scope.people}
    return [Mention(m.start, m.end, reading.get(m.role, {}).get(m.canonical, m.canonical),
                    m.written, m.role) for m in found]


def place_kind(name: str) -> str | None:
    place = load_gazetteer().places.get(name)
    if place is not None:
        return place.kind
    world = load_world()
    indexes = world.forms.get(name, ())
    return world.places[indexes[0]].kind if indexes else None


def place_hierarchy() -> dict[str, str]:
    """Each gazetteer place that lies within a larger one, mapped to it (Shusha -> Nagorno-Karabakh)."""
    return {name: place.within for name, place in load_gazetteer().places.items()
            if place.within is not None}
