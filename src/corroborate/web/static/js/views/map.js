// Map: the shipped basemap (no tiles, no other host) with the places claims name; a source and a
// month slider colour each district by who held it then, as that source tells it (GET /api/control).

import {get, getOnce} from "../api.js";
import {documentHref, el, num, svg, token} from "../dom.js";
import {conflictSelect} from "../controls.js";
import {replaceRoute} from "../route.js";

export const STATE_COLOURS = {
  captured: "#c0392b",
  returned: "#2471a3",
  unknown: "#b3b3b3",
  none: "#efe9dc",  // a district the source tells nothing about
};
const STATE_WORDS = {
  captured: "captured (held by the capturing side)",
  returned: "returned",
  unknown: "not yet told (its first event comes later)",
  none: "no capture or return told by this source",
};
const POINT_COLOUR = "#f1c40f";  // a place drawn as a point, about which the source tells no capture
const FIRST_YEAR = 1988;

/** The slider's month steps: index 0 is January 1988, the last is this month. */
function monthCount(today) {
  return (today.getUTCFullYear() - FIRST_YEAR) * 12 + today.getUTCMonth() + 1;
}

/** Slider index -> the month's last day, "YYYY-MM-DD" (the month's events count by then). */
export function monthEnd(index) {
  const year = FIRST_YEAR + Math.floor(index / 12);
  const month = index % 12;
  return new Date(Date.UTC(year, month + 1, 0)).toISOString().slice(0, 10);
}

function monthIndex(date) {
  const match = /^(\d{4})-(\d{2})/.exec(date || "");
  return match ? (Number(match[1]) - FIRST_YEAR) * 12 + Number(match[2]) - 1 : null;
}

/** Attribution lines are data: escaped before Leaflet's attribution control writes them as HTML. */
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function legend() {
  return el("ul", {class: "legend", "data-testid": "map-legend"}, Object.keys(STATE_COLOURS).map((state) =>
    el("li", {"data-state": state}, svg("svg", {class: "swatch", viewBox: "0 0 14 14"},
      svg("rect", {width: 14, height: 14, fill: STATE_COLOURS[state], stroke: "#555"})), ` ${STATE_WORDS[state]}`)));
}

/** A popup's content: the place, its counts and links to its claims (their words fetched on open). */
function popupContent(properties) {
  const refs = properties.claim_refs || [];
  const list = el("ul", {class: "popup-claims"}, refs.map(([documentId, claimId]) => el("li", {},
    el("a", {href: documentHref(documentId, claimId), "data-claim-id": claimId, "data-document-id": documentId},
      claimId))));
  const measures = Object.entries(properties.measures || {}).map(([m, n]) => `${m} ${n}`).join(", ");
  return el("div", {class: "popup", "data-testid": "map-popup", "data-place": properties.name},
    el("strong", {}, properties.name), el("span", {class: "kind"}, ` ${properties.kind || ""}`),
    properties.country ? el("span", {}, ` (${properties.country})`) : null,
    el("p", {}, `${num(properties.claims || 0)} claims${measures ? `: ${measures}` : ""}`),
    refs.length ? list : null,
    (properties.claims || 0) > refs.length
      ? el("a", {href: `#/claims?place=${encodeURIComponent(properties.name)}`}, "all its claims") : null);
}

async function fillPopupClaims(content) {
  for (const link of content.querySelectorAll("a[data-claim-id]")) {
    if (link.dataset.filled) continue;
    link.dataset.filled = "true";
    try {
      const claim = await get(`/claims/${encodeURIComponent(link.dataset.documentId)}/${encodeURIComponent(link.dataset.claimId)}`);
      const what = claim.kind === "event" ? `${claim.event_type} ${claim.date || ""}` : claim.measure;
      link.textContent = `${claim.source}: ${what}`;
      link.title = claim.evidence ? claim.evidence.text : "";
    } catch {
      // the link still leads to the claim
    }
  }
}

