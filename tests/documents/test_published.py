"""A source's publication date: sources.toml (validated), --published, else HTML or PDF metadata."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfWriter

from corroborate.documents import discover, load_manifest, read_document
from corroborate.documents.published import metadata_date
from corroborate.errors import CorroborateError

ENTRY = '[upi-summary]\ntitle = "Summary of the Falklands War"\npublished = {value}\n'


@pytest.mark.parametrize(("value", "published"), [
    ('"1982-06-14"', "1982-06-14"), ('"1982-06"', "1982-06"), ('"1999"', "1999"),
    ("1982-06-14", "1982-06-14"),  # TOML's bare date
    ("1999", "1999"),  # a bare year
])
def test_published_in_sources_toml(tmp_path: Path, value: str, published: str) -> None:
    manifest = tmp_path / "sources.toml"
    manifest.write_text(ENTRY.format(value=value), encoding="utf-8")
    assert load_manifest(manifest)["upi-summary"].published == published


@pytest.mark.parametrize(("value", "shown"), [
    ('"14 June 1982"', "'14 June 1982'"), ('"1982-02-30"', "'1982-02-30'"),
    ('"82-06"', "'82-06'"), ("[1982]", "[1982]"),
])
def test_a_malformed_date_is_one_line_naming_file_key_and_value(tmp_path: Path, value: str,
                                                                 shown: str) -> None:
    manifest = tmp_path / "sources.toml"
    manifest.write_text(ENTRY.format(value=value), encoding="utf-8")
    with pytest.raises(CorroborateError) as raised:
        load_manifest(manifest)
    assert raised.value.line() == (
        f"Error [E201] {manifest}: malformed manifest: [upi-summary] published: {shown} is not a "
        "date; write YYYY-MM-DD, YYYY-MM or YYYY (at line 3)")


HTML = ('<html><head><title>Fitzroy</title>'
        '<meta property="article:published_time" content="2007-10-15T09:00:00Z">'
        '<meta property="article:modified_time" content="2023-01-09T09:00:00Z"></head>'
        '<body><article><p>On 8 June 1982 Argentine aircraft bombed the Sir Galahad at Fitzroy; '
        '48 men were killed.</p></article></body></html>')


def _pdf(created: str | None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    if created:
        writer.add_metadata({"/CreationDate": created})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_dates_from_html_and_pdf_metadata() -> None:
    assert metadata_date(HTML.encode(), "text/html") == "2007-10-15"  # the original, not the edit
    assert metadata_date(b"<html><body><p>In 1982.</p></body></html>", "text/html") is None
    assert metadata_date(_pdf("D:20000201120000+01'00'"), "application/pdf") == "2000-02-01"
    assert metadata_date(_pdf(None), "application/pdf") is None
    assert metadata_date(b"%PDF-1.4 broken", "application/pdf") is None


def test_the_manifest_wins_then_the_flag_then_the_metadata(tmp_path: Path) -> None:
    page = tmp_path / "fitzroy.html"
    page.write_text(HTML, encoding="utf-8")
    [ref], _notes = discover([str(page)])
    assert read_document(ref, max_bytes=10**6).source.published == "2007-10-15"
    assert read_document(ref, max_bytes=10**6, published="1982-06").source.published == "1982-06"
    (tmp_path / "sources.toml").write_text(
        '[fitzroy]\ntitle = "Fitzroy"\npublished = "1983"\n', encoding="utf-8")
    [ref], _notes = discover([str(page)])
    assert read_document(ref, max_bytes=10**6, published="1982-06").source.published == "1983"
