"""Content model v2 (CONTENT-MODEL.md), rule by rule, against `load_catalogue`.

v2 only adds to v1: dates as precise as the source, official figures and
commendations, sub-brands and the brand matrix, partner districts, venues,
stage dates and partners of a case. Each test loads a small content tree in
memory (see `contract_tree`) holding the file or field the rule is about,
mostly written as literal YAML, the way an editor types it.
"""

from __future__ import annotations

import datetime as dt

import pytest
from contract_tree import (
    CASE_PATH,
    CONTRACT_STAGES,
    case,
    only_error,
    problems_of,
    the_case,
    tree,
)

from shangliang.dates import PartialDate
from shangliang.model import Severity, SubBrand
from shangliang.pages.grouping import Index

# Written out from the contract rather than imported, so the code cannot drift from it.
CONTRACT_VENUE_TYPES = (
    "委员联系点", "委员工作室", "委员活动室", "委员工作站", "协商议事室", "界别议政厅", "乡镇联络组", "其他",
)  # fmt: skip
CONTRACT_FIGURES = (
    "activities", "consultations", "participants", "members", "problems_solved", "bulletins", "venues",
    "opinions", "projects",
)  # fmt: skip
RONG = "name: 榕你来商量\norganisation: 福州市政协\n"
MINHOU = "name: 闽侯县\nbrand: rong\n"
VENUE_PATH = "venues/ganzhe.md"
VENUE = "name: 甘蔗街道委员联系点\ntype: 委员联系点\ndistrict: minhou\n"


def case_yaml(date: str = "2024-06-18", extra: str = "") -> str:
    """A valid case's front matter as an editor types it (unquoted), with `extra` lines after it."""
    return f"title: 推进县域电商直播基地建设\ndate: {date}\ndistrict: minhou\nformat: 微协商\n{extra}"


def year_folder(date: str) -> str:
    return f"cases/{date[:4]}/x.md"


def figures_of_year(owner, year: int):
    found = [figures for figures in owner.figures if figures.year == year]
    assert len(found) == 1, owner.figures
    return found[0]


def messages(result) -> list[str]:
    return [str(problem) for problem in result.problems]


# -- dates as precise as the source --------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected", "precision"),
    [
        ("2023", PartialDate(2023), "year"),  # a YAML int
        ("'2023'", PartialDate(2023), "year"),  # a YAML string
        ("2023-05", PartialDate(2023, 5), "month"),
        ("'2023-05'", PartialDate(2023, 5), "month"),
        ("2023-05-18", PartialDate(2023, 5, 18), "day"),
    ],
)
def test_a_case_date_may_be_a_day_a_month_or_a_year(written, expected, precision):
    result = tree({"cases/2023/x.md": case_yaml(written)})
    assert result.problems == [], messages(result)
    date = the_case(result, "cases/2023/x.md").date
    assert date == expected
    assert date.precision == precision
    assert date.isoformat() == written.strip("'")


@pytest.mark.parametrize(
    "written", ["2023-13", "2023-02-30", "去年五月", "2023/05", "2023-5", "23", "2023-00", "2023-05-00"]
)
def test_a_date_that_is_not_a_day_month_or_year_is_an_error_saying_what_is_allowed(written):
    result = tree({"cases/2023/x.md": case_yaml(written)})
    error = only_error(result, "date", "cases/2023/x.md")
    assert f"'{written}'" in error.message or written in error.message
    assert "YYYY-MM-DD" in error.message
    assert "YYYY-MM or YYYY" in error.message
    assert result.catalogue.cases == []


def test_a_partial_date_in_the_wrong_year_folder_warns_with_its_year():
    result = tree({CASE_PATH: case_yaml("2023")})
    assert result.errors == []
    [warning] = result.warnings
    assert (warning.field, warning.severity) == ("date", Severity.WARNING)
    assert "2023" in warning.message and "cases/2024/" in warning.message
    assert the_case(result).year == 2023


@pytest.mark.parametrize("written", ["2024", "2024-05"])
def test_a_partial_date_in_its_year_folder_is_not_a_warning(written):
    result = tree({CASE_PATH: case_yaml(written)})
    assert result.problems == [], messages(result)


