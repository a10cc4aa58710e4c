"""Every rule of the content model (CONTENT-MODEL.md), checked through `load_catalogue`.

Each test builds a small content tree in memory: a few brand, district and
case files, then the one file or field the rule is about.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml

from shangliang.catalogue import LoadResult, load_catalogue
from shangliang.model import Problem, Severity

# The contract's lists, written out here rather than imported, so the code cannot drift from them.
CONTRACT_FORMATS = (
    "微协商", "民情座谈会", "政策宣讲", "为民办实事", "委员进小院",
    "协商议事会", "委员沙龙", "界别协商", "专题协商会", "视察调研",
)  # fmt: skip
CONTRACT_STAGES = ("选题", "调研", "协商", "报送", "办理", "落实")

BRANDS = {
    "brands/rong.md": {"name": "榕你来商量", "organisation": "福州市政协"},
    "brands/yu.md": {"name": "渝事好商量", "organisation": "重庆市政协"},
}
DISTRICTS = {
    "districts/minhou.md": {"name": "闽侯县", "brand": "rong", "sub_brand": "邑起来商量"},
    "districts/gulou.md": {"name": "鼓楼区", "brand": "rong"},
    "districts/rongchang.md": {"name": "荣昌区", "brand": "yu"},
}
CASE_PATH = "cases/2024/x.md"

Meta = dict[str, Any] | str | bytes


def markdown(meta: Meta | None, body: str = "") -> bytes:
    """A content file: front matter from a dict (YAML-dumped) or literal YAML text; bytes as is."""
    if isinstance(meta, bytes):
        return meta
    if meta is None:
        return body.encode("utf-8")
    front = meta if isinstance(meta, str) else yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n{body}".encode()


def tree(
    files: dict[str, Meta | tuple[Meta, str]],
    *,
    base: bool = True,
    other_uris: tuple[str, ...] = (),
    **options: Any,
) -> LoadResult:
    """Load a tree of `src_uri → front matter` (or `(front matter, body)`), on top of two
    brands and three districts unless `base=False`."""
    everything: dict[str, Meta | tuple[Meta, str]] = {**BRANDS, **DISTRICTS} if base else {}
    everything.update(files)
    raw = [
        (src_uri, markdown(*value) if isinstance(value, tuple) else markdown(value))
        for src_uri, value in everything.items()
    ]
    return load_catalogue(raw, other_uris=other_uris, **options)


def case(**fields: Any) -> dict[str, Any]:
    """A valid case's front matter; a field given as None is left out."""
    meta: dict[str, Any] = {"title": "推进县域电商直播基地建设", "date": "2024-06-18",
                            "district": "minhou", "format": "微协商"}  # fmt: skip
    meta.update(fields)
    return {name: value for name, value in meta.items() if value is not None}


def problems_of(result: LoadResult, src_uri: str = CASE_PATH, field: str | None = None) -> list[Problem]:
    return [
        problem for problem in result.problems
        if problem.src_uri == src_uri and (field is None or problem.field == field)
    ]  # fmt: skip


def only_error(result: LoadResult, field: str, src_uri: str = CASE_PATH) -> Problem:
    """The single error of the tree, which must be on `src_uri` and `field`."""
    assert len(result.errors) == 1, "\n".join(map(str, result.problems))
    error = result.errors[0]
    assert (error.src_uri, error.field) == (src_uri, field), str(error)
    return error


def the_case(result: LoadResult, src_uri: str = CASE_PATH):
    found = [case for case in result.catalogue.cases if case.src_uri == src_uri]
    assert len(found) == 1, f"{src_uri} not published; problems: {[str(p) for p in result.problems]}"
    return found[0]


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
    assert published.date == dt.date(2024, 6, 18)
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
    assert published.source.date == dt.date(2024, 1, 6)
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
    assert error.message.startswith("missing")
    assert error.is_error


@pytest.mark.parametrize("field", ["title", "date", "district", "format"])
def test_an_empty_required_field_counts_as_missing(field):
    result = tree({CASE_PATH: case(**{field: ""})})
    assert only_error(result, field).message.startswith("missing")


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
    assert only_error(result, field, src_uri).message.startswith("missing")


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
    assert [problem.message.startswith("missing") for problem in problems] == [True]
    assert problems[0].is_error
    assert "rong" not in result.catalogue.brands


