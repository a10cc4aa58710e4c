"""A spreadsheet file → its non-blank rows, each with its row number, cells as the sheet shows them.

- `.xlsx` (openpyxl): the first sheet, or the one named; a merged range (a district cell merged
  over three rows, a title over the whole width) reads as its top-left value in every cell of the
  range, as a reader of the sheet sees it; dates come as dates, numbers as numbers.
- `.csv`: UTF-8 (with or without the BOM Excel writes), or GB18030 as Chinese Excel saves it.

Blank rows (every cell empty or spaces) are left out; `Row.number` is the row's number in the
file (1 for the first line), so that a report can name it as the editor sees it.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

SHEET_SUFFIXES = (".xlsx", ".xlsm", ".csv")
MAX_ROWS = 100_000


class SheetError(ValueError):
    """The file cannot be read as a sheet; the message says why, in Chinese."""


@dataclass(frozen=True)
class Row:
    number: int
    cells: tuple[object, ...]


@dataclass(frozen=True)
class Sheet:
    name: str
    """The worksheet's name ("" for a CSV file, which has one sheet)."""
    rows: tuple[Row, ...]


def read_sheet(path: Path, sheet_name: str | None = None) -> Sheet:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _read_csv(path)
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path, sheet_name)
    shown = path.suffix or "（没有扩展名）"
    raise SheetError(f"不认识的文件类型 {shown}：请用 .xlsx 或 .csv（Excel 可以“另存为”这两种格式）")


def _read_xlsx(path: Path, sheet_name: str | None) -> Sheet:
    import openpyxl  # here, not at the top: it takes a second to import, and CSV files do not need it
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as error:
        raise SheetError(f"读不了这个 Excel 文件（{error}）；请确认它是 .xlsx 格式") from None
    if sheet_name is not None and sheet_name not in book.sheetnames:
        raise SheetError(f"没有名为“{sheet_name}”的工作表；这个文件里有：" + "、".join(book.sheetnames))
    worksheet = book[sheet_name] if sheet_name is not None else book.worksheets[0]
    grid = [list(values) for values in worksheet.iter_rows(values_only=True)]
    if len(grid) > MAX_ROWS:
        raise SheetError(f"表格有 {len(grid)} 行，超过了 {MAX_ROWS} 行，不像是一份台账")
    for merged in worksheet.merged_cells.ranges:
        if merged.min_row > len(grid) or merged.min_col > len(grid[merged.min_row - 1]):
            continue
        top_left = grid[merged.min_row - 1][merged.min_col - 1]
        for row in range(merged.min_row - 1, min(merged.max_row, len(grid))):
            width = len(grid[row])
            for column in range(merged.min_col - 1, min(merged.max_col, width)):
                grid[row][column] = top_left
    return Sheet(worksheet.title, _non_blank(grid))


def _read_csv(path: Path) -> Sheet:
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SheetError(f"读不了这个文件（{error.strerror}）") from None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise SheetError("读不出这个 CSV 文件的文字：请用 UTF-8 保存（Excel：另存为“CSV UTF-8”）")
    grid: list[list[object]] = [list(cells) for cells in csv.reader(io.StringIO(text, newline=""))]
    if len(grid) > MAX_ROWS:
        raise SheetError(f"表格有 {len(grid)} 行，超过了 {MAX_ROWS} 行，不像是一份台账")
    return Sheet("", _non_blank(grid))


def _non_blank(grid: list[list[object]]) -> tuple[Row, ...]:
    return tuple(
        Row(number, tuple(cells))
        for number, cells in enumerate(grid, start=1)
        if any(not is_blank(cell) for cell in cells)
    )


def is_blank(cell: object) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())
