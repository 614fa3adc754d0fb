"""What the server promises a browser and an attacker: CSP and nosniff on every answer, document
HTML returned as a JSON string, ingest only with the token and under the size limit, and correct
answers to 20 clients at once."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
import uvicorn
from fastapi.testclient import TestClient

from corroborate.api import create_app
from corroborate.api.middleware import CSP
from tests.api.karabakh import build_database

TOKEN = "a-long-enough-test-token-0123"
HOSTILE = ('<script>alert("x")</script><img src=x onerror=alert(1)> On 3 May 1994, 40 soldiers '
           'were killed in <b>Lachin</b>.\n')


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("security")
    page = folder / "hostile-page.txt"
    page.write_text(HOSTILE, encoding="utf-8")
    return build_database(folder, page)


@pytest.fixture(scope="module")
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as c:
        yield c


@pytest.mark.parametrize("url", ["/api/overview", "/api/claims?limit=0", "/api/documents/999",
                                 "/api/no-such-route", "/", "/docs", "/openapi.json",
                                 "/static/no-such-file.js", "/api/claims?format=csv&limit=1"])
def test_every_answer_carries_the_csp_and_nosniff(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.headers["content-security-policy"] == CSP
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in CSP and "script-src 'self'" in CSP


@pytest.mark.parametrize("url", ["/", "/api/sources", "/api/claims?limit=2"])
def test_head_answers_the_gets_headers_without_a_body(client: TestClient, url: str) -> None:
    got, head = client.get(url), client.head(url)
    assert head.status_code == got.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert head.headers["content-security-policy"] == CSP


def test_index_without_the_web_page_links_the_docs(client: TestClient,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    monkeypatch.setattr("corroborate.api.app.STATIC", tmp_path / "missing")
    response = client.get("/")
    assert response.status_code == 200 and 'href="/docs"' in response.text


def test_docs_page_lists_routes_without_inline_script(client: TestClient) -> None:
    page = client.get("/docs").text
    assert "GET /api/claims" in page and "<script" not in page and "style=" not in page


def test_html_in_a_document_comes_back_as_a_json_string(client: TestClient) -> None:
    doc = next(d for d in client.get("/api/documents").json()["items"]
               if d["source"] == "hostile-page")
    response = client.get(f"/api/documents/{doc['id']}")
    assert response.headers["content-type"] == "application/json"
    assert response.json()["text"] == HOSTILE
    killed = next(c for c in response.json()["claims"] if c["measure"] == "killed")
    assert response.json()["text"][killed["start"]:killed["end"]].endswith("<b>Lachin</b>.")
    hits = client.get("/api/search", params={"q": "alert"}).json()["items"]
    assert any("<script>" in h["text"] for h in hits)


# -- ingest ---------------------------------------------------------------------------------------
@pytest.fixture
def ingest_client(db: str, tmp_path: Path) -> Iterator[TestClient]:
    copy = tmp_path / "writable.db"
    copy.write_bytes(Path(db).read_bytes())
    with TestClient(create_app(copy, allow_ingest=True, token=TOKEN,
                               max_upload_bytes=4000)) as c:
        yield c


def _upload(client: TestClient, body: bytes, headers: dict[str, str] | None = None,
            name: str = "field-report.txt") -> httpx.Response:
    return client.post("/api/ingest", files={"file": (name, body, "text/plain")},
                       headers=headers or {"Authorization": f"Bearer {TOKEN}"})


REPORT = b"On 3 May 1994, 40 soldiers were killed near Agdam, the field report says.\n"


def test_ingest_is_404_unless_enabled(client: TestClient) -> None:
    response = _upload(client, REPORT)
    assert response.status_code == 404 and "--allow-ingest" in response.json()["detail"]


@pytest.mark.parametrize(("headers", "status"), [
    ({}, 401), ({"Authorization": TOKEN}, 401), ({"Authorization": f"Basic {TOKEN}"}, 401),
    ({"Authorization": "Bearer "}, 401), ({"Authorization": "Bearer wrong-token"}, 403),
    ({"Authorization": f"Bearer {TOKEN}x"}, 403),
])
def test_ingest_needs_the_token(ingest_client: TestClient, headers: dict[str, str],
                                status: int) -> None:
    response = ingest_client.post("/api/ingest", files={"file": ("a.txt", REPORT, "text/plain")},
                                  headers=headers)
    assert response.status_code == status
    if status == 401:
        assert response.headers["www-authenticate"] == "Bearer"


def test_ingest_refuses_an_upload_over_the_limit(ingest_client: TestClient) -> None:
    response = _upload(ingest_client, REPORT * 100)
    assert response.status_code == 413 and "limit of 4000" in response.json()["detail"]


def _agdam_writers(client: TestClient) -> set[str]:
    names = client.get("/api/names").json()["items"]
    return {v["source"] for n in names if n["entity"] == "Agdam" for v in n["variants"]}


def test_ingest_stores_an_upload_once(ingest_client: TestClient) -> None:
    before = ingest_client.get("/api/overview").json()["counts"]
    assert "field-report" not in _agdam_writers(ingest_client)  # the names answer is now kept
    (outcome,) = _upload(ingest_client, REPORT).json()["outcomes"]
    assert outcome["status"] == "added" and outcome["error"] is None and outcome["claims"] >= 1
    after = ingest_client.get("/api/overview").json()["counts"]
    assert after["documents"] == before["documents"] + 1
    assert after["claims"] == before["claims"] + outcome["claims"]
    killed = ingest_client.get("/api/claims", params={"source": "field-report"}).json()["items"]
    assert any(c["measure"] == "killed" and c["value"]["low"] == 40 for c in killed)
    assert "field-report" in _agdam_writers(ingest_client)  # ... until the database changed
    assert _upload(ingest_client, REPORT).json()["outcomes"][0]["status"] == "unchanged"


def test_ingest_reports_a_bad_document_in_one_line(ingest_client: TestClient) -> None:
    (outcome,) = _upload(ingest_client, b"\x00\x01\x02binary" * 10, name="x.txt").json()["outcomes"]
    assert outcome["status"] == "failed" and outcome["error"].startswith("Error [E10")


@pytest.mark.parametrize("data", [{"url": "file:///etc/passwd"}, {"url": "/etc/passwd"}, {}])
def test_ingest_takes_only_http_urls(ingest_client: TestClient, data: dict[str, str]) -> None:
    response = ingest_client.post("/api/ingest", data=data,
                                  headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 422


def test_ingest_fetches_a_url(ingest_client: TestClient,
                              http_server: tuple[str, Path]) -> None:
    base, folder = http_server
    (folder / "bulletin.txt").write_bytes(REPORT)
    response = ingest_client.post("/api/ingest", data={"url": f"{base}/bulletin.txt"},
                                  headers={"Authorization": f"Bearer {TOKEN}"})
    (outcome,) = response.json()["outcomes"]
    assert outcome["status"] == "added" and outcome["location"] == f"{base}/bulletin.txt"


def test_create_app_refuses_ingest_without_a_token(db: str) -> None:
    with pytest.raises(ValueError, match="token"):
        create_app(db, allow_ingest=True)


# -- concurrency ----------------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_twenty_clients_at_once_get_correct_answers(db: str) -> None:
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 10
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        expected = httpx.get(f"{base}/api/claims", params={"limit": 500}).json()["items"]
        docs = httpx.get(f"{base}/api/documents").json()["items"]

        def client_session(n: int) -> bool:
            with httpx.Client(base_url=base, timeout=30) as http:
                doc = docs[n % len(docs)]
                text = http.get(f"/api/documents/{doc['id']}").json()
                claims = http.get("/api/claims", params={"limit": 500}).json()["items"]
                control = http.get("/api/control", params={
                    "source": "azerbaijan-occupation-in-figures", "date": "1993-04-02"}).json()
                return (text["id"] == doc["id"] and claims == expected
                        and any(p["place"] == "Kalbajar" and p["state"] == "captured"
                                for p in control["places"]))

        with ThreadPoolExecutor(max_workers=20) as pool:
            results = list(pool.map(client_session, range(20)))
        assert results == [True] * 20
    finally:
        server.should_exit = True
        thread.join(timeout=10)
