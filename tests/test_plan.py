"""The page plan (`pages.plan`): which pages the site has, with their titles, templates and flags."""

from __future__ import annotations

from contract_tree import case, tree

from shangliang.pages.grouping import Index
from shangliang.pages.plan import NavSection, plan_pages
from shangliang.pages.views import Views


def plan_of(files, *, editor_pages=None, page_size=200):
    result = tree(files)
    assert not result.errors, [str(p) for p in result.problems]
    views = Views(Index(result.catalogue), district_page_size=page_size)
    written = editor_pages if editor_pages is not None else [*result.kinds]
    return plan_pages(views, site_name="测试站", editor_pages=written), result


def test_listings_are_generated_when_no_editor_wrote_them():
    plan, _ = plan_of({"cases/2024/a.md": case(highlight=2024)})
    generated = {page.src_uri: page for page in plan.generated}
    assert set(generated) == {
        "index.md", "brands/index.md", "districts/index.md", "highlights/index.md", "highlights/2024.md",
        "cases/index.md", "cases/2024/index.md",  # the case finder and its year list (tests/test_case_finder.py)
    }
    assert generated["index.md"].title == "测试站"
    assert generated["highlights/2024.md"].title == "2024年度优秀案例"
    assert generated["highlights/2024.md"].template == "shangliang/highlights.html"
    assert generated["index.md"].front_matter() == '---\ntitle: "测试站"\n---\n'


def test_an_editors_listing_keeps_its_own_title_and_gets_the_generated_layout():
    files = {
        "index.md": {"title": "首页"}, "highlights/2024.md": {"title": "表扬"}, "cases/2024/a.md": case(highlight=2024)
    }
    plan, _ = plan_of(files)
    home, highlights = plan.get("index.md"), plan.get("highlights/2024.md")
    assert home is not None and highlights is not None
    assert (home.generated, home.title, home.template) == (False, None, "shangliang/home.html")
    assert (highlights.generated, highlights.title) == (False, None)


def test_brand_district_and_case_pages_take_their_names_and_cases_stay_out_of_the_nav():
    plan, _ = plan_of({"cases/2024/a.md": case(title="路灯亮了")})
    brand, district, the_case = plan.get("brands/rong.md"), plan.get("districts/minhou.md"), plan.get("cases/2024/a.md")
    assert brand is not None and district is not None and the_case is not None
    assert (brand.title, brand.template, brand.in_nav) == ("榕你来商量", "shangliang/brand.html", True)
    assert (district.title, district.template) == ("闽侯县", "shangliang/district.html")
    assert (the_case.title, the_case.template, the_case.in_nav) == ("路灯亮了", "shangliang/case.html", False)


def test_year_pages_of_a_long_district_index_are_out_of_the_nav_and_of_search():
    files = {f"cases/{year}/c{n}.md": case(date=f"{year}-0{n + 1}-01") for year in (2023, 2024) for n in range(3)}
    plan, _ = plan_of(files, page_size=2)
    year_pages = [page for page in plan.generated if page.template == "shangliang/district-year.html"]
    assert year_pages and all(not page.in_nav and not page.searchable for page in year_pages)
    assert all("search:\n  exclude: true\n" in page.front_matter() for page in year_pages)
    assert {page.src_uri for page in year_pages} >= {"districts/minhou/2023.md"}


def test_the_nav_starts_home_brands_districts_by_brand_highlights():
    plan, _ = plan_of({"cases/2024/a.md": case(highlight=2024)})
    home, finder, brands, districts, highlights, roundups = plan.nav
    assert (home, finder) == ("index.md", "cases/index.md")
    assert isinstance(brands, NavSection) and brands.title == "协商品牌"
    assert brands.children == ("brands/index.md", "brands/rong.md", "brands/yu.md")
    assert isinstance(districts, NavSection) and districts.title == "区县子品牌"
    assert districts.children[0] == "districts/index.md"
    assert [section.title for section in districts.children[1:]] == ["榕你来商量", "渝事好商量"]
    assert isinstance(highlights, NavSection) and highlights.children == ("highlights/index.md", "highlights/2024.md")
    # Pages the site may lack are named all the same: applying the plan leaves them out.
    assert isinstance(roundups, NavSection) and roundups.children == ("roundups/index.md",)
