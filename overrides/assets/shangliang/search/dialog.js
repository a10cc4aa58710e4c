// shangliang search: the dialog.
//
// The dialog markup is overrides/shangliang/partials/search.html. Material's
// own search component is not used (no lunr, no search_index.json); this
// module drives the same `__search` toggle: opening and closing, the keyboard
// (/ or s opens, Esc closes, arrows move between the field and the results),
// focus, the typed text (IME-aware), the status line, "show more" and /?q=
// links. Pagefind is imported on first use only. How a query is searched and how
// a result looks are given to setupSearchDialog (search.js passes query.js,
// words.js and render.js).
//
// A search starts TYPING_PAUSE_MS after the last keystroke (long enough to let a
// burst of typed characters through as one query, short enough not to be felt),
// and at once when an input method commits its text or the form is submitted;
// whatever the next search needs (Pagefind, the words of the typed characters) is
// fetched from the first keystroke on.

const TYPING_PAUSE_MS = 40;

/** The dialog's status messages. */
export const MESSAGES = {
  idle: "输入关键词开始搜索",
  loading: "正在加载…",
  searching: "正在搜索…",
  none: "没有找到结果",
  found: (n) => `找到 ${n} 条结果`,
  near: (n) => `没有完全匹配的结果，以下是相近的 ${n} 条`,
  more: (n) => `显示更多结果（还有 ${n} 条）`,
  failed: "搜索暂时不可用，请稍后再试",
};

// noWorker: search on the main thread (fast at our size) and skip
// downloading pagefind-worker.js, one request and ~40 KB fewer.
// ranking: a title that holds the query's words counts for more than Pagefind's
// default (5), so that a brand, district or venue is found by its name first; the
// facts a case page declares for its result line (data-pagefind-meta in case.html)
// add nothing, or every case of a district would outrank the district's own page.
const FACT_FIELDS = ["brand", "district", "venue", "partners", "date"];
const PAGEFIND_OPTIONS = {
  excerptLength: 36,
  noWorker: true,
  ranking: { metaWeights: { title: 10, ...Object.fromEntries(FACT_FIELDS.map((field) => [field, 0])) } },
};

/**
 * Pagefind, imported from `url` and initialised on the first load() (later
 * calls share it); a failed load is tried again on the next call.
 */
export function pagefindLoader(url, options = PAGEFIND_OPTIONS) {
  let promise = null;
  return {
    get started() {
      return promise !== null;
    },
    load() {
      if (!promise) {
        promise = import(url)
          .then(async (pagefind) => {
            await pagefind.options(options);
            await pagefind.init();
            return pagefind;
          })
          .catch((error) => {
            promise = null; // allow a retry on the next keystroke
            throw error;
          });
      }
      return promise;
    },
  };
}

function isEditable(element) {
  if (!element) return false;
  if (element.isContentEditable) return true;
  return ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName);
}

/**
 * Drive the search dialog of `doc`. Does nothing if the page has no dialog.
 *
 * - pagefindUrl: where pagefind.js is
 * - findResults(pagefind, query, isCurrent): `{results, near}`, or null once stale
 * - pages(results): the results not shown yet, `{remaining, next()}`; next()
 *   resolves to the data of the next page of them
 * - renderResult(data): one result's <li>
 * - prepare(query): start fetching what searching `query` will need (optional)
 */
