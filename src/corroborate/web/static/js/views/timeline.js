// Timeline: every dated event on one time axis, one lane per source. A day is a dot; a year or a
// month (YYYY, YYYY-MM) is drawn as the span it covers.

import {get} from "../api.js";
import {dateSpan} from "../chart.js";
import {documentHref, el, svg} from "../dom.js";
import {conflictSelect} from "../controls.js";
import {replaceRoute} from "../route.js";

const LANE = 34;  // a lane's least height
const ROW = 16;  // one row of marks inside a lane
const RADIUS = 5;  // a day's dot
const GAP = 2;  // least room between two marks of a row
const LABEL = 230;
const WIDTH = 1100;
const DAY = 86400000;

/**
 * Rows inside one lane so that no two marks overlap: each mark goes to the first row whose last
 * mark ends before it starts (greedy interval packing, marks in time order).
 */
function packRows(marks) {
  const rowEnds = [];
  for (const mark of marks.sort((a, b) => a.from - b.from)) {
    let row = rowEnds.findIndex((end) => end + GAP <= mark.from);
    if (row < 0) row = rowEnds.push(-Infinity) - 1;
    rowEnds[row] = mark.to;
    mark.row = row;
  }
  return Math.max(1, rowEnds.length);
}

function chart(items) {
  const spans = items.map((item) => {
    const start = dateSpan(item.start || item.date);
    const end = dateSpan(item.end || item.date);
    return start && end ? {item, low: start.low, high: end.high} : null;
  }).filter(Boolean);
  const sources = [...new Set(spans.map((s) => s.item.source))].sort();
  let min = Math.min(...spans.map((s) => s.low));
  let max = Math.max(...spans.map((s) => s.high));
  const pad = Math.max((max - min) * 0.03, 180 * DAY);
  min -= pad;
  max += pad;
  const x = (ms) => LABEL + ((ms - min) / (max - min)) * (WIDTH - LABEL - 10);
  const lanes = sources.map((source) => {
    const marks = spans.filter((s) => s.item.source === source).map((span) => {
      const isSpan = span.high - span.low >= DAY;
      const from = isSpan ? x(span.low) : x(span.low) - RADIUS;
      const to = isSpan ? Math.max(from + 3, x(span.high + DAY)) : x(span.low) + RADIUS;
      return {span, isSpan, from, to, row: 0};
    });
    return {source, marks, rows: packRows(marks)};
  });
  const laneHeights = lanes.map((lane) => Math.max(LANE, lane.rows * ROW + 8));
  const axisY = laneHeights.reduce((a, b) => a + b, 0) + 8;
  const root = svg("svg", {class: "timeline", viewBox: `0 0 ${WIDTH} ${axisY + 24}`, "data-testid": "timeline-chart",
    role: "img", "aria-label": "events of each source on one time axis"});
  const firstYear = new Date(min).getUTCFullYear() + 1;
  const lastYear = new Date(max).getUTCFullYear();
  const step = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 16));
  for (let year = firstYear; year <= lastYear; year += step) {
    const at = x(Date.UTC(year, 0, 1));
    root.append(svg("line", {x1: at, x2: at, y1: 0, y2: axisY, class: "year-line"}),
      svg("text", {x: at, y: axisY + 16, "text-anchor": "middle", class: "axis-label", text: String(year)}));
  }
  let top = 0;
  lanes.forEach(({source, marks}, index) => {
    const height = laneHeights[index];
    const g = svg("g", {class: "lane", "data-testid": "timeline-lane", "data-source": source});
    g.append(svg("text", {x: LABEL - 8, y: top + height / 2 + 4, "text-anchor": "end", class: "row-label",
      text: source.length > 32 ? `${source.slice(0, 31)}…` : source}));
    g.append(svg("line", {x1: LABEL, x2: WIDTH - 10, y1: top + height, y2: top + height, class: "guide"}));
    for (const {span, isSpan, from, to, row} of marks) {
      const {item} = span;
      const y = top + 4 + row * ROW + ROW / 2;
      const title = [item.date, item.event_type, item.place, item.actor].filter(Boolean).join(" · ");
      const link = svg("a", {href: documentHref(item.document_id, item.claim_id), class: `event ev-${item.event_type}`,
        "data-testid": "timeline-event", "data-date": item.date || "", "data-event-type": item.event_type || ""},
      svg("title", {text: item.evidence ? `${title}\n${item.evidence}` : title}));
      if (isSpan) {
        link.append(svg("rect", {x: from, y: y - 6, width: to - from, height: 12, rx: 3, class: "span"}));
      } else {
        link.append(svg("circle", {cx: from + RADIUS, cy: y, r: RADIUS}));
      }
      g.append(link);
    }
    root.append(g);
    top += height;
  });
  root.append(svg("line", {x1: LABEL, x2: WIDTH - 10, y1: axisY, y2: axisY, class: "axis"}));
  return root;
}

function legend(items) {
  const types = [...new Set(items.map((i) => i.event_type))].sort();
  return el("ul", {class: "legend", "data-testid": "timeline-legend"}, types.map((t) => el("li", {},
    svg("svg", {viewBox: "0 0 12 12", class: "swatch"}, svg("circle", {cx: 6, cy: 6, r: 5, class: `event ev-${t}`})),
    ` ${t}`)));
}

export async function render(root, route) {
  let conflict = route.params.get("conflict") || "";
  const holder = el("div", {class: "timeline-holder"});
  async function load() {
    const timeline = await get("/timeline", {conflict});
    holder.replaceChildren(...(timeline.items.length ? [chart(timeline.items), legend(timeline.items)]
      : [el("p", {}, "No dated event.")]));
  }
  root.append(el("h2", {}, "Timeline"),
    el("form", {class: "filters", onsubmit: (e) => e.preventDefault()},
      await conflictSelect(conflict, async (value) => {
        conflict = value;
        replaceRoute("timeline", [], {conflict});
        await load();
      })),
    el("p", {class: "hint"}, "Each dot is a dated event, a bar a year or month a source gives without a day; hover for its words, click to open the document at it."),
    holder);
  await load();
  return null;
}
