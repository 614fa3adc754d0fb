"""The store seen from the command line: read commands never create a database, another program's
database is refused untouched, and a locked or read-only database is one line, never a trace."""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import Result

import corroborate.store.sqlite
from corroborate.errors import CorroborateError
from corroborate.pipeline import ingest
from corroborate.store import open_store
from tests.conftest import EXAMPLES

Cli = Callable[..., Result]
Run = Callable[..., subprocess.CompletedProcess[str]]

SHUSHA = "In May 1992, 40 soldiers were killed near Shusha.\n"

READ_COMMANDS = [
    ["sources"], ["documents"], ["search", "Shusha"], ["export", "claims"], ["export", "facts"],
    ["facts"], ["disputes"], ["report"], ["evaluate", "--gold", str(EXAMPLES / "gold.jsonl")],
    ["extract"],
]



@pytest.fixture
def locked_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A database with shusha.txt (one claim) while another process holds its write lock; the
    store waits 0.05 s for it instead of 30."""
    db = tmp_path / "karabakh.db"
    (tmp_path / "shusha.txt").write_text(SHUSHA, encoding="utf-8")
    with open_store(db) as store:
        ingest([str(tmp_path / "shusha.txt")], store, max_bytes=10**6)
    monkeypatch.setattr(corroborate.store.sqlite, "DEFAULT_TIMEOUT", 0.05)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    yield db
    other.execute("ROLLBACK")
    other.close()
    with open_store(db, create=False) as store:  # nothing was half-written
        assert [(d["location"], d["claim_count"]) for d in store.documents()] == [
            (str(tmp_path / "shusha.txt"), 1)]
        assert store.check() == []


def error_of(result: Result) -> str:
    assert isinstance(result.exception, CorroborateError), result.output
    return result.exception.line()


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_a_read_command_with_a_mistyped_db_creates_nothing(cli: Cli, tmp_path: Path,
                                                           command: list[str]) -> None:
    db = tmp_path / "karabkah.db"
    result = cli(*command, "--db", str(db))
    assert result.exit_code == 1
    assert error_of(result) == (f"Error [E305] {db}: no database here; run `corroborate ingest` "
                                "first or pass another --db")
    assert list(tmp_path.iterdir()) == []


def test_the_edge_prints_one_line_for_a_missing_database(run_corroborate: Run,
                                                         tmp_path: Path) -> None:
    done = run_corroborate("facts", "--db", str(tmp_path / "karabkah.db"))
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.splitlines() == [
        f"Error [E305] {tmp_path}/karabkah.db: no database here; run `corroborate ingest` first "
        "or pass another --db"]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["ingest", "shusha.txt"], ["sources"], ["extract"]],
                         ids=lambda c: c[0])
def test_another_programs_database_is_refused_unchanged(cli: Cli, tmp_path: Path,
                                                        command: list[str]) -> None:
    db = tmp_path / "birds.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE birds (name TEXT)")
    conn.close()
    (tmp_path / "shusha.txt").write_text(SHUSHA, encoding="utf-8")
    before = db.read_bytes()
    args = [str(tmp_path / a) if a.endswith(".txt") else a for a in command]
    result = cli(*args, "--db", str(db))
    assert result.exit_code == 1
    assert error_of(result) == (f"Error [E304] {db}: not a corroborate database (it has tables "
                                "birds); pass another --db")
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["birds.db", "shusha.txt"]


def test_read_commands_work_on_an_ingested_database(cli: Cli, tmp_path: Path) -> None:
    db = tmp_path / "karabakh.db"
    (tmp_path / "shusha.txt").write_text(SHUSHA, encoding="utf-8")
    assert cli("ingest", str(tmp_path / "shusha.txt"), "--db", str(db)).exit_code == 0
    documents = cli("documents", "--db", str(db), "--format", "json")
    assert documents.exit_code == 0 and "shusha.txt" in documents.stdout
    assert cli("extract", "--db", str(db)).stdout == "1 claims from 1 documents\n"
    exported = cli("export", "claims", "--db", str(db))
    assert exported.exit_code == 0
    assert '"text": "In May 1992, 40 soldiers were killed near Shusha."' in exported.stdout


def test_ingest_while_another_process_writes_is_one_line_per_document(
        cli: Cli, locked_db: Path, tmp_path: Path) -> None:
    report = tmp_path / "lachin.txt"
    report.write_text("In 1993, 12 civilians were killed near Lachin.\n", encoding="utf-8")
    result = cli("ingest", str(report), "--db", str(locked_db))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error [E306] {locked_db}: the database is locked: another corroborate process is "
        f"writing ({report} not written); retry when it ends"]
    assert result.stdout.splitlines()[-1] == "1 documents: 1 failed"


def test_extract_while_another_process_writes_is_one_line(cli: Cli, locked_db: Path,
                                                          tmp_path: Path) -> None:
    result = cli("extract", "--db", str(locked_db))
    assert result.exit_code == 1
    assert error_of(result) == (
        f"Error [E306] {locked_db}: the database is locked: another corroborate process is "
        f"writing (claims of {tmp_path}/shusha.txt not written); retry when it ends")
