// shangliang search: how the typed text becomes Pagefind searches.
//
// A query is first searched as typed. Pagefind finds the pages that hold
// every term of a query, but the browser and the index cut Chinese into words
// differently (红阳 may be 红 + 阳 in a query but one word in the index), so a
// query can miss the very page it names. Then the results are the pages that
// hold all terms but one (searching again with each term left out), best
// scores first; failing that, the pages holding the most terms. The index
// chunks of every term are loaded already: these searches download nothing
// more. Results are then shown a page at a time (ResultPages), and only the
// data of the results shown is fetched.
//
// Every function takes `isCurrent`, a function that says whether the query is
// still the one on screen; once it is not, they stop and resolve to null.

/** Results whose data is fetched and shown at a time. */
export const PAGE_SIZE = 10;

const SEGMENTER =
  typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter("zh", { granularity: "word" }) : null;

/** The words of a query, cut as the browser cuts Chinese (or at blanks without Intl.Segmenter). */
export function queryTerms(query) {
  if (!SEGMENTER) return query.split(/\s+/).filter(Boolean);
  return Array.from(SEGMENTER.segment(query))
    .filter((part) => part.isWordLike)
    .map((part) => part.segment);
}

// Merge searches: per page, the number of searches that found it and its best score.
async function mergedSearches(pagefind, queries, isCurrent) {
  const pages = new Map();
  for (const query of queries) {
    const search = await pagefind.search(query);
    if (!isCurrent()) return null;
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

/** The near matches of a query that found nothing: `{results}`, or null when there are none. */
export async function searchNear(pagefind, query, isCurrent) {
  const terms = queryTerms(query);
  if (terms.length < 2) return null;
  const allButOne = new Set(terms.map((_, left) => terms.filter((__, i) => i !== left).join(" ")));
  const near = await mergedSearches(pagefind, Array.from(allButOne), isCurrent);
  if (near || !isCurrent()) return near;
  return mergedSearches(pagefind, Array.from(new Set(terms)), isCurrent);
}

/**
 * Search `query`, falling back to its near matches: `{results, near}` where
 * `near` says the results are near matches (results may be empty), or null
 * once the query is no longer current.
 */
export async function findResults(pagefind, query, isCurrent) {
  let search = await pagefind.search(query);
  if (!isCurrent()) return null;
  let near = false;
  if (!(search && search.results.length)) {
    const nearSearch = await searchNear(pagefind, query, isCurrent);
    if (!isCurrent()) return null;
    if (nearSearch) [search, near] = [nearSearch, true];
  }
  return { results: (search && search.results) || [], near };
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
