"""The Chinese label of every field an editor writes, by key: what messages, the editor guide and forms call it.

The contract's "Field labels" (CONTENT-MODEL.md) fix the case's; the other kinds' keys, the keys
MkDocs and Material read, and the parts of nested values (`source.url`, `figures.2024.activities`,
`sub_brands[1].organisation`, `stages.协商`) are labelled here too. `label_of(path, kind)` gives
a path's label ("" when a part of it is not a known key, e.g. a misspelt field).
"""

from __future__ import annotations

import re

CASE_LABELS: dict[str, str] = {
    "title": "标题", "date": "协商日期", "district": "区县", "brand": "品牌", "format": "协商形式",
    "venue": "协商地点", "tags": "议题", "members": "参加委员", "participants": "参加人数",
    "departments": "参与部门", "problems_solved": "解决问题数", "status": "进度", "stages": "进度日期",
    "reports": "协商专报", "highlight": "年度优秀案例", "summary": "摘要", "cover": "封面图", "source": "来源",
    "draft": "草稿", "partners": "协作方",
}  # fmt: skip
"""A case's fields: the contract's own list."""

BRAND_LABELS: dict[str, str] = {
    "name": "品牌名称", "organisation": "主办政协", "slogan": "口号", "launched": "推出时间", "order": "排列顺序",
    "matrix": "品牌矩阵", "sub_brands": "子品牌", "figures": "官方数字", "commendations": "通报表扬",
}  # fmt: skip

DISTRICT_LABELS: dict[str, str] = {
    "name": "区县名称", "brand": "所属品牌", "sub_brand": "区县子品牌", "organisation": "区县政协",
    "order": "排列顺序", "partner": "协作方政协", "figures": "官方数字",
}  # fmt: skip

VENUE_LABELS: dict[str, str] = {
    "name": "阵地名称", "type": "阵地类型", "district": "所在区县", "opened": "启用时间", "address": "地址",
    "order": "排列顺序",
}  # fmt: skip

PAGE_LABELS: dict[str, str] = {
    "title": "标题", "description": "页面描述", "author": "作者", "hide": "隐藏部分", "search": "搜索设置",
    "subtitle": "副标题", "kind": "页面类型", "tags": "议题", "template": "页面模板", "icon": "图标",
    "front matter": "页头", "file name": "文件名",
}  # fmt: skip
"""Keys any page may hold (MkDocs' and Material's), and the two parts of a file that are not fields."""

LABELS_BY_KIND: dict[str, dict[str, str]] = {
    "case": CASE_LABELS, "brand": BRAND_LABELS, "district": DISTRICT_LABELS, "venue": VENUE_LABELS,
}  # fmt: skip

ANY_KIND_LABELS: dict[str, str] = {
    **VENUE_LABELS, **DISTRICT_LABELS, **BRAND_LABELS, "name": "名称", "organisation": "所属政协",
    **CASE_LABELS, **PAGE_LABELS,
}  # fmt: skip
"""A key's label when the kind of its file is not known (a key shared by kinds gets its general label)."""

OFFICIAL_FIGURE_LABELS: dict[str, str] = {
    "activities": "各类活动", "consultations": "协商活动", "participants": "参与人数", "members": "参与委员",
    "problems_solved": "解决问题", "bulletins": "协商专报", "venues": "协商阵地", "opinions": "意见建议",
    "projects": "推动项目",
}  # fmt: skip
"""How messages and pages name each official figure of `figures.<year>`."""

SOURCE_LABELS = {"name": "名称", "url": "网址", "date": "日期"}
SUB_BRAND_LABELS = {"name": "名称", "organisation": "所属单位"}
COMMENDATION_LABELS = {"cases": "表扬案例数", "others": "其他表扬", "source": "来源"}

_SEGMENT = re.compile(r"\[(\d+)\]|([^.\[\]]+)")
_YEAR = re.compile(r"^\d{4}$")
_JOIN = "·"


def label_of(path: str, kind: str | None = None) -> str:
    """The label of a field's path: `date` → 协商日期, `source.url` → 来源·网址,
    `figures.2024.activities` → 官方数字·2024年·各类活动; "" when any part is not a known key."""
    segments = [(int(index) if index else None, name) for index, name in _SEGMENT.findall(path)]
    if not segments or segments[0][0] is not None:
        return ""
    top = segments[0][1]
    labels = [_top_label(top, kind)]
    parent = top
    for position, (index, name) in enumerate(segments[1:], start=1):
        labels.append(f"第{index}项" if index is not None else _child_label(parent, name, position, segments))
        if index is None:
            parent = name
    return _JOIN.join(labels) if all(labels) else ""


def _top_label(key: str, kind: str | None) -> str:
    if kind in LABELS_BY_KIND:
        return LABELS_BY_KIND[kind].get(key) or PAGE_LABELS.get(key, "")
    return ANY_KIND_LABELS.get(key, "")


def _child_label(parent: str, name: str, position: int, segments: list[tuple[int | None, str]]) -> str:
    top = segments[0][1]
    if parent == "source":
        return SOURCE_LABELS.get(name, "")
    if top == "sub_brands" and position == 2:
        return SUB_BRAND_LABELS.get(name, "")
    if top == "stages" and position == 1:
        return name  # a stage's own name (选题 … 落实): checked by validation
    if top in ("figures", "commendations") and position == 1:
        return f"{name}年" if _YEAR.match(name) else ""
    if top == "figures" and position == 2:
        return OFFICIAL_FIGURE_LABELS.get(name) or ("来源" if name == "source" else "")
    if top == "commendations" and position == 2:
        return COMMENDATION_LABELS.get(name, "")
    if top == "commendations" and parent == "others" and position == 3:
        return name  # the commendation's own Chinese name (优秀委员)
    return ""
