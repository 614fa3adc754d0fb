"""http(s) URLs, fetched from a real server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.documents import DocumentRef, discover, read_document
from corroborate.errors import CorroborateError
from corroborate.model import Source

STATEMENT = ("Statement by the President of the Republic of Azerbaijan, the Prime Minister of the "
             "Republic of Armenia and the President of the Russian Federation.\n"
             "A complete ceasefire takes effect at 00:00 Moscow time on 10 November 2020.\n")

PAGE = """<!DOCTYPE html><html><head><title>Shusha</title></head><body>
<nav><a href="/">Home</a> <a href="/archive">Archive</a></nav>
<article><h1>The fall of Shusha</h1>
<p>Armenian forces took the town of Shusha on 8 May 1992 after two days of fighting.</p>
<p>Its Azerbaijani population had already fled to Lachin and onwards to Baku.</p></article>
<footer>Contact the editors</footer></body></html>
"""


def fetch(url: str, max_bytes: int = 1_000_000) -> object:
    return read_document(DocumentRef(url), max_bytes=max_bytes, timeout=5)


def test_a_text_url(http_server: tuple[str, Path]) -> None:
    base, root = http_server
    (root / "statement.txt").write_text(STATEMENT, encoding="utf-8")
    url = f"{base}/statement.txt"
    document = read_document(discover([url])[0][0], max_bytes=1_000_000, timeout=5)
    assert document.text == STATEMENT
    assert document.media_type == "text/plain"
    assert document.location == url
    assert (document.source.slug, document.source.url) == ("statement", url)


def test_an_html_url_gives_its_main_text(http_server: tuple[str, Path]) -> None:
    base, root = http_server
    (root / "shusha-1992.html").write_text(PAGE, encoding="utf-8")
    document = read_document(DocumentRef(f"{base}/shusha-1992.html"), max_bytes=1_000_000,
                             timeout=5)
    assert document.media_type == "text/html"
    assert "took the town of Shusha on 8 May 1992" in document.text
    assert "fled to Lachin and onwards to Baku" in document.text
    assert "Contact the editors" not in document.text


def test_a_url_with_flags_keeps_the_flags(http_server: tuple[str, Path]) -> None:
    base, root = http_server
    (root / "statement.txt").write_text(STATEMENT, encoding="utf-8")
    flags = Source(slug="kremlin", title="Kremlin statements", kind="government")
    ref = discover([f"{base}/statement.txt"], flags)[0][0]
    assert read_document(ref, max_bytes=1_000_000, timeout=5).source == flags


def test_http_404_is_e108(http_server: tuple[str, Path]) -> None:
    base, _root = http_server
    url = f"{base}/no-such-report.html"
    with pytest.raises(CorroborateError) as caught:
        fetch(url)
    assert caught.value.line() == f"Error [E108] {url}: cannot fetch the URL (HTTP 404)"


def test_a_closed_port_is_e108(closed_port: int) -> None:
    url = f"http://127.0.0.1:{closed_port}/report.txt"
    with pytest.raises(CorroborateError) as caught:
        fetch(url)
    assert caught.value.code.name == "E108"
    assert caught.value.line().startswith(f"Error [E108] {url}: cannot fetch the URL (ConnectError")


def test_an_invalid_url_is_e108_not_a_crash() -> None:
    with pytest.raises(CorroborateError) as caught:
        fetch("http://[::1/report.txt")
    assert caught.value.code.name == "E108"


def test_a_url_over_the_limit_is_e105(http_server: tuple[str, Path]) -> None:
    base, root = http_server
    (root / "long.txt").write_text(STATEMENT * 50, encoding="utf-8")
    url = f"{base}/long.txt"
    with pytest.raises(CorroborateError) as caught:
        fetch(url, max_bytes=1000)
    assert caught.value.line() == (f"Error [E105] {url}: too large: more than 1000 bytes, over the "
                                   "limit of 1000; raise --max-bytes")
