"""benchmarks/instructions.py: the rounds callgrind counts run on a corpus, and the errors a user
meets are one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]
SCRIPT = ROOT / "benchmarks" / "instructions.py"


def test_the_counted_rounds_extract_the_corpus() -> None:
    done = subprocess.run([sys.executable, str(SCRIPT), "--corpus", str(ROOT / "examples" / "karabakh"),
                           "--inner", "1"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""


def test_a_folder_without_documents_is_one_line(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(SCRIPT), "--corpus", str(tmp_path)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert done.stderr.strip() == f"{tmp_path}: no *.txt documents; give --corpus a folder of them"


def test_no_valgrind_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("In 2014, 72 soldiers were killed.", encoding="utf-8")
    done = subprocess.run([sys.executable, str(SCRIPT), "--corpus", str(tmp_path)],
                          capture_output=True, text=True, check=False,
                          env={**os.environ, "PATH": str(tmp_path)})
    assert done.returncode == 1
    assert done.stderr.strip() == "valgrind not found: install it (Debian: apt-get install valgrind)"
