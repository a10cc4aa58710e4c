"""What each generated part of a page shows: small dataclasses built from the `Index`.

The plugin hands one view to the template of each page (under the
`shangliang` key); templates only loop over these values and format them.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from shangliang.model import STAGES, Brand, Case, District
from shangliang.pages.district_index import (
    DISTRICT_PAGE_SIZE,
    IndexPageLink,
    IndexYear,
    SplitIndex,
    split_index,
    year_page_heading,
)
from shangliang.pages.grouping import BrandGroup, Figures, Index, Neighbours, YearGroup, by_year


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


@dataclass(frozen=True)
class Stage:
    name: str
    reached: bool
    current: bool


@dataclass(frozen=True)
class HomeView:
    figures: Figures
    brands: tuple[BrandSummary, ...]
    highlight_year: int | None
    highlights: tuple[BrandGroup, ...]
    latest: tuple[Case, ...]


@dataclass(frozen=True)
class BrandView:
    brand: Brand
    figures: Figures
    districts: tuple[DistrictCount, ...]
    highlight_years: tuple[YearCount, ...]
    latest: tuple[Case, ...]


@dataclass(frozen=True)
class DistrictView:
    district: District
    brand: Brand
    figures: Figures
    years: tuple[YearGroup, ...]
    """The cases this page lists, by year: all of them, or, when split, the newest year's first page."""
    index_years: tuple[IndexYear, ...] = ()
    """When the district has too many cases for one page: every year and where its cases are."""
    older: IndexPageLink | None = None
    """When split: the next page of the index."""

    @property
    def is_split(self) -> bool:
        return bool(self.index_years)


@dataclass(frozen=True)
class DistrictYearView:
    """A page of a split district index: one year's cases (or one part of them)."""

    district: District
    brand: Brand
    year: int
    part: int
    parts: int
    cases: tuple[Case, ...]
    index_years: tuple[IndexYear, ...]
    newer: IndexPageLink | None
    older: IndexPageLink | None


@dataclass(frozen=True)
class DistrictYearPage:
    """A generated page of a split district index: its file, its title, which page it is."""

    src_uri: str
    title: str
    district_key: str
    position: int
    """Its place in the district's `SplitIndex.pages` (1 or more: 0 is the district page)."""


@dataclass(frozen=True)
class CaseView:
    case: Case
    brand: Brand
    districts: tuple[District, ...]
    stages: tuple[Stage, ...]
    neighbours: tuple[Neighbours, ...]
    cover_uri: str | None
    """The cover image's path in the site (site-relative), if the case has one."""


@dataclass(frozen=True)
class HighlightsView:
    year: int
    count: int
    groups: tuple[BrandGroup, ...]


@dataclass(frozen=True)
class HighlightsIndexView:
    years: tuple[YearCount, ...]


@dataclass(frozen=True)
class BrandsIndexView:
    brands: tuple[BrandSummary, ...]


@dataclass(frozen=True)
class Heading:
    """A heading a template renders after the editor's prose, for the table of contents."""

    anchor: str
    title: str
    children: tuple[Heading, ...] = ()


def generated_headings(view: object) -> list[Heading]:
    """The headings the page templates render for `view`, in order (anchors as in the templates)."""
    if isinstance(view, HomeView):
        return [
            Heading("figures", "总体数据"),
            Heading("brands", "协商品牌"),
            *([Heading("highlights", f"{view.highlight_year}年度优秀案例")] if view.highlight_year else []),
            Heading("latest", "最新案例"),
        ]
    if isinstance(view, BrandView):
        return [
            Heading("figures", "数据"),
            *([Heading("sub-brands", "区县子品牌")] if view.districts else []),
            *([Heading("highlights", "优秀案例")] if view.highlight_years else []),
            Heading("latest", "最新案例"),
        ]
    if isinstance(view, DistrictView):
        years = tuple(Heading(str(group.year), f"{group.year}年") for group in view.years)
        return [Heading("figures", "数据"), Heading("cases", "全部案例", years)]
    if isinstance(view, DistrictYearView):
        return [Heading("years", "各年案例"), Heading("cases", "本页案例")]
    return []


class Views:
    """Builds the view of each page kind from one build's `Index`."""

    def __init__(self, index: Index, *, district_page_size: int = DISTRICT_PAGE_SIZE) -> None:
        if district_page_size < 1:
            raise ValueError(f"district_page_size must be at least 1 (got {district_page_size})")
        self.index = index
        self.district_page_size = district_page_size
        catalogue = index.catalogue
        self.brands = catalogue.brands
        self.districts = catalogue.districts

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

    def home(self) -> HomeView:
        years = self.index.highlight_years
        year = next((year for year in years if self.index.highlights_of(year)), None)
        return HomeView(
            figures=self.index.site_figures,
            brands=self.brand_summaries(),
            highlight_year=year,
            highlights=tuple(self.index.highlights_by_brand(year)) if year else (),
            latest=tuple(self.index.latest()),
        )

    def brand(self, key: str) -> BrandView:
        return BrandView(
            brand=self.brands[key],
            figures=self.index.brand_figures(key),
            districts=self._district_counts(key),
            highlight_years=tuple(YearCount(*pair) for pair in self.index.brand_highlight_years(key)),
            latest=tuple(self.index.latest(self.index.cases_of_brand(key))),
        )

    def district(self, key: str) -> DistrictView:
        district = self.districts[key]
        split = self._split(district)
        return DistrictView(
            district=district,
            brand=self.brands[district.brand_key],
            figures=self.index.district_figures(key),
            # Split: the district page lists the index's first page (the newest year's cases).
            years=(YearGroup(split.pages[0].year, split.pages[0].cases),) if split
            else tuple(by_year(self.index.cases_in_district(key))),
            index_years=split.years if split else (),
            older=split.older(0) if split else None,
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
            cases=page.cases,
            index_years=split.years,
            newer=split.newer(position),
            older=split.older(position),
        )

    def case(self, case: Case) -> CaseView:
        reached = case.stage_index
        return CaseView(
            case=case,
            brand=self.brands[case.brand_key],
            districts=tuple(self.districts[key] for key in case.district_keys),
            stages=tuple(
                Stage(name, position <= reached, position == reached)
                for position, name in enumerate(STAGES)
            ),
            neighbours=tuple(self.index.neighbours(case)),
            cover_uri=cover_uri(case),
        )

    def highlights(self, year: int) -> HighlightsView:
        return HighlightsView(
            year=year,
            count=len(self.index.highlights_of(year)),
            groups=tuple(self.index.highlights_by_brand(year)),
        )

    def highlights_index(self) -> HighlightsIndexView:
        return HighlightsIndexView(
            tuple(YearCount(year, len(self.index.highlights_of(year))) for year in self.index.highlight_years)
        )

    def brands_index(self) -> BrandsIndexView:
        return BrandsIndexView(self.brand_summaries())
