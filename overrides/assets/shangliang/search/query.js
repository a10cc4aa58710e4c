// shangliang search: how the typed text becomes Pagefind searches.
//
// The query is converted to the index's script and cut into the index's own words
// (words.js): one Pagefind search per way of cutting it (coarse and fine, and in
// the traditional characters the index holds, when that differs), each given to
// Pagefind already cut (`segmented: true`, which the build teaches pagefind.js).
// The chunks of all of them are loaded at once; the results are merged, each page
// with its best score, and the pages that hold the query's words in a row (an
// exact-phrase search of the same terms) come first. When no page holds every
// term, the results are the pages
// that hold all terms but one (searching again with each term left out), best
// scores first; failing that, the pages holding the most terms. Results are then
// shown a page at a time (ResultPages), and only the data of the results shown is
// fetched.
//
// Every function takes `isCurrent`, a function that says whether the query is
// still the one on screen; once it is not, they stop and resolve to null.

/** Results whose data is fetched and shown at a time. */
export const PAGE_SIZE = 10;

/** Options of a Pagefind search whose terms are cut already (pagefind.js as the build patched it). */
export const SEGMENTED = { segmented: true };

// Merge searches: per page, the number of searches that found it and its best score.
async function mergedSearches(pagefind, queries, isCurrent, options = SEGMENTED,
                              rank = (a, b) => b.found - a.found || b.score - a.score) {
  await Promise.all(queries.map((query) => pagefind.preload(query, { ...options })));
  if (!isCurrent()) return null;
  const pages = new Map();
  for (const query of queries) {
    const search = await pagefind.search(query, { ...options });
    if (!isCurrent()) return null;
    for (const result of (search && search.results) || []) {
      const page = pages.get(result.id) || { result, found: 0, score: 0 };
      page.found += 1;
      if (result.score > page.score) [page.score, page.result] = [result.score, result];
      pages.set(result.id, page);
    }
  }
  const ranked = Array.from(pages.values()).sort(rank);
  return ranked.length ? { results: ranked.map((page) => page.result) } : null;
}

/** The near matches of a query cut into `terms`: `{results}`, or null when there are none. */
export async function searchNear(pagefind, terms, isCurrent, options = SEGMENTED) {
  if (terms.length < 2) return null;
  const allButOne = new Set(terms.map((_, left) => terms.filter((__, i) => i !== left).join(" ")));
  const near = await mergedSearches(pagefind, Array.from(allButOne), isCurrent, options);
  if (near || !isCurrent()) return near;
  return mergedSearches(pagefind, Array.from(new Set(terms)), isCurrent, options);
}

/**
 * Search a query given as words.js' querySearches gives it (`{searches, phrases, segmented}`),
 * falling back to near matches: `{results, near}` where `near` says the results
 * are near matches (results may be empty), or null once the query is no longer
 * current. Pages found by a phrase (the words in a row) come first.
 */
export async function findResults(pagefind, { searches, phrases = [], segmented = true }, isCurrent) {
  const all = [...searches, ...phrases];
  if (!all.length) return { results: [], near: false };
  const options = segmented ? SEGMENTED : {};
  const [found, inARow] = await Promise.all([
    mergedSearches(pagefind, all, isCurrent, options, (a, b) => b.score - a.score),
    phrases.length ? mergedSearches(pagefind, phrases, isCurrent, options) : null,
  ]);
  if (!isCurrent()) return null;
  if (found) {
    const first = new Set(((inARow && inARow.results) || []).map((result) => result.id));
    const group = (result) => (first.has(result.id) ? 0 : 1);
    return { results: found.results.slice().sort((a, b) => group(a) - group(b)), near: false };
  }
  if (!searches.length) return { results: [], near: false };
  const near = await searchNear(pagefind, searches.at(-1).split(" "), isCurrent, options);
  if (!isCurrent()) return null;
  return { results: (near && near.results) || [], near: Boolean(near) };
}

/** A query's results not shown yet, handed out PAGE_SIZE at a time with their data. */
export class ResultPages {
  constructor(results = [], size = PAGE_SIZE) {
    this.pending = results.slice();
    this.size = size;
  }

  /** How many results are left. */
  get remaining() {
    return this.pending.length;
  }

  /** The data (`await result.data()`) of the next page of results; they are no longer pending. */
  next() {
    const batch = this.pending.splice(0, this.size);
    return Promise.all(batch.map((result) => result.data()));
  }
}
