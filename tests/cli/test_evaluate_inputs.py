"""Bad --gold, --zones and --disputes files for ``corroborate evaluate``: one E203 line naming the
file (and the line), never a traceback."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from corroborate.errors import CorroborateError
from corroborate.evaluate import load_gold, load_gold_disputes, load_zones

Run = Callable[..., subprocess.CompletedProcess[str]]

CLAIM = ('{"source": "hrw", "kind": "quantity", "measure": "killed", '
         '"value": {"low": 5, "high": 5}, "evidence": {"start": 0, "end": 10}}')


def line_of(loader: Callable[[Path], object], path: Path) -> str:
    with pytest.raises(CorroborateError) as caught:
        loader(path)
    return caught.value.line()


@pytest.mark.parametrize(("content", "where", "reason"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00", ":1", "not UTF-8 text (byte 0x89); save it as UTF-8 JSON"),
    (CLAIM.encode() + b"\n" + CLAIM.replace("hrw", "caf\xe9").encode("cp1252") + b"\n", ":2",
     "not UTF-8 text (byte 0xe9); save it as UTF-8 JSON"),
    (CLAIM.encode() + b"\n\x00\x01\x02\n", ":2", "a NUL byte: binary, not JSON text"),
    (CLAIM.encode() + b"\n{\"source\": \n", ":2", "Expecting value"),
    (b"[1, 2]\n", ":1", "a line must be an object"),
    (CLAIM.replace('{"start": 0, "end": 10}', '"0-10"').encode(), ": claim 1",
     'evidence must be {"start": integer, "end": integer}'),
    (CLAIM.replace('"low": 5', '"low": "five"').encode(), ": claim 1",
     'value must be {"low": number, "high": number}'),
    (CLAIM.replace('"measure": "killed"', '"measure": ["killed"]').encode(), ": claim 1",
     "measure must be text or null"),
])
def test_a_bad_gold_file_is_one_e203_line(tmp_path: Path, content: bytes, where: str,
                                         reason: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_bytes(content)
    assert line_of(load_gold, path) == f"Error [E203] {path}{where}: malformed gold file: {reason}"


def test_a_missing_gold_file_or_a_folder_is_one_e203_line(tmp_path: Path) -> None:
    missing = tmp_path / "nope.jsonl"
    assert line_of(load_gold, missing) == (f"Error [E203] {missing}: malformed gold file: No such "
                                           "file or directory")
    assert line_of(load_gold, tmp_path) == (f"Error [E203] {tmp_path}: malformed gold file: Is a "
                                            "directory")


@pytest.mark.parametrize(("content", "where", "reason"), [
    (b"\xff\xfe{}", ":1", "not UTF-8 text (byte 0xff); save it as UTF-8 JSON"),
    (b'{"hrw": [[0, 10],\n [5]]}', ": hrw",
     'zones must be {"source": [[start, end], ...]} with integer offsets'),
    (b'{"hrw": [[0, 10]],\n', ":2", "Expecting property name enclosed in double quotes"),
    (b"[[0, 10]]", "", 'zones must be {"source": [[start, end], ...]} with integer offsets'),
])
def test_bad_zones_are_one_e203_line(tmp_path: Path, content: bytes, where: str, reason: str) -> None:
    path = tmp_path / "zones.json"
    path.write_bytes(content)
    assert line_of(load_zones, path) == f"Error [E203] {path}{where}: malformed gold file: {reason}"


def test_bad_disputes_are_one_e203_line(tmp_path: Path) -> None:
    path = tmp_path / "disputes.jsonl"
    path.write_bytes(b'{"claims": [{"source": "a", "evidence": {"start": 0, "end": 5}}, '
                     b'{"source": "b", "evidence": {"start": "x", "end": 5}}]}\n')
    assert line_of(load_gold_disputes, path) == (
        f"Error [E203] {path}: dispute 1: malformed gold file: each claim needs a source and an "
        "evidence span")
    path.write_bytes(b"\x00\x00\x00")
    assert line_of(load_gold_disputes, path) == (
        f"Error [E203] {path}:1: malformed gold file: a NUL byte: binary, not JSON text")


def test_the_command_prints_one_line_and_exits_1(run_corroborate: Run, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    result = run_corroborate("evaluate", "--gold", str(gold), "--db", str(tmp_path / "k.db"))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (f"Error [E203] {gold}:1: malformed gold file: not UTF-8 text (byte "
                             "0x89); save it as UTF-8 JSON\n")
    result = run_corroborate("evaluate", "--gold", str(tmp_path), "--db", str(tmp_path / "k.db"))
    assert (result.returncode, result.stderr) == (
        1, f"Error [E203] {tmp_path}: malformed gold file: Is a directory\n")
