"""The engine holds no words of a language (design/style.md point 1): no word of lang/en's lists
(triggers, nouns, groups, people nouns, unit spellings, number and bound words, fillers, ...) is a
string literal in ``extract/*.py``. A word the engine needs is a data key or a flag in the data."""

from __future__ import annotations

import ast
import tomllib
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

import corroborate
from corroborate.extract import data

PACKAGE = Path(corroborate.__file__).parent
ENGINE = sorted((PACKAGE / "extract").glob("*.py"))
# patterns, not words; names.toml's capitalised common words ("March", "Found") are the
# gazetteer's, and as ordinary words ("name", "town") they are also the data's identifiers
NOT_WORD_LISTS = {"exclusions.toml", "names.toml"}


def _words(value: object, found: set[str]) -> None:
    if isinstance(value, dict):
        for key, sub in value.items():
            if isinstance(sub, (int, float)) or (isinstance(sub, list) and sub and
                                                 not isinstance(sub[0], str)):
                found.add(key.lower())  # a word mapped to a number ("hundred", "dozens")
            _words(sub, found)
    elif isinstance(value, list) and all(isinstance(item, str) for item in value):
        found.update(item.lower() for item in value)  # a word list (not [24, 108, "about"])


def _language_words() -> set[str]:
    found: set[str] = set()
    for path in sorted((PACKAGE / "lang" / "en").glob("*.toml")):
        if path.name not in NOT_WORD_LISTS:
            _words(tomllib.loads(path.read_text(encoding="utf-8")), found)
    return {w.strip() for w in found if sum(c.isalpha() for c in w) >= 2}


def _literal_values(annotation: object) -> set[str]:
    if typing.get_origin(annotation) is typing.Literal:
        return {a for a in typing.get_args(annotation) if isinstance(a, str)}
    return {v for a in typing.get_args(annotation) for v in _literal_values(a)}


def _data_keys() -> set[str]:
    """Identifiers the engine may name: the data files' keys ("people" of an actor), the values
    their schemas allow ("side" or "place" of a possessor, "week" of a period) and the kinds of
    the gazetteers' places ("town", "country")."""
    models = [m for m in vars(data).values()
              if isinstance(m, type) and issubclass(m, BaseModel) and m is not BaseModel]
    keys = {name for m in models for name in m.model_fields}
    keys |= {v for m in models for f in m.model_fields.values()
             for v in _literal_values(f.annotation)}
    keys |= {place.kind for place in data.load_gazetteer().places.values()}
    return keys | {"country", "town"}  # the world gazetteer's kinds


_NAMING_CALLS = {"group", "start", "end", "span", "get"}  # a regex group's or a record's field


def _names(tree: ast.AST) -> set[int]:
    """Literals that name a record field, a regex group or a slot: ``row["population"]``,
    ``match.group("counted")``, ``__slots__ = ("found",)``."""
    named: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript):
            named.add(id(node.slice))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                node.func.attr in _NAMING_CALLS and node.args:
            named.add(id(node.args[0]))
        elif isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "__slots__" for t in node.targets):
            named.update(id(e) for e in ast.walk(node.value))
    return named


def _literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef,
                                       ast.AsyncFunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)}
    skip = docstrings | _names(tree)
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and id(node) not in skip]


def test_the_language_data_has_words_to_look_for() -> None:
    words = _language_words()
    assert {"killed", "soldiers", "civilians", "hundred", "district", "of"} <= words


@pytest.mark.parametrize("path", ENGINE, ids=lambda p: p.name)
def test_no_language_word_is_a_literal_of_the_engine(path: Path) -> None:
    words = _language_words() - _data_keys()
    found = [(line, literal) for line, literal in _literals(path)
             if literal.strip().lower() in words]
    assert not found, f"{path.name}: words of lang/en as literals (move them to the data): {found}"
