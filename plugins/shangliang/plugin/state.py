"""The plugin's state, in two named objects instead of loose attributes.

- `Build`: one build (or one preview rebuild), made in `on_config` and filled in
  `on_files`; never reused by the next build.
- `PreviewSession`: what a `mkdocs serve` keeps from one rebuild to the next (files
  already read, what the previous build published, the background job).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from shangliang.content.catalogue import LoadResult
from shangliang.pages.grouping import Index
from shangliang.pages.plan import PagePlan
from shangliang.pages.problems import ProblemReport
from shangliang.pages.views import Views
from shangliang.preview.background import BackgroundJob
from shangliang.preview.rebuild import DocumentCache, Published


@dataclass
class LoadedContent:
    """The content tree of one build, and what the build makes of it."""

    load: LoadResult
    index: Index
    views: Views
    plan: PagePlan

    def stated_title(self, src_uri: str) -> str | None:
        """The title a page gets in `on_page_markdown`, before escaping, if known without reading it."""
        planned = self.plan.get(src_uri)
        if planned is not None and planned.title:
            return planned.title
        return self.load.titles.get(src_uri)


@dataclass
class Build:
    """One build: its content, once loaded, and what its pages have shared so far."""

    content: LoadedContent | None = None
    views_in_progress: dict[str, Any] = field(default_factory=dict)
    """The view of each page between `on_page_content` (made) and `on_page_context` (handed over)."""
    in_nav: set[str] = field(default_factory=set)
    """`src_uri` of the pages in the navigation."""
    nav_urls: tuple[str, ...] = ()
    """The URLs of the navigation's pages (`shared_nav_key`)."""
    rendered_once: dict[str, str] = field(default_factory=dict)
    """Template output shared by pages (`shangliang_once`), by key."""
    problems: ProblemReport | None = None
    """In a preview: the banner every page shows."""
    script_hashes: set[str] = field(default_factory=set)
    """Hashes of the theme's inline scripts, from its 404 page: all the Content-Security-Policy allows."""

    def render_once(self, key: str, render: Callable[[], str]) -> str:
        """What `render` gives, rendered once per build for each `key`."""
        if key not in self.rendered_once:
            self.rendered_once[key] = render()
        return self.rendered_once[key]


@dataclass
class PreviewSession:
    """What `mkdocs serve` keeps across its rebuilds."""

    dirty: bool
    """Rebuilds render only what an edit made stale (`serve --dirty`)."""
    documents: DocumentCache = field(default_factory=DocumentCache)
    """Files read by earlier rebuilds, so that only changed files are read again."""
    published: Published | None = None
    """What the previous build published (for dirty builds)."""
    outputs: dict[str, str] = field(default_factory=dict)
    """The output file of every page of the previous build, by `src_uri`."""
    background: BackgroundJob | None = None
    """Open data, feeds and the search index, written after each build."""
    after_build: Callable[[], None] = lambda: None
    """The latest build's background work (a newer build replaces it)."""
