// shangliang case finder, /cases/ (overrides/shangliang/cases.html loads this as type=module).
//
// The page holds the form — a text box, and one group of checkboxes per facet
// (district, year, format, stage, topic) with the number of cases beside each
// value — and the newest cases, all written by the build. This module shows
// them, and loads Pagefind only once the reader sets a condition, or the
// address holds one: opening the finder costs the page alone. Conditions alone
// are searched in the finder's own index (pagefind/finder/: every case, its
// filters, one word), a text query in the site's (which holds the same
// filters), each through an instance of its own, without a worker. On every
// change it searches (facets.js), lists the matching cases a page at a time (render.js),
// announces how many there are, and updates the counts of the groups a reader
// can see (open, or with values ticked); a folded group's counts are brought up
// to date when it is opened, so that only the filter data in view is loaded.
// The state lives in the address (state.js): ticking a value adds a step to
// the history, typing replaces the current one, back and forward restore
// them. Without JavaScript, or when Pagefind cannot load, the page keeps its
// listing of every case by year.

import { SEGMENTED } from "../search/query.js";
import { querySearches, searchWords } from "../search/words.js";
import { countsFrom, listedResults, plannedSearches } from "./facets.js";
import { resultItem } from "./render.js";
import { chosenCount, sameState, searchFromState, stateFromSearch } from "./state.js";

const SITE_ROOT = new URL("../../../", import.meta.url); // assets/shangliang/finder/ -> site root
const words = searchWords(new URL("pagefind/shangliang/search.json", SITE_ROOT).href);
const PAGE_SIZE = 10; // results whose data is fetched and shown at a time (pages.finder.RESULTS_PAGE)
const TYPING_MS = 120; // after the last keystroke (IME composition excluded)

export const MESSAGES = {
  loading: "正在查找…",
  found: (n) => `共找到 ${n.toLocaleString("zh-CN")} 个案例`,
  none: "没有符合条件的案例，请减少条件或换个关键词",
  failed: "查找功能暂时无法使用，请按年份浏览全部案例",
  more: (n) => `显示更多（还有 ${n.toLocaleString("zh-CN")} 个）`,
  chosen: (n) => (n ? `（已选 ${n} 项）` : ""),
};

async function loadPagefind(url) {
  const module = await import(url);
  if (typeof module.createInstance === "function") {
    const instance = module.createInstance({ noWorker: true });
    await instance.init();
    return instance;
  }
  await module.options({ noWorker: true });
  await module.init();
  return module;
}

/**
 * A Pagefind bundle, loaded on first use: the finder's own (`word`: the term
 * every record holds) or the site's (`word` null: the reader's query is the
 * term, and `anchor` keeps the results to cases). `loaded`: the groups whose
 * filter data Pagefind holds; it counts only those.
 */
function engine(url, word) {
  let loading = null;
  return {
    word,
    anchor: !word,
    loaded: new Set(),
    load() {
      if (!loading) {
        loading = loadPagefind(url);
        loading.catch(() => (loading = null)); // try again on the next change
      }
      return loading;
    },
  };
}

function readGroups(form) {
  return Array.from(form.querySelectorAll("[data-sl-finder-group]")).map((box) => {
    const inputs = Array.from(box.querySelectorAll('input[type="checkbox"]'));
    const countOf = (input) => input.closest("label").querySelector("[data-sl-finder-count]");
    return {
      name: box.dataset.slFinderGroup,
      everyCase: "slFinderEvery" in box.dataset,
      box,
      chosenText: box.querySelector("[data-sl-finder-chosen]"),
      inputs,
      values: inputs.map((input) => input.value),
      written: Object.fromEntries(inputs.map((input) => [input.value, Number(countOf(input).textContent)])),
      facts: Object.fromEntries(
        inputs.filter((input) => input.dataset.slFinderFact).map((input) => [input.value, input.dataset.slFinderFact]),
      ),
      countOf,
    };
  });
}

