"""The engine holds no words of a language (design/style.md point 1): no word of lang/en's lists
(triggers, nouns, groups, people nouns, unit spellings, number and bound words, fillers, ...) is a
string literal in ``extract/*.py``. A word the engine needs is a data key or a flag in the data."""

from __future__ import annotations

import ast
import re
import tomllib
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

import corroborate
from corroborate.extract import data
from tests.extract.helpers import quantities

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


_REGEX = re.compile(r"\(\?|\\[sdwb]|\[")  # a literal that is (part of) a pattern
_NOT_WORDS = re.compile(r"\(\?P[<=]\w+>?|\\[A-Za-z]")  # group names, escapes (\s, \d)


@pytest.mark.parametrize("path", ENGINE, ids=lambda p: p.name)
def test_no_language_word_is_inside_a_pattern_of_the_engine(path: Path) -> None:
    """"(?:the\\s+)?", "(?:st|nd|rd|th)?": a word inside a regex is a word too."""
    words = _language_words() - _data_keys()
    found = [(line, literal) for line, literal in _literals(path) if _REGEX.search(literal)
             and any(w.lower() in words
                     for w in re.findall(r"[A-Za-z]{2,}", _NOT_WORDS.sub(" ", literal)))]
    assert not found, f"{path.name}: words of lang/en inside patterns: {found}"


def _overlay_words() -> set[str]:
    """The overlay's own words: its actors' names (not short ones: "U.S. dollars" is a unit),
    adjectives and people words, its places' names."""
    actors = tomllib.loads((PACKAGE / "gazetteers" / "actors.toml").read_text(encoding="utf-8"))
    places = tomllib.loads((PACKAGE / "gazetteers" / "places.toml").read_text(encoding="utf-8"))
    words = {w for actor in actors["actors"].values()
             for w in (*actor.get("adjectives", []), *actor.get("people", []))}
    words |= {w for name, actor in actors["actors"].items()
              for w in (name, *actor["names"]) if len(w) > 4}
    words |= {w for name, place in places["places"].items() for w in (name, *place["aliases"])}
    return {w.lower() for w in words}


def test_the_language_data_names_no_conflict() -> None:
    """A conflict's peoples and places ("Azerbaijanis", "of Azerbaijan") are in the overlay
    gazetteer (actors.toml people_nouns, measure_triggers, event_triggers), not in lang/en."""
    overlay = _overlay_words()
    found = sorted({(word, name) for word in _language_words() for name in overlay
                    if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", word)})
    assert not found, found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In 1993, 250 thousand Azerbaijanis were killed.",
         [("killed", 250000, 250000, "exact")]),
        ("By 1994, 20% of Azerbaijan was occupied.", [("territory_share", 20, 20, "exact")]),
    ],
)
def test_the_overlay_words_still_count(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert [q[:4] for q in quantities(sentence)] == expected
