"""`scripts/check.py`, run as an editor runs it: every problem of a tree in one run, as the build reports it.

It speaks Chinese, down to argparse's own words; `--lang en` or `language: en` in mkdocs.yml switches to English.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from sites import DISTRICT_GULOU, REPO, Site, case, make_site, page, with_minhou

CHECK = REPO / "scripts" / "check.py"


SEVERITY = {"ERROR": "错误", "WARNING": "警告", "error": "错误", "warning": "警告"}


def check(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(CHECK), *args], cwd=cwd, capture_output=True, text=True, timeout=120,
    )


def broken_tree() -> dict[str, str | bytes]:
    """Errors and warnings in several files, and one good case."""
    return with_minhou({
        "districts/gulou.md": page(DISTRICT_GULOU),
        "districts/bad.md": page({"name": "坏区", "brand": "nope"}),
        "cases/2024/a.md": "---\ntitle: 甲\ndate: 2024-13-45\ndistrict: minhou\nformat: 微协商\nmemebrs: 3\n"
                           "---\n正文。\n",
        "cases/2024/b.md": page(case("乙", "2024-01-02", "nowhere", format="座谈", status="完成"), "正文。"),
        "cases/2024/c.md": "---\ntitle: [unclosed\n---\n",
        "cases/2024/d.md": "title: 无前言\n".encode("gbk"),
        "cases/2023/e.md": page(case("戊", "2024-01-02", "gulou", stauts="落实"), "正文。"),
        "cases/2024/good.md": page(case("好", "2024-01-02", "minhou"), "正文。"),
    })


# What the tree above holds, worked out by hand: (severity, file, field).
EXPECTED = Counter([
    ("error", "cases/2024/a.md", "date"),
    ("warning", "cases/2024/a.md", "memebrs"),
    ("error", "cases/2024/b.md", "district"),
    ("error", "cases/2024/b.md", "format"),
    ("error", "cases/2024/b.md", "status"),
    ("error", "cases/2024/c.md", "front matter"),
    ("error", "cases/2024/d.md", ""),
    ("warning", "cases/2023/e.md", "stauts"),
    ("warning", "cases/2023/e.md", "date"),
    ("error", "districts/bad.md", "brand"),
])  # fmt: skip


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return make_site(tmp_path_factory.mktemp("broken"), broken_tree())


def build_problem_lines(site: Site) -> list[str]:
    """The build's problem lines, as check.py prints them: `错误: file: field: message`."""
    result = site.build()
    assert result.returncode == 1
    found = re.findall(r"^(ERROR|WARNING) +- +shangliang: (.+)$", result.stderr, re.MULTILINE)
    return [f"{SEVERITY[level]}: {text}" for level, text in found]


def test_every_problem_of_a_tree_comes_out_in_one_run_as_the_build_prints_it(broken: Site) -> None:
    result = check("-f", str(broken.root / "mkdocs.yml"))
    assert result.returncode == 1
    *lines, summary = result.stdout.splitlines()
    assert Counter(lines) == Counter(build_problem_lines(broken))
    assert Counter(tuple(line.split(": ", 2)[:2]) for line in lines) == Counter(
        (SEVERITY[severity], src_uri) for severity, src_uri, _ in EXPECTED.elements()
    )
    assert summary == "6个文件中有7处错误、3处警告"
    assert "Traceback" not in result.stderr


def test_the_lines_name_the_file_the_field_and_what_is_allowed(broken: Site) -> None:
    lines = check("-f", str(broken.root / "mkdocs.yml")).stdout.splitlines()
    for expected in (
        "错误: cases/2024/a.md: date（协商日期）: 不是日期（写的是 '2024-13-45'；应写成 YYYY-MM-DD、YYYY-MM 或 YYYY）",
        "警告: cases/2024/a.md: memebrs: 未知字段，已忽略（是不是想写 members（参加委员）？）",
        "错误: cases/2024/b.md: district（区县）: 未知的区县（写的是 'nowhere'；应是 bad, gulou, minhou 之一）",
        "错误: districts/bad.md: brand（所属品牌）: 未知的品牌（写的是 'nope'；应是 rong 之一）",
    ):
        assert expected in lines


