"""The MkDocs plugin: thin glue between MkDocs and the pure modules.

Events, in the order MkDocs calls them:

- `on_startup`: remembers whether this is `mkdocs serve` (errors then stay on screen
  instead of stopping the preview) and whether builds are dirty (`serve --dirty`).
- `on_config`: fresh per-build state (the plugin object lives across serve rebuilds).
- `on_files`: reads and validates the whole content tree from the files themselves
  (not from page events, so `serve --dirty` rebuilds keep every list complete);
  reports problems; drops drafts; lowercases URLs; keeps cases out of the nav;
  adds the generated listing pages. In a dirty build, removes the output of every page
  that shows something changed since the previous build, so that MkDocs renders it
  again (see `rebuild`).
- `on_nav`: arranges the navigation: home, brands, districts, highlights, roundups, the rest
  (in a dirty build, with the titles of the pages not read this time).
- `on_page_read_source`: stands in for a file that cannot be read (serve only).
- `on_page_markdown`: gives our pages their template and an escaped title.
- `on_page_content`: builds the page's view and adds its generated headings to the TOC.
- `on_page_context`: hands the page's view to its template under `shangliang`, and to
  pages outside the navigation the key under which they share its rendering.
- `on_env`: registers the Chinese date and number filters and `shangliang_once` (in a dirty
  build, first gives the tags plugin the tags of the cases not read this time, so that
  the topics page stays complete).
- `on_post_build`: writes the open data (`data/cases.json`, `.csv`, schema) and the Atom
  feeds, then builds the Pagefind search index over the finished site (in a preview, in the
  background: the editor does not wait for it).
- `on_shutdown`: no more background work.
"""

from __future__ import annotations

import copy
import html
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote as urlquote

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from . import chinese
from .background import BackgroundJob
from .catalogue import LoadResult, load_catalogue
from .dirty_build import (
    GeneratedPage,
    no_dirty_build_warning,
    remove_stale_outputs,
    tag_cases_not_read,
    title_pages_not_read,
)
from .district_index import DISTRICT_PAGE_SIZE
from .feeds import write_feeds
from .grouping import Index
from .model import DEFAULT_FORMATS, Kind
from .navigation import arrange_navigation
from .open_data import write_open_data
from .reading import read_document
from .rebuild import DocumentCache, Published
from .search import SearchIndexError, build_search_index
from .views import Heading, Views, generated_headings

log = get_plugin_logger(__name__)


class ShangliangConfig(Config):
    enabled = c.Type(bool, default=True)
    """Switch the plugin off (the site then builds as plain MkDocs pages)."""
    formats = c.ListOfItems(c.Type(str), default=list(DEFAULT_FORMATS))
    """The consultation formats a case's `format` may take."""
    latest_cases = c.Type(int, default=10)
    """How many cases the 'latest cases' lists on home and brand pages show."""
    search = c.Type(bool, default=True)
    """Build the Pagefind search index after the site is built."""
    navigation = c.Type(bool, default=True)
    """Arrange the navigation (home, brands, districts, highlights, roundups, the rest)."""
    district_page_size = c.Type(int, default=DISTRICT_PAGE_SIZE)
    """A district with more cases lists them on year pages of at most this many cases each."""


@dataclass(frozen=True)
class _Role:
    """What one page is to the plugin: the template it uses and how to build its view."""

    template: str
    view: Callable[[], Any]
    title: str | None = None


