"""Running ingest on more than one core or machine, with the same result as one process.

Each document's work is cut in two (in ``corroborate.pipeline``): ``prepare`` (read, segment,
extract; no store) runs anywhere, ``store_prepared`` runs in the one process that writes.
``pool`` spreads ``prepare`` over this machine's cores, in order; ``cluster`` over a Dask
cluster's workers.
"""

from __future__ import annotations

from corroborate.pipeline import IngestOptions, Prepared, prepare, prepare_read, store_prepared
from corroborate.scale.pool import default_jobs, prepare_all

__all__ = ["IngestOptions", "Prepared", "default_jobs", "prepare", "prepare_all", "prepare_read",
           "store_prepared"]
