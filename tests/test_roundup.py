"""Annual roundups without a build: the year's data, its Markdown, merging into the editor's file, charts.

The expectations are written out by hand from the small trees below, never computed
by the code under test. `TREE` is a v1 tree; `V2_TREE` adds content model v2's official
figures and commendations, and dates with only a month or only a year.
"""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from generated_tree import BRANDS, DISTRICTS, build, generated_cases

from shangliang.pages.grouping import Index
from shangliang.roundup.blocks import BLOCKS, render
from shangliang.roundup.charts import ColumnChart, column_chart_svg, fingerprint_of
from shangliang.roundup.figures import case_years, natural_key, roundups_of
from shangliang.roundup.files import plan_roundups
from shangliang.roundup.merge import RoundupFileError, merge, new_file

# gulou, minhou: brand rong; rongchang: brand yu (see generated_tree.DISTRICTS).
TREE = {
    "cases/2024/a.md": {
        "title": "甲案例", "date": "2024-03-05", "district": "gulou", "format": "微协商", "members": 5,
        "status": "落实", "tags": ["养老", "交通"], "reports": ["协商专报2024年第10期", "协商专报2024年第2期"],
    },
    "cases/2024/b.md": {
        "title": "乙联合案例", "date": "2024-03-20", "district": ["gulou", "minhou"], "format": "民情座谈会",
        "members": 3, "problems_solved": 2, "status": "办理", "tags": ["养老"],
        "reports": ["协商专报2024年第2期"], "highlight": 2024, "summary": "两区联合协商养老服务。",
    },
    "cases/2024/c.md": {"title": "丙案例", "date": "2024-12-01", "district": "rongchang", "format": "微协商"},
    "cases/2024/draft.md": {
        "title": "草稿", "date": "2024-06-01", "district": "minhou", "format": "微协商", "members": 100,
        "draft": True,
    },
    "cases/2023/d.md": {
        "title": "丁案例", "date": "2023-05-01", "district": "minhou", "format": "微协商", "members": 4,
        "highlight": 2024,
    },
}


@pytest.fixture(scope="module")
def index() -> Index:
    return Index(build(TREE).catalogue)


def rendered_blocks(index: Index, year: int) -> dict[str, str]:
    roundup = roundups_of(index, [year])[year]
    return render(roundup, index.catalogue, highlight_page=year in index.highlight_years).blocks


def html_of(text: str) -> str:
    return markdown.markdown(text, extensions=["tables"])


# --------------------------------------------------------------------------- the year's data


def test_figures_count_a_joint_case_once_and_leave_out_drafts(index: Index) -> None:
    roundup = roundups_of(index, [2024])[2024]
    figures = roundup.figures
    assert figures.cases == 3
    assert figures.districts == 3  # gulou, minhou, rongchang
    assert figures.members == 8  # 5 + 3; the draft's 100 is not counted
    assert figures.participants is None  # no case states it: not 0
    assert figures.problems_solved == 2
    assert figures.bulletins == 2


def test_last_years_figures_come_with_this_years(index: Index) -> None:
    roundups = roundups_of(index, [2024, 2023])
    assert roundups[2024].previous is not None
    assert (roundups[2024].previous.cases, roundups[2024].previous.members) == (1, 4)
    assert roundups[2023].previous is None  # no case in 2022


def test_brands_count_their_own_cases_and_districts_count_joint_cases_in_each(index: Index) -> None:
    roundup = roundups_of(index, [2024])[2024]
    rows = {group.brand.key: group for group in roundup.brands}
    assert list(rows) == ["rong", "yu"]
    assert rows["rong"].figures.cases == 2
    assert rows["rong"].figures.members == 8
    assert {row.district.key: row.figures.cases for row in rows["rong"].districts} == {"gulou": 2, "minhou": 1}
    assert {row.district.key: row.figures.cases for row in rows["yu"].districts} == {"rongchang": 1}


