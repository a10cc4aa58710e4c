"""Atom feeds of new cases: one for the whole site, one for each district.

- `feeds/cases.xml`: the newest `FEED_LENGTH` published cases of the site.
- `feeds/districts/<key>.xml`: the newest `FEED_LENGTH` cases of one district,
  joint cases included in each of their districts. Every district has one,
  even before its first case, so that links to it always work.

Feeds need absolute links, so they are made only for a site with a `site_url`.
An entry's id and link are the case page's URL; its `published` and `updated`
are the case's date at 00:00 China time (+08:00), and a feed's `updated` is
its newest entry's. Atom needs a full timestamp: a case dated only by its month
(`2024-06`) or its year (`2024`) stands at that period's first day, and its
summary begins by saying so (`（协商日期为2024年6月，来源未写明具体日期；本条时间按该月
第一天记。）`), so no reader takes the day for the day of the consultation. Nothing
depends on the time of the build: building twice gives the same bytes. The XML is
written by feedgen, which escapes all text.

Each feed folder also gets an empty `sitemap.xml`: Material's JavaScript
fetches `sitemap.xml` next to every `<link rel="alternate">` of a page (it
expects language versions there), and would otherwise get a 404 on every page.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from feedgen.feed import FeedGenerator

from shangliang.dates import PartialDate
from shangliang.model import Case, District
from shangliang.pages.chinese import date_zh
from shangliang.pages.grouping import Index
from shangliang.urls import SITE_FEED, absolute, district_feed

FEED_LENGTH = 50
"""How many of the newest cases each feed carries."""

CHINA_TIME = dt.timezone(dt.timedelta(hours=8))
EMPTY_FEED_DATE = dt.date(1970, 1, 1)
"""`updated` of the feeds of a site that has no published case at all."""

# Characters XML 1.0 cannot carry at all (not even escaped); lxml refuses them.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


EMPTY_SITEMAP = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'
)
"""Written next to the feeds, where Material looks for the sitemap of an alternate (see above)."""


@dataclass(frozen=True)
class Feed:
    """One feed: where it goes, what it is called, the page it stands for and its cases."""

    path: str
    title: str
    author: str
    page: str
    """The site-relative page the feed is the news of (`""` for home, `districts/x/`)."""
    cases: tuple[Case, ...]


def site_feed(index: Index, site_name: str, length: int = FEED_LENGTH) -> Feed:
    return Feed(SITE_FEED, f"{site_name}：全部新案例", site_name, "", tuple(index.catalogue.cases[:length]))


def district_feeds(index: Index, length: int = FEED_LENGTH) -> list[Feed]:
    return [
        Feed(
            district_feed(district.key),
            f"{district.label}：新案例",
            _author(district),
            district.url,
            tuple(index.cases_in_district(district.key)[:length]),
        )
        for district in index.districts
    ]


def _author(district: District) -> str:
    return district.organisation or district.name


def _date_note(date: PartialDate) -> str:
    """What an entry says when its date has no day: the feed's timestamp is then the period's first day."""
    if date.precision == "day":
        return ""
    period = "该月" if date.precision == "month" else "该年"
    return f"（协商日期为{date_zh(date)}，来源未写明具体日期；本条时间按{period}第一天记。）"


def _moment(date: PartialDate | dt.date) -> dt.datetime:
    """Atom needs a full timestamp: a date without a day stands at its period's first day (each entry says so)."""
    day = date.first_day if isinstance(date, PartialDate) else date
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=CHINA_TIME)


def _text(text: str) -> str:
    return _NOT_XML.sub("", text)


def atom_xml(feed: Feed, index: Index, site_url: str) -> bytes:
    """The feed as Atom XML. A feed without entries is as new as the site's newest case."""
    districts, cases = index.catalogue.districts, index.catalogue.cases
    generator = FeedGenerator()
    generator.id(absolute(site_url, feed.path))
    generator.title(_text(feed.title))
    generator.author({"name": _text(feed.author)})
    generator.link(href=absolute(site_url, feed.path), rel="self", type="application/atom+xml")
    generator.link(href=absolute(site_url, feed.page), rel="alternate", type="text/html")
    generator.language("zh")
    newest = feed.cases[0] if feed.cases else (cases[0] if cases else None)
    generator.updated(_moment(newest.date if newest else EMPTY_FEED_DATE))
    for case in feed.cases:
        entry = generator.add_entry(order="append")
        url = absolute(site_url, case.url)
        entry.id(url)
        entry.title(_text(case.title))
        entry.link(href=url, rel="alternate", type="text/html")
        entry.published(_moment(case.date))
        entry.updated(_moment(case.date))
        summary = _date_note(case.date) + case.summary
        if summary:
            entry.summary(_text(summary))
        for key in case.district_keys:
            entry.author({"name": _text(_author(districts[key]))})
        for tag in case.tags:
            entry.category(term=_text(tag))
    xml: bytes = generator.atom_str(pretty=True, encoding="UTF-8", xml_declaration=True)
    return xml


def all_feeds(index: Index, site_name: str, length: int = FEED_LENGTH) -> list[Feed]:
    return [site_feed(index, site_name, length), *district_feeds(index, length)]


def write_feeds(
    site_dir: Path, index: Index, *, site_name: str, site_url: str, length: int = FEED_LENGTH
) -> Sequence[Feed]:
    """Write every feed under `site_dir`; `site_url` must be set (feeds need absolute URLs)."""
    if not site_url:
        raise ValueError("feeds need the site's absolute address (site_url)")
    feeds = all_feeds(index, site_name, length)
    for feed in feeds:
        path = site_dir / feed.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(atom_xml(feed, index, site_url))
        (path.parent / "sitemap.xml").write_bytes(EMPTY_SITEMAP)
    return feeds
