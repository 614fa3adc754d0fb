"""The web page end to end in headless chromium over the bundled Karabakh example: a dispute with both
sources' highlighted words, the map's districts changing colour across a capture date, the claims
filter, and a document opened at a claim."""

from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import Watched

# the map's colours (src/corroborate/web/static/js/views/map.js STATE_COLOURS)
UNKNOWN = "#b3b3b3"
CAPTURED = "#c0392b"
OCCUPATION_IN_FIGURES = "azerbaijan-occupation-in-figures"
WIKIPEDIA_CONFLICT = "wikipedia-nagorno-karabakh-conflict"


def _get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


def test_a_dispute_shows_each_source_with_its_figure_marked(page: Watched, screenshots: Path) -> None:
    # Kalbajar's area: "3054 km2" in the government's page, "1,936" in Wikipedia's table
    page.open("disputes?measure=area")
    dispute = page.page.locator("[data-testid=dispute]").filter(
        has=page.page.locator("h3", has_text="Kalbajar"))
    assert dispute.count() == 1
    sources = dispute.locator("[data-testid=dispute-source]")
    assert sorted(sources.evaluate_all("nodes => nodes.map(n => n.dataset.source)")) == [
        OCCUPATION_IN_FIGURES, WIKIPEDIA_CONFLICT]
    government = sources.filter(has=page.page.locator("h4", has_text=OCCUPATION_IN_FIGURES))
    wikipedia = sources.filter(has=page.page.locator("h4", has_text=WIKIPEDIA_CONFLICT))
    assert government.locator("[data-testid=claim-words] mark").all_text_contents() == ["3054 km2"]
    assert wikipedia.locator("[data-testid=claim-words] mark").all_text_contents() == ["1,936"]
    # the words around the figure are the evidence, the mark is inside them
    assert "3054 km2" in government.locator("[data-testid=claim-words]").inner_text()
    assert dispute.locator("[data-testid=why]").inner_text().strip() != ""
    # two exact values: two ticks on the chart
    chart = dispute.locator("[data-testid=interval-chart] [data-testid=interval]")
    assert chart.evaluate_all("nodes => nodes.map(n => n.dataset.bound)") == ["exact", "exact"]
    dispute.screenshot(path=str(screenshots / "dispute-kalbajar-area.png"))


def _district(page: Watched, name: str) -> dict[str, str]:
    return page.page.locator(f"[data-testid='district-{name}']").evaluate(
        "node => ({state: node.dataset.state, fill: node.getAttribute('fill')})")


def test_the_map_slider_recolours_a_district_across_its_capture_date(page: Watched,
                                                                     screenshots: Path) -> None:
    # the government's page: Kalbajar captured on 2 April 1993
    page.open(f"map?source={OCCUPATION_IN_FIGURES}&date=1993-03")
    slider = page.page.locator("[data-testid=map-slider]")
    assert page.page.locator("[data-testid=map-date]").inner_text() == "1993-03-31"
    assert _district(page, "Kalbajar") == {"state": "unknown", "fill": UNKNOWN}
    page.page.screenshot(path=str(screenshots / "map-1993-03.png"))
    slider.focus()
    page.page.keyboard.press("ArrowRight")  # one month on
    page.page.wait_for_function(
        "() => document.querySelector(\"[data-testid='map-date']\").textContent === '1993-04-30'")
    page.wait_ready()
    assert _district(page, "Kalbajar") == {"state": "captured", "fill": CAPTURED}
    page.page.screenshot(path=str(screenshots / "map-1993-04.png"))
    # the district is on top where it is drawn: a click on it opens its popup with links to its claims
    page.page.locator("[data-testid='district-Kalbajar']").click()
    popup = page.page.locator("[data-testid=map-popup][data-place=Kalbajar]")
    popup.wait_for()
    assert popup.locator("a[data-claim-id]").count() >= 2
    attribution = page.page.locator(".leaflet-control-attribution").inner_text()
    assert "GeoNames" in attribution
    assert "CC BY-SA" in attribution


def test_the_claims_filter_and_paging(page: Watched, screenshots: Path) -> None:
    page.open("claims")
    rows = page.page.locator("[data-testid=claim-row]")
    assert rows.count() == 50  # the first page
    page.page.locator("[data-testid=more]").click()
    page.page.wait_for_function("() => document.querySelectorAll('[data-testid=claim-row]').length > 50")
    page.page.locator("[data-testid=filter-measure]").fill("area")
    page.page.locator("[data-testid=filter-place]").fill("Kalbajar")
    page.page.locator("[data-testid=filter-apply]").click()
    page.page.wait_for_function("() => document.querySelectorAll('[data-testid=claim-row]').length < 50")
    page.wait_ready()
    values = rows.evaluate_all("""rows => rows.map(r => [r.dataset.source,
        r.querySelector('[data-field=what]').textContent, r.querySelector('[data-field=place]').textContent,
        r.querySelector('[data-field=value]').textContent])""")
    assert [OCCUPATION_IN_FIGURES, "area", "Kalbajar", "3,054 km2"] in values
    assert [WIKIPEDIA_CONFLICT, "area", "Kalbajar", "1,936 km2"] in values
    assert {tuple(v[1:3]) for v in values} == {("area", "Kalbajar")}
    assert re.search(r"measure=area", page.page.url)
    page.page.screenshot(path=str(screenshots / "claims-area-kalbajar.png"))


