"""What `scripts/roundup.py` says, in Chinese and in English (see `cli.language`)."""

from __future__ import annotations

from shangliang.cli.language import Counted, Text

DESCRIPTION = Text(
    """\
为指定的每一年写年度综述：content/roundups/<年份>.md 及其中生成的各块（总体数据及与
上年的比较、各区县子品牌、协商形式、办理进展、各月案例图、优秀案例、热点议题、协商
专报），图表文件写在它旁边。数字是已发布案例的合计（本站收录）；品牌或区县公布的当年
数据（`figures`）作为委员会公布的数据并列在旁边，注明来源，从不替换本站的合计；没有
案例写、委员会也没公布的数字不列出。品牌当年的 `commendations` 说明通报表扬了多少个
案例、本站收录了其中几个。只写明年份的案例不计入各月。

只重写 <!-- shangliang:roundup … --> 标记之间的内容；标记之外编辑写的文字一个字节也
不改；没有新内容时什么也不写。

先像 `mkdocs build` 那样检查内容：有任何错误就停下，按构建的一行格式报出。

退出码：0 完成（加 --check 时：每篇综述都是最新的）；1 内容或综述文件有问题，或加
--check 时有过时的综述；2 用法不对。""",
    """\
Write the roundup (年度综述) of each year asked for: content/roundups/<year>.md with its
generated blocks (figures and the change from last year, districts and sub-brands,
formats, stages, cases by month as a chart, commended cases, topics, bulletins) and
the chart files next to it. The figures are the sums of the published cases (本站收录);
the figures a committee published for the year (`figures` of a brand or a district) are
shown as published beside them (委员会公布), with their source, and never replace them;
a figure no case states and no committee published is left out. A brand's
`commendations` of the year say how many cases were commended and how many of them
the site holds. Cases dated only by their year are counted apart from the months.
Only what is between the <!-- shangliang:roundup … --> markers is rewritten; the
editor's prose around them is kept byte for byte, and a run that has nothing new to
say writes nothing.

The content is checked first, exactly as `mkdocs build` checks it: any error stops
the roundup, reported in the build's one-line form.

Exit status: 0 done (or, with --check, every roundup up to date); 1 a problem in the
content or a roundup file, or stale roundups with --check; 2 bad usage.""",
)
EXAMPLE = Text(
    """python scripts/roundup.py 2024
  python scripts/roundup.py --all --check        # 在持续集成里：综述都是最新的吗？
  python scripts/roundup.py 2024 --dry-run       # 先看会改什么，什么也不写
  python scripts/roundup.py 2024 --pdf roundup-2024.pdf""",
    """python scripts/roundup.py 2024
  python scripts/roundup.py --all --check        # in CI: are the roundups up to date?
  python scripts/roundup.py 2024 --dry-run       # show the changes, write nothing
  python scripts/roundup.py 2024 --pdf roundup-2024.pdf""",
)

YEAR_METAVAR = Text("年份", "YEAR")
YEARS_HELP = Text("要写的年份，可以写几个", "the year(s) to write")
ALL_HELP = Text("有已发布案例的每一年", "every year that has published cases")
CHECK_HELP = Text("什么也不写；有过时的综述时退出码为 1，并列出年份",
                  "write nothing; exit 1 naming the years whose roundup is out of date")
DRY_RUN_HELP = Text("什么也不写；先列出会改什么（新列入的案例、变化的数字），再给出差异",
                    "write nothing; summarise the changes (cases, figures), then print them as a diff")
PDF_HELP = Text("写完后用无界面 Chromium 把这一年的综述页打印成 PDF（A4）",
                "then print the year's roundup page to a PDF (A4) with headless Chromium")

NOT_A_YEAR = Text("不是年份（写的是 {text!r}；应为四位数字，例如 2024）",
                  "not a year (got {text!r}; expected four digits such as 2024)")
YEARS_OR_ALL = Text("请写出要写的年份，或者 --all（两者不能同时用）", "name the year(s) to write, or --all (not both)")
PDF_ONE_YEAR = Text("--pdf 只打印一年的综述：请只写一个年份", "--pdf prints one year's roundup: name exactly one YEAR")
PDF_ALONE = Text("--pdf 要先写好综述，不能和 --check 或 --dry-run 一起用",
                 "--pdf writes the roundup first; it cannot be combined with --check or --dry-run")

CONTENT_ERRORS = Counted(
    "内容中有{count}处错误（见上）；改正后再生成综述",
    "{count} error in the content (listed above); fix it and run the roundup again",
    "{count} errors in the content (listed above); fix them and run the roundup again",
)
NO_CASES_IN_YEAR = Text("{year}：没有日期在这一年的已发布案例（有案例的年份：{have}）",
                        "{year}: no published case is dated in that year (years with cases: {have})")
NO_YEARS = Text("没有", "none")

WROTE = Text("{year}：已写入 {files}", "{year}: wrote {files}")
UP_TO_DATE = Text("{year}：已是最新，什么也没写", "{year}: up to date, nothing written")
MISSING = Text("还没有", "missing")
OUT_OF_DATE = Text("已过时", "out of date")
STALE = Text(
    "过时：{year}年：{files} {what}（运行 make roundups，或 .venv/bin/python scripts/roundup.py {year}）",
    "stale: {year}: {files} {verb} {what} (run: make roundups, or .venv/bin/python scripts/roundup.py {year})",
)
STALE_COUNT = Counted("{count}篇综述过时：{years}", "{count} stale roundup: {years}", "{count} stale roundups: {years}")
ALL_UP_TO_DATE = Text("综述都是最新的：{years}", "roundups up to date: {years}")

PRINTING = Text("正在生成网站并打印 /roundups/{year}/ …", "building the site and printing /roundups/{year}/ …")
WROTE_PDF = Counted("已写入 {out}（{count}页，A4）", "wrote {out} ({count} page, A4)",
                    "wrote {out} ({count} pages, A4)")

# -- --dry-run's summary (cli.roundup_summary) ----------------------------------------

SUMMARY_CHANGES = Text("{year}年度综述（{src_uri}）将有这些改动：", "{year} roundup ({src_uri}) would change:")
SUMMARY_CREATED = Text("{year}年度综述（{src_uri}）还没有，将新建：",
                       "{year} roundup ({src_uri}) does not exist yet; it would be created:")
SUMMARY_UNCHANGED = Text("{year}年度综述（{src_uri}）：没有改动", "{year} roundup ({src_uri}): no change")
FIGURE_ROW = Text("{row}：{figures}", "{row}: {figures}")
FIGURES_JOINED = Text("，", ", ")
FIGURE_CHANGE = Text("{old} → {new}", "{old} → {new}")
NO_FIGURE = Text("无", "none")
ADDED = Text("新列入的案例：{cases}", "newly listed cases: {cases}")
LISTED = Text("列入的案例：{cases}", "listed cases: {cases}")
REMOVED = Text("不再列入的案例：{cases}", "no longer listed: {cases}")
LISTED_CASE = Text("“{title}”（{sections}）", "\u201c{title}\u201d ({sections})")
SECTIONS = Text("改动的部分：{sections}", "sections changed: {sections}")
CHARTS = Text("将重画的图表：{charts}", "charts redrawn: {charts}")
CASES_NOTE = Text("（综述只逐一列出优秀案例和写入协商专报的案例，其余案例的增减只反映在数字里）",
                  "(a roundup lists by title only its commended cases and the cases of its bulletins; "
                  "others show in the figures)")
