"""The one conftest: shared fixtures for every test folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from corroborate.store import SQLiteStore, open_store

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"
SHARED_CORPUS = SHARED / "corpus"
EXAMPLES = ROOT / "examples" / "karabakh"


@pytest.fixture
def store() -> Iterator[SQLiteStore]:
    """An empty in-memory store."""
    with open_store(":memory:") as s:
        yield s


@pytest.fixture
def shared_corpus() -> Path:
    """The five shared real documents; tests that need them skip on a clone without ../shared."""
    if not (SHARED_CORPUS / "sources.toml").is_file():
        pytest.skip(f"shared corpus not found at {SHARED_CORPUS} (only CI and developers have it)")
    return SHARED_CORPUS


@pytest.fixture
def examples_dir() -> Path:
    return EXAMPLES