@pytest.mark.parametrize("field", ["name", "brand"])
def test_a_district_missing_a_required_field_is_an_error(field):
    district = {name: value for name, value in DISTRICTS["districts/minhou.md"].items() if name != field}
    result = tree({"districts/minhou.md": district})
    error = only_error(result, field, "districts/minhou.md")
    assert error.message.startswith("missing")
    assert "minhou" not in result.catalogue.districts


def test_a_case_without_front_matter_is_an_error():
    result = tree({CASE_PATH: (None, "# 标题\n\n正文\n")})
    error = only_error(result, "front matter")
    assert "title, date, district and format" in error.message


def test_a_case_that_cannot_be_read_is_an_error_of_that_file():
    result = tree({CASE_PATH: b"---\ntitle: x\n"})
    assert "not closed" in only_error(result, "front matter").message


def test_a_case_that_is_not_utf8_is_an_error_of_that_file():
    result = tree({CASE_PATH: "---\ntitle: 标题\n---\n".encode("gbk")})
    error = only_error(result, "")
    assert str(error).startswith(f"{CASE_PATH}: not UTF-8")


# -- wrong types -------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("members", "八", "whole number"),
        ("members", "8人", "whole number"),
        ("members", 3.5, "whole number"),
        ("members", True, "whole number"),
        ("participants", False, "whole number"),
        ("problems_solved", True, "whole number"),
        ("members", -1, "0 or more"),
        ("participants", -35, "0 or more"),
        ("problems_solved", -3, "0 or more"),
        ("tags", "乡村振兴", "list"),
        ("reports", "协商专报2024年第5期", "list"),
        ("departments", "县商务局", "list"),
        ("departments", {"县商务局": 1}, "list"),
        ("draft", "是", "true or false"),
        ("draft", 1, "true or false"),
        ("title", ["甲", "乙"], "text"),
        ("venue", {"name": "x"}, "text"),
    ],
)
def test_a_wrong_type_is_an_error_saying_what_is_expected(field, value, expected):
    result = tree({CASE_PATH: case(**{field: value})})
    error = only_error(result, field)
    assert expected in error.message


def test_zero_is_a_valid_count():
    result = tree({CASE_PATH: case(members=0, participants=0, problems_solved=0)})
    assert result.problems == []
    assert the_case(result).members == 0


def test_a_list_item_that_is_not_text_is_an_error():
    result = tree({CASE_PATH: case(tags=["民生", ["嵌套"]])})
    assert "item 2" in only_error(result, "tags").message


@pytest.mark.parametrize("value", [["人民政协报"], 2024], ids=["list", "number"])
def test_source_that_is_not_a_set_of_fields_is_an_error(value):
    result = tree({CASE_PATH: case(source=value)})
    assert "name, url and date" in only_error(result, "source").message


def test_source_given_as_plain_text_is_an_error():
    result = tree({CASE_PATH: case(source="人民政协报")})
    only_error(result, "source")


@pytest.mark.parametrize("url", ["ftp://example.org/a", "example.org/a", "www.example.org", "https://", 42])
def test_source_url_must_be_http_or_https(url):
    result = tree({CASE_PATH: case(source={"name": "人民政协报", "url": url})})
    assert "http:// or https://" in only_error(result, "source.url").message


@pytest.mark.parametrize("url", ["http://example.org/a", "https://www.rmzxb.com.cn/c/2024-01-06/1.shtml"])
def test_source_url_over_http_or_https_is_accepted(url):
    result = tree({CASE_PATH: case(source={"name": "人民政协报", "url": url})})
    assert result.problems == []
    assert the_case(result).source.url == url


def test_a_bad_source_date_is_reported_on_source_date():
    result = tree({CASE_PATH: case(source={"name": "人民政协报", "date": "2024-13-45"})})
    assert "not a date" in only_error(result, "source.date").message


# -- keys that must exist ----------------------------------------------------


