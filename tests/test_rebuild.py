"""A `serve --dirty` rebuild renders again every page that shows something that changed.

`plan_rebuild` compares what two builds publish. The tree: brand rong with districts
minhou and gulou, brand yu with rongchang; minhou's cases, newest first, are m1 … m5,
gulou's are g1 and g2 (dated so that m3 falls between them when it moves to gulou).
"""

from __future__ import annotations

from typing import Any

import pytest
from contract_tree import case, tree

from shangliang.content.catalogue import LoadResult
from shangliang.content.reading import ReadError, read_document
from shangliang.model import Kind
from shangliang.preview.rebuild import SITE_LISTINGS, DocumentCache, Published, Rebuild, plan_rebuild

TOPICS = "topics.md"

MINHOU = {
    "cases/2024/m1.md": case(title="一号", date="2024-03-01", tags=["电商"]),
    "cases/2024/m2.md": case(title="二号", date="2024-02-01"),
    "cases/2024/m3.md": case(title="三号", date="2024-01-01", highlight=2024),
    "cases/2023/m4.md": case(title="四号", date="2023-12-01", highlight=2023),
    "cases/2023/m5.md": case(title="五号", date="2023-11-01"),
}
GULOU = {
    "cases/2024/g1.md": case(title="鼓一", date="2024-02-15", district="gulou"),
    "cases/2023/g2.md": case(title="鼓二", date="2023-12-15", district="gulou"),
}
OTHERS = {
    "cases/2024/r1.md": case(title="荣一", date="2024-05-01", district="rongchang", brand="yu", highlight=2024),
    TOPICS: {"title": "话题"},
    "about/index.md": {"title": "关于本站"},
}


def files(changes: dict[str, Any] | None = None) -> dict[str, Any]:
    """The tree's files (on top of contract_tree's brands and districts), with `changes` (None deletes)."""
    everything: dict[str, Any] = {**MINHOU, **GULOU, **OTHERS}
    for src_uri, value in (changes or {}).items():
        if value is None:
            del everything[src_uri]
        else:
            everything[src_uri] = value
    return everything


def published(load: LoadResult, settings: str = "v1", not_in_nav: tuple[str, ...] = ()) -> Published:
    """What a build of `load` publishes: every file but drafts, the generated listings and
    highlight pages, and `not_in_nav` pages (generated, out of the navigation)."""
    drafts = {draft.src_uri for draft in load.catalogue.drafts}
    years = {case.highlight_year for case in load.catalogue.cases if case.highlight_year}
    generated = [*SITE_LISTINGS, *(f"highlights/{year}.md" for year in sorted(years))]
    pages = [uri for uri in load.kinds if uri not in drafts] + [uri for uri in generated if uri not in load.kinds]
    nav_pages = [uri for uri in pages if load.kinds.get(uri) is not Kind.CASE]
    return Published.of(load, pages=[*pages, *not_in_nav], nav_pages=nav_pages, settings=settings)


def plan(before: dict[str, Any], after: dict[str, Any], **settings: str) -> Rebuild:
    return plan_rebuild(published(tree(before)), published(tree(after), **settings))


def edited(src_uri: str, **fields: Any) -> dict[str, Any]:
    """The tree's files, with these front matter fields of one file changed."""
    return files({src_uri: {**files()[src_uri], **fields}})


def test_a_first_build_renders_everything() -> None:
    rebuild = plan_rebuild(None, published(tree(files())))
    assert rebuild.everything


def test_without_changes_only_the_ordinary_pages_are_rendered_again() -> None:
    """The topics page must be read in every build, for the tags of pages rendered to link to it."""
    rebuild = plan(files(), files())
    assert not rebuild.everything
    assert rebuild.stale == {TOPICS, "about/index.md"}
    assert rebuild.gone == frozenset()


def test_a_new_title_renders_the_lists_showing_the_case_and_its_neighbours() -> None:
    rebuild = plan(files(), edited("cases/2024/m3.md", title="三号改"))
    assert not rebuild.everything
    assert set(SITE_LISTINGS) <= rebuild.stale
    assert {"districts/minhou.md", "brands/rong.md", "highlights/2024.md"} <= rebuild.stale
    assert {"cases/2024/m2.md", "cases/2023/m4.md"} <= rebuild.stale, "their previous/next links show the title"
    untouched = {"districts/gulou.md", "districts/rongchang.md", "brands/yu.md",
                 "cases/2024/m1.md", "cases/2023/m5.md", "cases/2024/g1.md", "cases/2024/r1.md"}  # fmt: skip
    assert not untouched & rebuild.stale


def test_a_change_of_district_renders_both_lists_and_the_neighbours_at_both_places() -> None:
    rebuild = plan(files(), edited("cases/2024/m3.md", district="gulou"))
    assert {"districts/minhou.md", "districts/gulou.md", "brands/rong.md"} <= rebuild.stale
    old_neighbours, new_neighbours = {"cases/2024/m2.md", "cases/2023/m4.md"}, {"cases/2024/g1.md", "cases/2023/g2.md"}
    assert old_neighbours | new_neighbours | {"cases/2024/m3.md"} <= rebuild.stale
    assert not {"cases/2024/m1.md", "cases/2023/m5.md", "districts/rongchang.md"} & rebuild.stale