def test_formats_stages_months_topics_and_bulletins(index: Index) -> None:
    roundup = roundups_of(index, [2024])[2024]
    assert [(row.name, row.count) for row in roundup.formats] == [("微协商", 2), ("民情座谈会", 1)]
    stages = {row.stage: (row.at_stage, row.reached) for row in roundup.stages}
    assert stages == {"选题": (0, 3), "调研": (0, 3), "协商": (1, 3), "报送": (0, 2), "办理": (1, 2), "落实": (1, 1)}
    assert roundup.implemented == 1
    assert roundup.months == (0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1)
    assert [(row.name, row.count) for row in roundup.topics] == [("养老", 2), ("交通", 1)]
    bulletins = [(bulletin.name, [case.title for case in bulletin.cases]) for bulletin in roundup.bulletins]
    assert bulletins == [("协商专报2024年第2期", ["甲案例", "乙联合案例"]), ("协商专报2024年第10期", ["甲案例"])]


def test_commended_cases_are_those_of_the_commendation_year(index: Index) -> None:
    roundup = roundups_of(index, [2024, 2023])
    assert {case.title for case in roundup[2024].highlights} == {"乙联合案例", "丁案例"}
    assert roundup[2023].highlights == ()


def test_numbers_inside_names_sort_by_value() -> None:
    names = ["第10期", "第2期", "第1期"]
    assert sorted(names, key=natural_key) == ["第1期", "第2期", "第10期"]


# --------------------------------------------------------------------------- Markdown


def test_headline_table_shows_the_change_and_leaves_out_figures_no_case_states(index: Index) -> None:
    figures = rendered_blocks(index, 2024)["figures"]
    assert "| 案例 | 3（+2） | 1 |" in figures
    assert "| 参与委员 | 8（+4） | 4 |" in figures
    assert "参与人数 |" not in figures  # no case of 2024 states it: no row, no dash, no 0
    assert "本年度没有案例填写参与人数，表中未列出。" in figures
    # Stated this year, not last year: this year's figure, no change, and last year's cell says why.
    assert "| 解决问题 | 2 | 未填写 |" in figures
    assert "| 协商专报 | 2 | 未填写 |" in figures  # no case of 2023 names a bulletin
    assert "“未填写”表示上年的案例均未填写该项数据。" in figures
    assert "本站收录2024年的案例3件，比上年增加2件，其中1件已进入“落实”阶段。" in figures
    assert "表中为本站收录的已发布案例的合计" in figures


def test_without_last_year_the_headline_table_has_one_year(index: Index) -> None:
    figures = rendered_blocks(index, 2023)["figures"]
    assert "| 指标 | 2023年 |" in figures
    assert "| 案例 | 1 |\n| 有案例的区县 | 1 |\n| 参与委员 | 4 |\n\n" in figures  # and nothing else
    assert "本年度没有案例填写参与人数、解决问题、协商专报，表中未列出。" in figures
    assert "本站没有收录2022年的案例，无法与上年比较。" in figures
    assert "未填写" not in figures


def test_district_table_links_pages_and_counts_joint_cases_in_each_district(index: Index) -> None:
    districts = rendered_blocks(index, 2024)["districts"]
    assert "| **[榕你来商量](../brands/rong.md)**（合计） | 2 | 8 | 2 |" in districts
    assert "| [鼓楼区](../districts/gulou.md) | 2 | 8 | 2 |" in districts
    assert "| [闽侯县](../districts/minhou.md) · 邑起来商量 | 1 | 3 | 2 |" in districts
    assert "| **[渝事好商量](../brands/yu.md)**（合计） | 1 | 未填写 | 未填写 |" in districts
    assert "本年度没有案例填写参与人数，表中未列出。“未填写”表示该行的案例均未填写该项数据。" in districts


def test_months_chart_is_an_image_whose_alt_text_states_the_numbers(index: Index) -> None:
    roundup = roundups_of(index, [2024])[2024]
    rendered = render(roundup, index.catalogue, highlight_page=True)
    assert list(rendered.charts) == ["2024-months.svg"]
    image = re.search(r"!\[([^\]]*)\]\(2024-months\.svg\)", rendered.blocks["months"])
    assert image is not None
    assert "3月2件" in image.group(1) and "12月1件" in image.group(1) and "全年共3件" in image.group(1)
    # A v1 tree: every case has a day, so the chart and its words are as they always were.
    assert roundup.months_unknown == 0
    assert rendered.charts["2024-months.svg"].alt == (
        "2024年各月案例数柱状图：1月0件，2月0件，3月2件，4月0件，5月0件，6月0件，7月0件，8月0件，9月0件，"
        "10月0件，11月0件，12月1件，全年共3件"
    )
    assert rendered.blocks["months"].endswith("\n\n按案例的协商日期统计。\n")


