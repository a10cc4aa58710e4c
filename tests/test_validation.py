"""Each file's front matter against the content model (CONTENT-MODEL.md): fields, types, values.

Each test loads a small content tree in memory (see `contract_tree`) with the
one file or field the rule is about.
"""

from __future__ import annotations

import pytest
from contract_tree import (
    BRANDS,
    CASE_PATH,
    CONTRACT_FORMATS,
    CONTRACT_STAGES,
    DISTRICTS,
    case,
    only_error,
    problems_of,
    the_case,
    tree,
)

from shangliang.dates import PartialDate
from shangliang.model import Severity

# -- a valid tree ----------------------------------------------------------


def test_a_valid_tree_has_no_problems_and_every_value_is_typed():
    result = tree({CASE_PATH: case(
        venue="甘蔗街道委员联系点", tags=["乡村振兴", "电商"], members=8, participants=35,
        departments=["县商务局"], problems_solved=3, status="落实", reports=["协商专报2024年第5期"],
        highlight=2024, summary="一段话摘要",
        source={"name": "人民政协报", "url": "https://example.org/a", "date": "2024-01-06"},
    )})  # fmt: skip
    assert result.problems == []
    published = the_case(result)
    assert published.title == "推进县域电商直播基地建设"
    assert published.date == PartialDate(2024, 6, 18)
    assert published.district_keys == ("minhou",)
    assert published.brand_key == "rong"
    assert published.format == "微协商"
    assert published.venue == "甘蔗街道委员联系点"
    assert published.tags == ("乡村振兴", "电商")
    assert (published.members, published.participants, published.problems_solved) == (8, 35, 3)
    assert published.departments == ("县商务局",)
    assert published.status == "落实"
    assert published.reports == ("协商专报2024年第5期",)
    assert published.highlight_year == 2024
    assert published.summary == "一段话摘要"
    assert published.source.name == "人民政协报"
    assert published.source.url == "https://example.org/a"
    assert published.source.date == PartialDate(2024, 1, 6)
    assert published.url == "cases/2024/x/"
    assert set(result.catalogue.brands) == {"rong", "yu"}
    assert result.catalogue.districts["minhou"].sub_brand == "邑起来商量"


def test_the_default_formats_are_the_contracts():
    for format_ in CONTRACT_FORMATS:
        result = tree({CASE_PATH: case(format=format_)})
        assert result.problems == [], format_
        assert the_case(result).format == format_


# -- required fields ---------------------------------------------------------


@pytest.mark.parametrize("field", ["title", "date", "district", "format"])
def test_a_case_missing_a_required_field_is_an_error_naming_the_field(field):
    result = tree({CASE_PATH: {name: value for name, value in case().items() if name != field}})
    error = only_error(result, field)
    assert error.code == "missing-required"
    assert error.message.startswith("缺少（必填：")
    assert error.is_error


@pytest.mark.parametrize("field", ["title", "date", "district", "format"])
def test_an_empty_required_field_counts_as_missing(field):
    result = tree({CASE_PATH: case(**{field: ""})})
    assert only_error(result, field).code == "missing-required"


@pytest.mark.parametrize(
    ("src_uri", "meta", "field"),
    [
        (CASE_PATH, case(title="   "), "title"),
        ("brands/ji.md", {"name": "  ", "organisation": "厦门市政协"}, "name"),
        ("districts/minhou.md", {"name": "\u3000", "brand": "rong"}, "name"),  # an ideographic space
    ],
    ids=["case-title", "brand-name", "district-name"],
)
def test_a_required_text_of_only_spaces_counts_as_missing(src_uri, meta, field):
    result = tree({src_uri: meta})
    assert only_error(result, field, src_uri).code == "missing-required"


def test_missing_format_names_the_allowed_formats():
    result = tree({CASE_PATH: case(format=None)})
    message = only_error(result, "format").message
    assert all(format_ in message for format_ in CONTRACT_FORMATS)


@pytest.mark.parametrize("field", ["name", "organisation"])
def test_a_brand_missing_a_required_field_is_an_error(field):
    brand = {name: value for name, value in BRANDS["brands/rong.md"].items() if name != field}
    result = tree({"brands/rong.md": brand, "districts/minhou.md": DISTRICTS["districts/minhou.md"]},
                  base=False)  # fmt: skip
    problems = problems_of(result, "brands/rong.md", field)
    assert [problem.code for problem in problems] == ["missing-required"]
    assert problems[0].is_error
    assert "rong" not in result.catalogue.brands


