"""`scripts/roundup.py` run as an editor runs it: a real subprocess over a real content tree."""

from __future__ import annotations

import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sites import BRAND_RONG, DISTRICT_MINHOU, REPO, Site, case, fuzhou_tree, make_site, page

SCRIPT = REPO / "scripts" / "roundup.py"
PROSE_TOP = "编辑写的2024年导语：   保留空格、*星号*和行尾空格。  \n"
PROSE_BETWEEN = "\n编辑插在两个块之间的评论。\n"
PROSE_END = "\n## 编辑的结语\n\n结尾没有换行"


def run(site: Site, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], cwd=site.root, capture_output=True, text=True, timeout=300,
    )


def snapshot(site: Site) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted((site.content / "roundups").glob("*"))}


@pytest.fixture
def site(tmp_path: Path) -> Site:
    return make_site(tmp_path / "site", fuzhou_tree())


@pytest.fixture
def written(site: Site) -> Site:
    result = run(site, "--all")
    assert result.returncode == 0, result.stderr
    return site


def edit_prose(site: Site) -> str:
    """Hand-edit the 2024 roundup as an editor would; returns the edited text."""
    path = site.content / "roundups" / "2024.md"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"<!-- 编辑：.*?-->\n", PROSE_TOP, text, count=1, flags=re.DOTALL)
    text = text.replace("<!-- shangliang:roundup end formats -->\n", "<!-- shangliang:roundup end formats -->\n"
                        + PROSE_BETWEEN, 1)
    text += PROSE_END
    path.write_bytes(text.encode("utf-8"))
    return text


def outside_blocks(text: str) -> str:
    return re.sub(r"<!-- shangliang:roundup begin (\S+) -->.*?<!-- shangliang:roundup end \1 -->", "[块]",
                  text, flags=re.DOTALL)


def test_all_writes_a_roundup_and_a_chart_for_every_year_with_cases(written: Site) -> None:
    assert sorted(snapshot(written)) == ["2023-months.svg", "2023.md", "2024-months.svg", "2024.md"]
    text = (written.content / "roundups" / "2024.md").read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: 2024年度综述\n---\n")
    assert "| 案例 | 2（+0）" not in text and "| 案例 | 2（持平） | 2 |" in text
    assert "![2024年各月案例数柱状图：" in text and "](2024-months.svg)" in text


def test_regenerating_keeps_hand_edited_prose_byte_for_byte(written: Site) -> None:
    edited = edit_prose(written)
    written.write("cases/2024/yiyuan.md", page(
        case("加强平安医院建设", "2024-03-02", "gulou", members=6, participants=20), "医院安保的协商。"
    ))
    result = run(written, "2024")
    assert result.returncode == 0, result.stderr
    assert "2024：已写入 roundups/2024.md" in result.stdout
    after = (written.content / "roundups" / "2024.md").read_text(encoding="utf-8")
    assert outside_blocks(after) == outside_blocks(edited)
    assert PROSE_TOP in after and PROSE_BETWEEN in after and after.endswith(PROSE_END)
    assert "| 参与委员 | 14（+9） | 5 |" in after  # 8 + 6 now, against 2023's 4 + 1


def test_a_second_run_changes_nothing(written: Site) -> None:
    edit_prose(written)
    before = snapshot(written)
    result = run(written, "--all")
    assert result.returncode == 0, result.stderr
    assert snapshot(written) == before
    assert "2024：已是最新，什么也没写" in result.stdout


def test_check_names_the_years_made_stale_by_a_changed_case(written: Site) -> None:
    assert run(written, "--all", "--check").returncode == 0
    written.write("cases/2024/dianshang.md", page(
        case("推进县域电商直播基地建设", "2024-08-18", "minhou", members=8), "委员商量直播基地的选址。"
    ))
    before = snapshot(written)
    result = run(written, "--all", "--check")
    assert result.returncode == 1
    assert ("过时：2024年：roundups/2024.md、roundups/2024-months.svg 已过时（运行 make roundups，"
            "或 .venv/bin/python scripts/roundup.py 2024）") in result.stdout
    assert "过时：2023年" not in result.stdout
    assert result.stdout.splitlines()[-1] == "1篇综述过时：2024"
    assert snapshot(written) == before


def test_check_notices_a_chart_that_was_edited_or_deleted(written: Site) -> None:
    (written.content / "roundups" / "2023-months.svg").unlink()
    result = run(written, "--all", "--check")
    assert result.returncode == 1
    assert "过时：2023年：roundups/2023-months.svg 已过时" in result.stdout


