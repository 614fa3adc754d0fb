"""The API on a PostgreSQL store answers from a connection pool: concurrent requests answer what
they answer on SQLite, do not wait for one another or for the writers' lock, the pool is opened
at start-up and closed at shutdown, and a server that cannot be reached is one line."""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from corroborate.api import create_app
from corroborate.errors import CorroborateError
from corroborate.pipeline import ingest
from corroborate.store import open_store

pytest.importorskip("psycopg", reason="psycopg is not installed (pip install "
                                      "'corroborate[postgresql]')")
pytest.importorskip("psycopg_pool", reason="psycopg-pool is not installed (pip install "
                                           "'corroborate[postgresql]')")

import psycopg

from corroborate.store._opening import APPLICATION_ID
from corroborate.store.postgresql import PostgreSQLPool

Result = Any  # click's Result
EXAMPLES = [Path(__file__).resolve().parents[2] / "examples" / name
            for name in ("karabakh", "falklands", "kosovo")]
KARABAKH = "Nagorno-Karabakh war"
# what the web page asks, first pages and filtered ones
PATHS = ["/api/claims?limit=50", "/api/claims?measure=killed&limit=5",
         f"/api/claims?conflict={KARABAKH}&kind=event&limit=20", "/api/claims?q=killed&limit=10",
         "/api/disputes?limit=20", "/api/facts?limit=50", "/api/places.geojson",
         "/api/places.geojson?conflict=Falklands+War", "/api/names", "/api/conflicts",
         "/api/sources", "/api/timeline"]


