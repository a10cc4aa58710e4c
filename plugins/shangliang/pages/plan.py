"""The page plan: which pages the site has, their titles, templates and flags, and the nav's head.

Pure: made from one build's `Views` and the list of the content tree's Markdown
files, before MkDocs reads any page. The plugin applies it: it makes a file for each
page the plan marks `generated`, gives every planned page its template and title, and
arranges the navigation after `navigation` (see `plugin/navigation.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from shangliang import urls
from shangliang.model import Kind
from shangliang.pages.finder import FINDER_TITLE
from shangliang.pages.parts import highlights_title
from shangliang.pages.views import Views

# Templates, under overrides/.
HOME_TEMPLATE = "shangliang/home.html"
BRANDS_TEMPLATE = "shangliang/brands.html"
BRAND_TEMPLATE = "shangliang/brand.html"
DISTRICT_TEMPLATE = "shangliang/district.html"
DISTRICT_YEAR_TEMPLATE = "shangliang/district-year.html"
CASE_TEMPLATE = "shangliang/case.html"
VENUE_TEMPLATE = "shangliang/venue.html"
HIGHLIGHTS_INDEX_TEMPLATE = "shangliang/highlights-index.html"
HIGHLIGHTS_TEMPLATE = "shangliang/highlights.html"
FINDER_TEMPLATE = "shangliang/cases.html"
FINDER_YEAR_TEMPLATE = "shangliang/cases-year.html"

SECTION_TITLES = {
    "brands": "协商品牌",
    "districts": "区县子品牌",
    "highlights": "优秀案例",
    "roundups": "年度综述",
}
"""Titles of the navigation's sections, and of the generated index page of each."""

PARTNERS_TITLE = "协作方"
"""A brand's partner districts, in the navigation under the brand's own."""


@dataclass(frozen=True)
class PlannedPage:
    """One page the plugin lays out."""

    src_uri: str
    template: str
    view: Callable[[], object] = field(compare=False, repr=False)
    """Builds what the page's template shows (called when MkDocs renders the page)."""
    title: str | None = None
    """The page's title; None keeps the one its file states."""
    generated: bool = False
    """No editor wrote this page: the plugin makes its file."""
    in_nav: bool = True
    searchable: bool = True

    def front_matter(self) -> str:
        """The front matter of a generated page's file (its title; search flag when not searchable)."""
        hidden = "search:\n  exclude: true\n" if not self.searchable else ""
        return f"---\ntitle: {_yaml_string(self.title or '')}\n{hidden}---\n"


@dataclass(frozen=True)
class NavSection:
    title: str
    children: tuple[NavItem, ...]


NavItem = str | NavSection
"""A page of the navigation (its `src_uri`), or a section of them."""


@dataclass(frozen=True)
class PagePlan:
    pages: dict[str, PlannedPage]
    """Every page the plugin lays out, by `src_uri`."""
    nav: tuple[NavItem, ...]
    """The head of the navigation, in order (pages the site lacks are left out when applied);
    the site's other pages follow it as MkDocs found them."""

    def get(self, src_uri: str) -> PlannedPage | None:
        return self.pages.get(src_uri)

    @property
    def generated(self) -> list[PlannedPage]:
        return [page for page in self.pages.values() if page.generated]


def _bind(function: Callable[..., object], *args: object) -> Callable[[], object]:
    return lambda: function(*args)


