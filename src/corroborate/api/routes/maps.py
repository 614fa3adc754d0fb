"""Maps: places and the basemap as GeoJSON; who held each place when; the events in time."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from corroborate.api import control as held
from corroborate.api import geojson, queries
from corroborate.api.deps import ReadStore
from corroborate.api.models import Control, ControlSourceList, FeatureCollection, Timeline
from corroborate.api.params import unprocessable

router = APIRouter(prefix="/api", tags=["maps"])

ConflictParam = Annotated[str | None, Query(max_length=200, description=(
    "A conflict: its name, another name of it, or 'unknown' for documents of none."))]
SourceParam = Annotated[str | None, Query(max_length=200, description="A source's slug.")]


@router.get("/places.geojson", response_model=FeatureCollection,
            summary="The places claims name, with their counts")
def places(store: ReadStore, conflict: ConflictParam = None,
           source: SourceParam = None) -> Any:
    return JSONResponse(geojson.places_collection(  # in shape already: not checked again
        queries.place_summary(store, queries.resolve_conflict(store, conflict), source)))


@router.get("/basemap.geojson", response_model=FeatureCollection,
            summary="The shipped countries and districts")
def basemap() -> dict[str, Any]:
    return geojson.basemap()


@router.get("/control/sources", response_model=ControlSourceList,
            summary="Sources that report places captured or returned")
def control_sources(store: ReadStore, conflict: ConflictParam = None) -> dict[str, Any]:
    scope = queries.resolve_conflict(store, conflict)
    return {"items": queries.cached(store, ("control_sources", scope), lambda: held.control_sources(
        queries.events(store, scope, event_types=held.CONTROL_EVENTS)))}


@router.get("/control", response_model=Control,
            summary="Who held each place on a day, as one source tells it")
def control(store: ReadStore,
            source: Annotated[str, Query(min_length=1, max_length=200)],
            date: Annotated[str, Query(description="YYYY-MM-DD")],
            conflict: ConflictParam = None) -> dict[str, Any]:
    """For each place with capture or return events of ``source``, the latest event dated on or
    before ``date`` decides (a YYYY or YYYY-MM date counts from its first day); a place whose
    first event is later is "unknown". ``actor`` is the deciding event's actor."""
    day = _day(date)
    return {"date": day, "source": source,
            "places": held.control(queries.events(
                store, queries.resolve_conflict(store, conflict), source, held.CONTROL_EVENTS),
                source, day)}


def _day(value: str) -> str:
    from datetime import date as calendar_date
    try:
        if len(value) != 10:
            raise ValueError(value)
        return calendar_date.fromisoformat(value).isoformat()
    except ValueError:
        raise unprocessable(f"date must be a day written YYYY-MM-DD, not {value[:40]!r}") from None


@router.get("/timeline", response_model=Timeline,
            summary="Dated events, earliest first")
def timeline(store: ReadStore, conflict: ConflictParam = None, source: SourceParam = None,
             event_type: Annotated[str | None, Query(max_length=100)] = None) -> Any:
    """Every dated event claim (of one source, of one event type), with the first and last
    day its date covers (a YYYY or YYYY-MM date covers a span)."""
    scope = queries.resolve_conflict(store, conflict)
    items = queries.cached(store, ("timeline", scope, source, event_type), lambda: held.timeline(
        queries.events(store, scope, source, None if event_type is None else (event_type,))))
    return JSONResponse({"items": items})  # built here: a large list, validated as it was made
