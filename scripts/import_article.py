#!/usr/bin/env python3
"""Turn saved news pages (or their web addresses) into draft cases: content/cases/<year>/<pinyin>.md."""

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
from shangliang.importers.article import ArticleError, read_article
from shangliang.importers.article_case import article_outcome
from shangliang.importers.download import download, is_web_address
from shangliang.importers.guess import guess_fields
from shangliang.importers.outcome import Defaults, Outcome
from shangliang.importers.placing import Site, settle
from shangliang.importers.report import result_lines, summary_line
from shangliang.model import Catalogue

DESCRIPTION = """\
把保存下来的新闻网页（.html 文件），或者网页的网址，变成案例草稿，写到
content/cases/<年份>/<标题的拼音>.md。一次可以导入很多个。

从网页里取出：标题；协商日期（正文里写的“2024年6月3日”“去年5月”等，只写到月份的
就记到月份；正文没写时暂用网页的发布日期）；来源的名称、网址和日期；正文（去掉网站的
导航、广告和页脚）。区县、品牌、协商阵地和协商形式，按本站已有的名称在原文里找：
找到的写进页头并标上“待确认”，列出是据原文哪些字找到的；找不到的不乱填。

每个草稿都带 draft: true（照常检查，但不发布），并先用和 check.py 相同的检查核对过；
已有的文件从不覆盖：同名时改用 -2、-3 …… 原文没有提到站内的区县或协商形式时，可以用
--district、--format 给一个默认值，否则这一篇不导入，并说明原因。

给网址（http:// 或 https://）时要联网下载；没有网络时，请在浏览器里把网页“另存为”
.html 文件再导入。

退出码：0 全部导入（加 --dry-run 时：全部可以导入）；1 有网页没能导入；2 用法不对：
没有给文件、文件不存在、--district 或 --format 不对、mkdocs.yml 读不了。"""

EXAMPLE = "python scripts/import_article.py 下载/闽侯加装电梯.html https://example.org/news/1.html --format 微协商"
PROGRESS_FROM = 5
"""Progress lines on stderr when importing at least this many pages."""


def main(argv: list[str] | None = None) -> int:
    choose_language(argv)
    arguments = parser("import_article.py", DESCRIPTION, EXAMPLE)
    arguments.add_argument("pages", nargs="+", metavar="网页", help="保存下来的 .html 文件，或网页的网址")
    arguments.add_argument("--district", metavar="KEY", nargs="+", action="extend",
                           help="原文没有提到站内的区县时用的区县键；联合协商写几个")  # fmt: skip
    arguments.add_argument("--format", metavar="F", help="原文没有提到站内的协商形式时用的形式，例如 微协商")
    arguments.add_argument("--dry-run", action="store_true", help="什么也不写：只显示每个网页会写成什么")
    options = arguments.parse_args(argv)

    missing = [page for page in options.pages if not is_web_address(page) and not Path(page).is_file()]
    if missing:
        usage_exit("找不到这些文件，什么也没写：" + "、".join(missing))
    settings = settings_or_exit(options.config_file)
    result = load_or_exit(settings)
    try:
        defaults = Defaults.checked(options.district, options.format, result.catalogue, settings.formats)
    except InvalidValue as error:
        usage_exit(str(error))

    outcomes = []
    for done, page in enumerate(options.pages, start=1):
        if len(options.pages) >= PROGRESS_FROM:
            print(f"正在读取网页 {done}/{len(options.pages)}：{page}", file=sys.stderr, flush=True)
        outcomes.append(_outcome(page, result.catalogue, defaults))

    site = Site(settings.docs_dir, result.kinds, settings.formats, settings.bounds)
    results = settle(outcomes, site, write=not options.dry_run)
    for item in results:
        print("\n".join(result_lines(item, settings.docs_dir, dry_run=options.dry_run, problem_line=problem_line)))
        if options.dry_run and item.imported:
            print(item.text)
    print(summary_line(results, what="个网页", dry_run=options.dry_run))
    return EXIT_OK if all(item.imported for item in results) else EXIT_PROBLEM


def _outcome(page: str, catalogue: Catalogue, defaults: Defaults) -> Outcome:
    """A page's draft (or why there is none), from its file or downloaded from its address."""
    try:
        if is_web_address(page):
            article = read_article(download(page), url=page)
        else:
            article = read_article(Path(page).read_bytes())
    except (ArticleError, OSError) as error:
        return Outcome(page, None, (), str(error) if isinstance(error, ArticleError) else f"读不了这个文件（{error}）")
    return article_outcome(article, guess_fields(article.text, catalogue), catalogue, defaults, origin=page)


if __name__ == "__main__":
    sys.exit(main())
