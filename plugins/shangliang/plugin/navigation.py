"""Applying the page plan's navigation to MkDocs: home, brands, districts, highlights, roundups, the rest.

The order and the section titles are the plan's (`pages.plan`); here they become
MkDocs' `Section`s and `Page`s. Cases are never in the navigation: with thousands of
cases, a nav that lists them makes every page heavy and the build many times slower.
"""

from __future__ import annotations

import html

from mkdocs.structure import StructureItem
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from shangliang.pages.plan import NavItem, NavSection


def arrange_navigation(nav: Navigation, head: tuple[NavItem, ...], titles: dict[str, str]) -> Navigation:
    """`head` first (pages the site lacks left out, empty sections too), then the rest of `nav`."""
    pages_by_uri = {page.file.src_uri: page for page in _pages(nav.items)}

    def build(item: NavItem) -> StructureItem | None:
        if isinstance(item, NavSection):
            children = [child for child in map(build, item.children) if child is not None]
            return Section(html.escape(item.title, quote=False), children) if children else None
        return pages_by_uri.get(item)

    items: list[StructureItem] = [built for built in map(build, head) if built is not None]
    placed = {page.file.src_uri for page in _pages(items)}
    items += _retitled(_without(nav.items, placed), titles)
    pages = list(_pages(items))
    _link(items, pages)
    return Navigation(items, pages)


def _pages(items: list) -> list[Page]:
    found = []
    for item in items:
        if isinstance(item, Section):
            found += _pages(item.children)
        elif isinstance(item, Page):
            found.append(item)
    return found


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


def shared_nav_key(url: str, in_nav: bool, nav_urls: tuple[str, ...]) -> str | None:
    """The key under which a page outside the navigation shares its rendering (`overrides/partials/nav.html`).

    The navigation's links are relative, so two pages show the same text only when every link
    from one is the link from the other: when they sit in the same folder and no navigation page
    lies under either (`cases/2024/a/` and `cases/2024/b/`; not `cases/2024/` and `districts/x/`,
    which lie at the same depth but reach `cases/` differently). None: rendered for itself.
    """
    if in_nav or any(other != url and other.startswith(url) for other in nav_urls if url):
        return None
    folder = url.rstrip("/").rpartition("/")[0]
    return f"outside the nav in /{folder}"
