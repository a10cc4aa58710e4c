"""Chinese forms of dates and numbers, for templates (registered as Jinja filters)."""

from __future__ import annotations

import datetime as dt


def date_zh(value: dt.date | None) -> str:
    """`2024-06-18` as `2024年6月18日`."""
    if value is None:
        return ""
    return f"{value.year}年{value.month}月{value.day}日"


NOT_STATED = "—"


def number_zh(value: int | None) -> str:
    """Whole numbers with thousands separators, as Chinese official figures print them: `1,967`.

    None (no case states the figure) prints as a dash, not 0.
    """
    if value is None:
        return NOT_STATED
    return f"{value:,}"