def test_unknown_district_of_a_case_names_the_known_districts():
    result = tree({CASE_PATH: case(district="nowhere")})
    error = only_error(result, "district")
    assert "unknown district" in error.message and "'nowhere'" in error.message
    assert all(key in error.message for key in ("gulou", "minhou", "rongchang"))
    assert result.catalogue.cases == []


def test_unknown_district_in_a_joint_case_is_reported():
    result = tree({CASE_PATH: case(district=["minhou", "nowhere"])})
    assert "'nowhere'" in only_error(result, "district").message


def test_unknown_brand_of_a_case_names_the_known_brands():
    result = tree({CASE_PATH: case(brand="ji")})
    error = only_error(result, "brand")
    assert "unknown brand" in error.message and "'ji'" in error.message
    assert "rong" in error.message and "yu" in error.message


def test_unknown_brand_of_a_district_names_the_known_brands():
    result = tree({"districts/minhou.md": {"name": "闽侯县", "brand": "fuzhou"}})
    error = only_error(result, "brand", "districts/minhou.md")
    assert "unknown brand" in error.message and "'fuzhou'" in error.message
    assert "rong" in error.message and "yu" in error.message


def test_unknown_keys_of_a_case_are_reported_even_when_the_case_has_other_errors():
    result = tree({CASE_PATH: case(district="nowhere", brand="ji", title=None)})
    fields = sorted(problem.field for problem in result.errors)
    assert fields == ["brand", "district", "title"]


def test_a_district_key_that_is_not_a_key_is_an_error():
    result = tree({CASE_PATH: case(district="Minhou")})
    assert any("not a key" in problem.message for problem in problems_of(result, field="district"))
    assert result.catalogue.cases == []


# -- formats and stages ------------------------------------------------------


def test_unknown_format_names_the_allowed_formats():
    result = tree({CASE_PATH: case(format="微型协商")})
    error = only_error(result, "format")
    assert "'微型协商'" in error.message
    assert all(format_ in error.message for format_ in CONTRACT_FORMATS)


def test_formats_are_configurable():
    result = tree({CASE_PATH: case(format="院坝协商")}, formats=("院坝协商",))
    assert result.problems == []
    result = tree({CASE_PATH: case(format="微协商")}, formats=("院坝协商",))
    assert "院坝协商" in only_error(result, "format").message


def test_unknown_stage_names_the_stages_in_order():
    result = tree({CASE_PATH: case(status="完成")})
    error = only_error(result, "status")
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


@pytest.mark.parametrize("value", ["2024-13-45", "去年五月", "2024/06/18", "2024-02-30", "2024-6-18", "20240618"])
def test_an_unparseable_date_is_reported_on_the_date_field(value):
    # Literal YAML, as an editor types it: unquoted.
    result = tree({CASE_PATH: f"title: 标题\ndate: {value}\ndistrict: minhou\nformat: 微协商\n"})
    error = only_error(result, "date")
    assert "not a date" in error.message
    assert "YYYY-MM-DD" in error.message
    assert result.catalogue.cases == []


def test_a_bad_date_problem_reads_file_field_message():
    result = tree({CASE_PATH: "title: 标题\ndate: 2024-13-45\ndistrict: minhou\nformat: 微协商\n"})
    assert str(only_error(result, "date")) == (
        "cases/2024/x.md: date: not a date (got '2024-13-45'; expected YYYY-MM-DD)"
    )


def test_an_unquoted_date_is_a_date():
    result = tree({CASE_PATH: "title: 标题\ndate: 2024-06-18\ndistrict: minhou\nformat: 微协商\n"})
    assert result.problems == []
    assert the_case(result).date == dt.date(2024, 6, 18)


# -- files, keys and URLs ------------------------------------------------------


@pytest.mark.parametrize("src_uri", ["brands/Rong.md", "brands/rong_ni.md", "brands/榕.md"])
def test_a_brand_file_name_that_is_not_a_key_is_an_error(src_uri):
    result = tree({src_uri: {"name": "榕你来商量", "organisation": "福州市政协"}})
    errors = problems_of(result, src_uri, "file name")
    assert len(errors) == 1 and errors[0].is_error
    assert "lowercase letters, digits and hyphens" in errors[0].message