def test_commended_cases_come_with_links_and_summaries(index: Index) -> None:
    highlights = rendered_blocks(index, 2024)["highlights"]
    assert "[乙联合案例](../cases/2024/b.md)" in highlights
    assert "鼓楼区、闽侯县" in highlights
    assert "两区联合协商养老服务。" in highlights
    assert "[2024年度优秀案例](../highlights/2024.md)" in highlights


def test_front_matter_text_is_escaped_not_read_as_markup() -> None:
    tree = {"cases/2024/x.md": {
        "title": "<script>alert(1)</script> *强调* [链接](http://x) | 竖线", "date": "2024-01-02",
        "district": "gulou", "format": "微协商", "highlight": True, "tags": ["<b>粗</b>"],
        "reports": ["专报_1_"], "summary": "摘要 <img src=x onerror=alert(1)> {: #id }",
    }}
    index = Index(build(tree).catalogue)
    text = "\n".join(rendered_blocks(index, 2024).values())
    html = html_of(text)
    assert "<script>" not in html and "<img src=x" not in html and "<b>粗" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; *强调* [链接](http://x) | 竖线" in html
    assert "专报_1_" in html and "<em>" not in html
    assert "&lt;img src=x onerror=alert(1)&gt; {: #id }" in html


# --------------------------------------------------------------------------- content model v2

V2_TREE = {
    **TREE,
    "brands/rong.md": {
        **BRANDS["rong"],
        "figures": {
            2024: {"activities": "百余场", "consultations": "45场以上", "members": 800, "problems_solved": "20多个",
                   "bulletins": 11, "venues": 45,
                   "source": {"name": "人民政协网", "url": "https://example.org/news?id=1&p=(2)",
                              "date": "2025-01-06"}},
            2023: {"activities": "五十余场"},
        },
        "commendations": {2024: {
            "cases": 10, "others": {"优秀委员": 80, "优秀委员联系点": 10, "优秀社情民意信息": 60, "好提案": "30件"},
            "source": {"name": "福州日报", "date": "2025-01-10"},
        }},
    },
    "brands/yu.md": {**BRANDS["yu"], "commendations": {
        2024: {"cases": 5},
        2023: {"others": {"优秀委员": "50余名"}},
    }},
    "districts/minhou.md": {
        **DISTRICTS["minhou"], "figures": {2024: {"participants": 1967, "source": {"name": "闽侯县政协"}}},
    },
    "districts/lianjiang.md": {**DISTRICTS["lianjiang"], "figures": {2024: {"activities": 12}}},  # no case at all
    "cases/2024/m.md": {"title": "只写明月份", "date": "2024-03", "district": "gulou", "format": "微协商"},
    "cases/2024/y.md": {
        "title": "只写明年份", "date": "2024", "district": "gulou", "format": "微协商", "highlight": True,
    },
}
"""TREE, plus: rong's official figures and commendation (10 commended; the site holds b, d and y of them), yu's
commendation of 5 (none held), official figures of minhou and of lianjiang (which has no case), a case of March
2024 without a day and a case of 2024 without a month."""


@pytest.fixture(scope="module")
def v2_index() -> Index:
    return Index(build(V2_TREE).catalogue)


def all_text(blocks: dict[str, str]) -> str:
    return "\n".join(blocks.values())


def table_cells(block: str) -> list[str]:
    return [cell.strip() for line in block.splitlines() if line.startswith("|") for cell in line.strip("|").split("|")]


def test_v2_a_year_only_case_counts_in_its_year_but_in_no_month(v2_index: Index) -> None:
    roundup = roundups_of(v2_index, [2024])[2024]
    assert roundup.figures.cases == 5
    assert roundup.months == (0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 1)  # a, b and the month-only m in March
    assert roundup.months_unknown == 1
    chart = render(roundup, v2_index.catalogue, highlight_page=True).charts["2024-months.svg"]
    assert sum(chart.values) == 4
    assert chart.alt.endswith("12月1件，全年共5件，其中1件只写明年份、月份不详，未计入图中")
    months = rendered_blocks(v2_index, 2024)["months"]
    assert "另有1件案例的来源只写明年份（月份不详），无法归入某个月，未计入图中；只写明月份的案例计入该月。" in months


def test_v2_a_year_with_only_a_year_only_case_has_a_roundup_with_an_empty_chart() -> None:
    index = Index(build({"cases/2022/y.md": {"title": "旧", "date": "2022", "district": "gulou", "format": "微协商"}})
                  .catalogue)
    assert case_years(index) == [2022]
    roundup = roundups_of(index, [2022])[2022]
    assert (roundup.figures.cases, roundup.months, roundup.months_unknown) == (1, (0,) * 12, 1)
    assert "全年共1件，其中1件只写明年份、月份不详，未计入图中" in months_chart_alt(index, 2022)


def months_chart_alt(index: Index, year: int) -> str:
    return render(roundups_of(index, [year])[year], index.catalogue, highlight_page=False).charts[
        f"{year}-months.svg"].alt


def test_v2_official_figures_are_shown_as_published_beside_a_different_collected_sum(v2_index: Index) -> None:
    figures = rendered_blocks(v2_index, 2024)["figures"]
    # What the site holds is still the site's own sum, labelled as such: the official 800 replaces nothing.
    assert "| 参与委员 | 8（+4） | 4 |" in figures
    assert "### 委员会公布的数据" in figures
    rong = figures[figures.index("**[福州市政协 · 榕你来商量](../brands/rong.md)**"):]
    official, held = rong.splitlines()[2:4]
    assert official == (
        "- 委员会公布：各类活动 百余场，协商活动 45场以上，参与委员 800，解决问题 20多个，协商专报 11，协商阵地 45。"
        "来源：[人民政协网](https://example.org/news?id=1&p=%282%29)（2025年1月6日）。"
    )
    assert held == "- 本站收录：案例 4件，参与委员 8人次，解决问题 2个，协商专报 2期。"  # a, b, m, y


def test_v2_a_districts_official_figure_no_case_states_is_shown_and_never_summed(v2_index: Index) -> None:
    figures = rendered_blocks(v2_index, 2024)["figures"]
    assert "参与人数 |" not in figures  # no case states participants: the site shows no sum of them
    minhou = figures[figures.index("**[闽侯县 · 邑起来商量](../districts/minhou.md)**"):].splitlines()[2:4]
    assert minhou == ["- 委员会公布：参与人数 1,967。来源：闽侯县政协。",
                      "- 本站收录：案例 1件，参与委员 3人次，解决问题 2个，协商专报 1期。"]
    lianjiang = figures[figures.index("**[连江县](../districts/lianjiang.md)**"):].splitlines()[2:4]
    assert lianjiang == ["- 委员会公布：各类活动 12。", "- 本站收录：没有该政协2024年的案例。"]


def test_v2_official_figures_are_those_of_the_roundups_year_only(v2_index: Index) -> None:
    figures_2023 = rendered_blocks(v2_index, 2023)["figures"]
    assert "- 委员会公布：各类活动 五十余场。" in figures_2023
    assert "百余场" not in figures_2023 and "闽侯县 · 邑起来商量" not in figures_2023
    assert "五十余场" not in rendered_blocks(v2_index, 2024)["figures"]


def test_v2_a_v1_tree_has_no_official_section(index: Index) -> None:
    assert "委员会公布" not in all_text(rendered_blocks(index, 2024))


def test_v2_the_commendation_says_how_many_were_commended_and_how_many_the_site_holds(v2_index: Index) -> None:
    highlights = rendered_blocks(v2_index, 2024)["highlights"]
    assert (
        "福州市政协通报表扬2024年度优秀案例10件，本站收录其中3件。"
        "同时通报表扬：优秀委员 80，优秀委员联系点 10，优秀社情民意信息 60，好提案 30件。"
        "来源：福州日报（2025年1月10日）。"
    ) in highlights
    assert "重庆市政协通报表扬2024年度优秀案例5件，本站尚未收录其中的案例。" in highlights
    assert "本站收录的2024年度通报表扬的优秀案例3件（另见[2024年度优秀案例](../highlights/2024.md)）：" in highlights
    assert highlights.count("\n- **[") == 3
    assert "- **[只写明年份](../cases/2024/y.md)**（鼓楼区 · 微协商 · 2024年）" in highlights


def test_v2_a_commendation_without_a_count_lists_what_it_commended_and_invents_no_count(v2_index: Index) -> None:
    highlights = rendered_blocks(v2_index, 2023)["highlights"]
    assert highlights == "## 优秀案例\n\n重庆市政协2023年度通报表扬：优秀委员 50余名。\n"


@pytest.mark.parametrize("tree_name", ["TREE", "V2_TREE", "generated"])
def test_no_dash_and_no_zero_tile_stands_for_a_figure_no_case_states(tree_name: str) -> None:
    cases = {"TREE": TREE, "V2_TREE": V2_TREE}.get(tree_name) or generated_cases()
    index = Index(build(cases).catalogue)
    for year in case_years(index):
        blocks = rendered_blocks(index, year)
        assert "—" not in all_text(blocks), year
        if tree_name != "generated":  # its random cases may state a 0, which is then shown
            # No case of these trees states a 0: a 0 in these tables would be a sum no case states.
            for name in ("figures", "districts"):
                assert "0" not in table_cells(blocks[name]), (year, name)


# --------------------------------------------------------------------------- merging into the editor's file

PROSE_TOP = "---\ntitle: 二〇二四年综述（编辑改过的标题）\n---\n\n编辑写的导语，   带空格和*星号*。\n\n"
PROSE_MIDDLE = "\n编辑在两个块之间写的评论。\n\n"
PROSE_END = "\n## 编辑的结语\n\n最后一段，没有换行结尾"


def edited_file(blocks: dict[str, str], newline: str = "\n") -> str:
    """A roundup file as an editor left it: prose around and between stale generated blocks."""
    parts = [PROSE_TOP]
    for position, name in enumerate(BLOCKS):
        parts.append(f"<!-- shangliang:roundup begin {name} -->\n旧的内容\n<!-- shangliang:roundup end {name} -->\n")
        if position == 2:
            parts.append(PROSE_MIDDLE)
    parts.append(PROSE_END)
    return "".join(parts).replace("\n", newline)


def outside_blocks(text: str) -> str:
    return re.sub(r"<!-- shangliang:roundup begin (\S+) -->.*?<!-- shangliang:roundup end \1 -->", "[块]",
                  text, flags=re.DOTALL)


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["LF", "CRLF"])
def test_merge_replaces_the_blocks_and_keeps_every_other_byte(index: Index, newline: str) -> None:
    roundup = roundups_of(index, [2024])[2024]
    rendered = render(roundup, index.catalogue, highlight_page=True)
    existing = edited_file(rendered.blocks, newline)
    merged = merge(existing, rendered, src_uri="roundups/2024.md")
    assert outside_blocks(merged) == outside_blocks(existing)
    assert "旧的内容" not in merged
    assert rendered.blocks["figures"].replace("\n", newline) in merged
    if newline == "\r\n":
        assert "\n" not in merged.replace("\r\n", "")


