"""A saved news page (HTML) → the parts of a case: title, dates, source and the body as Markdown.

`read_article(raw, url)` leaves the site's navigation, ads, related links and footer behind
(trafilatura finds the article), and reads:

- `title`: the article's own title (its `og:title` or headline, without the site's name);
- `published`: the page's date from its metadata (or the date printed by the article);
- `source_name`: where the write-up first appeared: `本文转自：…` or `来源：…` printed on the page,
  else the site's name (`og:site_name`), else its host; `source_name_from` says which;
- `url`: the address given, else the page's canonical address;
- `body`: Markdown, the headline removed, `<` written as `&lt;` so that nothing in it is HTML.

`consultation_date(article)` is the case's date: the first date the text names in a paragraph
about the consultation (协商, 商量…), else the first date it names, else the page's date — each
no later than the page's date, as precise as written (`2023年5月` is 2023-05).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

import trafilatura
from trafilatura.utils import load_html

from shangliang.content.limits import BIDI_CONTROLS, CONTROL
from shangliang.dates import PartialDate
from shangliang.importers.chinese_dates import FoundDate, find_dates, normalised

CONSULTATION_WORDS = ("协商", "商量", "商议", "议事", "座谈", "恳谈", "议政")
"""A paragraph naming one of these is about the consultation itself; its date is preferred."""

_SOURCE_PATTERNS = (
    ("本文转自", re.compile(r"(?:本文)?转自\s*[:：]\s*(?P<name>[^\s<>|，,。;；:：()（）]{2,30})")),
    ("来源", re.compile(r"来源\s*[:：]\s*(?P<name>[^\s<>|，,。;；:：()（）]{2,30})")),
)
_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEB_ADDRESS = re.compile(r"^https?://[^\s<>\"']+$")


class ArticleError(ValueError):
    """The file is not a page an article can be read from; the message says why, in Chinese."""


@dataclass(frozen=True)
class Article:
    title: str
    body: str
    """Markdown."""
    published: PartialDate | None
    source_name: str | None
    source_name_from: str
    """Where the source's name was read, e.g. `页面上的“来源：重庆日报”`."""
    url: str | None

    @property
    def text(self) -> str:
        """The title and the body: what the guesses read."""
        return f"{self.title}\n\n{self.body}"


@dataclass(frozen=True)
class DateChoice:
    date: PartialDate
    words: str
    """The words it was read from (`2024年6月3日`), or "" when it is the page's date."""


def read_article(raw: bytes | str, url: str | None = None) -> Article:
    """The article of a news page; `ArticleError` when the page holds none."""
    tree = load_html(raw)
    if tree is None:
        raise ArticleError("不是网页：读不出 HTML")
    page_text = normalised(" ".join(tree.xpath("//body//text()")))
    metadata = trafilatura.extract_metadata(copy.deepcopy(tree), default_url=url)
    body = trafilatura.extract(
        copy.deepcopy(tree), url=url, output_format="markdown", include_comments=False, include_tables=True,
        include_images=False, include_links=False, favor_precision=True,
    )  # fmt: skip
    title = (metadata.title or "").strip() or _headline(tree)
    if not body or not body.strip():
        raise ArticleError("网页里找不到正文（可能是目录页、图片页，或要登录才能看的页面）")
    if not title:
        raise ArticleError("网页里找不到标题")
    source_name, source_from = _source_name(page_text, metadata.sitename, metadata.hostname)
    return Article(
        title=_plain(" ".join(title.split())),
        body=_clean_body(_plain(body), _plain(title)),
        published=_day(metadata.date),
        source_name=_plain(source_name) if source_name else None,
        source_name_from=source_from,
        url=_web_address(url) or _web_address(metadata.url),
    )


def consultation_date(article: Article) -> DateChoice | None:
    """The day (or month, or year) of the consultation, with the words it was read from."""
    published = article.published
    found: list[tuple[FoundDate, bool]] = []
    for paragraph in article.body.split("\n\n"):
        about_it = any(word in paragraph for word in CONSULTATION_WORDS)
        for date in find_dates(paragraph, published):
            if published is None or date.date.first_day <= published.last_day:
                found.append((date, about_it))
    preferred = [date for date, about_it in found if about_it] or [date for date, _ in found]
    if preferred:
        return DateChoice(preferred[0].date, preferred[0].words)
    if published is not None:
        return DateChoice(published, "")
    return None


def _headline(tree: object) -> str:
    for heading in getattr(tree, "xpath", lambda _: [])("//h1"):
        text = " ".join(heading.text_content().split())
        if text:
            return text
    return ""


def _source_name(page_text: str, sitename: str | None, hostname: str | None) -> tuple[str | None, str]:
    for label, pattern in _SOURCE_PATTERNS:
        match = pattern.search(page_text)
        if match:
            name = match.group("name")
            return name, f"页面上的“{label}：{name}”"
    if sitename and sitename.strip():
        return sitename.strip(), "网页标明的网站名称"
    if hostname:
        return hostname, "网址的域名"
    return None, ""


def _clean_body(body: str, title: str) -> str:
    """The body without its headline, every `<` as `&lt;` (so nothing in it is HTML)."""
    plain_title = " ".join(title.split())
    kept = [
        line for line in body.strip().splitlines()
        if " ".join(line.lstrip("#").split()) != plain_title
    ]  # fmt: skip
    text = "\n".join(kept).strip()
    text = re.sub(r"\n{3,}", "\n\n", text)
    # trafilatura writes a `<` of the text as `\<`, which Python-Markdown does not unescape.
    return text.replace("\\<", "<").replace("<", "&lt;")


def _plain(text: str) -> str:
    """Text without control and text-direction characters (a page may hold them; no reader should get them)."""
    return BIDI_CONTROLS.sub("", CONTROL.sub("", text))


def _web_address(text: str | None) -> str | None:
    """An `http(s)://` address without spaces, or None (a source's `url` must be one)."""
    text = (text or "").strip()
    return text if _WEB_ADDRESS.match(text) else None


def _day(text: str | None) -> PartialDate | None:
    match = _ISO_DAY.match(text or "")
    if not match:
        return None
    try:
        return PartialDate.parse(match.group())
    except ValueError:
        return None
