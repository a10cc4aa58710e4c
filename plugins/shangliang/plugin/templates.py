"""What the plugin gives the theme's templates: filters, and the table of contents' generated headings."""

from __future__ import annotations

import html
from typing import Any

from jinja2 import pass_context
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils.templates import url_filter

from shangliang import urls
from shangliang.pages import chinese
from shangliang.pages.parts import Heading


def register_filters(env: Any) -> None:
    """`zh_date` (2024年6月18日, 2024年6月), `zh_number` (1,967) and `href` (a URL, percent-encoded)."""
    env.filters["zh_date"] = chinese.date_zh
    env.filters["zh_number"] = chinese.number_zh
    env.filters["href"] = href_filter


@pass_context
def href_filter(context: Any, value: str) -> str:
    """MkDocs' `url` filter over a URL percent-encoded first: a file name holding `"` or `<` cannot
    break out of the attribute it is written into (`urls.href`)."""
    return str(url_filter(context, urls.href(str(value))))


def anchor_link(heading: Heading, level: int) -> AnchorLink:
    """A generated heading (and its children) as an entry of the page's table of contents."""
    link = AnchorLink(html.escape(heading.title, quote=False), heading.anchor, level)
    link.children = [anchor_link(child, level + 1) for child in heading.children]
    return link