def test_merge_is_idempotent_and_a_new_file_merges_to_itself(index: Index) -> None:
    roundup = roundups_of(index, [2024])[2024]
    rendered = render(roundup, index.catalogue, highlight_page=True)
    once = merge(edited_file(rendered.blocks), rendered, src_uri="roundups/2024.md")
    assert merge(once, rendered, src_uri="roundups/2024.md") == once
    fresh = new_file(2024, rendered)
    assert fresh.startswith("---\ntitle: 2024年度综述\n---\n")
    assert merge(fresh, rendered, src_uri="roundups/2024.md") == fresh


def test_a_block_missing_from_the_file_is_added_in_its_place(index: Index) -> None:
    roundup = roundups_of(index, [2024])[2024]
    rendered = render(roundup, index.catalogue, highlight_page=True)
    fresh = new_file(2024, rendered)
    without = re.sub(r"<!-- shangliang:roundup begin stages -->.*?end stages -->\n\n", "", fresh, flags=re.DOTALL)
    assert "begin stages" not in without
    merged = merge(without, rendered, src_uri="roundups/2024.md")
    order = [merged.index(f"begin {name} -->") for name in BLOCKS]
    assert order == sorted(order)
    assert merge(merged, rendered, src_uri="roundups/2024.md") == merged


