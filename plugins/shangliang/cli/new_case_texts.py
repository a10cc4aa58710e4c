"""What `scripts/new_case.py` (and `cli.scaffold`, the values it checks) says, in Chinese and in English."""

from __future__ import annotations

from shangliang.cli.language import Text

DESCRIPTION = Text(
    """\
按选定的标题、日期、区县、协商形式和进度新建一个案例文件：前言里有可选字段的提示，
正文是待填写的几个小标题；最后打印文件的路径。

没有用选项给出的值，在终端里运行时会逐一询问；不在终端里运行时，必填的
--title、--date、--district、--format 都要给出。区县是 content/districts/ 里页面的
键；协商形式来自 mkdocs.yml；进度是 选题、调研、协商、报送、办理、落实（默认 协商）。
文件名是标题的拼音（用 --slug 另选）。已有的文件从不覆盖。

退出码：0 已新建（加 --dry-run 时：已显示）；1 文件已经存在；2 用法不对：缺少值或
值不对、mkdocs.yml 读不了。""",
    """\
Create a case file with the chosen title, date, district(s), format and stage, hints for
the optional fields and a body of headings to fill in; print its path.

Values not given as flags are asked for when run in a terminal; otherwise the
required ones (--title, --date, --district, --format) must be given. Districts are
the keys of content/districts/; formats come from mkdocs.yml; stages are
选题、调研、协商、报送、办理、落实 (default 协商). The file name is the pinyin of
the title (--slug to choose another). An existing file is never overwritten.

Exit status: 0 created (or shown, with --dry-run); 1 the file already exists;
2 bad usage: a missing or invalid value, an unreadable mkdocs.yml.""",
)
EXAMPLE = "python scripts/new_case.py --title 普陀村加装路灯 --date 2023-06-01 --district rongchang --format 委员进小院"

TITLE_METAVAR = Text("标题", "TITLE")
DISTRICT_METAVAR = Text("区县", "KEY")
FORMAT_METAVAR = Text("形式", "F")
STATUS_METAVAR = Text("进度", "S")
SLUG_METAVAR = Text("文件名", "S")
TITLE_HELP = Text("案例的标题（中文）", "the case's title, in Chinese")
DATE_HELP = Text("协商的日子；来源没有写日子时可写 YYYY-MM 或 YYYY", "the day of the consultation (YYYY-MM or YYYY "
                 "when the source gives no day)")
DISTRICT_HELP = Text("区县的键；联合协商写几个", "district key; several for a joint consultation")
FORMAT_HELP = Text("mkdocs.yml 里的协商形式之一，例如 微协商", "one of the formats in mkdocs.yml, e.g. 微协商")
STATUS_HELP = Text("达到的最远进度（默认 {default}）", "furthest stage reached (default {default})")
SLUG_HELP = Text("文件名，代替标题的拼音，例如 lu-deng", "file name instead of the title's pinyin, e.g. lu-deng")
DRY_RUN_HELP = Text("什么也不写；打印路径和文件内容", "write nothing; print the path, then the file's text")

# -- questions in a terminal -----------------------------------------------------------

ASK_TITLE = Text("标题", "title")
ASK_DATE = Text("协商日期 YYYY-MM-DD", "date of the consultation, YYYY-MM-DD")
ASK_DISTRICT = Text("区县的键，联合协商写几个、用空格隔开", "district key(s), separated by spaces for a joint case")
ASK_FORMAT = Text("形式：填序号或名称", "format: its number or name")
ASK_STATUS = Text("达到的进度：填序号或名称", "stage reached: its number or name")
ASK_SLUG = Text("文件名：小写拼音、数字和连字符", "file name: lowercase pinyin, digits and hyphens")
ASKED = Text("{question}（{flag}）", "{question} ({flag})")
DISTRICTS = Text("区县：", "districts:")
FORMATS = Text("协商形式：", "formats:")
STAGES = Text("进度：", "stages:")

# -- what goes wrong ---------------------------------------------------------------------

FLAG_VALUE = Text("{flag}：{problem}", "{flag}: {problem}")
REQUIRED = Text("缺少 {flag}（只有在终端里运行时才会询问）",
                "{flag} is required (values are asked for only when run in a terminal)")
SLUG_REQUIRED = Text("缺少 --slug：标题 {title!r} 拼不出拼音，无法据此命名文件",
                     "--slug is required: the title {title!r} gives no pinyin to name the file after")
EXISTS = Text("{path} 已经存在，什么也没写。请用 --slug 另选文件名，例如 --slug {suggestion}",
              "{path} already exists; nothing was written. Choose another file name with --slug, e.g. "
              "--slug {suggestion}")
EXISTS_NOW = Text("{path} 已经存在，什么也没写。请用 --slug 另选文件名",
                  "{path} already exists; nothing was written. Choose another file name with --slug")
TAKEN = Text("{path} 已经存在；请另选一个名字，例如 {suggestion}",
             "{path} already exists; choose another name, e.g. {suggestion}")
CANCELLED = Text("已取消：什么也没写", "cancelled: nothing was written")

# -- cli.scaffold: the values an editor gives -------------------------------------------

BAD_SLUG = Text(
    "不能用作文件名（写的是 {got!r}；只能用小写字母、数字和单个连字符，最多 {most} 个字符，例如 pu-tuo-cun-lu-deng）",
    "not a usable file name (got {got!r}; expected lowercase letters, digits and single hyphens, "
    "at most {most} characters, e.g. pu-tuo-cun-lu-deng)",
)
NO_TITLE = Text("缺少（必填：一行文字）", "missing (required: a line of text)")
ONE_LINE = Text("应是一行文字", "expected one line of text")
NO_DISTRICTS_YET = Text("（还没有：请先在 content/districts/ 里建一个页面）",
                        "(none yet: add a page under content/districts/ first)")
NO_DISTRICT = Text("缺少（必填：区县的键，联合协商写几个）",
                   "missing (required: a district key, or several for a joint case)")
UNKNOWN_DISTRICT = Text("未知的区县（写的是 {got}；应是 {allowed} 之一）",
                        "unknown district (got {got}; expected one of {allowed})")
NONE_TO_CHOOSE = Text("没有可选的：请先在 content/districts/ 里建一个页面",
                      "none: add a page under content/districts/ first")
NOT_ALLOWED = Text("不是可用的值（写的是 {got!r}；应是 {allowed} 之一）",
                   "not allowed (got {got!r}; expected one of {allowed})")
