// Overview: how much is stored, each conflict and source, and the largest disputes.

import {get} from "../api.js";
import {el, num} from "../dom.js";
import {keyText} from "../facts.js";

const COUNT_NAMES = ["sources", "documents", "claims", "facts", "disputes"];

/** An http(s) link, else the URL as plain text (a source's URL is third-party input). */
function safeLink(url, text) {
  return /^https?:\/\//i.test(url || "") ? el("a", {href: url, rel: "noopener noreferrer"}, text || url)
    : text || url || "";
}

export async function render(root) {
  const [overview, sources] = await Promise.all([get("/overview"), get("/sources")]);
  root.append(el("h2", {}, "Overview"));
  root.append(el("dl", {class: "counts", "data-testid": "counts"},
    COUNT_NAMES.map((name) => el("div", {class: "count"},
      el("dt", {}, name), el("dd", {"data-testid": `count-${name}`}, num(overview.counts[name]))))));

  root.append(el("h3", {}, "Conflicts"));
  root.append(el("table", {class: "table", "data-testid": "conflicts"},
    el("thead", {}, el("tr", {}, ["conflict", "documents", "sources", "claims", "disputes"].map(
      (h) => el("th", {}, h)))),
    el("tbody", {}, overview.conflicts.map((c) => el("tr", {"data-testid": "conflict", "data-conflict": c.name},
      el("td", {}, el("a", {href: `#/disputes?conflict=${encodeURIComponent(c.name)}`}, c.name)),
      el("td", {class: "n"}, num(c.documents)), el("td", {class: "n"}, num(c.sources)),
      el("td", {class: "n"}, el("a", {href: `#/claims?conflict=${encodeURIComponent(c.name)}`}, num(c.claims))),
      el("td", {class: "n"}, num(c.disputes)))))));

  root.append(el("h3", {}, "Sources"));
  root.append(el("table", {class: "table", "data-testid": "sources"},
    el("thead", {}, el("tr", {}, ["source", "title", "publisher", "kind", "licence", "published", "documents",
      "claims"].map((h) => el("th", {}, h)))),
    el("tbody", {}, sources.items.map((s) => el("tr", {"data-testid": "source", "data-source": s.slug},
      el("td", {}, el("a", {href: `#/claims?source=${encodeURIComponent(s.slug)}`}, s.slug)),
      el("td", {}, s.url ? safeLink(s.url, s.title || s.url) : s.title || ""),
      el("td", {}, s.publisher || ""), el("td", {}, s.kind || ""), el("td", {}, s.license || ""),
      el("td", {}, s.published || ""), el("td", {class: "n"}, num(s.documents)),
      el("td", {class: "n"}, num(s.claims)))))));

  root.append(el("h3", {}, "Largest disputes"));
  if (!overview.largest_disputes.length) root.append(el("p", {}, "No dispute: the sources agree."));
  root.append(el("ol", {class: "largest", "data-testid": "largest-disputes"},
    overview.largest_disputes.map((d) => el("li", {"data-testid": "largest-dispute"},
      el("a", {href: `#/fact/${encodeURIComponent(d.id)}`}, keyText(d.key) || d.id),
      d.why ? el("span", {class: "why"}, ` ${d.why}`) : null))));
  return null;
}