def test_a_case_outside_a_year_folder_is_told_the_year_of_its_month():
    result = tree({"cases/x.md": case_yaml("2023-05")})
    [problem] = problems_of(result, "cases/x.md")
    assert "cases/2023/" in problem.message


def test_newest_first_puts_a_month_after_its_days_and_a_year_after_its_months():
    dates = {
        "a-2023": "2023",
        "b-2023-05": "2023-05",
        "c-2023-05-01": "2023-05-01",
        "d-2023-05-31": "2023-05-31",
        "e-2023-12": "2023-12",
        "f-2023-01-01": "2023-01-01",
        "g-2023-04-30": "2023-04-30",
        "h-2024-01-01": "2024-01-01",
        "i-2022-12-31": "2022-12-31",
        "j-2023-12-31": "2023-12-31",
        "k-2023-01": "2023-01",
    }
    result = tree({f"cases/{date[:4]}/{name}.md": case_yaml(date) for name, date in dates.items()})
    assert result.problems == [], messages(result)
    order = [case.date.isoformat() for case in result.catalogue.cases]
    assert order == [
        "2024-01-01",
        "2023-12-31", "2023-12",
        "2023-05-31", "2023-05-01", "2023-05",
        "2023-04-30",
        "2023-01-01", "2023-01",
        "2023",
        "2022-12-31",
    ]  # fmt: skip


def test_cases_of_the_same_partial_date_keep_one_stable_order():
    result = tree({"cases/2023/b.md": case_yaml("2023-05"), "cases/2023/a.md": case_yaml("2023-05")})
    assert [case.src_uri for case in result.catalogue.cases] == ["cases/2023/a.md", "cases/2023/b.md"]


# -- dates far ahead -------------------------------------------------------------


def _ahead(days: int) -> str:
    return (dt.date.today() + dt.timedelta(days=days)).isoformat()


def test_a_date_more_than_a_month_after_today_is_a_warning_and_the_case_is_published():
    date = _ahead(60)
    result = tree({year_folder(date): case_yaml(date)})
    assert result.errors == []
    [warning] = result.warnings
    assert (warning.field, warning.severity, warning.code) == ("date", Severity.WARNING, "future-date")
    assert date in warning.message
    assert the_case(result, year_folder(date)).date == PartialDate.parse(date)


def test_a_year_alone_far_ahead_is_a_warning():
    year = str(dt.date.today().year + 2)
    result = tree({f"cases/{year}/x.md": case_yaml(year)})
    assert [problem.code for problem in result.problems] == ["future-date"]


@pytest.mark.parametrize("days", [0, 7, 28])
def test_a_date_within_a_month_of_today_is_not_a_warning(days):
    date = _ahead(days)
    result = tree({year_folder(date): case_yaml(date)})
    assert result.problems == [], messages(result)


@pytest.mark.parametrize("precision", ["month", "year"])
def test_the_current_month_or_year_is_not_far_ahead(precision):
    today = dt.date.today()
    date = f"{today.year}-{today.month:02d}" if precision == "month" else str(today.year)
    result = tree({f"cases/{today.year}/x.md": case_yaml(date)})
    assert result.problems == [], messages(result)


# -- highlight and the year of the date -------------------------------------------


@pytest.mark.parametrize("date", ["2023", "2023-05", "2023-05-18"])
def test_highlight_earlier_than_the_year_of_the_date_is_an_error(date):
    result = tree({"cases/2023/x.md": case_yaml(date, "highlight: 2022\n")})
    error = only_error(result, "highlight", "cases/2023/x.md")
    assert error.code == "highlight-before-date"
    assert "2022" in error.message and "2023" in error.message


@pytest.mark.parametrize("highlight", [2023, 2024])
def test_highlight_in_the_year_of_a_partial_date_or_later_is_accepted(highlight):
    result = tree({"cases/2023/x.md": case_yaml("2023", f"highlight: {highlight}\n")})
    assert result.problems == [], messages(result)
    assert the_case(result, "cases/2023/x.md").highlight_year == highlight