def test_check_reports_a_missing_roundup(site: Site) -> None:
    result = run(site, "2024", "--check")
    assert result.returncode == 1
    assert "过时：2024年：roundups/2024.md、roundups/2024-months.svg 还没有" in result.stdout
    english = run(site, "2024", "--check", "--lang", "en")
    assert "stale: 2024: roundups/2024.md, roundups/2024-months.svg are missing" in english.stdout
    assert not (site.content / "roundups").exists()


def test_dry_run_summarises_the_changes_then_prints_a_diff_and_writes_nothing(written: Site) -> None:
    written.write("cases/2024/yiyuan.md", page(
        case("加强平安医院建设", "2024-03-02", "gulou", members=9, reports=["协商专报2024年第5期"]), "正文。"
    ))
    before = snapshot(written)
    result = run(written, "2024", "--dry-run")
    assert result.returncode == 0, result.stderr
    summary, diff = result.stdout.split("\n\n", 1)
    assert summary.splitlines()[:3] == [
        "2024年度综述（roundups/2024.md）将有这些改动：", "  总体数据", "    参与委员：2024年 13 → 17",
    ]
    assert "    鼓楼区 · 家在鼓楼，协商为民：参与委员 5 → 9，参与人数 20 → 未填写" in summary.splitlines()
    assert summary.splitlines()[-1] == "  改动的部分：总体数据、各区县子品牌、协商专报"
    assert diff.startswith("--- a/roundups/2024.md\n+++ b/roundups/2024.md\n@@ ")
    assert "\n-| 参与委员 | 13（+8） | 5 |\n" in diff
    assert "\n+| 参与委员 | 17（+12） | 5 |\n" in diff
    assert snapshot(written) == before


def test_dry_run_of_a_year_with_no_roundup_yet_says_it_would_be_created(site: Site) -> None:
    result = run(site, "2023", "--dry-run")
    assert result.returncode == 0, result.stderr
    summary, diff = result.stdout.split("\n\n", 1)
    assert summary.splitlines()[0] == "2023年度综述（roundups/2023.md）还没有，将新建："
    assert "    案例：2" in summary.splitlines()
    assert summary.splitlines()[-1] == "  将重画的图表：roundups/2023-months.svg"
    assert diff.startswith("--- /dev/null\n+++ b/roundups/2023.md\n")
    assert not (site.content / "roundups").exists()


def test_dry_run_of_an_up_to_date_roundup_says_so_in_one_line(written: Site) -> None:
    result = run(written, "2024", "--dry-run")
    assert (result.returncode, result.stdout) == (0, "2024年度综述（roundups/2024.md）：没有改动\n")


def test_a_broken_case_stops_the_roundup_with_the_builds_one_line_message(site: Site) -> None:
    site.write("cases/2024/huai.md", page(case("坏日期", "2024-13-45", "minhou")))
    result = run(site, "--all")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    line = next(line for line in result.stderr.splitlines() if "huai.md" in line)
    assert line.startswith("错误: cases/2024/huai.md: date（协商日期）: 不是日期（写的是 '2024-13-45'")
    assert result.stderr.splitlines()[-1] == "错误：内容中有1处错误（见上）；改正后再生成综述"
    build = site.build()
    assert build.returncode == 1
    assert line.removeprefix("错误: ") in build.stderr
    assert not (site.content / "roundups").exists()


def test_broken_markers_stop_the_roundup_naming_the_file_and_line(written: Site) -> None:
    path = written.content / "roundups" / "2024.md"
    text = path.read_text(encoding="utf-8").replace("<!-- shangliang:roundup end months -->\n", "", 1)
    path.write_text(text, encoding="utf-8")
    result = run(written, "2024")
    assert result.returncode == 1
    assert re.search(r"错误：roundups/2024\.md: 第 \d+ 行：块“highlights”开始在块“months”里面；"
                     r"请在它前面补回一行 <!-- shangliang:roundup end months -->", result.stderr)
    english = run(written, "2024", "--lang", "en")
    assert re.search(r"error: roundups/2024\.md: line \d+: block 'highlights' begins inside block 'months'",
                     english.stderr)
    assert "Traceback" not in result.stderr
    assert path.read_text(encoding="utf-8") == text


def test_a_year_without_cases_is_a_problem_naming_the_years_there_are(site: Site) -> None:
    result = run(site, "2019")
    assert result.returncode == 1
    assert "错误：2019：没有日期在这一年的已发布案例（有案例的年份：2024、2023）" in result.stderr


