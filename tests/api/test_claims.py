"""GET /api/claims (filters, cursors, csv and jsonl), one claim, facts and disputes."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

from corroborate.api import create_app
from corroborate.api.models import ClaimPage, DisputePage, FactPage, FeatureCollection
from corroborate.store import open_store
from tests.api.karabakh import build_database


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with TestClient(create_app(build_database(tmp_path_factory.mktemp("claims")))) as c:
        yield c


def _all(client: TestClient, url: str, **params: object) -> list[dict[str, object]]:
    items: list[dict[str, object]] = []
    cursor = None
    while True:
        body = client.get(url, params={**params, **({"cursor": cursor} if cursor else {})}).json()
        items.extend(body["items"])
        cursor = body["next_cursor"]
        if cursor is None:
            return items


def test_cursor_paging_returns_every_claim_exactly_once(client: TestClient) -> None:
    total = client.get("/api/overview").json()["counts"]["claims"]
    paged = _all(client, "/api/claims", limit=7)
    assert len(paged) == total
    assert len({(c["document_id"], c["id"]) for c in paged}) == total
    assert paged == client.get("/api/claims", params={"limit": 500}).json()["items"]


@pytest.mark.parametrize(("params", "check"), [
    ({"measure": "area", "place": "Kalbajar"},
     lambda c: c["measure"] == "area" and c["place"] == "Kalbajar"),
    ({"kind": "event", "event_type": "capture"}, lambda c: c["event_type"] == "capture"),
    ({"source": "rulac-occupation-of-azerbaijan"},
     lambda c: c["source"] == "rulac-occupation-of-azerbaijan"),
    ({"side": "Azerbaijan", "group": "soldiers"},
     lambda c: c["side"] == "Azerbaijan" and c["group"] == "soldiers"),
    ({"q": "KELBAJAR"}, lambda c: "kelbajar" in c["evidence"]["text"].lower()),
    ({"time_from": "1993-04", "time_to": "1993-04"},
     lambda c: (c["date"] or c["time"]["start"] or "0")[:7] <= "1993-04"),
])
def test_filters_keep_only_matching_claims(client: TestClient, params: dict[str, str],
                                           check: object) -> None:
    items = _all(client, "/api/claims", limit=500, **params)
    assert items
    assert all(check(c) for c in items)  # type: ignore[operator]


def test_time_overlap_finds_kalbajar_captured_in_april_1993(client: TestClient) -> None:
    items = _all(client, "/api/claims", event_type="capture", time_from="1993-04-02",
                 time_to="1993-04-02")
    assert {(c["source"], c["place"]) for c in items} >= {
        ("azerbaijan-occupation-in-figures", "Kalbajar"),  # dated 1993-04-02
        ("wikipedia-nagorno-karabakh-conflict", "Kalbajar")}  # dated 1993-04: overlaps
    assert all(c["place"] != "Agdam" for c in items)  # 1993-07-23


def test_document_filter_and_claim_detail_with_its_facts(client: TestClient) -> None:
    claim = _all(client, "/api/claims", measure="area", place="Kalbajar",
                 source="azerbaijan-occupation-in-figures")[0]
    in_document = _all(client, "/api/claims", document=claim["document_id"])
    assert all(c["document_id"] == claim["document_id"] for c in in_document)
    detail = client.get(f"/api/claims/{claim['document_id']}/{claim['id']}").json()
    assert detail["evidence"]["text"] == "Kalbajar: occupied April 2, 1993; 3054 km2"
    assert detail["value"] == {"low": 3054.0, "high": 3054.0, "bound": "exact"}
    (fact_id,) = detail["facts"]
    fact = client.get(f"/api/facts/{fact_id}").json()
    assert claim["id"] in [c["id"] for c in fact["claims"]]


def test_csv_and_jsonl_formats_with_the_cursor_in_a_header(client: TestClient) -> None:
    response = client.get("/api/claims", params={"format": "csv", "limit": 3})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 3 and {"id", "evidence_text", "value_low", "document_id"} <= set(rows[0])
    following = client.get("/api/claims", params={"format": "jsonl", "limit": 3,
                                                  "cursor": response.headers["x-next-cursor"]})
    lines = [json.loads(line) for line in following.text.splitlines()]
    as_json = client.get("/api/claims", params={"limit": 6}).json()["items"]
    assert [r["id"] for r in rows] + [r["id"] for r in lines] == [c["id"] for c in as_json]
    last = client.get("/api/claims", params={"format": "csv", "limit": 500})
    assert "x-next-cursor" not in last.headers


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(client: TestClient) -> None:
    text = client.get("/api/claims", params={"format": "csv", "limit": 500}).text
    for row in csv.DictReader(io.StringIO(text)):
        assert not row["evidence_text"].startswith(("=", "+", "@"))


def test_the_kalbajar_area_dispute_shows_both_sources_words(client: TestClient) -> None:
    disputes = _all(client, "/api/disputes", measure="area", limit=2)
    kalbajar = next(d for d in disputes if d["key"]["place"] == "Kalbajar")
    words = {c["source"]: c["evidence"]["text"] for c in kalbajar["claims"]}
    assert words == {"azerbaijan-occupation-in-figures": "Kalbajar: occupied April 2, 1993; 3054 km2",
                     "wikipedia-nagorno-karabakh-conflict": "Kelbajar: 1,936"}
    assert kalbajar["why"] == ("no value is allowed by every source: 1,936 "
                               "(wikipedia-nagorno-karabakh-conflict) against 3,054 "
                               "(azerbaijan-occupation-in-figures)")
    assert kalbajar["spread"] == pytest.approx((3054 - 1936) / 1936, abs=1e-3)
    spreads = [d["spread"] for d in disputes]
    assert spreads == sorted(spreads, reverse=True)
    assert all(c["document_id"] >= 1 for c in kalbajar["claims"])


def test_facts_filters_and_paging(client: TestClient) -> None:
    everything = _all(client, "/api/facts", limit=500)
    paged = _all(client, "/api/facts", limit=9)
    assert [f["id"] for f in paged] == [f["id"] for f in everything]
    assert len({f["id"] for f in paged}) == len(paged) > 9
    disagree = _all(client, "/api/facts", verdict="disagree", limit=500)
    assert len(disagree) == len(_all(client, "/api/disputes", limit=500))
    events = _all(client, "/api/facts", kind="event", limit=500)
    assert events and all(f["kind"] == "event" for f in events)
    assert _all(client, "/api/facts", conflict="no such war") == []


def test_a_name_fact_by_id_lists_each_sources_spelling(client: TestClient) -> None:
    with open_store(client.app.state.db, create=False, readonly=True) as store:  # type: ignore[attr-defined]
        names = store.fact_page(kind="name", measure="Kalbajar")[0]
    (kalbajar,) = names
    fact = client.get(f"/api/facts/{kalbajar['id']}").json()
    written = {(c["source"], c["as_written"]) for c in fact["claims"]}
    assert ("wikipedia-nagorno-karabakh-conflict", "Kelbajar") in written
    assert fact["kind"] == "name" and fact["verdict"] == "disagree"


@pytest.mark.parametrize("url", [
    "/api/claims?limit=0", "/api/claims?limit=501", "/api/claims?limit=ten",
    "/api/claims?kind=rumour", "/api/claims?format=xml", "/api/claims?time_from=1993-13",
    "/api/claims?time_from=1993-02-30", "/api/claims?time_to=yesterday",
    "/api/claims?time_from=1994&time_to=1993", "/api/claims?cursor=not-a-cursor",
    "/api/claims?cursor=WyJmYWN0cyIsImYtMSJd",  # a facts cursor given to claims
    "/api/claims?cursor=%F0%9F%92%A3", "/api/facts?verdict=maybe", "/api/facts?cursor=e30",
    "/api/disputes?kind=name", "/api/disputes?cursor=WyJkaXNwdXRlcyIsIngiLCJ5Il0",
])
def test_bad_parameters_are_one_line_422s(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert isinstance(detail, str) and "\n" not in detail


@pytest.mark.parametrize("url", ["/api/claims/1/c-0000", "/api/claims/999/c-0000",
                                 "/api/facts/f-0000000000000000"])
def test_unknown_ids_are_404s(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert "no " in response.json()["detail"]


@pytest.mark.parametrize(("url", "model"), [
    ("/api/claims?limit=500", ClaimPage), ("/api/facts?limit=500", FactPage),
    ("/api/disputes?limit=500", DisputePage), ("/api/places.geojson", FeatureCollection),
])
def test_records_sent_unchecked_match_the_documented_models(client: TestClient, url: str,
                                                            model: type[BaseModel]) -> None:
    # these routes send the store's records as they are (no response validation): the schema
    # /openapi.json documents must still describe them
    body = client.get(url).json()
    model.model_validate(body)
    assert body.get("items", body.get("features"))
