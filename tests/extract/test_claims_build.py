"""Claims are built from one dict of every field (no keyword merge), their ``Value`` and
``TimeSpan`` without the frozen dataclasses' ``__init__``, and the claims of one sentence share
its evidence (claims.py): the same claims as the dataclasses build."""

from __future__ import annotations

import dataclasses

import pytest

from corroborate.extract.window import EVIDENCE_MAX
from corroborate.model import Claim, Evidence, TimeSpan, Value
from tests.extract.helpers import claims_of

TWO = "In 2014, 72 Armenian soldiers and 31 Azerbaijani soldiers were killed near Shusha."


def test_the_claims_of_a_sentence_share_its_evidence() -> None:
    first, second = claims_of(TWO)
    assert first.evidence is second.evidence  # one object for the sentence, not a copy each
    assert (first.evidence.start, first.evidence.end, first.evidence.text) == (0, len(TWO), TWO)
    assert [(c.value.low if c.value else None, c.side) for c in (first, second)] == [
        (72.0, "Armenia"), (31.0, "Azerbaijan")]


def test_another_document_with_the_same_sentence_bounds_has_its_own_evidence() -> None:
    # the last evidence is kept by its text: a sentence at the same offsets of another text
    # is that text's
    other = TWO.replace("Shusha", "Lachin")
    first, = (c for c in claims_of(TWO) if c.value and c.value.low == 72.0)
    again, = (c for c in claims_of(other) if c.value and c.value.low == 72.0)
    assert (again.evidence.text, again.place) == (other, "Lachin")
    assert first.evidence.text == TWO


def test_a_long_lines_claims_have_each_their_window_as_evidence() -> None:
    unit = "In 1992, 1,000 Armenian soldiers were killed near Shusha and "
    line = unit * (3 * EVIDENCE_MAX // len(unit))
    claims = claims_of(line)
    assert len({(c.evidence.start, c.evidence.end) for c in claims}) == len(claims) > 40


def test_values_and_times_are_built_without_their_init(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(self: object, *args: object, **kwargs: object) -> None:
        raise AssertionError(f"{type(self).__name__}.__init__ called")

    text = "Shusha was captured on 8-9 May 1992. 4,000 people have been missing since 1992."
    for cls in (Value, TimeSpan):
        monkeypatch.setattr(cls, "__init__", refused)
    claims = claims_of(text)
    monkeypatch.undo()
    assert [(c.kind, c.time) for c in claims] == [
        ("event", TimeSpan("1992-05-08", "1992-05-09")), ("quantity", TimeSpan("1992", None))]
    quantity = claims[1]
    assert quantity.value == Value(4000.0, 4000.0, "exact")
    assert vars(quantity.value) == vars(Value(4000.0, 4000.0, "exact"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        quantity.value.low = 1.0  # type: ignore[misc, union-attr]


def test_a_claim_holds_every_field_in_the_classs_order() -> None:
    names = [f.name for f in dataclasses.fields(Claim)]
    for claim in claims_of(TWO + " Shusha was captured on 8 May 1992."):
        assert list(vars(claim)) == names
        assert isinstance(claim.figure, Evidence)
