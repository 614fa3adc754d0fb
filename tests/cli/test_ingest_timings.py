"""A long ingest (one with a progress bar) ends by saying where its time went: reading,
extracting and storing, then aligning; a short or --quiet one says nothing of it."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

KARABAKH = str(Path(__file__).resolve().parents[2] / "examples" / "karabakh")
TIMINGS = re.compile(r"^read, extracted and stored in (\d+\.\d) s; aligned in (\d+\.\d) s$", re.M)

Run = Callable[..., subprocess.CompletedProcess[str]]


def test_a_batch_says_how_long_storing_and_aligning_took(run_corroborate: Run,
                                                         tmp_path: Path) -> None:
    done = run_corroborate("ingest", KARABAKH, "--db", str(tmp_path / "k.db"))
    assert done.returncode == 0, done.stderr
    found = TIMINGS.search(done.stderr)
    assert found is not None, done.stderr
    stored, aligned = map(float, found.groups())
    assert stored > 0 and aligned >= 0


def test_quiet_and_single_documents_say_nothing_of_it(run_corroborate: Run,
                                                      tmp_path: Path) -> None:
    quiet = run_corroborate("ingest", KARABAKH, "--db", str(tmp_path / "q.db"), "--quiet")
    one = run_corroborate("ingest", str(Path(KARABAKH) / "kiddle-nagorno-karabakh-conflict.txt"), "--db",
                          str(tmp_path / "o.db"))
    assert quiet.returncode == one.returncode == 0
    assert not TIMINGS.search(quiet.stderr) and not TIMINGS.search(one.stderr)


def test_timings_asks_for_it_even_when_quiet(run_corroborate: Run, tmp_path: Path) -> None:
    one = run_corroborate("ingest", str(Path(KARABAKH) / "kiddle-nagorno-karabakh-conflict.txt"),
                          "--db", str(tmp_path / "t.db"), "--quiet", "--timings")
    assert one.returncode == 0, one.stderr
    assert TIMINGS.search(one.stderr) is not None
    assert one.stdout.strip() == "1 documents: 1 added"
