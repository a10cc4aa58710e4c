"""One ledger cell → the value of one case field, or `NotMapped` with a Chinese message saying what is allowed.

Cells are what a committee's staff type: `闽侯县` or `闽侯` or `minhou` for a district, `已落实`
for the stage 落实, `35人` for 35 participants, `县住建局、甘蔗街道` for two departments.
Names are the site's own (the catalogue's districts, brands, venues, the configured formats).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from shangliang.content.fields import KEY_PATTERN
from shangliang.content.limits import BIDI_CONTROLS, CONTROL
from shangliang.importers.chinese_dates import normalised
from shangliang.importers.guess import district_words
from shangliang.model import STAGES, Catalogue

_LIST_SEPARATORS = re.compile(r"[、，,；;／/|\n]+")
_WHOLE_NUMBER = re.compile(r"^(\d+)\s*(?:人次|人|名|位|个|件|项|次|场)?$")
_STAGE_WORDING = re.compile(r"^(?:已经|已|正在|在)?(?P<stage>.+?)(?:中|完成|完毕|阶段|环节)?$")
_WEB_ADDRESS = re.compile(r"^https?://[^\s<>\"']+$")


class NotMapped(ValueError):
    """A cell whose value the field cannot take; the message names the value and what is allowed."""


def text_of(cell: object) -> str:
    """A cell as one line of text: a date as `2024-06-03`, `8.0` as `8`, no control characters."""
    if isinstance(cell, dt.datetime):
        cell = cell.date()
    if isinstance(cell, dt.date):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    text = BIDI_CONTROLS.sub("", CONTROL.sub("", str(cell)))
    return " ".join(text.split())


def paragraph_of(cell: object) -> str:
    """A cell of prose, its own line breaks kept."""
    if not isinstance(cell, str):
        return text_of(cell)
    text = BIDI_CONTROLS.sub("", CONTROL.sub("", cell))
    return "\n".join(" ".join(line.split()) for line in text.strip().splitlines())


def whole_number(cell: object) -> int:
    if isinstance(cell, bool):
        raise NotMapped(f"“{text_of(cell)}”不是整数")
    if isinstance(cell, int):
        number = cell
    elif isinstance(cell, float) and cell.is_integer():
        number = int(cell)
    else:
        match = _WHOLE_NUMBER.match(normalised(text_of(cell)))
        if match is None:
            raise NotMapped(f"“{text_of(cell)}”不是整数（应写一个确切的数，如 35 或 35人）")
        number = int(match.group(1))
    if number < 0:
        raise NotMapped(f"“{number}”是负数")
    return number


def text_list(cell: object) -> tuple[str, ...]:
    """`县住建局、甘蔗街道` → (县住建局, 甘蔗街道); separated by 、，,；; / or line breaks."""
    raw = paragraph_of(cell)
    items: list[str] = []
    for item in _LIST_SEPARATORS.split(raw):
        item = " ".join(item.split())
        if item and item not in items:
            items.append(item)
    return tuple(items)


def stage(cell: object) -> str:
    """`落实`, `已落实`, `办理中`, `报送完成` → the stage; NotMapped for anything else."""
    text = text_of(cell)
    match = _STAGE_WORDING.match(text)
    if text in STAGES:
        return text
    if match and match.group("stage") in STAGES:
        return match.group("stage")
    raise NotMapped(f"“{text}”不是协商阶段（可写：" + "、".join(STAGES) + "）")


def district_keys(cell: object, catalogue: Catalogue) -> tuple[str, ...]:
    """One district, or several for a joint case (`闽侯县、鼓楼区`), by key, name, short name or sub-brand."""
    keys: list[str] = []
    for item in text_list(cell):
        key = _district_key(item, catalogue)
        if key is None:
            raise NotMapped(f"“{item}”不是站内的区县（可写区县的键或名称：{_district_choices(catalogue)}）")
        if key not in keys:
            keys.append(key)
    if not keys:
        raise NotMapped("没有写区县")
    return tuple(keys)


def _district_key(text: str, catalogue: Catalogue) -> str | None:
    usable = {key: item for key, item in catalogue.districts.items() if item.brand_key in catalogue.brands}
    if text in usable:
        return text
    for key, district in usable.items():
        if text in (name.words for name in district_words(district)):
            return key
    return None


def _district_choices(catalogue: Catalogue) -> str:
    shown = [f"{key} {district.name}" for key, district in sorted(catalogue.districts.items())]
    return "、".join(shown[:30]) + ("……" if len(shown) > 30 else "") if shown else "站内还没有区县"


def brand_key(cell: object, catalogue: Catalogue) -> str:
    text = text_of(cell)
    for key, brand in catalogue.brands.items():
        if text in (key, brand.name, brand.organisation):
            return key
    choices = "、".join(f"{key} {brand.name}" for key, brand in sorted(catalogue.brands.items()))
    raise NotMapped(f"“{text}”不是站内的品牌（可写：{choices or '站内还没有品牌'}）")


def format_name(cell: object, formats: Sequence[str]) -> tuple[str, bool]:
    """The format, and whether the cell says exactly that (`微协商`) or holds it in more words (`微协商活动`)."""
    text = text_of(cell)
    if text in formats:
        return text, True
    within = [name for name in formats if name in text]
    if len(within) == 1:
        return within[0], False
    raise NotMapped(f"“{text}”不是本站的协商形式（可写：" + "、".join(formats) + "）")


def venue(cell: object, catalogue: Catalogue) -> tuple[str, bool]:
    """A venue's key when the cell names one of the site's venues (True), else the text as written (False)."""
    text = text_of(cell)
    for key, item in catalogue.venues.items():
        if text in (key, item.name):
            return key, True
    if KEY_PATTERN.match(text):
        raise NotMapped(
            f"“{text}”像是协商阵地的键，但站内没有这个阵地（可写：{_keys(catalogue.venues)}，或写出地点名称）"
        )
    return text, False


def web_address(cell: object) -> str:
    text = text_of(cell)
    if not _WEB_ADDRESS.match(text):
        raise NotMapped(f"“{text}”不是网址（应以 http:// 或 https:// 开头）")
    return text


def is_web_address(cell: object) -> bool:
    return bool(_WEB_ADDRESS.match(text_of(cell)))


def _keys(mapping: Iterable[str]) -> str:
    keys = sorted(mapping)
    return "、".join(keys) if keys else "站内还没有协商阵地"
