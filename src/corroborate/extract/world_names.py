"""World gazetteer names in a text: each run of capitalised words looked up in a dict, longest
first (never a regex of the world's ~150,000 names), kept when it stands alone as a proper name
and one of its places suits the document (resolve.py's docstring says which)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache, partial
from operator import itemgetter
from typing import NamedTuple

from corroborate.extract.data import load_names
from corroborate.extract.world import Place, load_world, world_settings
from corroborate.text.guard import guarded

__all__ = ["WORD", "Mention", "WorldLookup", "new_mention", "world_lookup", "world_places"]

# A capitalised Latin word (the world's names are Latin-script) and the words after it.
_UPPER = "".join(c for c in map(chr, range(0x250)) if c.isupper())
# (behind a lookahead on its first characters: searched from every capitalised word)
_RUN = re.compile(guarded(rf"(?<![\w'’.-])([{_UPPER}][^\W\d_]*(?:['’.-][^\W\d_]+)*)"
                          r"(?: [^\W\d_]+(?:['’.-][^\W\d_]+)*){0,7}"))
# (the capital before the lookbehind, which reads it too: the engine's search then jumps from
# capital to capital instead of trying the pattern at every position; the lookbehind reads the
# capital as any character, which it is, and the word is taken whole at once, possessively:
# nothing after it can make the engine give any of it back)
_RUN_FIRST = re.compile(rf"[{_UPPER}](?<![\w'’.-].)[^\W\d_]*+(?:['’.-][^\W\d_]+)*+")
_BEFORE = re.compile(r"(?<![\w'’.-])([^\W\d_]+) $")
WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*")


class Mention(NamedTuple):
    """A name in the text and what it means. A tuple: built three times faster than a frozen
    dataclass, and tens of thousands are built per megabyte."""

    start: int
    end: int
    canonical: str
    written: str
    role: str  # place | name | adjective | people
    country: str | None = None  # ISO 3166-1 alpha-2, for a place
    point: tuple[float, float] | None = None  # (lon, lat), for a place


# A mention from its seven fields at once: tuple.__new__ skips the NamedTuple's own __new__,
# a Python function that takes 3-4 times as long (and a thousand are built a corpus round).
new_mention: Callable[[tuple[int, int, str, str, str, str | None,
                             tuple[float, float] | None]], Mention] = \
    partial(tuple.__new__, Mention)

# a world name's place as a mention gives it: its name, country and (lon, lat)
_Named = tuple[str, str, tuple[float, float]]
_UNSEEN = ("", "", (0.0, 0.0))  # a name not looked up yet (``best`` holds known names only)
_START_OF = itemgetter(0)  # a mention's start


# one country's smaller places and their names (``World.local``)
_Local = tuple[tuple[Place, ...], dict[str, tuple[int, ...]]]


@dataclass(frozen=True)
class WorldLookup:
    """The world's names as one document sees them: each name's best place, computed once."""

    best: dict[str, _Named | None]
    local: tuple[_Local, ...]  # the document's countries' small places, in their order
    countries: tuple[str, ...]
    threshold: int
    common: frozenset[str]
    heads: frozenset[str]  # capitalised words after a place that keep it one ("Accords")
    # the first word of every name -> the word counts of the names beginning with it (at most
    # the build's longest), most first: most capitalised words begin none, the rest few names
    starts: dict[str, tuple[int, ...]]
    pairs: dict[str, None]  # the first two words of every longer name ("The Hague")
    # each first word of a longer name -> the first letters of the second words after it: most
    # capitalised words that begin one ("The", "In") are followed by none of them
    seconds: dict[str, str]
    # (these tables hold strings only, not sets, which the garbage collector would walk, entry
    # by entry, in each full collection: 60,000 entries and 27,000 sets, two thirds of its time)
    forms: dict[str, tuple[int, ...]]  # the world's names (``World.forms``)

    def is_local(self, form: str) -> bool:
        """Whether ``form`` names one of the document's countries' small places."""
        return any(form in forms for _places, forms in self.local)


@lru_cache(maxsize=32)
def world_lookup(countries: tuple[str, ...], _dirs: tuple[str, ...]) -> WorldLookup:
    """The world as a document about ``countries`` sees it. What does not depend on their order
    is shared with the other orders of the same countries (a new pair of countries costs a
    merge of their first words, not a pass over their places: 100-270 ms for the largest)."""
    world = load_world()
    settings = world_settings()
    starts, pairs, seconds = _starts_of(tuple(sorted(set(countries))), _dirs)
    names = load_names()
    return WorldLookup({}, tuple(world.local(code) for code in countries), countries,
                       settings.match.world_population,
                       names.common_words | names.sentence_openers, names.name_heads, starts,
                       pairs, seconds, world.forms)


@lru_cache(maxsize=16)
def _starts_of(codes: tuple[str, ...], _dirs: tuple[str, ...]) -> tuple[
        dict[str, tuple[int, ...]], dict[str, None], dict[str, str]]:
    """The first words (``WorldLookup.starts``, ``pairs``, ``seconds``) of the world's names
    and of the small places of the countries ``codes``."""
    world_starts, pairs = _first_words(_dirs)
    world_seconds = _world_seconds(_dirs)
    starts, seconds = world_starts, world_seconds
    for code in codes:
        counts, more_pairs, more_seconds = _local_words(code, _dirs)
        if counts:
            if starts is world_starts:  # (the world's own stay as they are)
                starts, seconds = dict(world_starts), dict(world_seconds)
            for word, more in counts.items():
                starts[word] = tuple(sorted({*starts.get(word, ()), *more}, reverse=True))
            pairs = pairs | more_pairs
            for word, letters in more_seconds.items():
                seconds[word] = "".join(sorted({*seconds.get(word, ""), *letters}))
    return starts, pairs, seconds


@lru_cache(maxsize=64)
def _local_words(code: str, _dirs: tuple[str, ...]) -> tuple[
        dict[str, tuple[int, ...]], dict[str, None], dict[str, str]]:
    counts, pairs = _word_counts(load_world().local(code)[1],
                                 world_settings().build.max_name_words)
    return counts, pairs, _seconds(pairs)


@lru_cache(maxsize=2)
def _world_seconds(_dirs: tuple[str, ...]) -> dict[str, str]:
    return _seconds(_first_words(_dirs)[1])


def _seconds(pairs: Iterable[str]) -> dict[str, str]:
    """Each first word of the pairs -> the first letters of the second words after it."""
    found: dict[str, set[str]] = {}
    for pair in pairs:
        first, second = pair.split(" ", 1)
        found.setdefault(first, set()).add(second[:1])
    return {first: "".join(sorted(letters)) for first, letters in found.items()}


def _word_counts(forms: Iterable[str], longest: int) -> tuple[dict[str, tuple[int, ...]],
                                                               dict[str, None]]:
    """Each first word's name lengths in words (most first), and the names' first two words."""
    counts: dict[str, set[int]] = {}
    pairs = set()
    for form in forms:
        words = form.split(" ")
        if len(words) <= longest:  # a longer name is never looked up
            counts.setdefault(words[0], set()).add(len(words))
            if len(words) > 1:
                pairs.add(f"{words[0]} {words[1]}")
    return ({word: tuple(sorted(sizes, reverse=True)) for word, sizes in counts.items()},
            dict.fromkeys(sorted(pairs)))


@lru_cache(maxsize=2)
def _first_words(_dirs: tuple[str, ...]) -> tuple[dict[str, tuple[int, ...]], dict[str, None]]:
    return _word_counts(load_world().forms, world_settings().build.max_name_words)


def _world_place(form: str, look: WorldLookup) -> _Named | None:
    """The place a world name means in this document (its name, country and point), or None;
    None too for a name of common words only ("March", "Reading") unless a country's."""
    if form in look.best:
        return look.best[form]
    world = load_world()
    # the document's countries' small places first, in the countries' order (rank)
    candidates = [(rank, -places[i].population, places[i])
                  for rank, (places, forms) in enumerate(look.local)
                  for i in forms.get(form, ())]
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
    named = None
    if best is not None and (best.kind == "country" or
                             not all(t in look.common for t in form.split(" "))):
        named = (best.name, best.country, (best.lon, best.lat))
    look.best[form] = named
    return named


