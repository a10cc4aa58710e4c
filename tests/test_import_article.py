"""Importing news pages: `importers.article` and `importers.guess` on saved pages, and `scripts/import_article.py`.

The pages in tests/fixtures/import/ are whole saved pages (navigation, ads, related links,
footer) of three kinds of site: 人民政协网-like (og: metadata, a 示例 article written for these
tests), 重庆日报-like (the 普陀村 street lights, in our words, from the source of the sample
content) and a city CPPCC site with no metadata at all (a 示例 article). No test needs a network:
a web address is served from this machine.
"""

from __future__ import annotations

import functools
import http.server
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from script_runs import ScriptRun, script_run
from sites import BRAND_RONG, DISTRICT_GULOU, DISTRICT_MINHOU, REPO, Site, make_site, page

from shangliang.content.catalogue import load_catalogue
from shangliang.dates import PartialDate
from shangliang.importers.article import consultation_date, read_article
from shangliang.importers.guess import guess_fields
from shangliang.model import Catalogue

FIXTURES = REPO / "tests" / "fixtures" / "import"
RMZXW = FIXTURES / "rmzxw-minhou-dianti.html"
CQRB = FIXTURES / "cqrb-rongchang-putuo-ludeng.html"
SMZX = FIXTURES / "smzx-12345-honglvdeng.html"
IMPORT = REPO / "scripts" / "import_article.py"
CHECK = REPO / "scripts" / "check.py"

RMZXW_DRAFT = "cases/2024/shi-li-min-hou-xian-zheng-xie-yi.md"
CQRB_DRAFT = "cases/2023/rong-chang-wei-yuan-zou-jin-pu-tuo.md"

SITE_FILES = {
    "brands/rong.md": page(BRAND_RONG, "榕你来商量。"),
    "brands/yu.md": page({"name": "渝事好商量", "organisation": "重庆市政协"}, "渝事好商量。"),
    "districts/minhou.md": page({**DISTRICT_MINHOU, "organisation": "闽侯县政协"}, "闽侯县。"),
    "districts/gulou.md": page(DISTRICT_GULOU, "鼓楼区。"),
    "districts/rongchang.md": page({"name": "荣昌区", "brand": "yu"}, "荣昌区。"),
    "venues/minhou-ganzhe.md": page(
        {"name": "甘蔗街道委员联系点", "type": "委员联系点", "district": "minhou"}, "联系点。"
    ),
}


@pytest.fixture
def site(tmp_path: Path) -> Site:
    return make_site(tmp_path / "site", SITE_FILES)


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue([(uri, text.encode()) for uri, text in SITE_FILES.items()]).catalogue


Importer = ScriptRun


@pytest.fixture
def run_import(site: Site, capfd: pytest.CaptureFixture[str]) -> Importer:
    """`import_article.py -f <site> …`, run in this process: exit code, stdout and stderr."""
    return script_run(IMPORT, site.root / "mkdocs.yml", capfd)


def run_process(site: Site, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """The command as an editor runs it: its own process."""
    return subprocess.run(
        [sys.executable, str(IMPORT), "-f", str(site.root / "mkdocs.yml"), *map(str, args)],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120,
    )


def check_strict(site: Site) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(CHECK), "-f", str(site.root / "mkdocs.yml"), "--strict"],
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


# -- reading a page ----------------------------------------------------------------


def test_the_article_is_read_without_the_sites_navigation_ads_comments_and_footer() -> None:
    article = read_article(RMZXW.read_bytes())
    assert article.title == "示例｜闽侯县政协“邑起来商量”：在委员联系点商量老旧小区加装电梯"
    assert article.body.startswith("【说明】本文是为测试导入功能编写的示例报道")
    assert "2024年6月3日上午，闽侯县政协在甘蔗街道委员联系点开展“邑起来商量”微协商活动" in article.body
    assert "参加协商的委员、部门和居民代表共35人。" in article.body
    junk = ("限时优惠", "热点排行", "相关阅读", "暂无评论", "版权所有", "京ICP备", "浮动广告", "当前位置", "分享到")
    assert [words for words in junk if words in article.body] == []
    assert not article.body.startswith("#")  # the headline is the title, not the body's first line


def test_the_source_is_the_pages_own_name_address_and_date() -> None:
    article = read_article(RMZXW.read_bytes())
    assert (article.source_name, article.published) == ("人民政协网", PartialDate(2024, 6, 5))
    assert article.url == "https://www.example.org/rmzxw/c/2024-06-05/0000001.shtml"


