"""What each generated page shows: views built from one build's `Index`, ready to lay out.

The plugin hands one view to the template of each page (under `shangliang.view`);
templates only loop over these values and format them. Every URL, heading, badge and
note a generated part shows comes from here (or from `parts`).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass, field

from shangliang import urls
from shangliang.model import STAGES, Brand, Case, District
from shangliang.pages.district_index import (
    DISTRICT_PAGE_SIZE,
    IndexPageLink,
    IndexYear,
    SplitIndex,
    split_index,
    year_page_heading,
)
from shangliang.pages.grouping import BrandGroup, Index, Neighbours, YearGroup, by_year
from shangliang.pages.parts import (
    JOINT_BADGE,
    Badge,
    CaseItem,
    FeedLink,
    FigurePanel,
    Heading,
    Link,
    WithHeadings,
    figure_panel,
    highlight_badge,
    highlights_title,
)


def cover_uri(case: Case) -> str | None:
    """Where a case's cover sits in the site: its path is relative to the case file."""
    if not case.cover:
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(case.src_uri), case.cover))


@dataclass(frozen=True)
class DistrictCount:
    district: District
    count: int


@dataclass(frozen=True)
class BrandSummary:
    brand: Brand
    count: int
    districts: tuple[DistrictCount, ...]


@dataclass(frozen=True)
class YearCount:
    year: int
    count: int
    url: str
    """The year's highlight page."""
    label: str


@dataclass(frozen=True)
class Stage:
    name: str
    reached: bool
    current: bool

    @property
    def state(self) -> str:
        """For screen readers, after the stage's name."""
        return "（当前阶段）" if self.current else "（已完成）" if self.reached else "（未到）"


@dataclass(frozen=True)
class CaseGroup:
    """Listed cases under a heading: a year of a district, a district of a highlight list."""

    heading: Heading
    cases: tuple[CaseItem, ...]


@dataclass(frozen=True)
class HighlightGroup:
    """A brand's commended cases of one year, by district."""

    brand: Brand
    heading: Heading
    districts: tuple[CaseGroup, ...]


@dataclass(frozen=True)
class HomeView(WithHeadings):
    figures: FigurePanel
    brands: tuple[BrandSummary, ...]
    highlight_year: int | None
    highlights: tuple[HighlightGroup, ...]
    latest: tuple[CaseItem, ...]
    headings: tuple[Heading, ...] = ()


@dataclass(frozen=True)
class BrandView(WithHeadings):
    brand: Brand
    figures: FigurePanel
    districts: tuple[DistrictCount, ...]
    highlight_years: tuple[YearCount, ...]
    latest: tuple[CaseItem, ...]
    headings: tuple[Heading, ...] = ()
    empty_note: str = "暂无案例。"


@dataclass(frozen=True)
class DistrictView(WithHeadings):
    district: District
    brand: Brand
    figures: FigurePanel
    years: tuple[CaseGroup, ...]
    """The cases this page lists, by year: all of them, or, when split, the newest year's first page."""
    index_years: tuple[IndexYear, ...] = ()
    """When the district has too many cases for one page: every year and where its cases are."""
    older: IndexPageLink | None = None
    """When split: the next page of the index."""
    headings: tuple[Heading, ...] = ()
    feeds: tuple[FeedLink, ...] = ()
    split_note: str = ""
    empty_note: str = "暂无案例。"

    @property
    def is_split(self) -> bool:
        return bool(self.index_years)


@dataclass(frozen=True)
class DistrictYearView(WithHeadings):
    """A page of a split district index: one year's cases (or one part of them)."""

    district: District
    brand: Brand
    year: int
    part: int
    parts: int
    cases: tuple[CaseItem, ...]
    index_years: tuple[IndexYear, ...]
    newer: IndexPageLink | None
    older: IndexPageLink | None
    headings: tuple[Heading, ...] = ()


@dataclass(frozen=True)
class DistrictYearPage:
    """A generated page of a split district index: its file, its title, which page it is."""

    src_uri: str
    title: str
    district_key: str
    position: int
    """Its place in the district's `SplitIndex.pages` (1 or more: 0 is the district page)."""


@dataclass(frozen=True)
class NeighbourLinks:
    """The cases before and after one case in one district's list (older and newer)."""

    district: District
    heading: str
    older: Case | None
    newer: Case | None
    empty: Link | None
    """When the district has no other case: a link to it."""


