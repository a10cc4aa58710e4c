"""Content model v2 in real builds: what the pages say when a tree uses the v2 fields.

One v2 tree, built once with `mkdocs build --strict`: a brand with official figures, a
commendation of 10 cases of which the site holds 3, a committee sub-brand and a brand
matrix; a district with a sub-brand, one without (市本级) and a partner; a venue; cases
dated to a day, a month and a year; a case with dated stages and partners.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sites import Site, case, make_site, page

BRAND = {
    "name": "榕你来商量", "organisation": "福州市政协", "matrix": ["走进政协", "委员在行动"],
    "sub_brands": [{"name": "想方设法", "organisation": "提案委员会"}],
    "figures": {2024: {"activities": "百余场", "members": 120, "bulletins": 11,
                       "source": {"name": "人民政协网", "url": "https://example.org/a", "date": "2025-01-06"}}},
    "commendations": {2024: {"cases": 10, "others": {"优秀委员": 80},
                             "source": {"name": "福州日报", "date": "2025-01-10"}}},
}  # fmt: skip
MINHOU = {"name": "闽侯县", "brand": "rong", "sub_brand": "邑起来商量"}
SHIBENJI = {"name": "福州市本级", "brand": "rong"}
PARTNER = {"name": "隆昌市", "brand": "rong", "partner": True, "sub_brand": "不算子品牌"}
VENUE = {"name": "甘蔗街道委员联系点", "type": "委员联系点", "district": "minhou", "opened": "2024-03"}


def _tree() -> dict[str, str]:
    return {
        "brands/rong.md": page(BRAND, "福州市政协的协商品牌。"),
        "districts/minhou.md": page(MINHOU, "闽侯。"),
        "districts/shibenji.md": page(SHIBENJI, "市本级。"),
        "districts/longchang.md": page(PARTNER, "四川的协作方。"),
        "venues/ganzhe.md": page(VENUE, "联系点。"),
        "cases/2024/day-late.md": page(
            case("五月下旬的案例", "2024-05-20", "minhou", highlight=2024, members=3), "甲。"
        ),
        "cases/2024/month.md": page(case("只知道五月的案例", "2024-05", "minhou", highlight=2024, venue="ganzhe",
                                         members=4), "乙。"),
        "cases/2024/day-early.md": page(case("五月上旬的案例", "2024-05-02", "minhou", highlight=2024), "丙。"),
        "cases/2024/year.md": page(case("只知道年份的案例", 2024, "minhou"), "丁。"),
        "cases/2024/june.md": page(case("六月的案例", "2024-06-18", ["minhou", "longchang"], status="落实",
                                        stages={"选题": "2024-05", "协商": "2024-06-18", "落实": "2024-09"},
                                        partners=["内江市政协"]), "戊。"),
    }  # fmt: skip


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    built = make_site(tmp_path_factory.mktemp("v2"), _tree())
    result = built.build("--strict")
    assert result.returncode == 0, result.stderr
    return built


def titles_in_order(html: str) -> list[str]:
    return re.findall(r'class="sl-case__title"[^>]*>([^<]+)</a>', html)


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_a_month_only_case_follows_the_dated_cases_of_its_month_and_a_year_only_case_the_whole_year(site: Site):
    assert titles_in_order(site.html("districts/minhou/")) == [
        "六月的案例", "五月下旬的案例", "五月上旬的案例", "只知道五月的案例", "只知道年份的案例",
    ]


def test_dates_are_shown_as_precisely_as_written(site: Site):
    html = site.html("districts/minhou/")
    assert '<time datetime="2024-05">2024年5月</time>' in html
    assert '<time datetime="2024">2024年</time>' in html
    assert '<time datetime="2024-05-20">2024年5月20日</time>' in html
    assert "2024年5月1日" not in html and "2024年1月1日" not in html  # no invented day


def test_official_figures_are_shown_as_published_beside_the_sums_of_this_sites_cases(site: Site):
    text = text_of(site.html("brands/rong/"))
    assert "本站收录" in text and "2024年 · 委员会公布" in text
    assert "各类活动 百余场" in text and "协商专报 11" in text
    assert "参与委员 120" in text  # the committee's figure …
    assert "参与委员（人次） 7" in text  # … beside the sum of the cases that state one (3 + 4)
    assert "来源：人民政协网（2025年1月6日）" in text
    assert "—" not in text  # no dash for a figure nobody states


def test_a_figure_nobody_states_has_no_tile(site: Site):
    home = text_of(site.html(""))
    assert "参与人数" not in home and "解决问题" not in home
    assert "—" not in home


def test_sub_brands_are_districts_with_a_sub_brand_and_the_brands_own_partners_excluded(site: Site):
    text = text_of(site.html("brands/rong/"))
    assert "子品牌 2 个：邑起来商量、想方设法。" in text
    assert "不算子品牌" not in text.split("协作方")[0]  # the partner's name is listed only as a partner
    assert "协作方参与本品牌的联合协商，不计入子品牌。" in text and "隆昌市" in text
    assert "「走进政协」、「委员在行动」" in text
    assert "子品牌 2" in text_of(site.html(""))  # home: the same rule


def test_a_partner_district_page_says_it_is_a_partner(site: Site):
    assert "隆昌市是协作方：参与榕你来商量的联合协商，不是它的子品牌。" in text_of(site.html("districts/longchang/"))


def test_the_highlight_page_says_how_many_were_commended_and_how_many_the_site_holds(site: Site):
    text = text_of(site.html("highlights/2024/"))
    assert "福州市政协2024年度通报表扬优秀案例 10 个，本站收录其中 3 个。" in text
    assert "同时通报表扬：优秀委员 80。" in text
    assert "来源：福州日报（2025年1月10日）" in text


def test_a_venue_page_lists_its_cases_and_its_district_lists_the_venue(site: Site):
    venue = site.html("venues/ganzhe/")
    assert titles_in_order(venue) == ["只知道五月的案例"]
    assert "委员联系点" in venue and "2024年3月" in venue
    district = text_of(site.html("districts/minhou/")).replace(" ", "")
    assert "协商阵地委员联系点1个：甘蔗街道委员联系点1个案例" in district
    assert "甘蔗街道委员联系点" in text_of(site.html("brands/rong/"))


def test_a_case_naming_a_venue_key_links_the_venue(site: Site):
    html = site.html("cases/2024/month/")
    assert re.search(r"<dt>地点</dt><dd[^>]*><a href=\"[./]*venues/ganzhe/\">甘蔗街道委员联系点</a>", html)


def test_dated_stages_make_a_timeline_and_every_list_shows_the_stage_reached(site: Site):
    html = site.html("cases/2024/june/")
    assert '<time datetime="2024-05">2024年5月</time> 选题' in html
    assert '<time datetime="2024-09">2024年9月</time> 落实' in html
    assert re.search(r"<dt>协作方</dt><dd[^>]*>内江市政协</dd>", html)
    listing = site.html("districts/minhou/")
    assert listing.count('sl-badge--resolved">已落实') == 1
    assert listing.count('sl-badge--stage">进展：协商') == 4


def test_the_site_has_no_dead_internal_link(site: Site):
    from link_check import broken_links, report

    broken = broken_links(Path(site.site_dir))
    assert not broken, report(broken)


def test_every_v2_value_written_in_front_matter_is_shown_as_text(tmp_path: Path):
    """Matrix, sub-brands, official figures, commendations, venues, partners: markup in any of them stays text."""
    from hostile import active_markup, hostile

    brand = {
        **BRAND, "matrix": [hostile("矩阵")],
        "sub_brands": [{"name": hostile("子品牌"), "organisation": hostile("委员会")}],
        "figures": {2024: {"activities": hostile("百余场"), "source": {"name": hostile("来源")}}},
        "commendations": {2024: {"cases": 10, "others": {hostile("优秀委员"): hostile("80名")},
                                 "source": {"name": hostile("日报")}}},
    }  # fmt: skip
    venue = {**VENUE, "name": hostile("联系点"), "address": hostile("地址")}
    tree = _tree() | {
        "brands/rong.md": page(brand, "品牌。"),
        "venues/ganzhe.md": page(venue, "联系点。"),
        "cases/2024/june.md": page(case("六月的案例", "2024-06-18", "minhou", partners=[hostile("协作方")],
                                        highlight=2024), "戊。"),
    }  # fmt: skip
    built = make_site(tmp_path, tree)
    result = built.build()
    assert result.returncode == 0, result.stderr
    shown = {url: built.html(url) for url in ("brands/rong/", "highlights/2024/", "venues/ganzhe/",
                                              "cases/2024/june/", "districts/minhou/")}  # fmt: skip
    for url, html in shown.items():
        assert active_markup(html) == [], url
    assert "矩阵" in shown["brands/rong/"] and "百余场" in shown["brands/rong/"]
    assert "80名" in shown["highlights/2024/"] and "协作方" in shown["cases/2024/june/"]
