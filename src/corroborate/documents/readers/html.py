"""HTML: main text by trafilatura, with lxml's full text as the fallback."""

from __future__ import annotations

import logging
import re

import lxml.html
import trafilatura
from lxml import etree

from corroborate.documents.decode import decode_bytes
from corroborate.errors import CorroborateError, E

__all__ = ["read_html"]

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLOCK_TAGS = ("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "br", "td", "th",
               "section", "article", "table", "ul", "ol", "dd", "dt", "blockquote", "pre")


def read_html(data: bytes, where: str, encoding: str | None = None) -> tuple[str, list[str]]:
    markup, warnings = decode_bytes(data, where, encoding)
    text = trafilatura.extract(markup, include_comments=False, include_tables=True,
                               favor_recall=True, output_format="txt", with_metadata=False)
    if text and text.strip():
        return text, warnings
    fallback = _lxml_text(markup, where)
    if not fallback.strip():
        raise CorroborateError(E.E106, where, reason="neither trafilatura nor lxml found text")
    warnings.append(f"{where}: main-text extraction found nothing; kept all the page's text")
    return fallback, warnings


def _lxml_text(markup: str, where: str) -> str:
    """All visible text, one block element a line."""
    markup = _CONTROL.sub("", markup)  # lxml refuses them when it sets a text node
    try:
        root = lxml.html.fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise CorroborateError(E.E106, where, reason=f"unparseable markup: {exc}") from exc
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    for element in root.iter(*_BLOCK_TAGS):
        element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)
