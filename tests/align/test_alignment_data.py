"""Words alignment reads from data, not code: the groups wider than every other one
(lang/en/counts.toml ``every_group``) and the event types told apart by their place
(``lists_places`` in lang/en/events.toml, read by the settings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.align import align, relation
from corroborate.langdata import DATA_ENV
from corroborate.model import Claim, Evidence, Value
from corroborate.settings import load_settings, place_events

TEXT = "The war killed 6,500 soldiers and civilians, among them 2,900 Armenian soldiers."


def toll(figure: str, value: float, group: str | None, side: str | None = None) -> Claim:
    at = TEXT.index(figure)
    return Claim(id=f"c-{figure}", source="hrw" if side else "icrc", document="d",
                 kind="quantity", evidence=Evidence(0, len(TEXT), TEXT), extractor="test",
                 measure="killed", value=Value(value, value, "exact"), unit="people",
                 side=side, group=group, figure=Evidence(at, at + len(figure), figure))


def test_a_mixed_toll_is_wider_than_the_soldiers_toll() -> None:
    mixed, soldiers = toll("6,500", 6500, "mixed"), toll("2,900", 2900, "soldiers", "Armenia")
    assert relation(mixed, soldiers) == "wider"
    assert relation(soldiers, mixed) == "narrower"


def test_a_mixed_toll_below_the_soldiers_toll_is_a_dispute() -> None:
    mixed, soldiers = toll("6,500", 650, "mixed"), toll("2,900", 2900, "soldiers", "Armenia")
    facts = [f for f in align([mixed, soldiers], nested_measures=["killed"])
             if f.key.get("check") == "narrower_exceeds_wider"]
    assert [[c.value.low for c in f.claims if c.value] for f in facts] == [[650.0, 2900.0]]


def test_a_group_wider_than_all_needs_only_a_data_file(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    everyone = toll("6,500", 650, "everyone")
    soldiers = toll("2,900", 2900, "soldiers", "Armenia")
    assert relation(everyone, soldiers) == "different"
    (tmp_path / "lang" / "en").mkdir(parents=True)
    (tmp_path / "lang" / "en" / "counts.toml").write_text('every_group = ["everyone"]\n',
                                                          encoding="utf-8")
    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    assert relation(everyone, soldiers) == "wider"
    facts = align([everyone, soldiers], nested_measures=["killed"])
    assert [f.key["group"] for f in facts if f.key.get("check")] == ["everyone"]


def test_place_events_are_the_event_types_that_list_places() -> None:
    assert load_settings().place_events == ["capture", "return"]


def test_an_event_type_that_lists_places_needs_only_a_data_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "lang" / "en").mkdir(parents=True)
    (tmp_path / "lang" / "en" / "events.toml").write_text(
        '[events.withdrawal]\nlists_places = true\n', encoding="utf-8")
    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    assert place_events() == ["capture", "return", "withdrawal"]