@pytest.mark.parametrize(
    "args",
    [(), ("24",), ("2024", "--all"), ("--all", "--pdf", "x.pdf"), ("2024", "--check", "--pdf", "x.pdf"),
     ("--no-such-option",)],
    ids=["nothing", "short year", "year and all", "pdf of all", "pdf with check", "unknown option"],
)
def test_bad_usage_exits_2_with_a_message_in_chinese(site: Site, args: tuple[str, ...]) -> None:
    result = run(site, *args)
    assert result.returncode == 2
    assert result.stderr.startswith("用法：roundup.py") and "roundup.py：错误：" in result.stderr
    assert "usage" not in result.stderr and "error" not in result.stderr
    assert "Traceback" not in result.stderr
    english = run(site, *args, "--lang", "en")
    assert english.returncode == 2
    assert english.stderr.startswith("usage: roundup.py") and "roundup.py: error: " in english.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [(("24",), "年份：不是年份（写的是 '24'；应为四位数字，例如 2024）"),
     (("2024", "--all"), "请写出要写的年份，或者 --all（两者不能同时用）"),
     (("--no-such-option",), "无法识别的参数：--no-such-option")],
    ids=["short year", "year and all", "unknown option"],
)
def test_a_usage_error_says_what_is_wrong_in_chinese(site: Site, args: tuple[str, ...], message: str) -> None:
    assert f"roundup.py：错误：{message}\n" in run(site, *args).stderr


