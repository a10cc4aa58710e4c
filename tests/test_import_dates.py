"""`importers.chinese_dates`: dates as Chinese news and ledgers write them, as precise as written."""

from __future__ import annotations

import datetime as dt

import pytest

from shangliang.dates import PartialDate
from shangliang.importers.chinese_dates import find_dates, read_date_cell

PUBLISHED = PartialDate(2024, 6, 12)


@pytest.mark.parametrize(
    ("text", "date", "words"),
    [
        ("2024年6月3日上午，闽侯县政协", PartialDate(2024, 6, 3), "2024年6月3日"),
        ("2024 年 6 月 3 号", PartialDate(2024, 6, 3), "2024 年 6 月 3 号"),
        ("二〇二四年六月三日", PartialDate(2024, 6, 3), "二〇二四年六月三日"),
        ("２０２４年６月", PartialDate(2024, 6), "2024年6月"),
        ("2024年6月上旬", PartialDate(2024, 6), "2024年6月"),
        ("会议于2024-06-03召开", PartialDate(2024, 6, 3), "2024-06-03"),
        ("2024/6/3", PartialDate(2024, 6, 3), "2024/6/3"),
        ("2024.6.3", PartialDate(2024, 6, 3), "2024.6.3"),
        ("去年5月，委员们", PartialDate(2023, 5), "去年5月"),
        ("今年3月8日", PartialDate(2024, 3, 8), "今年3月8日"),
        ("3月15日，工作站", PartialDate(2024, 3, 15), "3月15日"),
        ("12月1日", PartialDate(2023, 12, 1), "12月1日"),  # later in the year than the page: the year before
        ("十二月二十日", PartialDate(2023, 12, 20), "十二月二十日"),
    ],
)
def test_a_date_is_read_as_precisely_as_it_is_written(text: str, date: PartialDate, words: str) -> None:
    found = find_dates(text, PUBLISHED)
    assert [(item.date, item.words) for item in found] == [(date, words)]


@pytest.mark.parametrize("text", ["2024年2月30日", "2024年13月", "一个月后", "6个月", "3.0版本", "295名委员"])
def test_what_is_no_date_gives_none(text: str) -> None:
    assert find_dates(text, PUBLISHED) == []


def test_without_the_pages_date_a_date_without_a_year_is_left_out() -> None:
    assert find_dates("去年5月和3月15日", None) == []
    assert [item.date for item in find_dates("2023年5月和3月15日", None)] == [PartialDate(2023, 5)]


def test_dates_come_in_the_order_of_the_text() -> None:
    found = find_dates("1月8日傍晚路灯亮了。去年5月委员走访，2023-06-10协商。", PUBLISHED)
    assert [item.date.isoformat() for item in found] == ["2024-01-08", "2023-05", "2023-06-10"]


@pytest.mark.parametrize(
    ("cell", "date"),
    [
        (dt.datetime(2024, 6, 3), PartialDate(2024, 6, 3)),
        (dt.date(2024, 6, 3), PartialDate(2024, 6, 3)),
        (45446, PartialDate(2024, 6, 3)),  # Excel's serial number of the day
        (45446.0, PartialDate(2024, 6, 3)),
        ("45446", PartialDate(2024, 6, 3)),
        (20240603, PartialDate(2024, 6, 3)),
        (2024, PartialDate(2024)),
        ("2024", PartialDate(2024)),
        ("2024年", PartialDate(2024)),
        ("2024年6月", PartialDate(2024, 6)),
        ("2024-06", PartialDate(2024, 6)),
        ("2024/6/3", PartialDate(2024, 6, 3)),
        ("2024年6月3日", PartialDate(2024, 6, 3)),
        (" 2024.6.3 ", PartialDate(2024, 6, 3)),
    ],
)
def test_a_ledger_cell_is_a_date_however_it_is_typed(cell: object, date: PartialDate) -> None:
    assert read_date_cell(cell) == date


@pytest.mark.parametrize("cell", ["六月上旬", "2024-13-45", "待定", "", None, True, 12, "约2024年6月", 3.5])
def test_a_cell_that_is_no_date_gives_none(cell: object) -> None:
    assert read_date_cell(cell) is None