def test_a_district_file_name_that_is_not_a_key_is_an_error():
    result = tree({"districts/Min Hou.md": {"name": "闽侯县", "brand": "rong"}})
    assert only_error(result, "file name", "districts/Min Hou.md")


def test_two_files_sharing_a_url_is_an_error_naming_both():
    result = tree({"cases/2024/Jidi.md": case(), "cases/2024/jidi.md": case()})
    assert len(result.errors) == 1, [str(problem) for problem in result.problems]
    text = str(result.errors[0])
    assert "cases/2024/Jidi.md" in text and "cases/2024/jidi.md" in text
    assert "/cases/2024/jidi/" in text


def test_a_page_and_a_folder_index_sharing_a_url_is_an_error_naming_both():
    result = tree({"about.md": "title: 关于\n", "about/index.md": "title: 关于本站\n"})
    assert len(result.errors) == 1
    text = str(result.errors[0])
    assert "about.md" in text and "about/index.md" in text


def test_a_readme_and_an_index_in_one_folder_share_a_url_naming_both():
    result = tree({"about/README.md": "title: 关于\n", "about/index.md": "title: 关于本站\n"})
    assert len(result.errors) == 1
    text = str(result.errors[0])
    assert "about/README.md" in text and "about/index.md" in text


def test_a_lowercase_readme_is_its_own_page_not_the_home_page():
    result = tree({"readme.md": "title: 说明\n", "index.md": "title: 首页\n"})
    assert result.problems == []


@pytest.mark.parametrize(
    ("src_uri", "text", "other"),
    [
        ("about/minhou.md", "kind: district\nname: 闽侯县（旧页）\nbrand: yu\n", "districts/minhou.md"),
        ("about/rong.md", "kind: brand\nname: 榕（旧页）\norganisation: 福州市政协\n", "brands/rong.md"),
    ],
    ids=["district", "brand"],
)
def test_two_files_with_the_same_key_is_an_error_naming_both(src_uri, text, other):
    result = tree({src_uri: text})
    assert any(src_uri in str(error) and other in str(error) for error in result.errors), [
        str(problem) for problem in result.problems
    ]


def test_urls_are_lowercased():
    result = tree({"cases/2024/XianYu-Jidi.md": case()})
    assert the_case(result, "cases/2024/XianYu-Jidi.md").url == "cases/2024/xianyu-jidi/"


def test_folder_year_differing_from_the_date_is_a_warning_and_the_case_is_published():
    result = tree({"cases/2023/x.md": case(date="2024-01-05")})
    assert result.errors == []
    [warning] = result.warnings
    assert (warning.src_uri, warning.field, warning.severity) == ("cases/2023/x.md", "date", Severity.WARNING)
    assert "2024" in warning.message and "cases/2023/" in warning.message
    assert the_case(result, "cases/2023/x.md").year == 2024


def test_a_case_outside_a_year_folder_is_reported_with_the_folder_to_use():
    result = tree({"cases/x.md": case(date="2023-05-01")})
    problems = problems_of(result, "cases/x.md")
    assert len(problems) == 1, [str(problem) for problem in result.problems]
    assert "cases/2023/" in problems[0].message


# -- covers -------------------------------------------------------------------


def test_a_cover_pointing_at_no_file_is_an_error_naming_the_path_looked_for():
    result = tree({CASE_PATH: case(cover="images/jidi.jpg")}, other_uris=("cases/2024/jidi.jpg",))
    error = only_error(result, "cover")
    assert "'images/jidi.jpg'" in error.message
    assert "cases/2024/images/jidi.jpg" in error.message


@pytest.mark.parametrize(
    ("cover", "uri"),
    [("jidi.jpg", "cases/2024/jidi.jpg"), ("../../assets/jidi.jpg", "assets/jidi.jpg"),
     ("images/jidi.jpg", "cases/2024/images/jidi.jpg")],
)  # fmt: skip
def test_a_cover_relative_to_the_case_file_that_exists_is_accepted(cover, uri):
    result = tree({CASE_PATH: case(cover=cover)}, other_uris=(uri,))
    assert result.problems == []
    assert the_case(result).cover == cover


# -- unknown fields -------------------------------------------------------------


