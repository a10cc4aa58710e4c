"""Problems in Chinese by default, in English by configuration: `set_language`, the plugin's `language`
option for the build, the same option for check.py; and what check.py's JSON says of each problem."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from contract_tree import CASE_PATH, only_error, tree
from sites import REPO, make_site, page, with_minhou
from sites import case as site_case

from shangliang.cli.report import ContentReport
from shangliang.content.fields import THEME_FIELDS
from shangliang.content.validation import BRAND_FIELDS, CASE_FIELDS, DISTRICT_FIELDS, VENUE_FIELDS
from shangliang.messages import current_language, label_of, set_language
from shangliang.messages.labels import CASE_LABELS

BAD_DATE = "title: 标题\ndate: 2024-13-1\ndistrict: minhou\nformat: 微协商\n"


@pytest.fixture
def english():
    set_language("en")
    yield
    set_language("zh")


def test_problems_are_chinese_unless_configured():
    assert current_language() == "zh"
    error = only_error(tree({CASE_PATH: BAD_DATE}), "date")
    assert str(error) == (
        "cases/2024/x.md: date（协商日期）: 不是日期（写的是 '2024-13-1'；应写成 YYYY-MM-DD、YYYY-MM 或 YYYY）"
    )


def test_english_by_configuration_gives_the_english_wording(english):
    error = only_error(tree({CASE_PATH: BAD_DATE}), "date")
    assert str(error) == (
        "cases/2024/x.md: date: not a date (got '2024-13-1'; expected YYYY-MM-DD, or YYYY-MM or YYYY when the source "
        "gives no day)"
    )
    assert error.message.startswith("not a date")
    assert error.text("zh").startswith("cases/2024/x.md: date（协商日期）: 不是日期")  # either, whatever is set


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="zh, en"):
        set_language("fr")
    assert current_language() == "zh"


# -- labels ------------------------------------------------------------------------------------------


def test_the_contracts_field_labels():
    # CONTENT-MODEL.md, "Field labels", written out here so the code cannot drift from it.
    contract = {
        "title": "标题", "date": "协商日期", "district": "区县", "brand": "品牌", "format": "协商形式",
        "venue": "协商地点", "tags": "议题", "members": "参加委员", "participants": "参加人数",
        "departments": "参与部门", "problems_solved": "解决问题数", "status": "进度", "stages": "进度日期",
        "reports": "协商专报", "highlight": "年度优秀案例", "summary": "摘要", "cover": "封面图", "source": "来源",
        "draft": "草稿", "partners": "协作方",
    }  # fmt: skip
    assert contract == CASE_LABELS
    assert {key: label_of(key, "case") for key in contract} == contract


def test_every_field_of_every_kind_has_a_label():
    for kind, keys in (("case", CASE_FIELDS), ("brand", BRAND_FIELDS), ("district", DISTRICT_FIELDS),
                       ("venue", VENUE_FIELDS), ("page", THEME_FIELDS)):  # fmt: skip
        assert [key for key in sorted(keys | THEME_FIELDS) if not label_of(key, kind)] == [], kind


@pytest.mark.parametrize(
    ("path", "kind", "label"),
    [
        ("name", "brand", "品牌名称"), ("name", "district", "区县名称"), ("name", "venue", "阵地名称"),
        ("brand", "district", "所属品牌"), ("district", "venue", "所在区县"), ("type", "venue", "阵地类型"),
        ("source.url", "case", "来源·网址"), ("figures.2024.activities", "brand", "官方数字·2024年·各类活动"),
        ("figures.2024.source.date", "district", "官方数字·2024年·来源·日期"),
        ("commendations.2024.others.优秀委员", "brand", "通报表扬·2024年·其他表扬·优秀委员"),
        ("sub_brands[2].organisation", "brand", "子品牌·第2项·所属单位"), ("stages.协商", "case", "进度日期·协商"),
        ("tags[1]", "case", "议题·第1项"), ("front matter", None, "页头"), ("file name", None, "文件名"),
        ("memebrs", "case", ""), ("source.nmae", "case", ""), ("figures.去年", "brand", ""),
    ],
)  # fmt: skip
def test_nested_paths_are_labelled_part_by_part(path, kind, label):
    assert label_of(path, kind) == label


# -- check.py's JSON ---------------------------------------------------------------------------------


def test_the_json_of_a_problem_holds_its_code_field_label_line_severity_and_message():
    result = tree({CASE_PATH: BAD_DATE, "cases/2024/y.md": "title：社区停车\ndate: 2024-06-01\n"})
    document = ContentReport.of(result).as_json(path_of=lambda src_uri: f"content/{src_uri}")
    by_file = {problem["file"]: problem for problem in document["problems"]}
    date = by_file[CASE_PATH]
    assert {key: date[key] for key in ("code", "field", "label", "line", "severity")} == {
        "code": "not-a-date", "field": "date", "label": "协商日期", "line": 3, "severity": "error",
    }  # fmt: skip
    assert date["message"] == "不是日期（写的是 '2024-13-1'；应写成 YYYY-MM-DD、YYYY-MM 或 YYYY）"
    slip = by_file["cases/2024/y.md"]
    assert (slip["code"], slip["field"], slip["label"], slip["line"]) == ("full-width-colon", "front matter", "页头", 2)


# -- the configuration of a real site -----------------------------------------------------------------


def _site(tmp_path: Path, language: str | None):
    site = make_site(tmp_path, with_minhou({"cases/2024/a.md": page(site_case("路灯", "2024-13-45", "minhou"))}))
    if language is not None:
        config = site.root / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        config.write_text(text.replace("search: false", f"search: false\n      language: {language}"), "utf-8")
    return site


def test_the_build_words_problems_in_the_language_of_the_plugin_option(tmp_path: Path):
    chinese = _site(tmp_path / "zh", None).build()
    assert "cases/2024/a.md: date（协商日期）: 不是日期（写的是 '2024-13-45'" in chinese.stderr
    english = _site(tmp_path / "en", "en").build()
    assert "cases/2024/a.md: date: not a date (got '2024-13-45'; expected YYYY-MM-DD" in english.stderr
    assert english.returncode == chinese.returncode == 1


def test_a_language_the_plugin_does_not_know_is_refused(tmp_path: Path):
    result = _site(tmp_path, "fr").build()
    assert result.returncode == 1
    assert "language" in result.stderr and "Traceback" not in result.stderr


def test_check_py_reads_the_same_option(tmp_path: Path):
    site = _site(tmp_path, "en")
    checked = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "check.py"), "--format", "json", "-f", str(site.root / "mkdocs.yml")],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    [problem] = json.loads(checked.stdout)["problems"]
    assert problem["code"] == "not-a-date" and problem["label"] == "协商日期"
    assert problem["message"].startswith("not a date (got '2024-13-45'")
