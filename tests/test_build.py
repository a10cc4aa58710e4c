"""Real `mkdocs build` runs of small fixture sites, read back as HTML."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sites import BRAND_RONG, DISTRICT_MINHOU, Site, case, fuzhou_tree, make_site, page, with_minhou


@pytest.fixture(scope="module")
def fuzhou(tmp_path_factory: pytest.TempPathFactory) -> Site:
    site = make_site(tmp_path_factory.mktemp("fuzhou"), fuzhou_tree(), search=True)
    result = site.build("--strict")
    assert result.returncode == 0, result.stderr
    return site


def figure(html: str, label: str) -> str:
    """The number shown under a figure's label, e.g. figure(html, "案例") -> "4"."""
    match = re.search(r"<dt>" + re.escape(label) + r"</dt><dd>([^<]*)</dd>", html)
    assert match, f"no figure {label!r}"
    return match.group(1)


def case_links(html: str) -> list[str]:
    """Case URLs listed in the page's generated lists, in order."""
    return re.findall(r'class="sl-case__title" href="([^"]+)"', html)


# -- figures -----------------------------------------------------------------


def test_site_figures_are_sums_over_published_cases_with_joint_cases_once(fuzhou: Site) -> None:
    home = fuzhou.html("")
    # Published: dianshang (8/35/3), yiyuan (5/20/-), lianhe joint (4/12/2), zaoqi (1/-/-); the draft is not.
    assert figure(home, "案例") == "4"
    assert figure(home, "子品牌") == "2"  # minhou's and gulou's
    assert figure(home, "参与委员（人次）") == str(8 + 5 + 4 + 1)
    assert figure(home, "参与人数（人次）") == str(35 + 20 + 12)
    assert figure(home, "解决问题") == str(3 + 2)
    assert figure(home, "协商专报（期）") == "2"  # distinct bulletins: 第5期, 第7期


def test_district_figures_count_joint_cases_in_each_district(fuzhou: Site) -> None:
    minhou = fuzhou.html("districts/minhou/")
    gulou = fuzhou.html("districts/gulou/")
    assert figure(minhou, "案例") == "3"  # dianshang, lianhe, zaoqi
    assert figure(minhou, "参与委员（人次）") == str(8 + 4 + 1)
    assert figure(gulou, "案例") == "2"  # yiyuan, lianhe
    assert figure(gulou, "参与委员（人次）") == str(5 + 4)


def test_brand_figures_count_each_case_once(fuzhou: Site) -> None:
    brand = fuzhou.html("brands/rong/")
    assert figure(brand, "案例") == "4"
    assert figure(brand, "参与委员（人次）") == "18"


def test_a_figure_no_case_states_has_no_tile_neither_a_dash_nor_zero(tmp_path: Path) -> None:
    site = make_site(tmp_path, with_minhou({
        "cases/2024/a.md": page(case("甲", "2024-01-02", "minhou"), "正文。"),
    }))
    assert site.build("--strict").returncode == 0
    home = site.html("")
    assert figure(home, "案例") == "1"
    assert "<dt>参与委员（人次）</dt>" not in home and "<dt>协商专报（期）</dt>" not in home
    assert "<dd>—</dd>" not in home and "<dd>0</dd>" not in home


# -- lists -------------------------------------------------------------------


def test_district_index_lists_every_case_newest_first_grouped_by_year(fuzhou: Site) -> None:
    html = fuzhou.html("districts/minhou/")
    assert case_links(html) == [
        "../../cases/2024/dianshang/", "../../cases/2023/lianhe/", "../../cases/2023/zaoqi/",
    ]
    assert html.index('id="2024"') < html.index('id="2023"')


def test_joint_case_is_listed_in_both_districts(fuzhou: Site) -> None:
    assert "../../cases/2023/lianhe/" in case_links(fuzhou.html("districts/minhou/"))
    assert "../../cases/2023/lianhe/" in case_links(fuzhou.html("districts/gulou/"))


def test_highlights_follow_the_commendation_year_not_the_case_year(fuzhou: Site) -> None:
    html = fuzhou.html("highlights/2024/")
    links = case_links(html)
    assert "../../cases/2024/dianshang/" in links
    assert "../../cases/2023/lianhe/" in links  # a 2023 case commended in 2024
    assert not (fuzhou.site_dir / "highlights/2023").exists()
    assert "2024年度优秀案例" in fuzhou.html("highlights/")


def test_brand_page_puts_editor_prose_before_generated_figures(fuzhou: Site) -> None:
    html = fuzhou.html("brands/rong/")
    assert html.index("榕你来商量是福州市政协的协商品牌") < html.index('class="sl-figures"')
    assert "为你商量、请你商量、近你商量" in html
    assert "邑起来商量" in html  # its sub-brands
    assert 'href="../../highlights/2024/"' in html


