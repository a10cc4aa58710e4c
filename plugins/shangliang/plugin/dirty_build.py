"""Glue for dirty builds (`mkdocs serve --dirty`): MkDocs renders again what an edit changed.

MkDocs renders a page in a dirty build only if `File.is_modified()`: its output file is
missing or older than its source. `rebuild.plan_rebuild` (pure) says which pages show
something that changed since the previous build; here their outputs are removed, so
MkDocs' own rule renders them again. Nothing of MkDocs' own is changed or copied, and a
build that fails halfway leaves the missing outputs to the next one.

Pages MkDocs does not read in a dirty build have no title and no tags; the navigation
and Material's tags plugin are given what the catalogue already knows of them.

The one place the package uses a Material internal: Material's tags plugin has no public
way to learn a page's tags other than reading the page, so `tag_cases_not_read` calls its
`filter(file)` and `mappings.add(page, "")` (Material 9.8, pinned exactly in pyproject.toml).
It runs only in `serve --dirty`; a full build never touches them.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from material.plugins.tags.plugin import TagsPlugin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation

from shangliang.content.catalogue import LoadResult
from shangliang.preview.rebuild import Published, plan_rebuild, settings_fingerprint

log = get_plugin_logger(__name__)

StatedTitle = Callable[[str], "str | None"]
"""The title a page gets when read (before escaping), if known without reading it."""


class GeneratedPage(File):
    """A generated page of a dirty build: rendered when its output is missing.

    MkDocs renders a page held in memory in every dirty build; the plugin removes the
    output of every stale page, generated or not, so this is rendered only when stale.
    """

    def is_modified(self) -> bool:
        return not Path(self.abs_dest_path).is_file()


def no_dirty_build_warning(record: logging.LogRecord) -> bool:
    """Log filter: MkDocs warns that dirty builds leave pages out of date; ours do not."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def remove_stale_outputs(
    previous: Published | None,
    previous_outputs: Mapping[str, str],
    *,
    files: Files,
    config: MkDocsConfig,
    result: LoadResult,
) -> tuple[Published, dict[str, str]]:
    """Remove the output of every stale page, and of pages no longer published (deleted, now drafts).

    Returns what this build publishes and its output files, for the next build.
    """
    pages = files.documentation_pages()
    current = Published.of(
        result,
        pages=[file.src_uri for file in pages],
        nav_pages=[file.src_uri for file in pages if not file.inclusion.is_not_in_nav()],
        settings=settings_fingerprint(config.config_file_path, config.theme.custom_dir),
    )
    plan = plan_rebuild(previous, current)
    outputs = {file.src_uri: file.abs_dest_path for file in pages}
    stale = outputs.keys() if plan.everything else plan.stale
    for src_uri in stale:
        remove_file(outputs[src_uri])
    for src_uri in plan.gone:
        remove_file(previous_outputs[src_uri])
    log.info("dirty build: %s; %d pages rendered again, %d removed", plan.reason, len(stale), len(plan.gone))
    return current, outputs


def title_pages_not_read(nav: Navigation, stated_title: StatedTitle) -> None:
    """Every page's navigation shows the titles of pages MkDocs will not read.

    An unread page has no title (MkDocs takes it from the source); give it the title
    it gets when read, or, when only its Markdown knows it, have it read after all.
    """
    for page in nav.pages:
        if page.file.is_modified():
            continue
        title = stated_title(page.file.src_uri)
        if title is None:
            remove_file(page.file.abs_dest_path)
        else:
            page.title = html.escape(title, quote=False)


def tag_cases_not_read(
    files: Files, config: MkDocsConfig, case_meta: Mapping[str, dict[str, Any]], stated_title: StatedTitle
) -> None:
    """Give Material's tags plugin the tags of the cases MkDocs did not read.

    The tags plugin learns a page's tags when the page is read, and fills a listing
    (the topics page, which every dirty build renders) from what it learned in the
    same build: without this, the topics page would list only the cases just edited.
    """
    tags_plugins = [
        plugin for plugin in config.plugins.values()
        if isinstance(plugin, TagsPlugin) and plugin.config.enabled and plugin.mappings is not None
    ]
    if not tags_plugins:
        return
    for file in files.documentation_pages():
        page, meta = file.page, case_meta.get(file.src_uri)
        if page is None or page.markdown is not None or not (meta and meta.get("tags")):
            continue  # read in this build (the plugin knows it), or no tags
        title = stated_title(file.src_uri)
        if title is None:
            continue
        page.title = html.escape(title, quote=False)
        page.meta = {**meta, "title": page.title}
        for plugin in tags_plugins:
            if plugin.filter(file):
                plugin.mappings.add(page, "")


def remove_file(path: str) -> None:
    Path(path).unlink(missing_ok=True)
