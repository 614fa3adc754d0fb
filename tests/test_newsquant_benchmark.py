"""benchmarks/newsquant.py: CQE's scoring rule on hand-made cases, and one run on the shared data."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "benchmarks" / "newsquant"


def _load():
    spec = importlib.util.spec_from_file_location("newsquant_benchmark", ROOT / "benchmarks" / "newsquant.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


nq = _load()
Q = nq.Quantity


def _score(gold, predicted, rule="one-to-one"):
    return nq.score([("a sentence", gold, predicted)], rule).counts


def test_gold_values_are_read_as_cqe_reads_them():
    assert nq.parse_value("12.5") == 12.5
    assert nq.parse_value("40.0-65.0") == (40.0, 65.0)
    assert nq.parse_value("3.0 - 4.0") == (3.0, 4.0)
    assert nq.parse_value("-7") == -7.0  # a leading minus is a sign, not a range


def test_closeness_is_relative_to_the_prediction():
    assert nq.close(1_000_000.0, 1_000_005.0)  # within 1e-5
    assert not nq.close(1_000_000.0, 1_000_100.0)
    assert nq.close(0.0, 0.0)


def test_a_range_matches_only_a_range_with_both_ends():
    gold = [Q((40.0, 65.0), "-", "=")]
    assert _score(gold, [Q((40.0, 65.0), "-", "=")])["value"].matched == 1
    assert _score(gold, [Q(40.0), Q(65.0)])["value"].matched == 0  # two loose ends are no range
    assert _score(gold, [Q((40.0, 60.0))])["value"].matched == 0
    assert _score([Q(52.5)], [Q((40.0, 65.0))])["value"].matched == 0  # no midpoint for a range


def test_an_approximation_matches_on_value_and_on_change():
    gold = [Q(300.0, "dollar", "~")]
    about = _score(gold, [Q(300.0, "dollar", nq.CHANGE_NAMES["about"])])
    assert (about["value"].matched, about["value+unit"].matched, about["value+change"].matched) == (1, 1, 1)
    exact = _score(gold, [Q(300.0, "-", nq.CHANGE_NAMES["exact"])])
    assert (exact["value"].matched, exact["value+unit"].matched, exact["value+change"].matched) == (1, 0, 0)


def test_each_prediction_matches_one_gold_quantity_at_most():
    # a value written twice in gold, found once
    counts = _score([Q(3.0), Q(3.0), Q(8.0)], [Q(3.0), Q(8.0)])["value"]
    assert (counts.gold, counts.predicted, counts.matched) == (3, 2, 2)
    assert counts.prf() == (100.0, 66.7, 80.0)
    # found twice, written once: the second is spurious
    counts = _score([Q(3.0)], [Q(3.0), Q(3.0)])["value"]
    assert counts.matched == 1
    assert counts.prf() == (50.0, 100.0, 66.7)


def test_each_criterion_is_matched_on_its_own():
    # value+unit is matched on its own: the dollar prediction pairs with the dollar gold
    gold = [Q(5.0, "percentage"), Q(5.0, "dollar")]
    predicted = [Q(5.0, "dollar")]
    counts = _score(gold, predicted)
    assert counts["value"].matched == 1
    assert counts["value+unit"].matched == 1


def test_the_cqe_script_rule_lets_a_wrong_unit_match_twice():
    gold = [Q(3.0, "day"), Q(3.0, "week")]
    predicted = [Q(3.0, "-")]
    assert _score(gold, predicted)["value"].matched == 1
    assert _score(gold, predicted, "cqe-script")["value"].matched == 2


def test_errors_are_listed_by_the_value_criterion():
    result = nq.score([("first", [Q(7.0), Q(9.0)], [Q(7.0), Q(11.0, surface="11")])])
    assert [(t, q.value) for t, q in result.missed] == [("first", 9.0)]
    assert [(t, q.surface) for t, q in result.spurious] == [("first", "11")]


def test_the_quantity_layer_leaves_years_out_and_renames_units_and_bounds():
    layer = nq.QuantityLayer()
    found = layer.quantities("In 2021 roughly 40 percent of the 1,200 residents left.")
    assert [(q.value, q.unit, q.change) for q in found] == [(40.0, "percentage", "~"),
                                                             (1200.0, "-", "=")]


def test_missing_data_skips_with_exit_code_2(tmp_path, capsys):
    assert nq.main(["--data", str(tmp_path / "absent")]) == 2
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and out[0].startswith("SKIP newsquant")


def test_main_prints_an_f1_table_on_the_shared_data(capsys):
    if not (DATA / "gold" / "NewsQuant.json").is_file():
        pytest.skip(f"NewsQuant data not found at {DATA} (third-party data, read from ../shared)")
    assert nq.main(["--data", str(DATA), "--show-errors", "2"]) == 0
    out = capsys.readouterr().out
    assert "| system | criterion | P | R | F1 | gold | predicted | matched |" in out
    assert "| corroborate find_figures | value |" in out
    assert "| CQE-Numparser (published) | value | 92.0 |" in out
    assert "missed (gold value not found)" in out
    for name in nq.RECOGNIZERS:
        assert name in out