def test_a_document_opens_at_its_claim(page: Watched, screenshots: Path) -> None:
    # Wikipedia's "between 50 and 215 square kilometers" of Armenia, far down its text: the page
    # must scroll to it (a short window makes sure it starts out of sight)
    page.page.set_viewport_size({"width": 1000, "height": 480})
    filters = f"source={WIKIPEDIA_CONFLICT}&measure=area&place=Armenia"
    claim = _get_json(f"{page.base}/api/claims?{filters}")["items"][0]
    assert claim["figure"]["text"] == "50 and 215 square kilometers"
    page.open(f"claims?{filters}")
    row = page.page.locator(f"[data-testid=claim-row][data-claim-id='{claim['id']}']")
    row.locator("[data-testid=claim-link]").click()
    page.page.wait_for_selector("[data-testid=claim-panel][data-ready='true']")
    selected = page.page.locator("[data-testid=selected-claim]")
    assert selected.get_attribute("data-claim-id") == claim["id"]
    assert selected.inner_text() == "50 and 215 square kilometers"
    assert page.page.evaluate("window.scrollY") > 0
    assert selected.evaluate("n => { const r = n.getBoundingClientRect();"
                             " return r.top >= 0 && r.bottom <= window.innerHeight; }")
    panel = page.page.locator("[data-testid=claim-panel]")
    assert panel.get_attribute("data-claim-id") == claim["id"]
    assert panel.locator("[data-field=measure]").inner_text() == "area"
    assert panel.locator("[data-field=value]").inner_text() == "50–215 km2"
    assert panel.locator("[data-field=place]").inner_text().startswith("Armenia")
    # its fact: the gold dispute with Kiddle's "about 41 square kilometres"
    facts = panel.locator("[data-testid=claim-facts] a")
    assert facts.count() == 1
    assert facts.inner_text().startswith("disagree: area · Armenia")
    assert f"claim={claim['id']}" in page.page.url
    page.page.screenshot(path=str(screenshots / "document-at-claim.png"))


@pytest.mark.parametrize(("route", "shown"), [
    ("overview", "[data-testid=largest-dispute]"),
    ("disputes", "[data-testid=dispute] [data-testid=interval-chart]"),
    ("timeline", "[data-testid=timeline-event]"),
    ("map", "[data-testid=district-Lachin][data-state=captured]"),
    ("names", "[data-testid=name-row][data-entity=Kalbajar].differs"),
    ("search?q=Lachin", "[data-testid=search-hit] mark"),
    ("document/1?at=0&len=10", "[data-testid=hit]"),
])
def test_every_view_renders_without_errors(page: Watched, screenshots: Path, route: str, shown: str) -> None:
    page.open(route)
    assert page.page.locator(shown).count() > 0
    assert page.page.locator(".message.error").count() == 0
    name = route.split("?")[0].replace("/", "-")
    page.page.screenshot(path=str(screenshots / f"view-{name}.png"), full_page=True)


def test_the_timeline_draws_a_year_as_a_span_and_a_day_as_a_dot(page: Watched, screenshots: Path) -> None:
    # the government's page: Nagorno-Karabakh "occupied over 1988-1992" (dated 1988), Shusha on 8 May 1992
    page.open("timeline")
    lane = page.page.locator(f"[data-testid=timeline-lane][data-source={OCCUPATION_IN_FIGURES}]")
    year = lane.locator("[data-testid=timeline-event][data-date='1988']")
    day = lane.locator("[data-testid=timeline-event][data-date='1992-05-08']")
    assert year.locator("rect.span").count() == 1
    assert day.locator("circle").count() == 1
    # a year's twelve months of the axis (some forty years wide) are wider than a day's dot
    width = year.locator("rect.span").evaluate("node => node.getBBox().width")
    assert width > day.locator("circle").evaluate("node => node.getBBox().width")
    page.page.screenshot(path=str(screenshots / "timeline.png"))
    day.click()
    page.wait_ready()
    assert page.page.locator("[data-testid=selected-claim]").inner_text() == "Shusha: occupied May 8, 1992"
