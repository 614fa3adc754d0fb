"""The bundled Karabakh example as a database, for the API tests (built once per test module)."""

from __future__ import annotations

from pathlib import Path

from corroborate.pipeline import ingest
from corroborate.store import open_store

EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples" / "karabakh"
MAX_BYTES = 5_000_000


def build_database(folder: Path, *extra: Path) -> str:
    """Ingest examples/karabakh (and ``extra`` files) into ``folder``/api.db; its path."""
    db = folder / "api.db"
    with open_store(db) as store:
        report = ingest([str(EXAMPLES), *map(str, extra)], store, max_bytes=MAX_BYTES)
    assert not report.failed, [o.error for o in report.failed]
    return str(db)
