// shangliang search: Pagefind behind Material's search dialog.
//
// The dialog markup is overrides/shangliang/partials/search.html. Material's
// own search component is not used (no lunr, no search_index.json); this
// module drives the same `__search` toggle and renders Material-styled
// results. Pagefind is imported lazily on first use, relative to the site
// root, so the site also works when served under a sub-path.

const SITE_ROOT = new URL("../../", import.meta.url); // assets/shangliang/ -> site root
const PAGEFIND_URL = new URL("pagefind/pagefind.js", SITE_ROOT).href;
const PAGE_SIZE = 10;
const DEBOUNCE_MS = 220;

const MSG = {
  idle: "输入关键词开始搜索",
  loading: "正在加载…",
  searching: "正在搜索…",
  none: "没有找到结果",
  found: (n) => `找到 ${n} 条结果`,
  near: (n) => `没有完全匹配的结果，以下是相近的 ${n} 条`,
  more: (n) => `显示更多结果（还有 ${n} 条）`,
  failed: "搜索暂时不可用，请稍后再试",
};

const toggle = document.getElementById("__search");
const dialog = document.querySelector("[data-sl-search]");
const form = dialog && dialog.querySelector("[data-sl-search-form]");
const input = dialog && dialog.querySelector("[data-sl-search-query]");
const meta = dialog && dialog.querySelector("[data-sl-search-meta]");
const list = dialog && dialog.querySelector("[data-sl-search-list]");
const resultBox = dialog && dialog.querySelector("[data-sl-search-result]");

let pagefindPromise = null;
let generation = 0; // bumps on every new query; stale async work checks it
let pending = []; // results of the current query not rendered yet
let moreButton = null;
let debounceTimer = 0;
let lastQuery = "";

function loadPagefind() {
  if (!pagefindPromise) {
    pagefindPromise = import(PAGEFIND_URL)
      .then(async (pagefind) => {
        // noWorker: search on the main thread (fast at our size) and skip
        // downloading pagefind-worker.js, one request and ~40 KB fewer.
        await pagefind.options({ excerptLength: 36, noWorker: true });
        await pagefind.init();
        return pagefind;
      })
      .catch((error) => {
        pagefindPromise = null; // allow a retry on the next keystroke
        throw error;
      });
  }
  return pagefindPromise;
}

// Pagefind finds the pages that hold every term of a query. The browser and
// the index cut Chinese into words differently (红阳 may be 红 + 阳 in a query
// but one word in the index), so a query can miss the very page it names.
// Then show the pages that hold all terms but one (searching again with each
// term left out), best scores first; failing that, the pages holding the most
// terms. The index chunks of every term are loaded already: these searches
// download nothing more.
const SEGMENTER =
  typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter("zh", { granularity: "word" }) : null;

function queryTerms(query) {
  if (!SEGMENTER) return query.split(/\s+/).filter(Boolean);
  return Array.from(SEGMENTER.segment(query))
    .filter((part) => part.isWordLike)
    .map((part) => part.segment);
}

// Merge searches: per page, the number of searches that found it and its best score.
async function mergedSearches(pagefind, queries, gen) {
  const pages = new Map();
  for (const query of queries) {
    const search = await pagefind.search(query);
    if (gen !== generation) return null;
    for (const result of (search && search.results) || []) {
      const page = pages.get(result.id) || { result, found: 0, score: 0 };
      page.found += 1;
      page.score = Math.max(page.score, result.score);
      pages.set(result.id, page);
    }
  }
  const ranked = Array.from(pages.values()).sort((a, b) => b.found - a.found || b.score - a.score);
  return ranked.length ? { results: ranked.map((page) => page.result) } : null;
}

async function searchNear(pagefind, query, gen) {
  const terms = queryTerms(query);
  if (terms.length < 2) return null;
  const allButOne = new Set(terms.map((_, left) => terms.filter((__, i) => i !== left).join(" ")));
  const near = await mergedSearches(pagefind, Array.from(allButOne), gen);
  if (near || gen !== generation) return near;
  return mergedSearches(pagefind, Array.from(new Set(terms)), gen);
}

