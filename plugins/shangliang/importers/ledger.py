"""A ledger (台账): the rows of a sheet under a row of Chinese column headers, each cell by its field.

`HEADERS` is the one map from the headers committees use to the case's fields; the first header
of each field is the contract's own label (标题, 协商日期, 区县 …). A header is matched without its
spaces, a `*` or colon, and without a bracketed unit (`参加人数（人）` is `参加人数`).

`read_ledger(sheet)` finds the header row (the first of the top rows naming a title column and
at least one other field; a title row above it, such as `2024年微协商活动台账`, is passed over),
and reads every row below it: its cells by field, and the cells of columns no field takes
(`备注`, kept for the draft's note). A column the map does not know is listed once, in
`Ledger.unknown_columns`; so are columns that repeat a field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from shangliang.importers.sheet import Row, Sheet, SheetError, is_blank

HEADERS: dict[str, tuple[str, ...]] = {
    "title": ("标题", "案例名称", "案例标题", "案例", "名称"),
    "date": ("协商日期", "日期", "时间", "协商时间", "活动日期", "活动时间"),
    "district": ("区县", "地区", "县（市、区）", "县(市、区)", "县市区", "所属区县", "区县名称"),
    "brand": ("品牌", "协商品牌"),
    "format": ("协商形式", "形式", "活动形式"),
    "venue": ("协商地点", "地点", "协商阵地", "活动地点"),
    "tags": ("议题", "主题", "话题"),
    "members": ("参加委员", "参加委员数", "参加委员人数", "委员人数"),
    "participants": ("参加人数", "参与人数", "总人数"),
    "departments": ("参与部门", "参加部门", "相关部门", "部门"),
    "problems_solved": ("解决问题数", "解决问题", "解决问题个数"),
    "status": ("进度", "状态", "办理进度", "阶段"),
    "summary": ("摘要", "内容", "主要内容", "简介", "协商内容", "情况简介"),
    "source": ("来源", "报道来源", "信息来源"),
    "source.url": ("来源网址", "网址", "链接", "报道链接"),
    "source.date": ("报道日期", "来源日期", "发布日期"),
}
"""Field → the column headers that name it; the first is the contract's label."""

REPEATABLE_FIELDS = ("summary",)
"""Fields several columns may fill (`摘要` and `内容`: their texts are joined)."""

IGNORED_HEADERS = ("序号", "编号", "序")
"""Columns that only number the rows."""

HEADER_SEARCH_ROWS = 20
_UNIT = re.compile(r"[（(][^）)]*[）)]$")
_NOISE = re.compile(r"[\s*＊:：]")


@dataclass(frozen=True)
class Column:
    index: int
    header: str
    field: str | None
    """None for a column no field takes (or one repeating a field already taken)."""


@dataclass(frozen=True)
class LedgerRow:
    number: int
    """The row's number in the sheet, as Excel shows it."""
    values: dict[str, tuple[object, ...]]
    """Field → the non-blank cells of its columns (one, or several for a repeatable field)."""
    extras: tuple[tuple[str, object], ...]
    """(header, cell) of the non-blank cells of columns no field takes."""


@dataclass(frozen=True)
class Ledger:
    sheet_name: str
    header_row: int
    columns: tuple[Column, ...]
    rows: tuple[LedgerRow, ...]

    @property
    def unknown_columns(self) -> tuple[Column, ...]:
        return tuple(column for column in self.columns if column.field is None)


def field_of_header(header: object) -> str | None:
    """The field a column header names, or None."""
    if is_blank(header):
        return None
    text = _NOISE.sub("", str(header))
    for candidate in (text, _UNIT.sub("", text)):
        for field, headers in HEADERS.items():
            if candidate in headers:
                return field
    return None


def read_ledger(sheet: Sheet) -> Ledger:
    """The ledger of a sheet; `SheetError` when no row of its top rows reads as headers."""
    header = _header_row(sheet)
    columns = _columns(header.cells)
    rows = []
    for row in sheet.rows:
        if row.number <= header.number:
            continue
        values: dict[str, tuple[object, ...]] = {}
        extras: list[tuple[str, object]] = []
        for column in columns:
            cell = row.cells[column.index] if column.index < len(row.cells) else None
            if is_blank(cell):
                continue
            if column.field is None:
                extras.append((column.header, cell))
            else:
                values[column.field] = (*values.get(column.field, ()), cell)
        if values:
            rows.append(LedgerRow(row.number, values, tuple(extras)))
    return Ledger(sheet.name, header.number, tuple(columns), tuple(rows))


def _header_row(sheet: Sheet) -> Row:
    for row in sheet.rows[:HEADER_SEARCH_ROWS]:
        fields = {field_of_header(cell) for cell in row.cells} - {None}
        if "title" in fields and len(fields) >= 2:
            return row
    known = "、".join(headers[0] for headers in HEADERS.values())
    raise SheetError(
        f"找不到表头：前 {HEADER_SEARCH_ROWS} 行里没有一行同时写着“标题”（或“案例名称”）和别的列名；"
        f"认识的列名有：{known}"
    )


def _columns(cells: tuple[object, ...]) -> list[Column]:
    columns: list[Column] = []
    taken: set[str] = set()
    for index, cell in enumerate(cells):
        if is_blank(cell) or _NOISE.sub("", str(cell)) in IGNORED_HEADERS:
            continue
        field = field_of_header(cell)
        if field is not None and field in taken and field not in REPEATABLE_FIELDS:
            field = None
        if field is not None:
            taken.add(field)
        columns.append(Column(index, " ".join(str(cell).split()), field))
    return columns