def test_home_lists_brands_latest_highlights_and_latest_cases(fuzhou: Site) -> None:
    html = fuzhou.html("")
    assert "榕你来商量" in html and "邑起来商量" in html
    assert "2024年度优秀案例" in html
    assert case_links(html)[-4:] == [
        "cases/2024/dianshang/", "cases/2024/yiyuan/", "cases/2023/lianhe/", "cases/2023/zaoqi/",
    ]


def test_browser_tabs_name_the_page_then_the_site_and_the_home_page_once(fuzhou: Site) -> None:
    def tab(url: str) -> str:
        return re.search(r"<title>(.*?)</title>", fuzhou.html(url), re.S).group(1).strip()  # type: ignore[union-attr]

    assert tab("") == "测试站"
    assert tab("districts/minhou/") == "闽侯县 - 测试站"
    assert tab("cases/2024/dianshang/") == "推进县域电商直播基地建设 - 测试站"


# -- drafts ------------------------------------------------------------------


def test_a_draft_appears_nowhere(fuzhou: Site) -> None:
    assert not (fuzhou.site_dir / "cases/2024/caogao").exists()
    everything = fuzhou.all_text()
    assert "尚未发布的草稿案例" not in everything  # lists, sitemap, search index, tags
    assert "caogao" not in everything


def test_a_draft_is_not_in_the_search_index(fuzhou: Site) -> None:
    import gzip

    fragments = list((fuzhou.site_dir / "pagefind").rglob("*.pf_fragment"))
    assert fragments, "the search index was built"
    text = "".join(gzip.decompress(path.read_bytes()).decode("utf-8", "replace") for path in fragments)
    assert "推进县域电商直播基地建设" in text
    assert "草稿正文独有词汇" not in text


# -- case pages --------------------------------------------------------------


def test_case_page_has_metadata_panel_progress_and_neighbours(fuzhou: Site) -> None:
    html = fuzhou.html("cases/2024/dianshang/")
    assert "2024年6月18日" in html
    assert 'href="../../../brands/rong/"' in html
    assert 'href="../../../districts/minhou/"' in html
    assert "协商专报2024年第5期" in html
    assert 'href="../../../highlights/2024/"' in html
    current = re.findall(
        r'<li class="sl-stage[^"]*" aria-current="step">\s*<span class="sl-stage__name">(.+?)</span>', html
    )
    assert current == ["落实"]
    assert html.count("sl-stage--reached") == 6
    # In 闽侯县, the next older case is the joint case; there is no newer one.
    assert 'rel="prev">两地联合协商停车难' in html
    assert 'rel="next"' not in html


def test_joint_case_page_has_neighbours_in_each_district(fuzhou: Site) -> None:
    html = fuzhou.html("cases/2023/lianhe/")
    assert "闽侯县的其他案例" in html and "鼓楼区的其他案例" in html
    assert 'rel="prev">早期案例' in html  # 闽侯县: older
    assert 'rel="next">推进县域电商直播基地建设' in html  # 闽侯县: newer
    assert 'rel="next">加强平安医院建设' in html  # 鼓楼区: newer


def test_default_status_shows_three_stages_reached(fuzhou: Site) -> None:
    html = fuzhou.html("cases/2024/yiyuan/")
    assert html.count("sl-stage--reached") == 3  # 选题 调研 协商
    assert "进展：协商" in html


def test_chinese_headings_get_chinese_anchors(fuzhou: Site) -> None:
    assert 'id="过程"' in fuzhou.html("cases/2024/dianshang/")


def test_cases_stay_out_of_the_navigation(fuzhou: Site) -> None:
    html = fuzhou.html("")
    nav = html[html.index('class="md-nav md-nav--primary"'):html.index('class="md-content"')]
    assert "cases/20" not in nav, "no case page, nor a year's list of them"
    assert 'href="cases/"' in nav, "the case finder is in it"
    for title in ("案例查找", "协商品牌", "区县子品牌", "优秀案例"):
        assert title in nav


def test_topics_use_material_tags(fuzhou: Site) -> None:
    assert "电商" in fuzhou.html("cases/2024/dianshang/")


# -- editors' input ------------------------------------------------------------


def test_front_matter_markup_is_shown_as_text(tmp_path: Path) -> None:
    site = make_site(tmp_path, {
        "brands/rong.md": page({**BRAND_RONG, "name": "<b>榕</b>你来商量"}),
        "districts/minhou.md": page(DISTRICT_MINHOU),
        "cases/2024/x.md": page(
            case("<script>alert(1)</script>标题", "2024-01-02", "minhou", summary="<img src=x onerror=alert(2)>摘要"),
            "正文。",
        ),
    })
    assert site.build("--strict").returncode == 0, site.build().stderr
    everything = site.all_text()
    assert "<script>alert(1)" not in everything
    assert "<img src=x" not in everything
    assert "<b>榕</b>" not in everything
    assert "&lt;script&gt;alert(1)&lt;/script&gt;标题" in site.html("cases/2024/x/")