def test_help_is_in_chinese_with_an_example(site: Site) -> None:
    result = run(site, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("用法：roundup.py")
    assert "\n位置参数：\n  年份 " in result.stdout and "\n选项：\n" in result.stdout
    assert "为指定的每一年写年度综述" in result.stdout and "显示本帮助并退出" in result.stdout
    assert "示例：\n  python scripts/roundup.py 2024" in result.stdout
    assert "--check" in result.stdout and "--dry-run" in result.stdout and "--pdf" in result.stdout
    assert "example:" not in result.stdout
    english = run(site, "--help", "--lang", "en")
    assert "Write the roundup (年度综述) of each year asked for" in english.stdout
    assert "example:\n  python scripts/roundup.py 2024" in english.stdout


def test_the_sample_publications_roundups_are_up_to_date() -> None:
    result = subprocess.run([sys.executable, str(SCRIPT), "--all", "--check"], cwd=REPO,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "综述都是最新的：2024、2023、2022" in result.stdout


def test_roundups_are_in_the_navigation_newest_first(written: Site) -> None:
    (written.content / "cases" / "2022").mkdir()
    written.write("cases/2022/jiu.md", page(case("旧案例", "2022-02-02", "minhou"), "旧。"))
    assert run(written, "2022").returncode == 0
    result = written.build("--strict")
    assert result.returncode == 0, result.stderr
    home = written.html("")
    section = home[home.index("年度综述"):]
    links = re.findall(r'href="(roundups/\d{4}/)"', section)
    assert links[:3] == ["roundups/2024/", "roundups/2023/", "roundups/2022/"]
    roundup = written.html("roundups/2024/")
    assert '<img alt="2024年各月案例数柱状图：' in roundup and 'src="../2024-months.svg"' in roundup
    assert (written.site_dir / "roundups" / "2024-months.svg").is_file()


def v2_tree() -> dict[str, str]:
    """fuzhou_tree() with content model v2: official figures, a commendation, dates with only a month or a year."""
    files = fuzhou_tree()
    files["brands/rong.md"] = page({
        **BRAND_RONG,
        "figures": {2024: {"activities": "百余场", "members": 800, "bulletins": 11,
                           "source": {"name": "人民政协网", "url": "https://example.org/a", "date": "2025-01-06"}}},
        "commendations": {2024: {"cases": 10, "others": {"优秀委员": 80}, "source": {"name": "福州日报"}}},
    }, "榕你来商量是福州市政协的协商品牌。")
    files["districts/minhou.md"] = page({**DISTRICT_MINHOU, "figures": {2024: {"participants": "千余人次"}}}, "闽侯。")
    files["cases/2024/liuyue.md"] = page(case("只知六月的案例", "2024-06", "minhou", highlight=2024), "六月。")
    files["cases/2024/quannian.md"] = page(case("只知年份的案例", "2024", "gulou", highlight=2024), "全年。")
    return files


def test_v2_roundups_show_official_figures_commendations_and_the_month_unknown(tmp_path: Path) -> None:
    site = make_site(tmp_path / "v2", v2_tree())
    result = run(site, "--all")
    assert result.returncode == 0, result.stderr
    edited = edit_prose(site)
    text = (site.content / "roundups" / "2024.md").read_text(encoding="utf-8")
    assert "| 参与委员 | 13（+8） | 5 |" in text  # the site's own sum, beside (not replaced by) the official 800
    assert "- 委员会公布：各类活动 百余场，参与委员 800，协商专报 11。来源：[人民政协网](https://example.org/a)" in text
    assert "- 本站收录：案例 4件，参与委员 13人次，参与人数 55人次，解决问题 3个，协商专报 2期。" in text
    assert "- 委员会公布：参与人数 千余人次。" in text
    commended = "福州市政协通报表扬2024年度优秀案例10件，本站收录其中4件。同时通报表扬：优秀委员 80。来源：福州日报。"
    assert commended in text
    assert "全年共4件，其中1件只写明年份、月份不详，未计入图中](2024-months.svg)" in text
    assert "另有1件案例的来源只写明年份（月份不详）" in text
    assert "—" not in text

    # A new case, then a second run: the editor's prose is kept byte for byte, and a third run writes nothing.
    site.write("cases/2024/qiyue.md", page(case("只知七月的案例", "2024-07", "gulou", members=2), "七月。"))
    result = run(site, "2024")
    assert result.returncode == 0, result.stderr
    after = (site.content / "roundups" / "2024.md").read_text(encoding="utf-8")
    assert outside_blocks(after) == outside_blocks(edited)
    assert PROSE_TOP in after and PROSE_BETWEEN in after and after.endswith(PROSE_END)
    assert "| 参与委员 | 15（+10） | 5 |" in after and "7月1件" in after
    assert run(site, "--all", "--check").returncode == 0
    assert "已是最新，什么也没写" in run(site, "--all").stdout

    build = site.build("--strict")
    assert build.returncode == 0, build.stderr
    html = site.html("roundups/2024/")
    assert "委员会公布的数据" in html and 'href="https://example.org/a"' in html
    assert "本站收录其中4件" in html
    assert '<img alt="2024年各月案例数柱状图：' in html and "月份不详，未计入图中" in html
    svg = (site.site_dir / "roundups" / "2024-months.svg").read_text(encoding="utf-8")
    assert "月份不详" in svg  # the chart's own title says it too


@pytest.mark.browser
def test_pdf_of_a_roundup_is_written(written: Site) -> None:
    out = written.root / "out" / "roundup-2024.pdf"
    result = run(written, "2024", "--pdf", str(out))
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5_000
    assert re.search(r"已写入 .*roundup-2024\.pdf（\d+页，A4）", result.stdout)


PRINTED = """
() => {
  const shown = (selector) => {
    const element = document.querySelector(selector);
    return element !== null && getComputedStyle(element).display !== "none";
  };
  const after = (selector) => getComputedStyle(document.querySelector(selector), "::after").content;
  return {
    header: shown(".md-header"), sidebar: shown(".md-sidebar--primary"), footer: shown(".md-footer"),
    search: shown(".md-search"), panel: shown("dl.sl-meta"), progress: shown(".sl-progress"),
    external: after("dl.sl-meta a[href^='https://']"), internal: after("dl.sl-meta a[href*='districts/']"),
    colour: getComputedStyle(document.querySelector(".md-typeset h1")).color,
  };
}
"""


@pytest.mark.browser
def test_printed_case_page_keeps_its_panel_and_writes_out_link_targets(site: Site) -> None:
    """The print stylesheet (overrides/assets/shangliang/print.css), on a case page in print media."""
    from playwright.sync_api import sync_playwright

    from shangliang.local_site import CHROMIUM_ARGS, chromium_path, serve

    executable = chromium_path()
    if executable is None:
        pytest.skip("Chromium is not installed")
    site.write("cases/2024/laiyuan.md", page(
        case("有来源的案例", "2024-05-05", "minhou", source={"name": "人民政协报", "url": "https://example.org/a?b=1"}),
        "正文。",
    ))
    assert site.build().returncode == 0
    def print_case_page() -> dict:
        with serve(site.site_dir) as base_url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
            try:
                context = browser.new_context(viewport={"width": 1200, "height": 900})
                context.route(lambda url: not url.startswith(base_url), lambda route: route.abort("blockedbyclient"))
                tab = context.new_page()
                tab.goto(base_url + "cases/2024/laiyuan/")
                tab.emulate_media(media="print")
                return tab.evaluate(PRINTED)
            finally:
                browser.close()

    # In a thread of its own: the browser tests' session may hold Playwright's loop in this one.
    with ThreadPoolExecutor(max_workers=1) as pool:
        printed = pool.submit(print_case_page).result(timeout=120)
    assert printed["panel"] and printed["progress"]
    assert not (printed["header"] or printed["sidebar"] or printed["footer"] or printed["search"])
    assert printed["external"] == '" (https://example.org/a?b=1)"'
    assert printed["internal"] == "none"
    assert printed["colour"] == "rgb(0, 0, 0)"
