"""GET /api/overview, conflicts, sources, documents, names, search over the Karabakh example."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from corroborate.api import create_app
from tests.api.karabakh import build_database

CONFLICT = "Nagorno-Karabakh conflict"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    with TestClient(create_app(build_database(tmp_path_factory.mktemp("catalog")))) as c:
        yield c


def test_overview_counts_and_largest_disputes(client: TestClient) -> None:
    body = client.get("/api/overview").json()
    assert body["counts"]["sources"] == 5
    assert body["counts"]["documents"] == 5
    assert body["counts"]["claims"] >= 150
    assert 0 < body["counts"]["disputes"] < body["counts"]["facts"]
    (conflict,) = body["conflicts"]
    assert conflict["name"] == CONFLICT and conflict["documents"] == 5
    assert conflict["claims"] == body["counts"]["claims"]
    spreads = [d["spread"] for d in body["largest_disputes"]]
    assert 1 <= len(spreads) <= 10 and spreads == sorted(spreads, reverse=True)
    assert all(d["verdict"] == "disagree" and d["why"] for d in body["largest_disputes"])


def test_conflicts_list_documents_and_sources(client: TestClient) -> None:
    (item,) = client.get("/api/conflicts").json()["items"]
    assert item["name"] == CONFLICT
    assert item["inferred"] is False  # sources.toml names it
    assert "wikipedia-occupied-territories" in item["sources"]
    assert {d["source"] for d in item["documents"]} == set(item["sources"])
    assert all(d["location"].endswith(".txt") and d["id"] >= 1 for d in item["documents"])


def test_sources_carry_metadata_and_counts(client: TestClient) -> None:
    items = {s["slug"]: s for s in client.get("/api/sources").json()["items"]}
    figures = items["azerbaijan-occupation-in-figures"]
    assert figures["kind"] == "government" and figures["published"] == "2011"
    assert figures["documents"] == 1 and figures["claims"] >= 15
    assert figures["license"] == "CC0-1.0"


def test_documents_filtered_by_source_and_conflict(client: TestClient) -> None:
    everything = client.get("/api/documents").json()["items"]
    assert len(everything) == 5
    one = client.get("/api/documents", params={"source": "rulac-occupation-of-azerbaijan"}).json()
    assert [d["source"] for d in one["items"]] == ["rulac-occupation-of-azerbaijan"]
    assert len(client.get("/api/documents", params={"conflict": "karabakh war"}).json()["items"]) == 5
    assert client.get("/api/documents", params={"conflict": "unknown"}).json()["items"] == []


def test_document_text_holds_every_claims_words(client: TestClient) -> None:
    doc_id = next(d["id"] for d in client.get("/api/documents").json()["items"]
                  if d["source"] == "azerbaijan-occupation-in-figures")
    body = client.get(f"/api/documents/{doc_id}").json()
    text = body["text"]
    assert body["published"] == "2011" and body["conflict"] == CONFLICT
    assert len(body["claims"]) == next(d["claims"] for d in
                                       client.get("/api/documents").json()["items"]
                                       if d["id"] == doc_id)
    kalbajar = next(c for c in body["claims"] if c["measure"] == "area" and c["place"] == "Kalbajar")
    assert text[kalbajar["start"]:kalbajar["end"]] == "Kalbajar: occupied April 2, 1993; 3054 km2"
    assert text[kalbajar["figure"]["start"]:kalbajar["figure"]["end"]] == "3054 km2"
    for claim in body["claims"]:
        full = client.get(f"/api/claims/{doc_id}/{claim['id']}").json()
        assert text[claim["start"]:claim["end"]] == full["evidence"]["text"]


def test_names_show_each_sources_spelling(client: TestClient) -> None:
    items = client.get("/api/names", params={"conflict": CONFLICT}).json()["items"]
    kalbajar = next(i for i in items if i["entity"] == "Kalbajar" and i["kind"] == "place")
    written = {v["source"]: v["written"] for v in kalbajar["variants"]}
    assert "Kelbajar" in written["wikipedia-nagorno-karabakh-conflict"]
    assert "Kalbajar" in written["azerbaijan-occupation-in-figures"]
    assert any(i["kind"] == "actor" for i in items)


def test_search_highlights_point_into_the_document(client: TestClient) -> None:
    items = client.get("/api/search", params={"q": "Kelbajar", "limit": 5}).json()["items"]
    assert items
    for hit in items:
        text = client.get(f"/api/documents/{hit['document_id']}").json()["text"]
        assert text[hit["start"]:hit["start"] + len(hit["text"])] == hit["text"]
        for start, end in hit["highlights"]:
            assert hit["text"][start:end].casefold() == "kelbajar"


@pytest.mark.parametrize(("url", "status"), [
    ("/api/search?q=", 422),
    ("/api/search?q=%20%20", 422),
    ("/api/search?q=Lachin&limit=501", 422),
    ("/api/search?q=%22unclosed", 200),  # words are plain terms, never FTS syntax
    ("/api/documents/99999", 404),
    ("/api/documents/abc", 422),
    ("/api/documents/0", 422),
])
def test_bad_parameters_and_unknown_ids(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    if status != 200:
        detail = response.json()["detail"]
        assert isinstance(detail, str) and "\n" not in detail and detail
