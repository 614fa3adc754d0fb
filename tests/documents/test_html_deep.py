"""Text nested deeper than libxml2's 256 elements is kept: excess nesting is unwrapped first."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.documents import DocumentRef, read_document
from corroborate.documents.readers.html import MAX_DEPTH, flatten_deep

SENTENCE = "Shusha was taken on 8 May 1992 by Armenian forces after two days of fighting."


@pytest.mark.parametrize("depth", [300, 1000, 5000])
def test_a_paragraph_under_deep_nesting_is_kept(tmp_path: Path, depth: int) -> None:
    path = tmp_path / "deep.html"
    opening, closing = '<div class="x">' * depth, "</div>" * depth
    path.write_text(f"<html><body>{opening}<p>{SENTENCE}</p>{closing}</body></html>",
                    encoding="utf-8")
    assert SENTENCE in read_document(DocumentRef(str(path)), max_bytes=10**6).text


def test_text_beside_shallow_navigation_is_kept_at_depth(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav>" + "<div><span>" * 400
                    + f"<p>{SENTENCE}</p><p>Lachin was taken on 18 May 1992.</p>"
                    + "</span></div>" * 400 + "</body></html>", encoding="utf-8")
    text = read_document(DocumentRef(str(path)), max_bytes=10**6).text
    assert SENTENCE in text
    assert "Lachin was taken on 18 May 1992." in text


def test_flattening_keeps_shallow_markup_as_it_is() -> None:
    page = "<html><body>" + "<p>Agdam, 1993.</p>" * 500 + "</body></html>"
    assert flatten_deep(page) == page
    unclosed = "<html><body>" + "<p>Agdam, 1993." * 500 + "<ul>" + "<li>Fuzuli" * 300 + "</ul>"
    assert flatten_deep(unclosed) == unclosed  # implied ends: <p> and <li> do not nest here


def test_flattening_unwraps_only_below_the_limit() -> None:
    page = "<div>" * (MAX_DEPTH + 3) + "<b>x</b><!-- <div> --><script>if (a<b) {}</script>" + \
        "</div>" * (MAX_DEPTH + 3)
    flat = flatten_deep(page)
    assert flat == ("<div>" * MAX_DEPTH + "\n\n\nx<script>if (a<b) {}</script>\n\n\n"
                    + "</div>" * MAX_DEPTH)
