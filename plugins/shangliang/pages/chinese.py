"""Chinese forms of dates and numbers, for templates (registered as Jinja filters)."""

from __future__ import annotations

import datetime as dt

from shangliang.dates import PartialDate


def date_zh(value: PartialDate | dt.date | None) -> str:
    """`2024-06-18` as `2024年6月18日`; `2024-06` as `2024年6月`; `2024` as `2024年` (never an invented day)."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        value = PartialDate.of_day(value)
    text = f"{value.year}年"
    if value.month:
        text += f"{value.month}月"
    if value.day:
        text += f"{value.day}日"
    return text


NOT_STATED = "—"


def number_zh(value: int | None) -> str:
    """Whole numbers with thousands separators, as Chinese official figures print them: `1,967`.

    None (no case states the figure) prints as a dash, not 0.
    """
    if value is None:
        return NOT_STATED
    return f"{value:,}"
