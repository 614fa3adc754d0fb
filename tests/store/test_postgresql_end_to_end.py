"""corroborate on a PostgreSQL database, end to end: `ingest` and `disputes` with a
postgresql:// --db give what they give on SQLite, and the API answers from it."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import Result

from corroborate.api import create_app

KARABAKH = Path(__file__).resolve().parents[2] / "examples" / "karabakh"


def disputes(cli: Callable[..., Result], db: str) -> list[dict[str, object]]:
    ingested = cli("ingest", str(KARABAKH), "--db", db)
    assert ingested.exit_code == 0, ingested.stderr
    assert "5 documents: 5 added" in ingested.stderr + ingested.stdout
    listed = cli("disputes", "--db", db, "--format", "jsonl")
    assert listed.exit_code == 0, listed.stderr
    return [json.loads(line) for line in listed.stdout.splitlines()]


def test_ingest_then_disputes_give_the_same_disputes_as_sqlite(
        cli: Callable[..., Result], postgres_url: str, tmp_path: Path) -> None:
    on_postgres = disputes(cli, postgres_url)
    assert on_postgres == disputes(cli, str(tmp_path / "karabakh.db"))
    assert len(on_postgres) >= 10
    assert {d["verdict"] for d in on_postgres} == {"disagree"}
    again = cli("ingest", str(KARABAKH), "--db", postgres_url)
    assert "5 documents: 5 unchanged" in again.stderr + again.stdout


def test_the_api_answers_claims_and_disputes_from_postgresql(
        cli: Callable[..., Result], postgres_url: str, tmp_path: Path) -> None:
    assert cli("ingest", str(KARABAKH), "--db", postgres_url).exit_code == 0
    sqlite = str(tmp_path / "karabakh.db")
    assert cli("ingest", str(KARABAKH), "--db", sqlite).exit_code == 0
    with TestClient(create_app(postgres_url)) as pg, TestClient(create_app(sqlite)) as lite:
        for path in ("/api/claims?limit=20&measure=killed", "/api/disputes?limit=5",
                     "/api/overview", "/api/search?q=Shusha", "/api/places.geojson"):
            answer = pg.get(path)
            assert answer.status_code == 200, answer.text
            assert answer.json() == lite.get(path).json(), path
        claims = pg.get("/api/claims?limit=3").json()
        assert len(claims["items"]) == 3 and claims["next_cursor"]
        following = pg.get(f"/api/claims?limit=3&cursor={claims['next_cursor']}").json()
        assert {c["id"] for c in following["items"]}.isdisjoint(c["id"] for c in claims["items"])
        assert pg.get("/").status_code == 200


def test_a_postgresql_url_nobody_serves_is_one_line(
        run_corroborate: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    pytest.importorskip("psycopg", reason="psycopg is not installed")
    result = run_corroborate("disputes", "--db", "postgresql://reader:hunter2@127.0.0.1:9/wars")
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("Error [E301] postgresql://reader@127.0.0.1:9/wars: cannot open "
                           "the database (")
    assert "hunter2" not in result.stderr
