"""Pure functions that group and count published cases for listing pages.

`Index` is built once per build from a `Catalogue`; every listing page asks
it questions. All orders are explicit and stable, so output is deterministic.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from shangliang.content.catalogue import newest_first, sorted_brands, sorted_districts
from shangliang.model import Brand, Case, Catalogue, District, Kind, Venue


@dataclass(frozen=True)
class Figures:
    """Headline figures of a set of cases.

    Sums skip cases that do not state a value; a sum is None when no case states
    it, so pages show "not stated" rather than a misleading 0.
    """

    cases: int
    districts: int
    members: int | None
    participants: int | None
    problems_solved: int | None
    bulletins: int


def figures_of(cases: Iterable[Case], *, districts: int) -> Figures:
    """Figures of `cases`, each counted once (a joint case too); `districts` is given by the scope."""
    cases = list(cases)
    return Figures(
        cases=len(cases),
        districts=districts,
        members=_sum_stated(case.members for case in cases),
        participants=_sum_stated(case.participants for case in cases),
        problems_solved=_sum_stated(case.problems_solved for case in cases),
        bulletins=len({report for case in cases for report in case.reports}),
    )


def _sum_stated(values: Iterable[int | None]) -> int | None:
    stated = [value for value in values if value is not None]
    return sum(stated) if stated else None


@dataclass(frozen=True)
class YearGroup:
    year: int
    cases: tuple[Case, ...]


@dataclass(frozen=True)
class DistrictGroup:
    district: District
    cases: tuple[Case, ...]


@dataclass(frozen=True)
class BrandGroup:
    brand: Brand
    districts: tuple[DistrictGroup, ...]

    @property
    def count(self) -> int:
        return sum(len(group.cases) for group in self.districts)


@dataclass(frozen=True)
class Neighbours:
    """The cases before and after one case in one district's list (older and newer)."""

    district: District
    older: Case | None
    newer: Case | None


def by_year(cases: Iterable[Case]) -> list[YearGroup]:
    """Cases grouped by the year of their date, newest year first, newest case first."""
    groups: dict[int, list[Case]] = defaultdict(list)
    for case in sorted(cases, key=newest_first):
        groups[case.year].append(case)
    return [YearGroup(year, tuple(groups[year])) for year in sorted(groups, reverse=True)]


@dataclass(frozen=True)
class IndexPage:
    """One page of a long case index: all of one year's cases, or one part of them."""

    year: int
    part: int
    """1, 2, … within the year."""
    parts: int
    """How many pages the year's cases take."""
    cases: tuple[Case, ...]


