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
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from corroborate.extract.data import load_gazetteer, load_names, load_scopes, trie_alternation
from corroborate.extract.vocab import load_vocab
from corroborate.extract.world import Place, load_world, world_settings
from corroborate.langdata import data_dirs
from corroborate.text.guard import guarded

__all__ = ["DocumentScope", "Mention", "document_scope", "find_actors", "find_places",
           "place_hierarchy", "place_kind"]

# Characters of a document read for the countries it names most, when its conflict gives none.
SAMPLE = 200_000
_GAP = re.compile(r"[ \t]+")
# A capitalised Latin word (the world's names are Latin-script) and the words after it.
_UPPER = "".join(c for c in map(chr, range(0x250)) if c.isupper())
# (behind a lookahead on its first characters: searched from every capitalised word)
_RUN = re.compile(guarded(rf"(?<![\w'’.-])([{_UPPER}][^\W\d_]*(?:['’.-][^\W\d_]+)*)"
                          r"(?: [^\W\d_]+(?:['’.-][^\W\d_]+)*){0,7}"))
_RUN_FIRST = re.compile(guarded(rf"(?<![\w'’.-])[{_UPPER}][^\W\d_]*(?:['’.-][^\W\d_]+)*"))
_BEFORE = re.compile(r"(?<![\w'’.-])([^\W\d_]+) $")
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
    # what the conflict's sources call a side or a place ("the task force", "the islands")
    names: tuple[tuple[str, str], ...] = ()
    people_names: tuple[tuple[str, str], ...] = ()
    place_words: tuple[tuple[str, str], ...] = ()


NOWHERE = DocumentScope()


class _Matcher:
    def __init__(self, forms: dict[str, tuple[str, str]]) -> None:
        self.forms = forms
        # searched over every sentence: behind a lookahead on the names' first characters
        self.pattern = re.compile(guarded(trie_alternation(list(forms))))

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
        # a canonical name that is also one of its side words ("NATO", "Kosovo Albanians")
        # reads as that word: "61 NATO aircraft", "45 Kosovo Albanians" are the side's
        side_words = {*actor.adjectives, *actor.people}
        for role, words in (("name", [name, *actor.names]), ("adjective", actor.adjectives),
                            ("people", actor.people)):
            for form in words:
                if role != "name" or form not in side_words:
                    forms.setdefault(form, (name, role))
    return _Matcher(forms)


def document_scope(conflict: str | None, text: str = "") -> DocumentScope:
    """The countries and side readings of a document's conflict; a document of no known
    conflict is about the (at most two) countries it names most."""
    scope = load_scopes().get(conflict or "")
    if scope is not None and scope.countries:
        return DocumentScope(tuple(scope.countries), dict(scope.sides.adjectives),
                             dict(scope.sides.people), tuple(scope.sides.names.items()),
                             tuple(scope.sides.people_names.items()),
                             tuple(scope.place_words.items()))
    codes = load_gazetteer().countries
    actors = _actors()  # only the names' canonical forms: no mention is built
    named = Counter(codes[canonical] for canonical in (
        actors.forms[m.group(0)][0] for m in actors.pattern.finditer(text, 0, min(len(text), SAMPLE)))
        if canonical in codes)
    return DocumentScope(tuple(code for code, _ in named.most_common(2)))


@dataclass(frozen=True)
class _Lookup:
    """The world's names as one document sees them: each name's best place, computed once."""

    best: dict[str, Place | None]
    local: dict[str, list[tuple[int, int, Place]]]  # the document's countries' small places
    countries: tuple[str, ...]
    threshold: int
    common: frozenset[str]
    heads: frozenset[str]  # capitalised words after a place that keep it one ("Accords")
    # the first word of every name -> the word counts of the names beginning with it (at most
    # the build's longest), most first: most capitalised words begin none, the rest few names
    starts: dict[str, tuple[int, ...]]


@lru_cache(maxsize=32)
def _lookup(countries: tuple[str, ...], _dirs: tuple[str, ...]) -> _Lookup:
    world = load_world()
    local: dict[str, list[tuple[int, int, Place]]] = {}
    for rank, code in enumerate(countries):
        places, forms = world.local(code)
        for form, indexes in forms.items():
            local.setdefault(form, []).extend((rank, -places[i].population, places[i])
                                              for i in indexes)
    settings = world_settings()
    starts = dict(_first_words(_dirs))
    if local:
        counts = _word_counts(local, settings.build.max_name_words)
        for word, more in counts.items():
            starts[word] = tuple(sorted({*starts.get(word, ()), *more}, reverse=True))
    names = load_names()
    return _Lookup({}, local, countries, settings.match.world_population,
                   names.common_words | names.sentence_openers, names.name_heads, starts)


def _word_counts(forms: Iterable[str], longest: int) -> dict[str, tuple[int, ...]]:
    counts: dict[str, set[int]] = {}
    for form in forms:
        words = form.split(" ")
        if len(words) <= longest:  # a longer name is never looked up
            counts.setdefault(words[0], set()).add(len(words))
    return {word: tuple(sorted(sizes, reverse=True)) for word, sizes in counts.items()}


