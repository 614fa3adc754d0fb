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
from operator import itemgetter
from typing import Any

from corroborate.extract.data import load_gazetteer, load_names, load_scopes, trie_alternation
from corroborate.extract.folded import FoldedKeys
from corroborate.extract.name_matcher import NameMatcher, ScannedNames
from corroborate.extract.vocab import load_vocab
from corroborate.extract.world import load_world
from corroborate.extract.world_names import (
    WORD,
    Mention,
    WorldLookup,
    new_mention,
    world_lookup,
    world_places,
)
from corroborate.langdata import data_dirs
from corroborate.text.guard import guarded

__all__ = ["DocumentScope", "Mention", "document_scope", "find_actors", "find_places",
           "place_hierarchy", "place_kind"]

# Characters of a document read for the countries it names most, when its conflict gives none.
SAMPLE = 200_000
_GAP = re.compile(r"[ \t]+")
_WRITTEN = re.Match.group  # a match's whole text
_SPAN = re.Match.span
_START = re.Match.start
_END = re.Match.end
_BY_START = itemgetter(0)  # a mention's start


@dataclass(frozen=True)
class DocumentScope:
    """What a document is about: its countries (main theatre first) and how its conflict reads
    side words ({canonical: side} for adjectives and for people words)."""

    countries: tuple[str, ...] = ()
    adjectives: dict[str, str] = field(default_factory=dict)
    people: dict[str, str] = field(default_factory=dict)
    # what the conflict's sources call a side or a place ("the task force", "the islands")
    names: tuple[tuple[str, str], ...] = ()
    people_names: tuple[tuple[str, str], ...] = ()
    place_words: tuple[tuple[str, str], ...] = ()
    # the document's actor names, scanned for its countries: its sentences' are served from it
    scanned: ScannedNames | None = field(default=None, compare=False, repr=False)
    # the data folders and the tools fetched for them (``_tools``), kept for the next sentence
    kept_tools: list[Any] = field(default_factory=list, init=False, compare=False, repr=False)


NOWHERE = DocumentScope()


def _places() -> NameMatcher:
    return _cached_places(data_dirs())


@lru_cache(maxsize=8)
def _cached_places(_dirs: tuple[str, ...]) -> NameMatcher:
    forms: dict[str, tuple[str, str]] = {}
    for name, place in load_gazetteer().places.items():
        for form in (name, *place.aliases, *place.as_region):
            forms.setdefault(form, (name, "place"))
    return NameMatcher(forms)


def _actors() -> NameMatcher:
    return _cached_actors(data_dirs())


@lru_cache(maxsize=8)
def _cached_actors(_dirs: tuple[str, ...]) -> NameMatcher:
    forms: dict[str, tuple[str, str]] = {}
    for name, actor in load_gazetteer().actors.items():
        # a canonical name that is also one of its side words ("NATO", "Kosovo Albanians")
        # reads as that word: "61 NATO aircraft", "45 Kosovo Albanians" are the side's
        side_words = {*actor.adjectives, *actor.people}
        for role, words in (("name", [name, *actor.names]), ("adjective", actor.adjectives),
                            ("people", actor.people)):
            for form in words:
                if role != "name" or form not in side_words:
                    forms.setdefault(form, (name, role))
    return NameMatcher(forms)


def document_scope(conflict: str | None, text: str = "") -> DocumentScope:
    """The countries and side readings of a document's conflict; a document of no known
    conflict is about the (at most two) countries it names most."""
    scope = load_scopes().get(conflict or "")
    if scope is not None and scope.countries:
        return DocumentScope(tuple(scope.countries), dict(scope.sides.adjectives),
                             dict(scope.sides.people), tuple(scope.sides.names.items()),
                             tuple(scope.sides.people_names.items()),
                             tuple(scope.place_words.items()))
    actors = _actors()
    end = min(len(text), SAMPLE)
    matches = list(actors.finditer(text, 0, end))
    written = Counter(map(_WRITTEN, matches))
    # each country counted in the order it is first named (most_common keeps that order
    # among equal counts): a name's first place is before any later name of its country
    country_of = _country_forms(data_dirs())
    named: Counter[str] = Counter()
    for form, count in written.items():
        code = country_of.get(form)
        if code is not None:
            named[code] += count
    return DocumentScope(tuple(code for code, _ in named.most_common(2)),
                         scanned=ScannedNames(text, end, list(map(_START, matches)),
                                              list(map(_END, matches))))


@lru_cache(maxsize=8)
def _country_forms(_dirs: tuple[str, ...]) -> dict[str, str]:
    """Each actor form of a country: its ISO code (what a document's scope counts)."""
    codes = load_gazetteer().countries
    return {form: codes[canonical] for form, (canonical, _role) in _actors().forms.items()
            if canonical in codes}


