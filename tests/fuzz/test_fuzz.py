"""Fuzzing: hostile but fair input never gives a traceback or a damaged store.

For every generated document, manifest and query the promise is the same: success, or one error
line in the catalogue's format; SQLite's integrity check and the store's own check pass; stored
counts grow by exactly what was added and never shrink. The budget is bounded for CI
(``CORROBORATE_FUZZ_EXAMPLES``, default 40 a target) and derandomized there, so a red CI is a
real finding that reproduces; locally the examples are random and the budget can be raised.
"""

from __future__ import annotations

import itertools
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from corroborate.documents import DocumentRef
from corroborate.errors import CorroborateError
from corroborate.pipeline import ingest_one
from corroborate.store import SQLiteStore, open_store
from tests.fuzz import strategies as fz

EXAMPLES = int(os.environ.get("CORROBORATE_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=bool(os.environ.get("CI")),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
ERROR_LINE = re.compile(r"Error \[E\d{3}\] .+")
MAX_BYTES = 200_000


def assert_one_line(error: str | None) -> None:
    assert error is not None
    assert "\n" not in error and "Traceback" not in error, error
    assert ERROR_LINE.fullmatch(error), error


def counts(store: SQLiteStore) -> tuple[int, int]:
    documents = store.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    claims = store.conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
    return int(documents), int(claims)


class Workspace:
    """One database and folder for a whole fuzz target: state carries across examples, as a
    user's fact base does across batches."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.store = open_store(root / "fuzz.db")
        self.numbers = itertools.count()

    def fresh_folder(self) -> Path:
        folder = self.root / f"f{next(self.numbers)}"
        folder.mkdir()
        return folder

    def ingest_and_check(self, path: Path, encoding: str | None = None) -> None:
        before = counts(self.store)
        outcome = ingest_one(DocumentRef(str(path)), self.store, max_bytes=MAX_BYTES,
                             encoding=encoding, timeout=2.0)
        after = counts(self.store)
        if outcome.status == "failed":
            assert_one_line(outcome.error)
            assert after == before, "a failed document changed what was stored"
        else:
            assert outcome.status == "added", outcome
            assert after[0] == before[0] + 1
            assert after[1] == before[1] + (outcome.claims or 0)
        assert self.store.check() == []
        stored = self.store.conn.execute(
            "SELECT COALESCE(SUM(claim_count), 0) FROM documents").fetchone()[0]
        assert stored == after[1], "claim counts of documents and claims disagree"


@pytest.fixture(scope="module")
def workspace() -> Iterator[Workspace]:
    with tempfile.TemporaryDirectory(prefix="corroborate-fuzz-") as root:
        space = Workspace(Path(root))
        try:
            yield space
        finally:
            space.store.close()


@FUZZ
@given(data=fz.text_bytes, name=fz.file_names)
def test_any_bytes_as_a_text_document(workspace: Workspace, data: bytes, name: str) -> None:
    path = workspace.fresh_folder() / name
    path.parent.mkdir(parents=True, exist_ok=True)  # "[/x]y.md" is a file in a folder "["
    path.write_bytes(data)
    workspace.ingest_and_check(path)


@FUZZ
@given(text=fz.documents_text, encoding=st.sampled_from(["utf-16-le", "cp1252", "latin-1"]))
def test_text_in_a_named_encoding(workspace: Workspace, text: str, encoding: str) -> None:
    path = workspace.fresh_folder() / "doc.txt"
    path.write_bytes(text.encode(encoding, errors="replace"))
    workspace.ingest_and_check(path, encoding=encoding)


@FUZZ
@given(data=fz.html_bytes)
def test_any_html(workspace: Workspace, data: bytes) -> None:
    path = workspace.fresh_folder() / "page.html"
    path.write_bytes(data)
    workspace.ingest_and_check(path)


@FUZZ
@given(cut=st.integers(0, 4000), flips=st.lists(st.tuples(st.integers(0, 4000),
                                                          st.integers(0, 255)), max_size=6))
def test_a_damaged_pdf(workspace: Workspace, cut: int, flips: list[tuple[int, int]]) -> None:
    pytest.importorskip("reportlab", reason="reportlab (a dev dependency) writes the PDF")
    from reportlab.pdfgen import canvas

    source = workspace.root / "source.pdf"
    if not source.exists():
        pdf = canvas.Canvas(str(source))
        pdf.drawString(72, 720, "Shusha fell on 8 May 1992; 1,000 soldiers were killed.")
        pdf.showPage()
        pdf.save()
    data = bytearray(source.read_bytes())
    for position, byte in flips:
        data[position % len(data)] = byte
    path = workspace.fresh_folder() / "report.pdf"
    path.write_bytes(bytes(data[: max(cut, 8)] if cut < len(data) else data))
    workspace.ingest_and_check(path)


@FUZZ
@given(manifest=fz.manifests, body=fz.documents_text)
def test_any_manifest_through_the_cli(workspace: Workspace, manifest: str, body: str) -> None:
    folder = workspace.fresh_folder()
    (folder / "sources.toml").write_text(manifest, encoding="utf-8", errors="replace")
    (folder / "doc.txt").write_text(body, encoding="utf-8", errors="replace")
    db = str(workspace.root / "cli.db")
    from corroborate.cli import app

    runner = CliRunner()
    before = _cli_counts(db)
    result = runner.invoke(app, ["ingest", str(folder), "--db", db, "--quiet"])
    assert_clean(result)
    for command in (["sources"], ["documents"], ["facts"]):
        assert_clean(runner.invoke(app, [*command, "--db", db]))
    after = _cli_counts(db)
    assert after[0] >= before[0] and after[1] >= before[1]


def _cli_counts(db: str) -> tuple[int, int]:
    if not Path(db).exists():
        return 0, 0
    with open_store(db) as store:
        assert store.check() == []
        return counts(store)


def assert_clean(result: object) -> None:
    """A command ends in success, a usage error or one catalogued error line; never a traceback."""
    exception = getattr(result, "exception", None)
    output = getattr(result, "output", "")
    if isinstance(exception, CorroborateError):
        assert_one_line(exception.line())
    else:
        assert exception is None or isinstance(exception, SystemExit), repr(exception)
    assert "Traceback" not in output
    for line in output.splitlines():
        if line.startswith("Error ["):
            assert_one_line(line)


@FUZZ
@given(query=fz.queries, raw=st.booleans(), limit=st.integers(-5, 2**70))
def test_any_search_query(workspace: Workspace, query: str, raw: bool, limit: int) -> None:
    if counts(workspace.store)[0] == 0:
        path = workspace.fresh_folder() / "seed.txt"
        path.write_text("In May 1992, 1,000 soldiers were killed near Lachin.\n", encoding="utf-8")
        workspace.ingest_and_check(path)
    try:
        hits = workspace.store.search(query, limit=limit, raw=raw)
    except CorroborateError as exc:
        assert_one_line(exc.line())
    else:
        assert isinstance(hits, list)
        assert len(hits) <= max(limit, 0) or limit > 2**62


@FUZZ
@given(option=st.sampled_from(["--measure", "--place", "--side", "--source"]), value=fz.queries,
       command=st.sampled_from([["facts"], ["disputes"], ["export", "claims", "--format", "csv"],
                                ["export", "facts", "--format", "jsonl"]]))
def test_any_filter_value_through_the_cli(workspace: Workspace, option: str, value: str,
                                          command: list[str]) -> None:
    db = str(workspace.root / "filters.db")
    from corroborate.cli import app

    runner = CliRunner()
    if not Path(db).exists():
        seed = workspace.fresh_folder() / "seed.txt"
        seed.write_text("Between 1988 and 1994, about 30,000 people were killed.\n", "utf-8")
        assert_clean(runner.invoke(app, ["ingest", str(seed), "--db", db, "--quiet"]))
    if option not in _options_of(command):
        return
    assert_clean(runner.invoke(app, [*command, option, value, "--db", db]))


def _options_of(command: list[str]) -> set[str]:
    """The filter options a command takes (export facts has fewer than facts)."""
    from corroborate.cli import app

    result = CliRunner().invoke(app, [*command[:2], "--help"], env={"COLUMNS": "300"})
    return {o for o in ("--measure", "--place", "--side", "--source") if o in result.output}
