// Hash routes: #/view/part?name=value.

/** "#/document/12?claim=c-1" -> {view: "document", parts: ["12"], params: URLSearchParams}. */
export function parseRoute(hash) {
  const text = hash.replace(/^#\/?/, "");
  const [path, search = ""] = text.split("?", 2);
  const [view = "", ...parts] = path.split("/").filter(Boolean).map(decodeURIComponent);
  return {view: view || "overview", parts, params: new URLSearchParams(search)};
}

/** Write a view's state into the address without rendering again (no hashchange is fired). */
export function replaceRoute(view, parts, params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) search.set(name, value);
  const path = [view, ...parts.map(encodeURIComponent)].join("/");
  const text = search.toString();
  history.replaceState(null, "", `#/${path}${text ? `?${text}` : ""}`);
}