def test_urls_are_lowercased(tmp_path: Path) -> None:
    site = make_site(tmp_path, with_minhou({
        "cases/2024/MixedCase.md": page(case("大小写", "2024-01-02", "minhou"), "正文。"),
    }))
    assert site.build("--strict").returncode == 0
    assert (site.site_dir / "cases/2024/mixedcase/index.html").exists()
    assert "cases/2024/mixedcase/" in case_links(site.html(""))


def test_errors_fail_the_build_one_line_each_without_traceback(tmp_path: Path) -> None:
    site = make_site(tmp_path, with_minhou({
        "districts/bad.md": page({"name": "坏区", "brand": "nope"}),
        "cases/2024/a.md": "---\ntitle: 甲\ndate: 2024-13-45\ndistrict: minhou\nformat: 微协商\n---\n正文。\n",
        "cases/2024/b.md": page(case("乙", "2024-01-02", "nowhere", format="座谈"), "正文。"),
        "cases/2024/c.md": "---\ntitle: [unclosed\n---\n",
        "cases/2024/d.md": "title: 无前言\n".encode("gbk"),
    }))
    result = site.build()
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for line in (
        "cases/2024/a.md: date（协商日期）: 不是日期（写的是 '2024-13-45'；应写成 YYYY-MM-DD、YYYY-MM 或 YYYY）",
        "cases/2024/b.md: district（区县）: 未知的区县（写的是 'nowhere'；应是 bad, minhou 之一）",
        "cases/2024/b.md: format（协商形式）: 不是可用的值（写的是 '座谈'；应是 微协商、",
        "cases/2024/c.md: front matter（页头）: 不是有效的 YAML（第 3 行",
        "cases/2024/d.md: 不是 UTF-8 文本",
        "districts/bad.md: brand（所属品牌）: 未知的品牌（写的是 'nope'；应是 rong 之一）",
        "内容有 6 处错误",
    ):
        assert line in result.stderr


def test_warnings_fail_only_a_strict_build(tmp_path: Path) -> None:
    site = make_site(tmp_path, with_minhou({
        "cases/2023/a.md": page(case("甲", "2024-01-02", "minhou", memebrs=3), "正文。"),
    }))
    relaxed = site.build()
    assert relaxed.returncode == 0
    assert "cases/2023/a.md: memebrs: 未知字段，已忽略（是不是想写 members（参加委员）？）" in relaxed.stderr
    assert "cases/2023/a.md: date（协商日期）: 年份 2024 与所在文件夹 cases/2023/ 不一致" in relaxed.stderr
    assert site.build("--strict").returncode == 1


def test_dirty_rebuild_keeps_every_list_complete(tmp_path: Path) -> None:
    site = make_site(tmp_path, fuzhou_tree())
    assert site.build().returncode == 0
    site.write("cases/2024/xinde.md", page(case("新增的案例", "2024-08-08", "minhou"), "新增。"))
    assert site.build("--dirty").returncode == 0
    links = case_links(site.html(""))
    assert "cases/2024/xinde/" in links and "cases/2023/zaoqi/" in links


def test_generated_headings_are_in_the_table_of_contents_and_exist(fuzhou: Site) -> None:
    html = fuzhou.html("districts/minhou/")
    toc = html[html.index('class="md-nav md-nav--secondary"'):html.index('class="md-content"')]
    anchors = re.findall(r'href="#([^"]+)"', toc)
    assert anchors[:4] == ["figures", "cases", "2024", "2023"]
    for anchor in anchors:
        assert f'id="{anchor}"' in html


def test_editor_highlight_page_prose_comes_first_and_makes_its_year(tmp_path: Path) -> None:
    tree = fuzhou_tree()
    tree["highlights/2024.md"] = page({"title": "2024年度优秀微协商案例"}, "年终通报表扬了十个案例。")
    tree["highlights/2023.md"] = page({"title": "2023年度"}, "这一年的名单尚未整理。")
    site = make_site(tmp_path, tree)
    assert site.build("--strict").returncode == 0
    html = site.html("highlights/2024/")
    assert html.index("年终通报表扬了十个案例") < html.index('class="sl-case__title"')
    assert "../../cases/2024/dianshang/" in case_links(html)
    assert "本年度暂无优秀案例" in site.html("highlights/2023/")  # a year with only an editor page


def test_a_cover_image_is_shown_on_its_case(tmp_path: Path) -> None:
    tree = fuzhou_tree()
    tree["cases/2024/dianshang.md"] = tree["cases/2024/dianshang.md"].replace(
        "title: 推进", "cover: zhibo.png\ntitle: 推进"
    )
    site = make_site(tmp_path, tree)
    site.write("cases/2024/zhibo.png", b"\x89PNG\r\n\x1a\n")
    assert site.build("--strict").returncode == 0
    assert '<img class="sl-cover" src="../zhibo.png"' in site.html("cases/2024/dianshang/")
    assert (site.site_dir / "cases/2024/zhibo.png").is_file()
