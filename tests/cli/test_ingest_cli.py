"""corroborate ingest: one line per failure, the batch goes on, a summary, and exit status 1."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from corroborate.store import SCHEMA_VERSION, open_store
from tests.conftest import DATA

Cli = Callable[..., Result]
Run = Callable[..., subprocess.CompletedProcess[str]]

SHUSHA = "Shusha fell on 8 May 1992 after two days of fighting.\n"
LACHIN = "Lachin fell on 18 May 1992, opening a road to Armenia.\n"

BAD_CODES = {
    "archive.txt": "E102", "image.png": "E102", "empty.txt": "E104", "blank.md": "E104",
    "script-only.html": "E106", "truncated.pdf": "E107", "undecodable.txt": "E103",
}


def error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("Error [E")]


def summary(output: str) -> str:
    [line] = [line for line in output.splitlines() if " documents: " in line]
    return line


@pytest.fixture
def good(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "good"
    folder.mkdir()
    paths = [folder / "shusha-1992.txt", folder / "lachin-1992.md"]
    for path, body in zip(paths, (SHUSHA, LACHIN), strict=True):
        path.write_text(body, encoding="utf-8")
    return paths


def stored(db: Path) -> list[tuple[object, ...]]:
    with open_store(db) as store:
        return [tuple(d.values()) for d in store.documents()] + [
            tuple(r) for r in store.conn.execute("SELECT * FROM segments ORDER BY id")]


def test_a_batch_with_every_kind_of_bad_input(cli: Cli, good: list[Path], tmp_path: Path) -> None:
    db = tmp_path / "karabakh.db"
    bad = sorted((DATA / "bad").iterdir())
    missing = tmp_path / "kalbajar-1993.txt"
    args = [str(good[0]), *map(str, bad), str(missing), str(DATA / "bad_manifest"), str(good[1])]
    result = cli("ingest", *args, "--db", str(db), "--no-extract")

    assert result.exit_code == 1
    assert "Traceback" not in result.output
    expected = {f"Error [{BAD_CODES[p.name]}] {p}: " for p in bad} | {
        f"Error [E109] {missing}: ",
        f"Error [E201] {DATA / 'bad_manifest' / 'sources.toml'}: ",
        f"Error [E111] {DATA / 'bad_manifest' / 'report-one.txt'}: ",
    }
    lines = error_lines(result.stderr)
    assert len(lines) == len(expected) == 10
    for prefix in expected:  # exactly one line per failing document, naming it
        assert sum(line.startswith(prefix) for line in lines) == 1, prefix
    assert error_lines(result.stdout) == []
    assert summary(result.stdout) == "12 documents: 2 added, 10 failed"
    with open_store(db) as store:
        assert [Path(d["location"]).name for d in store.documents()] == ["lachin-1992.md",
                                                                         "shusha-1992.txt"]
        assert store.check() == []


def test_the_summary_counts_each_status(cli: Cli, good: list[Path], tmp_path: Path) -> None:
    db = str(tmp_path / "karabakh.db")
    first = cli("ingest", str(good[0].parent), "--db", db, "--no-extract")
    assert (first.exit_code, summary(first.stdout)) == (0, "2 documents: 2 added")
    good[1].write_text(LACHIN + "Kalbajar followed in April 1993.\n", encoding="utf-8")
    second = cli("ingest", str(good[0].parent), "--db", db, "--no-extract", "--quiet")
    assert (second.exit_code, summary(second.stdout)) == (0, "2 documents: 1 replaced, 1 unchanged")
    assert second.stdout.strip() == "2 documents: 1 replaced, 1 unchanged"  # --quiet: no table


def test_stored_documents_survive_a_later_failing_batch(cli: Cli, good: list[Path],
                                                        tmp_path: Path) -> None:
    db = tmp_path / "karabakh.db"
    assert cli("ingest", *map(str, good), "--db", str(db), "--no-extract").exit_code == 0
    before = stored(db)
    good[1].write_bytes(b"")  # a stored document that is now broken
    result = cli("ingest", *map(str, good), str(DATA / "bad" / "image.png"),
                 str(DATA / "bad" / "truncated.pdf"), "--db", str(db), "--no-extract")
    assert result.exit_code == 1
    assert [line.split(":")[0] for line in error_lines(result.stderr)] == [
        f"Error [E104] {good[1]}", f"Error [E102] {DATA / 'bad' / 'image.png'}",
        f"Error [E107] {DATA / 'bad' / 'truncated.pdf'}"]
    assert summary(result.stdout) == "4 documents: 1 unchanged, 3 failed"
    assert stored(db) == before


def test_over_max_bytes_is_one_line(cli: Cli, good: list[Path], tmp_path: Path) -> None:
    big = tmp_path / "aghdam.txt"
    big.write_text("Aghdam was captured on 23 July 1993.\n" * 200, encoding="utf-8")
    result = cli("ingest", str(big), str(good[0]), "--max-bytes", "1000", "--db",
                 str(tmp_path / "k.db"), "--no-extract")
    assert result.exit_code == 1
    assert error_lines(result.stderr) == [
        f"Error [E105] {big}: too large: {big.stat().st_size} bytes, over the limit of 1000; "
        "raise --max-bytes"]
    assert summary(result.stdout) == "2 documents: 1 added, 1 failed"


def test_warnings_and_notes_go_to_stderr(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "sources.toml").write_text('[hrw-1994]\ntitle = "Seven Years of Conflict"\n'
                                         'file = "report.txt"\n', encoding="utf-8")
    (folder / "report.txt").write_text("Café owners fled Şuşa", encoding="utf-8")
    (folder / "unnamed.txt").write_text("Nobody named this file.\n", encoding="utf-8")
    (folder / "old.txt").write_bytes(("By 1994 Agdam was “a ghost town” – its 28,000 residents had "
                                      "fled east, and the café and the mosque stood empty.")
                                     .encode("cp1252"))
    result = cli("ingest", str(folder), str(folder / "old.txt"), "--db", str(tmp_path / "k.db"),
                 "--no-extract")
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"Warning: {folder / 'old.txt'}: not UTF-8; decoded as cp1252 (pass --encoding to choose)",
        f"Note: {folder / 'old.txt'}: not named in {folder / 'sources.toml'}; skipped",
        f"Note: {folder / 'unnamed.txt'}: not named in {folder / 'sources.toml'}; skipped",
    ]
    assert summary(result.stdout) == "2 documents: 2 added"


# -- where a source's metadata comes from --------------------------------------------------------

def sources(db: Path) -> dict[str, tuple[object, ...]]:
    with open_store(db) as store:
        return {s["slug"]: (s["title"], s["publisher"], s["kind"], s["documents"])
                for s in store.sources()}


def test_flags_name_the_source_when_no_manifest_does(cli: Cli, good: list[Path],
                                                     tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    result = cli("ingest", *map(str, good), "--db", str(db), "--no-extract", "--source",
                 "HRW 1994", "--title", "Seven Years of Conflict", "--publisher",
                 "Human Rights Watch", "--kind", "ngo")
    assert result.exit_code == 0
    assert sources(db) == {"hrw-1994": ("Seven Years of Conflict", "Human Rights Watch", "ngo", 2)}


def test_the_manifest_beside_a_file_beats_the_flags(cli: Cli, good: list[Path],
                                                    tmp_path: Path) -> None:
    (good[0].parent / "sources.toml").write_text(
        '[icg-2005]\ntitle = "Viewing the Conflict from the Ground"\n'
        'publisher = "International Crisis Group"\nkind = "think-tank"\n'
        'file = "shusha-1992.txt"\n', encoding="utf-8")
    db = tmp_path / "k.db"
    result = cli("ingest", *map(str, good), "--db", str(db), "--no-extract", "--source", "flags",
                 "--publisher", "Flag Press")
    assert result.exit_code == 0
    assert sources(db) == {
        "icg-2005": ("Viewing the Conflict from the Ground", "International Crisis Group",
                     "think-tank", 1),
        "flags": ("flags", "Flag Press", None, 1),
    }


def test_without_manifest_or_flags_the_file_name_names_the_source(cli: Cli, good: list[Path],
                                                                  tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    assert cli("ingest", *map(str, good), "--db", str(db), "--no-extract").exit_code == 0
    assert sources(db) == {"shusha-1992": ("shusha 1992", None, None, 1),
                           "lachin-1992": ("lachin 1992", None, None, 1)}


def test_kind_alone_does_not_merge_the_sources(cli: Cli, good: list[Path], tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    result = cli("ingest", *map(str, good), "--db", str(db), "--no-extract", "--kind", "news")
    assert result.exit_code == 0
    assert sources(db) == {"shusha-1992": ("shusha 1992", None, "news", 1),
                           "lachin-1992": ("lachin 1992", None, "news", 1)}


# -- the real command, in a subprocess: what a user sees ------------------------------------------

def test_the_command_prints_one_line_per_error_and_no_traceback(run_corroborate: Run,
                                                                good: list[Path],
                                                                tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    bad = DATA / "bad" / "undecodable.txt"
    done = run_corroborate("ingest", str(good[0]), str(bad), "http://[::1/report.txt",
                           "--db", str(db), "--no-extract")
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert [line.split(":")[0] for line in error_lines(done.stderr)] == [
        f"Error [E103] {bad}", "Error [E108] http"]
    assert len(done.stderr.strip().splitlines()) == 2
    assert summary(done.stdout) == "3 documents: 1 added, 2 failed"


def test_a_newer_database_is_one_line(run_corroborate: Run, good: list[Path],
                                      tmp_path: Path) -> None:
    db = tmp_path / "newer.db"
    with open_store(db) as store:
        store.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 3}")
    for args in (["ingest", str(good[0])], ["sources"], ["search", "Shusha"]):
        done = run_corroborate(*args, "--db", str(db))
        assert done.returncode == 1
        assert done.stdout == ""
        assert done.stderr.splitlines() == [
            f"Error [E302] {db}: the database was written by a newer corroborate (schema "
            f"{SCHEMA_VERSION + 3} > {SCHEMA_VERSION}); upgrade"]
