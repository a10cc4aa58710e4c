// shangliang case finder: its state, and that state in the page's address.
//
// A state is `{ q, chosen }`: the text query, and for each group (district,
// year, format, stage, topic) the values ticked. In the address it is the
// query string `?q=路灯&district=闽侯县&district=鼓楼区&year=2024`, so that a
// filtered view can be shared and comes back on reload and on back/forward.
// Pure functions: nothing here touches the page.

/** The empty state of these groups. */
export function emptyState(groups) {
  return { q: "", chosen: Object.fromEntries(groups.map((group) => [group, []])) };
}

/**
 * The state an address's query string (`location.search`) holds, for these
 * groups; values a group does not offer (`offered[group]`, when given) are
 * left out, each value once.
 */
export function stateFromSearch(search, groups, offered = null) {
  const params = new URLSearchParams(search);
  const state = emptyState(groups);
  state.q = (params.get("q") || "").trim();
  for (const group of groups) {
    const known = offered && offered[group] ? new Set(offered[group]) : null;
    const values = params.getAll(group).filter((value) => value && (!known || known.has(value)));
    state.chosen[group] = Array.from(new Set(values));
  }
  return state;
}

/** The query string of a state (`?q=…&district=…`), or "" for the empty state. */
export function searchFromState(state, groups) {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set("q", state.q.trim());
  for (const group of groups) {
    for (const value of state.chosen[group] || []) params.append(group, value);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Whether two states ask for the same cases. */
export function sameState(a, b, groups) {
  return searchFromState(a, groups) === searchFromState(b, groups);
}

/** How many values are ticked, over all groups. */
export function chosenCount(state) {
  return Object.values(state.chosen).reduce((sum, values) => sum + values.length, 0);
}
