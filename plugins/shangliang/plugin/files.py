"""The site's files as MkDocs gets them back from the plugin: the page plan applied to `Files`.

Drafts are left out, URLs are lowercased, cases (and the plan's other pages outside the
navigation) are marked so, and every listing the plan generates is added as a file held
in memory. Only MkDocs' public `File` and `Files` API is used: a file whose URL changes
is made anew through `File`'s constructor rather than edited in place.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from shangliang.content.catalogue import LoadResult
from shangliang.model import Kind
from shangliang.pages.plan import PagePlan
from shangliang.plugin.dirty_build import GeneratedPage


def apply_plan(files: Files, plan: PagePlan, result: LoadResult, config: MkDocsConfig, *, dirty: bool) -> Files:
    """`files` less drafts, lowercased, with the plan's generated pages (rendered only when stale if `dirty`)."""
    drafts = {case.src_uri for case in result.catalogue.drafts}

    def laid_out(file: File) -> File:
        planned = plan.get(file.src_uri)
        if result.kinds.get(file.src_uri) is Kind.CASE or (planned is not None and not planned.in_nav):
            file.inclusion = InclusionLevel.NOT_IN_NAV
        return file

    kept: list[File] = []
    for file in files:
        if not file.is_documentation_page():
            kept.append(file)
        elif file.src_uri not in drafts:
            kept.append(laid_out(with_lowercase_url(file)))
    for planned in plan.generated:
        made = (GeneratedPage if dirty else File).generated(config, planned.src_uri, content=planned.front_matter())
        kept.append(laid_out(made))
    return Files(kept)


def with_lowercase_url(file: File) -> File:
    """URLs come from file paths, lowercased (`cases/2024/X.md` → `/cases/2024/x/`): the same file
    with a lowercase destination."""
    lowered = file.dest_uri.lower()
    if lowered == file.dest_uri:
        return file
    return File(
        file.src_uri, src_dir=file.src_dir, dest_dir=file.dest_dir, use_directory_urls=file.use_directory_urls,
        dest_uri=lowered, inclusion=file.inclusion,
    )  # fmt: skip