@lru_cache(maxsize=2)
def _first_words(_dirs: tuple[str, ...]) -> dict[str, tuple[int, ...]]:
    return _word_counts(load_world().forms, world_settings().build.max_name_words)


def _world_place(form: str, look: _Lookup) -> Place | None:
    """The place a world name means in this document, or None."""
    if form in look.best:
        return look.best[form]
    world = load_world()
    candidates = list(look.local.get(form, ()))
    outside = len(look.countries)
    for index in world.forms.get(form, ()):
        place = world.places[index]
        rank = look.countries.index(place.country) if place.country in look.countries \
            else outside
        if place.kind == "country":
            if rank < outside or not look.countries:  # a foreign country is an actor there
                candidates.append((rank, -10**12, place))
        elif rank < outside or place.capital or place.population >= look.threshold:
            candidates.append((rank, -place.population, place))
    best = min(candidates, key=lambda c: c[:2])[2] if candidates else None
    look.best[form] = best
    return best


def _world_places(text: str, start: int, end: int, scope: DocumentScope,
                  taken: list[tuple[int, int]]) -> list[Mention]:
    """Runs of capitalised words looked up in the world gazetteer, longest first."""
    look = _lookup(scope.countries, data_dirs())
    forms = load_world().forms
    local = look.local
    starts = look.starts
    found: list[Mention] = []
    # the overlay's spans are in text order and never overlap: the last one starting before
    # the run's first word ends is the only one that can cover it (bisection, not a scan per run)
    taken_starts = [s for s, _e in taken]
    pos = start  # the end of the place found last
    # the run's first word alone first: most capitalised words begin no name, and the words
    # after them need not be read (the run's first word is this word, greedy as it). No such
    # word starts inside another, so one pass finds every one.
    for first_word in _RUN_FIRST.finditer(text, start, end):
        counts = starts.get(first_word.group(0))
        if counts is None:
            continue
        first = first_word.start()
        if first < pos:  # inside the place found last
            continue
        before = bisect_left(taken_starts, first_word.end()) - 1
        if before >= 0 and taken[before][1] > first:
            continue
        # the run's words (none when only one-word names begin with it) are separated by one
        # space each and hold none
        run = _RUN.match(text, first, end) if counts[0] > 1 else first_word
        words = run.group(0).split(" ")  # type: ignore[union-attr]
        for count in counts:
            if count > len(words) or not words[count - 1][0].isupper():
                continue
            last = first + sum(map(len, words[:count])) + count - 1
            form = text[first:last]
            if form not in forms and form not in local:
                continue
            place = _world_place(form, look)
            if place is None or not _stands_alone(text, first, last, look, place):
                continue
            found.append(Mention(first, last, place.name, form, "place", place.country,
                                 (place.lon, place.lat)))
            pos = last
            break
    return found


def _stands_alone(text: str, start: int, end: int, look: _Lookup, place: Place) -> bool:
    """A name that is a proper name of its own: not made of common words only ("March",
    "Reading") unless a country's, not followed by another capitalised word ("Kosovo
    Liberation Army", but "the Kumanovo Agreement" is Kumanovo's) nor preceded by one that is
    not a common word ("Bill Clinton")."""
    common = look.common
    if place.kind != "country" and all(t in common for t in text[start:end].split(" ")):
        return False
    if text[end:end + 1] == " " and text[end + 1:end + 2].isupper():
        following = _WORD.match(text, end + 1)
        if following is None or following.group(0) not in look.heads:
            return False
    before = _BEFORE.search(text, max(0, start - 40), start)
    return before is None or not before.group(1)[0].isupper() or before.group(1) in common


@lru_cache(maxsize=32)
def _scoped(words: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    """A conflict's own words for sides or places, matched whatever the case."""
    canonical = {word.lower(): name for word, name in words}
    return re.compile(trie_alternation(list(canonical)), re.IGNORECASE), canonical


def _scoped_mentions(words: tuple[tuple[str, str], ...], text: str, start: int, end: int,
                     role: str, taken: list[Mention]) -> list[Mention]:
    if not words:
        return []
    pattern, canonical = _scoped(words)
    found = []
    for match in pattern.finditer(text, start, end):
        if any(m.start < match.end() and match.start() < m.end for m in taken):
            continue
        name = canonical[match.group(0).lower()]
        country, point = _overlay_point(name) if role == "place" else (None, None)
        found.append(Mention(match.start(), match.end(), name, match.group(0), role, country,
                             point))
    return found


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
    overlay = _places()
    for match in overlay.pattern.finditer(text, start, stop):  # one mention per name, not two
        canonical = overlay.forms[match.group(0)][0]
        country, point = _overlay_point(canonical)
        found.append(Mention(match.start(), match.end(), canonical, match.group(0), "place",
                             country, point))
    spans = [(m.start, m.end) for m in found]
    found.extend(_world_places(text, start, stop, scope, spans))
    found.extend(_scoped_mentions(scope.place_words, text, start, stop, "place", found))
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
    if scope.names or scope.people_names:
        named = _scoped_mentions(scope.names, text, start, stop, "name", found)
        named += _scoped_mentions(scope.people_names, text, start, stop, "people", found + named)
        found = sorted(found + named, key=lambda m: m.start)
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
