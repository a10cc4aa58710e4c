// shangliang case finder: a state as Pagefind searches, and the count beside each value.
//
// Values ticked in one group widen it (闽侯县 or 鼓楼区: Pagefind's `any`),
// groups narrow each other (闽侯县 and 2024). Pagefind counts, for every value,
// the results of a search that also have that value; the count beside a value
// must be the cases the reader gets by ticking it, so a group with ticked
// values takes its counts from a search without its own values (the usual
// faceted search), and the other groups from the main search.
//
// In the site's index only case pages carry the finder's filters. A text
// search there with no value ticked would list every page of the site, so it
// asks for any value of a group every case has (its year, say): the cases, and
// only them. Without a text query the finder searches its own index
// (search/finder_index.py), which holds nothing else.
//
// Pure functions: nothing here touches the page or Pagefind.

/**
 * Pagefind's `filters` for a state, leaving out group `except` (null: none).
 *
 * - chosen: group → values ticked
 * - everyCase: groups every case has a value of, in order of preference
 * - offered: group → every value the index holds
 * - anchor: false for the finder's own index, which holds nothing but cases
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
 * one for each group with ticked values whose counts are shown (`counted`,
 * all groups unless given), which counts that group. All search `term` (the
 * reader's query, or the word every record of the finder's own index holds).
 * Returns `[{ except, term, filters, counts: [group…], listed }]`.
 */
export function plannedSearches(chosen, groups, { term = null, counted = groups, ...options } = {}) {
  const ticked = groups.filter((group) => (chosen[group] || []).length);
  return [
    { except: null, counts: groups.filter((group) => !ticked.includes(group)), listed: true },
    ...ticked
      .filter((group) => counted.includes(group))
      .map((group) => ({ except: group, counts: [group], listed: false })),
  ].map((search) => ({ ...search, term, filters: pagefindFilters(chosen, { ...options, except: search.except }) }));
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
