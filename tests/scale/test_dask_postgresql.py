"""Into PostgreSQL, Dask workers store their own parts' documents (the server takes many
writers): the same claims and facts as one process, nothing stored twice, a lost worker costs
nothing a rerun does not bring back."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import corroborate.scale.cluster
from corroborate.cli import app
from corroborate.pipeline import Outcome, Prepared
from corroborate.store import SQLiteStore
from tests.scale.conftest import exported_claims, ingest_twice_losing_a_worker

pytest.importorskip("dask.distributed", reason="the dask extra is not installed")
pytest.importorskip("psycopg", reason="the postgresql extra is not installed")

runner = CliRunner()


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("reference") / "one.db")
    assert runner.invoke(app, ["ingest", str(corpus), "--db", db, "-j", "1"]).exit_code == 0
    return db


def test_workers_store_into_postgresql_what_one_process_stores(
        corpus: Path, reference: str, postgres_url: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    def not_here(store: SQLiteStore, prepared: Prepared) -> Outcome:
        if prepared.status == "failed":  # a lost part's documents are still reported here
            return Outcome(prepared.location, prepared.source, "failed", error=prepared.error)
        raise AssertionError("the client stored a document the workers should have stored")

    monkeypatch.setattr(corroborate.scale.cluster, "store_prepared", not_here)
    result = runner.invoke(app, ["ingest", str(corpus), "--db", postgres_url, "-j", "2",
                                 "--engine", "dask", "--scheduler", "local"])
    assert result.exit_code == 0, result.output
    assert "10 documents: 10 added" in result.stdout
    assert exported_claims(postgres_url) == exported_claims(reference)
    # aligned once every part was stored: the same disputes as one process
    disputes = ["disputes", "--format", "jsonl", "--db"]
    assert runner.invoke(app, [*disputes, postgres_url]).stdout == \
        runner.invoke(app, [*disputes, reference]).stdout
    again = runner.invoke(app, ["ingest", str(corpus), "--db", postgres_url,
                                "--engine", "dask", "--scheduler", "local"])
    assert "10 documents: 10 unchanged" in again.stdout


@pytest.mark.slow
def test_a_worker_killed_while_storing_loses_and_duplicates_nothing(
        corpus: Path, reference: str, postgres_url: str, tmp_path: Path) -> None:
    first, again = ingest_twice_losing_a_worker(corpus, tmp_path / "killed-once", postgres_url,
                                                writers=postgres_url)
    assert len(first) == len(again) == 10
    assert all(o.status in ("unchanged", "added") for o in again)
    assert exported_claims(postgres_url) == exported_claims(reference)
