"""HTML: main text by trafilatura, with lxml's full text as the fallback."""

from __future__ import annotations

import logging
import re

import lxml.html
import trafilatura
from lxml import etree

from corroborate.documents.decode import decode_bytes
from corroborate.errors import CorroborateError, E

__all__ = ["MAX_DEPTH", "flatten_deep", "read_html"]

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLOCK_TAGS = ("p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "br", "td", "th",
               "section", "article", "table", "ul", "ol", "dd", "dt", "blockquote", "pre")


def read_html(data: bytes, where: str, encoding: str | None = None) -> tuple[str, list[str]]:
    markup, warnings = decode_bytes(data, where, encoding)
    markup = flatten_deep(markup)
    text = trafilatura.extract(markup, include_comments=False, include_tables=True,
                               favor_recall=True, output_format="txt", with_metadata=False)
    if text and text.strip():
        return text, warnings
    fallback = _lxml_text(markup, where)
    if not fallback.strip():
        raise CorroborateError(E.E106, where, reason="neither trafilatura nor lxml found text")
    warnings.append(f"{where}: main-text extraction found nothing; kept all the page's text")
    return fallback, warnings


# libxml2 (under lxml and trafilatura) drops whatever sits deeper than 256 elements.
MAX_DEPTH = 200
_VOID = frozenset(("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"))
_MARK = re.compile(r"<(/?)([a-zA-Z][\w:.-]*)([^<>]{0,4000})>|<!--")  # bounded: linear on junk
_RAW = frozenset(("script", "style", "textarea", "title"))
_NO_SELF_NESTING = frozenset(("p", "a", "option"))
_SIBLINGS = frozenset(("li", "dt", "dd", "tr", "td", "th"))


def flatten_deep(markup: str, limit: int = MAX_DEPTH) -> str:
    """The markup with elements nested deeper than ``limit`` unwrapped: their text stays, their
    tags go (a block tag becomes a line break). One pass; a stack of open elements, with a
    count per name so an end tag finds its element in constant time."""
    if markup.count("<") <= limit:
        return markup
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (name, tag kept)
    open_count: dict[str, int] = {}
    pos, dropped = 0, False
    while (match := _MARK.search(markup, pos)) is not None:
        out.append(markup[pos:match.start()])
        pos = match.end()
        if match.group(0) == "<!--":
            end = markup.find("-->", pos)
            pos = len(markup) if end < 0 else end + 3
            continue
        closing, name, attributes = match.group(1), match.group(2).lower(), match.group(3)
        if closing:
            if not open_count.get(name):  # a stray end tag, or the end of a raw-text element
                out.append(match.group(0))
            else:
                kept = _close(stack, open_count, name)
                if kept:
                    out.append(match.group(0))
                else:
                    dropped = True
                    out.append("\n" if name in _BLOCK_TAGS else "")
            continue
        if name in _RAW:  # their content is text to the parser, not markup
            end = _raw_end(markup, pos, name)
            out.append(match.group(0) + markup[pos:end])
            pos = end
            continue  # the end tag, when there is one, is met next and matches nothing open
        if name in _VOID or attributes.rstrip().endswith("/"):
            out.append(match.group(0))
            continue
        if (name in _NO_SELF_NESTING and open_count.get(name)) or \
                (name in _SIBLINGS and stack and stack[-1][0] == name):
            _close(stack, open_count, name)  # <p>a<p>b: the second p ends the first
        keep = len(stack) < limit
        stack.append((name, keep))
        open_count[name] = open_count.get(name, 0) + 1
        if keep:
            out.append(match.group(0))
        else:
            dropped = True
            out.append("\n" if name in _BLOCK_TAGS else "")
    out.append(markup[pos:])
    return "".join(out) if dropped else markup


def _close(stack: list[tuple[str, bool]], open_count: dict[str, int], name: str) -> bool:
    """Pop open elements up to and including the last ``name``; whether its tag was kept."""
    kept = True
    while stack:
        top, kept = stack.pop()
        open_count[top] -= 1
        if top == name:
            break
    return kept


def _raw_end(markup: str, pos: int, name: str) -> int:
    end = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(markup, pos)
    return len(markup) if end is None else end.start()


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
