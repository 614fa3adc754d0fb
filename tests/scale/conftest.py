"""What the scale tests share: a two-conflict corpus of the examples, two wires, and the claims a store
exports, sorted so two stores' can be compared."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from corroborate.cli import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"

# two agency wires on one event, with their metadata (a JSON Lines or Parquet corpus)
WIRES = [
    {"id": "w1", "source": "wire-a", "title": "Wire A", "published": "2024-03-02",
     "conflict": "Sudanese civil war (2023–present)",
     "text": "At least 14 civilians were killed in shelling of El Fasher on Friday, "
             "according to a medical charity."},
    {"id": "w2", "source": "wire-b", "title": "Wire B", "published": "2024-03-03",
     "conflict": "Sudanese civil war (2023–present)",
     "text": "Local officials put the toll at 22 dead and 40 wounded in El Fasher."},
]


def exported_claims(db: str | Path) -> list[dict[str, object]]:
    """Every claim of the store at ``db`` as ``export claims`` writes it, by document and id."""
    result = CliRunner().invoke(app, ["export", "claims", "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return sorted(records, key=lambda r: (str(r["document"]), str(r["id"])))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Karabakh and Falklands examples in one folder."""
    root = tmp_path_factory.mktemp("corpus")
    for name in ("karabakh", "falklands"):
        shutil.copytree(EXAMPLES / name, root / name)
    return root


def ingest_twice_losing_a_worker(corpus: Path, marker: Path, db: str | Path,
                                 writers: str | None = None) -> tuple[list[Any], list[Any]]:
    """The outcomes of ingesting ``corpus`` into ``db`` twice on a LocalCluster of 2 workers
    (``writers``: a PostgreSQL URL the workers store into), the first worker to start a part
    dying the first time (``marker`` is written as it dies)."""
    distributed = pytest.importorskip("dask.distributed", reason="the dask extra is not installed")
    from corroborate.scale import IngestOptions
    from corroborate.scale.cluster import ingest_on_dask, plan_parts
    from corroborate.store import open_store

    class KillOnce(distributed.WorkerPlugin):  # type: ignore[misc]
        def transition(self, key: object, start: str, finish: str, **kwargs: object) -> None:
            if finish == "executing" and not marker.exists():
                marker.write_text("x")
                os._exit(1)

    parts, _notes = plan_parts([str(corpus)], documents_per_part=2)
    options = IngestOptions(max_bytes=10 << 20)
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None)
    try:
        with distributed.Client(cluster) as client:
            client.register_plugin(KillOnce())
            address = cluster.scheduler_address
            with open_store(db) as store:
                first = ingest_on_dask(parts, store, options, address, writers=writers)
            assert marker.exists()
            with open_store(db) as store:
                again = ingest_on_dask(parts, store, options, address, writers=writers)
    finally:
        cluster.close()
    return first, again

