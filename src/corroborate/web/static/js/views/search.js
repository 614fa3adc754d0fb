// Search: the stored documents' passages holding the words, each opening the document at them.

import {get} from "../api.js";
import {el, marked} from "../dom.js";
import {replaceRoute} from "../route.js";

function hitItem(hit) {
  const marks = hit.highlights.map(([start, end]) => ({start, end, tag: "mark"}));
  const [first] = hit.highlights;
  const at = first ? hit.start + first[0] : hit.start;
  const length = first ? first[1] - first[0] : 1;
  return el("li", {class: "hit-item", "data-testid": "search-hit", "data-document-id": hit.document_id},
    el("a", {href: `#/document/${encodeURIComponent(hit.document_id)}?at=${at}&len=${length}`},
      `${hit.source} · ${hit.location}`),
    el("q", {class: "evidence"}, marked(hit.text, 0, marks)));
}

export async function render(root, route) {
  const field = el("input", {id: "search-words", type: "search", name: "q", value: route.params.get("q") || "",
    "data-testid": "search-words", size: 40, autocomplete: "off"});
  const list = el("ol", {class: "hits", "data-testid": "search-hits"});
  const status = el("p", {class: "status", "data-testid": "search-status"});
  async function load() {
    const words = field.value.trim();
    replaceRoute("search", [], {q: words});
    list.replaceChildren();
    if (!words) {
      status.textContent = "Type words to find in the documents.";
      return;
    }
    root.dataset.ready = "";
    try {
      const found = await get("/search", {q: words, limit: 100});
      list.append(...found.items.map(hitItem));
      status.textContent = found.items.length ? `${found.items.length} passages` : "Nothing found.";
      status.classList.remove("error");
    } catch (error) {
      status.textContent = error.message;
      status.classList.add("error");
    } finally {
      root.dataset.ready = "true";
    }
  }
  const form = el("form", {class: "filters", role: "search"},
    el("label", {class: "control", for: "search-words"}, "Words ", field),
    el("button", {type: "submit", "data-testid": "search-go"}, "Search"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    load();
  });
  root.append(el("h2", {}, "Search"), form, status, list);
  await load();
  return null;
}
