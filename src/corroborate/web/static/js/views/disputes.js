// Disputes: each fact the sources disagree on, with its sources side by side; a conflict selector.

import {get} from "../api.js";
import {conflictSelect} from "../controls.js";
import {replaceRoute} from "../route.js";
import {el} from "../dom.js";
import {factBlock} from "../facts.js";

export async function render(root, route) {
  let conflict = route.params.get("conflict") || "";
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
    const page = await get("/disputes", {conflict, limit: 20, cursor});
    list.append(...page.items.map((fact) => factBlock(fact)));
    cursor = page.next_cursor;
    more.hidden = !cursor;
    more.disabled = false;
    status.textContent = list.childElementCount
      ? `${list.childElementCount} dispute${list.childElementCount === 1 ? "" : "s"}${cursor ? " so far" : ""}`
      : "No dispute: the sources agree (or say different things).";
  }

  more.addEventListener("click", () => load(false));
  root.append(el("h2", {}, "Disputes"),
    el("form", {class: "filters", onsubmit: (e) => e.preventDefault()},
      await conflictSelect(conflict, async (value) => {
        conflict = value;
        replaceRoute("disputes", [], {conflict});
        root.dataset.ready = "";
        await load(true);
        root.dataset.ready = "true";
      })),
    status, list, more);
  await load(true);
  return null;
}
