"""The grammar loaders' last-call fast path (dates, figures, relative dates, share words): asked
again with the same data folders, they answer without the ``lru_cache`` call; a change of the
folders (``CORROBORATE_DATA``) still reaches the cache, whose key they are."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from corroborate.extract import dates, numbers, relative_dates, shares
from corroborate.langdata import DATA_ENV
from tests.extract.helpers import counted_calls

# (module, the name of its cached loader, the fast path over it)
LOADERS: list[tuple[Any, str, Callable[[], object]]] = [
    (dates, "_cached_grammar", partial(dates._grammar, "en", "")),
    (numbers, "_cached_grammar", partial(numbers._grammar, "en")),
    (relative_dates, "_cached_grammar", partial(relative_dates._grammar, "en")),
    (shares, "_load_shares", partial(shares.load_shares, "en")),
]




@pytest.mark.parametrize(("module", "name", "load"), LOADERS)
def test_a_second_call_with_the_same_folders_skips_the_cache(
        monkeypatch: pytest.MonkeyPatch, module: Any, name: str,
        load: Callable[[], object]) -> None:
    first = load()
    calls = counted_calls(monkeypatch, module, name)
    assert load() is first
    assert load() is first
    assert calls == []


@pytest.mark.parametrize(("module", "name", "load"), LOADERS)
def test_other_data_folders_reach_the_cache_again(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, module: Any, name: str,
        load: Callable[[], object]) -> None:
    packaged = load()
    calls = counted_calls(monkeypatch, module, name)
    monkeypatch.setenv(DATA_ENV, str(tmp_path))  # an empty folder: the packaged words
    other = load()
    assert other is not packaged
    assert len(calls) == 1 and calls[0][-1] == (str(tmp_path),)
    assert load() is other and len(calls) == 1
    monkeypatch.delenv(DATA_ENV)
    assert load() is packaged and len(calls) == 2
