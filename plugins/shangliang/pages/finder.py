"""The case finder at `/cases/`: the facets of each case, the finder's page and the year lists it links to.

Readers narrow every published case by district, year, format, stage reached and topic,
together with a text query, in the browser, from Pagefind's filters (no server). Conditions
alone are searched in the finder's own Pagefind bundle (`finder_records`, written by
`search.finder_index`); a text query in the site's index, where each case page carries the
same values (`case_facets`, written by overrides/shangliang/case.html where only Pagefind
reads them). The finder's script (overrides/assets/shangliang/finder/) counts and lists the
cases. This module decides what the page shows before any script runs: the groups of values
with the number of cases of each (`FinderView.groups`, in the order readers scan them), the
newest cases, and the listing that works without JavaScript.

Without JavaScript the finder lists every case by year: on the page itself while the
site is small (`FINDER_INLINE_LIMIT`), else on one page per year, `/cases/2024/`,
linked from it. One line per case (title, date, districts, format, stage) costs about
150 bytes of HTML, 23 gzipped: at 10,000 cases one list of every case would be 1.5 MB
(235 KB gzipped), more than opening the finder and filtering may cost (300 KB in all),
while the largest year of the benchmark's tree (2,240 cases) is 316 KB (53 KB gzipped).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from shangliang import urls
from shangliang.dates import PartialDate
from shangliang.model import STAGES, Case, Catalogue, District
from shangliang.pages.chinese import date_zh
from shangliang.pages.grouping import Index, by_year
from shangliang.pages.parts import Heading, Link, WithHeadings, stage_text

FINDER_TITLE = "案例查找"
"""The finder's title, in the navigation and on the page."""

RESULTS_PAGE = 10
"""Cases the finder lists at a time (the page holds the newest; the script fetches the data of each next one)."""

FINDER_INLINE_LIMIT = 500
"""A site with at most this many cases lists them all on the finder's page (about 12 KB gzipped);
a larger one lists them on the year pages only."""

FINDER_WORD = "case"
"""The one word of the finder's own index (`search.finder_index`), held by every case: searching it with
filters lists the cases that match them. Pagefind also keeps the records' titles and dates as words; a
Latin word sorts apart from them (they are Chinese, or begin with digits), so it loads a chunk of its own."""

SORT_NAME = "date"
"""The Pagefind sort key of a case: its date as written (`2024`, `2024-06`, `2024-06-18`). Sorted as
text, newest first, a date without a day comes after the dated cases of its month (or year), as in
every list of the site."""


@dataclass(frozen=True)
class FacetKind:
    """One way to narrow the cases: its Pagefind filter name and its label (the contract's field label)."""

    name: str
    label: str
    every_case: bool = True
    """Every published case has a value of it (topics are optional): the script lists "all cases" as
    the pages with any of its values, since every other page of the site has none."""


FACETS: tuple[FacetKind, ...] = (
    FacetKind("district", "区县"),
    FacetKind("year", "年份"),
    FacetKind("format", "协商形式"),
    FacetKind("stage", "进度"),
    FacetKind("topic", "议题", every_case=False),
)
"""The finder's groups, in the order the page shows them (the script reads them from the page)."""


@dataclass(frozen=True)
class Facet:
    """One value a case page gives Pagefind: `district` = `闽侯县`."""

    name: str
    value: str


@dataclass(frozen=True)
class CaseFacets:
    """What a case page tells the site's Pagefind index for the finder (a text query with filters)."""

    filters: tuple[Facet, ...]
    sort: tuple[Facet, ...]


def facet_value(text: str) -> str:
    """A value as Pagefind reads it from an element's text: blanks at either end dropped, runs of
    blanks inside made one space (so the page's checkbox and the index name the same value)."""
    return " ".join(text.split())


def case_values(case: Case, districts: Mapping[str, District]) -> dict[str, tuple[str, ...]]:
    """Each facet's values for the case: every district's name (a joint case has several), the
    year, the format, the stage reached and every topic (`tags`), each once."""
    values = {
        "district": [districts[key].name for key in case.district_keys if key in districts],
        "year": [str(case.year)],
        "format": [case.format],
        "stage": [case.status],
        "topic": list(case.tags),
    }
    return {name: tuple(dict.fromkeys(v for v in map(facet_value, found) if v)) for name, found in values.items()}


