"""Document text made inert for each output format: the one place every exporter (CSV, Markdown,
HTML, and later the API and web pages) takes it from.

Text from documents and source metadata is data. In CSV a cell starting with = + - @ (or a tab or
carriage return) is a formula to a spreadsheet; in Markdown, HTML tags and link or table syntax
change the page; in HTML, autoescaping covers text but not a ``javascript:`` URL in an href.
"""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import quote, urlsplit

__all__ = ["CSV_FORMULA_START", "csv_cell", "http_link", "markdown_cell", "markdown_text"]

# OWASP, "CSV Injection": cells starting with these are formulas (or become one after a tab or CR).
CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A CSV cell: text that a spreadsheet would run as a formula gets a leading ``'``.

    Only text is touched. Numbers (value_low, value_high, the offsets) are written as numbers, so
    a negative figure stays -5, data rather than a formula; every string cell is text, whatever
    its column (evidence, words as written, titles, places, ids, dates).
    """
    if isinstance(value, str) and value.lstrip(" ").startswith(CSV_FORMULA_START):
        return "'" + value
    return value


# Characters that make Markdown structure anywhere in a line: emphasis, code, links, tables,
# strikethrough, and the backslash itself.
_MD_INLINE = re.compile(r"([\\`*_\[\]|~])")
# Structure at the start of a line: headings, quotes, lists, thematic breaks, setext underlines.
_MD_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+[.)])", re.MULTILINE)
_LINE_BREAKS = re.compile(r"[\r\n\v\f\x85\u2028\u2029]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def markdown_text(value: Any) -> str:
    """Text for a Markdown paragraph or list item: HTML escaped (no tags, no entities), Markdown
    syntax backslash-escaped, so the text reads exactly as written and adds no structure."""
    text = html.escape(_CONTROL.sub("", "" if value is None else str(value)), quote=False)
    text = _MD_INLINE.sub(r"\\\1", text)
    return _MD_LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match[str]) -> str:
    mark = match.group(2)  # "1992." must become "1992\.", not "\1992."
    return f"{match.group(1)}{mark[:-1]}\\{mark[-1]}"


def markdown_cell(value: Any) -> str:
    """Text for a Markdown table cell: as ``markdown_text``, on one line (a newline ends a row)."""
    return markdown_text(_LINE_BREAKS.sub(" ", "" if value is None else str(value)))


def http_link(url: Any) -> str | None:
    """``url`` when it is an absolute http(s) URL fit for an href, else None (``javascript:``,
    ``data:``, relative or malformed addresses are shown as text, never linked)."""
    if not isinstance(url, str) or any(ch.isspace() or ord(ch) < 32 for ch in url.strip()):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    # Characters that would end an autolink or an attribute are percent-encoded.
    return quote(url.strip(), safe=_URL_SAFE)


_URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"
