"""Slips of a Chinese keyboard in front matter, each named with its own code, the file's line and the fix.

A Chinese input method types `：` for `:`, `，` and `、` for `,`, `【】` for `[]`, `“”` for `"`,
`——` for `--`, and indents with the full-width space U+3000; editors also indent with tabs and
forget the closing `---`. Each is reported on the line it is on (1-based, as an editor counts),
never on the line after it and never without a line.
"""

from __future__ import annotations

import pytest
from contract_tree import CASE_PATH, the_case, tree

from shangliang.messages import set_language

CASE = "date: 2024-06-01\ndistrict: minhou\nformat: 微协商\n"
"""The other required fields of a case, each on its own line."""


def raw(front_matter: str, body: str = "正文。\n") -> bytes:
    return f"---\n{front_matter}---\n{body}".encode()


def slips_of(front_matter: str | bytes, src_uri: str = CASE_PATH) -> list[tuple[str, int | None]]:
    text = front_matter if isinstance(front_matter, bytes) else raw(front_matter)
    result = tree({src_uri: text})
    return [(problem.code, problem.line) for problem in result.problems if problem.src_uri == src_uri]


def the_problem(front_matter: str | bytes, code: str):
    text = front_matter if isinstance(front_matter, bytes) else raw(front_matter)
    result = tree({CASE_PATH: text})
    found = [problem for problem in result.problems if problem.src_uri == CASE_PATH and problem.code == code]
    assert len(found) == 1, [str(problem) for problem in result.problems]
    return found[0]


@pytest.fixture
def english():
    set_language("en")
    yield
    set_language("zh")


# -- a full-width colon after a key ----------------------------------------------------------------


def test_a_full_width_colon_after_the_first_key_is_named_on_its_own_line_with_the_fix():
    problem = the_problem("title：社区停车难题\n" + CASE, "full-width-colon")
    assert (problem.field, problem.line, problem.severity.value) == ("front matter", 2, "error")
    assert str(problem) == (
        "cases/2024/x.md: front matter（页头）: 第 2 行：字段 title（标题）后面是中文冒号“：”；"
        "请改成英文冒号“:”加一个空格，写成 title: 社区停车难题"
    )
    assert slips_of("title：社区停车难题\n" + CASE) == [("full-width-colon", 2)]  # not YAML's complaint on line 3


def test_a_full_width_colon_in_the_only_line_is_found_though_yaml_reads_it_as_text():
    assert slips_of("title：社区停车难题\n") == [("full-width-colon", 2)]


@pytest.mark.parametrize(
    ("front_matter", "line"),
    [
        ("title: 社区停车\ndate：2024-06-01\ndistrict: minhou\nformat: 微协商\n", 3),
        ("title: 社区停车\ndate: 2024-06-01\ndistrict: minhou\nformat：微协商\n", 5),
        ("title: 社区停车\n" + CASE + "source:\n  name：人民政协报\n  url: https://example.org/a\n", 7),
        ("title: 社区停车\n" + CASE + "stages:\n  协商：2024-06-01\n", 7),
        ("title: 社区停车\n" + CASE + "source:\n  - name：人民政协报\n", 7),
    ],
    ids=["second-line", "last-line", "nested", "chinese-key", "list-item"],
)
def test_a_full_width_colon_anywhere_is_named_on_its_line(front_matter, line):
    assert slips_of(front_matter) == [("full-width-colon", line)]


def test_every_full_width_colon_is_named():
    assert slips_of("title：社区停车\ndate：2024-06-01\ndistrict: minhou\nformat: 微协商\n") == [
        ("full-width-colon", 2), ("full-width-colon", 3),
    ]  # fmt: skip


def test_a_full_width_colon_inside_a_value_is_text():
    result = tree({CASE_PATH: raw("title: 议题：停车难\n" + CASE + "summary: 结论：已解决。\n")})
    assert result.problems == []
    assert the_case(result).title == "议题：停车难"


# -- full-width commas and brackets in lists --------------------------------------------------------


@pytest.mark.parametrize("comma", ["，", "、"])
def test_a_full_width_comma_in_a_list_is_a_warning_on_its_line(comma):
    problem = the_problem(f"title: 停车\n{CASE}tags: [交通{comma}停车]\n", "full-width-comma")
    assert (problem.field, problem.line, problem.severity.value) == ("tags", 6, "warning")
    assert problem.message == (
        "第 6 行：列表各项之间用了中文逗号“，”，几项会被读成一项；请改用英文逗号“,”，写成 tags: [交通, 停车]"
    )


def test_a_full_width_comma_between_districts_is_an_error_on_its_line():
    problem = the_problem("title: 停车\ndate: 2024-06-01\ndistrict: [minhou，gulou]\nformat: 微协商\n",
                          "full-width-comma")  # fmt: skip
    assert (problem.field, problem.line, problem.is_error) == ("district", 4, True)
    assert "写成 district: [minhou, gulou]" in problem.message


def test_a_list_in_full_width_brackets_is_an_error_on_its_line():
    problem = the_problem(f"title: 停车\n{CASE}tags: 【交通，停车】\n", "full-width-brackets")
    assert (problem.field, problem.line, problem.is_error) == ("tags", 6, True)
    assert problem.message.endswith("写成 tags: [交通, 停车]")


