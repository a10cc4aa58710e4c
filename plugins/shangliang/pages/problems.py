"""What the preview's problems banner says: every current problem, errors and warnings worded apart."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from shangliang.model import Problem

PROBLEMS_JSON = "_shangliang/problems.json"
"""Written into the preview's site by every build; the banner script reads it (never in a published site)."""


SEVERITY_LABELS = {"error": "错误", "warning": "警告"}


@dataclass(frozen=True)
class ProblemLine:
    severity: str
    """`error` or `warning`."""
    text: str
    """The build's line: `file: field: what is wrong and what is allowed`."""

    @property
    def label(self) -> str:
        return SEVERITY_LABELS[self.severity]


@dataclass(frozen=True)
class ProblemReport:
    heading: str
    lines: tuple[ProblemLine, ...]
    url: str = PROBLEMS_JSON

    def to_json(self) -> str:
        lines = [{"severity": line.severity, "label": line.label, "text": line.text} for line in self.lines]
        return json.dumps({"heading": self.heading, "lines": lines}, ensure_ascii=False)


def problem_report(problems: Iterable[Problem]) -> ProblemReport:
    problems = list(problems)
    errors = sum(problem.is_error for problem in problems)
    warnings = len(problems) - errors
    parts = []
    if errors:
        parts.append(f"{errors} 处错误（发布构建会因此失败，请先修正）")
    if warnings:
        parts.append(f"{warnings} 处警告（严格构建 --strict 会因此失败）")
    heading = "内容有 " + "、".join(parts) + "：" if parts else "内容没有问题。"
    lines = tuple(ProblemLine(problem.severity.value, str(problem)) for problem in problems)
    return ProblemReport(heading, lines)