def case_facets(case: Case, districts: Mapping[str, District]) -> CaseFacets:
    values = case_values(case, districts)
    return CaseFacets(
        filters=tuple(Facet(kind.name, value) for kind in FACETS for value in values[kind.name]),
        sort=(Facet(SORT_NAME, case.date.isoformat()),),
    )


@dataclass(frozen=True)
class FinderRecord:
    """One case in the finder's own index: what its results show, its filters, its sort key."""

    url: str
    """From the site's root (`/cases/2024/x/`), as Pagefind's own records hold it."""
    meta: dict[str, str]
    filters: dict[str, list[str]]
    sort: dict[str, str]
    content: str = FINDER_WORD


def finder_records(catalogue: Catalogue) -> list[FinderRecord]:
    """Every published case (drafts never), newest first, as the finder's index holds it."""
    records = []
    for case in catalogue.cases:
        meta = {"title": case.title, "date": date_zh(case.date)}  # the rest a result shows is in its filters
        values = case_values(case, catalogue.districts)
        records.append(FinderRecord(
            "/" + case.url, meta, {name: list(found) for name, found in values.items() if found},
            {SORT_NAME: case.date.isoformat()},
        ))  # fmt: skip
    return records


# -- the finder's page ---------------------------------------------------------------------


@dataclass(frozen=True)
class FacetOption:
    value: str
    """As Pagefind holds it (the checkbox's value, and the URL's)."""
    label: str
    count: int
    """Published cases with this value (a joint case counts in each of its districts)."""
    fact: str = ""
    """How a listed case says it has this value, when not by the value itself: `已落实`, `进展：协商`."""


@dataclass(frozen=True)
class FacetGroup:
    name: str
    label: str
    options: tuple[FacetOption, ...]
    every_case: bool


@dataclass(frozen=True)
class CaseLine:
    """A case as the finder's listings show it: one line, one link."""

    title: str
    url: str
    date: PartialDate
    districts: str
    """`闽侯县`, or `闽侯县、鼓楼区` for a joint case."""
    format: str
    stage: str
    """`已落实`, or `进展：协商`: the stage reached."""


@dataclass(frozen=True)
class YearLink:
    year: int
    count: int
    url: str
    """The year's page (`cases/2024/`)."""
    label: str


@dataclass(frozen=True)
class YearCases:
    heading: Heading
    cases: tuple[CaseLine, ...]


@dataclass(frozen=True)
class FinderView(WithHeadings):
    total: int
    lede: str
    groups: tuple[FacetGroup, ...]
    years: tuple[YearLink, ...]
    listed: tuple[YearCases, ...]
    """Every case by year, on the page itself (empty when the site is too large: see `years`)."""
    latest: tuple[CaseLine, ...] = ()
    """The finder's first results before any condition is set: the newest cases (the script shows them
    without loading Pagefind, which it loads once a reader sets a condition)."""
    headings: tuple[Heading, ...] = ()
    sort_name: str = SORT_NAME
    index_url: str = urls.FINDER_INDEX_FOLDER + "/"
    word: str = FINDER_WORD
    years_note: str = ""
    empty_note: str = "暂无案例。"


@dataclass(frozen=True)
class FinderYearView(WithHeadings):
    """`/cases/2024/`: every case of one year, one line each."""

    year: int
    cases: tuple[CaseLine, ...]
    years: tuple[YearLink, ...]
    """Every year, to move between them (shown without counts: a page then changes only with its own year)."""
    finder: Link
    headings: tuple[Heading, ...] = ()


@dataclass(frozen=True)
class FinderYearPage:
    """A generated year page: its file and its title."""

    src_uri: str
    title: str
    year: int


def year_title(year: int) -> str:
    return f"{year}年全部案例"


def case_line(case: Case, districts: Mapping[str, District]) -> CaseLine:
    names = "、".join(districts[key].name for key in case.district_keys if key in districts)
    return CaseLine(case.title, case.url, case.date, names, case.format, stage_text(case.status))


def lines(cases: Iterable[Case], districts: Mapping[str, District]) -> tuple[CaseLine, ...]:
    return tuple(case_line(case, districts) for case in cases)