def test_an_unknown_field_is_a_warning_suggesting_the_closest_name():
    result = tree({CASE_PATH: case(memebrs=8)})
    assert result.errors == []
    [warning] = result.warnings
    assert (warning.field, warning.severity) == ("memebrs", Severity.WARNING)
    assert "'members'" in warning.message
    assert the_case(result).members is None


@pytest.mark.parametrize(
    ("src_uri", "meta", "typo", "suggestion"),
    [
        (CASE_PATH, case(stauts="落实"), "stauts", "status"),
        ("brands/ji.md", {"name": "集思广益", "organisation": "厦门市政协", "slogen": "x"}, "slogen", "slogan"),
        ("districts/jimei.md", {"name": "集美区", "brand": "rong", "sub_bran": "x"}, "sub_bran", "sub_brand"),
        (CASE_PATH, case(source={"nmae": "人民政协报"}), "source.nmae", "name"),
    ],
)
def test_unknown_fields_of_every_kind_suggest_the_closest_name(src_uri, meta, typo, suggestion):
    result = tree({src_uri: meta})
    assert result.errors == []
    [warning] = result.warnings
    assert (warning.src_uri, warning.field) == (src_uri, typo)
    assert f"'{suggestion}'" in warning.message


def test_theme_fields_are_not_unknown():
    result = tree({CASE_PATH: case(description="x", hide=["toc"], template="x.html")})
    assert result.problems == []


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
    assert "commended" in only_error(result, "highlight").message


# -- districts and brands of a case ---------------------------------------------


def test_a_list_of_one_district_is_a_single_district_case():
    published = the_case(tree({CASE_PATH: case(district=["minhou"])}))
    assert published.district_keys == ("minhou",)
    assert published.is_joint is False


def test_a_list_of_districts_is_a_joint_case_in_the_order_written():
    published = the_case(tree({CASE_PATH: case(district=["rongchang", "minhou"])}))
    assert published.district_keys == ("rongchang", "minhou")
    assert published.is_joint is True


def test_brand_defaults_to_the_first_districts_brand():
    result = tree({"cases/2024/a.md": case(district=["rongchang", "minhou"]),
                   "cases/2024/b.md": case(district=["minhou", "rongchang"])})  # fmt: skip
    assert result.problems == []
    assert the_case(result, "cases/2024/a.md").brand_key == "yu"
    assert the_case(result, "cases/2024/b.md").brand_key == "rong"


def test_an_explicit_brand_may_differ_from_the_districts_brand():
    result = tree({CASE_PATH: case(district="minhou", brand="yu")})
    assert result.problems == []
    published = the_case(result)
    assert published.brand_key == "yu"
    assert published.district_keys == ("minhou",)


# -- summary, markup -----------------------------------------------------------


def test_default_summary_is_the_first_paragraph_without_headings_or_markup():
    body = (
        "# 推进县域电商直播基地建设\n\n"
        "## 背景\n\n"
        "闽侯县政协围绕**电商直播**开展[微协商](https://example.org/a)，\n"
        "推动建成*直播基地*。\n\n"
        "第二段不在摘要里。\n"
    )
    published = the_case(tree({CASE_PATH: (case(), body)}))
    assert published.summary == "闽侯县政协围绕电商直播开展微协商，推动建成直播基地。"


@pytest.mark.parametrize(
    ("body", "summary"),
    [
        ("![封面](cover.jpg)\n\n正文第一段。\n", "正文第一段。"),
        ("```yaml\ncode: 1\n```\n\n正文第一段。\n", "正文第一段。"),
        ("标题\n====\n\n正文第一段。\n", "正文第一段。"),
        ("> 引文一句。\n\n正文。\n", "引文一句。"),
        ("", ""),
    ],
    ids=["image", "fenced-code", "setext-heading", "blockquote", "empty-body"],
)
def test_default_summary_skips_what_is_not_body_text(body, summary):
    assert the_case(tree({CASE_PATH: (case(), body)})).summary == summary