@pytest.mark.parametrize("date", ["2023", "2023-05", "2023-05-18"])
def test_highlight_true_means_the_year_of_the_date_however_precise(date):
    result = tree({"cases/2023/x.md": case_yaml(date, "highlight: true\n")})
    assert result.problems == [], messages(result)
    assert the_case(result, "cases/2023/x.md").highlight_year == 2023


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
    assert "'activities'" in warning.message
    catalogue = result.catalogue
    owner = catalogue.brands["rong"] if src_uri.startswith("brands/") else catalogue.districts["minhou"]
    figures = figures_of_year(owner, 2024)
    assert figures.get("bulletins") == 11
    assert figures.get("activities") is None


@pytest.mark.parametrize("year", ["去年", "24", "'2024年'", "1800"])
def test_a_figures_year_that_is_not_a_year_is_an_error(year):
    result = tree({"brands/rong.md": RONG + f"figures:\n  {year}: {{activities: 百余场}}\n"})
    error = only_error(result, f"figures.{year.strip(chr(39))}", "brands/rong.md")
    assert "year" in error.message


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
    assert "http:// or https://" in error.message


def test_a_bad_figures_source_date_is_reported_on_that_date():
    brand = RONG + "figures:\n  2024:\n    activities: 百余场\n    source: {name: 人民政协网, date: 2025-13-06}\n"
    error = only_error(tree({"brands/rong.md": brand}), "figures.2024.source.date", "brands/rong.md")
    assert "not a date" in error.message


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
    assert (warning.field, warning.severity) == ("commendations.2024.case", Severity.WARNING)
    assert "'cases'" in warning.message


def test_a_year_of_figures_written_twice_is_an_error():
    result = tree({"brands/rong.md": RONG + "figures:\n  2024: {activities: 1}\n  '2024': {activities: 2}\n"})
    assert any(error.src_uri == "brands/rong.md" and "twice" in error.message for error in result.errors)


def test_a_commendation_year_that_is_not_a_year_is_an_error():
    result = tree({"brands/rong.md": RONG + "commendations:\n  去年: {cases: 10}\n"})
    assert "year" in only_error(result, "commendations.去年", "brands/rong.md").message


# -- matrix, sub-brands, partners ---------------------------------------------------


def test_a_brands_matrix_and_sub_brands_are_kept():
    brand = RONG + """\
matrix: [走进政协, 委员在行动, 书香政协]
sub_brands:
  - name: 想方设法
    organisation: 提案委员会
  - name: 众智成城
  - 文化基石
"""
    result = tree({"brands/rong.md": brand})
    assert result.problems == [], messages(result)
    rong = result.catalogue.brands["rong"]
    assert rong.matrix == ("走进政协", "委员在行动", "书香政协")
    assert rong.sub_brands == (SubBrand("想方设法", "提案委员会"), SubBrand("众智成城"), SubBrand("文化基石"))


def test_a_matrix_that_is_not_a_list_is_an_error():
    result = tree({"brands/rong.md": RONG + "matrix: 走进政协\n"})
    assert "list" in only_error(result, "matrix", "brands/rong.md").message


@pytest.mark.parametrize(
    ("value", "field"),
    [
        ("想方设法", "sub_brands"),
        ("[{organisation: 提案委员会}]", "sub_brands[1]"),
        ("[想方设法, [x]]", "sub_brands[2]"),
    ],
)
def test_a_bad_sub_brand_is_an_error_naming_it(value, field):
    result = tree({"brands/rong.md": RONG + f"sub_brands: {value}\n"})
    only_error(result, field, "brands/rong.md")


@pytest.mark.parametrize("organisation", ["[提案委员会]", "{name: 提案委员会}"], ids=["list", "mapping"])
def test_a_sub_brands_organisation_that_is_not_text_is_an_error(organisation):
    result = tree({"brands/rong.md": RONG + f"sub_brands:\n  - {{name: 想方设法, organisation: {organisation}}}\n"})
    assert len(result.errors) == 1, messages(result)
    assert result.errors[0].field.startswith("sub_brands[1]")
    assert "organisation" in result.errors[0].field