def test_a_file_without_blocks_gets_them_after_the_prose(index: Index) -> None:
    roundup = roundups_of(index, [2024])[2024]
    rendered = render(roundup, index.catalogue, highlight_page=True)
    prose = "---\ntitle: 综述\n---\n\n只有编辑的文字"
    merged = merge(prose, rendered, src_uri="roundups/2024.md")
    assert merged.startswith(prose + "\n")
    assert all(f"begin {name} -->" in merged for name in BLOCKS)


@pytest.mark.parametrize(
    ("text", "expected", "english"),
    [
        ("a\n<!-- shangliang:roundup begin figures -->\nx\n", "roundups/2024.md: 块“figures”没有结束行",
         "block 'figures' has no end line"),
        ("<!-- shangliang:roundup end figures -->\n",
         "roundups/2024.md: 第 1 行：块“figures”的结束行前面没有它的开始行", "line 1: end of block 'figures' without"),
        ("<!-- shangliang:roundup begin figures -->\n<!-- shangliang:roundup begin months -->\n",
         "roundups/2024.md: 第 2 行：块“months”开始在块“figures”里面",
         "line 2: block 'months' begins inside block 'figures'"),
    ],
    ids=["no end", "no begin", "nested"],
)
def test_markers_that_do_not_pair_up_are_reported_with_file_and_line(
    index: Index, text: str, expected: str, english: str,
) -> None:
    roundup = roundups_of(index, [2024])[2024]
    rendered = render(roundup, index.catalogue, highlight_page=True)
    with pytest.raises(RoundupFileError) as raised:
        merge(text, rendered, src_uri="roundups/2024.md")
    assert str(raised.value).startswith(expected)
    assert raised.value.src_uri == "roundups/2024.md" and raised.value.reason("en").startswith(english)


