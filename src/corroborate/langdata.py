"""Language and gazetteer data files: loaded once, validated against a schema, cached.

Data lives in ``lang/base`` (shared by every language), ``lang/<code>`` (overrides the base by key)
and ``gazetteers/``. A malformed file is reported with its path, key and reason (E202).
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from corroborate.errors import E, CorroborateError

__all__ = ["data_path", "load_sentence_rules", "load_toml", "validated"]

M = TypeVar("M", bound=BaseModel)


def data_path(*parts: str) -> str:
    """A packaged data file's path, for messages."""
    return str(resources.files("corroborate").joinpath("/".join(parts)))


@lru_cache(maxsize=64)
def load_toml(*parts: str) -> dict[str, Any]:
    """One packaged TOML file, or {} if it does not exist; malformed TOML is E202."""
    resource = resources.files("corroborate").joinpath("/".join(parts))
    if not resource.is_file():
        return {}
    try:
        return tomllib.loads(resource.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise CorroborateError(E.E202, data_path(*parts), reason=str(exc)) from exc


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


@lru_cache(maxsize=8)
def load_sentence_rules(lang: str) -> frozenset[str]:
    """Abbreviations after which a period does not end a sentence."""
    merged: set[str] = set()
    for folder in ("base", lang):
        raw = load_toml("lang", folder, "sentences.toml")
        rules = validated(_SentenceRules, raw, data_path("lang", folder, "sentences.toml"))
        merged.update(rules.abbreviations)
    return frozenset(merged)
