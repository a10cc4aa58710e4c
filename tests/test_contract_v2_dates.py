"""Content model v2 (CONTENT-MODEL.md): dates, rule by rule, against `load_catalogue`.

Dates as precise as the source (a day, a month or a year), their year folder and
their order, dates far ahead, and `highlight` against the year of the date.

Each test loads a small content tree in memory (see `contract_tree`) holding the file
or field the rule is about, mostly written as literal YAML, the way an editor types it;
`contract_v2_tree` holds what the `test_contract_v2_*.py` files share.
"""

from __future__ import annotations

import datetime as dt

import pytest
from contract_tree import CASE_PATH, only_error, problems_of, the_case, tree
from contract_v2_tree import case_yaml, messages

from shangliang.dates import PartialDate
from shangliang.model import Severity


def year_folder(date: str) -> str:
    return f"cases/{date[:4]}/x.md"


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
    "written", ["2023-13", "2023-02-30", "去年五月", "23", "2023-00", "2023-05-00"]
)
def test_a_date_that_is_not_a_day_month_or_year_is_an_error_saying_what_is_allowed(written):
    result = tree({"cases/2023/x.md": case_yaml(written)})
    error = only_error(result, "date", "cases/2023/x.md")
    assert error.code == "not-a-date"
    assert f"'{written}'" in error.message or written in error.message
    assert "应写成 YYYY-MM-DD、YYYY-MM 或 YYYY" in error.message
    assert "YYYY-MM or YYYY" in error.text("en")
    assert result.catalogue.cases == []


@pytest.mark.parametrize(
    ("written", "suggestion"), [("2023/05", "2023-05"), ("2023-5", "2023-05"), ("2023年5月", "2023-05")]
)
def test_a_month_written_loosely_is_an_error_giving_the_form_to_write(written, suggestion):
    error = only_error(tree({"cases/2023/x.md": case_yaml(written)}), "date", "cases/2023/x.md")
    assert error.code == "date-loose-form"
    assert f"请写成 {suggestion}" in error.message
    assert f"write {suggestion}" in error.text("en")


def test_a_partial_date_in_the_wrong_year_folder_warns_with_its_year():
    result = tree({CASE_PATH: case_yaml("2023")})
    assert result.errors == []
    [warning] = result.warnings
    assert (warning.field, warning.severity, warning.code) == ("date", Severity.WARNING, "folder-year-differs")
    assert "2023" in warning.message and "cases/2024/" in warning.message
    assert the_case(result).year == 2023


@pytest.mark.parametrize("written", ["2024", "2024-05"])
def test_a_partial_date_in_its_year_folder_is_not_a_warning(written):
    result = tree({CASE_PATH: case_yaml(written)})
    assert result.problems == [], messages(result)


def test_a_case_outside_a_year_folder_is_told_the_year_of_its_month():
    result = tree({"cases/x.md": case_yaml("2023-05")})
    [problem] = problems_of(result, "cases/x.md")
    assert problem.code == "case-outside-year-folder"
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
    assert warning.message.startswith(f"{date} 比今天（")
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
