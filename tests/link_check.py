"""Every internal reference of a built site, and the ones that lead nowhere.

`broken_links(site_dir)` reads every `.html` file of a built MkDocs site with
`html.parser`, collects the references a reader's browser would follow or fetch
(`a[href]`, `link[href]`, `img[src]`, `img[srcset]`, `script[src]`,
`source[src|srcset]`, …), resolves each against its page's URL (with directory
URLs, `site/x/y/index.html` is `/x/y/`), percent-decodes it and checks that the
file it names exists in the site: a URL ending in `/` (or naming a folder) needs
that folder's `index.html`. A `#fragment` into another built HTML page must name
an `id` (or an `a[name]`) of that page.

Left out: other hosts (`http(s)://…` not under `site_url`), `mailto:`, `tel:`,
`data:`, `blob:` and, unless asked, pure same-page fragments (`#x`). A `javascript:` reference
is reported: no page of ours should need one.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

PLACEHOLDER_ORIGIN = "http://site.invalid"
"""The origin pages are resolved under when the site has no `site_url`."""

URL_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href", "imagesrcset"),
    "img": ("src", "srcset"),
    "script": ("src",),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "input": ("src",),
    "form": ("action",),
    "use": ("href", "xlink:href"),
    "image": ("href", "xlink:href"),
}
"""The attributes, by element, whose value is a URL the browser follows or fetches."""

CONTENT_CLASS = "md-content"
"""The class of the element holding a Material page's own content (no navigation, no footer)."""

SRCSET_ATTRIBUTES = frozenset({"srcset", "imagesrcset"})
SKIPPED_SCHEMES = frozenset({"mailto", "tel", "sms", "data", "blob", "about"})


@dataclass(frozen=True)
class Reference:
    """One URL in one page, as written and as resolved."""

    page: str
    """The URL of the page it is in (`/x/y/`, `/404.html`)."""
    element: str
    attribute: str
    raw: str
    """As written in the attribute (entities decoded, as a browser reads it)."""
    path: str | None
    """The site path it leads to, percent-decoded, without query or fragment (`/x/y/`);
    `None` when it is external or not a URL of the site."""
    fragment: str
    """Its `#fragment`, percent-decoded ('' for none)."""
    scheme: str
    in_content: bool
    """Whether it is in the page's content area (`.md-content`), not in the navigation,
    header or footer every page has."""


@dataclass(frozen=True)
class BrokenLink:
    page: str
    reference: str
    why: str

    def __str__(self) -> str:
        return f"{self.page}: {self.reference!r}: {self.why}"


def report(broken: list[BrokenLink]) -> str:
    """The broken links one line each, for an assertion message."""
    return f"{len(broken)} broken internal link(s):\n" + "\n".join(f"  {link}" for link in broken)


# -- reading pages ---------------------------------------------------------------------------


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str, str, bool]] = []
        self.ids: set[str] = set()
        self.base: str | None = None
        self._content_tag: str | None = None
        self._content_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value for name, value in attrs if value is not None}
        self._enter(tag, values)
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        if tag == "base" and "href" in values and self.base is None:
            self.base = values["href"]
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            match = re.search(r"url\s*=\s*['\"]?([^'\"]+)", values.get("content", ""), re.I)
            if match:
                self.urls.append((tag, "content", match.group(1).strip(), False))
        inside = self._content_tag is not None
        for attribute in URL_ATTRIBUTES.get(tag, ()):
            value = values.get(attribute)
            if value is None:
                continue
            if attribute in SRCSET_ATTRIBUTES:
                self.urls.extend((tag, attribute, url, inside) for url in srcset_urls(value))
            else:
                self.urls.append((tag, attribute, value.strip(), inside))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def _enter(self, tag: str, values: dict[str, str]) -> None:
        """Follow Material's content area (`.md-content`), which has neither navigation nor footer."""
        if self._content_tag is None:
            if CONTENT_CLASS in values.get("class", "").split():
                self._content_tag, self._content_depth = tag, 0
            else:
                return
        if tag == self._content_tag:
            self._content_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == self._content_tag:
            self._content_depth -= 1
            if self._content_depth == 0:
                self._content_tag = None


def srcset_urls(value: str) -> list[str]:
    """The URLs of a `srcset` value (`a.png 1x, b.png 2x` → `a.png`, `b.png`)."""
    if value.strip().lower().startswith("data:"):
        return []
    urls = []
    for candidate in re.split(r",\s+|,$", value.strip()):
        parts = candidate.split()
        if parts:
            urls.append(parts[0])
    return urls


@dataclass(frozen=True)
class _Page:
    urls: tuple[tuple[str, str, str, bool], ...]
    ids: frozenset[str]
    base: str | None


@cache
def _parse(path: Path, mtime_ns: int) -> _Page:
    parser = _PageParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    parser.close()
    return _Page(tuple(parser.urls), frozenset(parser.ids), parser.base)


def _page(path: Path) -> _Page:
    return _parse(path, path.stat().st_mtime_ns)


def page_url(site_dir: Path, html_file: Path, root: str = "/") -> str:
    """The URL a built HTML file is served at: `x/y/index.html` → `/x/y/`, `404.html` → `/404.html`."""
    relative = html_file.relative_to(site_dir).as_posix()
    if relative == "index.html":
        return root
    if relative.endswith("/index.html"):
        return root + relative.removesuffix("index.html")
    return root + relative


def html_files(site_dir: Path) -> list[Path]:
    return sorted(path for path in site_dir.rglob("*.html") if path.is_file())


# -- resolving ---------------------------------------------------------------------------------