def test_json_output_carries_the_same_problems_field_by_field(broken: Site) -> None:
    text = check("-f", str(broken.root / "mkdocs.yml"))
    result = check("-f", str(broken.root / "mkdocs.yml"), "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["version"] == 1
    assert report["ok"] is False
    problems = report["problems"]
    assert [problem["text"] for problem in problems] == text.stdout.splitlines()[:-1]
    assert Counter((p["severity"], p["file"], p["field"]) for p in problems) == EXPECTED
    for problem in problems:
        assert problem["text"].startswith(f"{SEVERITY[problem['severity']]}: {problem['file']}: ")
        assert problem["text"].endswith(problem["message"])
        assert Path(problem["path"]) == broken.content / problem["file"]
    assert report["counts"] == {"errors": 7, "warnings": 3, "files_with_problems": 6,
                                "cases": 6, "districts": 3, "brands": 1}  # fmt: skip
    assert report["summary"] == text.stdout.splitlines()[-1]


def test_json_gives_the_line_where_a_written_field_is_for_annotations(broken: Site) -> None:
    report = json.loads(check("-f", str(broken.root / "mkdocs.yml"), "--format", "json").stdout)
    lines = {(p["file"], p["field"]): p["line"] for p in report["problems"]}
    assert lines["cases/2024/a.md", "date"] == 3  # ---, title, date
    assert lines["cases/2024/a.md", "memebrs"] == 6
    assert lines["districts/bad.md", "brand"] == 3
    assert lines["cases/2024/d.md", ""] is None  # not text: no field, no line


def test_paths_in_json_are_relative_to_where_the_command_runs(broken: Site) -> None:
    report = json.loads(check("--format", "json", cwd=broken.root).stdout)
    assert {p["path"] for p in report["problems"]} >= {"content/cases/2024/a.md", "content/districts/bad.md"}


def warnings_only(tmp_path: Path) -> Site:
    return make_site(tmp_path, with_minhou({
        "cases/2023/a.md": page(case("甲", "2024-01-02", "minhou"), "正文。"),
    }))


def test_warnings_pass_unless_strict(tmp_path: Path) -> None:
    config = str(warnings_only(tmp_path).root / "mkdocs.yml")
    relaxed = check("-f", config)
    assert relaxed.returncode == 0
    assert relaxed.stdout.splitlines() == [
        "警告: cases/2023/a.md: date（协商日期）: 年份 2024 与所在文件夹 cases/2023/ 不一致（请把文件移到 cases/2024/，"
        "或改正日期）",
        "1个文件中有1处警告",
    ]
    assert check("-f", config, "--strict").returncode == 1
    assert json.loads(check("-f", config, "--format", "json").stdout)["ok"] is True
    strict = check("-f", config, "--format", "json", "--strict")
    assert strict.returncode == 1
    assert json.loads(strict.stdout)["ok"] is False


def test_a_clean_tree_says_what_it_holds(tmp_path: Path) -> None:
    site = make_site(tmp_path, with_minhou({
        "cases/2024/a.md": page(case("甲", "2024-01-02", "minhou"), "正文。"),
        "cases/2024/b.md": page(case("乙", "2024-01-03", "minhou", draft=True), "正文。"),
    }))
    result = check("-f", str(site.root / "mkdocs.yml"), "--strict")
    assert (result.returncode, result.stdout) == (0, "2个案例、1个区县、1个品牌：没有发现问题\n")
    empty = make_site(tmp_path / "empty", {"index.md": "# 首页\n"})
    assert check("-f", str(empty.root / "mkdocs.yml")).stdout == "0个案例、0个区县、0个品牌：没有发现问题\n"


def test_the_sample_publication_has_no_problems_even_strictly() -> None:
    result = check("--strict")
    assert result.returncode == 0, result.stdout
    assert result.stdout.endswith("：没有发现问题\n")


def test_progress_goes_to_stderr_for_a_big_tree(tmp_path: Path) -> None:
    cases: dict[str, str | bytes] = {
        f"cases/2024/c{number:03d}.md": page(case(f"案例{number}", "2024-01-02", "minhou"), "正文。")
        for number in range(250)
    }
    site = make_site(tmp_path, with_minhou(cases))
    result = check("-f", str(site.root / "mkdocs.yml"))
    assert result.returncode == 0
    assert result.stdout == "250个案例、1个区县、1个品牌：没有发现问题\n"
    assert "正在读取内容：252/252 个文件" in result.stderr


# -- usage -------------------------------------------------------------------------


def test_a_missing_configuration_is_a_usage_error(tmp_path: Path) -> None:
    result = check("-f", str(tmp_path / "mkdocs.yml"))
    assert result.returncode == 2
    assert result.stderr.startswith(f"错误：{tmp_path / 'mkdocs.yml'}：读不到网站配置文件（")
    assert "Traceback" not in result.stderr


def test_a_missing_content_folder_is_a_usage_error(tmp_path: Path) -> None:
    site = make_site(tmp_path, {})
    result = check("-f", str(site.root / "mkdocs.yml"))
    assert result.returncode == 2
    assert f"docs_dir：内容文件夹 {site.content} 不存在" in result.stderr


def test_an_unknown_option_value_is_a_usage_error_in_chinese() -> None:
    result = check("--format", "xml")
    assert result.returncode == 2
    assert result.stderr.startswith("用法：check.py [-h]")
    assert "check.py：错误：--format：不是可选的值（写的是 'xml'；可选 'text', 'json'）" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [(("--strct",), "无法识别的参数：--strct"), (("--format",), "--format：这个选项后面要写一个值"),
     (("--lang", "fr"), "--lang：不是可选的值（写的是 'fr'；可选 'zh', 'en'）")],
    ids=["unknown option", "missing value", "unknown language"],
)
def test_argparse_complaints_are_in_chinese_and_exit_2(args: tuple[str, ...], message: str) -> None:
    result = check(*args)
    assert result.returncode == 2
    assert f"check.py：错误：{message}\n" in result.stderr
    assert "error" not in result.stderr and "usage" not in result.stderr


