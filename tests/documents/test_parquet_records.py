"""A Parquet corpus: a document per row, read as its JSON Lines twin, a few rows at a time."""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from pathlib import Path

import pytest

from corroborate.documents.parquet_records import read_row_groups, row_group_ranges
from corroborate.documents.records import read_records, record_ranges
from corroborate.errors import CorroborateError

pa = pytest.importorskip("pyarrow", reason="the dask extra (pyarrow) is not installed")
pq = pytest.importorskip("pyarrow.parquet", reason="the dask extra (pyarrow) is not installed")

ROWS = [
    {"id": "a1", "source": "Agence X", "title": "Agence X wires", "published": "2023-05-02",
     "conflict": "War in Sudan (2023–present)", "publisher": "Agence X", "kind": "news",
     "text": "Fighting in Khartoum killed at least 180 people, doctors said."},
    {"url": "https://example.org/report", "media_type": "text/html",
     "text": "<html><body><p>Over 3,000 families fled Nyala in May.</p></body></html>"},
    {"id": "a3", "source": "Agence X", "text": "Shelling of Omdurman killed 12 on 3 June 2023."},
]
COLUMNS = ("id", "url", "source", "title", "publisher", "kind", "published", "conflict",
           "media_type", "text")


def _table(rows: list[dict[str, object]], columns: tuple[str, ...] = COLUMNS) -> object:
    return pa.table({c: pa.array([r.get(c) for r in rows], type=pa.string()) for c in columns})


def test_rows_become_the_documents_of_the_same_records_as_json_lines(tmp_path: Path) -> None:
    jsonl, parquet = tmp_path / "wires.jsonl", tmp_path / "wires.parquet"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    pq.write_table(_table(ROWS), parquet, row_group_size=2)
    (lines,) = record_ranges(jsonl)
    (rows,) = row_group_ranges(parquet)
    assert (rows.groups, rows.first_row, rows.rows) == (2, 1, 3)
    from_jsonl = list(read_records(lines, max_bytes=1 << 20))
    from_parquet = list(read_row_groups(rows, max_bytes=1 << 20))
    assert [d.location for d in from_parquet if not isinstance(d, CorroborateError)] == [
        f"{parquet.resolve()}#a1", "https://example.org/report", f"{parquet.resolve()}#a3"]
    for one, other in zip(from_jsonl, from_parquet, strict=True):
        assert not isinstance(one, CorroborateError) and not isinstance(other, CorroborateError)
        assert (other.source, other.text, other.media_type, other.content_hash) == (
            one.source, one.text, one.media_type, one.content_hash)
    first = from_parquet[0]
    assert not isinstance(first, CorroborateError)
    assert (first.source.slug, first.source.title, first.source.publisher, first.source.kind,
            first.source.published, first.source.conflict) == (
        "agence-x", "Agence X wires", "Agence X", "news", "2023-05-02", "War in Sudan (2023–present)")
    assert "Over 3,000 families fled Nyala" in str(getattr(from_parquet[1], "text", ""))


def test_typed_columns_dates_integer_ids_and_dictionaries_are_read(tmp_path: Path) -> None:
    parquet = tmp_path / "typed.parquet"
    table = pa.table({
        "id": pa.array([7, None], type=pa.int64()),
        "published": pa.array([dt.date(2024, 3, 2), None], type=pa.date32()),
        "source": pa.array(["wire-a", "wire-a"]).dictionary_encode(),
        "text": pa.array(["At least 14 civilians were killed in El Fasher.",
                          "22 dead in Nyala."], type=pa.large_string()),
        "words": pa.array([1400, 12]),  # not a record's column: not read, not an error
    })
    pq.write_table(table, parquet)
    (part,) = row_group_ranges(parquet)
    first, second = list(read_row_groups(part, max_bytes=1 << 20))
    assert not isinstance(first, CorroborateError) and not isinstance(second, CorroborateError)
    assert first.location == f"{parquet.resolve()}#7"
    assert first.source.published == "2024-03-02"
    assert first.source.slug == second.source.slug == "wire-a"
    assert second.location == f"{parquet.resolve()}#2"  # no id: its row, counted from 1


@pytest.mark.parametrize(("rows_per_group", "target", "expected"), [
    (1, 1, [(0, 1, 1, 1), (1, 1, 2, 1), (2, 1, 3, 1), (3, 1, 4, 1), (4, 1, 5, 1)]),
    (2, 1, [(0, 1, 1, 2), (1, 1, 3, 2), (2, 1, 5, 1)]),
    (1, 1 << 30, [(0, 5, 1, 5)]),
])
def test_ranges_are_runs_of_whole_row_groups_covering_every_row_once(
        tmp_path: Path, rows_per_group: int, target: int,
        expected: list[tuple[int, int, int, int]]) -> None:
    parquet = tmp_path / "five.parquet"
    rows = [{"id": f"r{i}", "text": f"{i * 10} soldiers were killed near Lachin."} for i in range(1, 6)]
    pq.write_table(_table(rows, ("id", "text")), parquet, row_group_size=rows_per_group)
    ranges = row_group_ranges(parquet, target)
    assert [(r.first_group, r.groups, r.first_row, r.rows) for r in ranges] == expected
    read = [d for r in ranges for d in read_row_groups(r, max_bytes=1 << 20)]
    assert [d.location.rsplit("#", 1)[1] for d in read if not isinstance(d, CorroborateError)] == [
        "r1", "r2", "r3", "r4", "r5"]