def test_the_source_printed_on_the_page_comes_before_the_sites_name() -> None:
    article = read_article(CQRB.read_bytes())
    assert article.source_name == "重庆日报"  # 来源：重庆日报, not the site 重庆日报网
    assert article.source_name_from == "页面上的“来源：重庆日报”"
    assert article.published == PartialDate(2024, 1, 20)


def test_a_page_without_metadata_still_gives_title_date_and_source_but_no_address() -> None:
    article = read_article(SMZX.read_bytes())
    assert article.title == "示例：委员工作站督办幼儿园路口红绿灯"
    assert "示例：委员工作站督办幼儿园路口红绿灯" not in article.body  # its headline left the body
    assert article.published == PartialDate(2023, 6, 12)
    assert article.source_name == "三明市政协办公室"
    assert article.url is None
    assert "上一篇" not in article.body and "闽ICP备" not in article.body


def test_the_address_given_is_the_sources_url() -> None:
    article = read_article(SMZX.read_bytes(), url="https://www.example.org/smzx/2.html")
    assert article.url == "https://www.example.org/smzx/2.html"


def test_the_consultation_date_is_the_day_the_text_names() -> None:
    date = consultation_date(read_article(RMZXW.read_bytes()))
    assert date is not None
    assert (date.date, date.words) == (PartialDate(2024, 6, 3), "2024年6月3日")


def test_a_month_without_a_day_stays_a_month_and_a_relative_year_is_read_from_the_page_date() -> None:
    # "1月8日傍晚" opens the story but is not about the consultation; "去年5月" (May of 2023) is.
    date = consultation_date(read_article(CQRB.read_bytes()))
    assert date is not None
    assert (date.date, date.date.precision, date.words) == (PartialDate(2023, 5), "month", "去年5月")


def test_a_day_without_a_year_takes_the_year_of_the_page() -> None:
    date = consultation_date(read_article(SMZX.read_bytes()))
    assert date is not None
    assert (date.date, date.words) == (PartialDate(2023, 3, 15), "3月15日")


def test_a_page_saved_in_gbk_reads_the_same() -> None:
    html = RMZXW.read_text(encoding="utf-8").replace('<meta charset="utf-8">', '<meta charset="gbk">')
    article = read_article(html.encode("gb18030"))
    assert article == read_article(RMZXW.read_bytes())


def test_markup_in_the_articles_text_is_never_html_in_the_draft() -> None:
    pasted = "<p>有人在留言里贴了 &lt;script&gt;alert(1)&lt;/script&gt; 这样的代码。</p>"
    html = RMZXW.read_text(encoding="utf-8").replace("<p>“以前是各说各的", pasted + "<p>“以前是各说各的")
    article = read_article(html)
    assert "&lt;script>alert(1)&lt;/script>" in article.body
    assert "<script" not in article.body


# -- guessing from the site's own names -----------------------------------------------


def test_the_district_venue_and_format_are_guessed_from_the_names_the_site_knows(catalogue: Catalogue) -> None:
    guesses = guess_fields(read_article(RMZXW.read_bytes()).text, catalogue)
    assert guesses.district is not None and guesses.district.value == "minhou"
    words = {item.words: item.count for item in guesses.district.chosen.evidence}
    # The committee's name counts once as itself, not again as the district's name inside it.
    assert words == {"闽侯县政协": 2, "邑起来商量": 2, "甘蔗街道委员联系点": 1}
    assert guesses.venue is not None and guesses.venue.value == "minhou-ganzhe"
    assert guesses.format is not None and (guesses.format.value, guesses.format.words) == ("微协商", "“微协商”")
    assert guesses.brand is None  # the text names no brand; the draft takes the district's


def test_a_brand_named_in_the_text_is_guessed_with_the_words_that_made_it(catalogue: Catalogue) -> None:
    guesses = guess_fields(read_article(CQRB.read_bytes()).text, catalogue)
    assert guesses.district is not None and guesses.district.value == "rongchang"
    assert guesses.brand is not None and (guesses.brand.value, guesses.brand.words) == ("yu", "“渝事好商量”")
    assert guesses.format is not None and guesses.format.value == "委员进小院"
    assert guesses.format.chosen.mentions == 3


def test_nothing_is_guessed_when_the_text_names_nothing_the_site_knows(catalogue: Catalogue) -> None:
    guesses = guess_fields(read_article(SMZX.read_bytes()).text, catalogue)
    assert (guesses.district, guesses.brand, guesses.venue, guesses.format) == (None, None, None, None)


