"""conflict_names: the stored conflicts' names from the index, as conflicts() names them, on
both backends (the API resolves a ?conflict= with it on every request)."""

from __future__ import annotations

from pathlib import Path

from corroborate.pipeline import ingest
from corroborate.store import open_store

EXAMPLES = Path(__file__).parents[2] / "examples"


def test_conflict_names_are_the_stored_conflicts_sorted(db_target: str) -> None:
    with open_store(db_target) as store:
        assert store.conflict_names() == []
        report = ingest([str(EXAMPLES / "kosovo"), str(EXAMPLES / "falklands")], store,
                        max_bytes=10_000_000)
        assert not report.failed
        assert store.conflict_names() == ["Falklands War (1982)", "Kosovo War (1998–1999)"]
        assert store.conflict_names() == [entry["conflict"] for entry in store.conflicts()
                                          if entry["conflict"] is not None]
