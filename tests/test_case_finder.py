"""The case finder at /cases/ (`pages.finder`): what each case page gives Pagefind, the groups and counts
the finder shows, its listing without JavaScript, its year pages, its place in the plan and the preview."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path

from generated_tree import DISTRICTS, build, districts_of, newest_first, published

from shangliang.pages.finder import (
    FACETS,
    FINDER_WORD,
    case_facets,
    facet_value,
    finder_pages_showing,
    finder_records,
    finder_view,
    finder_year_view,
)
from shangliang.pages.grouping import Index
from shangliang.pages.plan import plan_pages
from shangliang.pages.views import Views
from shangliang.search.finder_index import build_finder_index, record_html


def meta(title: str, date: str, district: str | list[str], **fields: object) -> dict:
    return {"title": title, "date": date, "district": district, "format": "微协商", **fields}


TREE = {
    "cases/2024/a.md": meta("路灯亮了", "2024-06-18", ["minhou", "rongchang"], status="落实", tags=["路灯", "安全"]),
    "cases/2024/b.md": meta("电商直播", "2024-03", "minhou", format="委员沙龙", tags=["电商"]),
    "cases/2023/c.md": meta("农田灌溉", "2023", "rongchang", status="选题", tags=["路灯"]),
    "cases/2023/d.md": meta("未发布的草稿", "2023-02-01", "gulou", tags=["草稿话题"], draft=True),
}


def index_of(tree: dict[str, dict]) -> Index:
    return Index(build(tree).catalogue)


def groups_of(index: Index) -> dict[str, dict[str, int]]:
    """The finder's groups as name → value → count, in the page's order."""
    return {group.name: {o.value: o.count for o in group.options} for group in finder_view(index).groups}


# -- what a case page tells Pagefind -----------------------------------------------------------


def test_a_case_page_gives_every_facet_value_once_and_its_date_as_written_to_sort_by():
    index = index_of(TREE)
    joint = next(case for case in index.catalogue.cases if case.src_uri == "cases/2024/a.md")
    facets = case_facets(joint, index.catalogue.districts)
    assert [(facet.name, facet.value) for facet in facets.filters] == [
        ("district", "闽侯县"), ("district", "荣昌区"), ("year", "2024"), ("format", "微协商"),
        ("stage", "落实"), ("topic", "路灯"), ("topic", "安全"),
    ]  # fmt: skip
    month_only = next(case for case in index.catalogue.cases if case.src_uri == "cases/2024/b.md")
    facets = case_facets(month_only, index.catalogue.districts)
    assert [(facet.name, facet.value) for facet in facets.sort] == [("date", "2024-03")]
    assert ("stage", "协商") in [(facet.name, facet.value) for facet in facets.filters], "the default stage"


def test_a_value_is_written_as_pagefind_reads_an_elements_text():
    assert facet_value("  城乡\n 建设 ") == "城乡 建设"
    tree = {"cases/2024/a.md": meta("甲", "2024-01-01", "minhou", tags=["路灯", " 路灯 ", "安全"])}
    index = index_of(tree)
    facets = case_facets(index.catalogue.cases[0], index.catalogue.districts)
    assert [facet.value for facet in facets.filters if facet.name == "topic"] == ["路灯", "安全"]


# -- the groups and their counts -------------------------------------------------------------


def test_the_finder_counts_every_published_case_once_per_value_and_never_a_draft():
    groups = groups_of(index_of(TREE))
    assert list(groups) == [kind.name for kind in FACETS] == ["district", "year", "format", "stage", "topic"]
    assert groups["district"] == {"闽侯县": 2, "荣昌区": 2}, "a joint case counts in each of its districts"
    assert groups["year"] == {"2024": 2, "2023": 1}
    assert groups["format"] == {"微协商": 2, "委员沙龙": 1}
    assert groups["stage"] == {"选题": 1, "协商": 1, "落实": 1}, "in the order of the stages"
    assert groups["topic"] == {"路灯": 2, "安全": 1, "电商": 1}, "topics by number of cases"
    assert "鼓楼区" not in groups["district"] and "草稿话题" not in groups["topic"]


def test_groups_are_labelled_with_the_contracts_field_labels_and_say_which_every_case_has():
    view = finder_view(index_of(TREE))
    labels = {group.name: (group.label, group.every_case) for group in view.groups}
    assert labels == {
        "district": ("区县", True), "year": ("年份", True), "format": ("协商形式", True),
        "stage": ("进度", True), "topic": ("议题", False),
    }  # fmt: skip
    year = next(group for group in view.groups if group.name == "year")
    assert [option.label for option in year.options] == ["2024年", "2023年"]


def test_on_a_larger_tree_the_counts_agree_with_the_values_the_case_pages_carry(cases):
    index = Index(build(cases).catalogue)
    carried: dict[str, Counter[str]] = {kind.name: Counter() for kind in FACETS}
    for case in index.catalogue.cases:
        for facet in case_facets(case, index.catalogue.districts).filters:
            carried[facet.name][facet.value] += 1
    assert groups_of(index) == {name: dict(counts) for name, counts in carried.items()}
    live = published(cases)
    expected = Counter(DISTRICTS[key]["name"] for m in live.values() for key in dict.fromkeys(districts_of(m)))
    assert groups_of(index)["district"] == dict(expected)
    assert list(groups_of(index)["district"]) == [
        DISTRICTS[key]["name"] for key in ("gulou", "minhou", "rongchang", "longchang", "jimei")
    ], "districts by brand, in each brand's order"


# -- without JavaScript -------------------------------------------------------------------------


def test_a_small_site_lists_every_published_case_by_year_on_the_finder_itself(cases):
    index = Index(build(cases).catalogue)
    view = finder_view(index)
    listed = [line.url for group in view.listed for line in group.cases]
    live = published(cases)
    assert sorted(listed) == sorted(f"{uri.removesuffix('.md')}/" for uri in live)
    assert len(listed) == len(set(listed)) == view.total == len(live)
    years = [int(group.heading.title.removesuffix("年")) for group in view.listed]
    assert years == sorted(years, reverse=True)
    assert [row.year for row in view.years] == years
    assert [row.count for row in view.years] == [len(group.cases) for group in view.listed]
    assert [row.url for row in view.years] == [f"cases/{year}/" for year in years]
    assert view.years_note == ""


def test_a_large_site_lists_its_cases_on_the_year_pages_only(cases):
    index = Index(build(cases).catalogue)
    view = finder_view(index, inline_limit=10)
    assert view.listed == () and "每年" in view.years_note
    live = published(cases)
    on_year_pages = []
    for row in view.years:
        year_view = finder_year_view(index, row.year)
        assert len(year_view.cases) == row.count
        assert {line.date.year for line in year_view.cases} == {row.year}
        on_year_pages += [line.url for line in year_view.cases]
    assert on_year_pages == [f"{uri.removesuffix('.md')}/" for uri in newest_first(live)], "each once, newest first"


def test_a_listed_line_names_the_districts_format_and_stage_reached():
    index = index_of(TREE)
    lines = {line.title: line for line in finder_year_view(index, 2024).cases}
    joint, salon = lines["路灯亮了"], lines["电商直播"]
    assert (joint.districts, joint.format, joint.stage) == ("闽侯县、荣昌区", "微协商", "已落实")
    assert (salon.districts, salon.format, salon.stage) == ("闽侯县", "委员沙龙", "进展：协商")
    year_view = finder_year_view(index, 2024)
    assert year_view.finder.url == "cases/" and [row.year for row in year_view.years] == [2024, 2023]


# -- the plan and the preview --------------------------------------------------------------------


def test_the_finder_is_planned_at_cases_right_after_home_and_its_year_pages_out_of_nav_and_search():
    views = Views(index_of(TREE))
    plan = plan_pages(views, site_name="测试站", editor_pages=[])
    finder = plan.get("cases/index.md")
    assert finder is not None
    assert (finder.title, finder.template, finder.generated, finder.in_nav, finder.searchable) == (
        "案例查找", "shangliang/cases.html", True, True, True
    )
    assert plan.nav[:2] == ("index.md", "cases/index.md")
    year_pages = {page.src_uri: page for page in plan.generated if page.template == "shangliang/cases-year.html"}
    assert set(year_pages) == {"cases/2024/index.md", "cases/2023/index.md"}
    assert all(not page.in_nav and not page.searchable for page in year_pages.values())
    assert year_pages["cases/2024/index.md"].title == "2024年全部案例"


def test_an_editors_finder_page_keeps_its_title_and_gets_the_finders_layout():
    views = Views(index_of(TREE))
    plan = plan_pages(views, site_name="测试站", editor_pages=["cases/index.md"])
    finder = plan.get("cases/index.md")
    assert finder is not None and (finder.generated, finder.title, finder.template) == (
        False, None, "shangliang/cases.html"
    )


def test_a_preview_renders_the_finder_and_the_changed_cases_year_pages_again():
    old = build(TREE).catalogue
    renamed = {**TREE, "cases/2023/c.md": {**TREE["cases/2023/c.md"], "title": "农田灌溉用水"}}
    new = build(renamed).catalogue
    before = next(case for case in old.cases if case.src_uri == "cases/2023/c.md")
    after = next(case for case in new.cases if case.src_uri == "cases/2023/c.md")
    assert finder_pages_showing([(before, after)], old, new) == {"cases/index.md", "cases/2023/index.md"}
    assert finder_pages_showing([], old, new) == set()
    # A case in a year no other case has: every year page links the new year.
    added = build({**TREE, "cases/2025/e.md": meta("新的一年", "2025-01-02", "gulou")}).catalogue
    new_case = next(case for case in added.cases if case.year == 2025)
    assert finder_pages_showing([(None, new_case)], old, added) == {
        "cases/index.md", "cases/2025/index.md", "cases/2024/index.md", "cases/2023/index.md"
    }


# -- the finder's own index ------------------------------------------------------------------------


def test_the_finders_index_holds_every_published_case_with_its_filters_and_date():
    catalogue = build(TREE).catalogue
    records = {record.url: record for record in finder_records(catalogue)}
    assert set(records) == {"/cases/2024/a/", "/cases/2024/b/", "/cases/2023/c/"}, "drafts never"
    joint = records["/cases/2024/a/"]
    assert joint.meta == {"title": "路灯亮了", "date": "2024年6月18日"}
    assert joint.filters == {"district": ["闽侯县", "荣昌区"], "year": ["2024"], "format": ["微协商"],
                             "stage": ["落实"], "topic": ["路灯", "安全"]}  # fmt: skip
    assert joint.sort == {"date": "2024-06-18"} and records["/cases/2024/b/"].sort == {"date": "2024-03"}
    assert {record.content for record in records.values()} == {FINDER_WORD}
    assert records["/cases/2023/c/"].filters["stage"] == ["选题"]


def test_a_record_page_holds_the_word_as_its_only_text_and_everything_else_escaped():
    record = finder_records(build({"cases/2024/x.md": meta('<img src=x onerror="alert(1)">', "2024", "minhou",
                                                          tags=["a&b", "</span><script>"])}).catalogue)[0]  # fmt: skip
    page = record_html(record)
    assert "<img" not in page and "<script>" not in page
    assert '&lt;img src=x onerror="alert(1)"&gt;' in page and "&lt;/span&gt;&lt;script&gt;" in page
    assert f"<main data-pagefind-body><p>{FINDER_WORD}</p><div data-pagefind-ignore>" in page


def test_the_finders_bundle_is_written_with_pagefind_and_keeps_values_as_text(tmp_path: Path):
    catalogue = build({**TREE, "cases/2024/x.md": meta("<b>粗</b>标题", "2024-01-02", "gulou")}).catalogue
    stats = build_finder_index(tmp_path, catalogue)
    bundle = tmp_path / "pagefind" / "finder"
    assert stats.records == 4 and (bundle / "pagefind.js").is_file() and (bundle / "pagefind-entry.json").is_file()
    assert not list(bundle.glob("pagefind-*ui*")) and not (bundle / "pagefind-worker.js").exists()
    fragments = [gzip.decompress(path.read_bytes()).decode("utf-8") for path in (bundle / "fragment").iterdir()]
    data = [json.loads(text.removeprefix("pagefind_dcd")) for text in fragments]
    assert sorted(item["url"] for item in data) == [
        "/cases/2023/c/", "/cases/2024/a/", "/cases/2024/b/", "/cases/2024/x/"
    ]  # fmt: skip
    assert "<b>粗</b>标题" in {item["meta"]["title"] for item in data}, "the title as written, as text"
