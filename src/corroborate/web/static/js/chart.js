// The interval chart of a dispute: one row per claim on one axis. Ranges are bars, exact values
// ticks, at_least / at_most arrows open towards the side they leave open, about a lighter band.

import {svg} from "./dom.js";

const WIDTH = 640;
const LABEL = 190;  // room for the row labels at the left
const ROW = 22;
const AXIS = 26;

/** Milliseconds of the first and after-last instant of an ISO prefix (YYYY, YYYY-MM, YYYY-MM-DD). */
export function dateSpan(text) {
  if (!text) return null;
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[3]) {
    const start = Date.UTC(year, Number(match[2]) - 1, Number(match[3]));
    return {low: start, high: start};
  }
  if (match[2]) {
    const month = Number(match[2]) - 1;
    return {low: Date.UTC(year, month, 1), high: Date.UTC(year, month + 1, 1) - 86400000};
  }
  return {low: Date.UTC(year, 0, 1), high: Date.UTC(year + 1, 0, 1) - 86400000};
}

export function dateLabel(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * rows: [{label, low, high, bound, title}] with low/high numbers (null for an open end).
 * format: how an axis value is written. Returns an <svg data-testid="interval-chart">.
 */
export function intervalChart(rows, format) {
  const values = rows.flatMap((r) => [r.low, r.high]).filter((v) => v !== null && Number.isFinite(v));
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (!values.length) {
    min = 0;
    max = 1;
  } else if (min === max) {
    const pad = Math.abs(min) * 0.2 || 1;
    min -= pad;
    max += pad;
  } else {
    const pad = (max - min) * 0.12;
    min -= pad;
    max += pad;
  }
  const height = rows.length * ROW + AXIS + 6;
  const x = (v) => LABEL + ((v - min) / (max - min)) * (WIDTH - LABEL - 14);
  const right = WIDTH - 8;
  const chart = svg("svg", {class: "interval-chart", viewBox: `0 0 ${WIDTH} ${height}`,
    role: "img", "data-testid": "interval-chart", "aria-label": "values of each claim on one axis"});
  rows.forEach((row, i) => {
    const y = 4 + i * ROW + ROW / 2;
    const g = svg("g", {class: `row bound-${row.bound || "exact"}`, "data-testid": "interval",
      "data-bound": row.bound || "exact"});
    g.append(svg("title", {text: row.title || row.label}));
    g.append(svg("text", {x: LABEL - 8, y: y + 4, class: "row-label", "text-anchor": "end",
      text: row.label.length > 28 ? `${row.label.slice(0, 27)}…` : row.label}));
    g.append(svg("line", {x1: LABEL, x2: right, y1: y, y2: y, class: "guide"}));
    const low = row.low ?? row.high;
    const high = row.high ?? row.low;
    if (low === null || low === undefined) {
      chart.append(g);
      return;
    }
    if (row.bound === "at_least") {
      g.append(svg("line", {x1: x(low), x2: right - 6, y1: y, y2: y, class: "open"}));
      g.append(svg("path", {d: `M${right} ${y} l-8 -5 v10 z`, class: "arrow"}));
      g.append(svg("line", {x1: x(low), x2: x(low), y1: y - 7, y2: y + 7, class: "tick"}));
    } else if (row.bound === "at_most") {
      g.append(svg("line", {x1: LABEL + 6, x2: x(high), y1: y, y2: y, class: "open"}));
      g.append(svg("path", {d: `M${LABEL} ${y} l8 -5 v10 z`, class: "arrow"}));
      g.append(svg("line", {x1: x(high), x2: x(high), y1: y - 7, y2: y + 7, class: "tick"}));
    } else if (row.bound === "about") {
      // a lone "about" figure gets a band of a tenth either side, so the looseness shows
      const spread = high === low ? Math.abs(low) * 0.1 : 0;
      const from = x(low - spread);
      g.append(svg("rect", {x: from, y: y - 7, width: Math.max(2, x(high + spread) - from), height: 14,
        class: "band"}));
      g.append(svg("line", {x1: x((low + high) / 2), x2: x((low + high) / 2), y1: y - 7, y2: y + 7,
        class: "tick about"}));
    } else if (row.bound === "range" || high !== low) {
      g.append(svg("rect", {x: x(low), y: y - 6, width: Math.max(2, x(high) - x(low)), height: 12,
        class: "bar"}));
    } else {
      g.append(svg("line", {x1: x(low), x2: x(low), y1: y - 8, y2: y + 8, class: "tick"}));
    }
    chart.append(g);
  });
  const axisY = rows.length * ROW + 8;
  chart.append(svg("line", {x1: LABEL, x2: right, y1: axisY, y2: axisY, class: "axis"}));
  let previous = null;
  for (let k = 0; k <= 4; k += 1) {
    const v = min + ((max - min) * k) / 4;
    const label = format(v);
    if (label === previous) continue;  // a short span of dates names one day twice
    previous = label;
    chart.append(svg("line", {x1: x(v), x2: x(v), y1: axisY, y2: axisY + 4, class: "axis"}));
    chart.append(svg("text", {x: x(v), y: axisY + 16, "text-anchor": k === 4 ? "end" : k ? "middle" : "start",
      class: "axis-label", text: label}));
  }
  return chart;
}
