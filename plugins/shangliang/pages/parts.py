"""The small pieces every page view is made of: links, headings, badges, listed cases, figure tiles.

Each text a reader sees in a generated part of a page is written here or in `views`,
once; templates only lay these values out (and escape them).
"""

from __future__ import annotations

from dataclasses import dataclass

from shangliang import urls
from shangliang.dates import PartialDate
from shangliang.model import Case
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


@dataclass(frozen=True)
class CaseItem:
    """A case as every list shows it: title, date, districts, format, badges, summary."""

    case: Case
    districts: tuple[Link, ...]
    joint_badge: Badge | None
    highlight_badge: Badge | None

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
    value: int | None
    """None: no listed case states it (shown as a dash, never as 0)."""


@dataclass(frozen=True)
class FigurePanel:
    tiles: tuple[Tile, ...]
    note: str


SUMS_NOTE = "数据为已发布案例的合计，联合协商案例只计一次。"
DASH_NOTE = "“—”表示所列案例均未填写该项数据。"


def figure_panel(figures: Figures, *, with_districts: bool = True) -> FigurePanel:
    tiles = (
        Tile("案例", figures.cases),
        *((Tile("区县子品牌", figures.districts),) if with_districts else ()),
        Tile("参与委员（人次）", figures.members),
        Tile("参与人数（人次）", figures.participants),
        Tile("解决问题", figures.problems_solved),
        Tile("协商专报（期）", figures.bulletins),
    )
    unstated = any(tile.value is None for tile in tiles)
    return FigurePanel(tiles, (DASH_NOTE if unstated else "") + SUMS_NOTE)


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
