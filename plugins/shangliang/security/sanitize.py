"""Rendered Markdown made safe to publish: an allow-list of what editors legitimately write.

`clean(html)` runs nh3 (the Ammonia sanitizer) over a page's rendered body. It keeps
text formatting, headings, lists, tables, code, block quotes, `<details>`, admonitions,
images inside the site (a relative `src`) and links to http, https, mailto and
relative targets; everything else goes: scripts and styles with their content, frames,
objects, forms, event-handler attributes, `javascript:`/`data:` URLs, images from other
hosts (readers' pages contact no third-party host).

`removed_by_clean(html)` says what `clean` would take out, in words, so that the build
can warn the editor; `clean` itself never reports.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3

TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
    "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span",
    "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u",
    "ul", "var", "wbr",
})  # fmt: skip

REMOVED_WITH_CONTENT = frozenset({"script", "style", "template", "noscript", "textarea", "title"})
"""Tags whose content is not text either: removed whole."""

ATTRIBUTES: dict[str, set[str]] = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "name", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "ol": {"start", "reversed", "type"},
    "td": {"colspan", "rowspan", "align", "style"},
    "th": {"colspan", "rowspan", "align", "style", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
    "time": {"datetime"},
    "details": {"open"},
    "abbr": {"title"},
}

STYLE_PROPERTIES = frozenset({"text-align"})
"""The only CSS a table cell may carry (Markdown tables align columns with it)."""

LINK_SCHEMES = frozenset({"http", "https", "mailto"})


def _keeps(tag: str, attribute: str, value: str) -> bool:
    """URL rules: links to http(s), mailto or within the site; images only from within the site."""
    if attribute not in ("href", "src"):
        return True
    scheme = urlsplit(value.strip()).scheme.lower()
    if tag == "img" and attribute == "src":
        return scheme == "" and not value.strip().startswith("//")
    return scheme == "" or scheme in LINK_SCHEMES


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    return value if _keeps(tag, attribute, value) else None


def clean(html: str) -> str:
    """`html` with everything outside the allow-list removed."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags=set(REMOVED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        attribute_filter=_attribute_filter,
        url_schemes=set(LINK_SCHEMES),
        filter_style_properties=set(STYLE_PROPERTIES),
        strip_comments=True,
        link_rel=None,
    )


def removed_by_clean(html: str) -> list[str]:
    """What `clean` takes out of `html`, each thing once, in order: `<script>`, `onclick=`, `javascript: link`."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.found


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def _add(self, what: str) -> None:
        if what not in self.found:
            self.found.append(what)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TAGS:
            self._add(f"<{tag}>")
            return
        allowed = ATTRIBUTES["*"] | ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            if name not in allowed:
                self._add(f"{name}=" if name.startswith("on") else f"<{tag} {name}>")
            elif value is not None and not _keeps(tag, name, value):
                scheme = urlsplit(value.strip()).scheme.lower()
                self._add(f"{scheme}: link" if scheme and tag != "img" else f"<img src> from {value.strip()[:60]}")

    handle_startendtag = handle_starttag