def test_a_bad_row_is_one_line_naming_its_row_and_the_others_are_read(tmp_path: Path) -> None:
    parquet = tmp_path / "bad-rows.parquet"
    rows = [
        {"id": "ok1", "text": "At least 14 civilians were killed in El Fasher."},
        {"id": "blank", "text": " \n "},
        {"id": "none"},
        {"id": "date", "text": "22 dead in Nyala.", "published": "3 May"},
        {"id": "big", "text": "x " * 600},
        {"id": "ok2", "text": "Local officials put the toll at 22 dead and 40 wounded."},
    ]
    pq.write_table(_table(rows, ("id", "published", "text")), parquet, row_group_size=4)
    found = [d for r in row_group_ranges(parquet) for d in read_row_groups(r, max_bytes=1000)]
    lines = [d.line() if isinstance(d, CorroborateError) else d.location.rsplit("#", 1)[1]
             for d in found]
    assert lines == [
        "ok1",
        f"Error [E104] {parquet}:row 2: empty document: no text left after reading and normalizing",
        f'Error [E201] {parquet}:row 3: malformed manifest: a record needs "text", a string',
        f"Error [E201] {parquet}:row 4: malformed manifest: \"published\" must be YYYY-MM-DD, "
        "YYYY-MM or YYYY, not '3 May'",
        f"Error [E105] {parquet}:row 5: too large: 1200 bytes, over the limit of 1000; "
        "raise --max-bytes",
        "ok2",
    ]


def test_a_damaged_row_group_costs_its_rows_and_the_next_groups_are_read(tmp_path: Path) -> None:
    parquet = tmp_path / "damaged.parquet"
    rows = [{"id": f"r{i}", "text": f"At least {i} civilians were killed in El Fasher. " * 20}
            for i in range(1, 31)]
    pq.write_table(_table(rows, ("id", "text")), parquet, row_group_size=10, use_dictionary=False)
    (part,) = row_group_ranges(parquet, 1 << 30)
    page = pq.ParquetFile(parquet).metadata.row_group(1).column(1).data_page_offset
    data = bytearray(parquet.read_bytes())
    data[page + 5:page + 200] = b"\xab" * 195  # the second row group's text page header
    parquet.write_bytes(bytes(data))
    found = list(read_row_groups(part, max_bytes=1 << 20))
    assert len(found) == 21
    assert [d.location.rsplit("#", 1)[1] for d in found[:10] if not isinstance(d, CorroborateError)] \
        == [f"r{i}" for i in range(1, 11)]
    error = found[10]
    assert isinstance(error, CorroborateError)
    assert error.line().startswith(f"Error [E202] {parquet}:row 11: invalid data file: a damaged "
                                   "Parquet file (")
    assert error.line().endswith("; rows 11 to 20 were not read")
    assert [getattr(d, "location", "").rsplit("#", 1)[1] for d in found[11:]] == [
        f"r{i}" for i in range(21, 31)]


def test_without_pyarrow_a_parquet_corpus_is_one_line_saying_what_to_install(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parquet = tmp_path / "wires.parquet"
    pq.write_table(_table(ROWS), parquet)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)  # import fails as if absent
    with pytest.raises(CorroborateError) as caught:
        row_group_ranges(parquet)
    assert caught.value.line() == (
        f"Error [E114] {parquet}: a library it needs is missing (pyarrow, to read a Parquet "
        'corpus; install it with: pip install "corroborate[dask]"); reinstall corroborate with '
        "its dependencies")


def test_one_large_row_group_is_read_a_few_rows_at_a_time(tmp_path: Path) -> None:
    """40 MB of text in one row group: the reader never holds more than a fraction of it."""
    words = ["killed", "wounded", "shelling", "displaced", "civilians", "soldiers", "Khartoum",
             "Nyala", "at", "least"]
    rng = random.Random(7)
    texts = [" ".join(rng.choices(words, k=1000)) + f" {i} dead." for i in range(6000)]
    parquet = tmp_path / "one-group.parquet"
    pq.write_table(pa.table({"id": [str(i) for i in range(len(texts))], "text": texts}), parquet,
                   row_group_size=len(texts))
    del texts
    (part,) = row_group_ranges(parquet)
    assert (part.groups, part.rows) == (1, 6000)
    assert part.size > 40_000_000
    peak, count = 0, 0
    for document in read_row_groups(part, max_bytes=1 << 20):
        assert not isinstance(document, CorroborateError)
        peak = max(peak, pa.total_allocated_bytes())
        count += 1
    assert count == 6000
    assert peak < part.size / 2  # buffering the row group (pre_buffer) reaches 0.6 of it
