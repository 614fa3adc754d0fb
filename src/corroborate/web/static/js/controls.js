// Controls several views share.

import {getOnce} from "./api.js";
import {el} from "./dom.js";

/** A <select> of the stored conflicts ("" is every conflict). */
export async function conflictSelect(current, onChange) {
  const conflicts = await getOnce("/conflicts");
  const select = el("select", {id: "conflict-select", "data-testid": "conflict-select",
    onchange: () => onChange(select.value)},
  el("option", {value: ""}, "every conflict"),
  conflicts.items.map((c) => el("option", {value: c.name, selected: c.name === current},
    c.inferred ? `${c.name} (inferred)` : c.name)));
  return el("label", {class: "control"}, "Conflict ", select);
}
