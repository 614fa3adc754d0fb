"""Ctrl-C during ingest: one line saying what was kept, exit status 130, a sound database."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.conftest import TRICKLE_STARTED


def _interrupted_ingest(args: list[str], wait: float = 60) -> tuple[int, str]:
    """Run `corroborate ingest ARGS`, press Ctrl-C once it reads the slow URL; (status, stderr)."""
    env = {**os.environ, "CORROBORATE_URL_TIMEOUT": "120", "COLUMNS": "200"}
    process = subprocess.Popen([sys.executable, "-m", "corroborate", "ingest", *args], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert TRICKLE_STARTED.wait(60), "the ingest never reached the slow URL"
        process.send_signal(signal.SIGINT)
        _stdout, stderr = process.communicate(timeout=wait)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    return process.returncode, stderr


def test_ctrl_c_during_ingest_is_one_line_and_exit_130(hostile_server: str, tmp_path: Path) -> None:
    first = tmp_path / "ceasefire.txt"
    first.write_text("A complete ceasefire takes effect on 10 November 2020.\n", encoding="utf-8")
    last = tmp_path / "shusha.txt"
    last.write_text("Shusha was taken on 8 May 1992.\n", encoding="utf-8")
    db = tmp_path / "k.db"
    returncode, stderr = _interrupted_ingest(
        [str(first), f"{hostile_server}/trickle", str(last), "--db", str(db), "--jobs", "1"])
    assert returncode == 130
    assert stderr.splitlines()[-1:] == [
        "Interrupted; 1 document stored completely, the one being read was not kept"]
    assert "Traceback" not in stderr and "Aborted" not in stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT location FROM documents").fetchall() == [(str(first),)]


def test_ctrl_c_with_workers_stops_them_and_keeps_only_whole_documents(hostile_server: str,
                                                                      tmp_path: Path) -> None:
    documents = []
    for n in range(3):
        path = tmp_path / f"report-{n}.txt"
        path.write_text(f"On {n + 1} May 1992, {n + 10} soldiers were killed near Lachin.\n")
        documents.append(str(path))
    db = tmp_path / "k.db"
    # the worker stuck on the slow URL is stopped: no wait for the 120 s URL timeout
    returncode, stderr = _interrupted_ingest(
        [*documents, f"{hostile_server}/trickle", "--db", str(db), "--jobs", "2"], wait=30)
    assert returncode == 130
    last = stderr.splitlines()[-1]
    assert last.startswith("Interrupted; ") and last.endswith("the ones being read were not kept")
    assert "Traceback" not in stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = [row[0] for row in conn.execute("SELECT location FROM documents")]
        # whole documents only, in the batch's order, each with its claim
        assert stored == documents[:len(stored)]
        for (count,) in conn.execute("SELECT claim_count FROM documents"):
            assert count >= 1


NAPPING_COMMAND = """
import sys, time
from corroborate.cli import main
from corroborate.cli._app import app

@app.command("nap")
def nap() -> None:
    print("ready", flush=True)
    time.sleep(60)

sys.argv = ["corroborate", "nap"]
main()
"""


def test_ctrl_c_in_any_command_is_one_line_and_exit_130() -> None:
    process = subprocess.Popen([sys.executable, "-c", NAPPING_COMMAND], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        assert process.stdout.readline() == "ready\n"
        process.send_signal(signal.SIGINT)
        _stdout, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 130
    assert stderr == "Interrupted; nothing was left half-written.\n"
