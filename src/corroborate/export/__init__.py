"""Exporters: claims (and later facts and disputes) as JSON Lines or CSV, in the export contract.

Public surface: ``EXPORTERS`` (registered by name) and ``write_records(records, fmt, stream)``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from corroborate.errors import CorroborateError, E
from corroborate.export.safe import csv_cell

__all__ = ["EXPORTERS", "FORMATS", "flatten", "write_records"]


_NESTED = {"value", "time", "evidence", "figure", "interval", "key"}


def flatten(record: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested records to one CSV row: {"value": {"low": 1}} -> {"value_low": 1}."""
    row: dict[str, Any] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if value is None and key in _NESTED:
            continue  # an absent value or time: its flattened columns stay empty
        if isinstance(value, dict):
            row.update(flatten(value, f"{name}_"))
        elif isinstance(value, list):
            row[name] = json.dumps(value, ensure_ascii=False)
        else:
            row[name] = value
    return row


def _write_jsonl(records: Iterable[dict[str, Any]], stream: TextIO) -> int:
    count = 0
    for record in records:
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


_CLAIM_COLUMNS = [
    "id", "source", "document", "conflict", "kind", "measure", "value_low", "value_high",
    "value_bound", "unit", "side", "side_as_written", "group", "place", "place_as_written",
    "time_start", "time_end", "event_type", "event_as_written", "date", "actor", "actor_as_written",
    "evidence_start", "evidence_end", "evidence_text", "figure_start", "figure_end",
    "figure_text", "extractor",
]


def _write_csv(records: Iterable[dict[str, Any]], stream: TextIO) -> int:
    rows = [flatten(r) for r in records]
    columns = list(_CLAIM_COLUMNS) if not rows or "evidence_start" in rows[0] else []
    for row in rows:
        columns.extend(k for k in row if k not in columns)
    writer = csv.DictWriter(stream, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: csv_cell(v) for k, v in row.items()} for row in rows)
    return len(rows)


EXPORTERS = {
    "jsonl": ("corroborate.exporter.jsonl.v1", _write_jsonl),
    "csv": ("corroborate.exporter.csv.v1", _write_csv),
}
FORMATS = tuple(EXPORTERS)


def write_records(records: Iterable[dict[str, Any]], fmt: str, stream: TextIO) -> int:
    """Write records in ``fmt``; returns how many were written."""
    if fmt not in EXPORTERS:
        raise CorroborateError(E.E403, "--format", reason=f"{fmt!r}; choose one of {', '.join(FORMATS)}")
    return EXPORTERS[fmt][1](records, stream)
