"""Language and gazetteer data files: loaded once, validated against a schema, cached.

Data lives in ``lang/base`` (shared by every language), ``lang/<code>`` (overrides the base by key)
and ``gazetteers/``. A malformed file is reported with its path, key and reason (E202).
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from corroborate.errors import CorroborateError, E

__all__ = [
    "DATA_ENV", "SentenceRules", "data_dirs", "data_path", "load_sentence_rules", "load_toml",
    "merge_data",
    "validated",
]

M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")


def data_path(*parts: str) -> str:
    """A packaged data file's path, for messages."""
    return str(resources.files("corroborate").joinpath("/".join(parts)))


DATA_ENV = "CORROBORATE_DATA"


# Every cached loader asks for the folders, several times per sentence: ``os.environ.get``
# (key encoding, Mapping.get) and the split cost ~4 us a call, 5% of extraction. The mapping
# ``os.environ`` keeps (bytes keys on POSIX) is read directly, and the split is kept until the
# variable changes (tests set it with monkeypatch.setenv, which goes through os.environ).
_ENV_DATA: dict[Any, Any] | None = getattr(os.environ, "_data", None)
_ENV_KEY: Any = getattr(os.environ, "encodekey", str)(DATA_ENV)
_last_dirs: tuple[Any, tuple[str, ...]] = (None, ())


def data_dirs() -> tuple[str, ...]:
    """User data folders (CORROBORATE_DATA, separated by os.pathsep) laid over the packaged data."""
    global _last_dirs
    raw = os.environ.get(DATA_ENV) if _ENV_DATA is None else _ENV_DATA.get(_ENV_KEY)
    last_raw, dirs = _last_dirs
    if raw is last_raw or raw == last_raw:
        return dirs
    dirs = tuple(p for p in os.environ.get(DATA_ENV, "").split(os.pathsep) if p)
    _last_dirs = (raw, dirs)
    return dirs


class LastLoaded(Generic[T]):
    """What a cached loader gave for the last key asked of it, kept while the data folders are
    the same tuple (``data_dirs`` gives the same object while the variable is unchanged): the
    extractor asks a grammar several times a sentence, and an ``lru_cache`` call hashes its key
    tuple each time. ``get(key, load)`` is ``load(*key, data_dirs())`` (``load`` named at the
    call, so a test may replace it)."""

    __slots__ = ("_last",)

    def __init__(self) -> None:
        self._last: tuple[tuple[str, ...], tuple[str, ...], T] | None = None

    def get(self, key: tuple[str, ...], load: Callable[..., T]) -> T:
        dirs, last = data_dirs(), self._last
        if last is not None and last[1] is dirs and last[0] == key:
            return last[2]
        value = load(*key, dirs)
        self._last = (key, dirs, value)
        return value


def load_toml(*parts: str) -> dict[str, Any]:
    """One data file: the packaged one, merged with same-named files in the user data folders."""
    return _load_toml(parts, data_dirs())


def _parse(text: str, where: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CorroborateError(E.E202, where, reason=str(exc)) from exc


@lru_cache(maxsize=128)
def _load_toml(parts: tuple[str, ...], user_dirs: tuple[str, ...]) -> dict[str, Any]:
    resource = resources.files("corroborate").joinpath("/".join(parts))
    data: dict[str, Any] = {}
    if resource.is_file():
        data = _parse(resource.read_text("utf-8"), data_path(*parts))
    for folder in user_dirs:
        path = Path(folder).joinpath(*parts)
        if path.is_file():
            data = merge_data(data, _parse(path.read_text("utf-8"), str(path)))
    return data


def merge_data(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """Later data overrides earlier data by key; tables merge, lists of words extend."""
    merged = dict(base)
    for key, value in over.items():
        old = merged.get(key)
        if isinstance(old, dict) and isinstance(value, dict):
            merged[key] = merge_data(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            merged[key] = old + [v for v in value if v not in old]
        else:
            merged[key] = value
    return merged


def validated(model: type[M], raw: Any, where: str) -> M:
    """Validate raw data against a schema; the first problem becomes one E202 line."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(p) for p in first["loc"]) or "(top)"
        raise CorroborateError(E.E202, where, reason=f"{key}: {first['msg']}") from exc


class _SentenceRules(BaseModel):
    model_config = ConfigDict(extra="forbid")
    abbreviations: list[str] = []
    reference_lines: list[str] = []


class SentenceRules(BaseModel):
    """What the text stage needs of a language: abbreviations and reference-line patterns."""

    model_config = ConfigDict(frozen=True)
    abbreviations: frozenset[str]
    reference_line: str | None


def load_sentence_rules(lang: str) -> SentenceRules:
    """Abbreviations after which a period does not end a sentence, and reference lines."""
    return _sentence_rules(lang, data_dirs())


@lru_cache(maxsize=8)
def _sentence_rules(lang: str, _dirs: tuple[str, ...]) -> SentenceRules:
    abbreviations: set[str] = set()
    patterns: list[str] = []
    for folder in ("base", lang):
        raw = load_toml("lang", folder, "sentences.toml")
        where = data_path("lang", folder, "sentences.toml")
        rules = validated(_SentenceRules, raw, where)
        abbreviations.update(rules.abbreviations)
        for pattern in rules.reference_lines:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise CorroborateError(E.E202, where,
                                       reason=f"reference_lines: {pattern!r}: {exc}") from exc
            patterns.append(pattern)
    return SentenceRules(abbreviations=frozenset(abbreviations),
                         reference_line="|".join(f"(?:{p})" for p in patterns) or None)