class ShangliangPlugin(BasePlugin[ShangliangConfig]):
    def __init__(self) -> None:
        self.is_serve = False
        self.dirty = False
        self._published: Published | None = None
        """What the previous build published (kept across serve rebuilds, for dirty builds)."""
        self._outputs: dict[str, str] = {}
        """The output file of every page of the previous build, by `src_uri`."""
        self._background: BackgroundJob | None = None
        """A preview's open data, feeds and search index, written after each build (see on_post_build)."""
        self._after_build: Callable[[], None] = lambda: None
        self._documents = DocumentCache()
        """Files read by earlier serve rebuilds, so that only changed files are read again."""
        self._reset()

    def _reset(self) -> None:
        self.load: LoadResult | None = None
        self.index: Index | None = None
        self.views: Views | None = None
        self.roles: dict[str, _Role] = {}
        self._views_in_progress: dict[str, Any] = {}
        self._in_nav: set[str] = set()
        self._rendered: dict[str, str] = {}

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether we are serving a preview, and whether builds are dirty."""
        self.is_serve = command == "serve"
        self.dirty = dirty
        if dirty:  # MkDocs warns that dirty builds leave pages out of date; this plugin renders them again
            logging.getLogger("mkdocs.commands.build").addFilter(no_dirty_build_warning)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Start every build, and every serve rebuild, from a clean state."""
        self._reset()
        if not config.use_directory_urls:
            raise PluginError("shangliang needs use_directory_urls: true (URLs like /cases/2024/x/)")
        if self.config.district_page_size < 1:
            raise PluginError(f"district_page_size: must be at least 1 (got {self.config.district_page_size})")
        return config

    # Run before other plugins' on_files (e.g. tags), so they see our generated pages.
    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Load and validate the tree; drop drafts; lowercase URLs; add generated pages."""
        if not self.config.enabled:
            return files
        pages = files.documentation_pages()
        result = load_catalogue(
            ((file.src_uri, file.content_bytes) for file in pages),
            other_uris=[file.src_uri for file in files if not file.is_documentation_page()],
            formats=tuple(self.config.formats),
            read=self._documents if self.is_serve else read_document,
        )
        self._documents.forget_others()
        self.load = result
        self._report(result)
        catalogue = result.catalogue
        self.index = index = Index(catalogue, latest_count=self.config.latest_cases)
        self.views = views = Views(index, district_page_size=self.config.district_page_size)

        drafts = {case.src_uri for case in catalogue.drafts}
        for file in list(pages):
            if file.src_uri in drafts:
                files.remove(file)
                continue
            _lowercase_url(file)
            if result.kinds.get(file.src_uri) is Kind.CASE:
                file.inclusion = InclusionLevel.NOT_IN_NAV

        self._assign_roles(result, views)
        self._add_generated_pages(files, config, index)
        if self.dirty:
            self._published, self._outputs = remove_stale_outputs(
                self._published, self._outputs, files=files, config=config, result=result
            )
        return files

    def _report(self, result: LoadResult) -> None:
        for problem in result.warnings:
            log.warning("%s", problem)
        for problem in result.errors:
            log.error("%s", problem)
        errors = len(result.errors)
        if errors and not self.is_serve:
            raise PluginError(
                f"{errors} {'error' if errors == 1 else 'errors'} in the content (listed above, "
                "one per line: file: field: problem). Fix them and build again."
            )

    def _assign_roles(self, result: LoadResult, views: Views) -> None:
        catalogue = result.catalogue
        roles = self.roles
        for brand in catalogue.brands.values():
            roles[brand.src_uri] = _Role("shangliang/brand.html", _bind(views.brand, brand.key), brand.name)
        for district in catalogue.districts.values():
            if district.brand_key in catalogue.brands:
                roles[district.src_uri] = _Role(
                    "shangliang/district.html", _bind(views.district, district.key), district.name
                )
        for case in catalogue.cases:
            roles[case.src_uri] = _Role("shangliang/case.html", _bind(views.case, case), case.title)
        for page in catalogue.pages:
            if page.kind is Kind.HOME:
                roles[page.src_uri] = _Role("shangliang/home.html", views.home)
            elif page.kind is Kind.HIGHLIGHTS and page.year:
                roles[page.src_uri] = _Role("shangliang/highlights.html", _bind(views.highlights, page.year))

    def _add_generated_pages(self, files: Files, config: MkDocsConfig, index: Index) -> None:
        views = self.views
        assert views is not None
        # Each listing page is generated unless an editor wrote one (whose prose then comes first).
        wanted: list[tuple[str, str, _Role]] = [
            ("index.md", config.site_name, _Role("shangliang/home.html", views.home)),
            ("brands/index.md", "协商品牌", _Role("shangliang/brands.html", views.brands_index)),
            ("districts/index.md", "区县子品牌", _Role("shangliang/brands.html", views.brands_index)),
            ("highlights/index.md", "优秀案例", _Role("shangliang/highlights-index.html", views.highlights_index)),
        ]
        for year in index.highlight_years:
            wanted.append(
                (f"highlights/{year}.md", f"{year}年度优秀案例",
                 _Role("shangliang/highlights.html", _bind(views.highlights, year)))
            )
        # A district with many cases: its older years on pages of their own, kept out of the nav.
        year_pages = views.district_year_pages()
        wanted += [
            (page.src_uri, page.title, _Role("shangliang/district-year.html", _bind(views.district_year, page)))
            for page in year_pages
        ]
        not_in_nav = {page.src_uri for page in year_pages}
        for src_uri, title, role in wanted:
            existing = files.get_file_from_path(src_uri)
            if existing is None:
                # Year pages repeat what their district page says: kept out of search results.
                hidden = "search:\n  exclude: true\n" if src_uri in not_in_nav else ""
                content = f"---\ntitle: {_yaml_string(title)}\n{hidden}---\n"
                existing = self._generated_file(config, src_uri, content)
                files.append(existing)
                self.roles[src_uri] = _Role(role.template, role.view, title)
            else:
                self.roles.setdefault(src_uri, role)
            if src_uri in not_in_nav:
                existing.inclusion = InclusionLevel.NOT_IN_NAV

    def _generated_file(self, config: MkDocsConfig, src_uri: str, content: str) -> File:
        """A generated page; in a dirty build, one rendered again only when stale (see `dirty_build.GeneratedPage`)."""
        return (GeneratedPage if self.dirty else File).generated(config, src_uri, content=content)

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """Arrange the navigation; cases are never in it."""
        if not (self.config.enabled and self.load and self.index):
            return nav
        if self.config.navigation:
            titles = {uri: role.title for uri, role in self.roles.items() if role.title}
            titles.update(self.load.titles)
            nav = arrange_navigation(nav, self.load.catalogue, self.index, titles)
        if self.dirty:
            title_pages_not_read(nav, self._stated_title)
        self._in_nav = {page.file.src_uri for page in nav.pages}
        return nav

    def _stated_title(self, src_uri: str) -> str | None:
        """The title a page gets in `on_page_markdown`, before escaping, if known without reading it."""
        role = self.roles.get(src_uri)
        if role is not None and role.title:
            return role.title
        return self.load.titles.get(src_uri) if self.load else None

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """In a preview, show a file that is not UTF-8 instead of crashing the rebuild."""
        src_uri = page.file.src_uri
        if not (self.load and src_uri in self.load.not_text):
            return None
        problems = "\n".join(f"- {html.escape(str(p))}" for p in self.load.problems if p.src_uri == src_uri)
        return f"# {html.escape(src_uri)}\n\n无法读取此文件：\n\n{problems}\n"

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Give our pages their template and title; escape every title written in front matter."""
        role = self.roles.get(page.file.src_uri)
        if role is not None:
            page.meta["template"] = role.template
            if role.title:
                page.meta["title"] = role.title
        title = page.meta.get("title")
        if isinstance(title, str):
            page.meta["title"] = html.escape(title, quote=False)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Build the page's view; list the headings its template adds in the table of contents."""
        role = self.roles.get(page.file.src_uri)
        if role is None:
            return html
        view = self._views_in_progress[page.file.src_uri] = role.view()
        page.toc.items.extend(_anchor_link(heading, level=2) for heading in generated_headings(view))
        return html

    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        """Hand the page's view, and in a preview the content's problems, to the template."""
        context["shangliang"] = {
            "view": self._views_in_progress.pop(page.file.src_uri, None),
            "brands": self.load.catalogue.brands if self.load else {},
            "districts": self.load.catalogue.districts if self.load else {},
            "problems": [str(problem) for problem in self.load.problems] if (self.load and self.is_serve) else [],
            # Pages outside the navigation (cases) share its rendering (overrides/partials/nav.html).
            "nav_key": None if page.file.src_uri in self._in_nav else f"outside the nav at {context['base_url']}",
        }
        return context

    # Before the tags plugin fills its listings in its own on_env (priority 100).
    @event_priority(101)
    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Filters templates use: `zh_date` (2024年6月18日) and `zh_number` (1,967)."""
        env.filters["zh_date"] = chinese.date_zh
        env.filters["zh_number"] = chinese.number_zh
        env.globals["shangliang_once"] = self._render_once
        if self.dirty and self.load:
            tag_cases_not_read(files, config, self.load.case_meta, self._stated_title)
        return env

    def _render_once(self, key: str, render: Callable[[], str]) -> str:
        """What `render` gives, rendered once per build for each `key`."""
        if key not in self._rendered:
            self._rendered[key] = render()
        return self._rendered[key]

    def _write_open_data(self, config: MkDocsConfig) -> None:
        """Write data/cases.{json,csv} with their schema, and the Atom feeds (published cases only)."""
        if not (self.config.enabled and self.load and self.index):
            return
        site_dir, site_url = Path(config.site_dir), config.site_url or ""
        data = write_open_data(site_dir, self.load.catalogue, site_name=config.site_name, site_url=site_url)
        if not site_url:
            log.warning("no Atom feeds written: feeds need absolute links; set site_url in mkdocs.yml")
        feeds = write_feeds(site_dir, self.index, site_name=config.site_name, site_url=site_url) if site_url else ()
        log.info("open data: %d cases in %s; %d Atom feeds in feeds/", data.count, ", ".join(data.paths), len(feeds))

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the open data and feeds, then index the finished site for search.

        A preview does this in the background, so that the browser reloads as soon as the
        pages are written; an edit saved meanwhile gets one more run after the current one.
        """
        if self.is_serve:
            finished = copy.copy(self)  # this build's state: the next rebuild replaces it, never mutates it
            self._after_build = lambda: finished._finish_build(config)
            if self._background is None:
                self._background = BackgroundJob(
                    lambda: self._after_build(), name="shangliang-after-build",
                    on_error=self._report_background_error,
                )
            self._background.request()
            return
        self._finish_build(config)

    def _report_background_error(self, error: BaseException) -> None:
        if not (self._background and self._background.stopped):  # after shutdown, the site is gone
            log.error("%s", error)

    def _finish_build(self, config: MkDocsConfig) -> None:
        self._write_open_data(config)
        if not (self.config.enabled and self.config.search):
            return
        try:
            stats = build_search_index(Path(config.site_dir))
        except SearchIndexError as error:
            raise PluginError(f"search index: {error}") from None
        log.info("search index: %s", stats)

    def on_shutdown(self) -> None:
        """No more background work (a run under way finishes on its own)."""
        if self._background is not None:
            self._background.stop()


def _anchor_link(heading: Heading, level: int) -> AnchorLink:
    link = AnchorLink(html.escape(heading.title, quote=False), heading.anchor, level)
    link.children = [_anchor_link(child, level + 1) for child in heading.children]
    return link


def _bind(function: Callable[..., Any], *args: Any) -> Callable[[], Any]:
    return lambda: function(*args)


def _lowercase_url(file: File) -> None:
    """URLs come from file paths, lowercased (`cases/2024/X.md` → `/cases/2024/x/`)."""
    lowered = file.dest_uri.lower()
    if lowered != file.dest_uri:
        file.dest_uri = lowered
        file.url = urlquote(lowered.removesuffix("index.html") or "./")
        file.__dict__.pop("abs_dest_path", None)  # cached from the old dest_uri


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