def test_a_sub_brands_unknown_field_is_a_warning():
    result = tree({"brands/rong.md": RONG + "sub_brands:\n  - {name: 想方设法, organsation: 提案委员会}\n"})
    assert result.errors == []
    [warning] = result.warnings
    assert warning.field.endswith("organsation")
    assert "'organisation'" in warning.message


def test_a_partner_district_is_a_partner_and_never_a_sub_brand():
    partner = "name: 内江市\nbrand: yu\nsub_brand: 甜城商量\npartner: true\n"
    result = tree({"districts/neijiang.md": partner})
    assert result.problems == [], messages(result)
    districts = result.catalogue.districts
    assert districts["neijiang"].partner is True
    assert districts["neijiang"].is_sub_brand is False
    assert districts["minhou"].is_sub_brand is True  # sub_brand: 邑起来商量
    assert districts["gulou"].is_sub_brand is False  # no sub_brand
    assert districts["gulou"].partner is False


def test_a_brands_sub_brands_are_its_districts_own_without_partners_plus_its_sub_brands():
    result = tree({
        "brands/yu.md": "name: 渝事好商量\norganisation: 重庆市政协\nsub_brands: [委员沙龙]\n",
        "districts/rongchang.md": "name: 荣昌区\nbrand: yu\nsub_brand: 荣昌好商量\n",
        "districts/neijiang.md": "name: 内江市\nbrand: yu\nsub_brand: 甜城商量\npartner: true\n",
    })  # fmt: skip
    assert result.problems == [], messages(result)
    index = Index(result.catalogue)
    assert sorted(index.sub_brands_of("yu")) == sorted(["荣昌好商量", "委员沙龙"])
    assert [district.key for district in index.partners_of("yu")] == ["neijiang"]


def test_partner_must_be_true_or_false():
    result = tree({"districts/neijiang.md": "name: 内江市\nbrand: yu\npartner: 是\n"})
    assert "true or false" in only_error(result, "partner", "districts/neijiang.md").message


def test_a_joint_case_with_a_partner_district_is_published():
    partner = "name: 内江市\nbrand: yu\npartner: true\n"
    result = tree({"districts/neijiang.md": partner, CASE_PATH: case(district=["rongchang", "neijiang"])})
    assert result.problems == [], messages(result)
    assert the_case(result).district_keys == ("rongchang", "neijiang")
    assert the_case(result).brand_key == "yu"


def test_a_cases_partners_are_kept():
    result = tree({CASE_PATH: case_yaml(extra="partners: [内江市政协, 隆昌市政协]\n")})
    assert result.problems == [], messages(result)
    assert the_case(result).partners == ("内江市政协", "隆昌市政协")


def test_partners_that_are_not_a_list_is_an_error():
    result = tree({CASE_PATH: case_yaml(extra="partners: 内江市政协\n")})
    assert "list" in only_error(result, "partners").message


# -- venues ---------------------------------------------------------------------------


def test_a_venue_page_is_read_with_every_field_of_the_contract():
    venue = VENUE + "opened: 2024-03\naddress: 闽侯县甘蔗街道…\n"
    result = tree({VENUE_PATH: venue})
    assert result.problems == [], messages(result)
    ganzhe = result.catalogue.venues["ganzhe"]
    assert (ganzhe.key, ganzhe.src_uri, ganzhe.url) == ("ganzhe", VENUE_PATH, "venues/ganzhe/")
    assert (ganzhe.name, ganzhe.type, ganzhe.district_key) == ("甘蔗街道委员联系点", "委员联系点", "minhou")
    assert ganzhe.opened == PartialDate(2024, 3)
    assert ganzhe.address == "闽侯县甘蔗街道…"


@pytest.mark.parametrize("venue_type", CONTRACT_VENUE_TYPES)
def test_every_venue_type_of_the_contract_is_accepted(venue_type):
    result = tree({VENUE_PATH: f"name: 甘蔗街道委员联系点\ntype: {venue_type}\ndistrict: minhou\n"})
    assert result.problems == [], messages(result)
    assert result.catalogue.venues["ganzhe"].type == venue_type


