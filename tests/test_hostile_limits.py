"""Hostile or mistaken content: nesting, size and YAML limits are problems naming file and line, never a hang.

Markdown nested thousands of levels deep, a case file over one mebibyte, front matter
nested too deep, a YAML alias bomb, a field written twice; and a tree holding a hostile
file of each kind at once (these and those of `test_hostile_limits_characters.py` and
`test_hostile_limits_numbers_dates.py`), each named, the good case still published.

Each test writes a small real site plus one hostile file and runs `mkdocs build`,
check.py and the catalogue on it (`hostile_build.examine`); `hostile_build.expect` checks
each problem as every problem must look (code, severity, file and field or line, the
same line in the build, exit codes, no traceback, no raw control character, no case
dropped silently).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hostile_build import (
    GOOD,
    HOSTILE,
    builds_cleanly,
    case_text,
    examine,
    expect,
    hostile_site,
    line_number,
    mentions_line,
)

# Re-exported (redundant aliases): test_hostile_files.py imports these from here.
from hostile_build import Outcome as Outcome
from hostile_build import assert_never_dropped as assert_never_dropped

# -- Markdown nesting ---------------------------------------------------------------------------


def nested_list(levels: int, step: int) -> str:
    return "\n".join(" " * (step * level) + f"- 第{level + 1}层" for level in range(levels))


DEEP_BODIES = {
    "one-line-list": "- " * 5000 + "最深一层",
    "one-line-ordered-list": "1. " * 5000 + "最深一层",
    "blockquote": "> " * 5000 + "最深一层",
    "quote-in-list": "> - " * 2500 + "最深一层",
    "list-2-spaces-700-lines": nested_list(700, 2),  # 0.5 MB: under the size limit, so nesting must say so
    "list-4-spaces-500-lines": nested_list(500, 4),  # how Python-Markdown nests lists
}


@pytest.mark.parametrize("body", DEEP_BODIES.values(), ids=DEEP_BODIES.keys())
def test_markdown_nested_thousands_deep_is_an_error_naming_the_line(tmp_path: Path, body: str) -> None:
    hostile = f"第一段。\n\n{body}\n\n最后一段。"
    text = case_text(body=hostile)
    outcome = examine(hostile_site(tmp_path, text))
    problem = expect(outcome, "nesting-too-deep", "error")
    first, last = line_number(text, body[:40]), line_number(text, "最后一段") - 2
    assert problem["line"] is not None and first <= problem["line"] <= last, (problem, first, last)
    assert mentions_line(problem["message"], problem["line"]), problem


def test_a_list_5000_levels_deep_indented_two_spaces_a_level_is_refused(tmp_path: Path) -> None:
    """The literal 5,000-level list is 25 MB of indentation: refused as too deep or as too large."""
    outcome = examine(hostile_site(tmp_path, case_text(body=nested_list(5000, 2))))
    codes = {str(p.get("code")) for p in outcome.problems if p["file"] == HOSTILE and p["severity"] == "error"}
    refused = sorted(codes & {"nesting-too-deep", "file-too-large"})
    assert refused, outcome.explain()
    expect(outcome, refused[0], "error", names_where=False)


SHALLOW_BODIES = {
    "list-10-levels": nested_list(9, 4) + "\n" + " " * 36 + "- 最深一层",
    "one-line-list-10": "- " * 10 + "最深一层",
    "blockquote-10": "> " * 10 + "最深一层",
}


@pytest.mark.parametrize("body", SHALLOW_BODIES.values(), ids=SHALLOW_BODIES.keys())
def test_markdown_nested_ten_levels_builds(tmp_path: Path, body: str) -> None:
    outcome = examine(hostile_site(tmp_path, case_text(body=f"第一段。\n\n{body}\n")), strict=True)
    builds_cleanly(outcome)
    assert "最深一层" in outcome.site.html("cases/2024/x/")


# -- file size ----------------------------------------------------------------------------------


def test_a_case_file_over_one_mebibyte_is_an_error(tmp_path: Path) -> None:
    paragraph = "委员们围绕路灯建设提出意见。" * 20 + "\n\n"
    body = paragraph * (2 * 1024 * 1024 // len(paragraph.encode()) + 1)  # 2 MiB
    text = case_text(body=body)
    assert len(text.encode()) > 2 * 1024 * 1024
    outcome = examine(hostile_site(tmp_path, text))
    expect(outcome, "file-too-large", "error", names_where=False)


# -- YAML ---------------------------------------------------------------------------------------


def block_mapping(levels: int) -> str:
    return "source:\n" + "".join("  " * level + "a:\n" for level in range(1, levels + 1)) + "  " * (levels + 1) + "b"


DEEP_YAML = {
    "tags-list-50": "tags: " + "[" * 50 + "电商" + "]" * 50,
    "tags-list-5000": "tags: " + "[" * 5000 + "电商" + "]" * 5000,
    "tags-list-100000": "tags: " + "[" * 100_000 + "电商" + "]" * 100_000,  # 0.2 MB; crashes a C YAML parser
    "source-flow-mapping-50": "source: " + "{a: " * 50 + "b" + "}" * 50,
    "source-block-mapping-50": block_mapping(50),
    "lists-of-mappings-50": "departments: " + "[{a: " * 25 + "b" + "}]" * 25,
}


@pytest.mark.parametrize("extra", DEEP_YAML.values(), ids=DEEP_YAML.keys())
def test_front_matter_nested_deeper_than_20_is_an_error(tmp_path: Path, extra: str) -> None:
    outcome = examine(hostile_site(tmp_path, case_text(extra)))
    expect(outcome, "yaml-too-deep", "error")


def test_front_matter_nested_a_few_levels_is_fine(tmp_path: Path) -> None:
    extra = "source:\n  name: 人民政协报\n  url: https://example.org/a\n  date: 2024-06-20\ntags: [电商, 乡村振兴]"
    builds_cleanly(examine(hostile_site(tmp_path, case_text(extra)), strict=True))


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """The "billion laughs": each level a list of `width` aliases of the level below (9**9 values)."""
    lines = ["l0: &l0 [" + ", ".join(['"哈"'] * width) + "]"]
    for level in range(1, levels):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * width) + "]")
    return "\n".join(lines)


def test_a_yaml_alias_bomb_is_refused(tmp_path: Path) -> None:
    outcome = examine(hostile_site(tmp_path, case_text(alias_bomb())))
    errors = [p for p in outcome.problems if p["file"] == HOSTILE and p["severity"] == "error"]
    assert [p["field"] for p in errors] == ["front matter"], outcome.explain()
    assert "别名" in errors[0]["message"]
    expect(outcome, errors[0].get("code", ""), "error", field="front matter")


def test_a_field_written_twice_is_an_error_naming_the_key_and_the_second_line(tmp_path: Path) -> None:
    text = case_text("members: 8\ndistrict: gulou\n")
    second = line_number(text, "district: gulou")
    outcome = examine(hostile_site(tmp_path, text))
    problem = expect(outcome, "yaml-duplicate-key", "error")
    assert "district" in problem["message"], problem
    assert mentions_line(problem["message"], second), problem


def test_a_key_written_twice_inside_source_is_an_error_too(tmp_path: Path) -> None:
    text = case_text("source:\n  name: 人民政协报\n  url: https://example.org/a\n  name: 福州日报\n")
    second = line_number(text, "name: 福州日报")
    outcome = examine(hostile_site(tmp_path, text))
    problem = expect(outcome, "yaml-duplicate-key", "error")
    assert "name" in problem["message"], problem
    assert mentions_line(problem["message"], second), problem


# -- everything at once -------------------------------------------------------------------------


def test_many_hostile_files_in_one_tree_are_all_reported_and_the_good_case_kept(tmp_path: Path) -> None:
    """One tree holding a hostile file of each kind: each is named, the good case is still published."""
    ahead = dt.date.today() + dt.timedelta(days=400)
    files: dict[str, str | bytes] = {
        "cases/2024/deep.md": case_text(body="- " * 5000 + "x"),
        "cases/2024/quote.md": case_text(body="> " * 5000 + "x"),
        "cases/2024/yaml.md": case_text("tags: " + "[" * 50 + "a" + "]" * 50),
        "cases/2024/twice.md": case_text("district: minhou"),
        "cases/2024/nul.md": case_text(title='"路灯\\0亮了"'),
        "cases/2024/esc.md": case_text(body="第一段\x1b[31m。").encode(),
        "cases/2024/members.md": case_text("members: 100000000000000000000000"),
        "cases/2024/highlight.md": case_text("highlight: 1999"),
        "cases/2024/blank.md": case_text(title='"\\u200b\\u200b"'),
        "cases/2024/bidi.md": case_text(title='"推进\\u202e设建"'),
        f"cases/{ahead.year}/future.md": case_text(date=ahead.isoformat()),
    }
    site = hostile_site(tmp_path, case_text(), others=files)
    outcome = examine(site)
    expected = {
        "cases/2024/deep.md": "nesting-too-deep", "cases/2024/quote.md": "nesting-too-deep",
        "cases/2024/yaml.md": "yaml-too-deep", "cases/2024/twice.md": "yaml-duplicate-key",
        "cases/2024/nul.md": "control-character", "cases/2024/esc.md": "control-character",
        "cases/2024/members.md": "implausible-number", "cases/2024/highlight.md": "highlight-before-date",
        "cases/2024/blank.md": "invisible-text", "cases/2024/bidi.md": "bidi-control",
        f"cases/{ahead.year}/future.md": "future-date",
    }  # fmt: skip
    for src_uri, code in expected.items():
        severity = "warning" if code in {"bidi-control", "future-date"} else "error"
        expect(outcome, code, severity, src_uri=src_uri, names_where=False)
    assert {GOOD, HOSTILE} <= set(outcome.published)
