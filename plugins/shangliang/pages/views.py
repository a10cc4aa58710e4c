"""What each generated page shows: views built from one build's `Index`, ready to lay out.

The plugin hands one view to the template of each page (under `shangliang.view`);
templates only loop over these values and format them. Every URL, heading, badge and
note a generated part shows comes from here (or from `parts`).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from shangliang import urls
from shangliang.content.figures import FIGURE_LABELS
from shangliang.model import STAGES, Case, District
from shangliang.pages.chinese import date_zh
from shangliang.pages.district_index import (
    DISTRICT_PAGE_SIZE,
    SplitIndex,
    split_index,
    year_page_heading,
)
from shangliang.pages.finder import (
    FinderView,
    FinderYearPage,
    FinderYearView,
    case_facets,
    finder_view,
    finder_year_pages,
    finder_year_view,
)
from shangliang.pages.grouping import BrandGroup, Index, Neighbours, YearGroup, by_year
from shangliang.pages.parts import (
    JOINT_BADGE,
    CaseItem,
    FeedLink,
    Heading,
    Link,
    figure_panel,
    highlight_badge,
    highlights_title,
    source_link,
    stage_badge,
)
from shangliang.pages.view_models import (
    BrandsIndexView,
    BrandSummary,
    BrandView,
    CaseGroup,
    CaseView,
    CommendationView,
    DistrictCount,
    DistrictView,
    DistrictYearPage,
    DistrictYearView,
    HighlightGroup,
    HighlightsIndexView,
    HighlightsView,
    HomeView,
    NeighbourLinks,
    Stage,
    StageStep,
    VenueCount,
    VenueGroup,
    VenueView,
    YearCount,
)


def cover_uri(case: Case) -> str | None:
    """Where a case's cover sits in the site: its path is relative to the case file."""
    if not case.cover:
        return None
    return posixpath.normpath(posixpath.join(posixpath.dirname(case.src_uri), case.cover))


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
            item = CaseItem(case, districts, JOINT_BADGE if case.is_joint else None, highlight, stage_badge(case))
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
            figures=figure_panel(
                self.index.site_figures,
                sub_brands=sum(len(self.index.sub_brands_of(brand.key)) for brand in self.index.brands),
            ),
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
        brand = self.brands[key]
        districts = tuple(row for row in self._district_counts(key) if not row.district.partner)
        partners = tuple(row for row in self._district_counts(key) if row.district.partner)
        sub_brands = self.index.sub_brands_of(key)
        venues = self._venue_groups(district.key for district in self.index.districts_of(key))
        highlight_years = tuple(
            YearCount(year, count, urls.highlights_url(year), f"{year}年度")
            for year, count in self.index.brand_highlight_years(key)
        )
        return BrandView(
            brand=brand,
            figures=figure_panel(
                self.index.brand_figures(key), sub_brands=len(sub_brands), published=brand.figures,
                labels=FIGURE_LABELS,
            ),
            districts=districts,
            highlight_years=highlight_years,
            latest=self.items(self.index.latest(self.index.cases_of_brand(key))),
            headings=(
                Heading("figures", "数据"),
                *((Heading("matrix", "品牌矩阵"),) if brand.matrix else ()),
                *((Heading("sub-brands", "区县与子品牌"),) if districts or brand.sub_brands else ()),
                *((Heading("partners", "协作方"),) if partners else ()),
                *((Heading("venues", "协商阵地"),) if venues else ()),
                *((Heading("highlights", "优秀案例"),) if highlight_years else ()),
                Heading("latest", "最新案例"),
            ),
            sub_brand_note=f"子品牌 {len(sub_brands)} 个：" + "、".join(sub_brands) + "。" if sub_brands else "",
            committee_sub_brands=brand.sub_brands,
            matrix=brand.matrix,
            partners=partners,
            venues=venues,
        )  # fmt: skip

    def _venue_groups(self, district_keys: Iterable[str]) -> tuple[VenueGroup, ...]:
        by_type: dict[str, list[VenueCount]] = {}
        for venue in self.index.venues_in(district_keys):
            by_type.setdefault(venue.type, []).append(VenueCount(venue, len(self.index.cases_at(venue.key))))
        order = {name: position for position, name in enumerate(self.index.catalogue.venue_types)}
        ordered = sorted(by_type.items(), key=lambda pair: order.get(pair[0], len(order)))
        return tuple(VenueGroup(kind, tuple(rows)) for kind, rows in ordered)

    def venue(self, key: str) -> VenueView:
        venue = self.index.catalogue.venues[key]
        district = self.districts[venue.district_key]
        facts = [("类型", venue.type), ("所在区县", district.name)]
        if venue.opened is not None:
            facts.append(("设立", date_zh(venue.opened)))
        if venue.address:
            facts.append(("地址", venue.address))
        return VenueView(
            venue=venue,
            district=district,
            brand=self.brands[district.brand_key],
            facts=tuple(facts),
            cases=self.items(self.index.cases_at(key)),
            headings=(Heading("cases", "在此协商的案例"),),
        )

    def district(self, key: str) -> DistrictView:
        district = self.districts[key]
        venues = self._venue_groups([key])
        split = self._split(district)
        # Split: the district page lists the index's first page (the newest year's cases).
        groups = (YearGroup(split.pages[0].year, split.pages[0].cases),) if split else tuple(
            by_year(self.index.cases_in_district(key))
        )
        years = self._year_groups(groups)
        return DistrictView(
            district=district,
            brand=self.brands[district.brand_key],
            figures=figure_panel(self.index.district_figures(key), published=district.figures, labels=FIGURE_LABELS),
            years=years,
            index_years=split.years if split else (),
            older=split.older(0) if split else None,
            headings=(
                Heading("figures", "数据"),
                *((Heading("venues", "协商阵地"),) if venues else ()),
                Heading("cases", "全部案例", tuple(group.heading for group in years)),
            ),
            feeds=self._district_feeds([district]),
            venues=venues,
            partner_note=(
                f"{district.name}是协作方：参与{self.brands[district.brand_key].name}的联合协商，不是它的子品牌。"
                if district.partner else ""
            ),
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
            venue=self._venue_link(case),
            timeline=self._timeline(case),
            facets=case_facets(case, self.districts),
        )

    def _venue_link(self, case: Case) -> Link | None:
        venue = self.index.catalogue.venues.get(case.venue_key) if case.venue_key else None
        return Link(venue.name, venue.url) if venue else None

    @staticmethod
    def _timeline(case: Case) -> tuple[StageStep, ...]:
        if not case.stages:
            return ()
        dates = dict(case.stages)
        reached = case.stage_index
        return tuple(
            StageStep(name, position <= reached, position == reached, dates.get(name))
            for position, name in enumerate(STAGES)
        )

    @staticmethod
    def _neighbour_links(row: Neighbours) -> NeighbourLinks:
        district = row.district
        empty = Link(f"查看{district.name}", district.url) if not (row.older or row.newer) else None
        return NeighbourLinks(district, f"{district.name}的其他案例", row.older, row.newer, empty)

    def highlights(self, year: int) -> HighlightsView:
        count = len(self.index.highlights_of(year))
        commendations = self._commendations(year)
        held = f"本站收录 {count} 个" if commendations else f"共 {count} 个"
        return HighlightsView(
            year=year,
            count=count,
            lede=f"{year}年度通报表扬的优秀案例，{held}，按协商品牌和区县排列。",
            groups=self._highlight_groups(self.index.highlights_by_brand(year)),
            commendations=commendations,
        )

    def _commendations(self, year: int) -> tuple[CommendationView, ...]:
        views = []
        for brand in self.index.brands:
            commendation = brand.commendation(year)
            if commendation is None:
                continue
            held = sum(1 for case in self.index.highlights_of(year) if case.brand_key == brand.key)
            text = f"{brand.organisation}{year}年度通报表扬"
            if commendation.cases is not None:
                text += f"优秀案例 {commendation.cases} 个，本站收录其中 {held} 个。"
            else:
                text += f"；本站收录其优秀案例 {held} 个。"
            others = tuple(
                f"{name} {value:,}" if isinstance(value, int) else f"{name} {value}"
                for name, value in commendation.others
            )
            views.append(CommendationView(brand, text, others, source_link(commendation.source)))
        return tuple(views)

    def highlights_index(self) -> HighlightsIndexView:
        return HighlightsIndexView(
            tuple(
                YearCount(year, len(self.index.highlights_of(year)), urls.highlights_url(year), highlights_title(year))
                for year in self.index.highlight_years
            )
        )

    def brands_index(self) -> BrandsIndexView:
        return BrandsIndexView(self.brand_summaries())

    # -- the case finder (pages.finder) ------------------------------------------------

    def cases_finder(self) -> FinderView:
        return finder_view(self.index)

    def finder_year_pages(self) -> list[FinderYearPage]:
        return finder_year_pages(self.index)

    def cases_year(self, year: int) -> FinderYearView:
        return finder_year_view(self.index, year)
