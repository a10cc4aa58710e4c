"""Content model v2 (CONTENT-MODEL.md): official figures and commendations, against `load_catalogue`.

A brand's or a district's official figures by year, kept as published with their
source, and a brand's commendations by year.

Each test loads a small content tree in memory (see `contract_tree`) holding the file
or field the rule is about, mostly written as literal YAML, the way an editor types it;
`contract_v2_tree` holds what the `test_contract_v2_*.py` files share.
"""

from __future__ import annotations

import pytest
from contract_tree import only_error, tree
from contract_v2_tree import RONG, messages

from shangliang.dates import PartialDate
from shangliang.model import Severity

# Written out from the contract rather than imported, so the code cannot drift from it.
CONTRACT_FIGURES = (
    "activities", "consultations", "participants", "members", "problems_solved", "bulletins", "venues",
    "opinions", "projects",
)  # fmt: skip
MINHOU = "name: 闽侯县\nbrand: rong\n"


def figures_of_year(owner, year: int):
    found = [figures for figures in owner.figures if figures.year == year]
    assert len(found) == 1, owner.figures
    return found[0]


# -- official figures --------------------------------------------------------------

BRAND_FIGURES = RONG + """\
figures:
  2024:
    activities: 百余场
    consultations: 45场以上
    problems_solved: 20多个
    bulletins: 11
    venues: 45
    source: {name: 人民政协网, url: https://example.org/a, date: 2025-01-06}
"""


def test_a_brands_official_figures_are_kept_as_published_with_their_source():
    result = tree({"brands/rong.md": BRAND_FIGURES})
    assert result.problems == [], messages(result)
    figures = figures_of_year(result.catalogue.brands["rong"], 2024)
    assert figures.get("activities") == "百余场"
    assert figures.get("consultations") == "45场以上"
    assert figures.get("problems_solved") == "20多个"
    assert figures.get("bulletins") == 11
    assert figures.get("venues") == 45
    assert figures.get("participants") is None
    assert {name for name, _ in figures.values} == {
        "activities", "consultations", "problems_solved", "bulletins", "venues",
    }  # fmt: skip
    assert figures.source.name == "人民政协网"
    assert figures.source.url == "https://example.org/a"
    assert figures.source.date == PartialDate(2025, 1, 6)


def test_a_districts_official_figures_are_read_as_for_a_brand():
    district = "name: 荣昌区\nbrand: yu\nfigures:\n  2024: {activities: 215, participants: 1967, projects: 4}\n"
    result = tree({"districts/rongchang.md": district})
    assert result.problems == [], messages(result)
    figures = figures_of_year(result.catalogue.districts["rongchang"], 2024)
    assert (figures.get("activities"), figures.get("participants"), figures.get("projects")) == (215, 1967, 4)
    assert figures.source is None


@pytest.mark.parametrize("name", CONTRACT_FIGURES)
def test_every_official_figure_name_of_the_contract_is_accepted(name):
    result = tree({"brands/rong.md": RONG + f"figures:\n  2024:\n    {name}: 12\n"})
    assert result.problems == [], messages(result)
    assert figures_of_year(result.catalogue.brands["rong"], 2024).get(name) == 12


def test_figures_of_several_years_are_kept_by_year():
    brand = RONG + "figures:\n  2023: {activities: 80}\n  '2024': {activities: 百余场}\n"
    result = tree({"brands/rong.md": brand})
    assert result.problems == [], messages(result)
    brand = result.catalogue.brands["rong"]
    assert figures_of_year(brand, 2023).get("activities") == 80
    assert figures_of_year(brand, 2024).get("activities") == "百余场"


@pytest.mark.parametrize(
    ("src_uri", "front"),
    [
        ("brands/rong.md", RONG + "figures:\n  2024:\n    activites: 百余场\n    bulletins: 11\n"),
        ("districts/minhou.md", MINHOU + "figures:\n  2024:\n    activites: 百余场\n    bulletins: 11\n"),
    ],
    ids=["brand", "district"],
)
def test_an_unknown_figure_name_is_a_warning_suggesting_the_closest_name(src_uri, front):
    result = tree({src_uri: front})
    assert result.errors == []
    [warning] = result.warnings
    assert (warning.src_uri, warning.field, warning.severity) == (src_uri, "figures.2024.activites", Severity.WARNING)
    assert warning.code == "unknown-figure"
    assert warning.message == "未知的数字名称，已忽略（是不是想写 activities（各类活动）？）"
    assert warning.text("en").endswith("unknown figure, ignored (did you mean 'activities'?)")
    catalogue = result.catalogue
    owner = catalogue.brands["rong"] if src_uri.startswith("brands/") else catalogue.districts["minhou"]
    figures = figures_of_year(owner, 2024)
    assert figures.get("bulletins") == 11
    assert figures.get("activities") is None


@pytest.mark.parametrize("year", ["去年", "24", "'2024年'", "1800"])
def test_a_figures_year_that_is_not_a_year_is_an_error(year):
    result = tree({"brands/rong.md": RONG + f"figures:\n  {year}: {{activities: 百余场}}\n"})
    error = only_error(result, f"figures.{year.strip(chr(39))}", "brands/rong.md")
    assert error.code == "not-a-year"
    assert "应是年份，例如 2024" in error.message


