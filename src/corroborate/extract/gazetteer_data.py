"""Gazetteer data for the extractor: places and actors (the overlays and the world's countries),
and each conflict's scope (conflicts.toml). Split from ``data.py``, which keeps the languages'
data and re-exports these loaders.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, field_validator

from corroborate.langdata import data_dirs, data_path, load_toml, validated

__all__ = ["Gazetteer", "load_gazetteer", "load_scopes"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class _Place(_Strict):
    kind: str
    aliases: list[str]
    within: str | None = None
    as_region: list[str] = []
    lonlat: tuple[float, float] | None = None
    country: str | None = Field(default=None, pattern=r"^[A-Z]{2}$")  # ISO 3166-1 alpha-2


class _Places(_Strict):
    places: dict[str, _Place]


class _Actor(_Strict):
    names: list[str]
    adjectives: list[str] = []
    people: list[str] = []


class _Actors(_Strict):
    actors: dict[str, _Actor]
    # a conflict's words for the language's lists: peoples counted as people ("Meskhetian Turks"),
    # trigger phrases naming its places ("of Azerbaijan": a share of its territory)
    people_nouns: list[str] = []
    measure_triggers: dict[str, list[str]] = {}
    event_triggers: dict[str, list[str]] = {}

    @field_validator("actors")
    @classmethod
    def _nonempty(cls, value: dict[str, _Actor]) -> dict[str, _Actor]:
        if not value:
            raise ValueError("no actors")
        return value


class _Sides(_Strict):
    adjectives: dict[str, str] = {}
    people: dict[str, str] = {}
    names: dict[str, str] = {}  # what the conflict's sources call a side: "the task force"
    people_names: dict[str, str] = {}  # and its people: "islanders"


class _Scope(BaseModel):
    """What the gazetteer reads of a conflict in conflicts.toml (the rest is documents')."""

    model_config = ConfigDict(extra="ignore")
    countries: list[str] = []
    sides: _Sides = Field(default_factory=_Sides)
    place_words: dict[str, str] = {}  # words its sources use for a place: "the islands"


@dataclass(frozen=True)
class Gazetteer:
    """The overlays (places.toml, regions.toml, sites.toml; actors.toml, sides.toml) and, among
    the actors, every country of the world gazetteer with its names and demonyms."""

    places: dict[str, _Place]
    actors: dict[str, _Actor]
    countries: dict[str, str]  # actor (country) name -> ISO code
    # adjectives found beyond actors.toml (demonyms): a side only beside a group noun
    found_adjectives: frozenset[str] = frozenset()
    # the overlays' words added to the language's lists (actors.toml people_nouns, ...)
    people_nouns: tuple[str, ...] = ()
    measure_triggers: dict[str, list[str]] = field(default_factory=dict)
    event_triggers: dict[str, list[str]] = field(default_factory=dict)


def load_gazetteer() -> Gazetteer:
    """Places and actors, validated; the world's countries join the actors."""
    return _load_gazetteer(data_dirs())


_PLACE_FILES = ("places.toml", "regions.toml", "sites.toml")  # first wins
_ACTOR_FILES = ("actors.toml", "sides.toml")


@lru_cache(maxsize=8)
def _load_gazetteer(_dirs: tuple[str, ...]) -> Gazetteer:
    from corroborate.extract.world import load_world, world_settings

    places: dict[str, _Place] = {}
    for name in _PLACE_FILES:
        found = validated(_Places, load_toml("gazetteers", name), data_path("gazetteers", name))
        for key, place in found.places.items():
            places.setdefault(key, place)
    actors: dict[str, _Actor] = {}
    taken: set[str] = set()
    people_nouns: list[str] = []
    measure_triggers: dict[str, list[str]] = {}
    event_triggers: dict[str, list[str]] = {}
    listed_first: set[str] = set()
    for name in _ACTOR_FILES:
        listed = validated(_Actors, load_toml("gazetteers", name), data_path("gazetteers", name))
        for key, actor in listed.actors.items():
            _add_actor(actors, taken, key, actor)
        people_nouns.extend(listed.people_nouns)
        for words, more in ((measure_triggers, listed.measure_triggers),
                            (event_triggers, listed.event_triggers)):
            for name, triggers in more.items():
                words.setdefault(name, []).extend(triggers)
        listed_first = listed_first or {w for a in actors.values() for w in a.adjectives}
    plural = world_settings().plural
    countries: dict[str, str] = {}
    for country in load_world().countries:
        people = [d + plural.suffix for d in country.demonyms
                  if not d.endswith(tuple(plural.none_after))]
        owner = next((n for n, a in actors.items() if country.name in (n, *a.names)),
                     country.name)  # a country the overlays name is theirs ("Türkiye": Turkey)
        countries.setdefault(owner, country.code)
        _add_actor(actors, taken, owner, _Actor(
            names=list(country.names),
            adjectives=[*country.demonyms, *(f"{n}{plural.possessive}" for n in country.names)],
            people=people))
    # an actor's own name among its side words ("NATO") and a name's possessive ("Argentina's
    # worst loss") are no bare demonyms: they name the side alone
    demonyms = frozenset(w for a in actors.values() for w in a.adjectives
                         if not w.endswith(plural.possessive)) - listed_first - set(actors)
    return Gazetteer(places, actors, countries, demonyms, tuple(people_nouns), measure_triggers,
                     event_triggers)


def _add_actor(actors: dict[str, _Actor], taken: set[str], key: str, actor: _Actor) -> None:
    """Add an actor's forms that no earlier actor has; a known actor's lists grow."""
    def fresh(words: list[str]) -> list[str]:
        new = [w for w in dict.fromkeys(words) if w not in taken]
        taken.update(new)
        return new

    old = actors.get(key) or _Actor(names=[])
    names = fresh(actor.names)
    # the key may be one of its own side words ("NATO", "Kosovo Albanians"): kept there
    adjectives, people = fresh(actor.adjectives), fresh(actor.people)
    taken.add(key)
    actors[key] = _Actor(names=old.names + names, adjectives=old.adjectives + adjectives,
                         people=old.people + people)


def load_scopes() -> dict[str, _Scope]:
    """Each conflict's countries and side readings (gazetteers/conflicts.toml)."""
    return _load_scopes(data_dirs())


@lru_cache(maxsize=8)
def _load_scopes(_dirs: tuple[str, ...]) -> dict[str, _Scope]:
    raw = load_toml("gazetteers", "conflicts.toml").get("conflicts", {})
    where = data_path("gazetteers", "conflicts.toml")
    return {name: validated(_Scope, body, where) for name, body in raw.items()}
