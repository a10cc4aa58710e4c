"""What `scripts/check.py` reports about a content tree: problem lines, a summary, a JSON object.

The lines are the build's own, after their severity (`错误: cases/2024/x.md: date（协商日期）: …`, see
`cli.common.problem_line`); the JSON object carries the same problems field by field, for
tools such as CI annotations:

```json
{
  "version": 1,
  "ok": false,
  "strict": false,
  "problems": [
    {"severity": "error", "file": "cases/2024/x.md", "path": "content/cases/2024/x.md",
     "line": 3, "field": "date", "label": "协商日期", "code": "not-a-date",
     "message": "不是日期（写的是 '2024-13-45'；应写成 YYYY-MM-DD、YYYY-MM 或 YYYY）",
     "text": "错误: cases/2024/x.md: date（协商日期）: 不是日期（写的是 '2024-13-45'；应写成 YYYY-MM-DD）"}
  ],
  "counts": {"errors": 1, "warnings": 0, "files_with_problems": 1,
             "cases": 20, "districts": 14, "brands": 5},
  "summary": "1个文件中有1处错误"
}
```

`severity` and the keys are the same in every language; `text` (the line `check.py` prints)
and `summary` are in the run's language (Chinese, or English with `--lang en`).

`file` is relative to the content folder (as in the build's lines), `path` is the file
as found from where the command ran, `line` is the line of the front matter that holds
the field (null when the problem is not about one written field), `field` is "" for a
problem of the whole file, `label` the field's Chinese label ("" when the key is not one the
contract knows), `code` the stable name of the kind of problem (`shangliang.messages`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from shangliang.cli import texts
from shangliang.cli.common import problem_line
from shangliang.content.catalogue import LoadResult
from shangliang.model import Kind, Problem, errors_among, warnings_among

JSON_VERSION = 1


@dataclass(frozen=True)
class ContentReport:
    """Every problem of one content tree, with how many cases, districts and brands it holds."""

    problems: tuple[Problem, ...]
    cases: int
    districts: int
    brands: int

    @classmethod
    def of(cls, result: LoadResult) -> ContentReport:
        """The report of a loaded tree; counts are of files of each kind, drafts and broken files included."""
        kinds = Counter(result.kinds.values())
        return cls(tuple(result.problems), kinds[Kind.CASE], kinds[Kind.DISTRICT], kinds[Kind.BRAND])

    @property
    def errors(self) -> list[Problem]:
        return errors_among(self.problems)

    @property
    def warnings(self) -> list[Problem]:
        return warnings_among(self.problems)

    @property
    def files_with_problems(self) -> int:
        return len({problem.src_uri for problem in self.problems})

    def failed(self, *, strict: bool = False) -> bool:
        """Errors fail a check; under `strict`, as in `mkdocs build --strict`, warnings too."""
        return bool(self.errors) or (strict and bool(self.warnings))

    def summary(self) -> str:
        """`20个案例、14个区县、5个品牌：没有发现问题` or `6个文件中有7处错误、3处警告` (in English with --lang en)."""
        if not self.problems:
            return texts.NO_PROBLEMS(
                cases=texts.CASES(self.cases),
                districts=texts.DISTRICTS(self.districts),
                brands=texts.BRANDS(self.brands),
            )
        parts = [texts.ERRORS(len(self.errors))] if self.errors else []
        if self.warnings:
            parts.append(texts.WARNINGS(len(self.warnings)))
        return texts.PROBLEMS_IN(problems=texts.AND().join(parts), files=texts.FILES(self.files_with_problems))

    def as_json(
        self,
        *,
        path_of: Callable[[str], str],
        line_of: Callable[[Problem], int | None] = lambda problem: None,
        strict: bool = False,
    ) -> dict[str, Any]:
        """The object documented above; `path_of(src_uri)` gives each file's `path`."""
        return {
            "version": JSON_VERSION,
            "ok": not self.failed(strict=strict),
            "strict": strict,
            "problems": [
                {
                    "severity": problem.severity.value,
                    "file": problem.src_uri,
                    "path": path_of(problem.src_uri),
                    "line": problem.line if problem.line is not None else line_of(problem),
                    "field": problem.field,
                    "label": problem.label,
                    "code": problem.code,
                    "message": problem.message,
                    "text": problem_line(problem),
                }
                for problem in self.problems
            ],
            "counts": {
                "errors": len(self.errors),
                "warnings": len(self.warnings),
                "files_with_problems": self.files_with_problems,
                "cases": self.cases,
                "districts": self.districts,
                "brands": self.brands,
            },
            "summary": self.summary(),
        }


_FENCE = re.compile(r"^---[ \t]*$")


def field_line(text: str, field: str) -> int | None:
    """The 1-based line of the front matter where the top-level `field` is written, if it is.

    `source.url` is looked up as `source`; a field written nowhere (a missing required field,
    a problem of the whole file) has no line.
    """
    name = field.split(".", 1)[0].split("[", 1)[0].strip()
    if not name:
        return None
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or not _FENCE.match(lines[0]):
        return None
    written = re.compile(rf"^(['\"]?){re.escape(name)}\1[ \t]*:")
    for number, line in enumerate(lines[1:], start=2):
        if _FENCE.match(line):
            return None
        if written.match(line):
            return number
    return None
