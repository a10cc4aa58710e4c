"""What the preview's banner says (`pages.problems`): errors and warnings apart, each line as the build prints it."""

from __future__ import annotations

import json

from shangliang.messages import FieldName, phrase
from shangliang.model import Problem, Severity
from shangliang.pages.problems import PROBLEMS_JSON, problem_report

ERROR = Problem("cases/2024/a.md", "date", code="not-a-date", params={"got": "'x'", "expected": phrase("day-form")})
WARNING = Problem("cases/2024/b.md", "memebrs", code="unknown-field", severity=Severity.WARNING,
                  params={"hint": phrase("did-you-mean", name=FieldName("members", "参加委员"))})  # fmt: skip


def test_errors_and_warnings_are_counted_and_worded_apart():
    report = problem_report([ERROR, WARNING, WARNING])
    assert report.heading == (
        "内容有 1 处错误（发布构建会因此失败，请先修正）、2 处警告（严格构建 --strict 会因此失败）："
    )
    assert [(line.label, line.text) for line in report.lines] == [
        ("错误", str(ERROR)), ("警告", str(WARNING)), ("警告", str(WARNING)),
    ]


def test_warnings_alone_do_not_say_the_build_fails():
    assert "发布构建" not in problem_report([WARNING]).heading
    assert problem_report([]).heading == "内容没有问题。" and problem_report([]).lines == ()


def test_the_json_the_banner_script_reads_holds_the_same_lines_as_text():
    got = "'<img src=x onerror=alert(1)>\x1b[31m'"
    hostile = Problem("cases/2024/c.md", "title", code="not-text", params={"got": got})
    document = json.loads(problem_report([hostile]).to_json())
    [line] = document["lines"]
    assert line == {"severity": "error", "label": "错误", "text": str(hostile)}
    assert "\x1b" not in line["text"] and "\\x1b" in line["text"]  # printed as an escape
    assert problem_report([]).url == PROBLEMS_JSON == "_shangliang/problems.json"


def test_the_banner_lists_errors_first_and_says_which_kind_it_shows():
    report = problem_report([WARNING, ERROR])
    assert [line.label for line in report.lines] == ["错误", "警告"]
    assert (report.tone, problem_report([WARNING]).tone, problem_report([]).tone) == ("errors", "warnings", "none")
    assert json.loads(report.to_json())["tone"] == "errors"
