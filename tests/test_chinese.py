"""Chinese forms of dates and numbers (the `zh_date` and `zh_number` template filters)."""

from __future__ import annotations

import datetime as dt

import pytest

from shangliang.pages import chinese


@pytest.mark.parametrize(
    ("value", "text"),
    [(dt.date(2024, 6, 18), "2024年6月18日"), (dt.date(2024, 1, 5), "2024年1月5日"),
     (dt.date(2023, 12, 31), "2023年12月31日"), (None, "")],
)  # fmt: skip
def test_date_zh(value, text):
    assert chinese.date_zh(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [(0, "0"), (8, "8"), (999, "999"), (1967, "1,967"), (1234567, "1,234,567"), (None, "—")],
)
def test_number_zh_groups_thousands_and_shows_a_dash_when_not_stated(value, text):
    assert chinese.number_zh(value) == text