@pytest.fixture(scope="module")
def both(postgres_server: str,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The three examples ingested into a SQLite file and into a PostgreSQL database."""
    from tests.store.postgres_cluster import database

    path = tmp_path_factory.mktemp("pool") / "examples.db"
    with database(postgres_server) as url:
        for target in (str(path), url):
            with open_store(target) as store:
                report = ingest([str(p) for p in EXAMPLES], store, max_bytes=50_000_000)
                assert len(report.outcomes) == 15 and not report.failed
        yield str(path), url


def backends_connected(url: str) -> int:
    """Connections to the database at ``url`` other than the one asking."""
    with psycopg.connect(url) as conn:
        return int(conn.execute("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = "
                                "current_database() AND pid <> pg_backend_pid()").fetchone()[0])


def settles_at(url: str, expected: int, within: float = 30.0) -> int:
    """backends_connected once it reaches ``expected`` (or when ``within`` seconds have passed):
    a closed connection's server process leaves pg_stat_activity a moment after the client let
    go, later still on a loaded machine."""
    deadline = time.monotonic() + within
    while (found := backends_connected(url)) != expected and time.monotonic() < deadline:
        time.sleep(0.05)
    return found


def answers(client: TestClient, paths: list[str]) -> list[tuple[int, Any]]:
    """Every path asked by 20 threads at once, the status and JSON of each in ``paths`` order."""
    def ask(path: str) -> tuple[int, Any]:
        response = client.get(path)
        return response.status_code, response.json()

    with ThreadPoolExecutor(20) as threads:
        return list(threads.map(ask, paths))


def test_twenty_concurrent_clients_read_what_sqlite_answers(both: tuple[str, str]) -> None:
    lite, pg = both
    asked = PATHS * 5
    with TestClient(create_app(lite)) as client:
        expected = [(client.get(path).status_code, client.get(path).json()) for path in PATHS]
    assert all(status == 200 for status, _ in expected)
    assert expected[4][1]["items"] and expected[6][1]["features"]  # disputes, places: not empty
    with TestClient(create_app(pg)) as client:
        assert client.app.state.pool.size == 8
        found = answers(client, asked)
    assert found == expected * 5


def test_a_request_waiting_on_the_server_does_not_hold_up_the_others(
        both: tuple[str, str]) -> None:
    _, pg = both
    with TestClient(create_app(pg)) as client, psycopg.connect(pg) as locker:
        locker.execute("LOCK TABLE places IN ACCESS EXCLUSIVE MODE")  # until rollback
        stuck: list[int] = []
        waiting = threading.Thread(
            target=lambda: stuck.append(client.get("/api/places.geojson").status_code))
        waiting.start()
        waiting.join(1.0)
        assert waiting.is_alive()  # places.geojson waits for the table, on its connection
        assert [status for status, _ in answers(client, ["/api/claims?limit=5"] * 20)] == \
            [200] * 20
        locker.rollback()
        waiting.join(30)
    assert stuck == [200]


def test_reads_do_not_wait_for_the_writers_lock(both: tuple[str, str]) -> None:
    _, pg = both
    with psycopg.connect(pg, autocommit=True) as writer:
        writer.execute("SELECT pg_advisory_lock(%s)", (APPLICATION_ID,))  # a writer, stuck
        with TestClient(create_app(pg)) as client:
            found = answers(client, ["/api/disputes?limit=20", "/api/claims?limit=5"] * 10)
        assert [status for status, _ in found] == [200] * 20
        writer.execute("SELECT pg_advisory_unlock(%s)", (APPLICATION_ID,))


def test_the_pool_is_opened_at_start_up_and_closed_at_shutdown(both: tuple[str, str]) -> None:
    _, pg = both
    before = backends_connected(pg)
    app = create_app(pg, pool_size=3)
    assert app.state.pool is None and backends_connected(pg) == before
    with TestClient(app) as client:
        pool = app.state.pool
        assert settles_at(pg, before + 3) == before + 3
        assert client.get("/api/claims?limit=1").status_code == 200
    assert pool.closed and app.state.pool is None
    assert settles_at(pg, before) == before


def test_a_connection_the_server_dropped_is_replaced(both: tuple[str, str]) -> None:
    _, pg = both
    with TestClient(create_app(pg, pool_size=2)) as client, \
            psycopg.connect(pg, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                      "current_database() AND pid <> pg_backend_pid()")
        assert [status for status, _ in answers(client, ["/api/claims?limit=5"] * 4)] == \
            [200] * 4


def test_while_the_database_refuses_connections_requests_are_one_line_then_answered_again(
        both: tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    _, pg = both
    monkeypatch.setattr("corroborate.store.postgresql._POOL_WAIT_SECONDS", 1.0)
    url = pg.replace("postgresql://postgres@", "postgresql://postgres:s3cret-pw@")
    name = pg.rsplit("/", 1)[1]
    admin = pg.rsplit("/", 1)[0] + "/postgres"
    with TestClient(create_app(url, pool_size=2)) as client, \
            psycopg.connect(admin, autocommit=True) as server:
        assert client.get("/api/claims?limit=1").status_code == 200
        try:  # as a server that went down: its connections cut, no new ones let in
            server.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
            server.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                           "datname = %s", (name,))
            down = client.get("/api/claims?limit=1")
        finally:
            server.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        assert down.status_code == 500
        assert down.json() == {"detail": f"Error [E301] {pg}: cannot open the database (no "
                                         "connection free or made in 1 s)"}
        deadline = time.monotonic() + 30
        while client.get("/api/claims?limit=1").status_code != 200:  # the pool reconnects
            assert time.monotonic() < deadline, "the pool did not reconnect in 30 s"
            time.sleep(0.2)


def test_serve_passes_its_pool_size(both: tuple[str, str], monkeypatch: pytest.MonkeyPatch,
                                    cli: Callable[..., Result]) -> None:
    _, pg = both
    seen: dict[str, Any] = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **_: seen.update(app=app))
    assert cli("serve", "--db", pg, "--pool-size", "2").exit_code == 0
    with TestClient(seen["app"], base_url="http://127.0.0.1:8000") as client:
        assert client.app.state.pool.size == 2
        assert client.get("/api/conflicts").status_code == 200


def test_a_pool_with_no_connection_free_is_one_e301_line(both: tuple[str, str]) -> None:
    _, pg = both
    url = pg.replace("postgresql://postgres@", "postgresql://postgres:s3cret-pw@")
    pool = PostgreSQLPool(url, size=1, timeout=0.5)
    pool.open()
    try:
        with pool.store() as store, pytest.raises(CorroborateError) as caught, pool.store():
            pytest.fail(f"a second connection of a pool of one ({store.path})")
    finally:
        pool.close()
    assert caught.value.line() == (f"Error [E301] {pg}: cannot open the database (no "
                                   "connection free or made in 0.5 s)")


def test_a_server_that_is_down_is_one_line_without_the_password(
        closed_port: int, run_corroborate: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    url = f"postgresql://reader:s3cret-pw@127.0.0.1:{closed_port}/wars"
    shown = f"postgresql://reader@127.0.0.1:{closed_port}/wars"
    with pytest.raises(CorroborateError) as caught:
        PostgreSQLPool(url, size=2, timeout=1).open()
    assert caught.value.line().startswith(
        f"Error [E301] {shown}: cannot open the database (2 connections not made in 1 s")
    done = run_corroborate("serve", "--db", url, "--pool-size", "2")
    assert done.returncode == 1
    [line] = done.stderr.strip().splitlines()
    assert line.startswith(f"Error [E301] {shown}: cannot open the database (")
    assert "s3cret" not in line + done.stdout


def test_serve_help_names_the_pool_size_option() -> None:
    from corroborate.cli import app

    result = CliRunner().invoke(app, ["serve", "--help"], env={"COLUMNS": "200"})
    assert "--pool-size" in result.output and "CORROBORATE_POOL_SIZE" in result.output
