"""Exports and the report show name facts and the figures set apart as counting different things."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

Cli = Callable[..., Result]

GOV = ("In 2014, several border clashes erupted. By August, 27 Azerbaijani soldiers had died since "
       "the start of the year. Khankendi was shelled.\n")
WIKI = "In 2014, 37 Azerbaijani soldiers were killed. Stepanakert was shelled.\n"


def _db(cli: Cli, tmp_path: Path) -> str:
    (tmp_path / "gov.txt").write_text(GOV, encoding="utf-8")
    (tmp_path / "wiki.txt").write_text(WIKI, encoding="utf-8")
    db = str(tmp_path / "c.db")
    assert cli("ingest", str(tmp_path / "gov.txt"), str(tmp_path / "wiki.txt"), "--db", db,
               "--conflict", "Nagorno-Karabakh conflict").exit_code == 0
    return db


def test_export_disputes_has_name_facts_and_no_count_so_far(cli: Cli, tmp_path: Path) -> None:
    db = _db(cli, tmp_path)
    records = [json.loads(line) for line in
               cli("export", "disputes", "--db", db).stdout.splitlines()]
    names = [r for r in records if r["kind"] == "name"]
    assert [r["key"]["entity"] for r in names] == ["Stepanakert"]
    assert sorted((c["source"], c["as_written"]) for c in names[0]["claims"]) == [
        ("gov", "Khankendi"), ("wiki", "Stepanakert")]
    assert [r for r in records if r["kind"] == "quantity"] == []


def test_export_facts_carries_the_relation(cli: Cli, tmp_path: Path) -> None:
    db = _db(cli, tmp_path)
    facts = {r["id"]: r for r in (json.loads(line) for line in
                                  cli("export", "facts", "--db", db).stdout.splitlines())}
    so_far = next(f for f in facts.values() if f["key"].get("counts") == "partial")
    assert [c["value"]["low"] for c in so_far["claims"]] == [27.0]
    [relation] = so_far["relations"]
    assert relation["relation"] == "earlier_count_of"
    later = facts[relation["fact"]]
    assert [(c["source"], c["value"]["low"]) for c in later["claims"]] == [("wiki", 37.0)]
    assert later["relations"] == [{"relation": "later_count_of", "fact": so_far["id"]}]


def test_the_report_shows_the_pair_side_by_side(cli: Cli, tmp_path: Path) -> None:
    db = _db(cli, tmp_path)
    report = json.loads(cli("report", "--db", db, "-f", "json").stdout)
    assert report["disputes"] == []
    [pair] = report["related"]
    assert pair["relation"] == "earlier_count_of"
    assert [r["marked"] for r in pair["claims"]] == ["27"]
    assert [r["marked"] for r in pair["other_claims"]] == ["37"]
    markdown = cli("report", "--db", db).stdout
    assert "## Figures that count different things (1)" in markdown
    assert "By August, **27** Azerbaijani soldiers" in markdown