def facet_groups(index: Index) -> tuple[FacetGroup, ...]:
    """Every value of each facet that some published case has, with its number of cases, ordered
    as readers look for them: districts by brand (as in the navigation), newest year first, formats as configured,
    stages in their order, topics by number of cases."""
    catalogue = index.catalogue
    counts: dict[str, Counter[str]] = {kind.name: Counter() for kind in FACETS}
    for case in catalogue.cases:
        for name, values in case_values(case, catalogue.districts).items():
            counts[name].update(values)
    order: dict[str, list[str]] = {
        "district": [facet_value(d.name) for brand in index.brands for d in index.districts_of(brand.key)],
        "year": sorted(counts["year"], key=int, reverse=True),
        "format": [facet_value(name) for name in catalogue.formats],
        "stage": list(STAGES),
        "topic": sorted(counts["topic"], key=lambda topic: (-counts["topic"][topic], topic)),
    }
    labels = {"year": lambda value: f"{value}年"}
    groups = []
    for kind in FACETS:
        found = counts[kind.name]
        ordered = [*dict.fromkeys(value for value in order[kind.name] if value in found)]
        ordered += sorted(value for value in found if value not in ordered)
        label = labels.get(kind.name, lambda value: value)
        fact = stage_text if kind.name == "stage" else lambda value: ""
        options = tuple(FacetOption(value, label(value), found[value], fact(value)) for value in ordered)
        groups.append(FacetGroup(kind.name, kind.label, options, kind.every_case))
    return tuple(groups)


def year_links(index: Index) -> tuple[YearLink, ...]:
    return tuple(
        YearLink(group.year, len(group.cases), urls.page_url(urls.cases_year_src(group.year)), f"{group.year}年")
        for group in by_year(index.catalogue.cases)
    )


def finder_view(index: Index, *, inline_limit: int = FINDER_INLINE_LIMIT) -> FinderView:
    catalogue = index.catalogue
    total = len(catalogue.cases)
    inline = total <= inline_limit
    listed = tuple(
        YearCases(Heading(f"y{group.year}", f"{group.year}年"), lines(group.cases, catalogue.districts))
        for group in by_year(catalogue.cases)
    ) if inline else ()  # fmt: skip
    return FinderView(
        total=total,
        lede=f"本站共收录已发布的案例 {total:,} 个，可按区县、年份、协商形式、进度和议题筛选，也可输入关键词查找。",
        groups=facet_groups(index),
        years=year_links(index),
        listed=listed,
        latest=lines(catalogue.cases[:RESULTS_PAGE], catalogue.districts),
        headings=(Heading("years", "按年份浏览"),),
        years_note="" if inline else "每年的全部案例列在该年的页面上。",
    )


def finder_year_pages(index: Index) -> list[FinderYearPage]:
    """A page for every year that has published cases."""
    return [
        FinderYearPage(urls.cases_year_src(group.year), year_title(group.year), group.year)
        for group in by_year(index.catalogue.cases)
    ]


def finder_year_view(index: Index, year: int) -> FinderYearView:
    catalogue = index.catalogue
    cases = next((group.cases for group in by_year(catalogue.cases) if group.year == year), ())
    return FinderYearView(
        year=year,
        cases=lines(cases, catalogue.districts),
        years=year_links(index),
        finder=Link(f"在{FINDER_TITLE}中按条件筛选", urls.page_url(urls.CASES_INDEX_SRC)),
        headings=(Heading("cases", f"{year}年的案例"), Heading("years", "其他年份")),
    )


def finder_pages_showing(
    changed: Iterable[tuple[Case | None, Case | None]], old: Catalogue, new: Catalogue
) -> set[str]:
    """The finder's pages a preview renders again when these cases changed (before, after): the
    finder, and the pages of their years (every year page when a year appeared or went: each links
    every year)."""
    years = {case.year for pair in changed for case in pair if case is not None}
    if not years:
        return set()
    before, after = {case.year for case in old.cases}, {case.year for case in new.cases}
    if before != after:
        years |= before | after
    return {urls.CASES_INDEX_SRC, *(urls.cases_year_src(year) for year in years)}
