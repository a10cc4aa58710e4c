"""Rules that need the whole content tree: keys that must exist, URLs, folders, covers, kinds.

Checked through `load_catalogue` on small trees in memory (see `contract_tree`).
"""

from __future__ import annotations

import pytest
from contract_tree import (
    CASE_PATH,
    case,
    only_error,
    problems_of,
    the_case,
    tree,
)

from shangliang.model import Severity

# -- keys that must exist ----------------------------------------------------


def test_unknown_district_of_a_case_names_the_known_districts():
    result = tree({CASE_PATH: case(district="nowhere")})
    error = only_error(result, "district")
    assert error.code == "unknown-district"
    assert str(error) == (
        f"{CASE_PATH}: district（区县）: 未知的区县（写的是 'nowhere'；应是 gulou, minhou, rongchang 之一）"
    )
    assert result.catalogue.cases == []


def test_unknown_district_in_a_joint_case_is_reported():
    result = tree({CASE_PATH: case(district=["minhou", "nowhere"])})
    assert "'nowhere'" in only_error(result, "district").message


def test_unknown_brand_of_a_case_names_the_known_brands():
    result = tree({CASE_PATH: case(brand="ji")})
    error = only_error(result, "brand")
    assert error.code == "unknown-brand"
    assert error.message == "未知的品牌（写的是 'ji'；应是 rong, yu 之一）"


def test_unknown_brand_of_a_district_names_the_known_brands():
    result = tree({"districts/minhou.md": {"name": "闽侯县", "brand": "fuzhou"}})
    error = only_error(result, "brand", "districts/minhou.md")
    assert error.code == "unknown-brand"
    assert str(error) == "districts/minhou.md: brand（所属品牌）: 未知的品牌（写的是 'fuzhou'；应是 rong, yu 之一）"


def test_unknown_keys_of_a_case_are_reported_even_when_the_case_has_other_errors():
    result = tree({CASE_PATH: case(district="nowhere", brand="ji", title=None)})
    fields = sorted(problem.field for problem in result.errors)
    assert fields == ["brand", "district", "title"]


def test_a_district_key_that_is_not_a_key_is_an_error():
    result = tree({CASE_PATH: case(district="Minhou")})
    assert any(problem.code == "not-a-key" and "写的是 'Minhou'" in problem.message
               for problem in problems_of(result, field="district"))  # fmt: skip
    assert result.catalogue.cases == []


# -- files, keys and URLs ------------------------------------------------------


@pytest.mark.parametrize("src_uri", ["brands/Rong.md", "brands/rong_ni.md", "brands/榕.md"])
def test_a_brand_file_name_that_is_not_a_key_is_an_error(src_uri):
    result = tree({src_uri: {"name": "榕你来商量", "organisation": "福州市政协"}})
    errors = problems_of(result, src_uri, "file name")
    assert len(errors) == 1 and errors[0].is_error
    assert errors[0].code == "file-name-not-key"
    assert "请用小写字母、数字和连字符给文件改名" in errors[0].message


def test_a_district_file_name_that_is_not_a_key_is_an_error():
    result = tree({"districts/Min Hou.md": {"name": "闽侯县", "brand": "rong"}})
    assert only_error(result, "file name", "districts/Min Hou.md")


def test_two_files_sharing_a_url_is_an_error_naming_both():
    result = tree({"cases/2024/Jidi.md": case(), "cases/2024/jidi.md": case()})
    assert len(result.errors) == 1, [str(problem) for problem in result.problems]
    assert result.errors[0].code == "same-url"
    text = str(result.errors[0])
    assert "cases/2024/Jidi.md" in text and "cases/2024/jidi.md" in text
    assert "网址相同（/cases/2024/jidi/）" in text


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
    assert warning.code == "folder-year-differs"
    assert warning.message == "年份 2024 与所在文件夹 cases/2023/ 不一致（请把文件移到 cases/2024/，或改正日期）"
    assert the_case(result, "cases/2023/x.md").year == 2024


def test_a_case_outside_a_year_folder_is_reported_with_the_folder_to_use():
    result = tree({"cases/x.md": case(date="2023-05-01")})
    problems = problems_of(result, "cases/x.md")
    assert len(problems) == 1, [str(problem) for problem in result.problems]
    assert problems[0].code == "case-outside-year-folder"
    assert "请移到 cases/2023/" in problems[0].message


# -- covers -------------------------------------------------------------------


def test_a_cover_pointing_at_no_file_is_an_error_naming_the_path_looked_for():
    result = tree({CASE_PATH: case(cover="images/jidi.jpg")}, other_uris=("cases/2024/jidi.jpg",))
    error = only_error(result, "cover")
    assert error.code == "cover-missing"
    assert "写的是 'images/jidi.jpg'" in error.message
    assert "找的是 cases/2024/images/jidi.jpg" in error.message


@pytest.mark.parametrize(
    ("cover", "uri"),
    [("jidi.jpg", "cases/2024/jidi.jpg"), ("../../assets/jidi.jpg", "assets/jidi.jpg"),
     ("images/jidi.jpg", "cases/2024/images/jidi.jpg")],
)  # fmt: skip
def test_a_cover_relative_to_the_case_file_that_exists_is_accepted(cover, uri):
    result = tree({CASE_PATH: case(cover=cover)}, other_uris=(uri,))
    assert result.problems == []
    assert the_case(result).cover == cover


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
    assert (error.code, error.line) == ("unknown-kind", 2)
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