def _origin_and_root(site_url: str | None) -> tuple[str, str]:
    if not site_url:
        return PLACEHOLDER_ORIGIN, "/"
    parts = urlsplit(site_url)
    root = parts.path or "/"
    return f"{parts.scheme}://{parts.netloc}".lower(), root if root.endswith("/") else root + "/"


def references(site_dir: Path, site_url: str | None = None) -> Iterator[Reference]:
    """Every URL of every HTML page of the site, resolved against its page."""
    for html_file in html_files(site_dir):
        yield from file_references(site_dir, html_file, site_url)


def file_references(site_dir: Path, html_file: Path, site_url: str | None = None) -> list[Reference]:
    """The URLs of one built HTML file, resolved against the URL it is served at."""
    origin, root = _origin_and_root(site_url)
    url = page_url(site_dir, html_file, root)
    parsed = _page(html_file)
    base = urljoin(origin + url, parsed.base) if parsed.base else origin + url
    return [_resolve(url, base, origin, root, *found) for found in parsed.urls]


def _resolve(
    page: str, base: str, origin: str, root: str, element: str, attribute: str, raw: str, in_content: bool
) -> Reference:
    written = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", raw)
    scheme = written.group(1).lower() if written else ""
    parts = urlsplit(urljoin(base, raw))
    fragment = unquote(parts.fragment, errors="replace")
    path: str | None = None
    if not scheme_skipped(scheme) and f"{parts.scheme}://{parts.netloc}".lower() == origin:
        path = unquote(parts.path or "/", errors="replace")
        if scheme and not (path + "/").startswith(root):
            path = None  # an absolute URL to another site on the same host
    return Reference(page, element, attribute, raw, path, fragment, scheme, in_content)


def scheme_skipped(scheme: str) -> bool:
    return scheme in SKIPPED_SCHEMES or scheme == "javascript"


def target_file(site_dir: Path, path: str, root: str = "/") -> Path | None:
    """The file of the site a decoded site path names, or None when there is none.

    `/x/y/` and `/x/y` name `x/y/index.html`; `/x/a.png` names `x/a.png`.
    """
    if not (path + "/").startswith(root):
        return None
    relative = posixpath.normpath("/" + path[len(root):]).lstrip("/")
    if "\x00" in relative:
        return None
    candidate = site_dir / relative if relative else site_dir
    if path.endswith("/") or candidate.is_dir():
        index = candidate / "index.html"
        return index if index.is_file() else None
    return candidate if candidate.is_file() else None


# -- checking ----------------------------------------------------------------------------------


def broken_links(
    site_dir: Path, site_url: str | None = None, *, fragments: bool = True, same_page_fragments: bool = False
) -> list[BrokenLink]:
    """Every internal reference of the built site at `site_dir` that leads nowhere.

    `site_url` (the site's `site_url`) makes absolute links to it internal too
    (canonical links, for instance); without it every `http(s)://` link is external.
    With `fragments`, a `#fragment` into another HTML page of the site must name an id of it;
    with `same_page_fragments` too, a pure `#fragment` must name an id of its own page.
    """
    site_dir = Path(site_dir)
    _, root = _origin_and_root(site_url)
    broken: list[BrokenLink] = []
    for ref in references(site_dir, site_url):
        why = _problem(site_dir, root, ref, fragments, same_page_fragments)
        if why:
            broken.append(BrokenLink(ref.page, ref.raw, why))
    return broken


def _problem(site_dir: Path, root: str, ref: Reference, fragments: bool, same_page: bool) -> str | None:
    if ref.scheme == "javascript":
        return "a javascript: URL"
    if ref.path is None:
        return None
    if not ref.raw or (ref.raw.startswith("#") and not same_page):
        return None  # the page itself
    if "\\" in ref.raw:
        return "a backslash in a URL"
    target = target_file(site_dir, ref.path, root)
    if target is None:
        return _missing(site_dir, root, ref.path)
    checked = fragments and ref.fragment and target.suffix == ".html" and not _fragment_ok(ref.fragment)
    if checked and ref.fragment not in _page(target).ids:
        return f"no id {ref.fragment!r} in {target.relative_to(site_dir).as_posix()}"
    return None


def _fragment_ok(fragment: str) -> bool:
    """Fragments every browser honours without an id: `#top` and text fragments."""
    return fragment.lower() == "top" or fragment.startswith(":~:")


def _missing(site_dir: Path, root: str, path: str) -> str:
    if not (path + "/").startswith(root):
        return f"{path} is outside the site ({root})"
    relative = path[len(root):]
    if path.endswith("/") or (site_dir / relative).is_dir():
        return f"no page at {path} (no {relative.rstrip('/') + '/' if relative else ''}index.html)"
    return f"no file at {path}"


# -- for tests about specific pages ------------------------------------------------------------


def page_references(site_dir: Path, url: str, site_url: str | None = None) -> list[Reference]:
    """The resolved references of the built page at site URL `url` (`/about/rong/`)."""
    _, root = _origin_and_root(site_url)
    html_file = target_file(site_dir, url, root)
    assert html_file is not None and html_file.suffix == ".html", f"no built page at {url}"
    return file_references(site_dir, html_file, site_url)


def linked_paths(site_dir: Path, url: str, site_url: str | None = None, *, content_only: bool = True) -> set[str]:
    """The site paths the `a[href]` links of the page at `url` lead to (decoded, no fragment).

    Only the links of the page's content area unless `content_only` is false: the
    navigation links every page to the brands and districts whatever the page shows.
    """
    return {
        ref.path for ref in page_references(site_dir, url, site_url)
        if ref.element == "a" and ref.attribute == "href" and ref.path is not None
        and (ref.in_content or not content_only)
    }
