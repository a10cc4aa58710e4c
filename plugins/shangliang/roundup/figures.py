"""What a year's roundup (年度综述) says, worked out from the published cases.

`roundups_of` groups the cases by year once and builds one `Roundup` per year asked
for: headline figures with last year's for comparison, counts by brand and district,
by format, by stage, by month, the commended cases, the most frequent topics and the
bulletins (协商专报) the cases fed into; beside them, what the committees themselves
published for the year (their `figures` and `commendations`, content model v2).
`blocks.render` turns it into text.

Counting follows the site's rules: a joint case counts once in the year's totals and
in its brand, and once in each of its districts; sums no case states are None. A
case counts in the year of its date, however precisely the date is written; in the
months a case dated only by its month counts in that month, and one dated only by its
year is counted apart (`months_unknown`), never put in a month. An official figure is
kept as published, beside the sums of the cases, and never replaces them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from shangliang.model import STAGES, Brand, Case, Commendation, District, OfficialFigures
from shangliang.pages.grouping import Figures, Index, figures_of

TOP_TOPICS = 10
"""How many topics the roundup lists."""


@dataclass(frozen=True)
class DistrictRow:
    district: District
    figures: Figures


@dataclass(frozen=True)
class BrandRows:
    """A brand's figures for the year (its own cases) and its districts that had cases."""

    brand: Brand
    figures: Figures
    districts: tuple[DistrictRow, ...]


@dataclass(frozen=True)
class Count:
    name: str
    count: int


@dataclass(frozen=True)
class StageCount:
    stage: str
    at_stage: int
    """Cases whose furthest stage is this one."""
    reached: int
    """Cases that got at least this far."""


@dataclass(frozen=True)
class Bulletin:
    name: str
    cases: tuple[Case, ...]


@dataclass(frozen=True)
class Published:
    """What one committee (a brand's, or a district's) published for the year, beside what the site holds."""

    committee: Brand | District
    figures: OfficialFigures
    held: Figures | None
    """The sums over the committee's published cases of the year; None when the site holds none of them."""


@dataclass(frozen=True)
class Commended:
    """A brand's year-end commendation (通报表扬) as published, and how many of its commended cases the site holds."""

    brand: Brand
    commendation: Commendation
    held: int


@dataclass(frozen=True)
class Roundup:
    year: int
    figures: Figures
    previous: Figures | None
    """Last year's figures, or None when last year has no published case."""
    brands: tuple[BrandRows, ...]
    formats: tuple[Count, ...]
    stages: tuple[StageCount, ...]
    months: tuple[int, ...]
    """Cases dated in each month, January first (12 values); a case dated `2024-06` counts in June."""
    highlights: tuple[Case, ...]
    """The cases commended as excellent for this year, in the order of the highlight page."""
    topics: tuple[Count, ...]
    bulletins: tuple[Bulletin, ...]
    months_unknown: int = 0
    """Cases whose date gives only the year: they cannot be put in a month, so `months` leaves them out."""
    published: tuple[Published, ...] = ()
    """The committees that published figures for this year, brand by brand in site order, each brand before its
    districts."""
    commended: tuple[Commended, ...] = ()
    """The brands whose committees published a commendation for this year, in site order."""

    @property
    def implemented(self) -> int:
        """Cases that reached the last stage (落实)."""
        return self.stages[-1].reached if self.stages else 0


def case_years(index: Index) -> list[int]:
    """Every year with a published case, newest first."""
    return sorted({case.year for case in index.catalogue.cases}, reverse=True)


def roundups_of(index: Index, years: Iterable[int]) -> dict[int, Roundup]:
    """The roundup of each of `years`, from one pass over the published cases."""
    by_year: dict[int, list[Case]] = defaultdict(list)
    for case in index.catalogue.cases:  # newest first
        by_year[case.year].append(case)
    return {year: roundup_of(index, year, by_year.get(year, []), by_year.get(year - 1)) for year in years}


def roundup_of(index: Index, year: int, cases: Sequence[Case], previous: Sequence[Case] | None) -> Roundup:
    """The roundup of `year` from its cases (and last year's, for the comparison)."""
    brands = _brand_rows(index, cases)
    highlights = tuple(
        case for brand in index.highlights_by_brand(year) for group in brand.districts for case in group.cases
    )
    return Roundup(
        year=year,
        figures=_year_figures(cases),
        previous=_year_figures(previous) if previous else None,
        brands=brands,
        formats=_formats(cases, index.catalogue.formats),
        stages=_stages(cases),
        months=_months(cases),
        highlights=highlights,
        topics=_topics(cases),
        bulletins=_bulletins(cases),
        months_unknown=sum(1 for case in cases if not case.date.month),
        published=_published(index, year, brands),
        commended=_commended(index, year, highlights),
    )


