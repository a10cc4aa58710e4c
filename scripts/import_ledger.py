#!/usr/bin/env python3
"""Turn the rows of a ledger spreadsheet (.xlsx or .csv, Chinese column headers) into draft cases."""

from __future__ import annotations

import sys
from pathlib import Path

from shangliang.cli.common import (
    EXIT_OK,
    EXIT_PROBLEM,
    load_or_exit,
    parser,
    problem_line,
    settings_or_exit,
    usage_exit,
)
from shangliang.cli.language import choose_language
from shangliang.cli.scaffold import InvalidValue
from shangliang.importers.ledger import HEADERS, read_ledger
from shangliang.importers.ledger_case import LedgerFile, row_outcome
from shangliang.importers.outcome import Defaults, label
from shangliang.importers.placing import Site, settle
from shangliang.importers.report import ledger_lines, result_lines, summary_line
from shangliang.importers.sheet import SHEET_SUFFIXES, SheetError, read_sheet

DESCRIPTION = """\
把台账（Excel 的 .xlsx，或 .csv）里的每一行变成一个案例草稿，写到
content/cases/<年份>/<标题的拼音>.md。

表头用中文写，认识的列名有（每个字段的第一个是本站的叫法）：
{headers}
表头上面可以有一行大标题；空行会跳过；合并的单元格（例如一个区县跨了三行）按合并后
的内容算进每一行。日期可以是 Excel 的日期、2024-06-03、2024/6/3、2024年6月3日，
只知道月份或年份时写 2024年6月 或 2024。区县、品牌、协商阵地可写本站的键或名称。

没有标题、日期、区县或协商形式（或写的不是本站有的）的行不导入，并说明原因；区县、
形式那一格空着时，可以用 --district、--format 给一个默认值。其他写不进页头的格子
（例如“约30人”）和不认识的列，逐行列出，原样写进草稿正文的“说明”里。

每个草稿都带 draft: true（照常检查，但不发布），并先用和 check.py 相同的检查核对过；
已有的文件从不覆盖：同名时改用 -2、-3 ……

退出码：0 每一行都导入了（加 --dry-run 时：都可以导入）；1 有的行没能导入，或表格
读不了；2 用法不对：文件不存在或不是 .xlsx/.csv、--district 或 --format 不对、
mkdocs.yml 读不了。"""

EXAMPLE = "python scripts/import_ledger.py 2024年微协商台账.xlsx --sheet 闽侯县 --format 微协商"
PROGRESS_FROM = 50
"""Progress lines on stderr for ledgers of at least this many rows."""


def main(argv: list[str] | None = None) -> int:
    choose_language(argv)
    headers = "\n".join(f"  {label(field)}：" + "、".join(names) for field, names in HEADERS.items())
    arguments = parser("import_ledger.py", DESCRIPTION.format(headers=headers), EXAMPLE)
    arguments.add_argument("ledger", metavar="台账", type=Path, help="台账文件：.xlsx 或 .csv")
    arguments.add_argument("--sheet", metavar="名称", help="要导入的工作表（默认：第一个）")
    arguments.add_argument("--district", metavar="KEY", nargs="+", action="extend",
                           help="区县一格空着时用的区县键；联合协商写几个")  # fmt: skip
    arguments.add_argument("--format", metavar="F", help="协商形式一格空着时用的形式，例如 微协商")
    arguments.add_argument("--dry-run", action="store_true", help="什么也不写：只显示每一行会写成什么")
    options = arguments.parse_args(argv)

    ledger_path: Path = options.ledger
    if not ledger_path.is_file():
        usage_exit(f"找不到台账文件 {ledger_path}，什么也没写")
    if ledger_path.suffix.lower() not in SHEET_SUFFIXES:
        usage_exit(f"{ledger_path}：台账要是 .xlsx 或 .csv 文件（Excel 可以“另存为”这两种格式）")
    settings = settings_or_exit(options.config_file)
    result = load_or_exit(settings)
    try:
        defaults = Defaults.checked(options.district, options.format, result.catalogue, settings.formats)
    except InvalidValue as error:
        usage_exit(str(error))

    try:
        sheet = read_sheet(ledger_path, options.sheet)
        ledger = read_ledger(sheet)
    except SheetError as error:
        print(f"错误：{ledger_path}：{error}；什么也没写", file=sys.stderr)
        return EXIT_PROBLEM
    print("\n".join(ledger_lines(ledger, ledger_path.name)))

    origin = LedgerFile(ledger_path.name, ledger.sheet_name)
    outcomes = []
    for done, row in enumerate(ledger.rows, start=1):
        if len(ledger.rows) >= PROGRESS_FROM and (done % 50 == 0 or done == len(ledger.rows)):
            print(f"正在读取台账：{done}/{len(ledger.rows)} 行", file=sys.stderr, flush=True)
        outcomes.append(row_outcome(row, result.catalogue, defaults, origin))

    site = Site(settings.docs_dir, result.kinds, settings.formats, settings.bounds)
    results = settle(outcomes, site, write=not options.dry_run)
    for item in results:
        print("\n".join(result_lines(item, settings.docs_dir, dry_run=options.dry_run, problem_line=problem_line)))
        if options.dry_run and item.imported:
            print(item.text)
    print(summary_line(results, what="行", dry_run=options.dry_run))
    return EXIT_OK if results and all(item.imported for item in results) else EXIT_PROBLEM


if __name__ == "__main__":
    sys.exit(main())