export async function render(root, route) {
  const L = window.L;
  if (!L) throw new Error("the map library did not load");
  const conflict = route.params.get("conflict") || "";
  const [basemap, places, controlSources] = await Promise.all([
    getOnce("/basemap.geojson"), get("/places.geojson", {conflict}), get("/control/sources", {conflict})]);

  const sourceSelect = el("select", {id: "map-source", "data-testid": "map-source"},
    controlSources.items.map((s) => el("option", {value: s.source},
      `${s.source} (${s.events} events, ${s.first || "?"}–${s.last || "?"})`)));
  const wanted = route.params.get("source");
  if (wanted && controlSources.items.some((s) => s.source === wanted)) sourceSelect.value = wanted;
  const count = monthCount(new Date());
  const startIndex = monthIndex(route.params.get("date")) ?? count - 1;
  const slider = el("input", {id: "map-slider", type: "range", min: 0, max: count - 1, step: 1,
    value: Math.min(Math.max(startIndex, 0), count - 1), "data-testid": "map-slider",
    "aria-label": "month shown"});
  const dateShown = el("output", {for: "map-slider", "data-testid": "map-date", class: "map-date"});
  const status = el("span", {class: "status", "data-testid": "map-status"});
  const mapBox = el("div", {id: "map", class: "map", "data-testid": "map"});
  root.append(el("h2", {}, "Map"),
    el("form", {class: "filters map-controls", onsubmit: (e) => e.preventDefault()},
      await conflictSelect(conflict, (value) => {
        location.hash = `#/map${value ? `?conflict=${encodeURIComponent(value)}` : ""}`;
      }),
      el("label", {class: "control", for: "map-source"}, "Source ", sourceSelect),
      el("label", {class: "control slider", for: "map-slider"}, "Month ", slider), dateShown, status),
    mapBox, legend());
  if (!controlSources.items.length) {
    sourceSelect.disabled = true;
    slider.disabled = true;
    status.textContent = "No source tells of captures or returns at places.";
  }

  const map = L.map(mapBox, {attributionControl: false, zoomSnap: 0.25, worldCopyJump: false});
  const attribution = L.control.attribution({prefix: "Leaflet"}).addTo(map);
  const lines = [...new Set([...(basemap.attribution || []), ...(places.attribution || [])])];
  for (const line of lines) attribution.addAttribution(escapeHtml(line));

  // districts: the basemap's, merged by name with the places layer's counts and claim refs
  const placeByName = new Map(places.features.map((f) => [f.properties.name, f]));
  const districtLayers = new Map();
  // countries under everything: a click opens the claims placed in the country as a whole
  L.geoJSON(basemap, {
    filter: (f) => f.properties.kind !== "district",
    style: () => ({className: "country", color: "#9a9a9a", weight: 1, fillColor: "#f7f5f0", fillOpacity: 1}),
    onEachFeature: (feature, layer) => {
      const known = placeByName.get(feature.properties.name);
      if (known) layer.bindPopup(() => popupContent({...feature.properties, ...known.properties}));
    },
  }).addTo(map);
  const districtFeatures = basemap.features.filter((f) => f.properties.kind === "district");
  const basemapNames = new Set(basemap.features.map((f) => f.properties.name));
  for (const feature of places.features) {
    const polygon = feature.geometry && /Polygon/.test(feature.geometry.type);
    if (polygon && feature.properties.kind !== "country" && !basemapNames.has(feature.properties.name)) {
      districtFeatures.push(feature);
    }
  }
  const districts = L.geoJSON({type: "FeatureCollection", features: districtFeatures}, {
    style: () => ({className: "district", color: "#555", weight: 1, fillColor: STATE_COLOURS.none, fillOpacity: 0.85}),
    onEachFeature: (feature, layer) => {
      const name = feature.properties.name;
      districtLayers.set(name, layer);
      const known = placeByName.get(name);
      layer.bindPopup(() => popupContent({...feature.properties, ...(known ? known.properties : {claims: 0})}));
      layer.bindTooltip(name, {sticky: true});
    },
  }).addTo(map);
  const points = L.geoJSON({type: "FeatureCollection",
    features: places.features.filter((f) => f.geometry && f.geometry.type === "Point")}, {
    pointToLayer: (feature, latlng) => L.circleMarker(latlng, {className: "place-point", radius: 4 +
      Math.min(8, Math.sqrt(feature.properties.claims || 1)), color: "#222", weight: 1, fillColor: POINT_COLOUR,
    fillOpacity: 0.9}),
    onEachFeature: (feature, layer) => {
      layer.bindPopup(() => popupContent(feature.properties));
      layer.bindTooltip(feature.properties.name);
    },
  }).addTo(map);
  map.on("popupopen", (event) => fillPopupClaims(event.popup.getElement()));

  const focus = districts.getLayers().length ? districts : points.getLayers().length ? points : null;
  if (focus) map.fitBounds(focus.getBounds(), {padding: [20, 20]});
  else map.fitWorld();

  // stable test ids on the SVG paths Leaflet drew (it draws them once the map has a view)
  for (const [name, layer] of districtLayers) {
    const path = layer.getElement ? layer.getElement() : null;
    if (path) {
      path.setAttribute("data-testid", `district-${token(name)}`);
      path.setAttribute("data-place", name);
      path.setAttribute("data-state", "none");
    }
  }
  points.eachLayer((layer) => {
    const path = layer.getElement();
    if (path) path.setAttribute("data-testid", `place-${token(layer.feature.properties.name)}`);
  });

  let asked = 0;
  async function recolour() {
    const date = monthEnd(Number(slider.value));
    dateShown.textContent = date;
    slider.setAttribute("aria-valuetext", date);
    const source = sourceSelect.value;
    replaceRoute("map", [], {conflict, source, date: date.slice(0, 7)});
    if (!source) return;
    const mine = ++asked;
    root.dataset.ready = "";
    try {
      const control = await get("/control", {conflict, source, date});
      if (mine !== asked) return;  // the slider has moved on
      const states = new Map(control.places.map((p) => [p.place, p]));
      for (const [name, layer] of districtLayers) {
        const found = states.get(name);
        const state = found ? found.state : "none";
        layer.setStyle({fillColor: STATE_COLOURS[state] || STATE_COLOURS.none});
        const path = layer.getElement();
        if (path) path.setAttribute("data-state", state);
        layer.setTooltipContent(found && found.since ? `${name}: ${state}${found.holder ? `, held by ${found.holder}` : ""}`
          + ` since ${found.since}` : `${name}: ${STATE_WORDS[state]}`);
      }
      let pointed = 0;
      points.eachLayer((layer) => {
        const found = states.get(layer.feature.properties.name);
        const state = found ? found.state : null;
        if (found) pointed += 1;
        layer.setStyle({fillColor: state ? STATE_COLOURS[state] : POINT_COLOUR});
        const path = layer.getElement();
        if (path) path.setAttribute("data-state", state || "none");
      });
      const told = control.places.length;
      const drawn = control.places.filter((p) => districtLayers.has(p.place)).length;
      status.textContent = `${told} place${told === 1 ? "" : "s"} told: ${drawn} drawn as districts, `
        + `${pointed} as points`;
    } catch (error) {
      if (mine === asked) status.textContent = error.message;
    } finally {
      if (mine === asked) root.dataset.ready = "true";
    }
  }
  slider.addEventListener("input", recolour);
  sourceSelect.addEventListener("change", recolour);
  await recolour();
  return () => map.remove();
}
