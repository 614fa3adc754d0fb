"""Square brackets and control characters in paths, titles and text are shown as they are: rich
never reads document text as markup (it used to crash on "[/x]")."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.console import Console

from corroborate.cli.browse import highlight

Run = Callable[..., subprocess.CompletedProcess[str]]

MANIFEST = """\
[bold-title]
title = "[bold]x[/]"
publisher = "[/x] Press"
file = "y.txt"
"""
TEXT = "Shusha [/x] was taken on 8 May 1992 [bold]by Armenian forces[/bold]; 2 [red] were killed.\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "a[b]" / "dir[" / "x]"
    folder.mkdir(parents=True)
    (folder / "sources.toml").write_text(MANIFEST, encoding="utf-8")
    (folder / "y.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a[b]" / "[bold]x[red].txt").write_text("Lachin was taken on 18 May 1992.\n",
                                                        encoding="utf-8")
    return tmp_path / "a[b]"


def test_brackets_in_paths_and_titles_are_shown_as_they_are(run_corroborate: Run, corpus: Path,
                                                            tmp_path: Path) -> None:
    db = str(tmp_path / "k[1].db")
    ingest = run_corroborate("ingest", str(corpus), "--db", db)
    assert (ingest.returncode, ingest.stderr) == (0, "")
    assert f"ingested into {db}" in ingest.stdout
    assert "[bold]x[red].txt" in ingest.stdout
    assert ingest.stdout.strip().endswith("2 documents: 2 added")
    sources = run_corroborate("sources", "--db", db)
    assert sources.returncode == 0
    assert "[bold]x[/]" in sources.stdout and "[/x] Press" in sources.stdout
    documents = run_corroborate("documents", "--db", db)
    assert (documents.returncode, documents.stderr) == (0, "")
    assert "[bold]x[red].txt" in documents.stdout
    for command in ("facts", "disputes"):
        shown = run_corroborate(command, "--db", db)
        assert (shown.returncode, shown.stderr) == (0, "")


def test_search_snippets_keep_their_brackets_and_their_highlight(run_corroborate: Run,
                                                                  corpus: Path,
                                                                  tmp_path: Path) -> None:
    db = str(tmp_path / "k.db")
    assert run_corroborate("ingest", str(corpus), "--db", db, "--quiet").returncode == 0
    found = run_corroborate("search", "taken", "--db", db)
    assert (found.returncode, found.stderr) == (0, "")
    # matches are marked by offsets, so the text's own brackets stay: no markup, no crash
    assert "Shusha" in found.stdout and "by Armenian forces" in found.stdout
    as_json = json.loads(run_corroborate("search", "taken", "--db", db, "-f", "json").stdout)
    assert len(as_json) == 2


def test_highlight_marks_words_and_never_reads_markup() -> None:
    snippet = "Shusha taken [/x] on [bold]8 May\x1b[31m"
    text = highlight(snippet, [[7, 12]])
    assert text.plain == "Shusha taken [/x] on [bold]8 May\ufffd[31m"
    assert [(text.plain[s.start:s.end], str(s.style)) for s in text.spans] == [("taken", "bold yellow")]
    console = Console(width=200, record=True, color_system=None)
    console.print(text)
    assert console.export_text() == "Shusha taken [/x] on [bold]8 May\ufffd[31m\n"


def test_the_store_gives_highlights_as_offsets_beside_the_bracketed_snippet(tmp_path: Path) -> None:
    from corroborate.documents import DocumentRef
    from corroborate.pipeline import ingest_one
    from corroborate.store import open_store

    path = tmp_path / "note.txt"
    path.write_text("The [Lachin] corridor was closed; Lachin lies west.\n", encoding="utf-8")
    with open_store(tmp_path / "k.db") as store:
        ingest_one(DocumentRef(str(path)), store, max_bytes=10_000)
        [hit] = store.search("Lachin")
    assert hit["text"] == "The [Lachin] corridor was closed; Lachin lies west."
    assert [hit["text"][a:b] for a, b in hit["highlights"]] == ["Lachin", "Lachin"]
    assert hit["highlights"] == [[5, 11], [34, 40]]
    assert hit["snippet"] == "The [[Lachin]] corridor was closed; [Lachin] lies west."


@pytest.mark.parametrize("limit", ["0", "-3", str(2**63), str(10**30)])
def test_a_search_limit_out_of_range_is_one_usage_line(run_corroborate: Run, tmp_path: Path,
                                                       limit: str) -> None:
    result = run_corroborate("search", "Lachin", "--limit", limit, "--db", str(tmp_path / "k.db"))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (f"Error: --limit must be a whole number from 1 to {2**63 - 1}, "
                             f"not {limit}\n")


def test_the_largest_search_limit_is_allowed(run_corroborate: Run, corpus: Path,
                                             tmp_path: Path) -> None:
    db = str(tmp_path / "k.db")
    assert run_corroborate("ingest", str(corpus), "--db", db, "--quiet").returncode == 0
    result = run_corroborate("search", "Lachin", "--limit", str(2**63 - 1), "--db", db)
    assert (result.returncode, result.stderr) == (0, "")
