"""What each generated part of a page shows: small dataclasses built from the `Index`.

The plugin hands one view to the template of each page (under the
`shangliang` key); templates only loop over these values and format them.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from .grouping import BrandGroup, Figures, Index, Neighbours, YearGroup, by_year
from .model import STAGES, Brand, Case, District


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
    return []


class Views:
    """Builds the view of each page kind from one build's `Index`."""

    def __init__(self, index: Index) -> None:
        self.index = index
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
        return DistrictView(
            district=district,
            brand=self.brands[district.brand_key],
            figures=self.index.district_figures(key),
            years=tuple(by_year(self.index.cases_in_district(key))),
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
