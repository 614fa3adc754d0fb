"""read_events asks for a trigger's dates again only when some were set aside as another
trigger's, and looks for a trigger between it and its later dates only when they could pair up
with its places."""

from __future__ import annotations

import pytest

import corroborate.extract.events as events
from tests.extract.helpers import claims_of, counted_calls


def test_a_trigger_without_a_date_of_its_own_asks_for_its_dates_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    pools = counted_calls(monkeypatch, events, "_date_pool")
    # the date is across an item break: no date for "captured", and none was another's
    assert claims_of("On 8 May 1992 the talks failed; Armenian forces captured Shusha.") == []
    assert len(pools) == 1


def test_paired_places_and_dates_are_read_and_one_date_pairs_nothing() -> None:
    paired = "Armenian forces captured Shusha and Lachin on 8 May and 18 May 1992, respectively."
    assert [(c.place, c.date) for c in claims_of(paired)] == [
        ("Shusha", "1992-05-08"), ("Lachin", "1992-05-18")]
    single = "Armenian forces captured Shusha and Lachin on 8 May 1992."
    assert [(c.place, c.date) for c in claims_of(single)] == [
        ("Shusha", "1992-05-08"), ("Lachin", "1992-05-08")]