def test_an_unknown_venue_type_is_an_error_naming_the_types():
    result = tree({VENUE_PATH: "name: 甘蔗街道委员联系点\ntype: 联系点\ndistrict: minhou\n"})
    error = only_error(result, "type", VENUE_PATH)
    assert "'联系点'" in error.message
    assert all(venue_type in error.message for venue_type in CONTRACT_VENUE_TYPES)
    assert "ganzhe" not in result.catalogue.venues


def test_venue_types_are_configurable():
    venue = "name: 院坝会场\ntype: 院坝\ndistrict: minhou\n"
    result = tree({VENUE_PATH: venue}, venue_types=("院坝",))
    assert result.problems == [], messages(result)
    result = tree({VENUE_PATH: VENUE}, venue_types=("院坝",))
    assert "院坝" in only_error(result, "type", VENUE_PATH).message


@pytest.mark.parametrize("field", ["name", "type", "district"])
def test_a_venue_missing_a_required_field_is_an_error_naming_it(field):
    lines = [line for line in VENUE.splitlines(keepends=True) if not line.startswith(f"{field}:")]
    result = tree({VENUE_PATH: "".join(lines)})
    error = only_error(result, field, VENUE_PATH)
    assert error.message.startswith("missing")
    assert "ganzhe" not in result.catalogue.venues


def test_a_venue_of_an_unknown_district_is_an_error_naming_the_districts():
    result = tree({VENUE_PATH: "name: 甘蔗街道委员联系点\ntype: 委员联系点\ndistrict: nowhere\n"})
    error = only_error(result, "district", VENUE_PATH)
    assert "'nowhere'" in error.message
    assert all(key in error.message for key in ("gulou", "minhou", "rongchang"))
    assert "ganzhe" not in result.catalogue.venues


def test_a_venue_district_that_is_not_a_key_is_an_error():
    result = tree({VENUE_PATH: "name: 甘蔗街道委员联系点\ntype: 委员联系点\ndistrict: 闽侯县\n"})
    assert "not a key" in only_error(result, "district", VENUE_PATH).message


@pytest.mark.parametrize(
    ("written", "expected"),
    [("2024", PartialDate(2024)), ("2024-03", PartialDate(2024, 3)), ("2024-03-05", PartialDate(2024, 3, 5))],
)
def test_opened_is_a_year_a_month_or_a_day(written, expected):
    result = tree({VENUE_PATH: VENUE + f"opened: {written}\n"})
    assert result.problems == [], messages(result)
    assert result.catalogue.venues["ganzhe"].opened == expected


@pytest.mark.parametrize("written", ["2024-13", "去年", "2024/03"])
def test_a_bad_opened_is_an_error_of_that_field(written):
    result = tree({VENUE_PATH: VENUE + f"opened: {written}\n"})
    assert "YYYY-MM-DD" in only_error(result, "opened", VENUE_PATH).message


def test_a_venues_unknown_field_is_a_warning_suggesting_the_closest_name():
    result = tree({VENUE_PATH: VENUE + "adress: 甘蔗街道\n"})
    assert result.errors == []
    [warning] = result.warnings
    assert (warning.field, warning.severity) == ("adress", Severity.WARNING)
    assert "'address'" in warning.message


def test_a_venue_file_elsewhere_with_kind_venue_is_a_venue_at_its_own_url():
    result = tree({
        "about/ganzhe.md": "kind: venue\n" + VENUE,
        CASE_PATH: case(venue="ganzhe"),
    })  # fmt: skip
    assert result.problems == [], messages(result)
    ganzhe = result.catalogue.venues["ganzhe"]
    assert ganzhe.url == "about/ganzhe/"
    assert the_case(result).venue_key == "ganzhe"


def test_the_key_of_a_venue_is_its_file_name():
    result = tree({"venues/ganzhe-jiedao-2.md": VENUE})
    assert result.problems == [], messages(result)
    assert set(result.catalogue.venues) == {"ganzhe-jiedao-2"}