def _year_figures(cases: Sequence[Case]) -> Figures:
    districts = {key for case in cases for key in case.district_keys}
    return figures_of(cases, districts=len(districts))


def _brand_rows(index: Index, cases: Sequence[Case]) -> tuple[BrandRows, ...]:
    by_brand: dict[str, list[Case]] = defaultdict(list)
    by_district: dict[str, list[Case]] = defaultdict(list)
    for case in cases:
        by_brand[case.brand_key].append(case)
        for key in case.district_keys:
            by_district[key].append(case)
    rows = []
    for brand in index.brands:
        districts = tuple(
            DistrictRow(district, figures_of(by_district[district.key], districts=1))
            for district in index.districts_of(brand.key)
            if by_district.get(district.key)
        )
        own = by_brand.get(brand.key, [])
        if own or districts:
            active = {key for case in own for key in case.district_keys}
            rows.append(BrandRows(brand, figures_of(own, districts=len(active)), districts))
    return tuple(rows)


def _formats(cases: Sequence[Case], site_formats: Sequence[str]) -> tuple[Count, ...]:
    counts = Counter(case.format for case in cases)
    order = {name: position for position, name in enumerate(site_formats)}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], order.get(item[0], len(order)), item[0]))
    return tuple(Count(name, count) for name, count in ranked)


def _stages(cases: Sequence[Case]) -> tuple[StageCount, ...]:
    at = Counter(case.status for case in cases)
    rows = []
    reached = 0
    for stage in reversed(STAGES):
        reached += at.get(stage, 0)
        rows.append(StageCount(stage, at.get(stage, 0), reached))
    return tuple(reversed(rows))


def _months(cases: Sequence[Case]) -> tuple[int, ...]:
    counts = Counter(case.date.month for case in cases)  # 0, a date with only a year, is no month
    return tuple(counts.get(month, 0) for month in range(1, 13))


def _figures_of_year(published: Sequence[OfficialFigures], year: int) -> OfficialFigures | None:
    return next((figures for figures in published if figures.year == year), None)


def _published(index: Index, year: int, brands: Sequence[BrandRows]) -> tuple[Published, ...]:
    """Each committee's official figures for `year`, with the sums over its cases the site holds."""
    held_by_brand = {row.brand.key: row.figures for row in brands if row.figures.cases}
    held_by_district = {row.district.key: row.figures for group in brands for row in group.districts}
    rows = []
    for brand in index.brands:
        official = _figures_of_year(brand.figures, year)
        if official is not None:
            rows.append(Published(brand, official, held_by_brand.get(brand.key)))
        for district in index.districts_of(brand.key):
            official = _figures_of_year(district.figures, year)
            if official is not None:
                rows.append(Published(district, official, held_by_district.get(district.key)))
    return tuple(rows)


def _commended(index: Index, year: int, highlights: Sequence[Case]) -> tuple[Commended, ...]:
    rows = []
    for brand in index.brands:
        commendation = brand.commendation(year)
        if commendation is not None:
            held = sum(1 for case in highlights if case.brand_key == brand.key)
            rows.append(Commended(brand, commendation, held))
    return tuple(rows)


def _topics(cases: Sequence[Case]) -> tuple[Count, ...]:
    counts = Counter(tag for case in cases for tag in dict.fromkeys(case.tags))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return tuple(Count(name, count) for name, count in ranked[:TOP_TOPICS])


def _bulletins(cases: Sequence[Case]) -> tuple[Bulletin, ...]:
    fed: dict[str, list[Case]] = defaultdict(list)
    for case in sorted(cases, key=lambda case: (case.date, case.src_uri)):  # oldest first
        for name in dict.fromkeys(case.reports):
            fed[name].append(case)
    return tuple(Bulletin(name, tuple(fed[name])) for name in sorted(fed, key=natural_key))


_DIGITS = re.compile(r"(\d+)")


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key that orders numbers inside names by value: 第2期 before 第10期."""
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in _DIGITS.split(text) if part)