@pytest.mark.parametrize("field", ["name", "brand"])
def test_a_district_missing_a_required_field_is_an_error(field):
    district = {name: value for name, value in DISTRICTS["districts/minhou.md"].items() if name != field}
    result = tree({"districts/minhou.md": district})
    error = only_error(result, field, "districts/minhou.md")
    assert error.code == "missing-required"
    assert "minhou" not in result.catalogue.districts


def test_a_case_without_front_matter_is_an_error():
    result = tree({CASE_PATH: (None, "# 标题\n\n正文\n")})
    error = only_error(result, "front matter")
    assert error.code == "case-without-front-matter"
    assert "title（标题）、date（协商日期）、district（区县）和 format（协商形式）" in error.message


def test_a_case_that_cannot_be_read_is_an_error_of_that_file():
    result = tree({CASE_PATH: b"---\ntitle: x\n"})
    error = only_error(result, "front matter")
    assert (error.code, error.line) == ("front-matter-not-closed", 2)
    assert "没有结束" in error.message


def test_a_case_that_is_not_utf8_is_an_error_of_that_file():
    result = tree({CASE_PATH: "---\ntitle: 标题\n---\n".encode("gbk")})
    error = only_error(result, "")
    assert error.code == "not-utf8"
    assert str(error).startswith(f"{CASE_PATH}: 不是 UTF-8 文本")


# -- wrong types -------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "code", "expected"),
    [
        ("members", "八", "not-whole-number", "应是整数（写的是 '八'）"),
        ("members", "8人", "not-whole-number", "应是整数（写的是 '8人'）"),
        ("members", 3.5, "not-whole-number", "应是整数（写的是 3.5）"),
        ("members", True, "not-whole-number", "应是整数（写的是 true）"),
        ("participants", False, "not-whole-number", "应是整数"),
        ("problems_solved", True, "not-whole-number", "应是整数"),
        ("members", -1, "number-too-small", "不能小于 0（写的是 -1）"),
        ("participants", -35, "number-too-small", "不能小于 0"),
        ("problems_solved", -3, "number-too-small", "不能小于 0"),
        ("tags", "乡村振兴", "not-a-list", "应是列表（写的是 '乡村振兴'；请写成 [乡村振兴]）"),
        ("reports", "协商专报2024年第5期", "not-a-list", "应是列表"),
        ("departments", "县商务局", "not-a-list", "应是列表"),
        ("departments", {"县商务局": 1}, "not-a-list", "应是列表"),
        ("draft", "是", "not-true-or-false", "应是 true 或 false（写的是 '是'）"),
        ("draft", 1, "not-true-or-false", "应是 true 或 false"),
        ("title", ["甲", "乙"], "not-text", "应是一行文字（写的是 列表）"),
        ("venue", {"name": "x"}, "not-text", "应是一行文字"),
    ],
)
def test_a_wrong_type_is_an_error_saying_what_is_expected(field, value, code, expected):
    result = tree({CASE_PATH: case(**{field: value})})
    error = only_error(result, field)
    assert error.code == code
    assert expected in error.message


def test_zero_is_a_valid_count():
    result = tree({CASE_PATH: case(members=0, participants=0, problems_solved=0)})
    assert result.problems == []
    assert the_case(result).members == 0


def test_a_list_item_that_is_not_text_is_an_error():
    result = tree({CASE_PATH: case(tags=["民生", ["嵌套"]])})
    error = only_error(result, "tags")
    assert error.code == "list-item-not-text"
    assert "第 2 项应是文字" in error.message


@pytest.mark.parametrize("value", [["人民政协报"], 2024], ids=["list", "number"])
def test_source_that_is_not_a_set_of_fields_is_an_error(value):
    result = tree({CASE_PATH: case(source=value)})
    error = only_error(result, "source")
    assert error.code == "source-not-fields"
    assert "下面应写 name、url、date 几行" in error.message


def test_source_given_as_plain_text_is_an_error():
    result = tree({CASE_PATH: case(source="人民政协报")})
    only_error(result, "source")


@pytest.mark.parametrize("url", ["ftp://example.org/a", "example.org/a", "www.example.org", "https://", 42])
def test_source_url_must_be_http_or_https(url):
    result = tree({CASE_PATH: case(source={"name": "人民政协报", "url": url})})
    error = only_error(result, "source.url")
    assert error.code == "not-a-web-address"
    assert "应是以 http:// 或 https:// 开头的网址" in error.message
    assert str(error).startswith(f"{CASE_PATH}: source.url（来源·网址）: ")


