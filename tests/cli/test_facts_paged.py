"""`facts` and `disputes` stream stored facts a page at a time: a table shows the first 100 and
says how many there are and how to see them all; JSON lines stream every fact (or --limit)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from corroborate.pipeline import ingest, iter_facts
from corroborate.store import open_store

EXAMPLES = [str(Path(__file__).resolve().parents[2] / "examples" / name)
            for name in ("karabakh", "falklands", "kosovo")]
KARABAKH = "Nagorno-Karabakh conflict"


@pytest.fixture(scope="module")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("paged") / "examples.db")
    with open_store(db) as store:
        assert not ingest(EXAMPLES, store, max_bytes=50_000_000).failed
    return db


def table_rows(result: Result) -> int:
    """Rows of a rich table whose first column is a verdict."""
    assert result.exit_code == 0, result.output
    return len(re.findall(r"^│ (?:agree|disagree|single_source)", result.stdout, re.M))


def test_pages_give_every_stored_fact_in_order(examples_db: str) -> None:
    with open_store(examples_db, create=False, readonly=True) as store:
        whole = [f.record() for f in store.stored_facts()]
        assert len(whole) > 300
        for page in (1, 7, 500):
            assert [f.record() for f in store.iter_facts(page=page)] == whole
        disputes = [f for f in whole if f["verdict"] == "disagree"]
        assert [f.record() for f in store.iter_facts(verdict="disagree", page=4)] == disputes
        killed = [f for f in whole if f["key"].get("measure") == "killed"]
        assert 5 < len(killed) < len(whole)
        assert [f.record() for f in iter_facts(store, measure="killed")] == killed
        assert store.fact_count(verdict="disagree") == len(disputes)
        assert store.fact_count(KARABAKH, subject="killed") == len(
            [f for f in killed if f["key"]["conflict"] == KARABAKH])


def test_a_table_shows_the_first_hundred_and_says_how_many(
        cli: Callable[..., Result], examples_db: str) -> None:
    with open_store(examples_db, create=False, readonly=True) as store:
        total = store.fact_count()
    shown = cli("facts", "--db", examples_db)
    assert table_rows(shown) == 100
    assert f"100 of {total} facts (--limit 0 shows all; --format jsonl streams them)" in shown.stdout
    assert table_rows(cli("facts", "--db", examples_db, "--limit", "0")) == total
    few = cli("facts", "--db", examples_db, "--limit", "3")
    assert table_rows(few) == 3 and f"3 of {total} facts" in few.stdout
    # fewer than a page: all of them, counted as before
    disputes = cli("disputes", "--db", examples_db, "--conflict", "Falklands War")
    assert re.search(r"^(\d+) disputes$", disputes.stdout, re.M)
    assert table_rows(disputes) == int(re.search(r"^(\d+) disputes$", disputes.stdout,
                                                 re.M).group(1))


def test_json_lines_stream_every_fact_or_the_first_few(
        cli: Callable[..., Result], examples_db: str) -> None:
    every = [json.loads(line) for line in cli("disputes", "--db", examples_db, "-f",
                                              "jsonl").stdout.splitlines()]
    exported = [json.loads(line) for line in cli("export", "disputes", "--db",
                                                 examples_db).stdout.splitlines()]
    assert every == [f for f in exported if f["kind"] != "name"]
    first = cli("disputes", "--db", examples_db, "-f", "jsonl", "--limit", "2")
    assert [json.loads(line) for line in first.stdout.splitlines()] == every[:2]
    killed = cli("facts", "--db", examples_db, "-f", "jsonl", "--measure", "killed",
                 "--side", "Argentina")
    found = [json.loads(line) for line in killed.stdout.splitlines()]
    assert found and {(f["key"]["measure"], f["key"]["side"]) for f in found} == {
        ("killed", "Argentina")}


def test_a_negative_limit_is_a_usage_error(cli: Callable[..., Result], examples_db: str) -> None:
    result = cli("facts", "--db", examples_db, "--limit", "-1")
    assert result.exit_code == 2
