// Names: which name each source writes for each place and side.

import {get} from "../api.js";
import {el} from "../dom.js";
import {conflictSelect} from "../controls.js";
import {replaceRoute} from "../route.js";

function table(items) {
  const sources = [...new Set(items.flatMap((n) => n.variants.map((v) => v.source)))].sort();
  return el("table", {class: "table names", "data-testid": "names"},
    el("thead", {}, el("tr", {}, el("th", {}, "name"), el("th", {}, "kind"),
      sources.map((s) => el("th", {}, s)))),
    el("tbody", {}, items.map((name) => {
      const written = new Map(name.variants.map((v) => [v.source, v.written]));
      const distinct = new Set(name.variants.flatMap((v) => v.written));
      return el("tr", {"data-testid": "name-row", "data-entity": name.entity,
        class: distinct.size > 1 ? "differs" : ""},
      el("th", {scope: "row"}, name.entity), el("td", {}, name.kind),
      sources.map((s) => el("td", {"data-source": s}, (written.get(s) || []).join(", "))));
    })));
}

export async function render(root, route) {
  let conflict = route.params.get("conflict") || "";
  const holder = el("div");
  async function load() {
    const names = await get("/names", {conflict});
    holder.replaceChildren(names.items.length ? table(names.items) : el("p", {}, "No names found."));
  }
  root.append(el("h2", {}, "Names"),
    el("p", {class: "hint"}, "Which name each source writes for each place and actor; rows where sources differ are marked."),
    el("form", {class: "filters", onsubmit: (e) => e.preventDefault()},
      await conflictSelect(conflict, async (value) => {
        conflict = value;
        replaceRoute("names", [], {conflict});
        await load();
      })),
    holder);
  await load();
  return null;
}
