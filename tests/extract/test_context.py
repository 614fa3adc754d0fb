"""What a claim takes from around it: a section's time, and whose a country named once is."""

from __future__ import annotations

from corroborate.model import Claim
from tests.extract.helpers import claims_of

TITLE = "The damage to Azerbaijan as a result of the Armenian - Azerbaijani conflict"


def the_quantity(text: str, measure: str) -> Claim:
    [claim] = [c for c in claims_of(text) if c.kind == "quantity" and c.measure == measure]
    assert claim.value is not None
    return claim


def test_a_new_section_forgets_the_last_paragraphs_date() -> None:
    text = ("On 24 March 1992, the OSCE Minsk Group was formed to mediate the conflict.\n\n"
            f"{TITLE}\n\n"
            "20% territory of Azerbaijan has been occupied.\n")
    claim = the_quantity(text, "territory_share")
    assert claim.value is not None and claim.value.low == 20.0
    assert claim.time is None


def test_without_a_heading_the_paragraphs_date_carries_on() -> None:
    # the near miss of the test above: no section break, so the date still applies
    text = ("On 24 March 1992, the OSCE Minsk Group was formed to mediate the conflict.\n\n"
            "20% territory of Azerbaijan has been occupied.\n")
    claim = the_quantity(text, "territory_share")
    assert claim.time is not None and claim.time.start == "1992-03-24"


def test_a_heading_naming_one_year_dates_its_section() -> None:
    text = "The 2020 war\n\nOfficial figures say the Armenian side lost 3,825 troops.\n"
    claim = the_quantity(text, "killed")
    assert claim.value is not None
    assert (claim.value.low, claim.value.high, claim.value.bound) == (3825.0, 3825.0, "exact")
    assert (claim.side, claim.group) == ("Armenia", "soldiers")
    assert claim.time is not None and (claim.time.start, claim.time.end) == ("2020", "2020")


def test_counted_citizens_of_a_country_are_its_sides_people_not_civilians() -> None:
    text = "The State Commission registered 4049 missing citizens of the Republic of Azerbaijan.\n"
    claim = the_quantity(text, "missing")
    assert claim.value is not None
    assert (claim.value.low, claim.value.bound) == (4049.0, "exact")
    assert (claim.side, claim.place, claim.group) == ("Azerbaijan", None, None)


def test_a_share_of_a_countrys_territory_is_the_places() -> None:
    text = ("Armenian forces also held approximately 9% of Azerbaijan's territory outside the "
            "enclave.\n")
    claim = the_quantity(text, "territory_share")
    assert claim.value is not None
    assert (claim.value.low, claim.value.bound, claim.unit) == (9.0, "about", "percent")
    assert (claim.place, claim.side) == ("Azerbaijan", None)


def test_a_single_citizen_killed_is_a_civilian() -> None:
    text = "During the shelling of Barda, a 13-year-old Russian citizen was killed.\n"
    claim = the_quantity(text, "killed")
    assert claim.value is not None and claim.value.low == 1.0
    assert (claim.side, claim.group) == ("Russia", "civilians")
