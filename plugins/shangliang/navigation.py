"""Arranging MkDocs' navigation: home, brands, districts, highlights, roundups, the rest.

Cases are never in the navigation: with thousands of cases, a nav that lists
them makes every page heavy and the build many times slower.
"""

from __future__ import annotations

import html

from mkdocs.structure import StructureItem
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from .catalogue import sorted_brands
from .grouping import Index
from .model import Catalogue

SECTION_TITLES = {
    "brands": "协商品牌",
    "districts": "区县子品牌",
    "highlights": "优秀案例",
    "roundups": "年度综述",
}


def arrange_navigation(
    nav: Navigation, catalogue: Catalogue, index: Index, titles: dict[str, str]
) -> Navigation:
    pages_by_uri = {page.file.src_uri: page for page in _pages(nav.items)}

    def page(src_uri: str) -> Page | None:
        return pages_by_uri.get(src_uri)

    def present(*items: StructureItem | None) -> list[StructureItem]:
        return [item for item in items if item is not None]

    items: list[StructureItem] = present(page("index.md"))
    items += _section("brands", present(
        page("brands/index.md"), *(page(brand.src_uri) for brand in sorted_brands(catalogue.brands.values()))
    ))
    district_sections: list[StructureItem] = []
    for brand in index.brands:
        children = present(*(page(district.src_uri) for district in index.districts_of(brand.key)))
        if children:
            district_sections.append(Section(html.escape(brand.name, quote=False), children))
    items += _section("districts", present(page("districts/index.md"), *district_sections))
    items += _section("highlights", present(
        page("highlights/index.md"), *(page(f"highlights/{year}.md") for year in index.highlight_years)
    ))
    items += _section("roundups", present(
        page("roundups/index.md"), *(page(f"roundups/{year}.md") for year in index.roundup_years)
    ))

    placed = set(_page_uris(items))
    items += _retitled(_without(nav.items, placed), titles)
    pages = list(_pages(items))
    _link(items, pages)
    return Navigation(items, pages)


def _section(name: str, children: list[StructureItem]) -> list[StructureItem]:
    return [Section(SECTION_TITLES[name], children)] if children else []


def _pages(items: list) -> list[Page]:
    found = []
    for item in items:
        if isinstance(item, Section):
            found += _pages(item.children)
        elif isinstance(item, Page):
            found.append(item)
    return found


def _page_uris(items: list) -> list[str]:
    return [page.file.src_uri for page in _pages(items)]


def _without(items: list, placed: set[str]) -> list:
    """The auto-navigation's items, less the pages already placed, less empty sections."""
    kept = []
    for item in items:
        if isinstance(item, Section):
            children = _without(item.children, placed)
            if children:
                item.children = children
                kept.append(item)
        elif not (isinstance(item, Page) and item.file.src_uri in placed):
            kept.append(item)
    return kept


def _retitled(items: list, titles: dict[str, str]) -> list:
    """A folder's section takes the title of its index page, when that page states one."""
    for item in items:
        if isinstance(item, Section):
            index_page = next(
                (child for child in item.children if isinstance(child, Page) and child.file.name == "index"),
                None,
            )
            if index_page is not None and index_page.file.src_uri in titles:
                item.title = html.escape(titles[index_page.file.src_uri], quote=False)
            _retitled(item.children, titles)
    return items


def _link(items: list, pages: list[Page]) -> None:
    """Parent links for sections and pages, and previous/next links along the nav's pages."""
    def set_parents(children: list, parent: Section | None) -> None:
        for child in children:
            child.parent = parent
            if isinstance(child, Section):
                set_parents(child.children, child)

    set_parents(items, None)
    for position, current in enumerate(pages):
        current.previous_page = pages[position - 1] if position > 0 else None
        current.next_page = pages[position + 1] if position + 1 < len(pages) else None
