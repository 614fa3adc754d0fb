"""Browser fixtures: the app over the bundled example in a uvicorn thread, Debian's chromium driven by
Playwright (no browser download), and a page that records requests to other hosts and console errors."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from corroborate.pipeline import ingest
from corroborate.store import open_store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "karabakh"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled Karabakh example ingested into a fresh database."""
    db = tmp_path_factory.mktemp("web-db") / "karabakh.db"
    with open_store(db) as store:
        report = ingest([str(EXAMPLES)], store, max_bytes=10_000_000)
    failed = [o for o in report.outcomes if o.status == "failed"]
    assert not failed, failed
    return db


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """The API and page (create_app over ``db``) served by uvicorn in a thread on a free loopback
    port; yields its base URL."""
    import uvicorn

    from corroborate.api import create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start within 20 s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def app_url(example_db: Path) -> Iterator[str]:
    """The app over the bundled example."""
    with serving(example_db) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium, headless; the browser tests skip where it is not installed."""
    if not CHROMIUM.is_file():
        pytest.skip(f"no chromium at {CHROMIUM} (apt-get install chromium; CI installs it)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is a dev dependency")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def screenshots(tmp_path: Path) -> Path:
    """Where screenshots go: $CORROBORATE_SCREENSHOTS (CI keeps them), else the test's tmp_path."""
    folder = Path(os.environ.get("CORROBORATE_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass
class Watched:
    """A browser page and what it did that a test asserts on at the end."""

    page: Any
    base: str
    foreign: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, route: str) -> None:
        """Go to a hash route and wait until its view says it is ready."""
        self.page.goto(f"{self.base}/#/{route}")
        self.wait_ready()

    def wait_ready(self) -> None:
        self.page.wait_for_selector("section.view[data-ready='true']", timeout=15_000)


@contextmanager
def watching(browser: Any, base: str) -> Iterator[Watched]:
    """A fresh page on the app at ``base``; at the end it must have asked no host but the app,
    logged no error (a CSP violation is one) and opened no dialog."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watched = Watched(context.new_page(), base)
    watched.page.set_default_timeout(15_000)
    watched.page.on("request", lambda request: None if request.url.startswith(f"{base}/")
                    or request.url.startswith("data:") else watched.foreign.append(request.url))
    watched.page.on("console", lambda message: watched.errors.append(message.text)
                    if message.type == "error" else None)
    watched.page.on("pageerror", lambda error: watched.errors.append(str(error)))
    # the console says only "Failed to load resource: 404"; this names what failed
    watched.page.on("response", lambda response: watched.errors.append(
        f"{response.status} {response.url}") if response.status >= 400 else None)
    watched.page.on("dialog", lambda dialog: (watched.errors.append(f"dialog: {dialog.message}"),
                                              dialog.dismiss()))
    try:
        yield watched
    finally:
        context.close()
    assert watched.foreign == [], f"the page asked other hosts: {watched.foreign}"
    assert watched.errors == [], f"the page logged errors: {watched.errors}"


@pytest.fixture
def page(browser: Any, app_url: str) -> Iterator[Watched]:
    """A watched page on the app over the bundled example."""
    with watching(browser, app_url) as watched:
        yield watched
