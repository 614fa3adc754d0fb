// One fact (agreeing, disputed or single-source): #/fact/{id}.

import {get} from "../api.js";
import {el} from "../dom.js";
import {factBlock} from "../facts.js";

export async function render(root, route) {
  const [id] = route.parts;
  const fact = await get(`/facts/${encodeURIComponent(id)}`);
  root.append(el("h2", {}, fact.verdict === "disagree" ? "Dispute" : "Fact"), factBlock(fact, {selected: true}));
  return null;
}