def plan_pages(views: Views, *, site_name: str, editor_pages: Iterable[str]) -> PagePlan:
    """The plan of one build. `editor_pages`: `src_uri` of every published Markdown file."""
    index = views.index
    catalogue = index.catalogue
    written = set(editor_pages)
    pages: dict[str, PlannedPage] = {}

    # Pages editors write, laid out by their kind.
    for brand in catalogue.brands.values():
        pages[brand.src_uri] = PlannedPage(brand.src_uri, BRAND_TEMPLATE, _bind(views.brand, brand.key), brand.name)
    for district in catalogue.districts.values():
        if district.brand_key in catalogue.brands:
            pages[district.src_uri] = PlannedPage(
                district.src_uri, DISTRICT_TEMPLATE, _bind(views.district, district.key), district.name
            )
    # Venues: linked from their district's and brand's pages, not in the nav (a committee may have hundreds).
    for venue in catalogue.venues.values():
        pages[venue.src_uri] = PlannedPage(
            venue.src_uri, VENUE_TEMPLATE, _bind(views.venue, venue.key), venue.name, in_nav=False
        )
    for case in catalogue.cases:
        pages[case.src_uri] = PlannedPage(
            case.src_uri, CASE_TEMPLATE, _bind(views.case, case), case.title, in_nav=False
        )
    for page in catalogue.pages:
        if page.kind is Kind.HOME:
            pages[page.src_uri] = PlannedPage(page.src_uri, HOME_TEMPLATE, views.home)
        elif page.kind is Kind.HIGHLIGHTS and page.year:
            pages[page.src_uri] = PlannedPage(page.src_uri, HIGHLIGHTS_TEMPLATE, _bind(views.highlights, page.year))

    # Listings: generated unless an editor wrote one (whose prose then comes first, under its own title).
    listings = [
        PlannedPage(urls.HOME_SRC, HOME_TEMPLATE, views.home, site_name),
        PlannedPage(urls.CASES_INDEX_SRC, FINDER_TEMPLATE, views.cases_finder, FINDER_TITLE),
        # Every case of a year, one line each: the finder without JavaScript (out of the nav and of search).
        *(
            PlannedPage(year_page.src_uri, FINDER_YEAR_TEMPLATE, _bind(views.cases_year, year_page.year),
                        year_page.title, in_nav=False, searchable=False)
            for year_page in views.finder_year_pages()
        ),
        PlannedPage(urls.BRANDS_INDEX_SRC, BRANDS_TEMPLATE, views.brands_index, SECTION_TITLES["brands"]),
        PlannedPage(urls.DISTRICTS_INDEX_SRC, BRANDS_TEMPLATE, views.brands_index, SECTION_TITLES["districts"]),
        PlannedPage(
            urls.HIGHLIGHTS_INDEX_SRC, HIGHLIGHTS_INDEX_TEMPLATE, views.highlights_index, SECTION_TITLES["highlights"]
        ),
        *(
            PlannedPage(urls.highlights_src(year), HIGHLIGHTS_TEMPLATE, _bind(views.highlights, year),
                        highlights_title(year))
            for year in index.highlight_years
        ),
        # A district with many cases: its older years on pages of their own, out of the nav and of
        # search results (they repeat what their district page says).
        *(
            PlannedPage(year_page.src_uri, DISTRICT_YEAR_TEMPLATE, _bind(views.district_year, year_page),
                        year_page.title, in_nav=False, searchable=False)
            for year_page in views.district_year_pages()
        ),
    ]  # fmt: skip
    for listing in listings:
        if listing.src_uri not in written:
            pages[listing.src_uri] = PlannedPage(
                listing.src_uri, listing.template, listing.view, listing.title,
                generated=True, in_nav=listing.in_nav, searchable=listing.searchable,
            )  # fmt: skip
        elif listing.src_uri not in pages:
            pages[listing.src_uri] = PlannedPage(listing.src_uri, listing.template, listing.view, in_nav=listing.in_nav)

    return PagePlan(pages, _nav(views))


def _nav(views: Views) -> tuple[NavItem, ...]:
    """Home, the case finder, brands, districts by brand, highlights, roundups."""
    index = views.index

    def section(name: str, children: Iterable[NavItem]) -> tuple[NavItem, ...]:
        kept = tuple(children)
        return (NavSection(SECTION_TITLES[name], kept),) if kept else ()

    def districts_of(brand_key: str) -> tuple[NavItem, ...]:
        """The brand's districts, then its partners in a section of their own (they are not sub-brands)."""
        districts = index.districts_of(brand_key)
        partners = tuple(district.src_uri for district in districts if district.partner)
        return (
            *(district.src_uri for district in districts if not district.partner),
            *((NavSection(PARTNERS_TITLE, partners),) if partners else ()),
        )

    districts_by_brand = tuple(
        NavSection(brand.name, districts_of(brand.key)) for brand in index.brands if index.districts_of(brand.key)
    )
    return (
        urls.HOME_SRC,
        urls.CASES_INDEX_SRC,
        *section("brands", (urls.BRANDS_INDEX_SRC, *(brand.src_uri for brand in index.brands))),
        *section("districts", (urls.DISTRICTS_INDEX_SRC, *districts_by_brand)),
        *section("highlights", (urls.HIGHLIGHTS_INDEX_SRC, *(urls.highlights_src(y) for y in index.highlight_years))),
        *section("roundups", (urls.ROUNDUPS_INDEX_SRC, *(urls.roundup_src(y) for y in index.roundup_years))),
    )


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
