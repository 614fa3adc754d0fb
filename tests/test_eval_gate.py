"""Accuracy gates: recall and precision on the gold sets must not fall below their floors.

The shared corpus gold is held to 0.9, the issue's target. The bundled example was written to be
harder than the sources (every hard case in a few pages); its floors pin what is measured now, so a
regression fails, and rise as the extractor improves.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from corroborate.evaluate import load_gold, load_zones, score
from corroborate.pipeline import ingest
from corroborate.store import open_store

GOLD = Path(__file__).resolve().parent / "gold"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
FLOOR = 0.9
EXAMPLE_RECALL_FLOOR = 0.77
EXAMPLE_PRECISION_FLOOR = 0.82
# The dev halves of the wars the rules were not first written for (measured on their dev
# documents alone; the test halves are never read by a test): recall, precision floors.
DEV_HALVES = {
    "falklands": (("hansard-falklands-written-answers", "kiddle-falklands-war",
                   "upi-summary-of-the-falklands-war"), 0.55, 0.6),
    "kosovo": (("hrw-civilian-deaths-nato-air-campaign", "wikipedia-kosovo-war",
                "yugoslav-white-book-nato-aggression"), 0.8, 0.85),
}


def _score(corpus: Path | list[Path], gold: Path, zones: Path | None) -> tuple[float, float]:
    paths = [str(p) for p in corpus] if isinstance(corpus, list) else [str(corpus)]
    with open_store(":memory:") as store:
        report = ingest(paths, store, max_bytes=50_000_000)
        assert not report.failed, [o.error for o in report.failed]
        result = score(store.claims(), load_gold(gold), load_zones(zones))
    return result.recall, result.precision


def test_shared_corpus_gold(shared_corpus: Path) -> None:
    recall, precision = _score(shared_corpus, GOLD / "corpus.jsonl", GOLD / "zones.json")
    assert recall >= FLOOR, f"recall {recall:.3f} fell below {FLOOR}"
    assert precision >= FLOOR, f"precision {precision:.3f} fell below {FLOOR}"


def test_bundled_example_gold(examples_dir: Path) -> None:
    recall, precision = _score(examples_dir, examples_dir / "gold.jsonl",
                               examples_dir / "zones.json")
    assert recall >= EXAMPLE_RECALL_FLOOR, f"recall {recall:.3f} fell below its floor"
    assert precision >= EXAMPLE_PRECISION_FLOOR, f"precision {precision:.3f} fell below its floor"


@pytest.mark.parametrize("example", sorted(DEV_HALVES))
def test_dev_half_gold(example: str) -> None:
    slugs, recall_floor, precision_floor = DEV_HALVES[example]
    folder = EXAMPLES / example
    recall, precision = _score([folder / f"{slug}.txt" for slug in slugs],
                               folder / "gold-dev.jsonl", folder / "zones-dev.json")
    assert recall >= recall_floor, f"{example} dev recall {recall:.3f} fell below its floor"
    assert precision >= precision_floor, \
        f"{example} dev precision {precision:.3f} fell below its floor"


RACAK = ("Račak, 1999\n\nIn Račak, Kosovo, 45 Albanian villagers were killed on 15 January 1999; "
         "the Yugoslav government said 40 fighters died.\n")
RACAK_GOLD = ('{"source": "racak", "kind": "quantity", "measure": "killed", '
              '"value": {"low": 45, "high": 45}, "evidence": {"start": 13, "end": 70}}\n')


def test_evaluate_scores_one_conflict_of_a_database(cli: Callable[..., Result],
                                                    tmp_path: Path) -> None:
    """A database of two wars scored against one war's gold: --conflict keeps that war's
    claims, another war's keeps none of them, and a war no document is about is one line."""
    kosovo = tmp_path / "kosovo"
    kosovo.mkdir()
    (kosovo / "racak.txt").write_text(RACAK, encoding="utf-8")
    (kosovo / "sources.toml").write_text('[racak]\ntitle = "Račak"\nconflict = "Kosovo war"\n',
                                         encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(RACAK_GOLD, encoding="utf-8")
    db = str(tmp_path / "two-wars.db")
    assert cli("ingest", str(kosovo), str(EXAMPLES / "karabakh"), "--db", db).exit_code == 0

    def recall(conflict: str) -> float:
        result = cli("evaluate", "--gold", str(gold), "--db", db, "--conflict", conflict,
                     "--format", "json")
        assert result.exit_code == 0, result.output
        return float(json.loads(result.stdout)["recall"])

    assert recall("Kosovo War") == 1.0
    assert recall("Nagorno-Karabakh conflict") == 0.0
    missing = cli("evaluate", "--gold", str(gold), "--db", db, "--conflict", "Falklands War")
    assert missing.exit_code != 0
    assert str(missing.exception).startswith(
        "Error [E402] --conflict: not found: no stored document is about 'Falklands War'")
