"""corroborate serve: prints where it listens, warns off loopback, guards ingest with a token,
and `corroborate --help` does not import the web stack."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import Result

from corroborate.api.middleware import CSP
from corroborate.cli.serve import is_loopback
from corroborate.errors import CorroborateError
from tests.api.karabakh import build_database


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_database(tmp_path_factory.mktemp("serve"))


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What uvicorn.run was given (it is replaced: no server starts)."""
    seen: dict[str, Any] = {}

    def run(app: Any, host: str, port: int, **_: Any) -> None:
        seen.update(app=app, host=host, port=port)

    monkeypatch.setattr("uvicorn.run", run)
    return seen


def test_serves_read_only_on_loopback_by_default(cli: Callable[..., Result], db: str,
                                                 served: dict[str, Any]) -> None:
    result = cli("serve", "--db", db, "--port", "8123")
    assert result.exit_code == 0, result.output
    assert f"Serving {db} at http://127.0.0.1:8123/" in result.stdout
    assert "read-only" in result.stdout and "Warning" not in result.stderr
    assert (served["host"], served["port"]) == ("127.0.0.1", 8123)
    assert served["app"].state.allow_ingest is False


@pytest.mark.parametrize(("host", "status"), [
    ("127.0.0.1:8123", 200), ("localhost:8123", 200), ("[::1]:8123", 200), ("localhost", 200),
    ("attacker.example", 400), ("attacker.example:8123", 400), ("127.0.0.1.attacker.example", 400),
])
def test_on_loopback_only_this_machines_names_are_answered(
        cli: Callable[..., Result], db: str, served: dict[str, Any], host: str,
        status: int) -> None:
    assert cli("serve", "--db", db, "--port", "8123").exit_code == 0
    with TestClient(served["app"], base_url="http://127.0.0.1:8123") as client:
        response = client.get("/api/sources", headers={"Host": host})
    assert response.status_code == status  # a rebound DNS name reaches no data
    assert response.headers["content-security-policy"] == CSP


def test_warns_when_other_machines_can_connect(cli: Callable[..., Result], db: str,
                                               served: dict[str, Any]) -> None:
    result = cli("serve", "--db", db, "--host", "0.0.0.0")
    assert result.exit_code == 0
    (warning,) = [line for line in result.stderr.splitlines() if line.startswith("Warning")]
    assert "0.0.0.0" in warning and "other machines" in warning
    assert served["app"].user_middleware[0].cls.__name__ == "SecurityHeaders"
    assert all(m.cls.__name__ != "TrustedHostMiddleware" for m in served["app"].user_middleware)


def test_allow_ingest_without_a_token_generates_and_prints_one(
        cli: Callable[..., Result], db: str, served: dict[str, Any]) -> None:
    result = cli("serve", "--db", db, "--allow-ingest")
    assert result.exit_code == 0
    token = served["app"].state.token
    assert len(token) >= 24 and f"Bearer ...): {token}" in result.stderr
    assert "ingest enabled" in result.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["--token", "a-long-enough-token-123"], "--token is only used with --allow-ingest"),
    (["--allow-ingest", "--token", "short"], "at least 16 characters"),
])
def test_refuses_a_token_it_cannot_use(cli: Callable[..., Result], db: str,
                                       served: dict[str, Any], args: list[str],
                                       message: str) -> None:
    result = cli("serve", "--db", db, *args)
    assert result.exit_code == 2 and message in result.stderr
    assert served == {}


def test_a_missing_database_is_one_line(cli: Callable[..., Result], tmp_path: Path,
                                        served: dict[str, Any]) -> None:
    result = cli("serve", "--db", str(tmp_path / "missing.db"))
    assert isinstance(result.exception, CorroborateError)
    assert result.exception.line().startswith("Error [E305]")
    assert not (tmp_path / "missing.db").exists() and served == {}


def test_a_missing_database_exits_1_from_the_command(
        run_corroborate: Callable[..., subprocess.CompletedProcess[str]], tmp_path: Path) -> None:
    done = run_corroborate("serve", "--db", str(tmp_path / "missing.db"))
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        f"Error [E305] {tmp_path / 'missing.db'}: no database here; run `corroborate ingest` "
        "first or pass another --db"]


def test_help_does_not_import_the_web_stack() -> None:
    code = ("import sys; from typer.testing import CliRunner; from corroborate.cli import app; "
            "r = CliRunner().invoke(app, ['--help']); assert 'serve' in r.output; "
            "print(sorted(m for m in ('fastapi', 'uvicorn', 'starlette') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("127.1.2.3", True), ("::1", True), ("[::1]", True),
    ("localhost", True), ("0.0.0.0", False), ("192.168.1.5", False), ("::", False),
    ("example.org", False),
])
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_workers_answer_from_several_processes(db: str) -> None:
    """`serve --workers 2`: two server processes, each with the same read-only app (the same
    security headers), started from the settings serve hands them."""
    import socket
    import time

    import httpx

    psutil = pytest.importorskip("psutil", reason="psutil counts the worker processes")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, "-m", "corroborate", "serve", "--db", db,
                                "--port", str(port), "--workers", "2"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline, answer = time.monotonic() + 60, None
        while time.monotonic() < deadline and answer is None:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/sources", timeout=5)
            except httpx.TransportError:
                time.sleep(0.3)
        assert answer is not None, "serve --workers 2 never answered"
        assert answer.status_code == 200
        assert {s["slug"] for s in answer.json()["items"]} >= {"wikipedia-nagorno-karabakh-conflict"}
        assert answer.headers["content-security-policy"] == CSP
        refused = httpx.get(f"http://127.0.0.1:{port}/api/sources", timeout=5,
                            headers={"Host": "attacker.example"})
        assert refused.status_code == 400  # the workers keep the loopback Host check
        servers = [p for p in psutil.Process(process.pid).children(recursive=True)
                   if "corroborate" in " ".join(p.cmdline()) or "spawn" in " ".join(p.cmdline())]
        assert len(servers) >= 2
    finally:
        process.terminate()
        try:
            process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
