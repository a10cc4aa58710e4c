"""What the preview's problems banner says: every current problem, errors and warnings worded apart.

An error stops a publishing build (`mkdocs build`); a warning stops only a strict one
(`--strict`), and the banner says exactly that: a page with warnings alone never says the
build will fail. Each line carries its own label (错误 / 警告), so that the two read apart
without colour too.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from shangliang.model import Problem

PROBLEMS_JSON = "_shangliang/problems.json"
"""Written into the preview's site by every build; the banner script reads it (never in a published site)."""


SEVERITY_LABELS = {"error": "错误", "warning": "警告"}

ERRORS_SAY = "{count} 处错误（发布构建会因此失败，请先修正）"
WARNINGS_SAY = "{count} 处警告（严格构建 --strict 会因此失败）"


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

    @property
    def tone(self) -> str:
        """`errors` when any line is an error, `warnings` when all are warnings, `none` when there is none."""
        if any(line.severity == "error" for line in self.lines):
            return "errors"
        return "warnings" if self.lines else "none"

    def to_json(self) -> str:
        lines = [{"severity": line.severity, "label": line.label, "text": line.text} for line in self.lines]
        return json.dumps({"heading": self.heading, "tone": self.tone, "lines": lines}, ensure_ascii=False)


def problem_report(problems: Iterable[Problem]) -> ProblemReport:
    """The banner for these problems, a line each: the errors first, then the warnings (each in the build's order)."""
    problems = sorted(problems, key=lambda problem: not problem.is_error)
    errors = sum(problem.is_error for problem in problems)
    warnings = len(problems) - errors
    parts = []
    if errors:
        parts.append(ERRORS_SAY.format(count=errors))
    if warnings:
        parts.append(WARNINGS_SAY.format(count=warnings))
    heading = "内容有 " + "、".join(parts) + "：" if parts else "内容没有问题。"
    lines = tuple(ProblemLine(problem.severity.value, str(problem)) for problem in problems)
    return ProblemReport(heading, lines)
