"""Settings: defaults.toml, overridden by CORROBORATE_* environment variables, then by CLI flags."""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from importlib import resources

from pydantic import BaseModel, ValidationError

from corroborate.errors import CorroborateError, E
from corroborate.langdata import load_toml

__all__ = ["Settings", "load_settings", "place_events"]


class Settings(BaseModel, extra="forbid"):
    db: str
    max_bytes: int
    url_timeout: float
    progress_threshold: int
    about_tolerance: float
    event_window_years: int
    period_overlap: float
    event_windows: dict[str, float]
    place_events: list[str]
    state_measures: list[str]
    state_window_days: float
    nested_measures: list[str]


def place_events(lang: str = "en") -> list[str]:
    """The event types told apart by their place: those whose place list the extractor reads
    (``lists_places`` in lang/<lang>/events.toml: a place changing hands)."""
    events = load_toml("lang", lang, "events.toml").get("events", {})
    return [name for name, event in events.items()
            if isinstance(event, dict) and event.get("lists_places")]


@lru_cache(maxsize=1)
def load_settings() -> Settings:
    """Defaults from the packaged defaults.toml, with CORROBORATE_<NAME> environment overrides."""
    raw = tomllib.loads(resources.files("corroborate").joinpath("defaults.toml").read_text("utf-8"))
    raw.setdefault("place_events", place_events())
    for name in Settings.model_fields:
        env = os.environ.get(f"CORROBORATE_{name.upper()}")
        if env is not None and not isinstance(raw.get(name), (dict, list)):
            raw[name] = env
    try:
        return Settings.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise CorroborateError(E.E202, "settings", reason=f"{where}: {first['msg']}") from exc
