"""The web form's fields, one Decap CMS field (a plain mapping) per front-matter key of the content model.

Every field is labelled as the contract names it: the Chinese label, then the key (`标题 title`),
with a Chinese hint saying what to write. Choices (districts, brands, venues, formats, stages,
venue types) come from `SiteChoices`, i.e. from the site's own content and `mkdocs.yml`.

Two fields exist only in the form and are never written into a file (the admin page's
format drops them, see `cms/admin/shangliang-cms.js`): `file_name`, the pinyin or ASCII key
the editor types for a new file, and `file_year`, the year folder of a new case, which the page
takes from `date` before saving.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from shangliang.messages.labels import (
    BRAND_LABELS,
    CASE_LABELS,
    DISTRICT_LABELS,
    SOURCE_LABELS,
    SUB_BRAND_LABELS,
    VENUE_LABELS,
)
from shangliang.model import STAGES

Field = dict[str, Any]
"""One Decap field: `name`, `label`, `widget` and the widget's options."""

FILE_NAME = "file_name"
"""Form-only: the key of a new file (its name without `.md`)."""
FILE_YEAR = "file_year"
"""Form-only: the year folder of a new case, taken from its date."""
FORM_ONLY_FIELDS = (FILE_NAME, FILE_YEAR)

KEY_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
"""The same rule as the build's (`content.fields.KEY_PATTERN`)."""
DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
"""YYYY-MM-DD, or YYYY-MM, or YYYY: a date as precise as the source."""
MONTH_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2]))?$"
URL_PATTERN = r"^https?://\S+$"

DATE_HINT = "写到日：2024-06-18；报道没有给出日子时只写到月（2024-06）或年（2024），不要补写"
DATE_PATTERN_MESSAGE = "请写成 2024-06-18，或只到月份 2024-06、只到年份 2024"


@dataclass(frozen=True)
class Choice:
    """One option of a select: what the file holds (`value`) and what the editor sees (`label`)."""

    value: str
    label: str


@dataclass(frozen=True)
class SiteChoices:
    """The site's own values that the form offers in its selects."""

    districts: tuple[Choice, ...]
    brands: tuple[Choice, ...]
    venues: tuple[Choice, ...]
    formats: tuple[str, ...]
    venue_types: tuple[str, ...]
    stages: tuple[str, ...] = STAGES


def label(name: str, labels: dict[str, str]) -> str:
    """`标题 title`: the Chinese label, then the key, as the contract names a field."""
    return f"{labels[name]} {name}"


def _options(choices: tuple[Choice, ...]) -> list[dict[str, str]]:
    return [{"label": choice.label, "value": choice.value} for choice in choices]


def string(name: str, labels: dict[str, str], hint: str, *, required: bool = False, **options: Any) -> Field:
    return {"name": name, "label": label(name, labels), "widget": "string", "required": required, "hint": hint,
            **options}  # fmt: skip


def date(name: str, labels: dict[str, str], hint: str = DATE_HINT, *, required: bool = False) -> Field:
    """A date as precise as the source: Decap's date widget always writes a day, so text with a pattern."""
    return string(name, labels, hint, required=required, pattern=[DATE_PATTERN, DATE_PATTERN_MESSAGE])


def whole_number(name: str, labels: dict[str, str], hint: str, *, minimum: int = 0) -> Field:
    return {"name": name, "label": label(name, labels), "widget": "number", "value_type": "int", "min": minimum,
            "step": 1, "required": False, "hint": hint}  # fmt: skip


def text_list(name: str, labels: dict[str, str], hint: str) -> Field:
    """A list of lines of text, typed separated by commas."""
    return {"name": name, "label": label(name, labels), "widget": "list", "required": False,
            "hint": hint + "；几项之间用英文逗号隔开"}  # fmt: skip


def select(name: str, labels: dict[str, str], hint: str, options: list[Any], *, required: bool = False,
           multiple: bool = False) -> Field:  # fmt: skip
    field: Field = {"name": name, "label": label(name, labels), "widget": "select", "options": options,
                    "required": required, "hint": hint}  # fmt: skip
    if multiple:
        field.update(multiple=True, min=1)
    return field


