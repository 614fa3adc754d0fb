"""Places as GeoJSON: the shipped geometry (gazetteers/geo) matched to claims' places by name
and aliases, else the point the claims' place resolved to; and the basemap.

Districts and rayons are polygons (geoBoundaries, CC BY-SA 3.0), countries polygons (Natural
Earth, public domain), towns points (GeoNames, CC BY 4.0): see gazetteers/geo/SOURCES.md.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["ATTRIBUTION", "basemap", "places_collection"]

GEONAMES = "Place data: GeoNames (geonames.org), CC BY 4.0"
GEOBOUNDARIES = ("Boundaries: geoBoundaries (Runfola et al. 2020, PLoS ONE 15(4): e0231866), "
                 "AZE ADM2, derived from Wikipedia; CC BY-SA 3.0")
NATURAL_EARTH = "Made with Natural Earth"
ATTRIBUTION = {"district": GEOBOUNDARIES, "country": NATURAL_EARTH, "town": GEONAMES}

# Which shipped feature stands for a place when several share its name: an area before a point
# (Lachin the district before Lachin the town).
_PREFERENCE = {"district": 0, "rayon": 1, "country": 2, "town": 3}
# The kind a feature is shown as: rayons are districts of the same layer.
_SHOWN_AS = {"district": "district", "rayon": "district", "country": "country", "town": "town"}
MAX_REFS = 20


@cache
def _features() -> tuple[dict[str, Any], ...]:
    folder = resources.files("corroborate").joinpath("gazetteers", "geo")
    found: list[dict[str, Any]] = []
    for name in ("karabakh.geojson", "karabakh_extra.geojson"):
        found.extend(json.loads(folder.joinpath(name).read_text("utf-8"))["features"])
    return tuple(found)


@cache
def _by_name() -> dict[str, dict[str, Any]]:
    """Each name and alias (casefolded) to the feature preferred for it."""
    index: dict[str, dict[str, Any]] = {}
    for feature in _features():
        props = feature["properties"]
        if props["kind"] not in _PREFERENCE:
            continue
        for name in (props["name"], *props.get("aliases", []), *props["name"].split("/")):
            key = name.casefold()
            held = index.get(key)
            if held is None or _PREFERENCE[props["kind"]] < _PREFERENCE[held["properties"]["kind"]]:
                index[key] = feature
    return index


def _collection(features: list[dict[str, Any]], kinds: set[str]) -> dict[str, Any]:
    lines = [ATTRIBUTION[k] for k in ("town", "district", "country") if k in kinds]
    return {"type": "FeatureCollection", "features": features, "attribution": lines}


def places_collection(places: list[dict[str, Any]]) -> dict[str, Any]:
    """One feature per place of the store's place summary (claims per place, their measures or
    event types, the first claims' references), drawn with the geometry shipped for it, else at
    the point its claims resolved to; a place with neither is left out."""
    features, kinds = [], {"town"}  # points of places come from GeoNames too
    for entry in sorted(places, key=lambda e: e["place"]):
        shipped = _by_name().get(entry["place"].casefold())
        if shipped is not None:
            geometry = shipped["geometry"]
            kind = _SHOWN_AS[shipped["properties"]["kind"]]
            kinds.add(kind)
        elif entry.get("place_point"):
            geometry = {"type": "Point", "coordinates": list(entry["place_point"])}
            kind = "place"
        else:
            continue
        features.append({"type": "Feature", "geometry": geometry, "properties": {
            "name": entry["place"], "kind": kind, "country": entry.get("place_country"),
            "claims": entry["claims"], "measures": dict(sorted(entry["measures"].items())),
            "claim_refs": entry["claim_refs"][:MAX_REFS]}})
    return _collection(features, kinds)


def basemap() -> dict[str, Any]:
    """The shipped countries and districts (rayons shown as districts), with their names."""
    features = []
    for feature in _features():
        kind = feature["properties"]["kind"]
        if kind in ("district", "rayon", "country"):
            features.append({"type": "Feature", "geometry": feature["geometry"], "properties": {
                "name": feature["properties"]["name"], "kind": _SHOWN_AS[kind]}})
    return _collection(features, {"district", "country"})