def world_places(text: str, start: int, end: int, look: WorldLookup,
                 taken: list[Mention]) -> list[Mention]:
    """Runs of capitalised words looked up in the world gazetteer, longest first, none where
    one of ``taken`` (the overlays' places, in text order, none overlapping) is."""
    forms = look.forms
    starts = look.starts
    pairs = look.pairs
    seconds = look.seconds
    best = look.best
    found: list[Mention] = []
    # the overlay's spans are in text order and never overlap: the last one starting before
    # the run's first word ends is the only one that can cover it (bisection, not a scan per run)
    pos = start  # the end of the place found last
    # the run's first word alone first: most capitalised words begin no name, and the words
    # after them need not be read (the run's first word is this word, greedy as it). No such
    # word starts inside another, so one pass finds every one.
    for first_word in _RUN_FIRST.finditer(text, start, end):
        word = first_word[0]
        counts = starts.get(word)
        if counts is None:
            continue
        first, after = first_word.span()
        if first < pos:  # inside the place found last
            continue
        if taken:
            before = bisect_left(taken, after, key=_START_OF) - 1
            if before >= 0 and taken[before][1] > first:
                continue
        # the run's words are separated by one space each and hold none; they are read only
        # when a longer name begins with this word and the next (a letter in the string of
        # letters; at the text's end, "" is in it too, and no next word is read)
        lasts: list[int] | tuple[int, ...] = (after,) if counts[-1] == 1 else ()
        if counts[0] > 1 and text[after:after + 1] == " " and \
                text[after + 1:after + 2] in seconds.get(word, ""):
            second = WORD.match(text, after + 1, end)
            if second is not None and text[first:second.end()] in pairs:
                run = _RUN.match(text, first, end)
                assert run is not None  # it begins with this word
                words = run.group(0).split(" ")
                lasts = [first + sum(map(len, words[:count])) + count - 1 for count in counts
                         if count <= len(words) and words[count - 1][0].isupper()]
        for last in lasts:
            form = text[first:last]
            named = best.get(form, _UNSEEN)
            if named is _UNSEEN:
                if form not in forms and not look.is_local(form):
                    continue
                named = _world_place(form, look)
            if named is None or not _stands_alone(text, first, last, look):
                continue
            found.append(new_mention((first, last, named[0], form, "place", named[1], named[2])))
            pos = last
            break
    return found


def _stands_alone(text: str, start: int, end: int, look: WorldLookup) -> bool:
    """A name that is a proper name of its own: not followed by another capitalised word
    ("Kosovo Liberation Army", but "the Kumanovo Agreement" is Kumanovo's) nor preceded by one
    that is not a common word ("Bill Clinton")."""
    if text[end:end + 1] == " " and text[end + 1:end + 2].isupper():
        following = WORD.match(text, end + 1)
        if following is None or following.group(0) not in look.heads:
            return False
    # the word before ends in a space (or a space and a line break) right before the name
    if text[start - 1:start] == " ":
        space = start - 1
    elif text[max(0, start - 2):start] == " \n":
        space = start - 2
    else:
        return True
    # a word of letters after a space is the one _BEFORE finds (most are): no regex search
    window = max(0, start - 40)
    word = text[text.rfind(" ", window, space) + 1:space]
    if not word.isalpha() or space - len(word) < window:
        before = _BEFORE.search(text, window, start)
        word = "" if before is None else before.group(1)
    return not word or not word[0].isupper() or word in look.common