@dataclass(frozen=True)
class CaseView:
    case: Case
    brand: Brand
    districts: tuple[District, ...]
    district_label: str
    """`区县子品牌`, or `联合协商` for a joint case."""
    stages: tuple[Stage, ...]
    progress_title: str
    neighbours: tuple[NeighbourLinks, ...]
    cover_uri: str | None
    """The cover image's path in the site (site-relative), if the case has one."""
    highlight_badge: Badge | None = None
    feeds: tuple[FeedLink, ...] = ()
    headings: tuple[Heading, ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class HighlightsView(WithHeadings):
    year: int
    count: int
    lede: str
    groups: tuple[HighlightGroup, ...]
    headings: tuple[Heading, ...] = ()
    empty_note: str = "本年度暂无优秀案例。"


@dataclass(frozen=True)
class HighlightsIndexView(WithHeadings):
    years: tuple[YearCount, ...]
    headings: tuple[Heading, ...] = ()
    empty_note: str = "暂无优秀案例。"


@dataclass(frozen=True)
class BrandsIndexView(WithHeadings):
    brands: tuple[BrandSummary, ...]
    headings: tuple[Heading, ...] = ()


def generated_headings(view: object) -> list[Heading]:
    """The headings the page's template renders for `view`, in order (for the table of contents)."""
    return list(getattr(view, "headings", ()))


class Views:
    """Builds the view of each page kind from one build's `Index`.

    `feeds`: the site has Atom feeds (they need `site_url`), so pages link theirs.
    """

    def __init__(
        self, index: Index, *, district_page_size: int = DISTRICT_PAGE_SIZE, feeds: bool = False
    ) -> None:
        if district_page_size < 1:
            raise ValueError(f"district_page_size must be at least 1 (got {district_page_size})")
        self.index = index
        self.district_page_size = district_page_size
        self.feeds = feeds
        catalogue = index.catalogue
        self.brands = catalogue.brands
        self.districts = catalogue.districts
        self._items: dict[str, CaseItem] = {}

    # -- pieces ------------------------------------------------------------------------

    def item(self, case: Case) -> CaseItem:
        """The case as lists show it (made once per build)."""
        item = self._items.get(case.src_uri)
        if item is None:
            districts = tuple(
                Link(self.districts[key].name, self.districts[key].url) for key in case.district_keys
            )
            highlight = highlight_badge(case.highlight_year) if case.highlight_year else None
            item = CaseItem(case, districts, JOINT_BADGE if case.is_joint else None, highlight)
            self._items[case.src_uri] = item
        return item

    def items(self, cases: Iterable[Case]) -> tuple[CaseItem, ...]:
        return tuple(self.item(case) for case in cases)

    def _year_groups(self, groups: Iterable[YearGroup]) -> tuple[CaseGroup, ...]:
        return tuple(
            CaseGroup(Heading(str(group.year), f"{group.year}年"), self.items(group.cases)) for group in groups
        )

    def _highlight_groups(self, groups: Iterable[BrandGroup]) -> tuple[HighlightGroup, ...]:
        return tuple(
            HighlightGroup(
                group.brand,
                Heading(f"brand-{group.brand.key}", group.brand.name),
                tuple(CaseGroup(Heading("", row.district.label), self.items(row.cases)) for row in group.districts),
            )
            for group in groups
        )

    def _district_feeds(self, districts: Iterable[District]) -> tuple[FeedLink, ...]:
        if not self.feeds:
            return ()
        return tuple(FeedLink(f"{district.label}：新案例", urls.district_feed(district.key)) for district in districts)

    def brand_summaries(self) -> tuple[BrandSummary, ...]:
        return tuple(
            BrandSummary(
                brand,
                len(self.index.cases_of_brand(brand.key)),
                self._district_counts(brand.key),
            )
            for brand in self.index.brands
        )

    def _district_counts(self, brand_key: str) -> tuple[DistrictCount, ...]:
        return tuple(
            DistrictCount(district, len(self.index.cases_in_district(district.key)))
            for district in self.index.districts_of(brand_key)
        )

    # -- pages -------------------------------------------------------------------------

    def home(self) -> HomeView:
        years = self.index.highlight_years
        year = next((year for year in years if self.index.highlights_of(year)), None)
        return HomeView(
            figures=figure_panel(self.index.site_figures),
            brands=self.brand_summaries(),
            highlight_year=year,
            highlights=self._highlight_groups(self.index.highlights_by_brand(year)) if year else (),
            latest=self.items(self.index.latest()),
            headings=(
                Heading("figures", "总体数据"),
                Heading("brands", "协商品牌"),
                *((Heading("highlights", highlights_title(year), url=urls.highlights_url(year)),) if year else ()),
                Heading("latest", "最新案例"),
            ),
        )

    def brand(self, key: str) -> BrandView:
        districts = self._district_counts(key)
        highlight_years = tuple(
            YearCount(year, count, urls.highlights_url(year), f"{year}年度")
            for year, count in self.index.brand_highlight_years(key)
        )
        return BrandView(
            brand=self.brands[key],
            figures=figure_panel(self.index.brand_figures(key)),
            districts=districts,
            highlight_years=highlight_years,
            latest=self.items(self.index.latest(self.index.cases_of_brand(key))),
            headings=(
                Heading("figures", "数据"),
                *((Heading("sub-brands", "区县子品牌"),) if districts else ()),
                *((Heading("highlights", "优秀案例"),) if highlight_years else ()),
                Heading("latest", "最新案例"),
            ),
        )

    def district(self, key: str) -> DistrictView:
        district = self.districts[key]
        split = self._split(district)
        # Split: the district page lists the index's first page (the newest year's cases).
        groups = (YearGroup(split.pages[0].year, split.pages[0].cases),) if split else tuple(
            by_year(self.index.cases_in_district(key))
        )
        years = self._year_groups(groups)
        return DistrictView(
            district=district,
            brand=self.brands[district.brand_key],
            figures=figure_panel(self.index.district_figures(key), with_districts=False),
            years=years,
            index_years=split.years if split else (),
            older=split.older(0) if split else None,
            headings=(
                Heading("figures", "数据"),
                Heading("cases", "全部案例", tuple(group.heading for group in years)),
            ),
            feeds=self._district_feeds([district]),
            split_note=f"案例较多，按年份分页列出；本页列出{split.links[0].label}的案例。" if split else "",
        )

    def _split(self, district: District) -> SplitIndex | None:
        return split_index(district, self.index.cases_in_district(district.key), self.district_page_size)

    def district_year_pages(self) -> list[DistrictYearPage]:
        """Every generated page of the split district indexes (all but each district's first page)."""
        generated = []
        for district in self.index.districts:
            split = self._split(district) if district.brand_key in self.brands else None
            if split is None:
                continue  # fits on its page (or has no page: its brand is unknown, an error)
            for position, (page, link) in enumerate(zip(split.pages, split.links, strict=True)):
                if link.year_page_src_uri is not None:
                    title = district.name + year_page_heading(page.year, page.part, page.parts)
                    generated.append(DistrictYearPage(link.year_page_src_uri, title, district.key, position))
        return generated

    def district_year(self, generated: DistrictYearPage) -> DistrictYearView:
        district = self.districts[generated.district_key]
        split = self._split(district)
        assert split is not None, generated.src_uri
        page, position = split.pages[generated.position], generated.position
        return DistrictYearView(
            district=district,
            brand=self.brands[district.brand_key],
            year=page.year,
            part=page.part,
            parts=page.parts,
            cases=self.items(page.cases),
            index_years=split.years,
            newer=split.newer(position),
            older=split.older(position),
            headings=(Heading("years", "各年案例"), Heading("cases", "本页案例")),
        )

    def case(self, case: Case) -> CaseView:
        reached = case.stage_index
        districts = tuple(self.districts[key] for key in case.district_keys)
        return CaseView(
            case=case,
            brand=self.brands[case.brand_key],
            districts=districts,
            district_label="联合协商" if case.is_joint else "区县子品牌",
            stages=tuple(
                Stage(name, position <= reached, position == reached)
                for position, name in enumerate(STAGES)
            ),
            progress_title=f"进展：{case.status}",
            neighbours=tuple(self._neighbour_links(row) for row in self.index.neighbours(case)),
            cover_uri=cover_uri(case),
            highlight_badge=highlight_badge(case.highlight_year) if case.highlight_year else None,
            feeds=self._district_feeds(districts),
        )

    @staticmethod
    def _neighbour_links(row: Neighbours) -> NeighbourLinks:
        district = row.district
        empty = Link(f"查看{district.name}", district.url) if not (row.older or row.newer) else None
        return NeighbourLinks(district, f"{district.name}的其他案例", row.older, row.newer, empty)

    def highlights(self, year: int) -> HighlightsView:
        count = len(self.index.highlights_of(year))
        return HighlightsView(
            year=year,
            count=count,
            lede=f"{year}年度通报表扬的优秀微协商案例，共 {count} 个，按协商品牌和区县排列。",
            groups=self._highlight_groups(self.index.highlights_by_brand(year)),
        )

    def highlights_index(self) -> HighlightsIndexView:
        return HighlightsIndexView(
            tuple(
                YearCount(year, len(self.index.highlights_of(year)), urls.highlights_url(year), highlights_title(year))
                for year in self.index.highlight_years
            )
        )

    def brands_index(self) -> BrandsIndexView:
        return BrandsIndexView(self.brand_summaries())
