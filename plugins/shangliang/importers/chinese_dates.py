"""Dates as Chinese news and ledgers write them, turned into `PartialDate`s as precise as written.

- `find_dates(text, published)`: every date a text names, in order, with the words it came from:
  `2024年6月3日`, `2024年6月` (a month), `二〇二四年六月三日`, `6月3日` and `去年5月` (the year from
  the publication date `published`), `2024-06-03`, `2024/6/3`, `2024.6.3`.
- `read_date_cell(value)`: one ledger cell: an Excel date, a number (`2024`, `20240603`, an Excel
  serial day such as `45446`) or text in any of the forms above; None when it is no date.

Full-width digits (`２０２４年６月`) count as digits. A day that does not exist (`2024年2月30日`)
is no date.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from shangliang.dates import PartialDate

EARLIEST_YEAR, LATEST_YEAR = 1949, 2100
EXCEL_EPOCH = dt.date(1899, 12, 30)
"""Day 0 of Excel's (1900) date system, as its serial numbers count (its phantom 1900-02-29 included)."""
EXCEL_SERIALS = range(20_000, 80_000)
"""Serial numbers read as Excel days (1954–2119); other numbers are years or `YYYYMMDD`."""

_NUMERAL = "〇零一二三四五六七八九十"
_DIGIT_OF = {"〇": 0, "零": 0, **{char: value for value, char in enumerate("一二三四五六七八九", start=1)}}
_NUMBER = rf"(?:\d{{1,4}}|[{_NUMERAL}]{{1,4}})"
_RELATIVE_YEARS = {"今年": 0, "去年": -1, "前年": -2, "明年": 1}

_CHINESE = re.compile(
    rf"(?:(?P<year>\d{{4}}|[{_NUMERAL}]{{4}})\s*年|(?P<relative>今年|去年|前年|明年))?\s*"
    rf"(?P<month>{_NUMBER})\s*月(?:份)?(?:\s*(?P<day>{_NUMBER})\s*[日号])?"
)
_YEAR_ONLY = re.compile(rf"^(?P<year>\d{{4}}|[{_NUMERAL}]{{4}})\s*年(?:度)?$")
_DIGITS = re.compile(r"(?<!\d)(?P<year>\d{4})[-/.](?P<month>\d{1,2})(?:[-/.](?P<day>\d{1,2}))?(?!\d)")


@dataclass(frozen=True)
class FoundDate:
    date: PartialDate
    words: str
    """The text it was read from, e.g. `去年5月`."""
    position: int
    """Where the words start in the (normalised) text."""


def normalised(text: str) -> str:
    """Full-width digits and letters as ASCII (NFKC), so `２０２４年` reads as `2024年`."""
    return unicodedata.normalize("NFKC", text)


def find_dates(text: str, published: PartialDate | None = None) -> list[FoundDate]:
    """Every date `text` names, in order of position.

    A date without a year (`6月3日`) or with a relative one (`去年5月`) takes its year from
    `published` (a month-day later in the year than the publication falls in the year before);
    without `published` it is left out.
    """
    text = normalised(text)
    found: list[FoundDate] = []
    taken: list[range] = []
    for match in _DIGITS.finditer(text):
        date = _date_of(match.group("year"), match.group("month"), match.group("day"))
        if date is not None:
            found.append(FoundDate(date, match.group(), match.start()))
            taken.append(range(match.start(), match.end()))
    for match in _CHINESE.finditer(text):
        if any(match.start() in span for span in taken):
            continue
        date = _chinese_date(match, published)
        if date is not None:
            words = match.group().strip()
            found.append(FoundDate(date, words, match.start() + match.group().index(words)))
    return sorted(found, key=lambda item: item.position)


def _chinese_date(match: re.Match[str], published: PartialDate | None) -> PartialDate | None:
    month, day = _number(match.group("month")), _number(match.group("day"))
    if match.group("year"):
        return _date_of(match.group("year"), month, day)
    if published is None:
        return None
    relative = match.group("relative")
    if relative:
        return _date_of(published.year + _RELATIVE_YEARS[relative], month, day)
    if published.month == 0:
        return None
    later_in_year = (int(month or 0), int(day or 0)) > (published.month, published.day or 31)
    return _date_of(published.year - later_in_year, month, day)


def read_date_cell(value: object) -> PartialDate | None:
    """A ledger cell as a date, as precise as it is written; None when it holds no date."""
    if isinstance(value, dt.datetime):
        return PartialDate.of_day(value.date())
    if isinstance(value, dt.date):
        return PartialDate.of_day(value)
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return _date_of_number(value)
    if not isinstance(value, str):
        return None
    text = normalised(value).strip()
    if not text:
        return None
    if text.isdigit():
        return _date_of_number(int(text))
    year_only = _YEAR_ONLY.match(text)
    if year_only:
        return _date_of(year_only.group("year"), None, None)
    found = find_dates(text)
    return found[0].date if found and found[0].position == 0 else None


def _date_of_number(number: int) -> PartialDate | None:
    if EARLIEST_YEAR <= number <= LATEST_YEAR:
        return PartialDate(number)
    if number in EXCEL_SERIALS:
        return PartialDate.of_day(EXCEL_EPOCH + dt.timedelta(days=number))
    text = str(number)
    if len(text) == 8:
        return _date_of(text[:4], text[4:6], text[6:])
    return None


def _date_of(year: str | int, month: str | int | None, day: str | int | None) -> PartialDate | None:
    try:
        number_year = int(year) if isinstance(year, int) else int(_number(year) or 0)
        number_month = int(month) if month else 0
        number_day = int(day) if day else 0
        if not EARLIEST_YEAR <= number_year <= LATEST_YEAR:
            return None
        if number_month and not 1 <= number_month <= 12:
            return None
        if number_day:
            dt.date(number_year, number_month, number_day)
        return PartialDate(number_year, number_month, number_day if number_month else 0)
    except ValueError:
        return None


def _number(text: str | None) -> str | None:
    """Arabic digits of a number written in digits or Chinese numerals (`二〇二四` → 2024, `十二` → 12)."""
    if text is None or text.isdigit():
        return text
    if "十" not in text:
        return "".join(str(_DIGIT_OF[char]) for char in text)
    tens_text, _, units_text = text.partition("十")
    if len(tens_text) > 1 or len(units_text) > 1 or "〇" in text or "零" in text:
        return None
    tens = _DIGIT_OF[tens_text] if tens_text else 1
    units = _DIGIT_OF[units_text] if units_text else 0
    return str(tens * 10 + units)
