"""Claims as stored rows: offsets in the record, the words read back from the document's text."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from corroborate.model import Claim, claim_from_record, claim_to_record

__all__ = ["BATCH", "INSERT_CLAIM", "claim_from_row", "claim_rows", "first_day", "in_batches",
           "last_day", "time_bounds"]

# Claims are written this many at a time: a generator of claims is never held whole in memory.
BATCH = 1000

# A claim id repeated inside one document's batch is the same reading: the first one is kept.
INSERT_CLAIM = (
    "INSERT INTO claims (document_id, id, source, conflict, kind, measure, event_type, side, grp, "
    "place, time_start, time_end, position, evidence_start, evidence_end, figure_start, "
    "figure_end, evidence_text, record) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (document_id, id) DO NOTHING"
)
# An open end of a period, as time_start / time_end hold it (migration 0004).
OPEN_START, OPEN_END = "0000-01-01", "9999-12-31"

Row = tuple[Any, ...]


def first_day(prefix: str) -> str:
    """The first day an ISO prefix can mean, as text: '1994' -> '1994-01-01'."""
    return prefix + {4: "-01-01", 7: "-01"}.get(len(prefix), "")


def last_day(prefix: str) -> str:
    """The last day an ISO prefix can mean, as text compared with days: '1994-02' -> '1994-02-31'
    (after every day of February)."""
    return prefix + {4: "-12-31", 7: "-31"}.get(len(prefix), "")


def time_bounds(claim: Claim) -> tuple[str | None, str | None]:
    """(time_start, time_end) of a claim's row: its time's (or, without one, its date's) first
    and last day; an open end is OPEN_START / OPEN_END; (None, None) when it has neither. The
    same as migration 0004 computes in SQL."""
    if claim.time is not None:
        start, end = claim.time.start, claim.time.end
        return (OPEN_START if start is None else first_day(start),
                OPEN_END if end is None else last_day(end))
    if claim.date is not None:
        return first_day(claim.date), last_day(claim.date)
    return None, None


def claim_rows(document_id: int, body: str, claims: Iterable[Claim],
               conflict: str | None = None) -> Iterator[Row]:
    """One row per claim (``conflict``: its document's). A span's words are left out of the
    record when ``body`` holds them at its offsets (always, for claims extracted from ``body``);
    otherwise they stay in the record."""
    for claim in claims:
        record = claim_to_record(claim)
        del record["conflict"]  # the document's, read with it: an edited sources.toml reaches it
        for key in ("evidence", "figure"):
            span = record[key]
            if span is not None and body[span["start"]:span["end"]] == span["text"]:
                del span["text"]
        figure = claim.figure
        yield (document_id, claim.id, claim.source, conflict, claim.kind, claim.measure,
               claim.event_type, claim.side, claim.group, claim.place, *time_bounds(claim),
               (figure or claim.evidence).start, claim.evidence.start, claim.evidence.end,
               None if figure is None else figure.start, None if figure is None else figure.end,
               claim.evidence.text, json.dumps(record, ensure_ascii=False))


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
