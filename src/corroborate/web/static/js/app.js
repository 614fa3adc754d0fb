// The page's router: a hash route (#/view/part?name=value) picks a view, which renders into a fresh
// section; the section gets data-ready once its data is shown (tests and screen readers wait on it).

import {clear, el, message} from "./dom.js";
import {parseRoute} from "./route.js";
import * as claims from "./views/claims.js";
import * as disputes from "./views/disputes.js";
import * as documentView from "./views/document.js";
import * as fact from "./views/fact.js";
import * as map from "./views/map.js";
import * as names from "./views/names.js";
import * as overview from "./views/overview.js";
import * as search from "./views/search.js";
import * as timeline from "./views/timeline.js";

const VIEWS = {overview, disputes, document: documentView, fact, claims, timeline, map, names, search};

let cleanup = null;

async function show() {
  const root = document.getElementById("view");
  const route = parseRoute(location.hash);
  if (typeof cleanup === "function") cleanup();
  cleanup = null;
  const module = VIEWS[route.view];
  const section = el("section", {id: `view-${route.view}`, class: "view", "data-testid": `view-${route.view}`});
  clear(root).append(section);
  for (const link of document.querySelectorAll("#nav a")) {
    link.classList.toggle("current", link.dataset.view === route.view);
  }
  if (!module) {
    section.append(message(`No view "${route.view}".`, "error"));
    section.dataset.ready = "true";
    return;
  }
  try {
    cleanup = await module.render(section, route);
  } catch (error) {
    section.append(message(`Could not load: ${error.message}`, "error"));
  }
  section.dataset.ready = "true";
}

window.addEventListener("hashchange", show);
if (!location.hash) history.replaceState(null, "", "#/overview");
show();