export function setupFinder(doc = document, win = window) {
  const form = doc.querySelector("[data-sl-finder]");
  const status = doc.querySelector("[data-sl-finder-status]");
  const list = doc.querySelector("[data-sl-finder-results]");
  const more = doc.querySelector("[data-sl-finder-more]");
  if (!form || !status || !list || !more) return null;
  const query = form.querySelector("[data-sl-finder-query]");
  const groups = readGroups(form);
  const names = groups.map((group) => group.name);
  const offered = Object.fromEntries(groups.map((group) => [group.name, group.values]));
  const everyCase = groups.filter((group) => group.everyCase).map((group) => group.name);
  everyCase.sort((a, b) => offered[a].length - offered[b].length);
  const labels = { facts: Object.fromEntries(groups.map((group) => [group.name, group.facts])) };
  const sortName = form.dataset.slFinderSort || "";
  const total = Object.values(groups.find((group) => group.name === "year")?.written || {}).reduce((a, b) => a + b, 0);
  const own = engine(new URL(`${form.dataset.slFinderIndex}pagefind.js`, SITE_ROOT).href, form.dataset.slFinderWord);
  const site = engine(new URL("pagefind/pagefind.js", SITE_ROOT).href, null);

  let started = false; // Pagefind has been asked for once: from then on every state is searched
  let generation = 0; // bumps on every search; stale async work checks it
  let pending = []; // results of the current search not shown yet
  let typingTimer = 0;
  let composing = false;

  function readForm() {
    const chosen = {};
    for (const group of groups) chosen[group.name] = group.inputs.filter((i) => i.checked).map((i) => i.value);
    return { q: query ? query.value.trim() : "", chosen };
  }

  function showState(state) {
    if (query) query.value = state.q;
    for (const group of groups) {
      const ticked = new Set(state.chosen[group.name] || []);
      for (const input of group.inputs) input.checked = ticked.has(input.value);
      if (ticked.size) group.box.open = true;
    }
  }

  function isEmpty(state) {
    return !state.q && chosenCount(state) === 0;
  }

  // Counts for every group: Pagefind's where it has them, the page's own for the empty state, else none shown.
  function showCounts(counts, state) {
    for (const group of groups) {
      const byValue = counts[group.name] || (isEmpty(state) ? group.written : null);
      group.box.toggleAttribute("data-sl-stale", !byValue);
      for (const input of group.inputs) {
        const count = byValue ? byValue[input.value] || 0 : null;
        const cell = group.countOf(input);
        cell.textContent = count === null ? "" : String(count);
        input.closest("label").toggleAttribute("data-sl-empty", count === 0);
      }
      if (group.chosenText) group.chosenText.textContent = MESSAGES.chosen((state.chosen[group.name] || []).length);
    }
  }

  function writeAddress(state, mode) {
    const current = stateFromSearch(win.location.search, names, offered);
    if (sameState(current, state, names)) return;
    const url = win.location.pathname + searchFromState(state, names) + win.location.hash;
    if (mode === "push") win.history.pushState(null, "", url);
    else win.history.replaceState(null, "", url);
  }

  function showMoreButton() {
    more.hidden = pending.length === 0;
    more.textContent = pending.length ? MESSAGES.more(pending.length) : "";
  }

  async function showNextPage(run, replace) {
    const next = pending.slice(0, PAGE_SIZE);
    const data = await Promise.all(next.map((result) => result.data()));
    if (run !== generation) return false;
    pending = pending.slice(next.length);
    const items = data.map((page) => resultItem(doc, page, labels));
    if (replace) list.replaceChildren(...items);
    else list.append(...items);
    showMoreButton();
    return true;
  }

  // Make a bundle hold the filter data of a group, so that its searches count it (a search for one
  // value loads the group's data, and finds few pages: quick).
  async function loadGroup(pagefind, bundle, name, term, options) {
    if (bundle.loaded.has(name)) return;
    await pagefind.search(term, { ...options, filters: { [name]: { any: offered[name].slice(0, 1) } } });
    bundle.loaded.add(name);
  }

  // `mode`: "push" or "replace" the address, or null; `needed`: search with Pagefind even in the empty state.
  async function update(mode = null, needed = false) {
    win.clearTimeout(typingTimer);
    const state = readForm();
    if (mode) writeAddress(state, mode);
    const run = ++generation;
    if (isEmpty(state) && !started && !needed) return showWritten(state);
    started = true;
    status.textContent = MESSAGES.loading;
    try {
      const bundle = state.q ? site : own;
      // A text query as the search dialog asks it: in simplified characters, cut into the index's words.
      const asked = state.q ? await querySearches(words, state.q) : null;
      const term = asked ? asked.searches[0] || state.q : bundle.word;
      const options = asked && asked.segmented ? SEGMENTED : {};
      const pagefind = await bundle.load();
      const shown = groups.filter((group) => group.box.open || (state.chosen[group.name] || []).length);
      await Promise.all(shown.map((group) => loadGroup(pagefind, bundle, group.name, term, options)));
      if (run !== generation) return;
      const counted = shown.map((group) => group.name);
      const planned = { everyCase, offered, term, counted, anchor: bundle.anchor };
      const searches = plannedSearches(state.chosen, names, planned);
      const sort = !state.q && sortName ? { [sortName]: "desc" } : undefined;
      const responses = await Promise.all(
        searches.map((search) =>
          pagefind.search(search.term, {
            ...options, filters: search.filters, ...(search.listed && sort ? { sort } : {}),
          }),
        ),
      );
      if (run !== generation) return;
      const counts = countsFrom(searches, responses, offered);
      for (const name of names) if (!bundle.loaded.has(name) || !counted.includes(name)) delete counts[name];
      const results = listedResults(searches, responses);
      pending = results.slice();
      if (!(await showNextPage(run, true))) return;
      showCounts(counts, state);
      list.hidden = results.length === 0;
      status.textContent = results.length ? MESSAGES.found(results.length) : MESSAGES.none;
      form.dataset.slFinderDone = searchFromState(state, names) || "?";
    } catch (error) {
      if (run === generation) status.textContent = MESSAGES.failed;
      for (const listing of doc.querySelectorAll("[data-sl-finder-static]")) listing.hidden = false;
      console.warn("shangliang finder:", error);
    }
  }

  // The empty state before Pagefind is needed: the newest cases and the counts, as the page has them.
  function showWritten(state) {
    showCounts({}, state);
    pending = [];
    more.hidden = total <= list.children.length;
    more.textContent = more.hidden ? "" : MESSAGES.more(total - list.children.length);
    list.hidden = list.children.length === 0;
    status.textContent = total ? MESSAGES.found(total) : MESSAGES.none;
    form.dataset.slFinderDone = "?";
  }

  function typed() {
    win.clearTimeout(typingTimer);
    if (composing) return;
    typingTimer = win.setTimeout(() => update("replace"), TYPING_MS);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    update("push");
  });
  form.addEventListener("change", (event) => {
    if (event.target instanceof HTMLInputElement && event.target.type === "checkbox") update("push");
  });
  form.addEventListener("reset", () => win.setTimeout(() => update("push"), 0));
  for (const group of groups) {
    group.box.addEventListener("toggle", () => {
      if (group.box.open && group.box.hasAttribute("data-sl-stale")) update(null);
    });
  }
  if (query) {
    query.addEventListener("input", typed);
    query.addEventListener("compositionstart", () => (composing = true));
    query.addEventListener("compositionend", () => {
      composing = false;
      typed();
    });
  }
  more.addEventListener("click", async () => {
    if (!started) {
      const shown = list.children.length;
      await update(null, true); // the same first page, now from Pagefind, then the next one
      if (list.children.length < shown) return;
    }
    showNextPage(generation, false);
  });
  win.addEventListener("popstate", () => {
    showState(stateFromSearch(win.location.search, names, offered));
    update(null);
  });

  showState(stateFromSearch(win.location.search, names, offered));
  form.hidden = false;
  for (const listing of doc.querySelectorAll("[data-sl-finder-static]")) listing.hidden = true;
  update(null);
  return { update };
}

setupFinder();