# --------------------------------------------------------------------------- files and staleness


def test_written_roundups_are_current_until_a_case_or_a_chart_changes(tmp_path: Path, index: Index) -> None:
    plans = plan_roundups(tmp_path, index, [2024, 2023])
    assert [plan.is_current() for plan in plans] == [False, False]
    assert plans[0].write() == ["roundups/2024.md", "roundups/2024-months.svg"]
    plans[1].write()
    assert all(plan.is_current() for plan in plan_roundups(tmp_path, index, [2024, 2023]))
    assert plan_roundups(tmp_path, index, [2024])[0].write() == []

    changed = dict(TREE)
    changed["cases/2024/c.md"] = {**TREE["cases/2024/c.md"], "date": "2024-11-30", "members": 7}
    stale = plan_roundups(tmp_path, Index(build(changed).catalogue), [2024, 2023])
    assert [plan.text_is_current for plan in stale] == [False, True]
    assert [chart.src_uri for chart in stale[0].stale_charts()] == ["roundups/2024-months.svg"]

    chart = tmp_path / "roundups" / "2023-months.svg"
    chart.write_bytes(chart.read_bytes().replace(b"shangliang-chart ", b"shangliang-chart 0", 1))
    assert not plan_roundups(tmp_path, index, [2023])[0].is_current()


def test_dry_run_diff_shows_the_change(tmp_path: Path, index: Index) -> None:
    plan = plan_roundups(tmp_path, index, [2024])[0]
    assert plan.diff().startswith("--- /dev/null\n+++ b/roundups/2024.md\n")
    plan.write()
    assert plan_roundups(tmp_path, index, [2024])[0].diff() == ""


# --------------------------------------------------------------------------- charts

CHART = ColumnChart(tuple(f"{month}月" for month in range(1, 13)), (5, 0, 3, 12, 1, 0, 0, 8, 2, 0, 0, 1), "替代文字")


def test_chart_is_deterministic_svg_with_text_kept_as_text() -> None:
    svg = column_chart_svg(CHART)
    assert svg == column_chart_svg(CHART)
    text = svg.decode("utf-8")
    assert "<svg" in text and "<text" in text and ">12月<" in text
    assert "Noto Sans CJK SC" in text and "sans-serif" in text
    assert "<title>替代文字</title>" in text
    assert "<dc:date>" not in text


def test_chart_refers_to_no_other_host() -> None:
    text = column_chart_svg(CHART).decode("utf-8")
    assert not re.search(r"(href|src)=\"https?:", text)
    assert "url(http" not in text and "@import" not in text and "@font-face" not in text


def test_chart_carries_the_fingerprint_of_what_it_shows() -> None:
    svg = column_chart_svg(CHART)
    assert fingerprint_of(svg) == CHART.fingerprint()
    other = ColumnChart(CHART.labels, (*CHART.values[:-1], 2), CHART.alt)
    assert other.fingerprint() != CHART.fingerprint()
    assert fingerprint_of(b"<svg></svg>") is None
