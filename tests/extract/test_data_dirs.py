"""data_dirs keeps its split between calls but follows every change of CORROBORATE_DATA."""

import os

import pytest

from corroborate.langdata import DATA_ENV, data_dirs


def test_data_dirs_follow_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DATA_ENV, f"/srv/a{os.pathsep}/srv/b")
    assert data_dirs() == ("/srv/a", "/srv/b")
    assert data_dirs() == ("/srv/a", "/srv/b")
    monkeypatch.setenv(DATA_ENV, "/srv/c")
    assert data_dirs() == ("/srv/c",)
    monkeypatch.delenv(DATA_ENV)
    assert data_dirs() == ()
