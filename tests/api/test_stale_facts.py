"""A database whose stored facts are out of date is aligned once when the app starts, so the
API never serves facts of claims that are gone."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from corroborate.api import create_app
from corroborate.store import open_store
from tests.api.karabakh import build_database

FIGURES = "azerbaijan-occupation-in-figures"


def test_stale_facts_are_aligned_when_the_app_starts(tmp_path: Path) -> None:
    db = build_database(tmp_path)
    with open_store(db) as store:
        (figures,) = [d for d in store.documents() if d["source"] == FIGURES]
        store.replace_claims(figures["id"], [], "test: every claim of the government page gone")
        assert store.is_stale()
    app = create_app(db)
    assert app.state.stale_warning is None
    with open_store(db, create=False, readonly=True) as store:
        assert not store.is_stale()
    with TestClient(app) as client:
        disputes = client.get("/api/disputes", params={"measure": "area", "limit": 500}).json()
        sources = {c["source"] for d in disputes["items"] for c in d["claims"]}
        assert FIGURES not in sources
        assert all(d["key"]["place"] != "Kalbajar" for d in disputes["items"])
        counts = client.get("/api/overview").json()["counts"]
        assert counts["claims"] == sum(d["claims"] or 0 for d in
                                       client.get("/api/documents").json()["items"])
