"""`PartialDate`: a day, a month or a year, as precise as the source (CONTENT-MODEL.md v2).

"A date is shown as precisely as it was written: `2023-05` is 2023年5月, never an
invented day. Lists sort such a case after the cases with a day in the same month
(or year)."
"""

from __future__ import annotations

import datetime as dt

import pytest

from shangliang.dates import PartialDate

# -- parsing -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("2023", PartialDate(2023), "year"),
        ("2023-05", PartialDate(2023, 5), "month"),
        ("2023-05-18", PartialDate(2023, 5, 18), "day"),
        ("2024-02-29", PartialDate(2024, 2, 29), "day"),
        ("2023-12", PartialDate(2023, 12), "month"),
        (" 2023-05 ", PartialDate(2023, 5), "month"),
    ],
)
def test_a_date_is_read_as_precisely_as_it_is_written(text, expected, precision):
    date = PartialDate.parse(text)
    assert date == expected
    assert date.precision == precision


@pytest.mark.parametrize(
    "text",
    [
        "2023-13", "2023-00", "2023-02-30", "2023-02-29", "2023-04-31", "2023-05-00", "2023-00-10",
        "2023-05-32", "去年五月", "2023/05", "2023-5", "2023-05-1", "23", "20230518", "2023-05-18T10:00",
        "2023年5月", "", "2023-", "2023--05",
    ],
)  # fmt: skip
def test_anything_else_is_not_a_date(text):
    with pytest.raises(ValueError):
        PartialDate.parse(text)


@pytest.mark.parametrize("text", ["2023", "2023-05", "2023-05-18", "2024-02-29"])
def test_a_date_is_written_back_as_it_was_written(text):
    date = PartialDate.parse(text)
    assert date.isoformat() == text
    assert str(date) == text


def test_a_day_of_the_calendar_is_a_date_at_day_precision():
    date = PartialDate.of_day(dt.date(2024, 6, 18))
    assert date == PartialDate(2024, 6, 18)
    assert date.precision == "day"


# -- the period a date stands for ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2023-05-18", dt.date(2023, 5, 18), dt.date(2023, 5, 18)),
        ("2023-05", dt.date(2023, 5, 1), dt.date(2023, 5, 31)),
        ("2023-04", dt.date(2023, 4, 1), dt.date(2023, 4, 30)),
        ("2023-02", dt.date(2023, 2, 1), dt.date(2023, 2, 28)),
        ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2023-12", dt.date(2023, 12, 1), dt.date(2023, 12, 31)),
        ("2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
    ],
)
def test_a_date_covers_its_day_month_or_year(text, first, last):
    date = PartialDate.parse(text)
    assert (date.first_day, date.last_day) == (first, last)


def test_a_period_contains_its_parts_and_not_the_other_way_round():
    year, month, day = PartialDate(2023), PartialDate(2023, 5), PartialDate(2023, 5, 18)
    assert year.contains(month) and year.contains(day) and month.contains(day)
    assert not month.contains(year) and not day.contains(month)
    assert day.contains(day) and month.contains(month) and year.contains(year)
    assert not PartialDate(2023, 5).contains(PartialDate(2023, 6, 1))
    assert not PartialDate(2023).contains(PartialDate(2024, 1))


# -- order -------------------------------------------------------------------------


def test_newest_first_a_month_follows_its_days_and_a_year_follows_its_months():
    written = ["2023", "2023-05", "2023-05-01", "2023-05-31", "2023-12", "2023-04-30", "2024-01-01", "2022-12-31",
               "2023-01-01", "2023-01"]  # fmt: skip
    ordered = sorted((PartialDate.parse(text) for text in written), reverse=True)
    assert [date.isoformat() for date in ordered] == [
        "2024-01-01", "2023-12", "2023-05-31", "2023-05-01", "2023-05", "2023-04-30", "2023-01-01", "2023-01",
        "2023", "2022-12-31",
    ]  # fmt: skip


def test_dates_of_different_precision_are_never_equal():
    assert PartialDate(2023) != PartialDate(2023, 1) != PartialDate(2023, 1, 1)
    assert len({PartialDate(2023), PartialDate(2023, 1), PartialDate(2023, 1, 1)}) == 3
