"""A new case file: its slug, its place in the tree, its text, and checks of what an editor typed.

`scripts/new_case.py` asks for (or takes as flags) a title, a date, districts, a format
and a stage; the functions here turn those into a case file that passes validation:

- `slug_of(title)`: the pinyin of the title, e.g. `普陀村加装路灯` → `pu-tuo-cun-jia-zhuang-lu-deng`;
- `case_src_uri(date, slug)`: `cases/<year of date>/<slug>.md`;
- `case_text(new_case)`: front matter in the contract's field names, commented hints for
  the optional fields, and a body of headings in the house style.

Each `parse_*` function returns the typed value or raises `InvalidValue` with a message
that says what is allowed, in the run's language (`cli.new_case_texts`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import yaml
from pypinyin import Style, lazy_pinyin

from shangliang.cli import new_case_texts as say
from shangliang.content.fields import KEY_PATTERN, parse_date
from shangliang.dates import PartialDate
from shangliang.messages import Params, current_language, problem_text
from shangliang.model import DEFAULT_STAGE, STAGES, Catalogue, District
from shangliang.urls import case_src, page_url

MAX_SLUG_SYLLABLES = 8
"""A slug keeps at most this many syllables (an ASCII word such as `5g` counts as one)."""
MAX_SLUG_LENGTH = 60

_ASCII_WORD = re.compile(r"[a-z0-9]+")


class InvalidValue(ValueError):
    """A value an editor gave cannot be used; the message says what is allowed."""


@dataclass(frozen=True)
class NewCase:
    """What an editor chose for a new case."""

    title: str
    date: PartialDate | dt.date
    """As precise as the source: a day, or a month or year when it gives no day."""
    district_keys: tuple[str, ...]
    format: str
    status: str | None = None
    """The stage reached; None leaves the field out (the build then takes 协商)."""
    brand_key: str = ""
    """The brand of the first district, shown in the commented `brand` hint."""

    def __post_init__(self) -> None:
        if isinstance(self.date, dt.date):
            object.__setattr__(self, "date", PartialDate.of_day(self.date))

    @property
    def when(self) -> PartialDate:
        assert isinstance(self.date, PartialDate)
        return self.date


# -- slug and place ---------------------------------------------------------------


def slug_of(title: str) -> str:
    """The title in lowercase toneless pinyin, one syllable per hyphen-separated part.

    ASCII words (`5G`, `AI`, `Wi-Fi`) are kept, lowercased; punctuation separates parts;
    full-width letters and digits count as ASCII. At most `MAX_SLUG_SYLLABLES` parts and
    `MAX_SLUG_LENGTH` characters. "" when the title has nothing to spell with.
    """
    parts: list[str] = []
    for chunk in lazy_pinyin(title, style=Style.NORMAL):
        # Compatibility decomposition: full-width `ＡＩ` → `AI`, `①` → `1`, `é` → `e` + accent (dropped).
        plain = unicodedata.normalize("NFKD", chunk).encode("ascii", "ignore").decode().lower()
        parts.extend(_ASCII_WORD.findall(plain))
    kept: list[str] = []
    for part in parts[:MAX_SLUG_SYLLABLES]:
        if len("-".join([*kept, part])) > MAX_SLUG_LENGTH:
            break
        kept.append(part)
    if not kept and parts:  # one very long ASCII word
        kept = [parts[0][:MAX_SLUG_LENGTH]]
    return "-".join(kept)


def parse_slug(text: str) -> str:
    slug = text.strip()
    if not KEY_PATTERN.match(slug) or len(slug) > MAX_SLUG_LENGTH:
        raise InvalidValue(say.BAD_SLUG(got=slug, most=MAX_SLUG_LENGTH))
    return slug


def case_src_uri(date: PartialDate | dt.date, slug: str) -> str:
    """Where a case goes, relative to the content folder: `cases/2024/<slug>.md`."""
    return case_src(date.year, slug)


def clash_of(src_uri: str, existing: Iterable[str]) -> str | None:
    """The existing file that `src_uri` would overwrite or share its URL with, if any."""
    url = page_url(src_uri)
    for other in existing:
        if other == src_uri or page_url(other) == url:
            return other
    return None


def free_slug(slug: str, year: int, existing: Iterable[str]) -> str:
    """`slug`, or `slug-2`, `slug-3`, … : the first that no existing file of that year takes."""
    taken = {page_url(uri) for uri in existing}
    candidate, number = slug, 1
    while page_url(case_src_uri(dt.date(year, 1, 1), candidate)) in taken:
        number += 1
        suffix = f"-{number}"
        candidate = slug[: MAX_SLUG_LENGTH - len(suffix)].rstrip("-") + suffix
    return candidate


# -- values an editor gives -------------------------------------------------------


def parse_title(text: str) -> str:
    title = text.strip()
    if not title:
        raise InvalidValue(say.NO_TITLE())
    if "\n" in title or "\r" in title:
        raise InvalidValue(say.ONE_LINE())
    return title


def parse_day(text: str) -> PartialDate:
    """A date by the build's own rule (`fields.parse_date`): `YYYY-MM-DD`, or `YYYY-MM` / `YYYY`.

    A date the build refuses is refused with the build's own words for it.
    """
    refused: list[str] = []

    def report(code: str, params: Params) -> None:
        refused.append(problem_text(code, params, current_language()))

    day = parse_date(text.strip(), report)
    if day is None:  # parse_date has reported why
        raise InvalidValue(refused[0])
    return day


def usable_districts(catalogue: Catalogue) -> list[District]:
    """Districts a case can name: those whose brand exists, in key order."""
    return sorted(
        (district for district in catalogue.districts.values() if district.brand_key in catalogue.brands),
        key=lambda district: district.key,
    )


def district_listing(districts: Sequence[District], catalogue: Catalogue) -> str:
    """One district a line: `  minhou      闽侯县 · 邑起来商量（榕你来商量）`."""
    if not districts:
        return "  " + say.NO_DISTRICTS_YET()
    width = max(len(district.key) for district in districts)
    lines = []
    for district in districts:
        brand = catalogue.brands[district.brand_key].name
        lines.append(f"  {district.key:<{width}}  {district.label}（{brand}）")
    return "\n".join(lines)


def parse_districts(keys: Iterable[str], districts: Sequence[District]) -> tuple[str, ...]:
    """District keys, each known; several (a joint case) may be separated by spaces or commas."""
    known = {district.key for district in districts}
    chosen: list[str] = []
    for item in keys:
        for key in re.split(r"[\s,，、]+", item.strip()):
            if key and key not in chosen:
                chosen.append(key)
    if not chosen:
        raise InvalidValue(say.NO_DISTRICT())
    unknown = [key for key in chosen if key not in known]
    if unknown:
        allowed = ", ".join(sorted(known)) or say.NONE_TO_CHOOSE()
        raise InvalidValue(say.UNKNOWN_DISTRICT(got=", ".join(map(repr, unknown)), allowed=allowed))
    return tuple(chosen)


def parse_choice(text: str, allowed: Sequence[str]) -> str:
    """One of `allowed`, as written (e.g. a format or a stage)."""
    value = text.strip()
    if value not in allowed:
        raise InvalidValue(say.NOT_ALLOWED(got=value, allowed="、".join(allowed)))
    return value


def parse_stage(text: str) -> str:
    return parse_choice(text, STAGES)


# -- the file ---------------------------------------------------------------------

_OPTIONAL_HINTS = """\
# 以下字段可选：需要时删去行首的“# ”，改成实际内容；用不到的整行删掉也可以。
# brand: {brand}  # 品牌的键；不写时取第一个区县所属的品牌
# venue: 协商地点
# tags: [民生]  # 话题，尽量沿用已有的名称
# members: 0  # 参加的政协委员人数（报道明确给出时才填）
# participants: 0  # 参加的总人数
# departments: [有关部门]
# problems_solved: 0  # 解决的问题数
{status_hint}\
# reports: [协商专报{year}年第1期]
# highlight: {year}  # 被评为优秀案例的年份；true 表示日期所在的年份
# summary: 一段话摘要  # 不写时取正文第一段
# cover: cover.jpg  # 图片，路径相对于本文件
# source:  # 最早刊登这篇报道的地方
#   name: 报道来源
#   url: https://
#   date: {date}
# draft: true  # 草稿：照常检查，但不发布
"""

_STATUS_HINT = "# status: {default}  # 达到的最远阶段：{stages}\n"

_BODY = """\
<!-- 第一段用一两句话交代这次协商的事由和结果；不写 summary 时，它就是案例的摘要。 -->