def test_the_district_named_most_wins_and_the_others_are_listed(catalogue: Catalogue) -> None:
    guesses = guess_fields("鼓楼区政协委员来到闽侯县，和闽侯县、闽侯的居民一起商量。", catalogue)
    assert guesses.district is not None
    assert guesses.district.value == "minhou"
    assert guesses.district.words == "“闽侯县”×2、“闽侯”"
    assert [other.value for other in guesses.district.others] == ["gulou"]


# -- the command ------------------------------------------------------------------------


def test_pages_become_drafts_and_a_page_naming_nothing_known_is_refused_with_the_reason(site: Site) -> None:
    result = run_process(site, RMZXW, CQRB, SMZX)
    assert result.returncode == 1, result.stderr
    out = result.stdout
    assert f"已写入草稿：{site.content / RMZXW_DRAFT}" in out
    assert f"已写入草稿：{site.content / CQRB_DRAFT}" in out
    assert ("待确认  district（区县）：minhou（闽侯县），"
            "据原文“闽侯县政协”×2、“邑起来商量”×2、“甘蔗街道委员联系点”\n") in out  # fmt: skip
    assert "待确认  date（协商日期）：2023-05，据正文“去年5月”" in out
    assert "待确认  brand（品牌）：yu（渝事好商量），据原文“渝事好商量”；与区县所属品牌相同，不另写" in out
    assert "未找到  venue（协商地点）：原文没有提到站内的协商阵地" in out
    assert f"{SMZX}\n  没有导入：原文没有提到站内的任何区县；请用 --district 指定区县的键" in out
    assert "未找到  source.url（来源·网址）：网页没有标明自己的网址" in out
    assert out.splitlines()[-1] == (
        "共 3 个网页：写入 2 个草稿，1 个网页没有导入。草稿不会发布：核对标着“待确认”的各项后，删去 draft: true。"
    )
    written = sorted(path.relative_to(site.content).as_posix() for path in site.content.rglob("cases/**/*.md"))
    assert written == [CQRB_DRAFT, RMZXW_DRAFT]


def test_a_draft_holds_the_fields_found_and_says_which_to_confirm(site: Site, run_import: Importer) -> None:
    assert run_import(RMZXW).code == 0
    text = (site.content / RMZXW_DRAFT).read_text(encoding="utf-8")
    assert "\ndistrict: minhou  # 待确认：据原文“闽侯县政协”×2、“邑起来商量”×2、“甘蔗街道委员联系点”\n" in text
    assert "\ndraft: true  # 导入的草稿：核对标着“待确认”的各项、补上缺的内容后，删去这一行再发布\n---\n" in text
    assert text.rstrip().endswith("正文照录原文，请按本站的写法改写、删去与本案例无关的内容。")
    assert front_matter(site.content / RMZXW_DRAFT) == {
        "title": "示例｜闽侯县政协“邑起来商量”：在委员联系点商量老旧小区加装电梯",
        "date": PartialDate(2024, 6, 3).first_day,
        "district": "minhou",
        "format": "微协商",
        "venue": "minhou-ganzhe",
        "source": {"name": "人民政协网", "url": "https://www.example.org/rmzxw/c/2024-06-05/0000001.shtml",
                   "date": PartialDate(2024, 6, 5).first_day},
        "draft": True,
    }  # fmt: skip


def test_a_month_is_written_as_a_month(site: Site, run_import: Importer) -> None:
    assert run_import(CQRB).code == 0
    assert "\ndate: 2023-05  # 待确认：据正文“去年5月”\n" in (site.content / CQRB_DRAFT).read_text(encoding="utf-8")


def test_imported_drafts_pass_the_packages_own_check_strictly(site: Site, run_import: Importer) -> None:
    imported = run_import(RMZXW, CQRB, SMZX, "--district", "gulou", "--format", "视察调研")
    assert imported.code == 0, imported.out + imported.err
    assert "默认值  district（区县）：原文没有提到站内的区县，用了 --district 给的 gulou" in imported.out
    assert "默认值  format（协商形式）：原文没有提到站内的协商形式，用了 --format 给的 视察调研" in imported.out
    checked = check_strict(site)
    assert checked.returncode == 0, checked.stdout
    assert "没有发现问题" in checked.stdout


def test_defaults_are_used_only_where_the_text_names_nothing(site: Site, run_import: Importer) -> None:
    run_import(RMZXW, "--district", "gulou", "--format", "视察调研")
    meta = front_matter(site.content / RMZXW_DRAFT)
    assert (meta["district"], meta["format"]) == ("minhou", "微协商")


