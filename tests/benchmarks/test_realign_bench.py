"""benchmarks/scale.py --keep and benchmarks/realign.py: a small generated corpus stored, kept,
and aligned again with the same facts."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]


def _facts(db: Path) -> list[tuple[str, str, int]]:
    with sqlite3.connect(db) as conn:
        return sorted(conn.execute("SELECT id, verdict, claim_count FROM facts"))


def test_a_kept_store_is_aligned_again_with_the_same_facts(tmp_path: Path) -> None:
    keep = tmp_path / "kept"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "scale.py"), "--megabytes", "0.1",
                    "--corpus", str(ROOT / "examples" / "karabakh"), "--skip", "pool", "dask",
                    "--keep", str(keep)], check=True, capture_output=True, text=True)
    db = keep / "one.db"
    assert (keep / "corpus.jsonl").is_file() and db.is_file()
    before = _facts(db)
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "realign.py"), str(db),
                           "--json", str(tmp_path / "r.json")],
                          check=True, capture_output=True, text=True)
    result = json.loads(done.stdout)
    assert result == json.loads((tmp_path / "r.json").read_text())
    assert result["conflicts"] == 1 and result["claims"] > 100
    assert result["fact_claim_rows"] == sum(count for _id, _verdict, count in before)
    assert _facts(db) == before  # aligned again: the same facts


def test_a_missing_store_is_one_line(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "realign.py"),
                           str(tmp_path / "none.db")], capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr.strip() == f"{tmp_path / 'none.db'}: no such store; write one with " \
                                  "benchmarks/scale.py --keep"


def test_a_file_that_is_no_store_is_one_line_and_left_as_it_was(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_bytes(b"not a database at all")
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "realign.py"), str(bad)],
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr.strip() == (f"Error [E304] {bad}: not a corroborate database (it is not a "
                                   "SQLite database file); pass another --db")
    assert bad.read_bytes() == b"not a database at all"
