"""One ledger row → a draft case, with a note for every cell that could not be mapped.

A row without a title, a date, a district or a format that the site knows gives no draft
(`Outcome.refusal` says which cell and what is allowed); a blank district or format cell takes
the command's `--district` / `--format` when given. An optional cell that cannot be mapped
(`约30人` for participants, `待定` for the stage) is left out of the front matter, named in
the report, and kept, with the cells of the columns no field takes, in the draft's note.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from shangliang.importers.chinese_dates import read_date_cell
from shangliang.importers.draft import Draft
from shangliang.importers.ledger import HEADERS, LedgerRow
from shangliang.importers.ledger_values import (
    NotMapped,
    brand_key,
    district_keys,
    format_name,
    is_web_address,
    paragraph_of,
    stage,
    text_list,
    text_of,
    venue,
    web_address,
    whole_number,
)
from shangliang.importers.outcome import Defaults, Finding, Note, Outcome
from shangliang.model import Catalogue

IMPORT_COMMAND = "scripts/import_ledger.py"
DATE_FORMS = "2024-06-03、2024/6/3、2024年6月3日；只知道月份或年份时写 2024年6月 或 2024"

_OPTIONAL: dict[str, Callable[[object], object]] = {
    "tags": text_list,
    "members": whole_number,
    "participants": whole_number,
    "departments": text_list,
    "problems_solved": whole_number,
    "status": stage,
}


@dataclass(frozen=True)
class LedgerFile:
    """Where the rows come from, as the draft's note and the report name it."""

    file_name: str
    sheet_name: str


def row_outcome(row: LedgerRow, catalogue: Catalogue, defaults: Defaults, origin: LedgerFile) -> Outcome:
    notes: list[Note] = []
    refusals: list[str] = []
    kept: list[tuple[str, str]] = []
    """(header, text) of cells left out of the front matter, for the draft's note."""
    values: dict[str, object] = {}
    remarks: dict[str, str] = {}

    def cell(field: str) -> object | None:
        cells = row.values.get(field, ())
        return cells[0] if cells else None

    def not_mapped(field: str, error: NotMapped) -> None:
        notes.append(Note(Finding.NOT_MAPPED, field, f"{error}；没有写入页头，原样留在正文的说明里"))
        kept.append((HEADERS[field][0], text_of(cell(field))))

    title = text_of(cell("title")) if cell("title") is not None else ""
    if title:
        values["title"] = title
    else:
        refusals.append("没有标题")

    date = read_date_cell(cell("date")) if cell("date") is not None else None
    if date is not None:
        values["date"] = date
    elif cell("date") is None:
        refusals.append(f"没有协商日期（可写 {DATE_FORMS}）")
    else:
        refusals.append(f"协商日期“{text_of(cell('date'))}”不是日期（可写 {DATE_FORMS}）")

    _required_choice(
        "district", cell("district"), lambda value: (district_keys(value, catalogue), True), defaults.district_keys,
        values, remarks, notes, refusals,
    )  # fmt: skip
    _required_choice(
        "format", cell("format"), lambda value: format_name(value, catalogue.formats), defaults.format,
        values, remarks, notes, refusals,
    )  # fmt: skip

    if cell("brand") is not None:
        try:
            values["brand"] = brand_key(cell("brand"), catalogue)
        except NotMapped as error:
            not_mapped("brand", error)
    if cell("venue") is not None:
        try:
            values["venue"], _ = venue(cell("venue"), catalogue)
        except NotMapped as error:
            not_mapped("venue", error)
    for field, read in _OPTIONAL.items():
        if cell(field) is not None:
            try:
                values[field] = read(cell(field))
            except NotMapped as error:
                not_mapped(field, error)
    source = _source(row, notes, kept)
    if source:
        values["source"] = source

    name = f"{origin.file_name} 第{row.number}行"
    if refusals:
        return Outcome(name, None, tuple(notes), "；".join(refusals))
    body = _body(row, origin, kept)
    return Outcome(name, Draft(values, body, remarks), tuple(notes))


def _required_choice(
    field: str, value: object | None, read: Callable[[object], tuple[object, bool]], default: object,
    values: dict[str, object], remarks: dict[str, str], notes: list[Note], refusals: list[str],
) -> None:
    """A required field chosen among the site's names; a blank cell takes the command's default."""
    if value is None:
        if default:
            values[field] = default
            remarks[field] = f"默认值：台账没有写，用了命令的 --{field}"
            notes.append(Note(Finding.DEFAULT, field, f"台账没有写，用了 --{field} 给的 {_shown(default)}"))
        else:
            refusals.append(f"没有写{HEADERS[field][0]}（可用 --{field} 给没写的行一个默认值）")
        return
    try:
        chosen, exact = read(value)
    except NotMapped as error:
        refusals.append(f"{HEADERS[field][0]}：{error}")
        return
    values[field] = chosen
    if not exact:
        remarks[field] = f"待确认：台账写的是“{text_of(value)}”"
        notes.append(Note(Finding.GUESS, field, f"台账写的是“{text_of(value)}”，按 {_shown(chosen)} 写入"))


def _source(row: LedgerRow, notes: list[Note], kept: list[tuple[str, str]]) -> dict[str, object]:
    source: dict[str, object] = {}
    for field, key in (("source", "name"), ("source.url", "url"), ("source.date", "date")):
        cells = row.values.get(field, ())
        if not cells:
            continue
        value = cells[0]
        if field == "source" and is_web_address(value):
            source.setdefault("url", text_of(value))
        elif key == "name":
            source["name"] = text_of(value)
        elif key == "url":
            try:
                source["url"] = web_address(value)
            except NotMapped as error:
                notes.append(Note(Finding.NOT_MAPPED, field, f"{error}；没有写入页头，原样留在正文的说明里"))
                kept.append((HEADERS[field][0], text_of(value)))
        else:
            date = read_date_cell(value)
            if date is None:
                message = f"“{text_of(value)}”不是日期；没有写入页头，原样留在正文的说明里"
                notes.append(Note(Finding.NOT_MAPPED, field, message))
                kept.append((HEADERS[field][0], text_of(value)))
            else:
                source["date"] = date
    return source


def _body(row: LedgerRow, origin: LedgerFile, kept: list[tuple[str, str]]) -> str:
    paragraphs = [_escaped(paragraph_of(value)) for value in row.values.get("summary", ())]
    sheet = f"（工作表“{_escaped(origin.sheet_name)}”）" if origin.sheet_name else ""
    note = (
        f"本稿由 `{IMPORT_COMMAND}` 据台账《{_escaped(origin.file_name)}》{sheet}第{row.number}行导入。"
        "发布前请核对页头各项，补上台账没有的内容（事由、协商经过、结果）。"
    )
    leftovers = [*kept, *((header, text_of(value)) for header, value in row.extras)]
    if leftovers:
        note += "\n\n台账里还有下面这些内容，页头没有对应的字段或写不进去，请酌情写入正文或页头：\n\n"
        note += "\n".join(f"- {_escaped(header)}：{_escaped(text)}" for header, text in leftovers)
    return "\n\n".join([*paragraphs, f"## 说明\n\n{note}"]) + "\n"


def _escaped(text: str) -> str:
    """Text a cell held, never read as HTML."""
    return text.replace("<", "&lt;")


def _shown(value: object) -> str:
    return "、".join(value) if isinstance(value, tuple) else str(value)