def test_help_is_in_chinese_with_an_example() -> None:
    result = check("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("用法：check.py [-h] [-f 文件] [--lang {zh,en}] [--strict] [--format {text,json}]")
    assert "像 `mkdocs build` 那样检查内容文件夹里的每一个文件" in result.stdout
    assert "\n选项：\n  -h, --help            显示本帮助并退出\n" in result.stdout
    assert "警告也算不通过" in result.stdout and "网站的配置文件" in result.stdout
    assert "示例：\n  python scripts/check.py --strict" in result.stdout
    assert "show this help" not in result.stdout and "options:" not in result.stdout


def test_lang_en_speaks_english_from_help_to_summary(broken: Site) -> None:
    help_text = check("--lang", "en", "--help").stdout
    assert help_text.startswith("usage: check.py") and "show this help message and exit" in help_text
    assert "example:\n  python scripts/check.py --strict" in help_text
    assert "check.py: error: unrecognized arguments: --strct" in check("--strct", "--lang", "en").stderr
    result = check("-f", str(broken.root / "mkdocs.yml"), "--lang", "en")
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == "7 errors, 3 warnings in 6 files"
    assert "error: districts/bad.md: brand: unknown brand (got 'nope'; expected one of rong)" in result.stdout


def test_language_en_in_mkdocs_yml_speaks_english_unless_lang_says_otherwise(tmp_path: Path) -> None:
    site = warnings_only(tmp_path)
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text().replace("search: false", "search: false\n      language: en"))
    english = check("-f", str(config))
    assert english.stdout.splitlines()[-1] == "1 warning in 1 file"
    assert english.stdout.startswith("warning: cases/2023/a.md: date: the year 2024 differs from the folder")
    assert check("-f", str(config), "--lang", "zh").stdout.splitlines()[-1] == "1个文件中有1处警告"
    assert check("-f", str(config), "--help").stdout.startswith("usage: check.py")