@pytest.mark.parametrize("url", ["http://example.org/a", "https://www.rmzxb.com.cn/c/2024-01-06/1.shtml"])
def test_source_url_over_http_or_https_is_accepted(url):
    result = tree({CASE_PATH: case(source={"name": "人民政协报", "url": url})})
    assert result.problems == []
    assert the_case(result).source.url == url


def test_a_bad_source_date_is_reported_on_source_date():
    result = tree({CASE_PATH: case(source={"name": "人民政协报", "date": "2024-13-45"})})
    assert only_error(result, "source.date").code == "not-a-date"


# -- formats and stages ------------------------------------------------------


def test_unknown_format_names_the_allowed_formats():
    result = tree({CASE_PATH: case(format="微型协商")})
    error = only_error(result, "format")
    assert error.code == "not-allowed-value"
    assert "写的是 '微型协商'" in error.message
    assert "、".join(CONTRACT_FORMATS) + " 之一" in error.message


def test_formats_are_configurable():
    result = tree({CASE_PATH: case(format="院坝协商")}, formats=("院坝协商",))
    assert result.problems == []
    result = tree({CASE_PATH: case(format="微协商")}, formats=("院坝协商",))
    assert "院坝协商" in only_error(result, "format").message


def test_unknown_stage_names_the_stages_in_order():
    result = tree({CASE_PATH: case(status="完成")})
    error = only_error(result, "status")
    assert error.code == "not-allowed-value"
    assert "'完成'" in error.message
    assert "、".join(CONTRACT_STAGES) in error.message


@pytest.mark.parametrize("stage", CONTRACT_STAGES)
def test_every_stage_of_the_contract_is_accepted(stage):
    result = tree({CASE_PATH: case(status=stage)})
    assert result.problems == []
    assert the_case(result).status == stage


def test_status_defaults_to_the_consultation_stage():
    assert the_case(tree({CASE_PATH: case()})).status == "协商"


# -- dates -------------------------------------------------------------------


@pytest.mark.parametrize("value", ["2024-13-45", "去年五月", "2024-02-30", "20240618"])
def test_an_unparseable_date_is_reported_on_the_date_field(value):
    # Literal YAML, as an editor types it: unquoted.
    result = tree({CASE_PATH: f"title: 标题\ndate: {value}\ndistrict: minhou\nformat: 微协商\n"})
    error = only_error(result, "date")
    assert error.code == "not-a-date"
    assert "应写成 YYYY-MM-DD、YYYY-MM 或 YYYY" in error.message
    assert error.line == 3
    assert result.catalogue.cases == []


@pytest.mark.parametrize(
    ("value", "suggestion"),
    [("2024/06/18", "2024-06-18"), ("2024-6-18", "2024-06-18"), ("2024.6.18", "2024-06-18"),
     ("2024年6月18日", "2024-06-18"), ("2024年6月", "2024-06")],
)
def test_a_date_written_loosely_is_reported_with_the_form_to_write(value, suggestion):
    result = tree({CASE_PATH: f"title: 标题\ndate: {value}\ndistrict: minhou\nformat: 微协商\n"})
    error = only_error(result, "date")
    assert error.code == "date-loose-form"
    assert f"请写成 {suggestion}" in error.message
    assert error.line == 3


def test_a_bad_date_problem_reads_file_field_message():
    result = tree({CASE_PATH: "title: 标题\ndate: 2024-13-45\ndistrict: minhou\nformat: 微协商\n"})
    error = only_error(result, "date")
    assert str(error) == (
        "cases/2024/x.md: date（协商日期）: 不是日期（写的是 '2024-13-45'；应写成 YYYY-MM-DD、YYYY-MM 或 YYYY）"
    )
    assert error.text("en") == (
        "cases/2024/x.md: date: not a date (got '2024-13-45'; expected YYYY-MM-DD, "
            "or YYYY-MM or YYYY when the source gives no day)"
    )


def test_an_unquoted_date_is_a_date():
    result = tree({CASE_PATH: "title: 标题\ndate: 2024-06-18\ndistrict: minhou\nformat: 微协商\n"})
    assert result.problems == []
    assert the_case(result).date == PartialDate(2024, 6, 18)


# -- unknown fields -------------------------------------------------------------


def test_an_unknown_field_is_a_warning_suggesting_the_closest_name():
    result = tree({CASE_PATH: case(memebrs=8)})
    assert result.errors == []
    [warning] = result.warnings
    assert (warning.field, warning.severity, warning.code) == ("memebrs", Severity.WARNING, "unknown-field")
    assert str(warning) == f"{CASE_PATH}: memebrs: 未知字段，已忽略（是不是想写 members（参加委员）？）"
    assert warning.text("en") == f"{CASE_PATH}: memebrs: unknown field, ignored (did you mean 'members'?)"
    assert the_case(result).members is None


