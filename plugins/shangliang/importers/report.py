"""The importers' report, in Chinese: per page or row, what was written where, what to confirm, what did not map.

The scripts print these lines (this module only words them):

```
rmzxw-minhou-dianti.html
  已写入草稿：content/cases/2024/shi-li-min-hou-xian-zheng-xie-yi.md
  待确认  district（区县）：minhou（闽侯县），据原文“闽侯县”×2
  未找到  venue（协商地点）：原文没有提到站内的协商阵地；知道地点的话请补上
共 3 个网页：写入 2 个草稿，1 个没有导入。
```
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from shangliang.importers.ledger import Ledger, field_of_header
from shangliang.importers.placing import Result
from shangliang.model import Problem

INDENT = "  "


def result_lines(
    result: Result, docs_dir: Path, *, dry_run: bool, problem_line: Callable[[Problem], str] = str
) -> list[str]:
    """The lines about one source: its heading, what became of it, its notes and its problems."""
    lines = [result.outcome.origin]
    if result.imported and result.src_uri is not None:
        path = docs_dir / result.src_uri
        verb = "将写入草稿（试运行，没有写）" if dry_run else "已写入草稿"
        lines.append(f"{INDENT}{verb}：{path}")
        if result.renamed:
            lines.append(f"{INDENT}按标题取的文件名已被占用，改用了这个名字（从不覆盖已有的文件）")
    else:
        lines.append(f"{INDENT}没有导入：{result.refusal}")
    lines += [f"{INDENT}{note}" for note in result.outcome.notes]
    lines += [f"{INDENT}{problem_line(problem)}" for problem in result.problems]
    return lines


def summary_line(results: Sequence[Result], *, what: str, dry_run: bool) -> str:
    """`共 3 个网页：写入 2 个草稿，1 个没有导入。` (`what` counts the sources: `个网页`, `行`)."""
    imported = sum(result.imported for result in results)
    refused = len(results) - imported
    verb = "可写入" if dry_run else "写入"
    text = f"共 {len(results)} {what}：{verb} {imported} 个草稿"
    if refused:
        text += f"，{refused} {what}没有导入"
    text += "。"
    if dry_run:
        text += "这是试运行（--dry-run），没有写任何文件。"
    elif imported:
        text += "草稿不会发布：核对标着“待确认”的各项后，删去 draft: true。"
    return text


def ledger_lines(ledger: Ledger, file_name: str) -> list[str]:
    """Where the ledger's headers were found, and the columns no field takes."""
    mapped = [f"{column.header}→{column.field}" for column in ledger.columns if column.field]
    sheet = f"（工作表“{ledger.sheet_name}”）" if ledger.sheet_name else ""
    lines = [
        f"{file_name}{sheet}：第{ledger.header_row}行是表头，"
        f"下面有 {len(ledger.rows)} 行数据（空行已跳过）",
        f"{INDENT}认识的列：" + "、".join(mapped),
    ]
    for column in ledger.unknown_columns:
        field = field_of_header(column.header)
        why = f"与前面的列重复（都是 {field}）" if field else "没有对应的字段"
        lines.append(f"{INDENT}不认识的列：“{column.header}”，{why}；各行这一列的内容写在草稿正文的说明里")
    return lines
