// shangliang case finder: a state as Pagefind searches, and the count beside each value.
//
// Values ticked in one group widen it (闽侯县 or 鼓楼区: Pagefind's `any`),
// groups narrow each other (闽侯县 and 2024). Pagefind counts, for every value,
// the results of a search that also have that value; the count beside a value
// must be the cases the reader gets by ticking it, so a group with ticked
// values takes its counts from a search without its own values (the usual
// faceted search), and the other groups from the main search.
//
// Only case pages carry the finder's filters. A search with no value ticked
// would list every page of the site, so it asks for any value of a group every
// case has (its year, say): the cases, and only them. Without a text query the
// searches go year by year, the year as their term (`plannedSearches`).
//
// Pure functions: nothing here touches the page or Pagefind.

/**
 * Pagefind's `filters` for a state, leaving out group `except` (null: none).
 *
 * - chosen: group → values ticked
 * - everyCase: groups every case has a value of, in order of preference
 * - offered: group → every value the index holds
 * - anchor: false when the search's term already keeps to cases (a year, below)
 */
export function pagefindFilters(chosen, { except = null, everyCase = [], offered = {}, anchor = true } = {}) {
  const filters = {};
  for (const [group, values] of Object.entries(chosen)) {
    if (group !== except && values.length) filters[group] = { any: values.slice() };
  }
  if (anchor && !Object.keys(filters).length) {
    const group = everyCase.find((name) => name !== except && (offered[name] || []).length);
    if (group) filters[group] = { any: offered[group].slice() };
  }
  return filters;
}

/**
 * The searches a state needs, in order: the main one (`except: null`), whose
 * results are listed and which counts every group without ticked values, then
 * one for each group with ticked values, which counts that group. Returns
 * `[{ except, term, filters, counts: [group…], listed }]`.
 *
 * Without a text query, Pagefind would load its whole word index to list the
 * pages matching filters alone (`search(null, …)`: every index chunk holds a
 * word starting with the empty string). Every case page holds its year as a
 * word (`yearWords`: the years whose cases all do, checked by the finder), so
 * each of those searches is made year by year instead, newest year first,
 * with the year as its term: that loads only the years' own postings.
 */
export function plannedSearches(chosen, groups, { term = null, yearWords = [], ...options } = {}) {
  const ticked = groups.filter((group) => (chosen[group] || []).length);
  const planned = [
    { except: null, counts: groups.filter((group) => !ticked.includes(group)), listed: true },
    ...ticked.map((group) => ({ except: group, counts: [group], listed: false })),
  ];
  return planned.flatMap((search) => {
    if (term || !yearWords.length) {
      return [{ ...search, term, filters: pagefindFilters(chosen, { ...options, except: search.except }) }];
    }
    const filters = pagefindFilters(chosen, { ...options, except: search.except, anchor: false });
    const years = search.except !== "year" && (chosen.year || []).length ? chosen.year : yearWords;
    return years
      .filter((year) => yearWords.includes(year))
      .map((year) => ({ ...search, term: year, filters: { ...filters, year: { any: [year] } } }));
  });
}

/**
 * group → value → count, summed over the searches' responses (`responses[i]`
 * answers `searches[i]`; Pagefind's `response.filters` holds its counts). A
 * value the responses do not name counts 0.
 */
export function countsFrom(searches, responses, offered) {
  const counts = {};
  searches.forEach((search, position) => {
    const found = (responses[position] && responses[position].filters) || {};
    for (const group of search.counts) {
      const byValue = found[group] || {};
      counts[group] = counts[group] || Object.fromEntries((offered[group] || []).map((value) => [value, 0]));
      for (const value of offered[group] || []) counts[group][value] += byValue[value] || 0;
    }
  });
  return counts;
}

/** The results to list, in order: those of the listed searches, one after the other. */
export function listedResults(searches, responses) {
  return searches.flatMap((search, position) =>
    search.listed && responses[position] ? responses[position].results || [] : [],
  );
}
