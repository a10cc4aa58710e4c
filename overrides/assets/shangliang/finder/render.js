// shangliang case finder: one listed case, built as DOM nodes.
//
// Everything shown comes from a case page through Pagefind (title, date,
// districts, format, stage) and is set as text, never as markup. A link goes
// only to a page of this site.

/**
 * The case's facts line: `2024年6月18日 · 闽侯县、鼓楼区 · 微协商 · 已落实`.
 * `facts`: group → value → how the line says it (`已落实`, `进展：协商`), as the page gives it.
 */
export function factsLine(data, { facts = {} } = {}) {
  const meta = data.meta || {};
  const filters = data.filters || {};
  const first = (name) => (filters[name] && filters[name][0]) || "";
  const year = first("year");
  const parts = [
    (meta.date || "").trim() || (year ? `${year}年` : ""),
    (filters.district || []).join("、"),
    first("format"),
    (facts.stage && facts.stage[first("stage")]) || first("stage"),
  ];
  return parts.filter(Boolean).join(" · ");
}

/** `url` when it is a page of this site (same origin, http or https), else "#". */
export function sitePage(url, base) {
  try {
    const target = new URL(String(url), base);
    const home = new URL(base);
    if (!["http:", "https:"].includes(target.protocol) || target.origin !== home.origin) return "#";
    return target.pathname + target.search + target.hash;
  } catch {
    return "#";
  }
}

/** One result: `<li><a>title</a> <span>facts</span></li>`. */
export function resultItem(doc, data, labels = {}) {
  const item = doc.createElement("li");
  item.className = "sl-finder__result";
  const link = doc.createElement("a");
  link.className = "sl-finder__title";
  link.href = sitePage(data.url, doc.baseURI);
  link.textContent = ((data.meta && data.meta.title) || data.url || "").trim();
  const facts = doc.createElement("span");
  facts.className = "sl-finder__facts";
  facts.textContent = factsLine(data, labels);
  item.append(link, " ", facts);
  return item;
}
