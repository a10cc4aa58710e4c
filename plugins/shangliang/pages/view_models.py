"""The values each generated page's template lays out: one frozen dataclass per page kind and its parts.

Made by `views.Views`; templates only loop over them and format them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from shangliang.dates import PartialDate
from shangliang.model import Brand, Case, District, SubBrand, Venue
from shangliang.pages.district_index import IndexPageLink, IndexYear
from shangliang.pages.finder import CaseFacets
from shangliang.pages.parts import Badge, CaseItem, FeedLink, FigurePanel, Heading, Link, WithHeadings


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
class VenueGroup:
    """Venues of one type: `委员联系点 3 个`, each linked, with its number of cases."""

    type: str
    venues: tuple[VenueCount, ...]

    @property
    def label(self) -> str:
        return f"{self.type} {len(self.venues)} 个"


@dataclass(frozen=True)
class VenueCount:
    venue: Venue
    count: int


@dataclass(frozen=True)
class BrandView(WithHeadings):
    brand: Brand
    figures: FigurePanel
    districts: tuple[DistrictCount, ...]
    """The brand's districts (partners not among them), with their sub-brands."""
    highlight_years: tuple[YearCount, ...]
    latest: tuple[CaseItem, ...]
    headings: tuple[Heading, ...] = ()
    empty_note: str = "暂无案例。"
    sub_brand_note: str = ""
    """`子品牌 6 个：…` — how many, by the contract's rule."""
    committee_sub_brands: tuple[SubBrand, ...] = ()
    matrix: tuple[str, ...] = ()
    partners: tuple[DistrictCount, ...] = ()
    venues: tuple[VenueGroup, ...] = ()


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
    venues: tuple[VenueGroup, ...] = ()
    partner_note: str = ""
    """For a partner district: that it joins the brand's joint cases and is not one of its sub-brands."""

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
class VenueView(WithHeadings):
    venue: Venue
    district: District
    brand: Brand
    facts: tuple[tuple[str, str], ...]
    """(label, text) lines: type, district, opened, address."""
    cases: tuple[CaseItem, ...]
    headings: tuple[Heading, ...] = ()
    empty_note: str = "本站暂未收录在此协商的案例。"


@dataclass(frozen=True)
class StageStep:
    """One stage on a case's timeline: reached or not, and when, if the editor dated it."""

    name: str
    reached: bool
    current: bool
    date: PartialDate | None

    @property
    def state(self) -> str:
        return "（当前阶段）" if self.current else "（已完成）" if self.reached else "（未到）"


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
    venue: Link | None = None
    """The venue's page, when the case names a venue key (else `case.venue` is plain text)."""
    timeline: tuple[StageStep, ...] = ()
    """The stages with their dates, when the editor dated any (`stages`)."""
    facets: CaseFacets | None = None
    """What the page tells the case finder's index (`pages.finder`)."""


@dataclass(frozen=True)
class CommendationView:
    """A committee's commendation of the year, as published, with how many of its cases the site holds."""

    brand: Brand
    text: str
    """`福州市政协通报表扬优秀案例 10 个，本站收录其中 3 个。`"""
    others: tuple[str, ...]
    """`优秀委员 80`, … as published."""
    source: Link | None


@dataclass(frozen=True)
class HighlightsView(WithHeadings):
    year: int
    count: int
    lede: str
    groups: tuple[HighlightGroup, ...]
    headings: tuple[Heading, ...] = ()
    empty_note: str = "本年度暂无优秀案例。"
    commendations: tuple[CommendationView, ...] = ()


@dataclass(frozen=True)
class HighlightsIndexView(WithHeadings):
    years: tuple[YearCount, ...]
    headings: tuple[Heading, ...] = ()
    empty_note: str = "暂无优秀案例。"


@dataclass(frozen=True)
class BrandsIndexView(WithHeadings):
    brands: tuple[BrandSummary, ...]
    headings: tuple[Heading, ...] = ()


