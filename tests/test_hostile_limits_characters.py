"""Hostile or mistaken content: control, bidirectional and invisible characters are problems naming where.

A NUL, ESC or BEL in the title, in any other front matter text or in the body is an
error naming the field and position or the line; a bidirectional control is a warning;
a title of zero-width characters only is an error (the case is not published), a venue
of them a warning.

Each test writes a small real site plus one hostile file and runs `mkdocs build`,
check.py and the catalogue on it (`hostile_build.examine`); `hostile_build.expect` checks
each problem as every problem must look (code, severity, file and field or line, the
same line in the build, exit codes, no traceback, no raw control character, no case
dropped silently).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hostile_build import HOSTILE, case_text, examine, expect, hostile_site, line_number, mentions_line

# -- control characters -------------------------------------------------------------------------

CONTROLS = {"NUL": ("\\0", "\x00"), "ESC": ("\\e", "\x1b"), "BEL": ("\\a", "\x07")}


@pytest.mark.parametrize(("escape", "char"), CONTROLS.values(), ids=CONTROLS.keys())
def test_a_control_character_in_the_title_is_an_error_naming_field_and_position(
    tmp_path: Path, escape: str, char: str
) -> None:
    # 路灯夜里亮了 is six characters: the control character is the 7th.
    outcome = examine(hostile_site(tmp_path, case_text(title=f'"路灯夜里亮了{escape}[31m红色"')))
    problem = expect(outcome, "control-character", "error", field="title")
    assert re.search(r"(?<!\d)7(?!\d)", problem["message"]), f"names the character's position (7th): {problem}"


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ('venue: "甘蔗街道\\e[2J委员联系点"', "venue"),
        ('tags: [电商, "乡村\\a振兴"]', "tags"),
        ('source:\n  name: "人民\\0政协报"', "source"),
        ('summary: "一段\\x1b]0;标题\\x07摘要"', "summary"),
    ],
    ids=["venue-ESC", "tags-BEL", "source-name-NUL", "summary-OSC"],
)
def test_a_control_character_in_any_front_matter_text_is_an_error_naming_the_field(
    tmp_path: Path, extra: str, field: str
) -> None:
    outcome = examine(hostile_site(tmp_path, case_text(extra)))
    problem = expect(outcome, "control-character", "error")
    assert re.split(r"[.\[]", problem["field"])[0] == field, problem


@pytest.mark.parametrize("char", [char for _, char in CONTROLS.values()], ids=CONTROLS.keys())
def test_a_control_character_in_the_body_is_an_error_naming_the_line(tmp_path: Path, char: str) -> None:
    text = case_text(body=f"第一段。\n\n第二段有控制字符{char}[31m在这里。\n\n第三段。")
    line = line_number(text, "第二段")
    outcome = examine(hostile_site(tmp_path, text.encode("utf-8")))
    problem = expect(outcome, "control-character", "error")
    assert problem["line"] == line, problem
    assert mentions_line(problem["message"], line), problem


# -- bidirectional and invisible text -----------------------------------------------------------

BIDI = {"RLO": "\\u202e", "LRI": "\\u2066", "RLI": "\\u2067", "FSI": "\\u2068", "PDI": "\\u2069"}


@pytest.mark.parametrize("escape", BIDI.values(), ids=BIDI.keys())
def test_a_bidirectional_control_in_the_title_is_a_warning(tmp_path: Path, escape: str) -> None:
    outcome = examine(hostile_site(tmp_path, case_text(title=f'"推进{escape}设建灯路"')), strict=True)
    expect(outcome, "bidi-control", "warning", field="title")


def test_a_bidirectional_control_in_the_venue_is_a_warning(tmp_path: Path) -> None:
    outcome = examine(hostile_site(tmp_path, case_text('venue: "甘蔗街道\\u202e点系联员委"')), strict=True)
    expect(outcome, "bidi-control", "warning", field="venue")


ZERO_WIDTH = {"ZWSP": "\\u200b", "ZWNJ": "\\u200c", "ZWJ": "\\u200d", "WJ": "\\u2060", "BOM": "\\ufeff"}


@pytest.mark.parametrize("escape", ZERO_WIDTH.values(), ids=ZERO_WIDTH.keys())
def test_a_title_of_zero_width_characters_only_is_an_error(tmp_path: Path, escape: str) -> None:
    outcome = examine(hostile_site(tmp_path, case_text(title=f'"{escape}{escape}{escape}"')))
    expect(outcome, "invisible-text", "error", field="title")
    assert HOSTILE not in outcome.published, "a case without a visible title is not published"


def test_a_title_of_zero_width_characters_and_spaces_is_an_error(tmp_path: Path) -> None:
    outcome = examine(hostile_site(tmp_path, case_text(title='"\\u200b \\u200d\\u3000\\ufeff"')))
    expect(outcome, "invisible-text", "error", field="title")


def test_a_venue_of_zero_width_characters_only_is_a_warning(tmp_path: Path) -> None:
    outcome = examine(hostile_site(tmp_path, case_text('venue: "\\u200b\\u2060"')), strict=True)
    expect(outcome, "invisible-text", "warning", field="venue")