def test_a_new_case_renders_its_lists_and_the_cases_it_comes_between() -> None:
    new = case(title="新案例", date="2024-01-15")
    rebuild = plan(files(), files({"cases/2024/new.md": new}))
    assert {"districts/minhou.md", "brands/rong.md", "index.md", "cases/2024/new.md"} <= rebuild.stale
    assert {"cases/2024/m2.md", "cases/2024/m3.md"} <= rebuild.stale
    assert not {"cases/2024/m1.md", "cases/2023/m4.md", "highlights/2024.md"} & rebuild.stale


@pytest.mark.parametrize("how", ["deleted", "made a draft"])
def test_a_case_taken_away_loses_its_page_and_its_lists_are_rendered_again(how: str) -> None:
    after = files({"cases/2024/m2.md": None}) if how == "deleted" else edited("cases/2024/m2.md", draft=True)
    rebuild = plan(files(), after)
    assert rebuild.gone == {"cases/2024/m2.md"}
    assert {"districts/minhou.md", "cases/2024/m1.md", "cases/2024/m3.md"} <= rebuild.stale
    assert "cases/2024/m2.md" not in rebuild.stale


def test_a_change_of_highlight_year_renders_both_years_lists() -> None:
    rebuild = plan(files(), edited("cases/2024/m3.md", date="2023-06-01", highlight=2023))
    assert not rebuild.everything
    assert {"highlights/2023.md", "highlights/2024.md", "highlights/index.md"} <= rebuild.stale


def test_a_highlight_year_that_appears_renders_everything() -> None:
    """Highlight years are in the navigation, which every page shows."""
    assert plan(files(), edited("cases/2023/m5.md", highlight=2026)).everything


def test_every_page_of_a_split_district_index_is_rendered_again() -> None:
    year_pages = ("districts/minhou/2023.md", "districts/minhou/2024.md", "districts/minhou/2024/2.md",
                  "districts/gulou/2023.md")  # fmt: skip
    before = published(tree(files()), not_in_nav=year_pages)
    after = published(tree(edited("cases/2023/m5.md", title="五号改")), not_in_nav=year_pages)
    rebuild = plan_rebuild(before, after)
    assert set(year_pages[:3]) <= rebuild.stale
    assert "districts/gulou/2023.md" not in rebuild.stale


def test_a_generated_page_that_goes_loses_its_output_without_a_full_rebuild() -> None:
    before = published(tree(files()), not_in_nav=("districts/minhou/2024/2.md",))
    rebuild = plan_rebuild(before, published(tree(files())))
    assert not rebuild.everything
    assert rebuild.gone == {"districts/minhou/2024/2.md"}


@pytest.mark.parametrize(
    "change",
    [
        pytest.param({"brands/rong.md": {"name": "榕你来商量新", "organisation": "福州市政协"}}, id="brand renamed"),
        pytest.param({"districts/jinan.md": {"name": "晋安区", "brand": "rong"}}, id="district added"),
        pytest.param({"about/index.md": {"title": "关于我们"}}, id="a page in the navigation retitled"),
        pytest.param({"about/new.md": {"title": "新页面"}}, id="a page added to the navigation"),
    ],
)
def test_what_every_page_shows_renders_everything(change: dict[str, Any]) -> None:
    assert plan(files(), files(change)).everything


def test_a_new_configuration_or_template_renders_everything() -> None:
    assert plan(files(), files(), settings="v2").everything


def test_a_page_whose_problems_change_is_rendered_again() -> None:
    """A preview shows the content's problems; the page of the file concerned shows them first."""
    broken = {**files()["cases/2024/m1.md"], "date": "2024-13-45"}
    rebuild = plan(files(), files({"cases/2024/m1.md": broken}))
    assert "cases/2024/m1.md" in rebuild.stale
    assert "districts/minhou.md" in rebuild.stale, "the case left the lists"


def test_the_document_cache_reads_a_file_again_only_when_its_bytes_change() -> None:
    cache = DocumentCache()
    first = b"---\ntitle: A\n---\nbody\n"
    document = cache("a.md", first)
    assert document == read_document("a.md", first)
    assert cache("a.md", bytes(first)) is document, "same bytes: the same outcome, not read again"
    changed = cache("a.md", b"---\ntitle: B\n---\nbody\n")
    assert changed.meta["title"] == "B"


def test_the_document_cache_reports_an_unreadable_file_every_time() -> None:
    cache = DocumentCache()
    for _ in range(2):
        with pytest.raises(ReadError):
            cache("bad.md", b"\xff\xfe not utf-8")


def test_the_document_cache_forgets_files_no_longer_read() -> None:
    cache = DocumentCache()
    document = cache("a.md", b"---\ntitle: A\n---\n")
    cache.forget_others()
    cache("b.md", b"---\ntitle: B\n---\n")
    cache.forget_others()  # a.md was not read in this round: forgotten
    assert cache("a.md", b"---\ntitle: A\n---\n") is not document