@lru_cache(maxsize=32)
def _scoped(words: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    """A conflict's own words for sides or places, matched whatever the case."""
    canonical = FoldedKeys({word.lower(): name for word, name in words})
    return re.compile(guarded(trie_alternation(list(canonical)), re.IGNORECASE),
                      re.IGNORECASE), canonical


def _scoped_mentions(scoped: tuple[re.Pattern[str], dict[str, str]] | None, text: str,
                     start: int, end: int, role: str, taken: list[Mention]) -> list[Mention]:
    if scoped is None:
        return []
    pattern, canonical = scoped
    found = []
    for match in pattern.finditer(text, start, end):
        if any(m.start < match.end() and match.start() < m.end for m in taken):
            continue
        name = canonical[match.group(0).lower()]
        country, point = _overlay_point(name) if role == "place" else (None, None)
        found.append(Mention(match.start(), match.end(), name, match.group(0), role, country,
                             point))
    return found


@lru_cache(maxsize=8)
def _overlay_points(_dirs: tuple[str, ...]) -> dict[str, tuple[str, str | None,
                                                             tuple[float, float] | None]]:
    """Each overlay form's place: its canonical name, country and point."""
    return {form: (name, *_overlay_point(name)) for form, (name, _role) in _places().forms.items()}


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
    tools = _tools(scope)
    points = tools.points
    found = []
    for match in tools.places.finditer(text, start, stop):  # one mention per name, not two
        written = match[0]
        canonical, country, point = points[written]
        first, last = match.span()
        found.append(new_mention((first, last, canonical, written, "place", country, point)))
    world = world_places(text, start, stop, tools.look, found)
    scoped = _scoped_mentions(tools.place_words, text, start, stop, "place", found + world) \
        if tools.place_words else []
    if world or scoped:
        # each list in text order, none overlapping another: merged (sorted) only when needed
        found = sorted(found + world + scoped, key=_BY_START) if found or \
            (world and scoped) else world or scoped
    return found


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
        word = WORD.match(text, gap.end(), stop)
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
    tools = _tools(scope)
    forms = tools.actors.forms
    found_adjectives = tools.found_adjectives
    # each mention is built once, as the conflict reads it
    reading = tools.reading
    found = []
    served = scope.scanned.within(text, start, stop) if scope.scanned is not None else None
    for first, last in map(_SPAN, tools.actors.finditer(text, start, stop)) \
            if served is None else served:
        written = text[first:last]
        canonical, role = forms[written]
        if written in found_adjectives and not _beside_group(text, last, stop, lang):
            continue
        if reading is not None:
            canonical = reading.get(role, {}).get(canonical, canonical)
        found.append(new_mention((first, last, canonical, written, role, None, None)))
    if tools.names or tools.people_names:
        named = _scoped_mentions(tools.names, text, start, stop, "name", found)
        named += _scoped_mentions(tools.people_names, text, start, stop, "people", found + named)
        if named:
            if reading is not None:
                named = [m._replace(canonical=reading.get(m.role, {}).get(m.canonical,
                                                                          m.canonical))
                         for m in named]
            found = sorted(found + named, key=_BY_START)
    return found


@dataclass(frozen=True)
class _Tools:
    """What finding names in a document of one scope needs, fetched once per scope."""

    places: NameMatcher
    points: dict[str, tuple[str, str | None, tuple[float, float] | None]]
    look: WorldLookup
    place_words: tuple[re.Pattern[str], dict[str, str]] | None
    actors: NameMatcher
    found_adjectives: frozenset[str]
    reading: dict[str, dict[str, str]] | None
    names: tuple[re.Pattern[str], dict[str, str]] | None
    people_names: tuple[re.Pattern[str], dict[str, str]] | None


def _tools(scope: DocumentScope) -> _Tools:
    """The scope's tools, kept on it: the extractor asks sentence by sentence, and a handful of
    cached look-ups per call added up to a fifth of the time."""
    dirs = data_dirs()
    kept = scope.kept_tools
    if kept and kept[0] is dirs:
        tools: _Tools = kept[1]
        return tools
    tools = _Tools(
        _cached_places(dirs), _overlay_points(dirs), world_lookup(scope.countries, dirs),
        _scoped(scope.place_words) if scope.place_words else None, _cached_actors(dirs),
        _found_adjectives(dirs),
        {"adjective": scope.adjectives, "people": scope.people}
        if scope.adjectives or scope.people else None,
        _scoped(scope.names) if scope.names else None,
        _scoped(scope.people_names) if scope.people_names else None)
    kept[:] = (dirs, tools)
    return tools


@lru_cache(maxsize=8)
def _found_adjectives(_dirs: tuple[str, ...]) -> frozenset[str]:
    """The actor forms read as adjectives that are sides only beside a group noun."""
    found = load_gazetteer().found_adjectives
    return frozenset(form for form, (_name, role) in _actors().forms.items()
                     if role == "adjective" and form in found)


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
