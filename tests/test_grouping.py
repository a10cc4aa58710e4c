"""Listings and figures (`grouping.Index`) over a generated content tree.

Every expectation is computed here, from the front matter dicts the tree is
built from, and never by calling the code under test:

- figures are sums over published cases; a joint case counts once in each of
  its districts and once in a brand's or the site's totals;
- every published case appears in each of its districts' lists, newest first;
- highlight pages group the cases commended in a year.
"""

from __future__ import annotations

from collections import Counter

import pytest
from generated_tree import (
    BRANDS,
    DISTRICTS,
    as_dict,
    brand_of,
    build,
    districts_of,
    expected_figures,
    highlight_of,
    in_brand,
    in_district,
    newest_first,
    published,
    uris,
)

from shangliang.pages.grouping import Index, by_year, figures_of
from shangliang.pages.views import Views

# -- figures -------------------------------------------------------------------------


def test_site_figures_are_sums_over_published_cases(cases, index):
    assert as_dict(index.site_figures) == expected_figures(published(cases), districts=len(DISTRICTS))


@pytest.mark.parametrize("key", sorted(DISTRICTS))
def test_district_figures_count_each_case_of_the_district_joint_ones_included(cases, index, key):
    expected = expected_figures(in_district(published(cases), key), districts=1)
    assert as_dict(index.district_figures(key)) == expected


@pytest.mark.parametrize("key", sorted(BRANDS))
def test_brand_figures_count_each_case_of_the_brand_once(cases, index, key):
    brand_districts = sum(1 for meta in DISTRICTS.values() if meta["brand"] == key)
    expected = expected_figures(in_brand(published(cases), key), districts=brand_districts)
    assert as_dict(index.brand_figures(key)) == expected


def test_a_joint_case_counts_once_per_district_and_once_in_brand_and_site_totals(cases, index):
    live = published(cases)
    district_total = sum(index.district_figures(key).cases for key in DISTRICTS)
    brand_total = sum(index.brand_figures(key).cases for key in BRANDS)
    assert district_total == sum(len(districts_of(meta)) for meta in live.values())
    assert district_total > len(live)  # the joint cases are what makes the difference
    assert brand_total == index.site_figures.cases == len(live)


def test_a_district_without_cases_has_no_cases_and_no_stated_sums(index):
    figures = index.district_figures("lianjiang")
    assert (figures.cases, figures.bulletins) == (0, 0)
    assert (figures.members, figures.participants, figures.problems_solved) == (None, None, None)
    assert index.cases_in_district("lianjiang") == []


def test_a_sum_no_case_states_is_not_stated_but_a_stated_zero_is_zero():
    result = build({
        "cases/2024/a.md": {"title": "甲", "date": "2024-01-01", "district": "gulou", "format": "微协商",
                            "members": 0},
        "cases/2024/b.md": {"title": "乙", "date": "2024-02-01", "district": "gulou", "format": "微协商",
                            "participants": 12},
        "cases/2024/c.md": {"title": "丙", "date": "2024-03-01", "district": "gulou", "format": "微协商",
                            "participants": 3},
    })  # fmt: skip
    figures = Index(result.catalogue).district_figures("gulou")
    assert (figures.members, figures.participants, figures.problems_solved) == (0, 15, None)


def test_drafts_appear_in_no_list_and_no_figure(cases, index):
    drafts = {uri for uri, meta in cases.items() if meta.get("draft")}
    listed = set(uris(index.catalogue.cases))
    for key in DISTRICTS:
        listed |= set(uris(index.cases_in_district(key)))
    for key in BRANDS:
        listed |= set(uris(index.cases_of_brand(key)))
    for year in index.highlight_years:
        listed |= set(uris(index.highlights_of(year)))
    assert drafts and not drafts & listed
    assert listed == set(published(cases))


def test_bulletins_are_distinct_report_names():
    result = build({
        "cases/2024/a.md": {"title": "甲", "date": "2024-01-01", "district": "gulou", "format": "微协商",
                            "reports": ["协商专报2024年第1期", "协商专报2024年第2期"]},
        "cases/2024/b.md": {"title": "乙", "date": "2024-02-01", "district": "gulou", "format": "微协商",
                            "reports": ["协商专报2024年第2期"]},
        "cases/2024/c.md": {"title": "丙", "date": "2024-03-01", "district": "gulou", "format": "微协商"},
    })  # fmt: skip
    assert Index(result.catalogue).district_figures("gulou").bulletins == 2
    assert figures_of(result.catalogue.cases, districts=1).bulletins == 2
    assert figures_of([], districts=0).bulletins == 0


# -- lists ---------------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(DISTRICTS))
def test_each_district_lists_all_its_cases_newest_first(cases, index, key):
    assert uris(index.cases_in_district(key)) == newest_first(in_district(published(cases), key))


@pytest.mark.parametrize("key", sorted(BRANDS))
def test_each_brand_lists_all_its_cases_newest_first(cases, index, key):
    assert uris(index.cases_of_brand(key)) == newest_first(in_brand(published(cases), key))


def test_cases_of_the_same_day_are_ordered_by_file(index):
    same_day = [uri for uri in uris(index.cases_in_district("minhou")) if "same-day" in uri]
    assert same_day == ["cases/2024/aa-same-day.md", "cases/2024/zz-same-day.md"]


def test_the_order_does_not_depend_on_the_order_files_are_given(cases):
    shuffled = dict(sorted(cases.items(), key=lambda item: item[0], reverse=True))
    assert uris(build(shuffled).catalogue.cases) == newest_first(published(cases))


