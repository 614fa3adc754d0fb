// Disputes: each fact the sources disagree on, with its sources side by side; a conflict selector.

import {get} from "../api.js";
import {conflictSelect} from "../controls.js";
import {replaceRoute} from "../route.js";
import {el} from "../dom.js";
import {factBlock} from "../facts.js";
import {MEASURES} from "../vocab.js";

export async function render(root, route) {
  let conflict = route.params.get("conflict") || "";
  let measure = route.params.get("measure") || "";
  const list = el("div", {class: "facts", "data-testid": "disputes"});
  const more = el("button", {type: "button", class: "more", "data-testid": "more", hidden: true}, "more");
  const status = el("p", {class: "status", "data-testid": "disputes-status"});
  let cursor = null;

  async function load(reset) {
    if (reset) {
      list.replaceChildren();
      cursor = null;
    }
    more.disabled = true;
    const page = await get("/disputes", {conflict, measure, limit: 20, cursor});
    list.append(...page.items.map((fact) => factBlock(fact)));
    cursor = page.next_cursor;
    more.hidden = !cursor;
    more.disabled = false;
    status.textContent = list.childElementCount
      ? `${list.childElementCount} dispute${list.childElementCount === 1 ? "" : "s"}${cursor ? " so far" : ""}`
      : "No dispute: the sources agree (or say different things).";
  }

  async function reload() {
    replaceRoute("disputes", [], {conflict, measure});
    root.dataset.ready = "";
    try {
      await load(true);
      status.classList.remove("error");
    } catch (error) {
      status.textContent = error.message;
      status.classList.add("error");
    }
    root.dataset.ready = "true";
  }

  const measureField = el("input", {id: "dispute-measure", type: "text", value: measure, size: 14,
    "data-testid": "dispute-measure", list: "dispute-measure-list", autocomplete: "off"});
  measureField.addEventListener("change", () => {
    measure = measureField.value.trim();
    reload();
  });
  const measureInput = el("label", {class: "control", for: "dispute-measure"}, "Measure ", measureField,
    el("datalist", {id: "dispute-measure-list"}, MEASURES.map((m) => el("option", {value: m}))));
  more.addEventListener("click", () => load(false));
  root.append(el("h2", {}, "Disputes"),
    el("form", {class: "filters", onsubmit: (e) => e.preventDefault()},
      await conflictSelect(conflict, async (value) => {
        conflict = value;
        await reload();
      }),
      measureInput),
    status, list, more);
  await load(true);
  return null;
}