function setToggle(open) {
  if (toggle && toggle.checked !== open) {
    toggle.checked = open;
    // Material's bundle listens for this (scroll lock on phones).
    toggle.dispatchEvent(new Event("change"));
  }
}

function isOpen() {
  return Boolean(toggle && toggle.checked);
}

function setMeta(text) {
  if (meta.textContent !== text) meta.textContent = text;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Pagefind excerpts are escaped text with <mark> added; keep only that.
function safeExcerpt(html) {
  return escapeHtml(String(html).replace(/<\/?mark>/g, "\u0001"))
    .replace(/\u0001([^\u0001]*)\u0001/g, "<mark>$1</mark>")
    .replace(/\u0001/g, "")
    .replace(/&#38;(#?\w+;)/g, "&$1"); // pagefind already escaped entities
}

function clearResults() {
  list.replaceChildren();
  pending = [];
  if (moreButton) moreButton.hidden = true;
}

// Pagefind joins blocks (heading, paragraph) with ". "; in Chinese use 。
const BLOCK_JOIN = /([\u3400-\u4dbf\u4e00-\u9fff])((?:<\/mark>)?)\.(?= |$) ?/g;
// Blank left after full-width punctuation by the page's markup.
const PUNCT_BLANK = /([\u3000-\u303f\uff01-\uff0f\uff1a-\uff1f])\s+/g;

// When the match is in the heading, the excerpt starts with (the end of) the
// title that is already shown above it: drop that repetition.
function dropLeadingTitle(root, title) {
  const plain = root.textContent;
  const head = plain.match(/^(.*?)[.。]\s*/);
  if (!title || !head || head[1].length < 2 || !title.endsWith(head[1])) return;
  if (plain.length - head[0].length < 8) return; // nothing left worth showing
  let remove = head[0].length;
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  for (const node of nodes) {
    if (remove <= 0) break;
    const cut = Math.min(remove, node.data.length);
    node.data = node.data.slice(cut);
    remove -= cut;
  }
  for (const mark of root.querySelectorAll("mark")) if (!mark.textContent) mark.remove();
}

function excerptHtml(data, title) {
  const box = document.createElement("template");
  box.innerHTML = safeExcerpt(data.excerpt || "");
  dropLeadingTitle(box.content, title);
  return box.innerHTML.trim().replace(BLOCK_JOIN, "$1$2。").replace(PUNCT_BLANK, "$1");
}

// Optional facts a page may declare with data-pagefind-meta (brand, district, date).
function factsLine(meta) {
  const facts = ["brand", "district", "date"].map((key) => meta[key]).filter(Boolean);
  return facts.length
    ? `<p class="sl-search-result__facts">${facts.map(escapeHtml).join(" · ")}</p>`
    : "";
}

// Mark in the title the words Pagefind marked in the excerpt.
function titleHtml(title, excerpt) {
  const words = [...new Set((excerpt.match(/<mark>([^<]+)<\/mark>/g) || []).map((m) => m.slice(6, -7)))];
  let html = escapeHtml(title);
  for (const word of words.filter((w) => w.trim()).sort((a, b) => b.length - a.length)) {
    html = html.split(escapeHtml(word)).join(`\u0002${escapeHtml(word)}\u0003`);
  }
  return html.replace(/\u0002/g, "<mark>").replace(/\u0003/g, "</mark>");
}

function renderItem(data) {
  const meta = data.meta || {};
  const title = meta.title || data.url;
  const item = document.createElement("li");
  item.className = "md-search-result__item";
  item.innerHTML =
    `<a href="${escapeHtml(data.url)}" class="md-search-result__link">` +
    '<article class="md-search-result__article md-search-result__article--document md-typeset">' +
    '<div class="md-search-result__icon md-icon"></div>' +
    `<h2 class="sl-search-result__title">${titleHtml(title, safeExcerpt(data.excerpt || ""))}</h2>` +
    factsLine(meta) +
    `<p class="md-search-result__teaser">${excerptHtml(data, title)}</p>` +
    "</article></a>";
  return item;
}

function ensureMoreButton() {
  if (!moreButton) {
    moreButton = document.createElement("button");
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
  const batch = pending.splice(0, PAGE_SIZE);
  const datas = await Promise.all(batch.map((result) => result.data()));
  if (gen !== generation) return;
  const fragment = document.createDocumentFragment();
  for (const data of datas) fragment.append(renderItem(data));
  list.append(fragment);
  const button = ensureMoreButton();
  button.hidden = pending.length === 0;
  if (pending.length) button.textContent = MSG.more(pending.length);
}

// The query whose results are on screen (also lets tests wait for them).
function markDone(query) {
  resultBox.setAttribute("data-sl-search-done", query);
}

async function runSearch(query) {
  const gen = ++generation;
  lastQuery = query;
  resultBox.removeAttribute("data-sl-search-done");
  if (!query) {
    clearResults();
    setMeta(MSG.idle);
    return;
  }
  setMeta(pagefindPromise ? MSG.searching : MSG.loading);
  try {
    const pagefind = await loadPagefind();
    if (gen !== generation) return;
    let search = await pagefind.search(query);
    if (gen !== generation) return;
    let near = false;
    if (!(search && search.results.length)) {
      const nearSearch = await searchNear(pagefind, query, gen);
      if (gen !== generation) return;
      if (nearSearch) [search, near] = [nearSearch, true];
    }
    clearResults();
    const results = (search && search.results) || [];
    if (!results.length) {
      setMeta(MSG.none);
      markDone(query);
      return;
    }
    pending = results.slice();
    await renderNextPage(gen);
    if (gen !== generation) return;
    setMeta(near ? MSG.near(results.length) : MSG.found(results.length));
    markDone(query);
  } catch (error) {
    if (gen !== generation) return;
    clearResults();
    setMeta(MSG.failed);
    markDone(query);
    console.warn("shangliang search:", error);
  }
}

function scheduleSearch() {
  clearTimeout(debounceTimer);
  const query = input.value.trim();
  if (query === lastQuery) return;
  debounceTimer = setTimeout(() => runSearch(query), DEBOUNCE_MS);
}

function resultLinks() {
  return Array.from(list.querySelectorAll(".md-search-result__link"));
}

function isEditable(element) {
  if (!element) return false;
  if (element.isContentEditable) return true;
  return ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName);
}

function openSearch() {
  setToggle(true);
  input.focus();
  input.select();
  loadPagefind().catch(() => {}); // warm up while the user types
}

function closeSearch() {
  setToggle(false);
  if (dialog.contains(document.activeElement)) document.activeElement.blur();
}

function onKeydown(event) {
  if (event.metaKey || event.ctrlKey || event.altKey) return;
  const active = document.activeElement;
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

function setup() {
  if (!toggle || !dialog || !form || !input || !meta || !list || !resultBox) return;

  input.addEventListener("input", (event) => {
    if (event.isComposing) return; // wait for the IME to commit (pinyin)
    scheduleSearch();
  });
  input.addEventListener("compositionend", scheduleSearch);
  // On wide screens the field sits in the header; focusing it opens the dialog.
  input.addEventListener("focus", () => {
    setToggle(true);
    loadPagefind().catch(() => {});
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(debounceTimer);
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
    runSearch("");
    setTimeout(() => input.focus(), 0);
  });

  // The header button, the back arrow and the overlay are labels of the
  // toggle. Handle their clicks here so that the field is focused within the
  // tap itself (phones raise the keyboard only then) and the focus handler
  // above cannot race the label's own toggling.
  for (const label of document.querySelectorAll('label[for="__search"]')) {
    label.addEventListener("click", (event) => {
      event.preventDefault();
      if (isOpen()) closeSearch();
      else openSearch();
    });
  }
  toggle.addEventListener("change", () => {
    if (toggle.checked) {
      if (document.activeElement !== input) input.focus();
    } else if (dialog.contains(document.activeElement)) {
      document.activeElement.blur();
    }
  });

  list.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("a")) setToggle(false);
  });

  window.addEventListener("keydown", onKeydown);

  // Support links such as /?q=路灯 (as Material's search does).
  const query = new URLSearchParams(location.search).get("q");
  if (query) {
    input.value = query;
    setToggle(true);
    runSearch(query.trim());
  }
}

setup();
