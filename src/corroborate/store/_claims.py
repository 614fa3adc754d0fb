"""Claims as stored rows: offsets in the record, the words read back from the document's text."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from corroborate.model import Claim, claim_from_record, claim_to_record

__all__ = ["BATCH", "INSERT_CLAIM", "claim_from_row", "claim_rows", "in_batches"]

# Claims are written this many at a time: a generator of claims is never held whole in memory.
BATCH = 1000

# A claim id repeated inside one document's batch is the same reading: the first one is kept.
INSERT_CLAIM = (
    "INSERT INTO claims (document_id, id, source, kind, measure, event_type, side, place, "
    "position, evidence_start, evidence_end, figure_start, figure_end, record) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (document_id, id) DO NOTHING"
)

Row = tuple[Any, ...]


def claim_rows(document_id: int, body: str, claims: Iterable[Claim]) -> Iterator[Row]:
    """One row per claim. A span's words are left out of the record when ``body`` holds them at
    its offsets (always, for claims extracted from ``body``); otherwise they stay in the record."""
    for claim in claims:
        record = claim_to_record(claim)
        del record["conflict"]  # the document's, read with it: an edited sources.toml reaches it
        for key in ("evidence", "figure"):
            span = record[key]
            if span is not None and body[span["start"]:span["end"]] == span["text"]:
                del span["text"]
        figure = claim.figure
        yield (document_id, claim.id, claim.source, claim.kind, claim.measure, claim.event_type,
               claim.side, claim.place, (figure or claim.evidence).start, claim.evidence.start,
               claim.evidence.end, None if figure is None else figure.start,
               None if figure is None else figure.end,
               json.dumps(record, ensure_ascii=False))


def in_batches(rows: Iterator[Row], size: int = BATCH) -> Iterator[list[Row]]:
    while batch := list(islice(rows, size)):
        yield batch


def claim_from_row(record_json: str, body: str, conflict: str | None = None) -> Claim:
    """The claim of a stored record; words missing from the record are ``body[start:end]``;
    its conflict is its document's."""
    record = json.loads(record_json)
    record["conflict"] = conflict
    for key in ("evidence", "figure"):
        span = record.get(key)
        if span is not None and "text" not in span:
            span["text"] = body[span["start"]:span["end"]]
    return claim_from_record(record)
