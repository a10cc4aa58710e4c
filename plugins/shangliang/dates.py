"""Dates as precise as their source: a day, a month, or only a year (`2024-06-18`, `2024-06`, `2024`).

A source that says only "in May 2023" gives `2023-05`; the site then shows 2023年5月 and
never invents a day. Ordering puts a date before the days it contains: in a list newest
first, `2023-05` follows every day of May 2023 that is written out, and `2023` follows
every date of 2023 with a month.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

PRECISIONS = ("year", "month", "day")

_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, order=True)
class PartialDate:
    """A year, a month of a year, or a day. Compares chronologically, the period before its parts."""

    year: int
    month: int = 0
    """0: not stated."""
    day: int = 0
    """0: not stated."""

    @classmethod
    def of_day(cls, day: dt.date) -> PartialDate:
        return cls(day.year, day.month, day.day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; ValueError for anything else (or a day that does not exist)."""
        match = _PATTERN.match(text.strip())
        if match is None:
            raise ValueError(f"not YYYY, YYYY-MM or YYYY-MM-DD: {text!r}")
        year_text, month_text, day_text = match.groups()
        year, month, day = int(year_text), int(month_text or 0), int(day_text or 0)
        if month_text is not None and not 1 <= month <= 12:
            raise ValueError(f"no month {month_text}")
        if day_text is not None:
            dt.date(year, month, day)  # raises for 2024-02-30 and 2024-05-00
        return cls(year, month, day)

    @property
    def precision(self) -> str:
        """`day`, `month` or `year`."""
        return "day" if self.day else "month" if self.month else "year"

    @property
    def first_day(self) -> dt.date:
        """The period's first day (a feed needs a full timestamp; the period itself is stated beside it)."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date:
        if self.day:
            return self.first_day
        if self.month:
            following = dt.date(self.year + (self.month == 12), self.month % 12 + 1, 1)
            return following - dt.timedelta(days=1)
        return dt.date(self.year, 12, 31)

    def isoformat(self) -> str:
        """As written: `2024`, `2024-06` or `2024-06-18`."""
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        return text

    def contains(self, other: PartialDate) -> bool:
        """Whether `other` lies within this period (a day contains only itself)."""
        return self.first_day <= other.first_day and other.last_day <= self.last_day

    def __str__(self) -> str:
        return self.isoformat()
