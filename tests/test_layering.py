"""Data flows one way: no stage imports a later stage (imports read with ast, lazy ones included)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "corroborate"

BASE = ["model", "errors", "settings", "langdata"]  # shared by every stage
STAGES = ["documents", "text", "extract", "align", "store", "export", "evaluate", "pipeline",
          "scale", "api", "web", "cli"]
# The package's own __init__ (its public API) and ``python -m corroborate`` sit above every stage.
TOP = {"__init__", "__main__"}


def rank(part: str) -> int:
    """0 for base modules, 1.. for the stages in data-flow order."""
    return 0 if part in BASE else 1 + STAGES.index(part)


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def dotted(path: Path) -> list[str]:
    """src/corroborate/text/tables.py -> ['text', 'tables']; a package's __init__ -> the package."""
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" and len(parts) > 1 else parts


def imported(source: str, package: list[str]) -> set[str]:
    """The first part after ``corroborate.`` of every corroborate module the source imports.

    ``package`` is the module's package inside corroborate (for relative imports).
    """
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        targets: list[list[str]] = []
        if isinstance(node, ast.Import):
            targets = [alias.name.split(".") for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: ``from . import x`` is the module's own package
                anchor = ["corroborate", *package[: len(package) - node.level + 1]]
                module = anchor + (node.module.split(".") if node.module else [])
            else:
                module = (node.module or "").split(".")
            targets = [[*module, alias.name] if len(module) == 1 else module
                       for alias in node.names]
        found.update(t[1] for t in targets if t[0] == "corroborate" and len(t) > 1)
    return found


def test_every_module_belongs_to_a_stage() -> None:
    unknown = {dotted(p)[0] for p in modules()} - set(BASE) - set(STAGES) - TOP
    assert not unknown, (f"modules with no stage: {sorted(unknown)}; add them to STAGES or BASE "
                         "in tests/test_layering.py, in data-flow order")


@pytest.mark.parametrize("path", modules(), ids=lambda p: ".".join(dotted(p)))
def test_no_stage_imports_a_later_stage(path: Path) -> None:
    me = dotted(path)[0]
    if me in TOP:
        return
    package = list(path.relative_to(PACKAGE).parent.parts)
    uses = imported(path.read_text(encoding="utf-8"), package) - {me}
    later = sorted(other for other in uses
                   if other in TOP or (other in BASE + STAGES and rank(other) > rank(me)))
    assert not later, f"corroborate.{'.'.join(dotted(path))} ({me}) imports later {later}"


@pytest.mark.parametrize(("source", "package", "found"), [
    ("import corroborate.store.sqlite", ["text"], {"store"}),
    ("from corroborate import pipeline, errors", ["text"], {"pipeline", "errors"}),
    ("from corroborate.cli._app import app", ["text"], {"cli"}),
    ("def lazy():\n    from corroborate.align import align\n", ["text"], {"align"}),
    ("from . import tables\nfrom .normalize import normalize_text", ["text"], {"text"}),
    ("from ..store import open_store", ["documents"], {"store"}),
    ("from ..decode import decode_bytes", ["documents", "readers"], {"documents"}),
    ("from ...extract import numbers", ["documents", "readers"], {"extract"}),
    ("import json\nfrom pathlib import Path", ["text"], set()),
])
def test_the_checker_sees_every_form_of_import(source: str, package: list[str],
                                               found: set[str]) -> None:
    assert imported(source, package) == found


def test_the_checker_would_catch_a_violation() -> None:
    text_importing_store = imported("from corroborate.store import open_store", ["text"])
    assert any(rank(other) > rank("text") for other in text_importing_store)
    assert rank("model") < rank("documents") < rank("text") < rank("extract") < rank("cli")
