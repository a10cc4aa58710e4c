"""`scripts/new_case.py`, run as an editor runs it: from flags, or answering its questions in a terminal."""

from __future__ import annotations

import contextlib
import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sites import DISTRICT_GULOU, REPO, Site, case, make_site, page, with_minhou

NEW_CASE = REPO / "scripts" / "new_case.py"
CHECK = REPO / "scripts" / "check.py"


def tree() -> dict[str, str | bytes]:
    return with_minhou({
        "districts/gulou.md": page(DISTRICT_GULOU),
        "cases/2024/lu-deng.md": page(case("路灯", "2024-01-02", "minhou"), "已有的案例。"),
    })


@pytest.fixture
def site(tmp_path: Path) -> Site:
    return make_site(tmp_path, tree())


def new_case(site: Site, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the script with no terminal on stdin, as a script or CI would."""
    return subprocess.run(
        [sys.executable, str(NEW_CASE), "-f", str(site.root / "mkdocs.yml"), *args],
        stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120,
    )


def check_strict(site: Site) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(CHECK), "-f", str(site.root / "mkdocs.yml"), "--strict"],
        capture_output=True, text=True, timeout=120,
    )


def fill_sections(path: Path) -> None:
    """Write something under each heading of the outline, as the editor does before publishing."""
    text = path.read_text(encoding="utf-8")
    for heading in ("事由", "协商", "结果", "说明"):
        text = text.replace(f"## {heading}\n", f"## {heading}\n\n{heading}的内容。\n")
    path.write_text(text, encoding="utf-8")


FLAGS = ("--title", "普陀村加装路灯", "--date", "2023-06-01", "--district", "minhou", "--format", "委员进小院")


# -- from flags --------------------------------------------------------------------


def test_flags_create_the_case_in_its_years_folder_named_after_the_title_and_print_its_path(site: Site) -> None:
    result = new_case(site, *FLAGS)
    assert result.returncode == 0, result.stderr
    path = site.content / "cases/2023/pu-tuo-cun-jia-zhuang-lu-deng.md"
    assert result.stdout == f"{path}\n"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: 普陀村加装路灯\ndate: 2023-06-01\ndistrict: minhou\nformat: 委员进小院\n")


def test_the_new_case_passes_the_check_and_builds_strictly_into_its_page(site: Site) -> None:
    created = new_case(site, *FLAGS, "--district", "gulou", "--status", "落实")
    assert created.returncode == 0, created.stderr
    # Untouched, its outline's four sections are warned about (they would publish as empty headings) …
    unfilled = check_strict(site)
    assert unfilled.returncode == 1
    assert unfilled.stdout.count("一节是空的（只有提纲的提示，或什么也没有）") == 4
    # … and once written, it passes strictly.
    fill_sections(site.content / "cases/2023/pu-tuo-cun-jia-zhuang-lu-deng.md")
    checked = check_strict(site)
    assert checked.returncode == 0, checked.stdout
    assert checked.stdout == "2个案例、2个区县、1个品牌：没有发现问题\n"
    built = site.build("--strict")
    assert built.returncode == 0, built.stderr
    html = site.html("cases/2023/pu-tuo-cun-jia-zhuang-lu-deng/")
    assert "普陀村加装路灯" in html
    assert "落实" in html
    assert "cases/2023/pu-tuo-cun-jia-zhuang-lu-deng/" in site.html("districts/gulou/")


def test_an_existing_file_is_refused_and_left_untouched(site: Site) -> None:
    existing = site.content / "cases/2024/lu-deng.md"
    before = existing.read_bytes(), existing.stat().st_mtime_ns
    result = new_case(site, "--title", "路灯", "--date", "2024-05-06", "--district", "gulou", "--format", "微协商")
    assert result.returncode == 1
    assert f"错误：{existing} 已经存在，什么也没写。请用 --slug 另选文件名，例如 --slug lu-deng-2" in result.stderr
    assert "--slug lu-deng-2" in result.stderr
    assert result.stdout == ""
    assert (existing.read_bytes(), existing.stat().st_mtime_ns) == before


def test_a_file_whose_url_the_new_case_would_take_is_refused(site: Site) -> None:
    site.write("cases/2024/Shui-Ku.md", page(case("水库", "2024-01-02", "minhou"), "正文。"))
    result = new_case(site, "--title", "水库", "--date", "2024-05-06", "--district", "minhou",
                      "--format", "微协商", "--slug", "shui-ku")  # fmt: skip
    assert result.returncode == 1
    assert f"{site.content / 'cases/2024/Shui-Ku.md'} 已经存在" in result.stderr
    assert not (site.content / "cases/2024/shui-ku.md").exists()


def test_a_chosen_slug_names_the_file(site: Site) -> None:
    result = new_case(site, "--title", "路灯", "--date", "2024-05-06", "--district", "gulou",
                      "--format", "微协商", "--slug", "gulou-lu-deng")  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (site.content / "cases/2024/gulou-lu-deng.md").exists()


def test_dry_run_shows_the_file_and_writes_nothing(site: Site) -> None:
    before = sorted(site.content.rglob("*"))
    result = new_case(site, *FLAGS, "--dry-run")
    assert result.returncode == 0
    path, text = result.stdout.split("\n", 1)
    assert path == str(site.content / "cases/2023/pu-tuo-cun-jia-zhuang-lu-deng.md")
    assert text.startswith("---\ntitle: 普陀村加装路灯\n")
    assert sorted(site.content.rglob("*")) == before


# -- wrong or missing values ---------------------------------------------------------


def test_an_unknown_district_is_refused_with_the_valid_keys_and_their_names(site: Site) -> None:
    result = new_case(site, "--title", "甲", "--date", "2024-05-06", "--district", "minhuo", "--format", "微协商")
    assert result.returncode == 2
    assert "错误：--district：未知的区县（写的是 'minhuo'；应是 gulou, minhou 之一）" in result.stderr
    assert "gulou   鼓楼区 · 家在鼓楼，协商为民（榕你来商量）" in result.stderr
    assert "minhou  闽侯县 · 邑起来商量（榕你来商量）" in result.stderr
    assert list((site.content / "cases").rglob("*.md")) == [site.content / "cases/2024/lu-deng.md"]


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        ("--date", "2024-13-45", "错误：--date：不是日期（写的是 '2024-13-45'；应写成 YYYY-MM-DD、YYYY-MM 或 YYYY）"),
        ("--format", "座谈", "错误：--format：不是可用的值（写的是 '座谈'；应是 微协商、民情座谈会、"),
        ("--status", "完成", "错误：--status：不是可用的值（写的是 '完成'；应是 选题、调研、协商、报送"),
        ("--slug", "Lu_Deng", "错误：--slug：不能用作文件名（写的是 'Lu_Deng'；只能用小写字母"),
    ],
)
def test_a_wrong_value_is_a_usage_error_saying_what_is_allowed(site: Site, flag: str, value: str, message: str) -> None:
    values = dict(zip(FLAGS[::2], FLAGS[1::2], strict=True)) | {flag: value}
    result = new_case(site, *[item for pair in values.items() for item in pair])
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not (site.content / "cases/2023").exists()


def test_formats_come_from_the_sites_configuration(site: Site) -> None:
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("search: false", "search: false\n      formats: [微协商, 院坝会]"))
    refused = new_case(site, *FLAGS)
    assert refused.returncode == 2
    assert "错误：--format：不是可用的值（写的是 '委员进小院'；应是 微协商、院坝会 之一）" in refused.stderr
    values = dict(zip(FLAGS[::2], FLAGS[1::2], strict=True)) | {"--format": "院坝会"}
    assert new_case(site, *[item for pair in values.items() for item in pair]).returncode == 0
    fill_sections(site.content / "cases/2023/pu-tuo-cun-jia-zhuang-lu-deng.md")
    assert check_strict(site).returncode == 0


def test_a_missing_value_without_a_terminal_is_a_usage_error_naming_the_flag(site: Site) -> None:
    result = new_case(site, "--title", "甲", "--district", "minhou", "--format", "微协商")
    assert result.returncode == 2
    assert "错误：缺少 --date（只有在终端里运行时才会询问）" in result.stderr


def test_a_title_with_nothing_to_spell_needs_a_slug(site: Site) -> None:
    result = new_case(site, "--title", "！？", "--date", "2024-05-06", "--district", "minhou", "--format", "微协商")
    assert result.returncode == 2
    assert "错误：缺少 --slug：标题 '！？' 拼不出拼音" in result.stderr


def test_help_is_in_chinese_with_an_example(site: Site) -> None:
    result = new_case(site, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("用法：new_case.py [-h] [-f 文件] [--lang {zh,en}] [--title 标题]")
    assert "按选定的标题、日期、区县、协商形式和进度新建一个案例文件" in result.stdout
    assert "案例的标题（中文）" in result.stdout and "显示本帮助并退出" in result.stdout
    assert "示例：\n  python scripts/new_case.py --title" in result.stdout
    assert "example:" not in result.stdout and "options:" not in result.stdout


def test_bad_usage_is_worded_in_chinese_and_exits_2(site: Site) -> None:
    result = new_case(site, "--titel", "甲")
    assert result.returncode == 2
    assert result.stderr.startswith("用法：new_case.py")
    assert "new_case.py：错误：无法识别的参数：--titel 甲\n" in result.stderr
    missing = new_case(site, "--district")
    assert "new_case.py：错误：--district：这个选项后面至少要写一个值\n" in missing.stderr


def test_lang_en_speaks_english(site: Site) -> None:
    assert new_case(site, "--lang", "en", "--help").stdout.startswith("usage: new_case.py")
    result = new_case(site, "--lang", "en", "--title", "甲", "--district", "minhou", "--format", "微协商")
    assert result.returncode == 2
    assert "error: --date is required (values are asked for only when run in a terminal)" in result.stderr
    wrong = new_case(site, "--lang", "en", *FLAGS[:2], "--date", "2024-13-45", *FLAGS[4:])
    assert "error: --date: not a date (got '2024-13-45'; expected YYYY-MM-DD" in wrong.stderr


# -- in a terminal -------------------------------------------------------------------


class Terminal:
    """The script running on a pseudo-terminal, driven like an editor typing answers."""

    def __init__(self, args: list[str]) -> None:
        self.master, replica = pty.openpty()
        self.process = subprocess.Popen(args, stdin=replica, stdout=replica, stderr=replica, close_fds=True)
        os.close(replica)
        self.seen = ""

    def expect(self, text: str, timeout: float = 30) -> str:
        """Read until `text` appears; everything read so far is returned."""
        deadline = time.monotonic() + timeout
        while text not in self.seen:
            remaining = deadline - time.monotonic()
            assert remaining > 0, f"timed out waiting for {text!r}; got:\n{self.seen}"
            ready, _, _ = select.select([self.master], [], [], remaining)
            if ready:
                try:
                    chunk = os.read(self.master, 4096)
                except OSError:  # the script ended and closed the terminal
                    chunk = b""
                assert chunk, f"the script ended before {text!r}; got:\n{self.seen}"
                self.seen += chunk.decode("utf-8", errors="replace").replace("\r\n", "\n")
        return self.seen

    def answer(self, line: str) -> None:
        os.write(self.master, (line + "\n").encode())

    def finish(self, timeout: float = 30) -> int:
        with contextlib.suppress(AssertionError):
            self.expect("\0", timeout)  # read to the end
        code = self.process.wait(timeout)
        os.close(self.master)
        return code


def test_missing_values_are_asked_for_in_a_terminal_and_wrong_answers_asked_again(site: Site) -> None:
    terminal = Terminal([sys.executable, str(NEW_CASE), "-f", str(site.root / "mkdocs.yml")])
    terminal.expect("标题（--title）：")
    terminal.answer("绿色出行进社区")
    terminal.expect("协商日期 YYYY-MM-DD（--date）：")
    terminal.answer("去年五月")
    terminal.expect("不是日期（写的是 '去年五月'；应写成 YYYY-MM-DD、YYYY-MM 或 YYYY）")
    terminal.answer("2024-05-01")
    shown = terminal.expect("（--district）：")
    assert "区县：\n" in shown and "minhou  闽侯县 · 邑起来商量（榕你来商量）" in shown  # the keys with their names
    terminal.answer("minhuo")
    terminal.expect("未知的区县（写的是 'minhuo'；应是 gulou, minhou 之一）")
    terminal.answer("minhou gulou")
    shown = terminal.expect("形式：填序号或名称（--format）：")
    assert "协商形式：\n  1. 微协商\n  2. 民情座谈会\n" in shown
    terminal.answer("2")
    shown = terminal.expect("达到的进度：填序号或名称（--status）（直接回车即 协商）：")
    assert "  6. 落实\n" in shown
    terminal.answer("")  # the default
    terminal.expect("（--slug）（直接回车即 lv-se-chu-xing-jin-she-qu）：")
    terminal.answer("")
    assert terminal.finish() == 0
    path = site.content / "cases/2024/lv-se-chu-xing-jin-she-qu.md"
    assert f"{path}\n" in terminal.seen
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: 绿色出行进社区\ndate: 2024-05-01\ndistrict: [minhou, gulou]\n"
                           "format: 民情座谈会\nstatus: 协商\n")
    fill_sections(path)
    assert check_strict(site).returncode == 0


def test_in_a_terminal_a_taken_name_is_asked_again_with_a_free_one_offered(site: Site) -> None:
    terminal = Terminal([sys.executable, str(NEW_CASE), "-f", str(site.root / "mkdocs.yml"),
                         "--title", "路灯", "--date", "2024-05-06", "--district", "gulou", "--format", "微协商",
                         "--status", "调研"])  # fmt: skip
    terminal.expect("（--slug）（直接回车即 lu-deng-2）：")
    terminal.answer("lu-deng")
    terminal.expect("cases/2024/lu-deng.md 已经存在；请另选一个名字，例如 lu-deng-2")
    terminal.answer("")
    assert terminal.finish() == 0
    assert "status: 调研\n" in (site.content / "cases/2024/lu-deng-2.md").read_text(encoding="utf-8")
    assert (site.content / "cases/2024/lu-deng.md").read_text(encoding="utf-8") == tree()["cases/2024/lu-deng.md"]


def test_ending_the_input_in_a_terminal_writes_nothing(site: Site) -> None:
    terminal = Terminal([sys.executable, str(NEW_CASE), "-f", str(site.root / "mkdocs.yml")])
    terminal.expect("标题（--title）：")
    os.write(terminal.master, b"\x04")  # Ctrl-D: the end of input
    assert terminal.finish() == 2
    assert "错误：没有回答“标题（--title）”，什么也没写" in terminal.seen
    assert list((site.content / "cases").rglob("*.md")) == [site.content / "cases/2024/lu-deng.md"]
