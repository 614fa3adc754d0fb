// The vocabularies of shared/spec/claims.md, offered as suggestions (any value may be typed).
export const MEASURES = ["killed", "wounded", "missing", "captured", "displaced", "strength", "population", "area",
  "territory_share", "votes", "turnout", "money", "equipment"];
export const EVENT_TYPES = ["vote", "referendum", "declaration", "war_start", "offensive", "capture", "return",
  "ceasefire", "agreement", "resolution", "blockade", "withdrawal", "clash", "deployment", "other"];
