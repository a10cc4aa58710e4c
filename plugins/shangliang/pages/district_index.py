"""A district's case index over several pages, when it has too many cases for one.

The district page keeps its figures, the list of years (with counts and links)
and the newest year's cases; each older year has a page of its own,
`/districts/<key>/<year>/`, and a year with more than a page's worth of cases
goes on over `/districts/<key>/<year>/2/`, … So every case is still listed
exactly once in its district's index, newest first, across these pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from shangliang.model import Case, District
from shangliang.pages.grouping import IndexPage, paged_by_year
from shangliang.urls import district_year_src, page_url

DISTRICT_PAGE_SIZE = 200
"""A district with more cases than this lists them on year pages of at most this many cases.

A listed case (title, date, district, summary of about 110 characters) costs about
200–300 bytes gzipped, so a page of 200 stays well under the 100 KB page budget
(tests/test_district_pages.py checks the projection).
"""


@dataclass(frozen=True)
class IndexPageLink:
    """One page of a split index: where it is and what it is called."""

    year: int
    part: int
    url: str
    """Site-relative URL: the district page for the first page, else a year page."""
    label: str
    """`2024年`, or `2024年第2页` for a year over several pages."""
    year_page_src_uri: str | None = None
    """The generated file of a year page; None for the district page."""

    @property
    def on_district_page(self) -> bool:
        return self.year_page_src_uri is None


@dataclass(frozen=True)
class IndexYear:
    """One year of a split index: how many cases, and the page(s) listing them."""

    year: int
    count: int
    pages: tuple[IndexPageLink, ...]


@dataclass(frozen=True)
class SplitIndex:
    """A district's cases over pages: `pages[0]` on the district page, the others on year pages."""

    district: District
    pages: tuple[IndexPage, ...]
    links: tuple[IndexPageLink, ...]
    """Where each of `pages` is, in the same order (newest first)."""

    @property
    def years(self) -> tuple[IndexYear, ...]:
        years: dict[int, list[int]] = {}
        for position, page in enumerate(self.pages):
            years.setdefault(page.year, []).append(position)
        return tuple(
            IndexYear(
                year,
                sum(len(self.pages[position].cases) for position in positions),
                tuple(self.links[position] for position in positions),
            )
            for year, positions in years.items()
        )

    def newer(self, position: int) -> IndexPageLink | None:
        return self.links[position - 1] if position > 0 else None

    def older(self, position: int) -> IndexPageLink | None:
        return self.links[position + 1] if position + 1 < len(self.links) else None


def year_page_heading(year: int, part: int, parts: int) -> str:
    """`2023年案例`, or `2023年案例（第2页，共3页）` for a year over several pages."""
    return f"{year}年案例" + (f"（第{part}页，共{parts}页）" if parts > 1 else "")


def split_index(district: District, cases: Sequence[Case], page_size: int) -> SplitIndex | None:
    """The district's cases (newest first) over pages, or None when they fit on the district page."""
    if len(cases) <= page_size:
        return None
    pages = tuple(paged_by_year(cases, page_size))
    links = []
    for position, page in enumerate(pages):
        label = f"{page.year}年" + (f"第{page.part}页" if page.parts > 1 else "")
        if position == 0:
            links.append(IndexPageLink(page.year, page.part, district.url, label))
        else:
            src_uri = district_year_src(district.url, page.year, page.part)
            url = page_url(src_uri)
            links.append(IndexPageLink(page.year, page.part, url, label, src_uri))
    return SplitIndex(district, pages, tuple(links))