## 事由

<!-- 群众反映了什么问题，议题是怎样选定的。 -->

## 协商

<!-- 时间、地点、哪些委员和部门参加，提出了哪些意见建议。 -->

## 结果

<!-- 有关部门怎样办理，落实到了哪一步。 -->

## 说明

<!-- 所据报道的名称和日期；报道没有给出的日期、数字是怎样取的。 -->
"""


def case_text(new_case: NewCase) -> str:
    """The whole file: front matter with the chosen values and hints, then the body skeleton."""
    chosen: dict[str, object] = {
        "title": new_case.title,
        # A day is written as YAML's date (2024-06-18); a month or a year as text the build reads the same.
        "date": new_case.when.first_day if new_case.when.precision == "day" else new_case.when.isoformat(),
        "district": new_case.district_keys[0] if len(new_case.district_keys) == 1 else list(new_case.district_keys),
        "format": new_case.format,
    }
    if new_case.status is not None:
        chosen["status"] = new_case.status
    front = "".join(_yaml_line(name, value) for name, value in chosen.items())
    brand = new_case.brand_key or "rong"
    status_hint = "" if new_case.status is not None else _STATUS_HINT.format(
        default=DEFAULT_STAGE, stages="、".join(STAGES)
    )
    hints = _OPTIONAL_HINTS.format(
        brand=brand,
        status_hint=status_hint,
        year=new_case.date.year,
        date=new_case.date.isoformat(),
    )
    return f"---\n{front}{hints}---\n\n{_BODY}"


def _yaml_line(name: str, value: object) -> str:
    """`name: value` as YAML reads it back (quoted when needed); a list in brackets on the same line."""
    flow = None if isinstance(value, list) else False
    return yaml.safe_dump({name: value}, allow_unicode=True, default_flow_style=flow, width=10_000)
