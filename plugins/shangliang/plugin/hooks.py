"""The MkDocs plugin: thin glue between MkDocs and the pure rooms of the package.

Events, in the order MkDocs calls them (every one does nothing when `enabled: false`):

- `on_startup`: in `mkdocs serve`, opens the preview session that lives across rebuilds
  (errors then stay on screen instead of stopping the preview).
- `on_config`: a fresh `Build` for this build or rebuild.
- `on_files`: reads and validates the whole content tree from the files themselves (not
  from page events, so `serve --dirty` rebuilds keep every list complete); reports
  problems; drops drafts; lowercases URLs; applies the page plan (`pages.plan`): keeps
  cases out of the nav and adds the generated listing pages. In a dirty build, removes
  the output of every page that shows something changed since the previous build, so
  that MkDocs renders it again (see `preview.rebuild`).
- `on_nav`: arranges the navigation after the plan (in a dirty build, with the titles of
  the pages not read this time).
- `on_page_read_source`: stands in for a file whose body must not be rendered (unreadable,
  too deep, control characters): the page shows its problems instead (serve only; a
  build stops on them).
- `on_page_markdown`: makes the front matter MkDocs and Material print safe (`security.meta`);
  gives planned pages their template and title.
- `on_page_content`: passes the body through the sanitizer (`security.sanitize`); builds the
  page's view and adds its generated headings to the TOC.
- `on_page_context`: hands the page's view to its template under `shangliang`, and to
  pages outside the navigation the key under which they share its rendering.
- `on_env`: registers the Chinese date and number filters, `shangliang_once` and, in a preview,
  the problems banner's report (in a dirty build, first gives the tags plugin the tags of the
  cases not read this time).
- `on_post_page`, `on_post_template`: put the Content-Security-Policy into each page
  (`security.csp`), collecting the hashes of its inline scripts.
- `on_post_build`: writes the policy for nginx, the open data and the Atom feeds, then builds
  the Pagefind search index (in a preview, in the background: the editor does not wait for it);
  first, with `cms: true` or under `make edit`, the web form at /admin/ (`shangliang.cms`).
- `on_shutdown`: no more background work.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from shangliang.cms.form import content_folder, form_settings, write_form
from shangliang.cms.install import DecapInstall, DecapMissing
from shangliang.content.catalogue import LoadResult, load_catalogue
from shangliang.content.links import links_leaving
from shangliang.content.markup import removed_markup_problem
from shangliang.content.reading import read_document
from shangliang.messages import say, set_language
from shangliang.messages.summaries import content_errors
from shangliang.outputs.feeds import write_feeds
from shangliang.outputs.open_data import write_open_data
from shangliang.pages.grouping import Index
from shangliang.pages.parts import site_view
from shangliang.pages.placeholder import placeholder_source
from shangliang.pages.plan import plan_pages
from shangliang.pages.problems import problem_report
from shangliang.pages.views import Views, generated_headings
from shangliang.plugin.config import ShangliangConfig
from shangliang.plugin.dirty_build import (
    no_dirty_build_warning,
    remove_stale_outputs,
    tag_cases_not_read,
    title_pages_not_read,
)
from shangliang.plugin.files import apply_plan
from shangliang.plugin.navigation import arrange_navigation, shared_nav_key
from shangliang.plugin.state import Build, LoadedContent, PreviewSession
from shangliang.plugin.templates import anchor_link, register_filters
from shangliang.preview.background import BackgroundJob
from shangliang.search.finder_index import FinderIndexError, build_finder_index
from shangliang.search.pagefind import SearchIndexError, build_search_index
from shangliang.security.csp import NGINX_FILE, inline_script_hashes, nginx_include, with_policy_meta
from shangliang.security.meta import safe_meta
from shangliang.security.sanitize import clean, removed_by_clean

log = get_plugin_logger(__name__)


class ShangliangPlugin(BasePlugin[ShangliangConfig]):
    def __init__(self) -> None:
        self.preview: PreviewSession | None = None
        """Set in `mkdocs serve`: what the preview keeps across rebuilds."""
        self.build = Build()
        """This build's state (a new one in every `on_config`)."""

    @property
    def content(self) -> LoadedContent | None:
        """This build's content, once `on_files` has loaded it (None when disabled)."""
        return self.build.content if self.config.enabled else None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """In a preview, open the session that lives across rebuilds."""
        if command != "serve":
            return
        self.preview = PreviewSession(dirty=dirty)
        if dirty:  # MkDocs warns that dirty builds leave pages out of date; this plugin renders them again
            logging.getLogger("mkdocs.commands.build").addFilter(no_dirty_build_warning)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Start every build, and every serve rebuild, from a fresh `Build`."""
        self.build = Build()
        set_language(self.config.language)  # problems are worded in it (`shangliang.messages`)
        if not self.config.enabled:
            return config
        if not config.use_directory_urls:
            raise PluginError("shangliang needs use_directory_urls: true (URLs like /cases/2024/x/)")
        # Material's inline scripts name the site's storage scope from the page's depth unless told:
        # one scope for every page keeps those scripts, and so their hashes in the policy, the same.
        config.extra.setdefault("scope", urlsplit(config.site_url or "").path or "/")
        return config

    @property
    def _dirty(self) -> bool:
        return bool(self.preview and self.preview.dirty)

    # Run before other plugins' on_files (e.g. tags), so they see our generated pages.
    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Load and validate the tree; drop drafts; lowercase URLs; apply the page plan."""
        if not self.config.enabled:
            return files
        leaving = links_leaving(Path(config.docs_dir), [file.src_uri for file in files if file.abs_src_path])
        files = Files([file for file in files if file.src_uri not in leaving.excluded])
        pages = files.documentation_pages()
        result = load_catalogue(
            ((file.src_uri, file.content_bytes) for file in pages),
            other_uris=[file.src_uri for file in files if not file.is_documentation_page()],
            formats=tuple(self.config.formats),
            read=self.preview.documents if self.preview else read_document,
            bounds=self.config.bounds(),
            found_before=leaving.problems,
        )
        if self.preview:
            self.preview.documents.forget_others()
        self._report(result)
        catalogue = result.catalogue
        index = Index(catalogue, latest_count=self.config.latest_cases)
        views = Views(index, district_page_size=self.config.district_page_size, feeds=bool(config.site_url))
        drafts = {case.src_uri for case in catalogue.drafts}
        editor_pages = [file.src_uri for file in pages if file.src_uri not in drafts]
        plan = plan_pages(views, site_name=config.site_name, editor_pages=editor_pages)
        self.build.content = LoadedContent(result, index, views, plan)
        if self.preview:
            self.build.problems = problem_report(result.problems)

        files = apply_plan(files, plan, result, config, dirty=self._dirty)
        if self.preview and self.preview.dirty:
            self.preview.published, self.preview.outputs = remove_stale_outputs(
                self.preview.published, self.preview.outputs, files=files, config=config, result=result
            )
        return files

    def _report(self, result: LoadResult) -> None:
        for problem in result.warnings:
            log.warning("%s", problem)
        for problem in result.errors:
            log.error("%s", problem)
        errors = len(result.errors)
        if errors and not self.preview:
            raise PluginError(content_errors(errors))

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        """Arrange the navigation after the plan; cases are never in it."""
        content = self.content
        if content is None:
            return nav
        if self.config.navigation:
            titles = {uri: page.title for uri, page in content.plan.pages.items() if page.title}
            titles.update(content.load.titles)
            nav = arrange_navigation(nav, content.plan.nav, titles)
        if self._dirty:
            title_pages_not_read(nav, content.stated_title)
        self.build.in_nav = {page.file.src_uri for page in nav.pages}
        self.build.nav_urls = tuple(page.url for page in nav.pages)
        return nav

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str | None:
        """In a preview, show the problems of a file whose body must not be rendered, instead of its body."""
        content, src_uri = self.content, page.file.src_uri
        if not (content and src_uri in content.load.not_rendered):
            return None
        return placeholder_source(src_uri, content.load)

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Give planned pages their template and title; escape every title written in front matter."""
        if self.content is None:
            return markdown
        planned = self.content.plan.get(page.file.src_uri)
        if planned is not None and planned.title:
            page.meta["title"] = planned.title
        page.meta = safe_meta(page.meta)
        if planned is not None:
            page.meta["template"] = planned.template
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
        """Build the page's view; list the headings its template adds in the table of contents."""
        if self.content is None:
            return html
        html = self._sanitized(html, page.file.src_uri)
        planned = self.content.plan.get(page.file.src_uri)
        if planned is None:
            return html
        view = self.build.views_in_progress[page.file.src_uri] = planned.view()
        page.toc.items.extend(anchor_link(heading, level=2) for heading in generated_headings(view))
        return html

    def _sanitized(self, body: str, src_uri: str) -> str:
        """The body through the sanitizer; what it removes unannounced (the source scan missed it) is a warning."""
        removed = removed_by_clean(body)
        if removed and self.content and not self.content.load.warned_unsafe(src_uri):
            log.warning("%s", removed_markup_problem(src_uri, removed))
        return clean(body) if removed or "<" in body else body

    def on_page_context(self, context: Any, *, page: Page, config: MkDocsConfig, nav: Navigation) -> Any:
        """Hand the page's view to the template (the preview's problems are a global: `on_env`)."""
        content = self.content
        if content is None:
            return context
        catalogue = content.load.catalogue
        context["shangliang"] = {
            "view": self.build.views_in_progress.pop(page.file.src_uri, None),
            "brands": catalogue.brands,
            "districts": catalogue.districts,
            # Pages outside the navigation (cases) share its rendering (overrides/partials/nav.html).
            "nav_key": shared_nav_key(page.url, page.file.src_uri in self.build.in_nav, self.build.nav_urls),
        }
        return context

    # Before the tags plugin fills its listings in its own on_env (priority 100).
    @event_priority(101)
    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Filters templates use: `zh_date` (2024年6月18日), `zh_number` (1,967) and `href` (a URL,
        percent-encoded), registered even when the plugin is off so that the theme's templates compile;
        and, when on, the site's view for every page (`shangliang_site`)."""
        register_filters(env)
        if self.content is None:
            return env
        env.globals["shangliang_once"] = self.build.render_once
        env.globals["shangliang_site"] = site_view(config.site_name, feeds=bool(config.site_url))
        # The preview's banner, on every page and on the theme's own (404), which has no page context.
        env.globals["shangliang_problems"] = self.build.problems
        if self._dirty:
            tag_cases_not_read(files, config, self.content.load.case_meta, self.content.stated_title)
        return env

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str | None:
        """The theme's own pages (404), built before any content page: their inline scripts are the ones
        the policy allows; they carry it too."""
        if self.content is None or not template_name.endswith(".html"):
            return output_content
        self.build.script_hashes |= inline_script_hashes(output_content)
        return with_policy_meta(output_content, self.build.script_hashes)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Every page carries the policy that lets only the site's own scripts run."""
        if self.content is None:
            return output
        if not self.build.script_hashes:  # a theme without a 404 page: its scripts, from the first page
            log.warning(say("找不到主题自带的页面来取允许的内联脚本；改用 %s 的",
                            "no theme page to take the allowed inline scripts from; using %s's"), page.file.src_uri)
            self.build.script_hashes |= inline_script_hashes(output)
        return with_policy_meta(output, self.build.script_hashes)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write the open data and feeds, then index the finished site for search.

        A preview does this in the background, so that the browser reloads as soon as the
        pages are written; an edit saved meanwhile gets one more run after the current one.
        """
        content = self.content
        if content is None:
            return
        self._write_form(content, config)
        if self.preview is None:
            self._finish_build(content, config)
            return
        if self.build.problems is not None:
            report = Path(config.site_dir) / self.build.problems.url
            report.parent.mkdir(parents=True, exist_ok=True)
            report.write_text(self.build.problems.to_json(), encoding="utf-8")
        preview = self.preview
        preview.after_build = lambda: self._finish_build(content, config)  # this build's content, not the next's
        if preview.background is None:
            preview.background = BackgroundJob(
                lambda: preview.after_build(), name="shangliang-after-build", on_error=self._report_background_error
            )
        preview.background.request()

    def _write_form(self, content: LoadedContent, config: MkDocsConfig) -> None:
        """The web form at /admin/, when `cms: true` or under `make edit` (`shangliang.cms.form`)."""
        repo_dir = Path(config.config_file_path).parent if config.config_file_path else Path.cwd()
        settings = form_settings(
            enabled=self.config.cms, backend=self.config.cms_backend, environ=os.environ,
            content_folder=content_folder(Path(config.docs_dir), repo_dir), site_url=config.site_url or "",
        )  # fmt: skip
        if settings is None:
            return
        try:
            write_form(Path(config.site_dir), content.load.catalogue, settings=settings, site_name=config.site_name,
                       install=DecapInstall.beside(repo_dir))  # fmt: skip
        except DecapMissing as error:
            raise PluginError(f"cms: {error}") from None

    def _report_background_error(self, error: BaseException) -> None:
        background = self.preview.background if self.preview else None
        if not (background and background.stopped):  # after shutdown, the site is gone
            log.error("%s", error)

    def _finish_build(self, content: LoadedContent, config: MkDocsConfig) -> None:
        site_dir, site_url = Path(config.site_dir), config.site_url or ""
        (site_dir / NGINX_FILE).write_text(nginx_include(self.build.script_hashes), encoding="utf-8")
        data = write_open_data(site_dir, content.load.catalogue, site_name=config.site_name, site_url=site_url)
        if not site_url:
            log.warning(say("没有生成 Atom 订阅：订阅需要完整网址；请在 mkdocs.yml 里写上 site_url（网站地址）",
                            "no Atom feeds written: feeds need absolute links; set site_url in mkdocs.yml"))
        feeds = write_feeds(site_dir, content.index, site_name=config.site_name, site_url=site_url) if site_url else ()
        log.info(say("开放数据：%d 个案例，写入 %s；feeds/ 里 %d 个 Atom 订阅",
                     "open data: %d cases in %s; %d Atom feeds in feeds/"),
                 data.count, ", ".join(data.paths), len(feeds))
        if not self.config.search:
            return
        try:
            stats = build_search_index(site_dir)
        except SearchIndexError as error:
            raise PluginError(f"search index: {error}") from None
        log.info("search index: %s", stats)
        try:  # after the site's index, which replaces the whole pagefind/ folder
            finder = build_finder_index(site_dir, content.load.catalogue)
        except FinderIndexError as error:
            raise PluginError(f"search index: {error}") from None
        log.info("case finder index: %s", finder)

    def on_shutdown(self) -> None:
        """No more background work (a run under way finishes on its own)."""
        if self.preview and self.preview.background is not None:
            self.preview.background.stop()
