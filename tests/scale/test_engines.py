"""Ingest on many cores and on a Dask cluster stores what one process stores."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corroborate.cli import app
from corroborate.documents import discover
from corroborate.scale import IngestOptions, prepare_all
from tests.scale.conftest import WIRES, exported_claims, ingest_twice_losing_a_worker

runner = CliRunner()


def test_pool_prepares_in_batch_order_with_the_same_claims(corpus: Path) -> None:
    refs, _notes = discover([str(corpus / "karabakh")])
    options = IngestOptions(max_bytes=10 << 20)
    one = list(prepare_all(refs, options, jobs=1))
    two = list(prepare_all(refs, options, jobs=2))
    assert [p.location for p in two] == [r.location for r in refs]
    assert [p.status for p in two] == ["ready"] * len(refs)
    assert [[c.id for c in p.claims or []] for p in two] == [[c.id for c in p.claims or []]
                                                             for p in one]
    assert sum(len(p.claims or []) for p in two) > 100


def test_pool_skips_what_is_stored_and_reports_bad_input_per_document(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Some 300 soldiers were killed in the fighting for the bridge in 1995.\n")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    refs, _notes = discover([str(tmp_path)])
    stored = {str(good.resolve()): __import__("hashlib").sha256(good.read_bytes()).hexdigest()}
    prepared = {Path(p.location).name: p for p in
                prepare_all(refs, IngestOptions(max_bytes=1 << 20), jobs=2, stored=stored)}
    assert prepared["good.txt"].status == "unchanged"
    assert prepared["good.txt"].claims is None
    assert prepared["bad.txt"].status == "failed"
    assert "bad.txt" in (prepared["bad.txt"].error or "")
    assert "binary" in (prepared["bad.txt"].error or "")


def test_ingest_jobs_two_equals_jobs_one(corpus: Path, tmp_path: Path) -> None:
    for jobs in ("1", "2"):
        result = runner.invoke(app, ["ingest", str(corpus), "--db", str(tmp_path / f"{jobs}.db"),
                                     "--jobs", jobs, "--quiet"])
        assert result.exit_code == 0, result.output
        assert "10 documents: 10 added" in result.stdout
    assert exported_claims(tmp_path / "1.db") == exported_claims(tmp_path / "2.db")


def test_engine_flags_are_checked(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.db"),
                                 "--engine", "spark"])
    assert result.exit_code == 2
    assert "--engine must be local or dask" in result.output
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.db"),
                                 "--engine", "dask"])
    assert result.exit_code == 2
    assert "--scheduler" in result.output


@pytest.mark.slow
def test_dask_local_cluster_stores_what_one_process_stores(corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed", reason="the dask extra is not installed")
    wires = tmp_path / "wires.jsonl"
    wires.write_text("\n".join(json.dumps(w) for w in WIRES) + "\n{not json\n")
    single, cluster = tmp_path / "single.db", tmp_path / "cluster.db"
    result = runner.invoke(app, ["ingest", str(corpus), str(wires), "--db", str(single), "-j", "1",
                                 "--engine", "dask", "--scheduler", "local"])
    # the broken line fails alone, with its file and line; the other documents are stored
    assert result.exit_code == 1
    assert f"{wires}:3" in result.output
    assert "12 added, 1 failed" in result.stdout
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(cluster), "-j", "1"])
    assert result.exit_code == 0, result.output
    by_dask = [c for c in exported_claims(single) if not str(c["document"]).startswith(str(tmp_path))
               and "#" not in str(c["document"])]
    assert by_dask == exported_claims(cluster)
    wire_claims = [c for c in exported_claims(single) if "#w" in str(c["document"])]
    assert {c["conflict"] for c in wire_claims} == {"Sudanese civil war (2023–present)"}
    assert {c["source"] for c in wire_claims} == {"wire-a", "wire-b"}
    # a rerun stores nothing twice
    result = runner.invoke(app, ["ingest", str(corpus), str(wires), "--db", str(single),
                                 "--engine", "dask", "--scheduler", "local"])
    assert "12 unchanged, 1 failed" in result.stdout
    assert len(exported_claims(single)) == len({(c["document"], c["id"]) for c in exported_claims(single)})


@pytest.mark.slow
def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(corpus: Path, tmp_path: Path) -> None:
    """The first worker to start a part dies; Dask runs the part elsewhere (or it fails with one
    line and a rerun stores it); in the end the claims are those of one process, once each."""
    db = tmp_path / "killed.db"
    first, again = ingest_twice_losing_a_worker(corpus, tmp_path / "killed-once", db)
    assert len(first) == len(again) == 10
    assert all(o.status in ("unchanged", "added") for o in again)
    reference = tmp_path / "reference.db"
    assert runner.invoke(app, ["ingest", str(corpus), "--db", str(reference), "-j", "1"]).exit_code == 0
    assert exported_claims(db) == exported_claims(reference)


def test_errors_cross_processes_intact() -> None:
    import pickle

    from corroborate.errors import CorroborateError, E

    error = CorroborateError(E.E105, "big.pdf", size=10, limit=5)
    back = pickle.loads(pickle.dumps(error))
    assert back.line() == error.line() == (
        "Error [E105] big.pdf: too large: 10 bytes, over the limit of 5; raise --max-bytes")


def test_a_killed_worker_costs_its_documents_one_line_and_nothing_hangs(
        hostile_server: str, tmp_path: Path) -> None:
    """A worker killed while it reads a slow URL: that document fails with one line naming it,
    the pool starts again, and the documents after it are prepared."""
    import threading

    psutil = pytest.importorskip("psutil", reason="psutil finds the worker processes")
    from tests.conftest import TRICKLE_STARTED

    after = tmp_path / "after.txt"
    after.write_text("On 3 May 1992, 40 soldiers were killed near Lachin.\n")
    refs, _notes = discover([f"{hostile_server}/trickle", str(after)])

    def kill_workers() -> None:
        if TRICKLE_STARTED.wait(60):
            # the pool's workers are forked by the forkserver, a child of this process
            for server in psutil.Process().children():
                if "forkserver" in " ".join(server.cmdline()):
                    for worker in server.children():
                        worker.kill()

    killer = threading.Thread(target=kill_workers, daemon=True)
    killer.start()
    options = IngestOptions(max_bytes=10 << 20, timeout=30)
    prepared = list(prepare_all(refs, options, jobs=2))
    killer.join(5)
    assert [p.location for p in prepared] == [r.location for r in refs]
    assert prepared[0].status == "failed"
    assert prepared[0].error is not None and "/trickle" in prepared[0].error
    assert "worker process reading it stopped" in prepared[0].error
    # the next document either was in the killed pool (one line too) or was prepared after it
    assert prepared[1].status in ("ready", "failed")
    again = list(prepare_all(refs[1:], options, jobs=2))
    assert again[0].status == "ready" and again[0].claims


@pytest.mark.slow
def test_an_unreachable_scheduler_is_one_line_and_the_store_keeps_what_it_had(
        corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed", reason="the dask extra is not installed")
    db = tmp_path / "kept.db"
    assert runner.invoke(app, ["ingest", str(corpus / "karabakh"), "--db", str(db),
                               "-j", "1", "--quiet"]).exit_code == 0
    before = exported_claims(db)
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    done = subprocess.run([sys.executable, "-m", "corroborate", "ingest", str(corpus / "falklands"),
                           "--db", str(db), "--engine", "dask", "--scheduler",
                           f"tcp://127.0.0.1:{port}"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    # one line: what, where, what to do (the reason in brackets is Dask's: a time-out, or a
    # refusal seen first on a loaded machine)
    [line] = done.stderr.strip().splitlines()
    assert line.startswith(f"Error [E403] tcp://127.0.0.1:{port}: invalid option: cannot reach "
                           f"the Dask scheduler (")
    assert line.endswith("); check --scheduler")
    assert exported_claims(db) == before
