"""Accuracy gate: extraction must keep recall and precision of at least 0.9 on the gold sets."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.evaluate import load_gold, load_zones, score
from corroborate.pipeline import ingest
from corroborate.store import open_store

GOLD = Path(__file__).resolve().parent / "gold"
FLOOR = 0.9


def _score(corpus: Path, gold: Path, zones: Path | None) -> tuple[float, float]:
    with open_store(":memory:") as store:
        report = ingest([str(corpus)], store, max_bytes=50_000_000)
        assert not report.failed, [o.error for o in report.failed]
        result = score(store.claims(), load_gold(gold), load_zones(zones))
    return result.recall, result.precision


def test_shared_corpus_gold(shared_corpus: Path) -> None:
    recall, precision = _score(shared_corpus, GOLD / "corpus.jsonl", GOLD / "zones.json")
    assert recall >= FLOOR, f"recall {recall:.3f} fell below {FLOOR}"
    assert precision >= FLOOR, f"precision {precision:.3f} fell below {FLOOR}"


def test_bundled_example_gold(examples_dir: Path) -> None:
    gold = examples_dir / "gold.jsonl"
    if not gold.is_file():
        pytest.skip("examples/karabakh/gold.jsonl is not there yet")
    recall, precision = _score(examples_dir, gold, None)
    assert recall >= FLOOR, f"recall {recall:.3f} fell below {FLOOR}"
    assert precision >= FLOOR, f"precision {precision:.3f} fell below {FLOOR}"