@pytest.mark.parametrize("src_uri", ["venues/GanZhe.md", "venues/gan_zhe.md", "venues/甘蔗.md", "venues/gan zhe.md"])
def test_a_venue_file_name_that_is_not_a_key_is_an_error(src_uri):
    result = tree({src_uri: VENUE})
    error = only_error(result, "file name", src_uri)
    assert "lowercase letters, digits and hyphens" in error.message
    assert result.catalogue.venues == {}


def test_two_venues_with_the_same_key_is_an_error_naming_both():
    result = tree({VENUE_PATH: VENUE, "about/ganzhe.md": "kind: venue\n" + VENUE})
    assert any(
        "venues/ganzhe.md" in str(error) and "about/ganzhe.md" in str(error) for error in result.errors
    ), messages(result)


# -- the venue of a case ------------------------------------------------------------------


def test_a_case_venue_naming_a_venue_key_links_the_venue_and_shows_its_name():
    result = tree({VENUE_PATH: VENUE, CASE_PATH: case(venue="ganzhe")})
    assert result.problems == [], messages(result)
    published = the_case(result)
    assert published.venue_key == "ganzhe"
    assert published.venue == "甘蔗街道委员联系点"


def test_a_case_venue_that_looks_like_a_key_but_names_no_venue_is_an_error():
    result = tree({VENUE_PATH: VENUE, CASE_PATH: case(venue="ganzhee")})
    error = only_error(result, "venue")
    assert "'ganzhee'" in error.message
    assert "ganzhe" in error.message.replace("'ganzhee'", "")


def test_a_case_venue_written_as_text_stays_text():
    result = tree({VENUE_PATH: VENUE, CASE_PATH: case(venue="甘蔗街道委员联系点")})
    assert result.problems == [], messages(result)
    published = the_case(result)
    assert published.venue == "甘蔗街道委员联系点"
    assert published.venue_key is None


def test_a_case_without_venue_has_none():
    published = the_case(tree({VENUE_PATH: VENUE, CASE_PATH: case()}))
    assert (published.venue, published.venue_key) == (None, None)


# -- stages ----------------------------------------------------------------------------------

STAGES_EXAMPLE = "stages:\n  选题: 2024-05\n  协商: 2024-06-18\n  落实: 2024-09\n"


def test_stage_dates_are_kept_as_written_in_stage_order():
    shuffled = "stages:\n  落实: 2024-09\n  选题: 2024-05\n  协商: 2024-06-18\n"
    for stages in (STAGES_EXAMPLE, shuffled):
        result = tree({CASE_PATH: case_yaml(extra=stages)})
        assert result.problems == [], messages(result)
        assert the_case(result).stages == (
            ("选题", PartialDate(2024, 5)), ("协商", PartialDate(2024, 6, 18)), ("落实", PartialDate(2024, 9)),
        )  # fmt: skip


def test_status_defaults_to_the_last_dated_stage():
    assert the_case(tree({CASE_PATH: case_yaml(extra=STAGES_EXAMPLE)})).status == "落实"
    two = "stages:\n  选题: 2024-05\n  调研: 2024-06\n"
    assert the_case(tree({CASE_PATH: case_yaml(extra=two)})).status == "调研"


def test_status_without_stages_still_defaults_to_the_consultation():
    published = the_case(tree({CASE_PATH: case_yaml()}))
    assert (published.status, published.stages) == ("协商", ())


@pytest.mark.parametrize("status", ["落实", "办理"])
def test_status_at_or_beyond_the_last_dated_stage_is_accepted(status):
    stages = "stages:\n  选题: 2024-05\n  协商: 2024-06-18\n"
    result = tree({CASE_PATH: case_yaml(extra=f"status: {status}\n{stages}")})
    assert result.problems == [], messages(result)
    assert the_case(result).status == status


def test_status_earlier_than_a_dated_stage_is_an_error():
    result = tree({CASE_PATH: case_yaml(extra="status: 协商\n" + STAGES_EXAMPLE)})
    error = only_error(result, "status")
    assert error.code == "status-before-stage"
    assert "落实" in error.message


