// One fact or dispute as a block: what it is about, why it is a dispute, the interval chart of its
// values and each source's claims side by side with their words.

import {dateLabel, dateSpan, intervalChart} from "./chart.js";
import {documentHref, el, evidenceWords, timeText, valueText} from "./dom.js";

// the parts of a fact key that say what it is about, in reading order (unit, check and conflict
// are shown elsewhere or are the aligner's bookkeeping)
const KEY_PARTS = ["measure", "event_type", "entity", "side", "group", "place", "time", "date"];

/** What a fact key is about, in words: "killed · Azerbaijan · soldiers · 2016-04-01–2016-04-05". */
export function keyText(key) {
  if (!key) return "";
  return KEY_PARTS.map((name) => key[name])
    .filter((value) => value !== null && value !== undefined && value !== "")
    .map((value) => (typeof value === "object" ? timeText(value) : String(value)))
    .filter(Boolean).join(" · ");
}

function chartRows(fact) {
  if (fact.kind === "quantity") {
    return fact.claims.filter((c) => c.value).map((c) => ({
      label: c.source, low: c.value.low, high: c.value.high, bound: c.value.bound,
      title: `${c.source}: ${valueText(c.value, c.unit)}`,
    }));
  }
  if (fact.kind === "event") {
    return fact.claims.map((c) => {
      const span = dateSpan(c.date);
      return {label: c.source, low: span && span.low, high: span && span.high,
        bound: span && span.low !== span.high ? "range" : "exact", title: `${c.source}: ${c.date || "no date"}`};
    }).filter((r) => r.low !== null);
  }
  return [];
}

function claimLine(claim) {
  const figure = claim.kind === "quantity" ? valueText(claim.value, claim.unit)
    : claim.kind === "event" ? [claim.event_type, claim.date].filter(Boolean).join(" ")
      : claim.place_as_written || claim.actor_as_written || "";
  const where = [claim.side_as_written || claim.side, claim.group, claim.place_as_written || claim.place,
    timeText(claim.time)].filter(Boolean).join(" · ");
  const documentId = claim.document_id;  // "document" is the file's name, not its id
  return el("li", {class: "claim", "data-testid": "dispute-claim", "data-claim-id": claim.id},
    el("div", {class: "claim-head"},
      el("strong", {class: "claim-value", "data-testid": "claim-value"}, figure),
      where ? el("span", {class: "claim-where"}, ` ${where}`) : null),
    evidenceWords(claim),
    documentId !== null && documentId !== undefined
      ? el("a", {class: "to-document", href: documentHref(documentId, claim.id), "data-testid": "to-document"},
        "in the document")
      : null);
}

/** A fact record as an <article data-testid="dispute">. */
export function factBlock(fact, {selected = false} = {}) {
  const bySource = new Map();
  for (const claim of fact.claims || []) {
    if (!bySource.has(claim.source)) bySource.set(claim.source, []);
    bySource.get(claim.source).push(claim);
  }
  const rows = chartRows(fact);
  const format = fact.kind === "event" ? dateLabel
    : (v) => Number(v).toLocaleString("en-US", {maximumSignificantDigits: 3});
  const article = el("article", {
    class: `fact verdict-${fact.verdict}${selected ? " selected" : ""}`, id: `fact-${fact.id}`,
    "data-testid": fact.verdict === "disagree" ? "dispute" : "fact", "data-fact-id": fact.id,
    "data-kind": fact.kind,
  },
  el("h3", {class: "fact-key"},
    el("a", {href: `#/fact/${encodeURIComponent(fact.id)}`}, keyText(fact.key) || fact.id),
    el("span", {class: `verdict verdict-${fact.verdict}`}, fact.verdict.replace("_", " "))),
  fact.why ? el("p", {class: "why", "data-testid": "why"}, fact.why) : null,
  fact.key && fact.key.conflict ? el("p", {class: "conflict-line"}, fact.key.conflict) : null,
  rows.length ? intervalChart(rows, format) : null,
  el("div", {class: "sources-side-by-side", "data-testid": "dispute-sources"},
    [...bySource.entries()].map(([source, claims]) => el("section", {
      class: "dispute-source", "data-testid": "dispute-source", "data-source": source},
    el("h4", {}, source),
    el("ul", {class: "claims"}, claims.map(claimLine))))));
  if (fact.relations && fact.relations.length) {
    article.append(el("p", {class: "relations", "data-testid": "relations"}, "Related, not disputed: ",
      fact.relations.map((r, i) => [i ? ", " : "", r.relation.replaceAll("_", " "), " ",
        el("a", {href: `#/fact/${encodeURIComponent(r.fact)}`}, r.fact)])));
  }
  return article;
}
