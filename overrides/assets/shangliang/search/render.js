// shangliang search: results as HTML.
//
// Everything here turns the data of one Pagefind result (`await result.data()`:
// url, meta, excerpt) into markup, and nothing here touches the page: each
// function takes data and returns a string (renderResult alone builds a
// detached <li> from that string). All of that data comes from the index and
// is escaped; the only markup kept from it is the <mark> Pagefind puts into
// excerpts. tests/browser/test_search_escaping.py checks this in Chromium.

const ESCAPED = /[&<>"']/g;

/** Text as HTML text or a quoted attribute value: & < > " ' become character references. */
export function escapeHtml(text) {
  return String(text).replace(ESCAPED, (c) => `&#${c.charCodeAt(0)};`);
}

// Placeholders for <mark> and </mark> while the rest is escaped; never kept
// from the data, so the data cannot forge a mark that is not its own.
const PLACEHOLDERS = /[\u0001-\u0003]/g;

/**
 * Pagefind's excerpt HTML with every tag but <mark> escaped. Pagefind's
 * excerpts are escaped text with <mark> added: entities already in it
 * (&amp;, &#39;, …) are kept as they are.
 */
export function safeExcerpt(html) {
  return escapeHtml(String(html).replace(PLACEHOLDERS, "").replace(/<\/?mark>/g, "\u0001"))
    .replace(/\u0001([^\u0001]*)\u0001/g, "<mark>$1</mark>")
    .replace(/\u0001/g, "")
    .replace(/&#38;(#?\w+;)/g, "&$1"); // pagefind already escaped entities
}

const SAFE_SCHEMES = new Set(["http:", "https:"]);

/**
 * A result's URL for an href: the URL itself when it leads to a web page
 * (a path of the site, or http/https), else "#" (javascript:, data:, …).
 * Escape it as any attribute value.
 */
export function safeUrl(url, base = globalThis.document ? document.baseURI : "http://localhost/") {
  const text = String(url);
  try {
    return SAFE_SCHEMES.has(new URL(text, base).protocol) ? text : "#";
  } catch {
    return "#";
  }
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

/**
 * The teaser under a result's title: the safe excerpt without a leading
 * repetition of `title`, blocks joined with 。 (uses a detached <template>).
 */
export function excerptHtml(excerpt, title) {
  const box = document.createElement("template");
  box.innerHTML = safeExcerpt(excerpt || "");
  dropLeadingTitle(box.content, title);
  return box.innerHTML.trim().replace(BLOCK_JOIN, "$1$2。").replace(PUNCT_BLANK, "$1");
}

/**
 * The line of facts a page may declare with data-pagefind-meta (brand,
 * district, date), or "" when it declares none.
 */
export function factsHtml(meta) {
  const facts = ["brand", "district", "date"].map((key) => (meta || {})[key]).filter(Boolean);
  return facts.length
    ? `<p class="sl-search-result__facts">${facts.map(escapeHtml).join(" · ")}</p>`
    : "";
}

/** The escaped title, with the words Pagefind marked in the (safe) excerpt marked in it too. */
export function titleHtml(title, excerpt) {
  const words = [...new Set((String(excerpt).match(/<mark>([^<]+)<\/mark>/g) || []).map((m) => m.slice(6, -7)))];
  let html = escapeHtml(String(title).replace(PLACEHOLDERS, ""));
  for (const word of words.filter((w) => w.trim()).sort((a, b) => b.length - a.length)) {
    html = html.split(escapeHtml(word)).join(`\u0002${escapeHtml(word)}\u0003`);
  }
  return html.replace(/\u0002/g, "<mark>").replace(/\u0003/g, "</mark>");
}

/** The inside of one result's list item: a Material-styled link to the page. */
export function resultHtml(data) {
  const meta = data.meta || {};
  const title = meta.title || data.url;
  return (
    `<a href="${escapeHtml(safeUrl(data.url))}" class="md-search-result__link">` +
    '<article class="md-search-result__article md-search-result__article--document md-typeset">' +
    '<div class="md-search-result__icon md-icon"></div>' +
    `<h2 class="sl-search-result__title">${titleHtml(title, safeExcerpt(data.excerpt || ""))}</h2>` +
    factsHtml(meta) +
    `<p class="md-search-result__teaser">${excerptHtml(data.excerpt, title)}</p>` +
    "</article></a>"
  );
}

/** One result as a detached <li class="md-search-result__item">. */
export function renderResult(data, doc = document) {
  const item = doc.createElement("li");
  item.className = "md-search-result__item";
  item.innerHTML = resultHtml(data);
  return item;
}