def test_full_width_brackets_and_commas_in_a_title_are_text():
    result = tree({CASE_PATH: raw("title: 【专题】交通，停车\n" + CASE + "tags: [交通, 停车]\n")})
    assert result.problems == []
    assert the_case(result).tags == ("交通", "停车")


# -- indentation ------------------------------------------------------------------------------------


def test_indenting_with_full_width_spaces_is_named_on_its_line():
    assert slips_of("title: 停车\n" + CASE + "source:\n\u3000\u3000name: 人民政协报\n") == [("full-width-space", 7)]


def test_full_width_spaces_inside_a_block_of_text_are_text():
    result = tree({CASE_PATH: raw("title: 停车\n" + CASE + "summary: |\n  \u3000\u3000今年：居民说。\n")})
    assert result.problems == []


def test_indenting_with_a_tab_is_named_on_its_line():
    problem = the_problem("title: 停车\n" + CASE + "source:\n\tname: 人民政协报\n", "tab-indent")
    assert problem.line == 7
    assert "用 Tab 键缩进了" in problem.message


# -- quotes and fences -------------------------------------------------------------------------------


def test_full_width_quotes_that_break_the_yaml_are_named_on_their_line():
    assert slips_of("title: “停车: 难题”\n" + CASE) == [("full-width-quotes", 2)]


def test_full_width_quotes_that_yaml_reads_are_text():
    result = tree({CASE_PATH: raw("title: “邑起来商量”助力停车\n" + CASE)})
    assert result.problems == []


def test_a_missing_closing_fence_names_the_line_after_which_it_belongs():
    problem = the_problem(b"---\ntitle: x\ndate: 2024-06-01\n\n# \xe6\xad\xa3\xe6\x96\x87\n", "front-matter-not-closed")
    assert problem.line == 3
    assert problem.message.endswith("请在第 3 行之后加一行 ---")


@pytest.mark.parametrize("dashes", ["———", "——", "－－－", "—--"])
def test_a_closing_fence_typed_with_chinese_dashes_is_named_on_its_line(dashes):
    problem = the_problem(f"---\ntitle: x\n{dashes}\n正文\n".encode(), "full-width-fence")
    assert problem.line == 3
    assert "请写三个英文连字符 ---" in problem.message


def test_an_opening_fence_typed_with_chinese_dashes_is_named_on_line_one():
    result = tree({CASE_PATH: "———\ntitle: 社区停车\n———\n正文\n".encode()})
    assert [(problem.code, problem.line) for problem in result.errors] == [("full-width-fence", 1)]
    assert CASE_PATH in result.not_rendered


# -- lines, the parser's own complaint, English ---------------------------------------------------------


def test_lines_are_the_files_whatever_comes_before_the_front_matter():
    assert slips_of(b"\xef\xbb\xbf---\r\n\r\ntitle\xef\xbc\x9ax\r\n---\r\n") == [("full-width-colon", 3)]


def test_a_slip_leaves_the_file_unrendered_and_every_slip_has_a_line():
    result = tree({CASE_PATH: raw("title：停车\n" + CASE + "tags: 【交通】\nsource:\n\tname: x\n")})
    assert CASE_PATH in result.not_rendered
    assert all(problem.line is not None for problem in result.problems)


def test_the_parsers_complaint_is_kept_when_no_slip_explains_it():
    found = slips_of("tags: [交通，停车]\ntitle: “邑起来商量”助力\nformat: 微协商: 座谈\n")
    assert found == [("full-width-comma", 2), ("yaml-invalid", 4)]


def test_a_yaml_error_that_is_no_slip_is_still_reported_with_its_line():
    assert slips_of("title: 标题\nformat: 微协商: 座谈\n") == [("yaml-invalid", 3)]


def test_slips_are_worded_in_english_by_configuration(english):
    problem = the_problem("title：社区停车\n" + CASE, "full-width-colon")
    assert str(problem) == (
        "cases/2024/x.md: front matter: line 2: the field title is followed by a full-width colon '：'; "
        "write an ASCII colon ':' followed by a space: title: 社区停车"
    )


def test_a_brand_with_a_slip_names_it_too():
    result = tree({"brands/rong.md": raw("name：榕你来商量\norganisation: 福州市政协\n")})
    assert [(problem.code, problem.line) for problem in result.errors if problem.src_uri == "brands/rong.md"] == [
        ("full-width-colon", 2)
    ]


@pytest.mark.parametrize(
    ("extra", "line"),
    [
        ("figures:\n  2024:\n    activities：百余场\n", 6),
        ("sub_brands:\n  - name：想方设法\n", 5),
        ("commendations:\n  2024:\n    others:\n      优秀委员：80\n", 7),
    ],
    ids=["figures", "sub-brands", "commendations"],
)
def test_a_full_width_colon_in_a_brands_nested_fields_is_named_on_its_line(extra, line):
    result = tree({"brands/rong.md": raw("name: 榕你来商量\norganisation: 福州市政协\n" + extra)})
    assert [(problem.code, problem.line) for problem in result.problems if problem.src_uri == "brands/rong.md"] == [
        ("full-width-colon", line)
    ]
    assert result.catalogue.brands["rong"].sub_brands == ()


def test_a_full_width_colon_in_the_continued_text_of_a_value_is_no_slip():
    found = slips_of("title: 停车\n" + CASE + "summary: 一段\n  结论：已解决\ntags: [交通\n")
    assert ("full-width-colon", 7) not in found
    assert [code for code, _ in found] == ["yaml-invalid"]
