"""Hostile document text and source metadata in every output: CSV cells are no formulas, Markdown
and HTML show the text as written (no tags, no links, no table cells added), JSON keeps it as data."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from typer.testing import CliRunner

from corroborate.cli._app import app
from corroborate.export import write_records
from corroborate.export.safe import csv_cell, http_link, markdown_cell, markdown_text

runner = CliRunner()

MANIFEST = """\
[evil-a]
title = "<script>alert('title')</script> [bold]x[/]"
publisher = "<img src=x onerror=alert('pub')> | # Press"
url = "javascript:alert('url')"
file = "a.txt"

[evil-b]
title = '=HYPERLINK("http://evil.example","click")'
publisher = "@SUM(1+1)"
url = "https://example.org/report?a=1&b=<2>"
file = "b.txt"
"""
A_TEXT = ("=HYPERLINK(\"http://evil.example\") In April 2016, 88 Armenian soldiers were killed "
          "<img src=x onerror=alert('x')> | [x](javascript:alert('x')) *bold* </td>.\n")
B_TEXT = "-In April 2016, 91 Armenian soldiers were killed <script>alert('y')</script>.\n"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "sources.toml").write_text(MANIFEST, encoding="utf-8")
    (folder / "a.txt").write_text(A_TEXT, encoding="utf-8")
    (folder / "b.txt").write_text(B_TEXT, encoding="utf-8")
    path = str(folder / "k.db")
    result = runner.invoke(app, ["ingest", str(folder), "--db", path, "--quiet"])
    assert result.exit_code == 0, result.output
    return path


def run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_csv_claims_cells_are_no_formulas(db: str) -> None:
    rows = list(csv.DictReader(io.StringIO(run("export", "claims", "--db", db, "-f", "csv"))))
    assert [(r["source"], r["value_low"], r["evidence_start"]) for r in rows] == [
        ("evil-a", "88.0", "0"), ("evil-b", "91.0", "0")]
    assert [r["evidence_text"] for r in rows] == ["'" + A_TEXT.strip(), "'" + B_TEXT.strip()]
    for row in rows:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row.values())


def test_csv_disputes_cells_are_no_formulas(db: str) -> None:
    text = run("export", "disputes", "--db", db, "-f", "csv")
    for row in csv.reader(io.StringIO(text)):
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)
    assert text.count("\n") == 2  # the header and one dispute; its claims are one JSON cell


def test_a_negative_number_is_data_and_negative_text_is_neutralised() -> None:
    stream = io.StringIO()
    write_records([{"id": "-5", "value": {"low": -5.0, "high": 3}, "note": "\t=1", "ok": "5-1",
                    "at": " @home"}], "csv", stream)
    assert stream.getvalue().splitlines() == ["id,value_low,value_high,note,ok,at",
                                              "'-5,-5.0,3,'\t=1,5-1,' @home"]
    assert (csv_cell(-5.0), csv_cell(0), csv_cell("+7"), csv_cell("\r=x")) == (-5.0, 0, "'+7",
                                                                               "'\r=x")


def test_markdown_report_shows_the_text_as_written(db: str) -> None:
    md = run("report", "--db", db, "-f", "md")
    for raw in ("<script", "<img", "</td>", "<javascript:"):
        assert raw not in md
    assert not re.search(r"(?<!\\)\]\(javascript", md)  # "\](" is text, "](" a link
    assert ("- evil-a: &lt;script&gt;alert('title')&lt;/script&gt; \\[bold\\]x\\[/\\] (&lt;img "
            "src=x onerror=alert('pub')&gt; \\| # Press) javascript:alert('url')") in md
    assert ('- evil-b: \\=HYPERLINK("http://evil.example","click") (@SUM(1+1)) '
            "<https://example.org/report?a=1&b=%3C2%3E>") in md
    rows = [line for line in md.splitlines() if line.startswith("| evil-")]
    assert [row.replace("\\|", "").count("|") for row in rows] == [5, 5]  # no cell added
    assert rows[1] == ("| evil-b | 91 people | killed · Armenia · soldiers · 2016-04 | \\-In April "
                       "2016, **91** Armenian soldiers were killed &lt;script&gt;alert('y')"
                       "&lt;/script&gt;. |")


def test_html_report_is_escaped_and_links_only_http(db: str) -> None:
    page = run("report", "--db", db, "-f", "html")
    for raw in ("<script>alert", "<img src=x", "</td>.", 'href="javascript', "[x](javascript"
                ":alert('x'))"):
        assert raw not in page
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; [bold]x[/]" in page
    assert "&lt;img src=x onerror=alert(&#39;pub&#39;)&gt; | # Press" in page
    assert " javascript:alert(&#39;url&#39;)</span>" in page
    assert ('<a href="https://example.org/report?a=1&amp;b=%3C2%3E" rel="nofollow noopener">'
            in page)
    assert page.count("<a ") == 1
    assert "&lt;script&gt;alert(&#39;y&#39;)&lt;/script&gt;" in page


def test_json_report_keeps_the_text_as_data(db: str) -> None:
    report = json.loads(run("report", "--db", db, "-f", "json"))
    assert [(s["title"], s["url"]) for s in report["sources"]] == [
        ("<script>alert('title')</script> [bold]x[/]", "javascript:alert('url')"),
        ('=HYPERLINK("http://evil.example","click")', "https://example.org/report?a=1&b=<2>")]
    words = [row["before"] + row["marked"] + row["after"]
             for dispute in report["disputes"] for row in dispute["claims"]]
    assert words == [A_TEXT.strip(), B_TEXT.strip()]


@pytest.mark.parametrize(("text", "shown"), [
    ("1992. The town fell", "1992\\. The town fell"),
    ("# Heading", "\\# Heading"),
    ("> quote", "&gt; quote"),
    ("+ item", "\\+ item"),
    ("a_b*c`d~e\\f", "a\\_b\\*c\\`d\\~e\\\\f"),
    ("![img](http://x/y.png)", "!\\[img\\](http://x/y.png)"),
    ("AT&T &amp;", "AT&amp;T &amp;amp;"),
])
def test_markdown_text(text: str, shown: str) -> None:
    assert markdown_text(text) == shown


def test_a_markdown_cell_is_one_line() -> None:
    assert markdown_cell("a |b\n# c\r\nd ") == "a \\|b # c d "


@pytest.mark.parametrize(("url", "link"), [
    ("https://example.org/a b", None), ("https://example.org/ş<", "https://example.org/%C5%9F%3C"),
    ("HTTP://example.org/", "HTTP://example.org/"),
    ("javascript:alert(1)", None), (" JavaScript:alert(1)", None), ("data:text/html,<b>", None),
    ("//example.org/x", None), ("/relative", None), ("http://", None), (None, None),
    ("java\tscript:alert(1)", None), ("http://[::1", None),
])
def test_http_link(url: str | None, link: str | None) -> None:
    assert http_link(url) == link
