"""What every script says, in Chinese and in English: the parser's words, progress, prompts, summaries.

Each message is a `Text` (or a `Counted`, for "3 errors") holding both languages; the
script-specific messages are in `check_texts`, `roundup_texts` and `new_case_texts`.
"""

from __future__ import annotations

from shangliang.cli.language import LANGUAGES, Counted, Text
from shangliang.model import Severity

LANGUAGE_CHOICES = LANGUAGES

# -- the parser (see cli.arguments) --------------------------------------------------

USAGE = Text("用法：", "usage: ")
POSITIONALS = Text("位置参数", "positional arguments")
OPTIONS = Text("选项", "options")
HELP = Text("显示本帮助并退出", "show this help message and exit")
USAGE_ERROR = Text("{prog}：错误：{message}", "{prog}: error: {message}")
EXAMPLE = Text("示例：\n  {example}", "example:\n  {example}")
CONFIG_FILE_METAVAR = Text("文件", "FILE")
CONFIG_FILE_HELP = Text(
    "网站的配置文件（默认：当前文件夹里的 mkdocs.yml）",
    "the site's configuration (default: mkdocs.yml in the current folder)",
)
LANG_HELP = Text(
    "提示语言：zh 中文（默认），en 英文；也可以在 mkdocs.yml 的 shangliang 插件下写 language: en",
    "the language of messages: zh Chinese (default), en English; or `language: en` under the shangliang "
    "plugin in mkdocs.yml",
)

# -- problems, errors, progress (see cli.common) ---------------------------------------

SEVERITY = {
    Severity.ERROR: Text("错误", "error"),
    Severity.WARNING: Text("警告", "warning"),
}
PROBLEM_LINE = Text("{severity}: {problem}", "{severity}: {problem}")
"""One problem, as the build prints it, after its severity; `: ` as between the line's other parts."""
ERROR = Text("错误：{message}", "error: {message}")
PROGRESS = Text("{label}：{done}/{total} 个文件（{seconds:.1f} 秒）", "{label}: {done}/{total} files ({seconds:.1f} s)")
READING_CONTENT = Text("正在读取内容", "reading content")

# -- questions in a terminal (cli.common.ask) -----------------------------------------

QUESTION = Text("{question}：", "{question}: ")
QUESTION_WITH_DEFAULT = Text("{question}（直接回车即 {default}）：", "{question} [{default}]: ")
NO_ANSWER = Text("没有回答“{question}”，什么也没写", "no answer to '{question}'; nothing was written")

# -- check.py's summary (cli.report) ---------------------------------------------------

CASES = Counted("{count}个案例", "{count} case", "{count} cases")
DISTRICTS = Counted("{count}个区县", "{count} district", "{count} districts")
BRANDS = Counted("{count}个品牌", "{count} brand", "{count} brands")
ERRORS = Counted("{count}处错误", "{count} error", "{count} errors")
WARNINGS = Counted("{count}处警告", "{count} warning", "{count} warnings")
FILES = Counted("{count}个文件", "{count} file", "{count} files")
NO_PROBLEMS = Text("{cases}、{districts}、{brands}：没有发现问题", "{cases}, {districts}, {brands}: no problems")
PROBLEMS_IN = Text("{files}中有{problems}", "{problems} in {files}")
AND = Text("、", ", ")