@pytest.mark.parametrize(
    "opening",
    [
        "<!--\n编辑备注：电话待核实\n-->\n\n",
        '!!! note "说明"\n    本页日期取报道日期。\n\n',
        "[![封面](cover.jpg)](https://example.org/a)\n\n",
        "    print('代码')\n\n",
    ],
    ids=["html-comment", "admonition", "linked-image", "indented-code"],
)
def test_default_summary_skips_comments_admonitions_linked_images_and_code(opening):
    published = the_case(tree({CASE_PATH: (case(), opening + "正文第一段。\n")}))
    assert published.summary == "正文第一段。"


def test_an_explicit_summary_wins_over_the_body():
    published = the_case(tree({CASE_PATH: (case(summary="编辑写的摘要"), "正文第一段。\n")}))
    assert published.summary == "编辑写的摘要"


def test_markup_in_title_and_summary_is_kept_verbatim_as_text():
    title = '<script>alert("x")</script> **加粗** & <b>标题</b>'
    summary = "<img src=x onerror=alert(1)> [链接](javascript:alert(1)) {{ config }}"
    published = the_case(tree({CASE_PATH: case(title=title, summary=summary)}))
    assert published.title == title
    assert published.summary == summary


# -- drafts ----------------------------------------------------------------------


def test_drafts_are_separated_from_published_cases():
    result = tree({"cases/2024/published.md": case(), "cases/2024/draft.md": case(draft=True),
                   "cases/2024/not-draft.md": case(draft=False)})  # fmt: skip
    assert result.problems == []
    assert sorted(c.src_uri for c in result.catalogue.cases) == [
        "cases/2024/not-draft.md", "cases/2024/published.md"]  # fmt: skip
    assert [c.src_uri for c in result.catalogue.drafts] == ["cases/2024/draft.md"]


def test_a_draft_is_still_validated():
    result = tree({CASE_PATH: case(draft=True, format="随便聊聊")})
    only_error(result, "format")


# -- explicit kind ---------------------------------------------------------------


def test_an_explicit_kind_places_a_file_anywhere():
    result = tree({"stories/jidi.md": case(kind="case"), "about/rong-intro.md": "kind: page\ntitle: x\n"})
    assert result.problems == []
    assert result.kinds["stories/jidi.md"].value == "case"
    assert result.kinds["about/rong-intro.md"].value == "page"
    assert the_case(result, "stories/jidi.md").url == "stories/jidi/"


def test_an_explicit_kind_overrides_the_folder():
    result = tree({"cases/2024/about.md": "kind: page\ntitle: 说明\n"})
    assert result.problems == []
    assert result.kinds["cases/2024/about.md"].value == "page"
    assert result.catalogue.cases == []


def test_an_unknown_kind_names_the_allowed_kinds():
    result = tree({"stories/jidi.md": "kind: story\ntitle: x\n"})
    error = only_error(result, "kind", "stories/jidi.md")
    assert "'story'" in error.message
    assert all(kind in error.message for kind in ("brand", "district", "case", "roundup", "page"))


# -- all problems at once --------------------------------------------------------


def test_all_problems_of_a_tree_are_reported_together():
    broken = {
        "cases/2024/a.md": case(date="2024-13-45"),
        "cases/2024/b.md": case(format="茶话会"),
        "cases/2024/c.md": case(district="nowhere"),
        "cases/2024/d.md": case(members="很多"),
        "districts/jinan.md": {"name": "晋安区", "brand": "nope"},
        "brands/Ji.md": {"name": "集思广益", "organisation": "厦门市政协"},
        "cases/2024/e.md": b"---\ntitle: [\n---\n",
    }
    result = tree({**broken, "cases/2024/fine.md": case()})
    assert {problem.src_uri for problem in result.errors} == set(broken)
    assert len(result.errors) >= len(broken)
    assert [c.src_uri for c in result.catalogue.cases if c.src_uri == "cases/2024/fine.md"]


def test_problems_are_sorted_by_file_errors_first():
    result = tree({"cases/2023/b.md": case(memebrs=1, format="x"), "cases/2023/a.md": case(tags="x")})
    keys = [(problem.src_uri, not problem.is_error) for problem in result.problems]
    assert keys == sorted(keys)
    assert len(keys) == 5  # a: tags, folder; b: format, folder, memebrs


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
    assert only_error(result, "order", "districts/minhou.md")
