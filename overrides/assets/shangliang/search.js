// shangliang search: Pagefind behind Material's search dialog.
//
// The entry module (overrides/main.html loads it as type=module); the work is
// done by three modules under search/:
//
// - search/dialog.js: the dialog (open/close, keyboard, focus, typing, status
//   line, "show more"); imports Pagefind on first use
// - search/words.js: the query in the index's script, cut into the index's own
//   words (files the build writes into pagefind/shangliang/)
// - search/query.js: those cuts as Pagefind searches, merged (near-match
//   fallback), and the results a page at a time
// - search/render.js: a result as escaped HTML (only Pagefind's <mark> kept)
//
// Pagefind is found relative to the site root, so the site also works when
// served under a sub-path.

import { setupSearchDialog } from "./search/dialog.js";
import { findResults, ResultPages } from "./search/query.js";
import { renderResult } from "./search/render.js";
import { querySearches, searchWords } from "./search/words.js";

const SITE_ROOT = new URL("../../", import.meta.url); // assets/shangliang/ -> site root
const words = searchWords(new URL("pagefind/shangliang/search.json", SITE_ROOT).href);

setupSearchDialog({
  pagefindUrl: new URL("pagefind/pagefind.js", SITE_ROOT).href,
  findResults: async (pagefind, query, isCurrent) => {
    const searches = await querySearches(words, query);
    return isCurrent() ? findResults(pagefind, searches, isCurrent) : null;
  },
  prepare: (query) => words.prefetch(query),
  pages: (results) => new ResultPages(results),
  renderResult: (data) => renderResult(data),
});