def paged_by_year(cases: Iterable[Case], page_size: int) -> list[IndexPage]:
    """`by_year`, each year cut into as few pages of at most `page_size` cases as it needs,
    of even lengths (298 cases at 200 a page: 149 and 149), in the same order."""
    if page_size < 1:
        raise ValueError(f"page_size must be at least 1 (got {page_size})")
    pages = []
    for group in by_year(cases):
        count = -(-len(group.cases) // page_size)
        short, longer = divmod(len(group.cases), count)
        start = 0
        for number in range(1, count + 1):
            end = start + short + (1 if number <= longer else 0)
            pages.append(IndexPage(group.year, number, count, group.cases[start:end]))
            start = end
    return pages


class Index:
    """Answers every listing question about one catalogue's published cases."""

    def __init__(self, catalogue: Catalogue, latest_count: int = 10) -> None:
        self.catalogue = catalogue
        self.latest_count = latest_count
        self.brands = sorted_brands(catalogue.brands.values())
        self.districts = sorted_districts(catalogue.districts.values())
        self.venues = sorted(catalogue.venues.values(), key=lambda venue: (venue.type, venue.key))
        self._by_district: dict[str, list[Case]] = defaultdict(list)
        self._by_brand: dict[str, list[Case]] = defaultdict(list)
        self._by_venue: dict[str, list[Case]] = defaultdict(list)
        self._highlights: dict[int, list[Case]] = defaultdict(list)
        for case in catalogue.cases:  # already newest first
            for key in case.district_keys:
                self._by_district[key].append(case)
            self._by_brand[case.brand_key].append(case)
            if case.venue_key is not None:
                self._by_venue[case.venue_key].append(case)
            if case.highlight_year is not None:
                self._highlights[case.highlight_year].append(case)
        self._positions = {
            (key, case.src_uri): position
            for key, cases in self._by_district.items()
            for position, case in enumerate(cases)
        }

    # -- whole site ------------------------------------------------------

    @cached_property
    def site_figures(self) -> Figures:
        return figures_of(self.catalogue.cases, districts=len(self.districts))

    def latest(self, cases: Sequence[Case] | None = None) -> list[Case]:
        return list(self.catalogue.cases if cases is None else cases)[: self.latest_count]

    # -- brands ----------------------------------------------------------

    def districts_of(self, brand_key: str) -> list[District]:
        return [district for district in self.districts if district.brand_key == brand_key]

    def sub_brands_of(self, brand_key: str) -> list[str]:
        """The brand's sub-brands: its districts' own (partners excluded), then those not tied to a district."""
        names = [district.sub_brand for district in self.districts_of(brand_key) if district.is_sub_brand]
        brand = self.catalogue.brands.get(brand_key)
        names += [sub_brand.name for sub_brand in brand.sub_brands] if brand else []
        return [name for name in names if name]

    def partners_of(self, brand_key: str) -> list[District]:
        return [district for district in self.districts_of(brand_key) if district.partner]

    def venues_in(self, district_keys: Iterable[str]) -> list[Venue]:
        """The venues of these districts, by type, then key."""
        keys = set(district_keys)
        return [venue for venue in self.venues if venue.district_key in keys]

    def cases_at(self, venue_key: str) -> list[Case]:
        """The published cases held at the venue, newest first."""
        return self._by_venue.get(venue_key, [])

    def cases_of_brand(self, brand_key: str) -> list[Case]:
        return self._by_brand.get(brand_key, [])

    def brand_figures(self, brand_key: str) -> Figures:
        return figures_of(self.cases_of_brand(brand_key), districts=len(self.districts_of(brand_key)))

    def brand_highlight_years(self, brand_key: str) -> list[tuple[int, int]]:
        """(year, number of the brand's commended cases) for each year, newest first."""
        counts = [
            (year, sum(1 for case in cases if case.brand_key == brand_key))
            for year, cases in self._highlights.items()
        ]
        return sorted(((year, count) for year, count in counts if count), reverse=True)

    # -- districts -------------------------------------------------------

    def cases_in_district(self, district_key: str) -> list[Case]:
        """Every published case of the district, joint cases included, newest first."""
        return self._by_district.get(district_key, [])

    def district_figures(self, district_key: str) -> Figures:
        return figures_of(self.cases_in_district(district_key), districts=1)

    def neighbours(self, case: Case) -> list[Neighbours]:
        """For each district of the case: the older and the newer case next to it."""
        rows = []
        for key in case.district_keys:
            cases = self._by_district.get(key, [])
            position = self._positions.get((key, case.src_uri))
            if position is None:
                continue
            newer = cases[position - 1] if position > 0 else None
            older = cases[position + 1] if position + 1 < len(cases) else None
            rows.append(Neighbours(self.catalogue.districts[key], older, newer))
        return rows

    # -- highlights ------------------------------------------------------

    @cached_property
    def highlight_years(self) -> list[int]:
        """Years with a highlight page: years with commended cases or with an editor page."""
        editor_years = {page.year for page in self.catalogue.pages_of(Kind.HIGHLIGHTS) if page.year}
        return sorted(set(self._highlights) | editor_years, reverse=True)

    def highlights_of(self, year: int) -> list[Case]:
        return self._highlights.get(year, [])

    def highlights_by_brand(self, year: int) -> list[BrandGroup]:
        """The year's commended cases by brand, then by (first) district, in site order."""
        cases = self.highlights_of(year)
        groups = []
        for brand in self.brands:
            districts = []
            for district in self.districts:
                in_district = tuple(
                    case for case in cases
                    if case.brand_key == brand.key and case.district_keys[0] == district.key
                )
                if in_district:
                    districts.append(DistrictGroup(district, in_district))
            if districts:
                groups.append(BrandGroup(brand, tuple(districts)))
        return groups

    # -- roundups --------------------------------------------------------

    @cached_property
    def roundup_years(self) -> list[int]:
        return sorted((page.year for page in self.catalogue.pages_of(Kind.ROUNDUP) if page.year), reverse=True)
