"""The small pieces every page view is made of: links, headings, badges, listed cases, figure tiles.

Each text a reader sees in a generated part of a page is written here or in `views`,
once; templates only lay these values out (and escape them).
"""

from __future__ import annotations

from dataclasses import dataclass

from shangliang import urls
from shangliang.dates import PartialDate
from shangliang.model import STAGES, Case, OfficialFigures, Source
from shangliang.pages.chinese import date_zh, number_zh
from shangliang.pages.grouping import Figures


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    """Site-relative (`districts/minhou/`), as the `url` filter takes it."""


@dataclass(frozen=True)
class Heading:
    """A heading a template renders after the editor's prose; also listed in the table of contents."""

    anchor: str
    title: str
    children: tuple[Heading, ...] = ()
    url: str | None = None
    """When the heading is a link (site-relative)."""

    def find(self, anchor: str) -> Heading | None:
        if self.anchor == anchor:
            return self
        return next((found for child in self.children if (found := child.find(anchor))), None)


class WithHeadings:
    """A view whose template renders `headings` (found by anchor with `heading`)."""

    headings: tuple[Heading, ...]

    def heading(self, anchor: str | int) -> Heading:
        wanted = str(anchor)
        for heading in self.headings:
            found = heading.find(wanted)
            if found is not None:
                return found
        raise KeyError(f"{type(self).__name__} has no heading '{wanted}'")


@dataclass(frozen=True)
class Badge:
    text: str
    kind: str
    """`highlight` or `joint`: the badge's look."""
    url: str | None = None


def highlights_title(year: int) -> str:
    """The title of a year's highlight page, and the badge of its cases."""
    return f"{year}年度优秀案例"


def highlight_badge(year: int) -> Badge:
    return Badge(highlights_title(year), "highlight", urls.highlights_url(year))


JOINT_BADGE = Badge("联合协商", "joint")


def stage_badge(case: Case) -> Badge:
    """`已落实` for a case implemented, else the stage it reached: `进展：协商`."""
    return Badge(stage_text(case.status), "resolved" if case.is_resolved else "stage")


def stage_text(stage: str) -> str:
    """How a list says a case reached `stage`: `已落实` for the last, else `进展：协商`."""
    return "已落实" if stage == STAGES[-1] else f"进展：{stage}"


@dataclass(frozen=True)
class CaseItem:
    """A case as every list shows it: title, date, districts, format, badges, summary."""

    case: Case
    districts: tuple[Link, ...]
    joint_badge: Badge | None
    highlight_badge: Badge | None
    stage_badge: Badge
    """The stage reached, so that a list shows at a glance which cases reached 落实."""

    @property
    def src_uri(self) -> str:
        return self.case.src_uri

    @property
    def url(self) -> str:
        return self.case.url

    @property
    def title(self) -> str:
        return self.case.title

    @property
    def date(self) -> PartialDate:
        return self.case.date

    @property
    def format(self) -> str:
        return self.case.format

    @property
    def summary(self) -> str:
        return self.case.summary


@dataclass(frozen=True)
class Tile:
    label: str
    value: str
    """As shown: `1,967`, or an official figure as published (`百余场`)."""


@dataclass(frozen=True)
class FigureGroup:
    """Figures from one origin: what this site holds, or what the committee published for a year."""

    label: str
    tiles: tuple[Tile, ...]
    note: str = ""
    source: Link | None = None
    """Where the committee published them (its URL may be empty: a source without an address)."""


@dataclass(frozen=True)
class FigurePanel:
    groups: tuple[FigureGroup, ...]


COLLECTED_LABEL = "本站收录"
COLLECTED_NOTE = "本站已发布案例的合计，联合协商案例只计一次；不是委员会工作的全部。"


def collected_figures(figures: Figures, *, sub_brands: int | None = None) -> FigureGroup:
    """The sums over the cases this site holds; a figure no case states is left out (never a dash or 0)."""
    stated: list[tuple[str, int | None]] = [
        ("案例", figures.cases),
        ("子品牌", sub_brands or None),
        ("参与委员（人次）", figures.members),
        ("参与人数（人次）", figures.participants),
        ("解决问题", figures.problems_solved),
        ("协商专报（期）", figures.bulletins or None),
    ]
    tiles = tuple(Tile(label, number_zh(value)) for label, value in stated if value is not None)
    return FigureGroup(COLLECTED_LABEL, tiles, COLLECTED_NOTE)


def official_figures(published: tuple[OfficialFigures, ...], labels: dict[str, str]) -> tuple[FigureGroup, ...]:
    """Each year the committee published figures for, newest first, each figure as published."""
    return tuple(
        FigureGroup(
            f"{year.year}年 · 委员会公布",
            tuple(Tile(labels[name], _as_published(value)) for name, value in year.values),
            source=source_link(year.source),
        )
        for year in published
    )


def _as_published(value: int | str) -> str:
    return number_zh(value) if isinstance(value, int) else value


def source_link(source: Source | None) -> Link | None:
    """`来源：人民政协网（2025年1月6日）`, linked when the source has an address."""
    if source is None or not (source.name or source.url):
        return None
    label = "来源：" + (source.name or source.url or "")
    if source.date is not None:
        label += f"（{date_zh(source.date)}）"
    return Link(label, source.url or "")


def figure_panel(figures: Figures, *, sub_brands: int | None = None,
                 published: tuple[OfficialFigures, ...] = (), labels: dict[str, str] | None = None) -> FigurePanel:
    """What this site holds, then what the committee published (each labelled as such)."""
    official = official_figures(published, labels or {}) if published else ()
    return FigurePanel((collected_figures(figures, sub_brands=sub_brands), *official))


@dataclass(frozen=True)
class FeedLink:
    title: str
    url: str


@dataclass(frozen=True)
class DataLink:
    label: str
    url: str
    media_type: str


@dataclass(frozen=True)
class SiteView:
    """What every page of the site may show whatever its kind: the site feed, the open data."""

    feeds: tuple[FeedLink, ...]
    """Empty when the site has no `site_url` (feeds need absolute links)."""
    open_data: tuple[DataLink, ...]
    """The data files and, with feeds, the site feed (the home page lists them)."""
    brands_index: str = urls.page_url(urls.BRANDS_INDEX_SRC)
    districts_index: str = urls.page_url(urls.DISTRICTS_INDEX_SRC)


def site_view(site_name: str, *, feeds: bool) -> SiteView:
    open_data = (
        DataLink("全部案例（JSON）", urls.CASES_JSON, "application/json"),
        DataLink("表格（CSV，可用 Excel 打开）", urls.CASES_CSV, "text/csv"),
        DataLink("字段说明（JSON Schema）", urls.CASES_SCHEMA, "application/schema+json"),
        *((DataLink("订阅新案例（Atom）", urls.SITE_FEED, "application/atom+xml"),) if feeds else ()),
    )
    return SiteView(
        feeds=(FeedLink(f"{site_name}：全部新案例", urls.SITE_FEED),) if feeds else (),
        open_data=open_data,
    )
