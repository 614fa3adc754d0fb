"""The one conftest: shared fixtures for every test folder."""

from __future__ import annotations

import functools
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from corroborate.store import SQLiteStore, open_store

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"
SHARED_CORPUS = SHARED / "corpus"
EXAMPLES = ROOT / "examples" / "karabakh"


@pytest.fixture
def store() -> Iterator[SQLiteStore]:
    """An empty in-memory store."""
    with open_store(":memory:") as s:
        yield s


@pytest.fixture
def shared_corpus() -> Path:
    """The five shared real documents; tests that need them skip on a clone without ../shared."""
    if not (SHARED_CORPUS / "sources.toml").is_file():
        pytest.skip(f"shared corpus not found at {SHARED_CORPUS} (only CI and developers have it)")
    return SHARED_CORPUS


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES


# -- shared by the foundation tests (documents, text, store, cli) ---------------------------------

class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves files without logging each request to stderr."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def http_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A real HTTP server on 127.0.0.1 in a thread: (base URL, the folder it serves)."""
    root = tmp_path_factory.mktemp("www")
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(_QuietHandler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", root
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class _HostileHandler(BaseHTTPRequestHandler):
    """Misbehaving servers: /trickle sends 10 bytes every 0.2 s for ever; /hops/N redirects N
    more times; /to/<scheme> redirects to a non-http URL; /charset/<name> serves cp1252 or UTF-8
    bytes with that charset declared."""

    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        path = self.path
        if path.startswith("/trickle"):
            self._trickle()
        elif path.startswith("/hops/"):
            left = int(path.rsplit("/", 1)[1])
            self._redirect(f"/hops/{left - 1}" if left > 0 else "/plain.txt")
        elif path.startswith("/to/"):
            self._redirect({"file": "file:///etc/passwd", "ftp": "ftp://127.0.0.1/x.txt"}[path[4:]])
        elif path.startswith("/charset/"):
            name = path.rsplit("/", 1)[1]
            body = HOSTILE_PAGES[name].encode("utf-8" if name == "mislabelled" else "cp1252")
            declared = "iso-8859-1" if name == "mislabelled" else name
            self._send(body, f"text/html; charset={declared}")
        else:
            self._send(b"Shusha was taken on 8 May 1992.\n", "text/plain")

    def _send(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _trickle(self) -> None:
        TRICKLE_STARTED.set()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "1000000")
        self.end_headers()
        for _ in range(600):  # two minutes at most, whoever waits
            try:
                self.wfile.write(b"casualties")
                self.wfile.flush()
            except OSError:
                return
            time.sleep(0.2)


TRICKLE_STARTED = threading.Event()  # set when a client starts reading /trickle
HOSTILE_PAGES = {
    "windows-1252": "<html><body><article><p>The naïve “ceasefire” cost €5 million, said Señor "
                    "Muñoz in Zürich on 10 November 2020.</p></article></body></html>",
    "mislabelled": "<html><body><article><p>Şuşa was taken on 8 May 1992, said the "
                   "ministry in Bakı.</p></article></body></html>",
}


@pytest.fixture
def hostile_server() -> Iterator[str]:
    """A threaded HTTP server on 127.0.0.1 that misbehaves on purpose; yields its base URL."""
    TRICKLE_STARTED.clear()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _HostileHandler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.fixture
def make_pdf() -> Callable[[Path, list[list[str]]], Path]:
    """Writes a real PDF with reportlab: one list of lines per page."""

    def write(path: Path, pages: list[list[str]]) -> Path:
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfgen import canvas

        pdf = canvas.Canvas(str(path), pagesize=A4)
        for lines in pages:
            for number, line in enumerate(lines):
                pdf.drawString(72, 780 - 18 * number, line)
            pdf.showPage()
        pdf.save()
        return path

    return write


@pytest.fixture
def cli() -> Callable[..., Result]:
    """Runs ``corroborate ARGS`` in-process with typer's CliRunner (stdout and stderr apart)."""
    from corroborate.cli import app

    runner = CliRunner()

    def invoke(*args: str) -> Result:
        return runner.invoke(app, list(args))

    return invoke


@pytest.fixture
def run_corroborate() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Runs the real ``python -m corroborate ARGS`` in a subprocess: errors pass its one-line edge."""

    def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "COLUMNS": "200"}
        env.pop("CORROBORATE_DB", None)
        return subprocess.run([sys.executable, "-m", "corroborate", *args], cwd=cwd, env=env,
                              capture_output=True, text=True, timeout=120, check=False)

    return run


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a PostgreSQL server's maintenance database: $CORROBORATE_TEST_POSTGRES, else a
    throwaway cluster started for the session (tests/store/postgres_cluster.py); skipped when
    psycopg or the server's binaries are absent."""
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install "
                                          "'corroborate[postgresql]')")
    from tests.store.postgres_cluster import ENV, binaries, cluster

    given = os.environ.get(ENV)
    if given:
        yield given
        return
    bin_dir = binaries()
    if bin_dir is None:
        pytest.skip(f"PostgreSQL's initdb and pg_ctl are not installed (apt-get install "
                    f"postgresql) and {ENV} is not set")
    with cluster(bin_dir) as url:
        yield url


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database, dropped after the test."""
    from tests.store.postgres_cluster import database

    with database(postgres_server) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a store goes, once per backend: a SQLite file, then a new PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "corroborate.db")
    return str(request.getfixturevalue("postgres_url"))
