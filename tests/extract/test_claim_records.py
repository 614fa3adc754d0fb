"""Claim records are built without the frozen dataclass's per-field ``__init__``, and are the
same records ``Claim(...)`` would build."""

from __future__ import annotations

import dataclasses
import hashlib

import pytest

from corroborate.model import Claim
from tests.extract.helpers import claims_of

TEXT = "Armenian forces captured Shusha on 8 May 1992; 58 Azerbaijani soldiers were killed in Shusha."


def test_claims_are_built_without_the_dataclass_init(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(self: Claim, *args: object, **kwargs: object) -> None:
        raise AssertionError("Claim.__init__ called")

    monkeypatch.setattr(Claim, "__init__", refused)
    claims = claims_of(TEXT)
    assert [(c.kind, c.measure, c.event_type, c.place) for c in claims] == [
        ("event", None, "capture", "Shusha"), ("quantity", "killed", None, "Shusha")]


def test_a_built_claim_equals_the_dataclass_one() -> None:
    for claim in claims_of(TEXT):
        fields = {f.name: getattr(claim, f.name) for f in dataclasses.fields(Claim)}
        assert vars(claim) == fields  # every field held, none left to the class default
        rebuilt = Claim(**fields)
        assert rebuilt == claim
        assert hash(rebuilt.id) == hash(claim.id)
    quantity = next(c for c in claims_of(TEXT) if c.kind == "quantity")
    assert (quantity.value.low if quantity.value else None, quantity.side, quantity.place) == \
        (58.0, "Azerbaijan", "Shusha")
    with pytest.raises(dataclasses.FrozenInstanceError):
        quantity.side = "Armenia"  # type: ignore[misc]


def test_ids_hash_the_parts_as_str_writes_them() -> None:
    event, quantity = claims_of(TEXT)
    location = "test-source.txt"
    parts = ("test-source", location, quantity.figure.start if quantity.figure else None,
             quantity.figure.end if quantity.figure else None, "killed", "Azerbaijan", "soldiers",
             58.0, 58.0)
    assert quantity.id == "c-" + hashlib.sha1("|".join(map(str, parts)).encode()).hexdigest()[:16]
    start = TEXT.index("captured")
    parts_of_event = ("test-source", location, start, "capture", "1992-05-08", "Shusha")
    assert event.id == "c-" + hashlib.sha1(
        "|".join(map(str, parts_of_event)).encode()).hexdigest()[:16]


def test_claims_of_documents_read_in_turn_name_each_its_own_source_and_file() -> None:
    # a document's slug, location and file name are kept for its claims (one entry): each
    # document read after another names its own
    first, second = claims_of(TEXT, "first-source"), claims_of(TEXT, "second-source")
    again = claims_of(TEXT, "first-source")
    assert {(c.source, c.document) for c in first} == {("first-source", "first-source.txt")}
    assert {(c.source, c.document) for c in second} == {("second-source", "second-source.txt")}
    assert [c.id for c in again] == [c.id for c in first] != [c.id for c in second]
    figure = first[1].figure
    assert figure is not None
    key = f"first-source|first-source.txt|{figure.start}|{figure.end}|" \
        "killed|Azerbaijan|soldiers|58.0|58.0"
    assert first[1].id == f"c-{hashlib.sha1(key.encode()).hexdigest()[:16]}"