@pytest.mark.parametrize(
    ("src_uri", "meta", "typo", "suggestion"),
    [
        (CASE_PATH, case(stauts="落实"), "stauts", "status（进度）"),
        ("brands/ji.md", {"name": "集思广益", "organisation": "厦门市政协", "slogen": "x"}, "slogen", "slogan（口号）"),
        ("districts/jimei.md", {"name": "集美区", "brand": "rong", "sub_bran": "x"}, "sub_bran",
         "sub_brand（区县子品牌）"),
        (CASE_PATH, case(source={"nmae": "人民政协报"}), "source.nmae", "name（来源·名称）"),
    ],
)
def test_unknown_fields_of_every_kind_suggest_the_closest_name(src_uri, meta, typo, suggestion):
    result = tree({src_uri: meta})
    assert result.errors == []
    [warning] = result.warnings
    assert (warning.src_uri, warning.field, warning.code) == (src_uri, typo, "unknown-field")
    assert f"是不是想写 {suggestion}？" in warning.message


def test_theme_fields_are_not_unknown():
    result = tree({CASE_PATH: case(description="x", hide=["toc"], author="编辑部", subtitle="副标题")})
    assert result.problems == []


@pytest.mark.parametrize("field", ["template", "icon"])
def test_fields_that_would_pull_theme_files_into_a_page_are_refused_in_any_file(field):
    result = tree({CASE_PATH: case(**{field: "x.html"}), "about/x.md": {"title": "关于", field: "../../x"}})
    for src_uri in (CASE_PATH, "about/x.md"):
        [error] = [p for p in problems_of(result, src_uri, field) if p.is_error]
        assert error.code == "field-not-allowed"


# -- highlight ----------------------------------------------------------------


def test_highlight_true_means_the_year_of_the_date():
    result = tree({"cases/2023/x.md": case(date="2023-05-01", highlight=True)})
    assert the_case(result, "cases/2023/x.md").highlight_year == 2023


def test_highlight_year_may_differ_from_the_year_of_the_date():
    result = tree({CASE_PATH: case(date="2024-12-01", highlight=2025)})
    assert result.problems == []
    assert the_case(result).highlight_year == 2025


@pytest.mark.parametrize("value", [False, None], ids=["false", "absent"])
def test_highlight_false_or_absent_is_not_highlighted(value):
    result = tree({CASE_PATH: case(highlight=value)})
    assert result.problems == []
    assert the_case(result).highlight_year is None


@pytest.mark.parametrize("value", ["去年", "2024", 24, 1800, 2024.5, [2024]])
def test_a_bad_highlight_is_an_error(value):
    result = tree({CASE_PATH: case(highlight=value)})
    error = only_error(result, "highlight")
    assert error.code == "not-highlight-year"
    assert "应是评为优秀案例的年份，或 true、false" in error.message


# -- brand and district fields ---------------------------------------------------


@pytest.mark.parametrize(("launched", "ok"), [(2024, True), ("2024-01", True), ("2024-13", False), ("今年", False)])
def test_brand_launched_is_a_year_or_a_month(launched, ok):
    result = tree({"brands/rong.md": {**BRANDS["brands/rong.md"], "launched": launched}})
    if ok:
        assert result.problems == []
        assert result.catalogue.brands["rong"].launched == str(launched)
    else:
        assert only_error(result, "launched", "brands/rong.md")


def test_order_must_be_a_whole_number():
    result = tree({"districts/minhou.md": {**DISTRICTS["districts/minhou.md"], "order": "第一"}})
    error = only_error(result, "order", "districts/minhou.md")
    assert str(error) == "districts/minhou.md: order（排列顺序）: 应是整数（写的是 '第一'）"


# -- explicit summary, markup ---------------------------------------------------


def test_an_explicit_summary_wins_over_the_body():
    published = the_case(tree({CASE_PATH: (case(summary="编辑写的摘要"), "正文第一段。\n")}))
    assert published.summary == "编辑写的摘要"


def test_markup_in_title_and_summary_is_kept_verbatim_as_text():
    title = '<script>alert("x")</script> **加粗** & <b>标题</b>'
    summary = "<img src=x onerror=alert(1)> [链接](javascript:alert(1)) {{ config }}"
    published = the_case(tree({CASE_PATH: case(title=title, summary=summary)}))
    assert published.title == title
    assert published.summary == summary
