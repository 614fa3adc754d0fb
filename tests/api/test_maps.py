"""Places and basemap GeoJSON, control of places on a day, and the timeline of captures."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from corroborate.api import create_app
from tests.api.karabakh import build_database

FIGURES = "azerbaijan-occupation-in-figures"
OCCUPIED = "wikipedia-occupied-territories"
GEOBOUNDARIES = ("Boundaries: geoBoundaries (Runfola et al. 2020, PLoS ONE 15(4): e0231866), "
                 "AZE ADM2, derived from Wikipedia; CC BY-SA 3.0")
GEONAMES = "Place data: GeoNames (geonames.org), CC BY 4.0"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with TestClient(create_app(build_database(tmp_path_factory.mktemp("maps")))) as c:
        yield c


def _features(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["properties"]["name"]: f for f in body["features"]}


def test_places_are_district_polygons_or_points_with_counts(client: TestClient) -> None:
    body = client.get("/api/places.geojson").json()
    assert body["type"] == "FeatureCollection"
    assert GEOBOUNDARIES in body["attribution"] and GEONAMES in body["attribution"]
    places = _features(body)
    kalbajar = places["Kalbajar"]
    assert kalbajar["geometry"]["type"] == "Polygon"
    assert kalbajar["properties"]["kind"] == "district"
    assert kalbajar["properties"]["country"] == "AZ"
    assert kalbajar["properties"]["measures"]["area"] == 2
    assert kalbajar["properties"]["measures"]["capture"] >= 2
    assert kalbajar["properties"]["claims"] == sum(kalbajar["properties"]["measures"].values())
    refs = kalbajar["properties"]["claim_refs"]
    assert 1 <= len(refs) <= 20
    document_id, claim_id = refs[0]
    assert client.get(f"/api/claims/{document_id}/{claim_id}").json()["place"] == "Kalbajar"
    assert places["Armenia"]["properties"]["kind"] == "country"
    assert places["Armenia"]["geometry"]["type"] == "MultiPolygon"


def test_places_of_one_source(client: TestClient) -> None:
    places = _features(client.get("/api/places.geojson", params={"source": OCCUPIED}).json())
    assert "Kalbajar" in places
    refs = places["Kalbajar"]["properties"]["claim_refs"]
    sources = {client.get(f"/api/claims/{d}/{c}").json()["source"] for d, c in refs}
    assert sources == {OCCUPIED}


def test_basemap_has_the_districts_and_countries(client: TestClient) -> None:
    body = client.get("/api/basemap.geojson").json()
    kinds: dict[str, set[str]] = {}
    for feature in body["features"]:
        kinds.setdefault(feature["properties"]["kind"], set()).add(feature["properties"]["name"])
    assert kinds["country"] == {"Armenia", "Azerbaijan"}
    assert {"Kalbajar", "Lachin", "Qubadli", "Zangilan", "Jabrayil", "Fuzuli", "Agdam",
            "Shusha"} <= kinds["district"]
    assert set(kinds) == {"country", "district"}
    assert GEOBOUNDARIES in body["attribution"]


def test_control_sources_list_who_reports_captures_and_returns(client: TestClient) -> None:
    items = {i["source"]: i for i in client.get("/api/control/sources").json()["items"]}
    assert items[FIGURES]["events"] == 9
    assert items[FIGURES]["first"] == "1988" and items[FIGURES]["last"] == "1993-10-29"
    assert items[OCCUPIED]["first"] == "2020-11-20"


def _places(client: TestClient, source: str, day: str) -> dict[str, dict[str, Any]]:
    body = client.get("/api/control", params={"source": source, "date": day}).json()
    assert body["date"] == day and body["source"] == source
    return {p["place"]: p for p in body["places"]}


def test_kalbajar_captured_in_1993_by_armenia_per_the_government_figures(client: TestClient) -> None:
    before = _places(client, FIGURES, "1993-04-01")
    assert before["Kalbajar"]["state"] == "unknown" and before["Kalbajar"]["holder"] is None
    assert before["Shusha"]["state"] == "captured" and before["Shusha"]["since"] == "1992-05-08"
    after = _places(client, FIGURES, "1993-04-02")
    assert after["Kalbajar"] == {**after["Kalbajar"], "state": "captured", "holder": "Armenia",
                                 "since": "1993-04-02"}
    assert after["Agdam"]["state"] == "unknown"  # taken in July 1993
    assert _places(client, FIGURES, "1994-05-12")["Zangilan"]["state"] == "captured"


def test_kalbajar_returned_in_2020_per_the_occupied_territories_article(client: TestClient) -> None:
    places = _places(client, OCCUPIED, "2020-12-31")
    assert places["Kalbajar"]["state"] == "returned"
    assert places["Kalbajar"]["since"] == "2020-11-20"
    assert places["Kalbajar"]["holder"] is None  # the text says who handed it back, not to whom
    assert places["Kalbajar"]["actor"] == "Armenia"
    assert _places(client, OCCUPIED, "2020-11-19")["Kalbajar"]["state"] == "unknown"


def test_a_month_date_counts_from_its_first_day(client: TestClient) -> None:
    source = "wikipedia-nagorno-karabakh-conflict"  # "Kalbajar fell ... in April 1993"
    assert _places(client, source, "1993-03-31")["Kalbajar"]["state"] == "unknown"
    assert _places(client, source, "1993-04-01")["Kalbajar"]["state"] == "captured"


@pytest.mark.parametrize("params", [
    {"source": FIGURES}, {"date": "1993-04-02"}, {"source": FIGURES, "date": "1993"},
    {"source": FIGURES, "date": "1993-04-31"}, {"source": FIGURES, "date": "02/04/1993"},
])
def test_control_needs_a_source_and_a_day(client: TestClient, params: dict[str, str]) -> None:
    assert client.get("/api/control", params=params).status_code == 422


def test_timeline_orders_dated_events_and_gives_the_days_they_cover(client: TestClient) -> None:
    items = client.get("/api/timeline").json()["items"]
    starts = [i["start"] for i in items]
    assert starts == sorted(starts)
    month = next(i for i in items if i["date"] == "1993-04" and i["place"] == "Kalbajar")
    assert (month["start"], month["end"]) == ("1993-04-01", "1993-04-30")
    assert month["evidence"] == "Kalbajar fell to Armenian forces in April 1993."
    year = next(i for i in items if i["date"] == "1988")
    assert (year["start"], year["end"]) == ("1988-01-01", "1988-12-31")
    assert {i["event_type"] for i in items} >= {"capture", "return", "ceasefire", "war_start"}
    returned = client.get("/api/timeline", params={"source": OCCUPIED,
                                                   "event_type": "return"}).json()["items"]
    assert {(i["event_type"], i["place"]) for i in returned} == {("return", "Kalbajar"),
                                                                 ("return", "Lachin")}
    assert {i["source"] for i in returned} == {OCCUPIED}
