"""kill -9 in the middle of a batch: every stored document is whole and the batch can run again."""

from __future__ import annotations

import itertools
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from corroborate.pipeline import ingest
from corroborate.store import open_store

DOCUMENTS = 300
PLACES = ["Shusha", "Lachin", "Kalbajar", "Aghdam", "Fuzuli", "Jabrayil", "Qubadli", "Zangilan",
          "Martakert", "Hadrut", "Talish", "Madagiz", "Stepanakert", "Goris"]
MONTHS = ["January", "March", "April", "May", "July", "September", "November"]
SOURCES = ["the Armenian defence ministry", "the Azerbaijani defence ministry", "the OSCE",
           "Human Rights Watch", "local officials"]

INGEST = """
import sys
from corroborate.pipeline import ingest
from corroborate.store import open_store
ingest([sys.argv[2]], open_store(sys.argv[1]), max_bytes=10**7, extract=False)
"""


def write_documents(folder: Path) -> None:
    """Field reports, each a heading, a casualty table and some 150 sentences of its own."""
    folder.mkdir()
    counter = itertools.count()
    for number in range(DOCUMENTS):
        lines = [f"Field report {number}", ""]
        for _paragraph in range(30):
            sentences = []
            for _ in range(5):
                n = next(counter)
                sentences.append(
                    f"On {n % 28 + 1} {MONTHS[n % len(MONTHS)]} {1991 + n % 30} shelling near "
                    f"{PLACES[n % len(PLACES)]} killed {n % 97} soldiers and wounded {n % 13} "
                    f"civilians, according to {SOURCES[n % len(SOURCES)]}.[{n % 40 + 1}]")
            lines.extend([" ".join(sentences), ""])
        lines.extend(["Year", "Armenia", "Azerbaijan", "2014", "27", "37", "2016", "93", "94"])
        (folder / f"report-{number:03d}.txt").write_text("\n".join(lines) + "\n",
                                                          encoding="utf-8")


def stored_count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    except sqlite3.Error:  # not created yet, or the schema is being written
        return 0


@pytest.mark.slow
def test_kill_9_leaves_only_whole_documents(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    write_documents(folder)
    db = tmp_path / "karabakh.db"
    process = subprocess.Popen([sys.executable, "-c", INGEST, str(db), str(folder)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while stored_count(db) < 5:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            assert time.monotonic() < deadline, "no document was stored within 60 s"
            time.sleep(0.005)
        process.send_signal(signal.SIGKILL)
        assert process.wait(timeout=30) == -signal.SIGKILL
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        rows = conn.execute(
            "SELECT d.location, d.segment_count, "
            "(SELECT COUNT(*) FROM segments s WHERE s.document_id = d.id) FROM documents d"
        ).fetchall()
    assert 5 <= len(rows) < DOCUMENTS, "the kill came too late to test anything"
    for location, segment_count, segments in rows:
        assert segments == segment_count > 150, location

    with open_store(db) as store:
        assert store.check() == []
        report = ingest([str(folder)], store, max_bytes=10**7, extract=False)
        statuses = [o.status for o in report.outcomes]
        assert statuses.count("unchanged") == len(rows)
        assert statuses.count("added") == DOCUMENTS - len(rows)
        assert len(store.documents()) == DOCUMENTS
        assert store.check() == []
        assert len(store.search("Madagiz", limit=1000)) > 0
