"""What `roundup.py --dry-run` says before its diff: the figures, listed cases and sections a rewrite changes.

Two small trees, before and after an editor's week (a case added, another no longer
commended); the roundup written from the first is merged with the second, and the
changes are read back from the two texts. Expectations are worked out by hand.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from generated_tree import build

from shangliang.cli.language import set_language
from shangliang.cli.roundup_summary import summary_lines
from shangliang.pages.grouping import Index
from shangliang.roundup.blocks import render
from shangliang.roundup.changes import FigureChange, ListedCase, changes_between, plain
from shangliang.roundup.figures import roundups_of
from shangliang.roundup.merge import merge, new_file

SRC = "roundups/2024.md"
A = {"title": "甲案例", "date": "2024-03-05", "district": "gulou", "format": "微协商", "members": 5,
     "reports": ["协商专报2024年第1期"]}  # fmt: skip
B = {"title": "乙案例", "date": "2024-04-01", "district": "minhou", "format": "微协商", "highlight": 2024}
C = {"title": "丙案例", "date": "2024-05-01", "district": "gulou", "format": "民情座谈会", "members": 2,
     "highlight": 2024, "reports": ["协商专报2024年第1期"]}  # fmt: skip

BEFORE = {"cases/2024/a.md": A, "cases/2024/b.md": B}
AFTER = {"cases/2024/a.md": A, "cases/2024/b.md": {**B, "highlight": False}, "cases/2024/c.md": C}


def roundup_text(cases: dict[str, dict[str, Any]], existing: str | None = None) -> str:
    index = Index(build(cases).catalogue)
    rendered = render(roundups_of(index, [2024])[2024], index.catalogue, highlight_page=2024 in index.highlight_years)
    return new_file(2024, rendered) if existing is None else merge(existing, rendered, src_uri=SRC)


@pytest.fixture(scope="module")
def texts() -> tuple[str, str]:
    before = roundup_text(BEFORE)
    return before, roundup_text(AFTER, before)


@pytest.fixture
def english() -> Iterator[None]:
    set_language("en")
    try:
        yield
    finally:
        set_language("zh")


def test_the_figures_that_change_are_named_as_the_roundup_names_them(texts: tuple[str, str]) -> None:
    changes = changes_between(*texts, src_uri=SRC)
    by_section: dict[str, list[tuple[str, str, str | None, str | None]]] = {}
    for change in changes.figures:
        by_section.setdefault(change.section, []).append((change.row, change.column, change.old, change.new))
    assert by_section["总体数据"] == [("案例", "", "2", "3"), ("参与委员", "", "5", "7")]  # one column: no 2023
    assert by_section["各区县子品牌"] == [
        ("榕你来商量（合计）", "案例", "2", "3"), ("榕你来商量（合计）", "参与委员", "5", "7"),
        ("鼓楼区", "案例", "1", "2"), ("鼓楼区", "参与委员", "5", "7"),
    ]  # fmt: skip
    assert by_section["协商形式"] == [("民情座谈会", "", None, "1")]  # a new row; the shares (占比) are not listed
    assert ("协商", "目前处于此阶段", "2", "3") in by_section["办理进展"]
    assert list(by_section) == ["总体数据", "各区县子品牌", "协商形式", "办理进展"]


def test_cases_newly_listed_and_no_longer_listed_come_with_their_section(texts: tuple[str, str]) -> None:
    changes = changes_between(*texts, src_uri=SRC)
    assert changes.added == (
        ListedCase("丙案例", "cases/2024/c.md", "优秀案例"), ListedCase("丙案例", "cases/2024/c.md", "协商专报"),
    )
    assert changes.removed == (ListedCase("乙案例", "cases/2024/b.md", "优秀案例"),)
    assert changes.sections == ("总体数据", "各区县子品牌", "协商形式", "办理进展", "各月案例", "优秀案例", "协商专报")
    assert not changes.created and not changes.unchanged


def test_the_summary_reads_as_chinese_lines_before_the_diff(texts: tuple[str, str]) -> None:
    lines = summary_lines(2024, SRC, changes_between(*texts, src_uri=SRC), ["roundups/2024-months.svg"])
    assert lines[:8] == [
        "2024年度综述（roundups/2024.md）将有这些改动：",
        "  总体数据",
        "    案例：2 → 3",
        "    参与委员：5 → 7",
        "  各区县子品牌",
        "    榕你来商量（合计）：案例 2 → 3，参与委员 5 → 7",
        "    鼓楼区：案例 1 → 2，参与委员 5 → 7",
        "  协商形式",
    ]
    assert "    民情座谈会：无 → 1" in lines
    assert lines[-4:] == [
        "  新列入的案例：“丙案例”（优秀案例、协商专报）",
        "  不再列入的案例：“乙案例”（优秀案例）",
        "  改动的部分：总体数据、各区县子品牌、协商形式、办理进展、各月案例、优秀案例、协商专报",
        "  将重画的图表：roundups/2024-months.svg",
    ]


def test_a_change_in_the_count_no_listed_case_explains_says_so() -> None:
    before = roundup_text({"cases/2024/a.md": A})
    after = roundup_text({"cases/2024/a.md": A, "cases/2024/d.md": {**B, "highlight": False}}, before)
    lines = summary_lines(2024, SRC, changes_between(before, after, src_uri=SRC))
    assert "    案例：1 → 2" in lines
    assert "  （综述只逐一列出优秀案例和写入协商专报的案例，其余案例的增减只反映在数字里）" in lines
    named = summary_lines(2024, SRC, changes_between(*[roundup_text(BEFORE), roundup_text(AFTER)], src_uri=SRC))
    assert not any("综述只逐一列出" in line for line in named)  # 丙 is named: it explains 2 → 3


def test_a_new_file_shows_this_years_headline_figures_and_the_cases_it_lists() -> None:
    text = roundup_text(AFTER)
    changes = changes_between(None, text, src_uri=SRC)
    assert changes.created and changes.removed == ()
    lines = summary_lines(2024, SRC, changes)
    assert lines == [
        "2024年度综述（roundups/2024.md）还没有，将新建：",
        "  总体数据",
        "    案例：3",
        "    有案例的区县：2",
        "    参与委员：7",
        "    协商专报：1",
        "  列入的案例：“丙案例”（优秀案例、协商专报）、“甲案例”（协商专报）",  # in page order
    ]


def test_an_unchanged_roundup_says_so_in_one_line(texts: tuple[str, str]) -> None:
    _, after = texts
    changes = changes_between(after, after, src_uri=SRC)
    assert changes.unchanged
    assert summary_lines(2024, SRC, changes) == ["2024年度综述（roundups/2024.md）：没有改动"]
    redrawn = summary_lines(2024, SRC, changes, ["roundups/2024-months.svg"])
    assert redrawn == ["2024年度综述（roundups/2024.md）将有这些改动：", "  将重画的图表：roundups/2024-months.svg"]


def test_with_english_chosen_the_words_around_the_roundups_names_are_english(
    texts: tuple[str, str], english: None,
) -> None:
    lines = summary_lines(2024, SRC, changes_between(*texts, src_uri=SRC))
    assert lines[0] == "2024 roundup (roundups/2024.md) would change:"
    assert "    榕你来商量（合计）: 案例 2 → 3, 参与委员 5 → 7" in lines
    assert "  newly listed cases: \u201c丙案例\u201d (优秀案例, 协商专报)" in lines


def test_the_last_years_column_is_named_when_the_table_has_two() -> None:
    last_year = {"cases/2023/e.md": {**A, "date": "2023-02-02", "reports": []}}
    before = roundup_text({**BEFORE, **last_year})
    after = roundup_text({**AFTER, **last_year}, before)
    figures = changes_between(before, after, src_uri=SRC).figures
    assert FigureChange("总体数据", "案例", "2024年", "2", "3") in figures  # `2（+1）` read as 2, `（比上年）` dropped


def test_a_row_that_comes_with_last_year_unstated_names_only_this_years_figure() -> None:
    unstated = {"cases/2023/e.md": {**B, "date": "2023-02-02", "highlight": False}}
    before = roundup_text({"cases/2024/b.md": B, **unstated})
    after = roundup_text({"cases/2024/b.md": B, "cases/2024/a.md": A, **unstated}, before)
    members = [change for change in changes_between(before, after, src_uri=SRC).figures
               if (change.section, change.row) == ("总体数据", "参与委员")]  # fmt: skip
    assert members == [FigureChange("总体数据", "参与委员", "2024年", None, "5")]  # not 2023年: 无 → 未填写


def test_titles_come_back_as_written_however_they_were_escaped() -> None:
    title = "甲|乙 *星* <b>&amp; [括号] \\ `代码`"
    before = roundup_text(BEFORE)
    after = roundup_text({**BEFORE, "cases/2024/x.md": {**C, "title": title}}, before)
    [case] = [case for case in changes_between(before, after, src_uri=SRC).added if case.section == "优秀案例"]
    assert (case.title, case.src_uri) == (title, "cases/2024/x.md")
    assert plain("**[鼓楼区](../districts/gulou.md)** · 家在\\*鼓楼\\*") == "鼓楼区 · 家在*鼓楼*"