def group(name: str, labels: dict[str, str], hint: str, fields: list[Field]) -> Field:
    """Named parts under one key (`source`, `stages`), folded until the editor opens them."""
    return {"name": name, "label": label(name, labels), "widget": "object", "required": False, "collapsed": True,
            "hint": hint, "fields": fields}  # fmt: skip


def records(name: str, labels: dict[str, str], hint: str, fields: list[Field]) -> Field:
    """A list whose items each have named parts (`sub_brands`)."""
    return {"name": name, "label": label(name, labels), "widget": "list", "required": False, "hint": hint,
            "fields": fields}  # fmt: skip


def boolean(name: str, labels: dict[str, str], hint: str) -> Field:
    return {"name": name, "label": label(name, labels), "widget": "boolean", "required": False, "default": False,
            "hint": hint}  # fmt: skip


def paragraph(name: str, labels: dict[str, str], hint: str) -> Field:
    return {"name": name, "label": label(name, labels), "widget": "text", "required": False, "hint": hint}


def picture(name: str, labels: dict[str, str], hint: str) -> Field:
    """An image, saved beside the file (each collection's media folder is its own)."""
    return {"name": name, "label": label(name, labels), "widget": "image", "required": False, "choose_url": False,
            "hint": hint}  # fmt: skip


def file_name_field(example: str) -> Field:
    return {
        "name": FILE_NAME, "label": f"文件名 {FILE_NAME}", "widget": "string", "required": False,
        "hint": f"只在新建时填写：文件名（键），用小写拼音或英文、数字，词之间用连字符，例如 {example}；"
                "保存后不能在这里改名。已有的文件不用填",
        "pattern": [KEY_PATTERN, f"只能用小写字母、数字和单个连字符，例如 {example}"],
    }  # fmt: skip


def body_field(hint: str) -> Field:
    return {"name": "body", "label": "正文 body", "widget": "markdown", "required": False, "hint": hint}


# -- the kinds -----------------------------------------------------------------

_STATUS_HINT = "目前走到的最远阶段；不选时默认是“进度日期”里最后一个阶段，没有进度日期时为“协商”"
_VENUE_HINT = ("选站内已有的协商阵地，或别的案例写过的地点；报道点出名称的新阵地，请先在“协商阵地”里新建，"
               "只是一处地点的，可以在文件里直接写")
_HIGHLIGHT_HINT = "被通报表扬为年度优秀案例的年份，例如 2024；不早于协商日期所在的年份"


def case_fields(choices: SiteChoices) -> list[Field]:
    """Every field of a case, in the contract's order; the required ones are title, date, district, format."""
    c = CASE_LABELS
    districts = select("district", c, "所在区县；两地或多地联合协商时选几个", _options(choices.districts),
                       required=True, multiple=True)  # fmt: skip
    stage_dates = [_stage_date(stage) for stage in choices.stages]
    return [
        string("title", c, "案例标题，一行文字", required=True),
        file_name_field("pu-tuo-cun-lu-deng"),
        date("date", c, required=True),
        districts,
        select("brand", c, "不选时取第一个区县所属的品牌", _options(choices.brands)),
        select("format", c, "协商形式，按 mkdocs.yml 里的名单选", list(choices.formats), required=True),
        select("venue", c, _VENUE_HINT, _options(choices.venues)),
        text_list("tags", c, "议题（话题），尽量沿用已有的名称"),
        whole_number("members", c, "参加的政协委员人数，报道写明时才填"),
        whole_number("participants", c, "参加的总人数，报道写明时才填"),
        text_list("departments", c, "参加或作出答复的部门"),
        whole_number("problems_solved", c, "推动解决的问题个数"),
        select("status", c, _STATUS_HINT, list(choices.stages)),
        group("stages", c, "各阶段是什么时候走到的；只填报道写明的阶段", stage_dates),
        text_list("partners", c, "参加协商的站外政协组织，例如 内江市政协"),
        text_list("reports", c, "该案例写入的协商专报，例如 协商专报2024年第5期"),
        whole_number("highlight", c, _HIGHLIGHT_HINT, minimum=1949),
        paragraph("summary", c, "一段话摘要；不写时取正文第一段"),
        picture("cover", c, "封面图片，保存在本案例文件旁边"),
        group("source", c, "最早刊登这篇报道的出处", _source_fields()),
        boolean("draft", c, "草稿照常检查，但不在网站上发布"),
        body_field("案例正文：事由、协商、结果；第一段交代这次协商的事由和结果"),
    ]