def test_a_stage_dated_after_a_later_stage_is_an_error():
    stages = "stages:\n  选题: 2024-07\n  协商: 2024-06-18\n"
    result = tree({CASE_PATH: case_yaml(extra=stages)})
    assert len(result.errors) == 1, messages(result)
    error = result.errors[0]
    assert error.code == "stages-out-of-order"
    assert error.field.startswith("stages")
    assert "选题" in error.message and "协商" in error.message


@pytest.mark.parametrize(
    "stages",
    [
        "stages:\n  选题: 2024-06\n  协商: 2024-06-18\n",  # a month holding the later day
        "stages:\n  协商: 2024-06-18\n  报送: 2024-06-18\n",  # the same day
        "stages:\n  调研: 2024\n  协商: 2024-06-18\n",  # a year holding the later day
        "stages:\n  协商: 2024-06-18\n  落实: 2024\n",
    ],
)
def test_stages_whose_periods_overlap_are_in_order(stages):
    result = tree({CASE_PATH: case_yaml(extra=stages)})
    assert result.problems == [], messages(result)


def test_an_unknown_stage_is_an_error_listing_the_stages_in_order():
    result = tree({CASE_PATH: case_yaml(extra="stages:\n  完成: 2024-09\n")})
    assert len(result.errors) == 1, messages(result)
    error = result.errors[0]
    assert error.src_uri == CASE_PATH and error.field.startswith("stages")
    assert "'完成'" in error.message
    assert "、".join(CONTRACT_STAGES) in error.message


@pytest.mark.parametrize("empty", ["", "''", "null"])
def test_a_stage_without_a_date_is_an_error(empty):
    result = tree({CASE_PATH: case_yaml(extra=f"stages:\n  选题: 2024-05\n  落实: {empty}\n")})
    assert len(result.errors) == 1, messages(result)
    error = result.errors[0]
    assert error.field == "stages.落实"
    assert "YYYY-MM-DD" in error.message


@pytest.mark.parametrize("written", ["2024-13", "九月", "2024/09"])
def test_a_stage_date_that_is_not_a_date_is_an_error_of_that_stage(written):
    result = tree({CASE_PATH: case_yaml(extra=f"stages:\n  落实: {written}\n")})
    error = only_error(result, "stages.落实")
    assert "YYYY-MM-DD" in error.message


@pytest.mark.parametrize("value", ["[选题, 协商]", "落实", "2024-06-18"])
def test_stages_that_are_not_stage_date_lines_is_an_error(value):
    result = tree({CASE_PATH: case_yaml(extra=f"stages: {value}\n")})
    only_error(result, "stages")


# -- v1 trees build unchanged ------------------------------------------------------------------

# The contract's examples with only the v1 fields, comments and all, as an editor copied them.
V1_BRAND = """\
name: 榕你来商量              # required
organisation: 福州市政协        # required
slogan: 为你商量、请你商量、近你商量   # optional
launched: 2024-01             # optional: YYYY or YYYY-MM
order: 1                      # optional: position in lists
"""
V1_DISTRICT = """\
name: 闽侯县                  # required
brand: rong                   # required: key of the parent brand
sub_brand: 邑起来商量           # optional: the district's own brand name
organisation: 闽侯县政协         # optional
order: 8                      # optional
"""
V1_CASE = """\
title: 推进县域电商直播基地建设     # required
date: 2024-06-18              # required: day of the consultation, YYYY-MM-DD
district: minhou              # required: a district key, or a list of keys
                              #   for a joint (e.g. cross-region) consultation
brand: rong                   # optional: defaults to the first district's brand
format: 微协商                 # required: one of the site's formats (below)
venue: 甘蔗街道委员联系点        # optional: text
tags: [乡村振兴, 电商]           # optional: topics (Material's tags convention)
members: 8                    # optional int >= 0: CPPCC members taking part
participants: 35              # optional int >= 0: all people taking part
departments: [县商务局]         # optional list: departments that took part or answered
problems_solved: 3            # optional int >= 0
status: 落实                   # optional: furthest stage reached (below); default 协商
reports: [协商专报2024年第5期]   # optional list: bulletins the case fed into
highlight: 2024               # optional: year it was commended as an excellent
                              #   case; `true` means the year of its date
summary: 一段话摘要              # optional: defaults to the first paragraph
cover: cover.jpg              # optional: image path relative to this file
source:                       # optional: where the write-up first appeared
  name: 人民政协报
  url: https://example.org/...
  date: 2024-01-06
draft: true                   # optional: validated but not published
"""
V1_CASE_PATH = "cases/2024/dianshang-zhibo.md"


