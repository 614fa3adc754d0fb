// Claims: a filterable table with cursor paging; each row links to the document at the claim.

import {get, getOnce} from "../api.js";
import {documentHref, el, evidenceWords, timeText, valueText} from "../dom.js";
import {replaceRoute} from "../route.js";
import {EVENT_TYPES, MEASURES} from "../vocab.js";

const FILTERS = [
  // [parameter, label, input type, suggestions]
  ["q", "words", "search", null], ["measure", "measure", "text", MEASURES],
  ["event_type", "event type", "text", EVENT_TYPES], ["side", "side", "text", null],
  ["place", "place", "text", null], ["source", "source", "select", null],
  ["time_from", "from (YYYY[-MM[-DD]])", "text", null], ["time_to", "to", "text", null],
  ["conflict", "conflict", "text", null],
];

function input(name, label, type, suggestions, value, sources) {
  const id = `filter-${name}`;
  let field;
  if (type === "select") {
    field = el("select", {id, name, "data-testid": id},
      el("option", {value: ""}, "every source"),
      sources.map((s) => el("option", {value: s.slug, selected: s.slug === value}, s.slug)));
  } else {
    field = el("input", {id, name, type, value, "data-testid": id, autocomplete: "off",
      list: suggestions ? `${id}-list` : null, size: name.startsWith("time") ? 10 : 14});
  }
  return el("label", {class: "control", for: id}, `${label} `, field,
    suggestions ? el("datalist", {id: `${id}-list`}, suggestions.map((s) => el("option", {value: s}))) : null);
}

function row(claim) {
  const what = claim.kind === "event" ? claim.event_type : claim.measure;
  const value = claim.kind === "event" ? claim.date || "" : valueText(claim.value, claim.unit);
  return el("tr", {"data-testid": "claim-row", "data-claim-id": claim.id, "data-source": claim.source},
    el("td", {}, el("a", {href: documentHref(claim.document_id, claim.id), "data-testid": "claim-link"},
      claim.source)),
    el("td", {"data-field": "what"}, what || claim.kind),
    el("td", {"data-field": "value", class: "n"}, value),
    el("td", {"data-field": "side"}, claim.side || claim.actor || ""),
    el("td", {"data-field": "place"}, claim.place || ""),
    el("td", {"data-field": "time"}, timeText(claim.time)),
    el("td", {class: "words"}, evidenceWords(claim)));
}

export async function render(root, route) {
  const sources = (await getOnce("/sources")).items;
  const values = Object.fromEntries(FILTERS.map(([name]) => [name, route.params.get(name) || ""]));
  const form = el("form", {class: "filters", "data-testid": "claim-filters"},
    FILTERS.map(([name, label, type, suggestions]) => input(name, label, type, suggestions, values[name], sources)),
    el("button", {type: "submit", "data-testid": "filter-apply"}, "Filter"),
    el("button", {type: "reset", "data-testid": "filter-reset"}, "Clear"));
  const body = el("tbody", {"data-testid": "claim-rows"});
  const status = el("p", {class: "status", "data-testid": "claims-status"});
  const more = el("button", {type: "button", class: "more", "data-testid": "more", hidden: true}, "more");
  let cursor = null;
  let filters = values;
  let generation = 0;

  async function load(reset) {
    const mine = reset ? ++generation : generation;
    if (reset) cursor = null;
    root.dataset.ready = "";
    more.disabled = true;
    try {
      const page = await get("/claims", {...filters, limit: 50, cursor});
      if (mine !== generation) return;  // a newer filter has been applied meanwhile
      if (reset) body.replaceChildren();
      body.append(...page.items.map(row));
      cursor = page.next_cursor;
      more.hidden = !cursor;
      status.textContent = body.childElementCount
        ? `${body.childElementCount} claim${body.childElementCount === 1 ? "" : "s"}${cursor ? ", more to load" : ""}`
        : "No claim matches.";
      status.classList.remove("error");
    } catch (error) {
      if (mine !== generation) return;
      if (reset) body.replaceChildren();
      status.textContent = error.message;
      status.classList.add("error");
    } finally {
      more.disabled = false;
      if (mine === generation) root.dataset.ready = "true";
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    filters = Object.fromEntries(FILTERS.map(([name]) => [name, form.elements[name].value.trim()]));
    replaceRoute("claims", [], filters);
    load(true);
  });
  form.addEventListener("reset", (event) => {
    event.preventDefault();  // a plain reset would bring back the values the route opened with
    for (const [name] of FILTERS) form.elements[name].value = "";
    form.requestSubmit();
  });
  form.elements.source.addEventListener("change", () => form.requestSubmit());
  more.addEventListener("click", () => load(false));
  root.append(el("h2", {}, "Claims"), form, status,
    el("table", {class: "table claims-table", "data-testid": "claims"},
      el("thead", {}, el("tr", {}, ["source", "measure / event", "value / date", "side / actor", "place", "time",
        "words"].map((h) => el("th", {}, h)))),
      body),
    more);
  await load(true);
  return null;
}
