"""What a year's roundup (年度综述) says, worked out from the published cases.

`roundups_of` groups the cases by year once and builds one `Roundup` per year asked
for: headline figures with last year's for comparison, counts by brand and district,
by format, by stage, by month, the commended cases, the most frequent topics and the
bulletins (协商专报) the cases fed into. `roundup_markdown` turns it into text.

Counting follows the site's rules: a joint case counts once in the year's totals and
in its brand, and once in each of its districts; sums no case states are None.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from shangliang.model import STAGES, Brand, Case, District
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
class Roundup:
    year: int
    figures: Figures
    previous: Figures | None
    """Last year's figures, or None when last year has no published case."""
    brands: tuple[BrandRows, ...]
    formats: tuple[Count, ...]
    stages: tuple[StageCount, ...]
    months: tuple[int, ...]
    """Cases dated in each month, January first (12 values)."""
    highlights: tuple[Case, ...]
    """The cases commended as excellent for this year, in the order of the highlight page."""
    topics: tuple[Count, ...]
    bulletins: tuple[Bulletin, ...]

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
    return Roundup(
        year=year,
        figures=_year_figures(cases),
        previous=_year_figures(previous) if previous else None,
        brands=_brand_rows(index, cases),
        formats=_formats(cases, index.catalogue.formats),
        stages=_stages(cases),
        months=_months(cases),
        highlights=tuple(
            case for brand in index.highlights_by_brand(year) for group in brand.districts for case in group.cases
        ),
        topics=_topics(cases),
        bulletins=_bulletins(cases),
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
    counts = Counter(case.date.month for case in cases)
    return tuple(counts.get(month, 0) for month in range(1, 13))


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
