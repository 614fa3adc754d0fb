"""Language and gazetteer data: every shipped file validates, and data alone extends the engine."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corroborate.errors import CorroborateError
from corroborate.extract.data import load_gazetteer, load_lang
from corroborate.extract.numbers import find_figures, parse_number_words
from corroborate.extract.vocab import load_vocab
from corroborate.langdata import DATA_ENV
from tests.extract.helpers import claims_of, quantities


def test_every_shipped_language_and_gazetteer_loads() -> None:
    lang = load_lang("en")
    assert {"killed", "wounded", "missing", "captured", "displaced", "strength", "population",
            "area", "territory_share", "votes", "turnout", "money", "equipment"} == set(
        lang.measures.measures)
    assert {"capture", "return", "ceasefire", "resolution", "referendum"} <= set(
        lang.events.events)
    gazetteer = load_gazetteer()
    assert {"Stepanakert", "Shusha", "Nagorno-Karabakh", "Kalbajar"} <= set(gazetteer.places)
    assert {"Armenia", "Azerbaijan", "Artsakh"} <= set(gazetteer.actors)


def test_a_new_place_alias_needs_only_a_data_file(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    sentence = "Armenian forces captured Vararakn on 9 May 1992."
    assert [c.place for c in claims_of(sentence) if c.kind == "event"] == []
    (tmp_path / "gazetteers").mkdir()
    (tmp_path / "gazetteers" / "places.toml").write_text(
        '[places.Stepanakert]\nkind = "town"\naliases = ["Vararakn"]\n', encoding="utf-8")
    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    got = [(c.place, c.place_as_written) for c in claims_of(sentence) if c.kind == "event"]
    assert got == [("Stepanakert", "Vararakn")]


def test_a_new_unit_needs_only_a_data_file(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    sentence = "The district covers 30,000 desyatinas of farmland."
    assert quantities(sentence) == []
    (tmp_path / "lang" / "en").mkdir(parents=True)
    (tmp_path / "lang" / "en" / "units.toml").write_text(
        '[units.desyatina]\ncanonical = "km2"\nfactor = 0.010925\nafter = ["desyatinas"]\n',
        encoding="utf-8")
    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    assert quantities(sentence) == [("area", 328.0, 328.0, "exact", "km2", None, None)]


def test_a_new_trigger_word_needs_only_a_data_file(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    sentence = "In the village 14 soldiers were martyred."
    assert quantities(sentence) == []
    (tmp_path / "lang" / "en").mkdir(parents=True)
    (tmp_path / "lang" / "en" / "measures.toml").write_text(
        '[measures.killed]\ntriggers = ["martyred"]\n', encoding="utf-8")
    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    assert quantities(sentence) == [("killed", 14.0, 14.0, "exact", "people", None, "soldiers")]


def test_a_broken_data_file_is_one_clear_error(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "lang" / "en").mkdir(parents=True)
    (tmp_path / "lang" / "en" / "measures.toml").write_text(
        '[measures.killed]\ntrigers = ["martyred"]\n', encoding="utf-8")
    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    with pytest.raises(CorroborateError) as raised:
        load_lang("en")
    line = raised.value.line()
    assert line.startswith("Error [E202]") and "measures.toml" in line and "trigers" in line


def test_a_possessor_that_is_neither_side_nor_place_is_one_clear_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "lang" / "en").mkdir(parents=True)
    (tmp_path / "lang" / "en" / "measures.toml").write_text(
        '[measures.area]\npossessor = "owner"\n', encoding="utf-8")
    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    with pytest.raises(CorroborateError) as raised:
        load_lang("en")
    line = raised.value.line()
    assert line.startswith("Error [E202]") and "measures.toml" in line
    assert "measures.area.possessor" in line and "\n" not in line


@given(st.integers(min_value=0, max_value=10**9))
def test_digits_with_separators_round_trip(number: int) -> None:
    text = f"{number:,} soldiers"
    [figure] = find_figures(text)
    assert (figure.low, figure.high, figure.bound) == (number, number, "exact")
    assert text[figure.start:figure.end] == f"{number:,}"


@given(st.integers(min_value=1, max_value=99_998), st.integers(min_value=1, max_value=9_999))
def test_ranges_with_any_dash(low: int, extra: int) -> None:
    high = low + extra
    for dash in ("-", "–", "—", " to "):
        [figure] = find_figures(f"{low:,}{dash}{high:,} people")
        assert (figure.low, figure.high, figure.bound) == (low, high, "range")


_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _spell(n: int) -> str:
    if n < 20:
        return _WORDS[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _WORDS[n % 10] if n % 10 else "")
    rest = n % 100
    return _WORDS[n // 100] + " hundred" + (" and " + _spell(rest) if rest else "")


@given(st.integers(min_value=1, max_value=999))
def test_number_words(number: int) -> None:
    words = _spell(number)
    assert parse_number_words(words) == number
    [figure] = find_figures(f"{words} soldiers")
    assert figure.low == number


def test_a_new_measure_needs_only_a_data_file(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A measure's unit (lang/base/units.toml) says what its figures do: "items" are counted by
    their noun and take the side written before them, as equipment's do."""
    sentence = "In May 1993, Armenian forces fired 300 shells at the town."
    assert quantities(sentence) == []
    (tmp_path / "lang" / "en").mkdir(parents=True)
    (tmp_path / "lang" / "en" / "measures.toml").write_text(
        '[measures.shelling]\nunit = "items"\nnouns = ["shells"]\ntriggers = ["fired"]\n',
        encoding="utf-8")
    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    assert [q[:5] for q in quantities(sentence)] == [("shelling", 300.0, 300.0, "exact", "items")]


@pytest.mark.parametrize(
    ("folder", "name", "body", "reason"),
    [
        ("lang/en", "measures.toml", '[measures.killed]\nunit = "souls"\n',
         "measures.killed: unit 'souls' is not in units.toml"),
        ("gazetteers", "actors.toml", '[measure_triggers]\nkiled = ["slain"]\n',
         "measure_triggers.kiled: no such measure or event type"),
        ("gazetteers", "actors.toml", '[event_triggers]\ncaptur = ["seized"]\n',
         "event_triggers.captur: no such measure or event type"),
    ],
)
def test_a_name_the_data_does_not_know_is_one_clear_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, folder: str, name: str, body: str,
        reason: str) -> None:
    (tmp_path / folder).mkdir(parents=True)
    (tmp_path / folder / name).write_text(body, encoding="utf-8")
    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    with pytest.raises(CorroborateError) as raised:
        load_vocab("en")
    line = raised.value.line()
    assert line.startswith("Error [E202]") and name in line and reason in line
