"""The read commands answer from stored facts: after `ingest`, `facts`, `disputes`, `export` and
`report` align nothing, and say what aligning in memory says."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

import corroborate.pipeline
from corroborate.align import Fact
from corroborate.pipeline import _aligned, _named, ingest
from corroborate.store import open_store

KARABAKH = Path(__file__).resolve().parents[2] / "examples" / "karabakh"


@pytest.fixture(scope="module")
def karabakh_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The example ingested by the library (pipeline.ingest aligns at its end)."""
    db = str(tmp_path_factory.mktemp("stored") / "karabakh.db")
    with open_store(db) as store:
        assert not ingest([str(KARABAKH)], store, max_bytes=50_000_000).failed
    return db


@pytest.fixture
def no_aligning(monkeypatch: pytest.MonkeyPatch) -> None:
    """Aligning (or finding names) during a read is a failure of this feature."""
    def refuse(*_args: object, **_kwargs: object) -> list[Fact]:
        raise AssertionError("aligned at read time")
    monkeypatch.setattr(corroborate.pipeline, "align", refuse)
    monkeypatch.setattr(corroborate.pipeline, "name_variants", refuse)


def lines(result: Result) -> list[dict[str, Any]]:
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_ingest_stored_the_facts_of_the_example(karabakh_db: str) -> None:
    with open_store(karabakh_db, create=False, readonly=True) as store:
        assert store.stale_conflicts() == []
        counts = store.counts("Nagorno-Karabakh conflict")
        assert counts["documents"] == 5 and counts["facts"] > 50 and counts["disputes"] > 5
        in_memory = [f.record() for f in _aligned(store.claims())]
        names = [f.record() for f in _named(store, None)[0]]
    assert len(in_memory) == counts["facts"]
    assert sum(f["verdict"] == "disagree" for f in in_memory) == counts["disputes"]
    assert len(names) == counts["names"]


def test_export_facts_is_read_from_the_store(karabakh_db: str, no_aligning: None,
                                             cli: Callable[..., Result]) -> None:
    exported = lines(cli("export", "facts", "--db", karabakh_db))
    with open_store(karabakh_db, create=False, readonly=True) as store:
        stored = [f.record() for f in store.stored_facts()] + \
            [f.record() for f in store.stored_facts(names=True)]
    assert exported == json.loads(json.dumps(stored))
    assert {f["kind"] for f in exported} == {"quantity", "event", "name"}


def test_disputes_are_read_from_the_store(karabakh_db: str, no_aligning: None,
                                          cli: Callable[..., Result]) -> None:
    disputes = lines(cli("disputes", "--db", karabakh_db, "--format", "jsonl"))
    pairs = {(d["key"].get("measure"), d["key"].get("side"),
              tuple(sorted(c["value"]["low"] for c in d["claims"])))
             for d in disputes if d["kind"] == "quantity"}
    assert ("killed", "Armenia", (88.0, 91.0)) in pairs


def test_report_reads_stored_facts(karabakh_db: str, no_aligning: None,
                                   cli: Callable[..., Result]) -> None:
    result = cli("report", "--db", karabakh_db, "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    with open_store(karabakh_db, create=False, readonly=True) as store:
        counts = store.counts()
    assert report["summary"]["facts"] == counts["facts"]
    assert report["summary"]["disagree"] == counts["disputes"] == len(report["disputes"])
    assert "Khankandi" in result.stdout and "Stepanakert" in result.stdout


def test_an_unaligned_database_is_still_read(tmp_path: Path, karabakh_db: str,
                                            cli: Callable[..., Result]) -> None:
    """A database whose facts are stale (as an older corroborate left it) is aligned in
    memory by the read commands, which open it read-only: the same disputes."""
    stale = tmp_path / "stale.db"
    with open_store(karabakh_db, create=False, readonly=True) as store:
        store.conn.execute("VACUUM INTO ?", (str(stale),))
    with open_store(stale, create=False) as store:
        store.conn.execute("UPDATE alignment_state SET generation = generation + 1")
        store.conn.execute("DELETE FROM facts")
    fresh = lines(cli("disputes", "--db", karabakh_db, "--format", "jsonl"))
    assert lines(cli("disputes", "--db", str(stale), "--format", "jsonl")) == fresh
