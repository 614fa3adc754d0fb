"""Every reader: plain text, Markdown, HTML (main text, then the lxml fallback) and PDF."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from corroborate.documents import DocumentRef, read_document
from corroborate.model import Document
from corroborate.text import segment
from tests.conftest import DATA

MB = 1_000_000

REPORT = (
    "The Lachin corridor, a road of about 65 km, links Goris in Armenia with Stepanakert.\n"
    "Azerbaijani protesters blocked it on 12 December 2022; by September 2023 Ağdam and Şuşa\n"
    "were quiet and more than 100,000 residents had left for Armenia.\n"
)

ARTICLE_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Blockade of the Lachin corridor</title>
<style>body { font-family: serif; }</style>
<script>window.analytics = {page: "lachin"};</script></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/caucasus">Caucasus</a></li>
<li><a href="/subscribe">Subscribe to our newsletter</a></li></ul></nav>
<header><div class="masthead">South Caucasus Monitor</div></header>
<main><article>
<h1>Blockade of the Lachin corridor enters its third month</h1>
<p>Protesters from Azerbaijan have blocked the Lachin corridor since 12 December 2022, cutting the
only road between Armenia and Nagorno-Karabakh.</p>
<p>Local officials say about 120,000 residents now depend on convoys of the International
Committee of the Red Cross for food and medicine.</p>
<p>Russian peacekeepers, deployed under the ceasefire statement of 10 November 2020, have not
reopened the road.</p>
</article></main>
<footer><p>Copyright 2023 South Caucasus Monitor. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer>
</body></html>
"""

# trafilatura treats a comments section as boilerplate and finds no main text in this page;
# the lxml fallback keeps all visible text, one block a line, without scripts and styles.
COMMENTS_ONLY_PAGE = """<html><head><title>Readers write</title>
<script>var tracker = "Kalbajar";</script><style>.c { color: grey; }</style></head>
<body><div id="comments" class="comments">
<p>My grandmother left Kalbajar in April 1993, when the district was taken.</p>
<p>We went back to Shusha   in 2021 and the house was gone.</p>
</div></body></html>
"""


def read(path: Path, encoding: str | None = None) -> Document:
    return read_document(DocumentRef(str(path)), max_bytes=MB, encoding=encoding)


def test_plain_text_is_read_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "lachin-corridor_2022.txt"
    path.write_text(REPORT, encoding="utf-8")
    document = read(path)
    assert document.text == REPORT
    assert document.media_type == "text/plain"
    assert document.size_bytes == len(REPORT.encode("utf-8"))
    assert document.content_hash == hashlib.sha256(REPORT.encode("utf-8")).hexdigest()
    assert document.location == str(path.resolve())
    assert document.warnings == ()
    # No manifest and no flags: the file name gives the source.
    assert (document.source.slug, document.source.title) == ("lachin-corridor-2022",
                                                             "lachin corridor 2022")


def test_markdown_keeps_its_syntax_so_offsets_stay_true(tmp_path: Path) -> None:
    markdown = ("# The 1994 ceasefire\n\n"
                "The **Bishkek Protocol** was signed on 5 May 1994; the ceasefire took effect on "
                "12 May 1994.\n\n- Kalbajar\n- Lachin\n")
    path = tmp_path / "bishkek.md"
    path.write_text(markdown, encoding="utf-8")
    document = read(path)
    assert document.media_type == "text/markdown"
    assert document.text == markdown
    text = segment(document)
    assert [text.text[s.start:s.end] for s in text.segments][:2] == [
        "# The 1994 ceasefire",
        "The **Bishkek Protocol** was signed on 5 May 1994; the ceasefire took effect on "
        "12 May 1994.",
    ]


def test_html_article_gives_its_main_text_without_the_boilerplate(tmp_path: Path) -> None:
    path = tmp_path / "lachin-blockade.html"
    path.write_text(ARTICLE_PAGE, encoding="utf-8")
    document = read(path)
    assert document.media_type == "text/html"
    assert document.warnings == ()
    assert "Blockade of the Lachin corridor enters its third month" in document.text
    assert "blocked the Lachin corridor since 12 December 2022" in document.text
    assert "about 120,000 residents" in document.text
    assert "ceasefire statement of 10 November 2020" in document.text
    for boilerplate in ("Subscribe to our newsletter", "Privacy policy", "All rights reserved",
                        "window.analytics", "font-family"):
        assert boilerplate not in document.text


