"""What `scripts/check.py` says, in Chinese and in English (see `cli.language`)."""

from __future__ import annotations

from shangliang.cli.language import Text

DESCRIPTION = Text(
    """\
像 `mkdocs build` 那样检查内容文件夹里的每一个文件，但不生成网站。

文本输出：每个问题一行（严重程度：文件：字段：哪里不对、应该怎样写），与构建时打印的
相同，最后一行是小结。JSON 输出（--format json）：一个对象，`problems` 里是每个问题的
severity、file、path、line、field、message、text，`counts` 里是各项计数，供持续集成标注用。

已发布的案例让某年的年度综述（content/roundups/<年份>.md）过时了，也报一条警告，
并写明修正它的命令（make roundups）。

退出码：0 没有错误（加 --strict 时也没有警告）；1 有错误，或加 --strict 时有警告；
2 用法不对、mkdocs.yml 读不了或内容文件夹不存在。""",
    """\
Check every file under the content folder the way `mkdocs build` does, without building.

Text output: one line per problem (severity: file: field: what is wrong and what is
allowed), the same lines the build prints, then a one-line summary. JSON output
(--format json): an object with `problems` (severity, file, path, line, field, message,
text) and `counts`, for CI annotations.

A roundup (content/roundups/<year>.md) that the published cases have made out of date
is a warning naming the command that fixes it (make roundups).

Exit status: 0 no errors (and, with --strict, no warnings); 1 errors, or warnings
with --strict; 2 bad usage, an unreadable mkdocs.yml or a missing content folder.""",
)
EXAMPLE = "python scripts/check.py --strict --format json > problems.json"
STRICT_HELP = Text(
    "警告也算不通过，和 `mkdocs build --strict` 一样",
    "warnings fail the check too, as in `mkdocs build --strict`",
)
FORMAT_HELP = Text("输出格式：text 文本（默认）或 json", "output format (default: text)")
