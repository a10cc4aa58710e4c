"""`scripts/check.py`, run as an editor runs it: every problem of a tree in one run, as the build reports it."""

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
])


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Site:
    return make_site(tmp_path_factory.mktemp("broken"), broken_tree())


def build_problem_lines(site: Site) -> list[str]:
    """The build's problem lines, as `severity: file: field: message`."""
    result = site.build()
    assert result.returncode == 1
    found = re.findall(r"^(ERROR|WARNING) +- +shangliang: (.+)$", result.stderr, re.MULTILINE)
    return [f"{level.lower()}: {text}" for level, text in found]


def test_every_problem_of_a_tree_comes_out_in_one_run_as_the_build_prints_it(broken: Site) -> None:
    result = check("-f", str(broken.root / "mkdocs.yml"))
    assert result.returncode == 1
    *lines, summary = result.stdout.splitlines()
    assert Counter(lines) == Counter(build_problem_lines(broken))
    assert Counter(tuple(line.split(": ", 2)[:2]) for line in lines) == Counter(
        (severity, src_uri) for severity, src_uri, _ in EXPECTED.elements()
    )
    assert summary == "7 errors, 3 warnings in 6 files"
    assert "Traceback" not in result.stderr


def test_the_lines_name_the_file_the_field_and_what_is_allowed(broken: Site) -> None:
    lines = check("-f", str(broken.root / "mkdocs.yml")).stdout.splitlines()
    for expected in (
        "error: cases/2024/a.md: date: not a date (got '2024-13-45'; expected YYYY-MM-DD, "
            "or YYYY-MM or YYYY when the source gives no day)",
        "warning: cases/2024/a.md: memebrs: unknown field, ignored (did you mean 'members'?)",
        "error: cases/2024/b.md: district: unknown district (got 'nowhere'; expected one of bad, gulou, minhou)",
        "error: districts/bad.md: brand: unknown brand (got 'nope'; expected one of rong)",
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
        assert problem["text"] == f"{problem['severity']}: {problem['file']}: " + (
            f"{problem['field']}: {problem['message']}" if problem["field"] else problem["message"]
        )
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
        "warning: cases/2023/a.md: date: the year 2024 differs from the folder cases/2023/ "
        "(move the file to cases/2024/ or fix the date)",
        "1 warning in 1 file",
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
    assert (result.returncode, result.stdout) == (0, "2 cases, 1 district, 1 brand: no problems\n")
    empty = make_site(tmp_path / "empty", {"index.md": "# 首页\n"})
    assert check("-f", str(empty.root / "mkdocs.yml")).stdout == "0 cases, 0 districts, 0 brands: no problems\n"


def test_the_sample_publication_has_no_problems_even_strictly() -> None:
    result = check("--strict")
    assert result.returncode == 0, result.stdout
    assert result.stdout.endswith(": no problems\n")


def test_progress_goes_to_stderr_for_a_big_tree(tmp_path: Path) -> None:
    cases: dict[str, str | bytes] = {
        f"cases/2024/c{number:03d}.md": page(case(f"案例{number}", "2024-01-02", "minhou"), "正文。")
        for number in range(250)
    }
    site = make_site(tmp_path, with_minhou(cases))
    result = check("-f", str(site.root / "mkdocs.yml"))
    assert result.returncode == 0
    assert result.stdout == "250 cases, 1 district, 1 brand: no problems\n"
    assert "reading content: 252/252 files" in result.stderr


# -- usage -------------------------------------------------------------------------


def test_a_missing_configuration_is_a_usage_error(tmp_path: Path) -> None:
    result = check("-f", str(tmp_path / "mkdocs.yml"))
    assert result.returncode == 2
    assert "mkdocs.yml: cannot read the site configuration" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_content_folder_is_a_usage_error(tmp_path: Path) -> None:
    site = make_site(tmp_path, {})
    result = check("-f", str(site.root / "mkdocs.yml"))
    assert result.returncode == 2
    assert "docs_dir: no such folder" in result.stderr


def test_an_unknown_option_value_is_a_usage_error() -> None:
    result = check("--format", "xml")
    assert result.returncode == 2
    assert "invalid choice: 'xml'" in result.stderr


def test_help_shows_an_example() -> None:
    result = check("--help")
    assert result.returncode == 0
    assert "example:\n  python scripts/check.py --strict" in result.stdout
    assert "--format {text,json}" in result.stdout
