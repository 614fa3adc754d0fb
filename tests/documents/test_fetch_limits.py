"""A fetch has one total deadline, a size limit, few redirects and only http(s); the HTTP charset
decodes the page. The server misbehaves on purpose (tests/conftest.py hostile_server)."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.documents import DocumentRef, discover, read_document
from corroborate.documents.fetch import charset_of
from corroborate.errors import CorroborateError
from corroborate.pipeline import ingest
from corroborate.store import SQLiteStore


def fetch_line(url: str, timeout: float = 5, max_bytes: int = 1_000_000) -> str:
    with pytest.raises(CorroborateError) as caught:
        read_document(DocumentRef(url), max_bytes=max_bytes, timeout=timeout)
    return caught.value.line()


def test_a_trickling_server_is_cut_at_the_total_deadline(hostile_server: str) -> None:
    url = f"{hostile_server}/trickle"
    assert fetch_line(url, timeout=1) == (
        f"Error [E108] {url}: cannot fetch the URL (no complete response within 1 s)")


def test_the_batch_goes_on_after_a_trickling_server(hostile_server: str, tmp_path: Path,
                                                    store: SQLiteStore) -> None:
    good = tmp_path / "statement.txt"
    good.write_text("A complete ceasefire takes effect on 10 November 2020.\n", encoding="utf-8")
    slow = f"{hostile_server}/trickle"
    report = ingest([slow, str(good)], store, max_bytes=1_000_000, timeout=1)
    assert [(o.location, o.status) for o in report.outcomes] == [(slow, "failed"),
                                                                 (str(good), "added")]
    assert report.outcomes[0].error == (
        f"Error [E108] {slow}: cannot fetch the URL (no complete response within 1 s)")


def test_a_trickle_over_the_size_limit_is_e105_before_the_deadline(hostile_server: str) -> None:
    url = f"{hostile_server}/trickle"
    assert fetch_line(url, timeout=30, max_bytes=25) == (
        f"Error [E105] {url}: too large: more than 25 bytes, over the limit of 25; raise --max-bytes")


def test_five_redirects_are_followed(hostile_server: str) -> None:
    document = read_document(DocumentRef(f"{hostile_server}/hops/4"), max_bytes=1000, timeout=5)
    assert document.text == "Shusha was taken on 8 May 1992.\n"
    assert document.location == f"{hostile_server}/hops/4"


def test_a_sixth_redirect_is_one_line(hostile_server: str) -> None:
    url = f"{hostile_server}/hops/5"
    assert fetch_line(url) == (f"Error [E108] {url}: cannot fetch the URL (more than 5 redirects; "
                               "pass the final address instead)")


@pytest.mark.parametrize(("scheme", "target"), [("file", "file:///etc/passwd"),
                                                ("ftp", "ftp://127.0.0.1/x.txt")])
def test_a_redirect_out_of_http_is_refused(hostile_server: str, scheme: str, target: str) -> None:
    url = f"{hostile_server}/to/{scheme}"
    assert fetch_line(url) == (f"Error [E108] {url}: cannot fetch the URL (redirected to {target}, "
                               "which is not http(s); fetch that address yourself if you trust it)")


@pytest.mark.parametrize(("url", "scheme"), [("file:///etc/passwd", "file"),
                                             ("ftp://127.0.0.1/x.txt", "ftp")])
def test_only_http_urls_are_fetched(url: str, scheme: str) -> None:
    line = (f"Error [E108] {url}: cannot fetch the URL (only http(s) URLs are fetched, not {scheme}; "
            "download the file and pass its path)")
    assert fetch_line(url) == line
    refs, _notes = discover([url])
    assert refs[0].problem is not None and refs[0].problem.line() == line


def test_the_http_charset_decodes_the_page(hostile_server: str) -> None:
    document = read_document(DocumentRef(f"{hostile_server}/charset/windows-1252"),
                             max_bytes=10_000, timeout=5)
    assert ("The naïve “ceasefire” cost €5 million, said Señor Muñoz in Zürich on 10 November "
            "2020.") in document.text
    assert document.warnings == ()


def test_utf8_bytes_under_a_latin1_header_are_read_as_utf8(hostile_server: str) -> None:
    url = f"{hostile_server}/charset/mislabelled"
    document = read_document(DocumentRef(url), max_bytes=10_000, timeout=5)
    assert "Şuşa was taken on 8 May 1992, said the ministry in Bakı." in document.text
    assert document.warnings == (
        f"{url}: the server declared iso8859-1, but the bytes are UTF-8; read as UTF-8",)


@pytest.mark.parametrize(("header", "codec"), [
    ("text/html; charset=windows-1252", "cp1252"), ('text/plain; charset="UTF-8"', "utf-8"),
    ("text/html; charset=no-such-thing", None), ("text/html", None), (None, None)])
def test_charset_of_a_content_type(header: str | None, codec: str | None) -> None:
    assert charset_of(header) == codec
