"""Hypothesis strategies for hostile but fair input: text, HTML, manifests, queries, file names.

They mix the words corroborate reacts to (figures, trigger words, places, dates, table layouts)
with what breaks tools (markup, brackets, control characters, odd encodings), so that generated
documents reach deep into extraction as well as into the readers' error paths.
"""

from __future__ import annotations

import codecs

from hypothesis import strategies as st

FIGURES = ["1,000", "28,000–38,000", "4+", "about 2,000", "at least 185", "some 30,000", "17%",
           "4,000 km2", "$2.5 billion", "twelve", "two hundred", "1 000", "−5", "0.5", "1e9",
           "99999999999999999999999", "½", "١٢٣"]
WORDS = ["killed", "wounded", "missing", "displaced", "refugees", "soldiers", "civilians",
         "captured", "fell", "occupied", "ceasefire", "Shusha", "Şuşa", "Lachin", "Kalbajar",
         "Armenia", "Azerbaijan", "Armenian", "Azerbaijani", "Artsakh", "the", "of", "in", "and",
         "between", "were", "by", "on", "8 May 1992", "1994", "2020–2023", "March", "(", ")",
         ":", ";", ",", ".", "|", "[1]", "[", "]", "[/]", "[bold]", "<script>", "=SUM(A1)",
         "+1", "-2", "@x", "\"", "'", "\\", "%s", "{0}", "\x00", "\x07", "\u202e", "\ufeff",
         "\u00ad", "\u2028", "𝟙𝟚", "中文", "\t"]
LINE_ENDS = ["\n", "\n", "\n\n", "\r\n", "\r", " "]

tokens = st.one_of(st.sampled_from(FIGURES), st.sampled_from(WORDS), st.text(max_size=6))
lines = st.lists(tokens, max_size=24).map(" ".join)
documents_text = st.builds(
    lambda parts, ends: "".join(p + e for p, e in zip(parts, ends, strict=False)),
    st.lists(lines, min_size=1, max_size=12),
    st.lists(st.sampled_from(LINE_ENDS), min_size=12, max_size=12),
)

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252", "latin-1", "koi8-r"]


def _encode(text: str, encoding: str) -> bytes:
    return codecs.encode(text, encoding, errors="replace")


text_bytes = st.one_of(
    st.builds(_encode, documents_text, st.sampled_from(ENCODINGS)),
    st.binary(max_size=600),
    st.builds(lambda a, b: a + b, documents_text.map(lambda t: t.encode("utf-8")),
              st.binary(max_size=8)),
)

TAGS = ["div", "p", "span", "table", "tr", "td", "th", "ul", "li", "h1", "h2", "script", "style",
        "a", "b", "br", "iframe", "svg", "math", "template", "noscript", "!--", "![CDATA["]
ATTRS = ["", ' class="x"', ' href="javascript:alert(1)"', " onerror=alert(1)", ' style="',
         " data-x='<b>'", " x=", ' lang="hy"']


def _element(children: list[str], tag: str, attr: str, close: bool) -> str:
    return f"<{tag}{attr}>" + "".join(children) + (f"</{tag}>" if close else "")


html_nodes = st.recursive(
    st.one_of(lines, st.sampled_from(["&amp;", "&#0;", "&#x110000;", "&nbsp;", "&bogus;", "<",
                                      ">", "</p>", "<!DOCTYPE html>", "<?xml?>"])),
    lambda children: st.builds(_element, st.lists(children, max_size=4), st.sampled_from(TAGS),
                               st.sampled_from(ATTRS), st.booleans()),
    max_leaves=30,
)
html_bytes = st.builds(
    lambda body, encoding, cut: _encode("<html><body>" + body + "</body></html>",
                                        encoding)[:cut],
    html_nodes, st.sampled_from(["utf-8", "cp1252", "utf-16"]), st.integers(1, 100_000),
)

MANIFEST_KEYS = ["title", "publisher", "url", "kind", "license", "note", "file", "published",
                 "conflict", "", "ti tle", "1", "[x]"]
MANIFEST_VALUES = ['"A title"', '""', '"[bold]x[/]"', '"javascript:alert(1)"', "12", "true",
                   "[1, 2]", "{a = 1}", '"""multi\nline"""', "'lit'", '"\\u0000"', "1979-05-27",
                   '"=cmd"', "nan", ""]
manifest_tables = st.builds(
    lambda slug, pairs: f"[{slug}]\n" + "".join(f"{k} = {v}\n" for k, v in pairs),
    st.sampled_from(["doc", "doc.txt", '"doc"', "other", "a.b", "", "[doc]", "doc ]", "ünï"]),
    st.lists(st.tuples(st.sampled_from(MANIFEST_KEYS), st.sampled_from(MANIFEST_VALUES)),
             max_size=6),
)
manifests = st.one_of(
    st.lists(manifest_tables, max_size=3).map("\n".join),
    st.text(max_size=200),
    st.builds(lambda text, cut: text[:cut], st.lists(manifest_tables, max_size=2).map("\n".join),
              st.integers(0, 200)),
)

queries = st.one_of(
    st.text(max_size=40),
    st.lists(st.sampled_from(['"', "*", "NEAR(", ")", "AND", "OR", "NOT", "^", ":", "-", "+",
                              "Lachin", "killed", "col:x", "{", "}", "\x00", "'"]), max_size=8)
    .map(" ".join),
)

FILE_NAMES = ["doc.txt", "a[b].txt", "[/x]y.md", "rep ort.html", "ünïcode.txt", "x.pdf",
              "noext", ".hidden.txt", "-dash.txt", "x.TXT", "semi;colon.md", "%s.txt",
              "[bold]b[/bold].txt", "q'uote\".txt"]
file_names = st.sampled_from(FILE_NAMES)