@pytest.mark.parametrize(
    ("value", "field"),
    [
        ("[2024]", "figures"),
        ("百余场", "figures"),
        ("{2024: 百余场}", "figures.2024"),
        ("{2024: {activities: [1, 2]}}", "figures.2024.activities"),
        ("{2024: {activities: true}}", "figures.2024.activities"),
        ("{2024: {activities: -3}}", "figures.2024.activities"),
        ("{2024: {activities: }}", "figures.2024.activities"),
    ],
)
def test_a_figures_value_that_is_not_a_figure_is_an_error_naming_it(value, field):
    result = tree({"brands/rong.md": RONG + f"figures: {value}\n"})
    only_error(result, field, "brands/rong.md")


@pytest.mark.parametrize("url", ["ftp://example.org/a", "example.org/a", "人民政协网"])
def test_a_figures_source_url_must_be_http_or_https(url):
    brand = RONG + f"figures:\n  2024:\n    activities: 百余场\n    source: {{name: 人民政协网, url: {url}}}\n"
    error = only_error(tree({"brands/rong.md": brand}), "figures.2024.source.url", "brands/rong.md")
    assert error.code == "not-a-web-address"
    assert str(error).startswith("brands/rong.md: figures.2024.source.url（官方数字·2024年·来源·网址）: 应是以 http://")


def test_a_bad_figures_source_date_is_reported_on_that_date():
    brand = RONG + "figures:\n  2024:\n    activities: 百余场\n    source: {name: 人民政协网, date: 2025-13-06}\n"
    error = only_error(tree({"brands/rong.md": brand}), "figures.2024.source.date", "brands/rong.md")
    assert error.code == "not-a-date"


# -- commendations -----------------------------------------------------------------

BRAND_COMMENDATIONS = RONG + """\
commendations:
  2024:
    cases: 10
    others: {优秀委员: 80, 优秀委员联系点: 10, 优秀社情民意信息: 60, 好提案: 30}
    source: {name: 福州日报, date: 2025-01-10}
"""


def test_a_brands_commendations_are_kept_by_year_with_their_source():
    result = tree({"brands/rong.md": BRAND_COMMENDATIONS})
    assert result.problems == [], messages(result)
    commendation = result.catalogue.brands["rong"].commendation(2024)
    assert commendation.cases == 10
    assert dict(commendation.others) == {"优秀委员": 80, "优秀委员联系点": 10, "优秀社情民意信息": 60, "好提案": 30}
    assert commendation.source.name == "福州日报"
    assert commendation.source.date == PartialDate(2025, 1, 10)
    assert result.catalogue.brands["rong"].commendation(2023) is None


def test_no_commended_cases_is_zero_and_others_may_be_text_as_published():
    result = tree({"brands/rong.md": RONG + "commendations:\n  2024: {cases: 0, others: {优秀委员: 80余名}}\n"})
    assert result.problems == [], messages(result)
    commendation = result.catalogue.brands["rong"].commendation(2024)
    assert commendation.cases == 0
    assert dict(commendation.others) == {"优秀委员": "80余名"}


@pytest.mark.parametrize(
    ("lines", "field"),
    [
        ("{cases: -1}", "commendations.2024.cases"),
        ("{cases: 十个}", "commendations.2024.cases"),
        ("{cases: true}", "commendations.2024.cases"),
        ("{cases: 2.5}", "commendations.2024.cases"),
        ("{cases: 10, others: [优秀委员]}", "commendations.2024.others"),
        ("{cases: 10, others: {优秀委员: [80]}}", "commendations.2024.others.优秀委员"),
        ("{cases: 10, source: {name: 福州日报, url: fzdaily}}", "commendations.2024.source.url"),
        ("{cases: 10, source: {name: 福州日报, date: 去年}}", "commendations.2024.source.date"),
        ("[10]", "commendations.2024"),
    ],
)
def test_a_bad_commendation_value_is_an_error_naming_its_field(lines, field):
    result = tree({"brands/rong.md": RONG + f"commendations:\n  2024: {lines}\n"})
    assert only_error(result, field, "brands/rong.md").is_error


def test_an_unknown_commendation_field_is_a_warning_suggesting_the_closest_name():
    result = tree({"brands/rong.md": RONG + "commendations:\n  2024: {case: 10}\n"})
    assert result.errors == []
    [warning] = result.warnings
    assert (warning.field, warning.severity, warning.code) == ("commendations.2024.case", Severity.WARNING,
                                                               "unknown-field")  # fmt: skip
    assert "是不是想写 cases（通报表扬·2024年·表扬案例数）？" in warning.message


def test_a_year_of_figures_written_twice_is_an_error():
    result = tree({"brands/rong.md": RONG + "figures:\n  2024: {activities: 1}\n  '2024': {activities: 2}\n"})
    assert any(error.src_uri == "brands/rong.md" and error.code == "yaml-duplicate-key" for error in result.errors)


def test_a_commendation_year_that_is_not_a_year_is_an_error():
    result = tree({"brands/rong.md": RONG + "commendations:\n  去年: {cases: 10}\n"})
    assert only_error(result, "commendations.去年", "brands/rong.md").code == "not-a-year"