def test_latest_is_the_newest_cases_up_to_the_count(cases):
    index = Index(build(cases).catalogue, latest_count=5)
    assert uris(index.latest()) == newest_first(published(cases))[:5]
    brand = in_brand(published(cases), "yu")
    assert uris(index.latest(index.cases_of_brand("yu"))) == newest_first(brand)[:5]


def test_by_year_groups_newest_year_first_and_newest_case_first(cases, index):
    live = published(cases)
    groups = by_year(reversed(index.catalogue.cases))
    years = sorted({int(meta["date"][:4]) for meta in live.values()}, reverse=True)
    assert [group.year for group in groups] == years
    for group in groups:
        expected = newest_first({uri: meta for uri, meta in live.items() if meta["date"].startswith(str(group.year))})
        assert uris(group.cases) == expected


def test_neighbours_are_the_older_and_newer_case_in_each_district(cases, index):
    live = published(cases)
    for case in index.catalogue.cases:
        rows = index.neighbours(case)
        assert [row.district.key for row in rows] == list(case.district_keys)
        for row in rows:
            order = newest_first(in_district(live, row.district.key))
            position = order.index(case.src_uri)
            newer = order[position - 1] if position > 0 else None
            older = order[position + 1] if position + 1 < len(order) else None
            assert (row.newer and row.newer.src_uri, row.older and row.older.src_uri) == (newer, older)


def test_a_joint_case_has_neighbours_in_both_districts(index):
    joint = next(case for case in index.catalogue.cases if case.is_joint)
    rows = index.neighbours(joint)
    assert len(rows) == len(joint.district_keys) >= 2


# -- a case whose brand differs from its district's -------------------------------


def test_a_case_of_another_brand_is_listed_in_its_district_and_counted_in_its_own_brand():
    result = build({
        "cases/2024/own.md": {"title": "本品牌", "date": "2024-01-01", "district": "minhou",
                              "format": "微协商", "members": 1},
        "cases/2024/other.md": {"title": "外品牌", "date": "2024-02-01", "district": "minhou",
                                "brand": "yu", "format": "微协商", "members": 10, "highlight": 2024},
    })  # fmt: skip
    index = Index(result.catalogue)
    views = Views(index)
    assert uris(index.cases_in_district("minhou")) == ["cases/2024/other.md", "cases/2024/own.md"]
    assert index.district_figures("minhou").members == 11
    assert uris(index.cases_of_brand("yu")) == ["cases/2024/other.md"]
    assert index.brand_figures("yu").members == 10
    assert uris(index.cases_of_brand("rong")) == ["cases/2024/own.md"]
    assert index.brand_figures("rong").members == 1
    district_view = views.district("minhou")
    assert [uris(group.cases) for group in district_view.years] == [["cases/2024/other.md", "cases/2024/own.md"]]
    assert district_view.brand.key == "rong"
    assert views.case(result.catalogue.cases[0]).brand.key == "yu"
    # On the highlight page it sits under its own brand, in its district.
    [group] = index.highlights_by_brand(2024)
    assert group.brand.key == "yu"
    assert [(g.district.key, uris(g.cases)) for g in group.districts] == [("minhou", ["cases/2024/other.md"])]
    assert index.brand_highlight_years("yu") == [(2024, 1)]
    assert index.brand_highlight_years("rong") == []


# -- highlights ------------------------------------------------------------------------


def test_highlight_years_are_the_commendation_years(cases, index):
    expected = {highlight_of(meta) for meta in published(cases).values()} - {None}
    assert index.highlight_years == sorted(expected, reverse=True)


def test_highlights_of_a_year_are_the_cases_commended_that_year_newest_first(cases, index):
    live = published(cases)
    for year in index.highlight_years:
        commended = {uri: meta for uri, meta in live.items() if highlight_of(meta) == year}
        assert uris(index.highlights_of(year)) == newest_first(commended)


def test_a_case_commended_the_year_after_is_on_that_years_page_only():
    result = build({"cases/2023/late.md": {"title": "晚", "date": "2023-12-20", "district": "gulou",
                                           "format": "微协商", "highlight": 2024}})  # fmt: skip
    index = Index(result.catalogue)
    assert index.highlight_years == [2024]
    assert uris(index.highlights_of(2024)) == ["cases/2023/late.md"]
    assert index.highlights_of(2023) == []


def test_highlights_are_grouped_by_brand_then_first_district_in_site_order(cases, index):
    live = published(cases)
    brand_order = ["rong", "yu", "ji"]  # by `order`, unordered last
    district_order = ["gulou", "minhou", "lianjiang", "rongchang", "longchang", "jimei"]
    for year in index.highlight_years:
        commended = {uri: meta for uri, meta in live.items() if highlight_of(meta) == year}
        expected = []
        for brand in brand_order:
            districts = []
            for district in district_order:
                here = {uri: meta for uri, meta in commended.items()
                        if brand_of(meta) == brand and districts_of(meta)[0] == district}  # fmt: skip
                if here:
                    districts.append((district, newest_first(here)))
            if districts:
                expected.append((brand, districts))
        groups = index.highlights_by_brand(year)
        actual = [(g.brand.key, [(d.district.key, uris(d.cases)) for d in g.districts]) for g in groups]
        assert actual == expected
        assert sum(group.count for group in groups) == len(commended)


def test_brand_highlight_years_count_the_brands_commended_cases(cases, index):
    live = published(cases)
    for brand in BRANDS:
        counts = Counter(highlight_of(meta) for meta in in_brand(live, brand).values() if highlight_of(meta))
        assert index.brand_highlight_years(brand) == sorted(counts.items(), reverse=True)


def test_an_editor_highlights_page_adds_its_year():
    result = build({}, extra={"highlights/2030.md": "---\ntitle: 2030年优秀案例\n---\n说明。\n"})
    assert Index(result.catalogue).highlight_years == [2030]