def test_html_without_main_text_falls_back_to_lxml(tmp_path: Path) -> None:
    path = tmp_path / "readers-write.htm"
    path.write_text(COMMENTS_ONLY_PAGE, encoding="utf-8")
    document = read(path)
    assert document.text.splitlines() == [
        "Readers write",
        "My grandmother left Kalbajar in April 1993, when the district was taken.",
        "We went back to Shusha in 2021 and the house was gone.",
    ]
    assert document.warnings == (
        f"{path}: main-text extraction found nothing; kept all the page's text",)


def test_the_type_is_sniffed_from_the_bytes_not_the_name(
        tmp_path: Path, make_pdf: Callable[[Path, list[list[str]]], Path]) -> None:
    html_named_txt = tmp_path / "saved-page.txt"
    html_named_txt.write_text(ARTICLE_PAGE, encoding="utf-8")
    document = read(html_named_txt)
    assert document.media_type == "text/html"
    assert "Privacy policy" not in document.text
    pdf_named_txt = make_pdf(tmp_path / "statement.txt", [["Ceasefire from 10 November 2020"]])
    assert read(pdf_named_txt).media_type == "application/pdf"


def test_pdf_text_of_every_page(tmp_path: Path,
                                make_pdf: Callable[[Path, list[list[str]]], Path]) -> None:
    path = make_pdf(tmp_path / "april-2016.pdf", [
        ["Report on the April 2016 clashes",
         "Fighting broke out along the line of contact on 2 April 2016.",
         "Talish and Madagiz changed hands within four days."],
        ["A ceasefire was agreed in Moscow on 5 April 2016."],
    ])
    document = read(path)
    assert document.media_type == "application/pdf"
    assert document.size_bytes == path.stat().st_size
    assert document.text == (
        "Report on the April 2016 clashes\n"
        "Fighting broke out along the line of contact on 2 April 2016.\n"
        "Talish and Madagiz changed hands within four days.\n"
        "\n"
        "A ceasefire was agreed in Moscow on 5 April 2016.")
    words = set(document.text.split())
    assert {"Talish", "Madagiz", "Moscow", "2016."} <= words


def test_windows_1252_is_decoded_with_a_warning_naming_it() -> None:
    path = DATA / "good" / "cp1252-report.txt"
    document = read(path)
    assert "Shusha fell; about 20,000 people fled the town – “a catastrophe”" in document.text
    assert "Café owners left." in document.text
    assert document.warnings == (
        f"{path}: not UTF-8; decoded as cp1252 (pass --encoding to choose)",)


def test_an_encoding_given_is_used_without_a_warning() -> None:
    document = read(DATA / "good" / "cp1252-report.txt", encoding="cp1252")
    assert "Café owners left." in document.text
    assert document.warnings == ()


def test_utf8_with_accents_needs_no_guess() -> None:
    document = read(DATA / "good" / "utf8-french.txt")
    assert document.text.startswith("Le 8 mai 1992, la ville de Chouchi fut prise.")
    assert "à Ağdam." in document.text
    assert document.warnings == ()


def test_byte_order_mark_and_crlf_are_gone_after_segmenting() -> None:
    document = read(DATA / "good" / "crlf-bom.txt")
    assert not document.text.startswith("\ufeff")
    text = segment(document)
    assert text.text == "Shusha fell on 8 May 1992.\nLachin fell on 18 May 1992.\n"
    assert [(s.start, s.end, s.kind) for s in text.segments] == [
        (0, 26, "sentence"), (27, 54, "sentence")]


@pytest.mark.parametrize(("name", "media_type"), [
    ("report.TXT", "text/plain"), ("notes.markdown", "text/markdown"), ("page.xhtml", "text/html"),
    ("README", "text/plain"),
])
def test_suffixes_choose_the_reader_when_the_bytes_do_not(tmp_path: Path, name: str,
                                                          media_type: str) -> None:
    path = tmp_path / name
    path.write_text("Stepanakert is called Khankendi in Azerbaijan.\n", encoding="utf-8")
    assert read(path).media_type == media_type