def test_an_existing_file_is_never_overwritten_the_draft_gets_the_next_free_name(
    site: Site, run_import: Importer
) -> None:
    assert run_import(RMZXW).code == 0
    written = (site.content / RMZXW_DRAFT).read_bytes()
    second = run_import(RMZXW)
    assert second.code == 0
    again = RMZXW_DRAFT.replace(".md", "-2.md")
    assert f"已写入草稿：{site.content / again}" in second.out
    assert "按标题取的文件名已被占用，改用了这个名字（从不覆盖已有的文件）" in second.out
    assert (site.content / RMZXW_DRAFT).read_bytes() == written
    assert (site.content / again).read_bytes() == written


def test_two_pages_of_one_run_with_the_same_title_get_two_files(
    site: Site, run_import: Importer, tmp_path: Path
) -> None:
    copy = tmp_path / "copy.html"
    copy.write_bytes(RMZXW.read_bytes())
    assert run_import(RMZXW, copy).code == 0
    assert (site.content / RMZXW_DRAFT).exists()
    assert (site.content / RMZXW_DRAFT.replace(".md", "-2.md")).exists()


def test_many_pages_show_progress_on_stderr_and_the_report_on_stdout(run_import: Importer) -> None:
    result = run_import(*[RMZXW] * 5, "--dry-run")
    assert result.code == 0
    assert [line for line in result.err.splitlines() if line.startswith("正在读取网页")] == [
        f"正在读取网页 {done}/5：{RMZXW}" for done in range(1, 6)
    ]
    assert "正在读取网页" not in result.out
    assert result.out.count("将写入草稿（试运行，没有写）") == 5


def test_dry_run_shows_every_draft_and_writes_nothing(site: Site, run_import: Importer) -> None:
    before = sorted(site.content.rglob("*"))
    result = run_import(RMZXW, "--dry-run")
    assert result.code == 0
    assert f"将写入草稿（试运行，没有写）：{site.content / RMZXW_DRAFT}" in result.out
    assert "---\ntitle: 示例｜闽侯县政协“邑起来商量”" in result.out
    assert result.out.splitlines()[-1] == "共 1 个网页：可写入 1 个草稿。这是试运行（--dry-run），没有写任何文件。"
    assert sorted(site.content.rglob("*")) == before


def test_a_missing_file_is_bad_usage_and_nothing_is_written(site: Site, run_import: Importer) -> None:
    result = run_import(RMZXW, "no-such-page.html")
    assert result.code == 2
    assert "错误：找不到这些文件，什么也没写：no-such-page.html" in result.err
    assert not (site.content / "cases").exists()


def test_an_unknown_default_district_is_bad_usage(run_import: Importer) -> None:
    result = run_import(RMZXW, "--district", "cangshan")
    assert result.code == 2
    assert "--district：" in result.err and "cangshan" in result.err


def test_a_file_that_is_not_an_article_is_refused_with_the_reason(run_import: Importer, tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body><div id='nav'><a href='/'>首页</a></div></body></html>", encoding="utf-8")
    result = run_import(empty)
    assert result.code == 1
    assert f"{empty}\n  没有导入：网页里找不到正文" in result.out


def test_help_is_chinese_with_an_example() -> None:
    result = subprocess.run([sys.executable, str(IMPORT), "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert "把保存下来的新闻网页" in result.stdout
    assert "python scripts/import_article.py 下载/闽侯加装电梯.html" in result.stdout


# -- a web address ----------------------------------------------------------------------


@pytest.fixture
def served_fixtures() -> Iterator[str]:
    """The fixture folder over HTTP on this machine, as a news site would serve it."""
    handler = functools.partial(_QuietHandler, directory=str(FIXTURES))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def test_a_web_address_is_downloaded_and_becomes_the_sources_url(
    site: Site, run_import: Importer, served_fixtures: str
) -> None:
    address = f"{served_fixtures}/{SMZX.name}"
    result = run_import(address, "--district", "gulou", "--format", "视察调研")
    assert result.code == 0, result.out + result.err
    (draft,) = site.content.glob("cases/2023/*.md")
    assert front_matter(draft)["source"] == {"name": "三明市政协办公室", "url": address,
                                             "date": PartialDate(2023, 6, 12).first_day}  # fmt: skip


def test_an_address_that_cannot_be_reached_says_so_in_chinese(run_import: Importer) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run_import(f"http://127.0.0.1:{port}/news.html")
    assert result.code == 1
    assert "没有导入：下载失败：连不上这个网址" in result.out
    assert "“另存为”一个 .html 文件，再导入这个文件" in result.out
