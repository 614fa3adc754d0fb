// Document: the text with every claim highlighted; a click on a claim opens a panel with its fields
// and its facts. #/document/{id}?claim={cid} scrolls to that claim and selects it.

import {get} from "../api.js";
import {documentHref, el, evidenceWords, timeText, valueText} from "../dom.js";
import {keyText} from "../facts.js";

/**
 * The text cut at every claim's evidence and figure ends. Each piece covered by some claim is a
 * <span class="claim-span"> listing the claims that cover it (data-claims) and the one a click
 * selects (data-claim-id: the claim whose figure covers it, else the narrowest evidence).
 */
function highlightedText(text, claims, hit) {
  const cuts = new Set([0, text.length]);
  if (hit) cuts.add(hit.start).add(hit.end);
  const opening = new Map();
  const closing = new Map();
  const at = (map, key) => map.get(key) || map.set(key, []).get(key);
  for (const c of claims) {
    if (!(Number.isInteger(c.start) && Number.isInteger(c.end) && c.start < c.end)) continue;
    at(opening, c.start).push(c);
    at(closing, c.end).push(c);
    for (const point of [c.start, c.end, c.figure && c.figure.start, c.figure && c.figure.end]) {
      if (Number.isInteger(point) && point >= 0 && point <= text.length) cuts.add(point);
    }
  }
  const points = [...cuts].sort((a, b) => a - b);
  const open = new Set();  // a sweep: the claims whose evidence covers the current piece
  const narrowest = (list) => list.reduce((best, c) => (c.end - c.start < best.end - best.start ? c : best));
  const out = document.createDocumentFragment();
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [from, to] = [points[i], points[i + 1]];
    for (const c of closing.get(from) || []) open.delete(c);
    for (const c of opening.get(from) || []) open.add(c);
    const words = text.slice(from, to);
    const inHit = hit && hit.start <= from && to <= hit.end;
    if (!open.size) {
      out.append(inHit ? el("span", {class: "hit", "data-testid": "hit"}, words) : document.createTextNode(words));
      continue;
    }
    const covering = [...open];
    const figures = covering.filter((c) => c.figure && c.figure.start <= from && to <= c.figure.end);
    const primary = figures.length ? narrowest(figures) : narrowest(covering);
    out.append(el(figures.length ? "mark" : "span", {
      class: `${figures.length ? "claim-span figure" : "claim-span"}${inHit ? " hit" : ""}`,
      "data-testid": inHit ? "hit" : null,
      "data-claim-id": primary.id, "data-claims": covering.map((c) => c.id).join(" "),
      title: covering.map((c) => c.measure || c.event_type || c.kind).join(", "),
      tabindex: figures.length ? "0" : null, role: figures.length ? "button" : null,
    }, words));
  }
  return out;
}

const FIELDS = [
  ["kind", (c) => c.kind], ["measure", (c) => c.measure], ["event", (c) => c.event_type],
  ["value", (c) => valueText(c.value, c.unit)], ["unit", (c) => c.unit],
  ["side", (c) => written(c.side, c.side_as_written)], ["group", (c) => c.group],
  ["place", (c) => written(c.place, c.place_as_written)], ["time", (c) => timeText(c.time)],
  ["date", (c) => c.date], ["actor", (c) => written(c.actor, c.actor_as_written)],
  ["conflict", (c) => c.conflict], ["source", (c) => c.source], ["id", (c) => c.id],
];

function written(canonical, asWritten) {
  if (!canonical) return asWritten || "";
  return asWritten && asWritten !== canonical ? `${canonical} (written "${asWritten}")` : canonical;
}