def _stage_date(stage: str) -> Field:
    """One stage's date inside `stages`: labelled by the stage itself (选题 … 落实), which is its key."""
    field = date(stage, {stage: stage}, f"走到“{stage}”的日期，按报道能确定的精度写")
    field["label"] = stage
    return field


def _source_fields() -> list[Field]:
    s = SOURCE_LABELS
    url_rule = [URL_PATTERN, "请写以 http:// 或 https:// 开头的网址"]
    return [
        string("name", s, "报道来源的名称，例如 人民政协报"),
        string("url", s, "以 http:// 或 https:// 开头的网址", pattern=url_rule),
        date("date", s, "报道的日期，写法同协商日期"),
    ]


def brand_fields() -> list[Field]:
    b = BRAND_LABELS
    sub_brand = [
        string("name", SUB_BRAND_LABELS, "子品牌名称", required=True),
        string("organisation", SUB_BRAND_LABELS, "例如 提案委员会"),
    ]
    return [
        string("name", b, "品牌名称，例如 榕你来商量", required=True),
        file_name_field("rong"),
        string("organisation", b, "主办的政协组织，例如 福州市政协", required=True),
        string("slogan", b, "口号或功能定位"),
        string("launched", b, "推出时间：年份 2024，或年月 2024-01", pattern=[MONTH_PATTERN, "请写成 2024 或 2024-01"]),
        whole_number("order", b, "在列表中的排列位置，小的在前"),
        text_list("matrix", b, "同一政协组织与本品牌并列的其他品牌"),
        records("sub_brands", b, "不属于某一个区县的子品牌，例如专门委员会的“一委一品”", sub_brand),
        body_field("品牌介绍；统计数字和案例列表由系统生成。公布数字 figures、通报表扬 commendations 请直接在文件里写"),
    ]


def district_fields(choices: SiteChoices) -> list[Field]:
    d = DISTRICT_LABELS
    return [
        string("name", d, "区县名称，例如 闽侯县", required=True),
        file_name_field("minhou"),
        select("brand", d, "所属品牌", _options(choices.brands), required=True),
        string("sub_brand", d, "该区县自己的协商品牌名称，例如 邑起来商量"),
        string("organisation", d, "区县政协组织的名称，例如 闽侯县政协"),
        whole_number("order", d, "在品牌页列表中的排列位置，小的在前"),
        boolean("partner", d, "品牌之外、参加其联合协商的政协组织（例如邻省的市政协）时打开"),
        body_field("区县介绍；统计数字和案例列表由系统生成"),
    ]


def venue_fields(choices: SiteChoices) -> list[Field]:
    v = VENUE_LABELS
    return [
        string("name", v, "阵地的名称，照报道写", required=True),
        file_name_field("minhou-ganzhe-lianxidian"),
        select("type", v, "阵地类型", list(choices.venue_types), required=True),
        select("district", v, "所在区县", _options(choices.districts), required=True),
        date("opened", v, "设立或揭牌的时间：2024-03-18、2024-03 或 2024，知道到哪一级就写到哪一级"),
        string("address", v, "地址或所在单位，报道写明时才填"),
        whole_number("order", v, "在列表中的排列位置，小的在前"),
        body_field("阵地介绍：它做什么，设立时间的依据"),
    ]
