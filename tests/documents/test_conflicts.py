"""Which conflict a document is about: inferred from the names, places and years it mentions
(gazetteers/conflicts.toml), given names made canonical, a user's data file adding a conflict."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.documents.conflicts import canonical_conflict, infer_conflict, known_conflicts
from corroborate.errors import CorroborateError
from corroborate.langdata import DATA_ENV


@pytest.mark.parametrize(("text", "conflict"), [
    ("On 2 April 1982 Argentine forces landed on the Falkland Islands; the British retook "
     "Port Stanley on 14 June.", "Falklands War (1982)"),
    ("La Guerra de las Malvinas dejó 649 muertos argentinos en las Islas Malvinas.",
     "Falklands War (1982)"),
    ("The HLC lists 13,535 people killed or missing in Kosova; in Reçak 45 Albanians were "
     "killed on 15 January 1999.", "Kosovo War (1998–1999)"),
    ("During the 44-day war of 2020, Azerbaijan retook Shusha and Hadrut.",
     "Nagorno-Karabakh conflict"),
    ("The damage to Azerbaijan as a result of the Armenian - Azerbaijani conflict was large.",
     "Nagorno-Karabakh conflict"),
    ("Since the Russo–Ukrainian war began, shelling of Kharkiv has killed hundreds.",
     "Russo-Ukrainian War (2014–present)"),
    ("Fighting in Khartoum and El Fasher displaced 8 million people in 2023.",
     "Sudanese civil war (2023–present)"),
    ("Over 700,000 Rohingya fled Rakhine State for Cox's Bazar in 2017.",
     "Rohingya crisis (2016–present)"),
])
def test_a_text_names_its_conflict(text: str, conflict: str) -> None:
    assert infer_conflict(text) == conflict


@pytest.mark.parametrize("text", [
    "Some 3,000 people were killed in 1982 and 1999.",  # years alone name no conflict
    "The ministry said 40 soldiers died near the border.",  # nothing at all
    "Reporters who covered the Falklands later went to Kosovo.",  # one place each: a tie
])
def test_no_conflict_is_guessed(text: str) -> None:
    assert infer_conflict(text) is None


def test_names_weigh_more_than_places() -> None:
    text = "Veterans of the Falklands War met in Pristina and Prizren."  # one name, two places
    assert infer_conflict(text) == "Falklands War (1982)"


@pytest.mark.parametrize(("given", "canonical"), [
    ("Malvinas War", "Falklands War (1982)"),
    ("guerra de las malvinas", "Falklands War (1982)"),
    ("Falklands War (1982)", "Falklands War (1982)"),
    ("Second Nagorno–Karabakh War", "Nagorno-Karabakh conflict"),
    ("  Kosovo   war ", "Kosovo War (1998–1999)"),
    ("Chaco War", "Chaco War"),  # not known: kept as given
])
def test_a_given_conflict_takes_its_canonical_name(given: str, canonical: str) -> None:
    assert canonical_conflict(given) == canonical


def test_a_dozen_conflicts_beyond_the_examples_are_known() -> None:
    known = known_conflicts()
    assert len(known) >= 15
    assert {"Tigray War (2020–2022)", "Bosnian War (1992–1995)", "Gaza war (2023–present)",
            "War in Afghanistan (2001–2021)", "Iraq War (2003–2011)"} <= set(known)
    assert known["Falklands War (1982)"].start == known["Falklands War (1982)"].end == 1982
    assert known["Gaza war (2023–present)"].end is None


def test_a_data_file_adds_a_conflict(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "The Chaco War between Bolivia and Paraguay killed about 90,000 soldiers at Boquerón."
    assert infer_conflict(text) is None
    (tmp_path / "gazetteers").mkdir()
    (tmp_path / "gazetteers" / "conflicts.toml").write_text(
        '[conflicts."Chaco War (1932–1935)"]\nstart = 1932\nend = 1935\n'
        'names = ["Chaco War", "Guerra del Chaco"]\nplaces = ["Boquerón", "Gran Chaco"]\n',
        encoding="utf-8")
    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    assert infer_conflict(text) == "Chaco War (1932–1935)"
    assert canonical_conflict("guerra del chaco") == "Chaco War (1932–1935)"


def test_a_malformed_conflicts_file_is_one_line(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "gazetteers").mkdir()
    (tmp_path / "gazetteers" / "conflicts.toml").write_text(
        '[conflicts."Chaco War"]\nstart = 1932\nnames = ["Chaco War"]\nplace = ["Boquerón"]\n',
        encoding="utf-8")
    monkeypatch.setenv(DATA_ENV, str(tmp_path))
    with pytest.raises(CorroborateError) as raised:
        infer_conflict("anything")
    assert raised.value.line().endswith(
        "gazetteers/conflicts.toml: invalid data file: conflicts.Chaco War.place: "
        "Extra inputs are not permitted")
