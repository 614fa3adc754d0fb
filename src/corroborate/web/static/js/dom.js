// Building the page's DOM. Document text is hostile third-party input: every string goes in as a text
// node or an attribute value, never as markup (no innerHTML), and the CSP forbids style attributes.

const SVG_NS = "http://www.w3.org/2000/svg";

function fill(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "text") node.textContent = String(value);
    else if (name.startsWith("on") && typeof value === "function") {
      node.addEventListener(name.slice(2), value);
    } else node.setAttribute(name, value === true ? "" : String(value));
  }
  append(node, children);
  return node;
}

/** Append children: nodes as they are, strings and numbers as text, arrays flattened, null skipped. */
export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An HTML element: el("a", {href: "#/x", class: "link"}, "text", otherNode). */
export function el(tag, attrs, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

/** An SVG element, built with createElementNS. */
export function svg(tag, attrs, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/**
 * The part [from, to) of a text with marks: `text` starts at offset `base`; each mark is
 * {start, end, tag, attrs} in the same offsets. Marks are clipped to the text; an overlapping mark
 * starts where the one before ended, so no character is shown twice. Returns a DocumentFragment.
 */
export function marked(text, base, marks) {
  const out = document.createDocumentFragment();
  const end = base + text.length;
  const sorted = marks
    .map((m) => ({...m, start: Math.max(base, m.start), end: Math.min(end, m.end)}))
    .filter((m) => m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let at = base;
  for (const m of sorted) {
    const from = Math.max(at, m.start);
    if (m.end <= from) continue;
    if (from > at) out.append(document.createTextNode(text.slice(at - base, from - base)));
    const node = el(m.tag || "mark", m.attrs || {});
    if (m.inner) append(node, [m.inner(from, m.end)]);
    else node.textContent = text.slice(from - base, m.end - base);
    out.append(node);
    at = m.end;
  }
  if (at < end) out.append(document.createTextNode(text.slice(at - base)));
  return out;
}

/** A claim's evidence words with its figure in <mark>: evidence {start, end, text}, figure {start, end}. */
export function evidenceWords(claim, attrs) {
  const evidence = claim.evidence || {start: 0, end: 0, text: ""};
  const marks = claim.figure ? [{start: claim.figure.start, end: claim.figure.end, tag: "mark",
    attrs: {"data-testid": "figure"}}] : [];
  return el("q", {class: "evidence", "data-testid": "claim-words", ...attrs},
    marked(evidence.text || "", evidence.start, marks));
}

/** A number as people read it: 28000 -> "28,000"; null -> "?". */
export function num(value) {
  if (value === null || value === undefined) return "?";
  return Number(value).toLocaleString("en-US", {maximumFractionDigits: 2});
}

const BOUND_WORDS = {about: "about ", at_least: "at least ", at_most: "at most ", exact: "", range: ""};

/** A claim's value as words: {low: 5000, high: 6000, bound: "range"} -> "5,000–6,000". */
export function valueText(value, unit) {
  if (!value) return "";
  const figure = value.low === value.high || value.high === null || value.low === null
    ? num(value.low ?? value.high) : `${num(value.low)}–${num(value.high)}`;
  const suffix = unit && unit !== "people" ? ` ${unit}` : "";
  return `${BOUND_WORDS[value.bound] ?? ""}${figure}${suffix}`;
}

/** A time {start, end} as words: "1988–1994", "2016-04", "" when none. */
export function timeText(time) {
  if (!time) return "";
  if (typeof time === "string") return time;
  const {start, end} = time;
  if (start && end && start !== end) return `${start}–${end}`;
  return start || end || "";
}

/** A route link: #/document/{id}?claim={cid}. */
export function documentHref(documentId, claimId) {
  const base = `#/document/${encodeURIComponent(documentId)}`;
  return claimId ? `${base}?claim=${encodeURIComponent(claimId)}` : base;
}

/** A stable token for ids and test ids: "Kalbajar" -> "Kalbajar", "Nagorno Karabakh" -> "Nagorno-Karabakh". */
export function token(name) {
  return String(name).trim().replace(/[^\p{L}\p{N}_-]+/gu, "-");
}

export function message(text, kind = "note") {
  return el("p", {class: `message ${kind}`, "data-testid": kind}, text);
}
