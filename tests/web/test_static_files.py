"""The page's files, without a browser: every module a module imports and every file index.html names
is there, and no script writes markup from strings or carries an inline style or script (the CSP
would block the latter; the former would let document text become markup)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corroborate.web import INDEX_HTML, STATIC_DIR

SCRIPTS = sorted((STATIC_DIR / "js").rglob("*.js"))
IMPORT = re.compile(r"""^\s*(?:import|export)\b[^"';]*?\bfrom\s+["']([^"']+)["']""", re.MULTILINE)
# ways to turn a string into markup or code
MARKUP_SINKS = re.compile(r"\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|"
                          r"createContextualFragment|\beval\(|new Function\(|DOMParser")


def test_the_page_and_its_scripts_are_there() -> None:
    assert INDEX_HTML.is_file()
    assert {p.relative_to(STATIC_DIR).as_posix() for p in SCRIPTS} >= {
        "js/app.js", "js/views/map.js", "js/views/disputes.js", "js/views/document.js"}


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.relative_to(STATIC_DIR).as_posix())
def test_every_import_names_a_file_that_is_there(script: Path) -> None:
    targets = IMPORT.findall(script.read_text(encoding="utf-8"))
    for target in targets:
        assert target.startswith("."), f"{script.name} imports {target!r}: only the page's own modules"
        assert (script.parent / target).resolve().is_file(), f"{script.name} imports missing {target}"


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.relative_to(STATIC_DIR).as_posix())
def test_no_script_turns_strings_into_markup(script: Path) -> None:
    assert MARKUP_SINKS.findall(script.read_text(encoding="utf-8")) == []


def test_index_html_has_no_inline_script_or_style_and_names_files_that_are_there() -> None:
    page = INDEX_HTML.read_text(encoding="utf-8")
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", page) == []
    assert re.findall(r"<style\b|\sstyle=|\son[a-z]+=", page) == []
    for path in re.findall(r"""(?:src|href)="(/static/[^"]+)\"""", page):
        assert (STATIC_DIR / path.removeprefix("/static/")).is_file(), path
    # no other host: every script and stylesheet comes from the app
    assert re.findall(r"""(?:src|href)="(?:https?:)?//""", page) == []
