"""Listings and figures (`grouping.Index`, `views.Views`) over a generated content tree.

Every expectation is computed here, from the front matter dicts the tree is
built from, and never by calling the code under test:

- figures are sums over published cases; a joint case counts once in each of
  its districts and once in a brand's or the site's totals;
- every published case appears in each of its districts' lists, newest first;
- highlight pages group the cases commended in a year.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from typing import Any

import pytest
import yaml

from shangliang import chinese
from shangliang.catalogue import LoadResult, load_catalogue
from shangliang.grouping import Index, by_year, figures_of
from shangliang.views import Views

BRANDS = {
    "rong": {"name": "榕你来商量", "organisation": "福州市政协", "order": 1},
    "yu": {"name": "渝事好商量", "organisation": "重庆市政协", "order": 2},
    "ji": {"name": "集思广益", "organisation": "厦门市政协"},
}
DISTRICTS = {
    "gulou": {"name": "鼓楼区", "brand": "rong", "order": 1},
    "minhou": {"name": "闽侯县", "brand": "rong", "order": 2, "sub_brand": "邑起来商量"},
    "lianjiang": {"name": "连江县", "brand": "rong", "order": 3},  # never has a case
    "rongchang": {"name": "荣昌区", "brand": "yu", "order": 1},
    "longchang": {"name": "隆昌市", "brand": "yu", "order": 2},
    "jimei": {"name": "集美区", "brand": "ji"},
}
CASE_DISTRICTS = ["gulou", "minhou", "rongchang", "longchang", "jimei"]
REPORTS = [f"协商专报{year}年第{number}期" for year in (2023, 2024) for number in (1, 2, 3)]


def build(cases: dict[str, dict[str, Any]], extra: dict[str, str] | None = None) -> LoadResult:
    """Load brands, districts, `cases` (src_uri → front matter) and `extra` literal files."""
    files = {f"brands/{key}.md": meta for key, meta in BRANDS.items()}
    files.update({f"districts/{key}.md": meta for key, meta in DISTRICTS.items()})
    files.update(cases)
    raw = [
        (uri, f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n正文。\n".encode())
        for uri, meta in files.items()
    ]
    raw += [(uri, text.encode()) for uri, text in (extra or {}).items()]
    result = load_catalogue(raw)
    assert result.problems == [], [str(problem) for problem in result.problems]
    return result


def generate(seed: int = 20240618, count: int = 80) -> dict[str, dict[str, Any]]:
    """A deterministic pile of cases exercising every listing rule."""
    rng = random.Random(seed)
    cases: dict[str, dict[str, Any]] = {}
    for number in range(count):
        date = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365))
        districts = rng.sample(CASE_DISTRICTS, 2) if rng.random() < 0.25 else [rng.choice(CASE_DISTRICTS)]
        meta: dict[str, Any] = {
            "title": f"案例{number}",
            "date": date.isoformat(),
            "district": districts if len(districts) > 1 or rng.random() < 0.3 else districts[0],
            "format": "微协商",
        }
        if rng.random() < 0.1:
            meta["brand"] = rng.choice(sorted(BRANDS))
        for field in ("members", "participants", "problems_solved"):
            if rng.random() < 0.7:
                meta[field] = rng.randrange(0, 60)
        if rng.random() < 0.5:
            meta["reports"] = rng.sample(REPORTS, rng.randrange(1, 3))
        roll = rng.random()
        if roll < 0.1:
            meta["highlight"] = True
        elif roll < 0.2:
            meta["highlight"] = date.year + rng.choice((0, 1))
        if rng.random() < 0.1:
            meta["draft"] = True
        cases[f"cases/{date.year}/c{number:03d}.md"] = meta
    # Same day, same district: the file name decides, whatever the order of writing.
    cases["cases/2024/zz-same-day.md"] = {"title": "同日乙", "date": "2024-03-03", "district": "minhou",
                                          "format": "微协商", "members": 2}  # fmt: skip
    cases["cases/2024/aa-same-day.md"] = {"title": "同日甲", "date": "2024-03-03", "district": "minhou",
                                          "format": "微协商", "members": 1}  # fmt: skip
    return cases


# -- independent expectations ----------------------------------------------------


def districts_of(meta: dict[str, Any]) -> list[str]:
    value = meta["district"]
    return list(value) if isinstance(value, list) else [value]


def brand_of(meta: dict[str, Any]) -> str:
    return meta.get("brand") or DISTRICTS[districts_of(meta)[0]]["brand"]


def highlight_of(meta: dict[str, Any]) -> int | None:
    value = meta.get("highlight")
    if value is True:
        return int(meta["date"][:4])
    return value or None


def published(cases: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {uri: meta for uri, meta in cases.items() if not meta.get("draft")}


def stated_sum(cases: dict[str, dict[str, Any]], field: str) -> int | None:
    """The sum over the cases that state `field`; None (shown as "not stated") when none does."""
    stated = [meta[field] for meta in cases.values() if field in meta]
    return sum(stated) if stated else None


def expected_figures(cases: dict[str, dict[str, Any]], districts: int) -> dict[str, int | None]:
    return {
        "cases": len(cases),
        "districts": districts,
        "members": stated_sum(cases, "members"),
        "participants": stated_sum(cases, "participants"),
        "problems_solved": stated_sum(cases, "problems_solved"),
        "bulletins": len({report for meta in cases.values() for report in meta.get("reports", [])}),
    }


def newest_first(cases: dict[str, dict[str, Any]]) -> list[str]:
    """src_uris by date descending, then src_uri ascending: the one stable order."""
    by_uri = sorted(cases)
    return sorted(by_uri, key=lambda uri: dt.date.fromisoformat(cases[uri]["date"]), reverse=True)


def in_district(cases: dict[str, dict[str, Any]], key: str) -> dict[str, dict[str, Any]]:
    return {uri: meta for uri, meta in cases.items() if key in districts_of(meta)}


def in_brand(cases: dict[str, dict[str, Any]], key: str) -> dict[str, dict[str, Any]]:
    return {uri: meta for uri, meta in cases.items() if brand_of(meta) == key}


def as_dict(figures) -> dict[str, int]:
    return {name: getattr(figures, name) for name in
            ("cases", "districts", "members", "participants", "problems_solved", "bulletins")}  # fmt: skip


def uris(cases) -> list[str]:
    return [case.src_uri for case in cases]


# -- fixtures ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def cases() -> dict[str, dict[str, Any]]:
    generated = generate()
    live = published(generated)
    # The generator must exercise what the tests claim to check.
    assert any(len(districts_of(meta)) > 1 for meta in live.values()), "no joint case"
    assert any(isinstance(meta["district"], list) and len(meta["district"]) == 1 for meta in live.values())
    assert any(meta.get("brand") and meta["brand"] != DISTRICTS[districts_of(meta)[0]]["brand"]
               for meta in live.values()), "no case with a brand other than its district's"  # fmt: skip
    assert any(meta.get("draft") for meta in generated.values()), "no draft"
    assert any(highlight_of(meta) and highlight_of(meta) != int(meta["date"][:4]) for meta in live.values())
    assert any(len({DISTRICTS[d]["brand"] for d in districts_of(m)}) > 1
               for m in live.values()), "no cross-brand joint case"  # fmt: skip
    return generated


@pytest.fixture(scope="module")
def index(cases) -> Index:
    return Index(build(cases).catalogue)


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


# -- views -----------------------------------------------------------------------------


def _highlighted(year: int, highlight: int, district: str = "gulou") -> dict[str, Any]:
    return {"title": f"{year}案例", "date": f"{year}-05-01", "district": district,
            "format": "微协商", "highlight": highlight}  # fmt: skip


def test_home_shows_the_latest_year_that_has_highlights():
    result = build(
        {"cases/2023/a.md": _highlighted(2023, 2023), "cases/2024/b.md": _highlighted(2024, 2025),
         "cases/2024/c.md": {**_highlighted(2024, 2024), "draft": True, "highlight": 2027}},
        extra={"highlights/2026.md": "---\ntitle: 2026\n---\n还没有优秀案例。\n"},
    )  # fmt: skip
    index = Index(result.catalogue)
    assert index.highlight_years == [2026, 2025, 2023]
    home = Views(index).home()
    assert home.highlight_year == 2025
    assert [uris(d.cases) for g in home.highlights for d in g.districts] == [["cases/2024/b.md"]]


def test_home_without_highlights_shows_none():
    result = build({"cases/2024/a.md": {"title": "甲", "date": "2024-01-01", "district": "gulou", "format": "微协商"}})
    home = Views(Index(result.catalogue)).home()
    assert (home.highlight_year, home.highlights) == (None, ())
    assert uris(home.latest) == ["cases/2024/a.md"]


def test_home_and_brand_summaries_count_cases_per_brand_and_district(cases, index):
    live = published(cases)
    summaries = Views(index).home().brands
    assert [summary.brand.key for summary in summaries] == ["rong", "yu", "ji"]
    for summary in summaries:
        assert summary.count == len(in_brand(live, summary.brand.key))
        for row in summary.districts:
            assert DISTRICTS[row.district.key]["brand"] == summary.brand.key
            assert row.count == len(in_district(live, row.district.key))


def test_brand_view_lists_highlight_years_and_latest_cases(cases, index):
    live = published(cases)
    view = Views(index).brand("yu")
    counts = Counter(highlight_of(meta) for meta in in_brand(live, "yu").values() if highlight_of(meta))
    assert [(row.year, row.count) for row in view.highlight_years] == sorted(counts.items(), reverse=True)
    assert uris(view.latest) == newest_first(in_brand(live, "yu"))[:10]


def test_highlights_index_view_counts_each_year(cases, index):
    live = published(cases)
    rows = Views(index).highlights_index().years
    expected = Counter(highlight_of(meta) for meta in live.values() if highlight_of(meta))
    assert [(row.year, row.count) for row in rows] == sorted(expected.items(), reverse=True)


def test_case_view_marks_the_stages_reached():
    result = build({"cases/2024/a.md": {"title": "甲", "date": "2024-01-01", "district": ["gulou", "rongchang"],
                                        "format": "微协商", "status": "报送"}})  # fmt: skip
    view = Views(Index(result.catalogue)).case(result.catalogue.cases[0])
    assert [(stage.name, stage.reached, stage.current) for stage in view.stages] == [
        ("选题", True, False), ("调研", True, False), ("协商", True, False),
        ("报送", True, True), ("办理", False, False), ("落实", False, False),
    ]  # fmt: skip
    assert [district.key for district in view.districts] == ["gulou", "rongchang"]
    assert view.brand.key == "rong"


# -- Chinese forms -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [(dt.date(2024, 6, 18), "2024年6月18日"), (dt.date(2024, 1, 5), "2024年1月5日"),
     (dt.date(2023, 12, 31), "2023年12月31日"), (None, "")],
)  # fmt: skip
def test_date_zh(value, text):
    assert chinese.date_zh(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [(0, "0"), (8, "8"), (999, "999"), (1967, "1,967"), (1234567, "1,234,567"), (None, "—")],
)
def test_number_zh_groups_thousands_and_shows_a_dash_when_not_stated(value, text):
    assert chinese.number_zh(value) == text
