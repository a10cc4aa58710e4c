"""What each generated page shows (`views.Views`), over a generated content tree."""

from __future__ import annotations

from collections import Counter
from typing import Any

from generated_tree import (
    DISTRICTS,
    build,
    highlight_of,
    in_brand,
    in_district,
    newest_first,
    published,
    uris,
)

from shangliang.pages.grouping import Index
from shangliang.pages.views import Views


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