export function setupSearchDialog({ pagefindUrl, findResults, pages, renderResult, prepare = () => {}, doc = document }) {
  const toggle = doc.getElementById("__search");
  const dialog = doc.querySelector("[data-sl-search]");
  const form = dialog && dialog.querySelector("[data-sl-search-form]");
  const input = dialog && dialog.querySelector("[data-sl-search-query]");
  const meta = dialog && dialog.querySelector("[data-sl-search-meta]");
  const list = dialog && dialog.querySelector("[data-sl-search-list]");
  const resultBox = dialog && dialog.querySelector("[data-sl-search-result]");
  if (!toggle || !dialog || !form || !input || !meta || !list || !resultBox) return;

  const pagefind = pagefindLoader(pagefindUrl);
  let generation = 0; // bumps on every new query; stale async work checks it
  let pending = pages([]); // results of the current query not rendered yet
  let moreButton = null;
  let debounceTimer = 0;
  let lastQuery = "";

  function setToggle(open) {
    if (toggle.checked !== open) {
      toggle.checked = open;
      // Material's bundle listens for this (scroll lock on phones).
      toggle.dispatchEvent(new Event("change"));
    }
  }

  function isOpen() {
    return Boolean(toggle.checked);
  }

  function setMeta(text) {
    if (meta.textContent !== text) meta.textContent = text;
  }

  function clearResults() {
    list.replaceChildren();
    pending = pages([]);
    if (moreButton) moreButton.hidden = true;
  }

  function ensureMoreButton() {
    if (!moreButton) {
      moreButton = doc.createElement("button");
      moreButton.type = "button";
      moreButton.className = "sl-search-more";
      moreButton.hidden = true;
      moreButton.addEventListener("click", () => {
        renderNextPage(generation);
      });
      resultBox.append(moreButton);
    }
    return moreButton;
  }

  async function renderNextPage(gen) {
    const batch = pending;
    const datas = await batch.next();
    if (gen !== generation) return;
    const fragment = doc.createDocumentFragment();
    for (const data of datas) fragment.append(renderResult(data));
    list.append(fragment);
    const button = ensureMoreButton();
    button.hidden = batch.remaining === 0;
    if (batch.remaining) button.textContent = MESSAGES.more(batch.remaining);
  }

  // The query whose results are on screen (also lets tests wait for them).
  function markDone(query) {
    resultBox.setAttribute("data-sl-search-done", query);
  }

  async function runSearch(query) {
    const gen = ++generation;
    const isCurrent = () => gen === generation;
    lastQuery = query;
    resultBox.removeAttribute("data-sl-search-done");
    if (!query) {
      clearResults();
      setMeta(MESSAGES.idle);
      return;
    }
    setMeta(pagefind.started ? MESSAGES.searching : MESSAGES.loading);
    try {
      const loaded = await pagefind.load();
      if (!isCurrent()) return;
      const found = await findResults(loaded, query, isCurrent);
      if (!found || !isCurrent()) return;
      clearResults();
      const { results, near } = found;
      if (!results.length) {
        setMeta(MESSAGES.none);
        markDone(query);
        return;
      }
      pending = pages(results);
      await renderNextPage(gen);
      if (!isCurrent()) return;
      setMeta(near ? MESSAGES.near(results.length) : MESSAGES.found(results.length));
      markDone(query);
    } catch (error) {
      if (!isCurrent()) return;
      clearResults();
      setMeta(MESSAGES.failed);
      markDone(query);
      console.warn("shangliang search:", error);
    }
  }

  // The query a timer is set for, and when it fires: the `input` and `compositionend`
  // events of one commit (in either order, as browsers differ) search once, at the
  // earlier of their times.
  let scheduledQuery = null;
  let scheduledAt = 0;

  function scheduleSearch(pause = TYPING_PAUSE_MS) {
    const query = input.value.trim();
    const at = performance.now() + pause;
    if (query === lastQuery || (query === scheduledQuery && scheduledAt <= at)) return;
    clearTimeout(debounceTimer);
    warm(query);
    [scheduledQuery, scheduledAt] = [query, at];
    debounceTimer = setTimeout(() => {
      scheduledQuery = null;
      runSearch(query);
    }, pause);
  }

  function warm(query = "") {
    pagefind.load().catch(() => {});
    Promise.resolve()
      .then(() => prepare(query))
      .catch(() => {});
  }

  function resultLinks() {
    return Array.from(list.querySelectorAll(".md-search-result__link"));
  }

  function openSearch() {
    setToggle(true);
    input.focus();
    input.select();
    warm(input.value.trim()); // while the user types
  }

  function closeSearch() {
    setToggle(false);
    if (dialog.contains(doc.activeElement)) doc.activeElement.blur();
  }

  function onKeydown(event) {
    if (event.metaKey || event.ctrlKey || event.altKey) return;
    const active = doc.activeElement;
    if (isOpen()) {
      if (event.key === "Escape") {
        event.preventDefault();
        closeSearch();
      } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        const stops = [input, ...resultLinks()];
        if (stops.length < 2) return;
        const index = stops.indexOf(active);
        const step = event.key === "ArrowDown" ? 1 : -1;
        const next = stops[(Math.max(index, 0) + step + stops.length) % stops.length];
        event.preventDefault();
        next.focus();
      }
      return;
    }
    if (isEditable(active)) return;
    if (event.key === "/" || event.key === "s" || event.key === "S") {
      event.preventDefault();
      openSearch();
    }
  }

  input.addEventListener("input", (event) => {
    if (event.isComposing) return; // wait for the IME to commit (pinyin)
    scheduleSearch(event.inputType === "insertFromPaste" ? 0 : TYPING_PAUSE_MS);
  });
  input.addEventListener("compositionend", () => scheduleSearch(0));
  // On wide screens the field sits in the header; focusing it opens the dialog.
  input.addEventListener("focus", () => {
    setToggle(true);
    warm(input.value.trim());
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(debounceTimer);
    scheduledQuery = null;
    const first = resultLinks()[0];
    const query = input.value.trim();
    if (first && query === lastQuery) {
      first.click();
    } else {
      runSearch(query);
    }
  });
  form.addEventListener("reset", () => {
    clearTimeout(debounceTimer);
    scheduledQuery = null;
    runSearch("");
    setTimeout(() => input.focus(), 0);
  });

  // The header button, the back arrow and the overlay are labels of the
  // toggle. Handle their clicks here so that the field is focused within the
  // tap itself (phones raise the keyboard only then) and the focus handler
  // above cannot race the label's own toggling.
  for (const label of doc.querySelectorAll('label[for="__search"]')) {
    label.addEventListener("click", (event) => {
      event.preventDefault();
      if (isOpen()) closeSearch();
      else openSearch();
    });
  }
  toggle.addEventListener("change", () => {
    if (toggle.checked) {
      if (doc.activeElement !== input) input.focus();
    } else if (dialog.contains(doc.activeElement)) {
      doc.activeElement.blur();
    }
  });

  list.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("a")) setToggle(false);
  });

  const view = doc.defaultView || window;
  view.addEventListener("keydown", onKeydown);

  // Support links such as /?q=路灯 (as Material's search does).
  const query = new URLSearchParams(view.location.search).get("q");
  if (query) {
    input.value = query;
    setToggle(true);
    runSearch(query.trim());
  }
}
