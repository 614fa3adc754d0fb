"""The one conftest: shared fixtures for every test folder."""

from __future__ import annotations

import functools
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
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
