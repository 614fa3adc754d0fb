"""corroborate sources | documents | search: listings, JSON output and one-line query errors."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from corroborate.errors import CorroborateError

Cli = Callable[..., Result]
Run = Callable[..., subprocess.CompletedProcess[str]]

MANIFEST = """\
[hrw-1994]
title = "Seven Years of Conflict in Nagorno-Karabakh"
publisher = "Human Rights Watch"
kind = "ngo"

[crisis-group]
title = "Nagorno-Karabakh: A Plan for Peace"
publisher = "International Crisis Group"
kind = "think-tank"
file = "plan-for-peace.md"
"""

HRW = ("Lachin\n"
       "Armenian forces took Lachin on 18 May 1992, opening a corridor between Armenia and "
       "Karabakh. Its Kurdish and Azerbaijani inhabitants fled.\n")
ICG = ("# Returns\n\n"
       "Any settlement must let the displaced return to Lachin and Kalbajar. A road through the "
       "Lachin corridor would stay open to both sides.\n")


@pytest.fixture
def db(cli: Cli, tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "sources.toml").write_text(MANIFEST, encoding="utf-8")
    (folder / "hrw-1994.txt").write_text(HRW, encoding="utf-8")
    (folder / "plan-for-peace.md").write_text(ICG, encoding="utf-8")
    path = tmp_path / "karabakh.db"
    result = cli("ingest", str(folder), "--db", str(path), "--no-extract", "--quiet")
    assert (result.exit_code, result.stdout.strip()) == (0, "2 documents: 2 added")
    return path


def test_sources_as_json(cli: Cli, db: Path) -> None:
    result = cli("sources", "--db", str(db), "--format", "json")
    assert result.exit_code == 0
    assert [(s["slug"], s["publisher"], s["kind"], s["documents"])
            for s in json.loads(result.stdout)] == [
        ("crisis-group", "International Crisis Group", "think-tank", 1),
        ("hrw-1994", "Human Rights Watch", "ngo", 1),
    ]


def test_sources_as_a_table(cli: Cli, db: Path) -> None:
    result = cli("sources", "--db", str(db))
    assert result.exit_code == 0
    assert result.stdout.index("crisis-group") < result.stdout.index("hrw-1994")
    assert {"Human", "Rights", "Watch", "ngo"} <= set(result.stdout.replace("│", " ").split())


def test_documents_as_json_and_by_source(cli: Cli, db: Path) -> None:
    every = json.loads(cli("documents", "--db", str(db), "-f", "json").stdout)
    assert [(Path(d["location"]).name, d["source"], d["media_type"], d["chars"])
            for d in every] == [("plan-for-peace.md", "crisis-group", "text/markdown", len(ICG)),
                                ("hrw-1994.txt", "hrw-1994", "text/plain", len(HRW))]
    only = json.loads(cli("documents", "--db", str(db), "--source", "hrw-1994", "-f",
                          "json").stdout)
    assert [d["source"] for d in only] == ["hrw-1994"]


def test_search_prints_highlighted_snippets(cli: Cli, db: Path) -> None:
    result = cli("search", "Lachin corridor", "--db", str(db))
    assert result.exit_code == 0
    road = "A road through the Lachin corridor would stay open to both sides."
    took = ("Armenian forces took Lachin on 18 May 1992, opening a corridor between Armenia and "
            "Karabakh.")
    assert sorted(result.stdout.splitlines()) == [
        f"crisis-group [{ICG.index(road)}:{ICG.index(road) + len(road)}]  {road}",
        f"hrw-1994 [{HRW.index(took)}:{HRW.index(took) + len(took)}]  {took}",
    ]
    hits = json.loads(cli("search", "Lachin", "--db", str(db), "-f", "json").stdout)
    assert {h["source"] for h in hits} == {"hrw-1994", "crisis-group"}
    assert all("[Lachin]" in h["snippet"] for h in hits)
    assert len(json.loads(cli("search", "Lachin", "--db", str(db), "-f", "json", "--limit",
                              "1").stdout)) == 1


def test_search_with_no_match(cli: Cli, db: Path) -> None:
    result = cli("search", "Zangilan", "--db", str(db))
    assert (result.exit_code, result.stdout) == (0, "no match for 'Zangilan'\n")


def test_an_unknown_format_is_a_usage_error(cli: Cli, db: Path) -> None:
    result = cli("sources", "--db", str(db), "--format", "xml")
    assert result.exit_code == 2
    assert result.stderr == "Error: --format must be table or json, not 'xml'\n"


@pytest.mark.parametrize(("query", "raw"), [("", False), ('"Lachin AND', True),
                                            ("Lachin OR", True)])
def test_a_bad_query_is_e401(cli: Cli, db: Path, query: str, raw: bool) -> None:
    result = cli("search", query, "--db", str(db), *(["--raw"] if raw else []))
    assert result.exit_code == 1
    assert isinstance(result.exception, CorroborateError)
    assert result.exception.code.name == "E401"


def test_a_bad_query_is_one_line_from_the_command(run_corroborate: Run, db: Path) -> None:
    done = run_corroborate("search", '"Lachin AND', "--raw", "--db", str(db))
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == ("Error [E401] search '\"Lachin AND': malformed query: unterminated "
                           "string\n")
    empty = run_corroborate("search", "", "--db", str(db))
    assert (empty.returncode, empty.stderr) == (
        1, "Error [E401] search: malformed query: the query is empty; give words\n")
