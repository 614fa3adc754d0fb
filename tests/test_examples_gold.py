"""Bundled examples: gold offsets, manifest coverage, dev/test split and disputes are consistent.

No accuracy gate: these only check that the annotation files are well formed against their
documents (every span slices its document, every figure appears in its span, halves partition
the gold by document, every dispute names gold claims).
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
ALL = ["karabakh", "falklands", "kosovo"]
SPLIT = ["falklands", "kosovo"]
MEASURES = {"killed", "wounded", "missing", "captured", "displaced", "strength", "population", "area",
            "territory_share", "votes", "turnout", "money", "equipment"}
EVENTS = {"vote", "referendum", "declaration", "war_start", "offensive", "capture", "return", "ceasefire",
          "agreement", "resolution", "blockade", "withdrawal", "clash", "deployment", "other"}
UNITS = {"people", "km2", "percent", "usd", "items", "votes", "gbp"}  # gbp: see examples/falklands/README.md
WORDS = {"none": 0, "a single": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "seventeen": 17}
SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
PLURALS = {"dozens": (24, 108), "hundreds": (200, 900), "thousands": (2000, 9000),
           "tens of thousands": (20000, 90000), "hundreds of thousands": (200000, 900000)}


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _text(example: str, source: str) -> str:
    return (EXAMPLES / example / f"{source}.txt").read_text(encoding="utf-8")


def _numbers(span: str) -> set[float]:
    """Every figure written in the span: digits (with scale words) and a few number words."""
    found: set[float] = set()
    for match in re.finditer(r"(\d[\d,]*(?:\.\d+)?)(?:\s*(thousand|million|billion))?", span):
        value = float(match.group(1).replace(",", ""))
        found.add(value)
        if match.group(2):
            found.add(value * SCALE[match.group(2)])
    lowered = span.lower()
    for word, value in WORDS.items():
        if re.search(rf"\b{word}\b", lowered):
            found.add(float(value))
    for word, (low, high) in PLURALS.items():
        if re.search(rf"\b{word}\b", lowered):
            found.update({float(low), float(high)})
    if re.match(r"(an?|a dozen)\b", lowered):
        found.add(12.0 if lowered.startswith("a dozen") else 1.0)
    if re.search(r"square miles|sq mi", lowered):
        found.update(round(n * 2.58999) for n in list(found))
    return found


@pytest.mark.parametrize("example", ALL)
def test_gold_spans_slice_their_documents(example: str) -> None:
    for claim in _lines(EXAMPLES / example / "gold.jsonl"):
        text = _text(example, claim["source"])
        start, end = claim["evidence"]["start"], claim["evidence"]["end"]
        assert 0 <= start < end <= len(text), claim
        span = text[start:end]
        assert span.strip(), claim
        if "text" in claim["evidence"]:
            assert claim["evidence"]["text"] == span, claim
        if claim["kind"] == "quantity":
            assert claim["measure"] in MEASURES, claim
            assert claim["unit"] in UNITS, claim
            value = claim["value"]
            assert value["low"] <= value["high"], claim
            written = _numbers(span)
            for figure in {value["low"], value["high"]}:
                assert any(abs(n - figure) <= 0.01 * max(abs(figure), 1) for n in written), (claim, span)
        else:
            assert claim["event_type"] in EVENTS, claim
            assert claim["date"] and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", claim["date"]), claim


@pytest.mark.parametrize("example", ALL)
def test_gold_sources_are_in_the_manifest(example: str) -> None:
    manifest = tomllib.loads((EXAMPLES / example / "sources.toml").read_text(encoding="utf-8"))
    for claim in _lines(EXAMPLES / example / "gold.jsonl"):
        assert claim["source"] in manifest, claim["source"]
        assert (EXAMPLES / example / f"{claim['source']}.txt").is_file()
    for name in ("zones.json", "zones-dev.json", "zones-test.json"):
        path = EXAMPLES / example / name
        if path.exists():
            for source, ranges in json.loads(path.read_text(encoding="utf-8")).items():
                assert source in manifest
                for start, end in ranges:
                    assert 0 <= start < end <= len(_text(example, source))


@pytest.mark.parametrize("example", SPLIT)
def test_dev_and_test_halves_partition_the_gold(example: str) -> None:
    folder = EXAMPLES / example
    full, dev, test = (_lines(folder / n) for n in ("gold.jsonl", "gold-dev.jsonl", "gold-test.jsonl"))
    dev_sources, test_sources = {c["source"] for c in dev}, {c["source"] for c in test}
    assert dev_sources and test_sources and not dev_sources & test_sources
    key = lambda c: json.dumps(c, sort_keys=True)  # noqa: E731
    assert sorted(map(key, dev + test)) == sorted(map(key, full))
    zones_dev = json.loads((folder / "zones-dev.json").read_text(encoding="utf-8"))
    zones_test = json.loads((folder / "zones-test.json").read_text(encoding="utf-8"))
    assert set(zones_dev) == dev_sources and set(zones_test) == test_sources
    disputes = _lines(folder / "disputes.jsonl")
    d_dev, d_test = _lines(folder / "disputes-dev.jsonl"), _lines(folder / "disputes-test.jsonl")
    assert sorted(map(key, d_dev + d_test)) == sorted(map(key, disputes))
    for dispute in d_dev:
        assert {c["source"] for c in dispute["claims"]} <= dev_sources
    for dispute in d_test:
        assert {c["source"] for c in dispute["claims"]} & test_sources


def _matches(ref: dict, claim: dict) -> bool:
    if ref["source"] != claim["source"] or ref["evidence"]["start"] != claim["evidence"]["start"]:
        return False
    if ref["evidence"]["end"] != claim["evidence"]["end"]:
        return False
    if "date" in ref:
        return claim.get("date") == ref["date"]
    return (claim.get("value", {}).get("low") == ref["value"]["low"]
            and claim.get("value", {}).get("high") == ref["value"]["high"])


@pytest.mark.parametrize("example", ALL)
def test_disputes_name_gold_claims(example: str) -> None:
    folder = EXAMPLES / example
    gold = _lines(folder / "gold.jsonl")
    for name in ("disputes.jsonl", "disputes-dev.jsonl", "disputes-test.jsonl"):
        path = folder / name
        if not path.exists():
            continue
        for dispute in _lines(path):
            assert len(dispute["claims"]) >= 2, dispute
            for ref in dispute["claims"]:
                assert any(_matches(ref, c) for c in gold), (name, ref)
