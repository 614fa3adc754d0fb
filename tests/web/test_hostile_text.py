"""Document text is third-party input: markup in it is shown as the characters it is, in every view
that shows document words, and never runs, loads or styles anything."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from corroborate.pipeline import ingest
from corroborate.store import open_store
from tests.web.conftest import Watched, serving, watching

HOSTILE = Path(__file__).resolve().parent / "data" / "hostile-report.txt"
SCRIPT = "<script>window.pwned = 2</script>"


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("hostile") / "hostile.db"
    with open_store(db) as store:
        report = ingest([str(HOSTILE)], store, max_bytes=1_000_000)
    assert [o.status for o in report.outcomes] == ["added"]
    with serving(db) as url:
        yield url


@pytest.fixture
def hostile_page(browser: Any, hostile_url: str) -> Iterator[Watched]:
    with watching(browser, hostile_url) as watched:
        yield watched


def _assert_inert(page: Watched) -> None:
    view = page.page.locator("section.view")
    assert view.locator("script, img, style, iframe, a[href^='javascript']").count() == 0
    assert page.page.evaluate("window.pwned") is None


@pytest.mark.parametrize(("route", "words"), [
    ("document/1", '<img src="http://203.0.113.9/pixel.png" onerror="window.pwned = 1">'),
    ("claims", SCRIPT),
    ("claims?measure=displaced", "<style>body { display: none }</style>"),
    ("search?q=ministry", '<a href="javascript:window.pwned = 3">'),
])
def test_markup_in_a_document_is_shown_as_text(hostile_page: Watched, screenshots: Path, route: str,
                                               words: str) -> None:
    hostile_page.open(route)
    assert words in hostile_page.page.locator("section.view").inner_text()
    _assert_inert(hostile_page)
    name = route.split("?")[0].replace("/", "-")
    hostile_page.page.screenshot(path=str(screenshots / f"hostile-{name}.png"))


def test_the_whole_hostile_document_reads_as_written(hostile_page: Watched) -> None:
    hostile_page.open("document/1")
    text = hostile_page.page.locator("[data-testid=document-text]").inner_text()
    assert text.strip() == HOSTILE.read_text(encoding="utf-8").strip()
    # the claim whose figure sits inside the script element's words is still a claim one can open
    hostile_page.page.locator("mark.claim-span", has_text="3,000").first.click()
    hostile_page.page.wait_for_selector("[data-testid=claim-panel][data-ready='true']")
    measure = hostile_page.page.locator("[data-testid=claim-panel] [data-field=measure]")
    assert measure.inner_text() == "killed"
    _assert_inert(hostile_page)
    # and its fact shows the same words as text
    hostile_page.page.locator("[data-testid=claim-facts] a").first.click()
    hostile_page.wait_ready()
    assert SCRIPT in hostile_page.page.locator("[data-testid=fact], [data-testid=dispute]").first.inner_text()
    _assert_inert(hostile_page)
