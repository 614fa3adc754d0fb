"""A corpus as one Parquet file: a document per row, with the columns of a JSON Lines record.

Only a ``text`` column (strings) is required; ``id`` (strings or integers), ``url``, ``location``,
``source``, ``title``, ``publisher``, ``kind``, ``license``, ``note``, ``conflict``,
``media_type`` (strings) and ``published`` (strings, dates or timestamps) are read when present,
other columns are not read at all. A row's location is its ``url`` or ``location``, else
``FILE#ID``, else ``FILE#ROW`` (rows count from 1), as for JSON Lines. The file is read a few
rows at a time, never a whole row group at once, so its size does not set the memory it needs;
a run of row groups is the part one process or Dask worker reads.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corroborate.documents.records import document_from_record
from corroborate.errors import CorroborateError, E
from corroborate.model import Document

__all__ = ["PARQUET_SUFFIXES", "RowGroupRange", "read_row_groups", "row_group_ranges"]

PARQUET_SUFFIXES = (".parquet",)
STRING_COLUMNS = ("text", "url", "location", "source", "title", "publisher", "kind", "license",
                  "note", "conflict", "media_type")
READ_BYTES = 8 << 20  # about this much decoded text per batch of rows
MAX_BATCH_ROWS = 256
INSTALL = 'pyarrow, to read a Parquet corpus; install it with: pip install "corroborate[dask]"'


@dataclass(frozen=True)
class RowGroupRange:
    """Row groups ``first_group``.. (``groups`` of them) of ``path``: rows ``first_row``..
    (counted from 1), ``rows`` of them, about ``size`` bytes decoded."""

    path: str
    first_group: int
    groups: int
    first_row: int
    rows: int
    size: int = 0


def row_group_ranges(path: str | Path, target_bytes: int = 32 << 20) -> list[RowGroupRange]:
    """Cut a Parquet file into runs of whole row groups of about ``target_bytes`` decoded;
    raises one line naming the file when it is not a Parquet corpus (read from its footer)."""
    where = str(path)
    with _open(where) as parquet:  # closes the file (pyarrow >= 10)
        _columns(parquet, where)
        metadata = parquet.metadata
    ranges: list[RowGroupRange] = []
    first_group, first_row, rows, size = 0, 1, 0, 0
    for group in range(metadata.num_row_groups):
        info = metadata.row_group(group)
        rows += info.num_rows
        size += info.total_byte_size
        if size >= target_bytes or group == metadata.num_row_groups - 1:
            ranges.append(RowGroupRange(where, first_group, group + 1 - first_group, first_row,
                                        rows, size))
            first_group, first_row, rows, size = group + 1, first_row + rows, 0, 0
    return [r for r in ranges if r.rows]


def read_row_groups(part: RowGroupRange, max_bytes: int,
                    published: str | None = None) -> Iterator[Document | CorroborateError]:
    """The documents of a run of row groups, in order; a bad row gives its one-line error, a
    damaged file one line naming the file and the row it stopped at."""
    try:
        parquet = _open(part.path)
        columns = _columns(parquet, part.path)
    except CorroborateError as exc:  # the file changed since it was planned
        yield exc
        return
    with parquet:
        yield from _rows(parquet, columns, part, max_bytes, published)


def _rows(parquet: Any, columns: list[str], part: RowGroupRange, max_bytes: int,
          published: str | None) -> Iterator[Document | CorroborateError]:
    row = part.first_row
    batch_rows = max(1, min(MAX_BATCH_ROWS, READ_BYTES * part.rows // max(1, part.size)))
    for group in range(part.first_group, part.first_group + part.groups):
        # a row group at a time: a damaged one costs its own rows, not its neighbours'
        next_group_row = row + parquet.metadata.row_group(group).num_rows
        batches = parquet.iter_batches(batch_size=batch_rows, columns=columns,
                                       row_groups=[group], use_threads=False)
        while True:
            try:
                batch = next(batches, None)
                records = batch.to_pylist() if batch is not None else []
            except (OSError, ValueError, NotImplementedError) as exc:  # pyarrow's errors
                yield CorroborateError(E.E202, f"{part.path}:row {row}", reason=f"a damaged "
                                       f"Parquet file ({_first_line(exc)}); rows {row} to "
                                       f"{next_group_row - 1} were not read")
                row = next_group_row
                break
            if batch is None:
                break
            for record in records:
                yield _document(record, part.path, row, max_bytes, published)
                row += 1


def _document(record: dict[str, Any], path: str, row: int, max_bytes: int,
              published: str | None) -> Document | CorroborateError:
    where = f"{path}:row {row}"
    text = record.get("text")
    if isinstance(text, str) and len(text) > max_bytes // 4:  # 4 bytes a character at most
        size = len(text.encode("utf-8"))
        if size > max_bytes:
            return CorroborateError(E.E105, where, size=size, limit=max_bytes)
    day = record.get("published")
    if isinstance(day, dt.date):  # a date or timestamp column: its day
        record["published"] = day.isoformat()[:10]
    try:
        return document_from_record(record, where, path, row, published)
    except CorroborateError as exc:
        return exc


def _open(path: str) -> Any:
    """A ParquetFile that reads pages as asked (no whole row group buffered)."""
    try:
        parquet: Any = importlib.import_module("pyarrow.parquet")  # optional, untyped: Any
    except ImportError as exc:
        raise CorroborateError(E.E114, path, reason=INSTALL) from exc
    try:
        opened = parquet.ParquetFile(path, pre_buffer=False, buffer_size=1 << 20)
    except FileNotFoundError as exc:
        raise CorroborateError(E.E109, path) from exc
    except OSError as exc:
        if exc.strerror:  # the system's: permissions, a folder
            raise CorroborateError(E.E101, path, reason=exc.strerror) from exc
        raise _not_parquet(path, exc) from exc
    except ValueError as exc:  # pyarrow's ArrowInvalid
        raise _not_parquet(path, exc) from exc
    return opened


def _columns(parquet: Any, path: str) -> list[str]:
    """The columns to read; one line naming the file when one has a type a record cannot hold."""
    types = importlib.import_module("pyarrow").types
    schema = parquet.schema_arrow
    if "text" not in schema.names:
        raise CorroborateError(E.E202, path, reason='a Parquet corpus needs a "text" column '
                               f"(it has {', '.join(schema.names) or 'no columns'})")
    for field in schema:
        kind = field.type.value_type if types.is_dictionary(field.type) else field.type
        strings = types.is_null(kind) or types.is_string(kind) or types.is_large_string(kind) \
            or getattr(types, "is_string_view", lambda _t: False)(kind)
        fits = (strings or (field.name == "id" and types.is_integer(kind))
                or (field.name == "published" and (types.is_date(kind) or types.is_timestamp(kind))))
        if field.name in (*STRING_COLUMNS, "id", "published") and not fits:
            wanted = {"id": "strings or integers",
                      "published": "strings (YYYY-MM-DD) or dates"}.get(field.name, "strings")
            raise CorroborateError(E.E202, path, reason=f'column "{field.name}" must hold '
                                   f"{wanted}, not {field.type}")
    return [n for n in schema.names if n in (*STRING_COLUMNS, "id", "published")]


def _not_parquet(path: str, exc: Exception) -> CorroborateError:
    return CorroborateError(E.E202, path, reason=f"not a Parquet file, or a damaged one "
                            f"({_first_line(exc)})")


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
