"""benchmarks/api.py: the whole measurement (fact base, real server, concurrent clients) on a
tiny generated base."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).parents[2]


def _load():
    spec = importlib.util.spec_from_file_location("api_benchmark", ROOT / "benchmarks" / "api.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


bench = _load()


def test_sessions_plan_exactly_the_requests_asked():
    mix = [bench.Session("claims", "a", "/api/claims", {"limit": 50}, 4),
           bench.Session("places.geojson", "b", "/api/places.geojson")]
    planned = bench.sessions(mix, 13, seed=1)
    assert sum(1 + s.follow for s in planned) == 13
    assert {s.variant for s in planned} == {"a", "b"}


def test_percentiles_of_one_to_a_hundred():
    assert bench.percentiles([float(v) for v in range(1, 101)]) == (50.5, 95.05, 99.01)
    assert bench.percentiles([7.0]) == (7.0, 7.0, 7.0)


def test_every_endpoint_answers_on_a_tiny_base(tmp_path, capsys):
    db, out = tmp_path / "tiny.db", tmp_path / "api.json"
    code = bench.main(["--claims", "2000", "--db", str(db), "--requests", "50", "--clients", "5",
                       "--json", str(out), "--target-ms", "100000", "--check"])
    printed = capsys.readouterr().out
    assert code == 0, printed
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["counts"]["claims"] == 2000
    assert [row["endpoint"] for row in result["endpoints"]] == ["claims", "disputes",
                                                                 "places.geojson"]
    assert [row["requests"] for row in result["endpoints"]] == [50, 50, 50]
    assert [row["errors"] for row in result["endpoints"]] == [0, 0, 0]
    assert result["errors"] == []
    assert {row["variant"] for row in result["variants"] if row["endpoint"] == "claims"} >= {
        "no filter", "no filter, next pages", "deep (90%)", "q=killed, next pages"}
    assert result["server_peak_rss_mb"] > 20
    for endpoint in ("claims ", "disputes ", "places.geojson "):
        assert any(line.startswith(endpoint) for line in printed.splitlines()), printed