def _v1_tree(case_text: str = V1_CASE):
    return tree(
        {"brands/rong.md": V1_BRAND, "districts/minhou.md": V1_DISTRICT, V1_CASE_PATH: (case_text, "正文。\n")},
        base=False,
        other_uris=("cases/2024/cover.jpg",),
    )


def test_the_v1_example_loads_with_no_problems_and_its_draft_is_kept_apart():
    result = _v1_tree()
    assert result.problems == [], messages(result)
    assert result.catalogue.cases == []
    assert [draft.src_uri for draft in result.catalogue.drafts] == [V1_CASE_PATH]


def test_the_v1_example_case_has_the_values_of_v1():
    result = _v1_tree(V1_CASE.replace("draft: true", "draft: false"))
    assert result.problems == [], messages(result)
    published = the_case(result, V1_CASE_PATH)
    assert published.url == "cases/2024/dianshang-zhibo/"
    assert published.title == "推进县域电商直播基地建设"
    assert published.date == PartialDate(2024, 6, 18)
    assert published.date.precision == "day"
    assert published.date.first_day == published.date.last_day == dt.date(2024, 6, 18)
    assert published.year == 2024
    assert published.district_keys == ("minhou",)
    assert published.brand_key == "rong"
    assert published.format == "微协商"
    assert (published.venue, published.venue_key) == ("甘蔗街道委员联系点", None)
    assert published.tags == ("乡村振兴", "电商")
    assert (published.members, published.participants, published.problems_solved) == (8, 35, 3)
    assert published.departments == ("县商务局",)
    assert published.status == "落实"
    assert published.reports == ("协商专报2024年第5期",)
    assert published.highlight_year == 2024
    assert published.summary == "一段话摘要"
    assert published.cover == "cover.jpg"
    assert published.source.name == "人民政协报"
    assert published.source.url == "https://example.org/..."
    assert published.source.date == PartialDate(2024, 1, 6)
    assert published.source.date.precision == "day"
    assert published.draft is False
    # What v2 adds is empty in a v1 tree.
    assert (published.stages, published.partners) == ((), ())


def test_the_v1_example_brand_and_district_have_the_values_of_v1():
    catalogue = _v1_tree().catalogue
    rong = catalogue.brands["rong"]
    assert (rong.name, rong.organisation, rong.slogan) == ("榕你来商量", "福州市政协", "为你商量、请你商量、近你商量")
    assert (rong.launched, rong.order) == ("2024-01", 1)
    assert (rong.matrix, rong.sub_brands, rong.figures, rong.commendations) == ((), (), (), ())
    minhou = catalogue.districts["minhou"]
    assert (minhou.name, minhou.brand_key, minhou.sub_brand) == ("闽侯县", "rong", "邑起来商量")
    assert (minhou.organisation, minhou.order) == ("闽侯县政协", 8)
    assert (minhou.partner, minhou.is_sub_brand, minhou.figures) == (False, True, ())
    assert minhou.label == "闽侯县 · 邑起来商量"
    assert catalogue.venues == {}


def test_the_v1_example_without_its_optional_fields_uses_the_v1_defaults():
    minimal = "title: 推进县域电商直播基地建设\ndate: 2024-06-18\ndistrict: minhou\nformat: 微协商\n"
    result = _v1_tree(minimal)
    assert result.problems == [], messages(result)
    published = the_case(result, V1_CASE_PATH)
    assert published.status == "协商"
    assert published.highlight_year is None
    assert published.summary == "正文。"
    assert (published.venue, published.source, published.cover) == (None, None, None)
