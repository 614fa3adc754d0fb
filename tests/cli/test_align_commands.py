"""facts, disputes, report and export through the command line, on the bundled example."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corroborate.cli._app import app

runner = CliRunner()


@pytest.fixture(scope="module")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("db") / "example.db")
    examples = Path(__file__).resolve().parents[2] / "examples" / "karabakh"
    result = runner.invoke(app, ["ingest", str(examples), "--db", db, "--quiet"])
    assert result.exit_code == 0, result.output
    return db


def test_disputes_jsonl_pairs_the_april_2016_figures(example_db: str) -> None:
    result = runner.invoke(app, ["disputes", "--db", example_db, "--format", "jsonl"])
    assert result.exit_code == 0
    disputes = [json.loads(line) for line in result.output.splitlines()]
    assert all(d["verdict"] == "disagree" for d in disputes)
    pairs = {(d["key"].get("measure"), d["key"].get("side"),
              tuple(sorted(c["value"]["low"] for c in d["claims"])))
             for d in disputes if d["kind"] == "quantity"}
    assert ("killed", "Armenia", (88.0, 91.0)) in pairs
    for dispute in disputes:
        for claim in dispute["claims"]:
            assert claim["evidence"]["text"]  # every claim carries its own words


def test_facts_filter_by_measure(example_db: str) -> None:
    result = runner.invoke(app, ["facts", "--db", example_db, "--measure", "area",
                                 "--format", "jsonl"])
    assert result.exit_code == 0
    facts = [json.loads(line) for line in result.output.splitlines()]
    assert facts and {f["key"]["measure"] for f in facts} == {"area"}
    kalbajar = [f for f in facts if f["key"]["place"] == "Kalbajar"]
    assert kalbajar and kalbajar[0]["verdict"] == "disagree"


def test_report_html_shows_disputes_side_by_side_and_framing(example_db: str,
                                                             tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", "--db", example_db, "--format", "html",
                                 "--output", str(out)])
    assert result.exit_code == 0
    page = out.read_text(encoding="utf-8")
    assert "<mark>" in page and "Disputes (" in page
    assert "Names each source uses" in page and "Words each source uses for events" in page
    assert "Khankandi" in page and "Stepanakert" in page


def test_report_markdown_and_json(example_db: str) -> None:
    md = runner.invoke(app, ["report", "--db", example_db, "--format", "md"])
    assert md.exit_code == 0 and md.output.startswith("# Where the sources agree and disagree")
    raw = runner.invoke(app, ["report", "--db", example_db, "--format", "json"])
    report = json.loads(raw.output)
    assert report["summary"]["disagree"] == len(report["disputes"]) > 0


def test_export_facts_csv(example_db: str) -> None:
    result = runner.invoke(app, ["export", "facts", "--db", example_db, "--format", "csv"])
    assert result.exit_code == 0
    header = result.output.splitlines()[0]
    assert header.startswith("id,kind,") and "verdict" in header


def test_bad_format_is_a_usage_error(example_db: str) -> None:
    result = runner.invoke(app, ["report", "--db", example_db, "--format", "pdf"])
    assert result.exit_code == 2
    assert "--format must be md, html or json" in result.output


EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "karabakh"


def test_evaluate_counts_the_gold_disputes_found(example_db: str) -> None:
    result = runner.invoke(app, ["evaluate", "--db", example_db,
                                 "--gold", str(EXAMPLES / "gold.jsonl"),
                                 "--disputes", str(EXAMPLES / "disputes.jsonl"),
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    disputes = json.loads(result.output)["disputes"]
    assert disputes["gold"] == 16
    assert disputes["found"] >= 15 and disputes["recall"] == round(disputes["found"] / 16, 4)


def test_a_malformed_disputes_file_is_one_line_and_the_store_is_untouched(
        example_db: str, tmp_path: Path,
        run_corroborate: Callable[..., subprocess.CompletedProcess[str]]) -> None:
    before = runner.invoke(app, ["disputes", "--db", example_db, "--format", "jsonl"]).output
    broken = tmp_path / "disputes.jsonl"
    broken.write_text('{"claims": [{"source": "kiddle"}]}\n', encoding="utf-8")
    done = run_corroborate("evaluate", "--db", example_db, "--gold", str(EXAMPLES / "gold.jsonl"),
                           "--disputes", str(broken))
    assert done.returncode == 1
    assert [line for line in done.stderr.splitlines() if line.strip()] == [
        f"Error [E203] {broken}: dispute 1: malformed gold file: needs a list of at least two "
        "claims"]
    after = runner.invoke(app, ["disputes", "--db", example_db, "--format", "jsonl"]).output
    assert after == before
