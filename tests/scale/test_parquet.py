"""A Parquet corpus stores what the same records as JSON Lines store, on every engine."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corroborate.cli import app
from tests.scale.conftest import EXAMPLES, WIRES, exported_claims

pa = pytest.importorskip("pyarrow", reason="the dask extra (pyarrow) is not installed")
pq = pytest.importorskip("pyarrow.parquet", reason="the dask extra (pyarrow) is not installed")
runner = CliRunner()


def _records() -> list[dict[str, object]]:
    """The Karabakh examples as records located by their url, with their metadata, then two
    Sudan wires located by their ids."""
    records: list[dict[str, object]] = []
    for path in sorted((EXAMPLES / "karabakh").glob("*.txt")):
        records.append({"url": f"https://example.org/karabakh/{path.stem}",
                        "source": path.stem[:20], "title": path.stem,
                        "conflict": "Nagorno-Karabakh conflict", "published": "2023-10-01",
                        "text": path.read_text("utf-8")})
    return records + WIRES


def _write_parquet(path: Path, records: list[dict[str, object]], rows_per_group: int) -> None:
    columns = ("id", "url", "source", "title", "conflict", "published", "text")
    table = pa.table({c: [r.get(c) for r in records] for c in columns})
    pq.write_table(table, path, row_group_size=rows_per_group)


def _by_record(claims: list[dict[str, object]]) -> list[dict[str, object]]:
    """The claims of records located ``FILE#ID`` named by their id, without their claim ids
    (made from the location, so from the file's name); the others' as they are."""
    named = []
    for claim in claims:
        document = str(claim["document"])
        if "#" in document:
            claim = {k: v for k, v in claim.items() if k != "id"}
            claim["document"] = document.rsplit("#", 1)[1]
        named.append(claim)
    return sorted(named, key=lambda c: json.dumps(c, sort_keys=True))


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[dict[str, object]]]:
    """The same records as wires.jsonl and as wires.parquet (row groups of 2 rows: 4 of them),
    and the claims one process stores from the JSON Lines file."""
    root = tmp_path_factory.mktemp("parquet")
    records = _records()
    jsonl, parquet = root / "wires.jsonl", root / "wires.parquet"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in records))
    _write_parquet(parquet, records, rows_per_group=2)
    assert pq.ParquetFile(parquet).metadata.num_row_groups == 4
    result = runner.invoke(app, ["ingest", str(jsonl), "--db", str(root / "jsonl.db"), "-j", "1",
                                 "--quiet"])
    assert result.exit_code == 0, result.output
    assert "7 documents: 7 added" in result.stdout
    return jsonl, parquet, _by_record(exported_claims(root / "jsonl.db"))


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_parquet_gives_the_claims_of_the_same_records_as_json_lines(
        corpora: tuple[Path, Path, list[dict[str, object]]], tmp_path: Path, jobs: str) -> None:
    _jsonl, parquet, reference = corpora
    db = tmp_path / "parquet.db"
    result = runner.invoke(app, ["ingest", str(parquet), "--db", str(db), "-j", jobs, "--quiet"])
    assert result.exit_code == 0, result.output
    assert "7 documents: 7 added" in result.stdout
    claims = exported_claims(db)
    assert {str(c["document"]) for c in claims if "#" in str(c["document"])} == {
        "wires.parquet#w1", "wires.parquet#w2"}
    assert _by_record(claims) == reference
    assert len(reference) > 100
    sudan = [c for c in reference if c["document"] in ("w1", "w2")]
    assert {c["source"] for c in sudan} == {"wire-a", "wire-b"}
    assert {c["conflict"] for c in sudan} == {"Sudanese civil war (2023–present)"}
    # the same file again stores nothing twice
    result = runner.invoke(app, ["ingest", str(parquet), "--db", str(db), "-j", jobs, "--quiet"])
    assert "7 documents: 7 unchanged" in result.stdout


@pytest.mark.slow
def test_dask_reads_the_row_groups_on_its_workers_with_the_sameexported_claims(
        corpora: tuple[Path, Path, list[dict[str, object]]], tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed", reason="the dask extra is not installed")
    from corroborate.scale import IngestOptions
    from corroborate.scale.cluster import ingest_on_dask, plan_parts
    from corroborate.store import open_store

    _jsonl, parquet, reference = corpora
    # a small file is one part; parts of at most 1 byte are its row groups, one each
    (whole,), _notes = plan_parts([str(parquet)], workers=2)
    assert whole.rows is not None and (whole.rows.groups, whole.rows.rows) == (4, 7)
    parts, _notes = plan_parts([str(parquet)], part_bytes=1, workers=2)
    assert [(p.rows.first_group, p.rows.first_row, p.rows.rows) for p in parts if p.rows] == [
        (0, 1, 2), (1, 3, 2), (2, 5, 2), (3, 7, 1)]
    assert [p.label for p in parts][1] == f"{parquet} from row 3"
    # a task carries where its rows are, not their text: each worker reads its row groups
    assert all(not p.refs and p.records is None for p in parts)
    by_groups = tmp_path / "groups.db"
    with open_store(by_groups) as store:
        outcomes = ingest_on_dask(parts, store, IngestOptions(max_bytes=10 << 20), "local",
                                  workers=2)
    assert sorted(o.status for o in outcomes) == ["added"] * 7
    assert _by_record(exported_claims(by_groups)) == reference
    # and through the command line
    db = tmp_path / "dask.db"
    result = runner.invoke(app, ["ingest", str(parquet), "--db", str(db), "-j", "2",
                                 "--engine", "dask", "--scheduler", "local", "--quiet"])
    assert result.exit_code == 0, result.output
    assert "7 documents: 7 added" in result.stdout
    assert _by_record(exported_claims(db)) == reference


def test_a_row_with_an_empty_text_fails_alone(tmp_path: Path) -> None:
    records = [*WIRES, {"id": "w3", "source": "wire-c", "text": "  "}]
    parquet = tmp_path / "empty.parquet"
    _write_parquet(parquet, records, rows_per_group=2)
    db = tmp_path / "empty.db"
    result = runner.invoke(app, ["ingest", str(parquet), "--db", str(db), "-j", "2", "--quiet"])
    assert result.exit_code == 1
    assert f"Error [E104] {parquet}:row 3: empty document" in result.output
    assert "3 documents: 2 added, 1 failed" in result.stdout
    assert {str(c["document"]).rsplit("#", 1)[1] for c in exported_claims(db)} == {"w1", "w2"}


def _truncated(path: Path) -> str:
    _write_parquet(path, WIRES, rows_per_group=1)
    path.write_bytes(path.read_bytes()[:-40])
    return "not a Parquet file, or a damaged one (Parquet magic bytes not found in footer"


def _text_as_numbers(path: Path) -> str:
    pq.write_table(pa.table({"id": ["a", "b"], "text": [14, 22]}), path)
    return 'column "text" must hold strings, not int64'


def _no_text(path: Path) -> str:
    pq.write_table(pa.table({"id": ["a"], "body": ["At least 14 civilians were killed."]}), path)
    return 'a Parquet corpus needs a "text" column (it has id, body)'


def _published_as_numbers(path: Path) -> str:
    pq.write_table(pa.table({"text": ["At least 14 civilians were killed."], "published": [2024]}),
                   path)
    return 'column "published" must hold strings (YYYY-MM-DD) or dates, not int64'


@pytest.mark.parametrize("make", [_truncated, _text_as_numbers, _no_text, _published_as_numbers])
def test_a_malformed_parquet_file_is_one_line_and_the_store_keeps_what_it_had(
        run_corroborate: Callable[..., subprocess.CompletedProcess[str]], tmp_path: Path,
        make: Callable[[Path], str]) -> None:
    db = tmp_path / "kept.db"
    wires = tmp_path / "wires.jsonl"
    wires.write_text("".join(json.dumps(w) + "\n" for w in WIRES))
    assert runner.invoke(app, ["ingest", str(wires), "--db", str(db), "-j", "1",
                               "--quiet"]).exit_code == 0
    before = exported_claims(db)
    assert len(before) >= 2
    bad = tmp_path / "bad.parquet"
    reason = make(bad)
    done = run_corroborate("ingest", str(bad), "--db", str(db), "-j", "1")
    assert done.returncode == 1
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith(f"Error [E202] {bad}: invalid data file: {reason}")
    assert exported_claims(db) == before