async function showClaim(panel, documentId, claimId) {
  panel.dataset.claimId = claimId;
  panel.dataset.ready = "";
  panel.replaceChildren(el("p", {class: "status"}, "Loading the claim…"));
  const claim = await get(`/claims/${encodeURIComponent(documentId)}/${encodeURIComponent(claimId)}`);
  if (panel.dataset.claimId !== claimId) return;  // another claim was clicked meanwhile
  panel.replaceChildren(
    el("h3", {}, "Claim"),
    el("dl", {class: "fields", "data-testid": "claim-fields"}, FIELDS.map(([name, read]) => {
      const value = read(claim);
      return value ? el("div", {}, el("dt", {}, name), el("dd", {"data-field": name}, value)) : null;
    })),
    evidenceWords(claim),
    el("h4", {}, "Facts"),
    claim.facts && claim.facts.length
      ? el("ul", {"data-testid": "claim-facts"}, claim.facts.map((id) => el("li", {},
        el("a", {href: `#/fact/${encodeURIComponent(id)}`, "data-fact-id": id}, id))))
      : el("p", {}, "In no fact yet."));
  // each fact's verdict and what it is about, once known (the ids are links meanwhile)
  await Promise.all([...panel.querySelectorAll("a[data-fact-id]")].map(async (link) => {
    try {
      const fact = await get(`/facts/${encodeURIComponent(link.dataset.factId)}`);
      link.textContent = `${fact.verdict.replace("_", " ")}: ${keyText(fact.key) || fact.id}`;
    } catch {
      // the id stays: the link still leads to the fact
    }
  }));
  if (panel.dataset.claimId === claimId) panel.dataset.ready = "true";
}

function select(textBox, panel, documentId, claimId, scroll) {
  for (const node of textBox.querySelectorAll(".selected")) {
    node.classList.remove("selected");
    node.removeAttribute("data-testid");
  }
  const pieces = [...textBox.querySelectorAll(".claim-span")]
    .filter((node) => node.dataset.claims.split(" ").includes(claimId));
  pieces.forEach((node) => node.classList.add("selected"));
  if (pieces.length) {
    // the claim's own figure if a piece shows it, else its words
    const own = pieces.filter((node) => node.dataset.claimId === claimId);
    const first = own.find((node) => node.classList.contains("figure")) || own[0] || pieces[0];
    first.setAttribute("data-testid", "selected-claim");
    if (scroll) first.scrollIntoView({block: "center"});
  }
  history.replaceState(null, "", documentHref(documentId, claimId));
  return showClaim(panel, documentId, claimId);
}

export async function render(root, route) {
  const [documentId] = route.parts;
  const doc = await get(`/documents/${encodeURIComponent(documentId)}`);
  // #/document/{id}?at=N&len=M (a search hit): those words are marked and scrolled to
  const at = Number.parseInt(route.params.get("at"), 10);
  const length = Number.parseInt(route.params.get("len"), 10) || 1;
  const hit = Number.isInteger(at) && at >= 0 && at < doc.text.length
    ? {start: at, end: Math.min(doc.text.length, at + length)} : null;
  const textBox = el("div", {class: "document-text", "data-testid": "document-text"},
    highlightedText(doc.text, doc.claims, hit));
  const panel = el("aside", {class: "claim-panel", "data-testid": "claim-panel"},
    el("p", {class: "hint"}, `${doc.claims.length} claims are highlighted; click one to see it.`));
  textBox.addEventListener("click", (event) => {
    const piece = event.target.closest(".claim-span");
    if (piece) select(textBox, panel, documentId, piece.dataset.claimId, false);
  });
  textBox.addEventListener("keydown", (event) => {
    const piece = event.target.closest(".claim-span");
    if (piece && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      select(textBox, panel, documentId, piece.dataset.claimId, false);
    }
  });
  root.append(
    el("h2", {}, doc.location),
    el("p", {class: "document-meta", "data-testid": "document-meta"},
      [["source", doc.source], ["conflict", doc.conflict], ["published", doc.published],
        ["claims", String(doc.claims.length)]]
        .filter(([, v]) => v).map(([k, v]) => el("span", {class: "meta"}, `${k}: `, el("strong", {}, v)))),
    el("div", {class: "document-layout"}, textBox, panel));
  const claimId = route.params.get("claim");
  if (claimId) await select(textBox, panel, documentId, claimId, true);
  else if (hit) textBox.querySelector(".hit")?.scrollIntoView({block: "center"});
  return null;
}
